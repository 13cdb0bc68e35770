"""Kinds of language exam14's first score showed the lexicon missing or misreading, each with
sentences of our own in both languages and their contrasts (exam14 is a tuning set now)."""

from __future__ import annotations

import pytest

from coach.core.triage import understand
from coach.core.types import Command, RedFlag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # awake means all of it: a spasm told by "every waking minute"
        ("five days of this, every waking hour", RedFlag.PROLONGED),
        ("lleva asi cada minuto que estoy despierto desde el viernes", RedFlag.PROLONGED),
        # a head pounding or throbbing takes a pain word's qualifiers
        ("my temples are throbbing like never before", RedFlag.SEVERE_PAIN),
        ("head pounding the worst its ever been", RedFlag.SEVERE_PAIN),
        # one side of the face told by how it looked, in the past tense too
        ("the right side of my mouth looked wrong in the video call", RedFlag.WEAKNESS),
        ("a mi papa un lado de la cara se le veia caido en la cena", RedFlag.WEAKNESS),
    ],
)
def test_exam14_kinds_are_flagged(text: str, flag: RedFlag) -> None:
    assert flag in understand(text).red_flags


@pytest.mark.parametrize(
    "text",
    [
        # how a face looks is no sight: "se le ve" is appearance
        "la sonrisa se me ve bonita con los brackets nuevos",
        "pounding the pavement all week for a new job, twitch 3",
        "music was pounding so loud at the wedding",
        "every waking minute i think about the move, so excited",
    ],
)
def test_exam14_contrasts_get_no_advice(text: str) -> None:
    reading = understand(text)
    assert not reading.red_flags, reading


def test_seen_blur_is_still_vision() -> None:
    assert RedFlag.VISION in understand("con el ojo izquierdo se me ve todo borroso").red_flags


def test_spanglish_no_more_texts_is_stop() -> None:
    assert understand("no more mensajes please, ya me siento bien").command is Command.STOP
