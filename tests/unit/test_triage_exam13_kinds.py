"""Kinds of language exam13's first score showed the lexicon missing, each with sentences of
our own in both languages and their contrasts (exam13 is a tuning set now)."""

from __future__ import annotations

import pytest

from coach.core.triage import understand
from coach.core.types import RedFlag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a spasm that has not gone away, told by the perfect tense and a day
        ("el parpado no se me ha calmado desde el sabado, pero todo bien", RedFlag.PROLONGED),
        ("el tic no se le ha quitado a mi mama desde el domingo", RedFlag.PROLONGED),
        # "no letup" as a noun
        ("lower lid twitch, no letup since the weekend", RedFlag.PROLONGED),
        # a cause the writer only supposes ("seguro es de...") does not explain the symptom
        ("veo doble, seguro es del cansancio", RedFlag.VISION),
        ("tengo la cara dormida, seguramente por la postura", RedFlag.WEAKNESS),
    ],
)
def test_exam13_kinds_are_flagged(text: str, flag: RedFlag) -> None:
    assert flag in understand(text).red_flags


@pytest.mark.parametrize(
    "text",
    [
        "el tic se fue el martes y no ha vuelto",
        "no letup at work this week, but the eyelid is calm. 2",
        "el oculista dijo que las gotas son seguras, veo bien",
    ],
)
def test_exam13_contrasts_get_no_advice(text: str) -> None:
    reading = understand(text)
    assert not reading.red_flags, reading
