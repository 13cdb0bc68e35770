"""Kinds of red flag and rating exam19's first score showed both readers missing, with
sentences of our own and their contrasts (exam19 is a tuning set now)."""

from __future__ import annotations

import pytest

from coach.core.triage import understand
from coach.core.types import RedFlag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # swallowing that does not happen, told by a carer, and the clinical word
        ("dad keeps holding food in his mouth and isn't swallowing it", RedFlag.SWALLOWING),
        ("she won't swallow her food anymore", RedFlag.SWALLOWING),
        ("me cuesta deglutir el pan", RedFlag.SWALLOWING),
        ("se le dificulta tragar a mi mama", RedFlag.SWALLOWING),
        # new to the patient, whatever the cause: the cause explains nothing
        ("short of breath walking up the drive, never had this before", RedFlag.BREATHING),
        ("me falta el aire al subir la escalera, nunca me habia pasado", RedFlag.BREATHING),
        # the eye gone misty
        ("my left eye has gone cloudy since lunch", RedFlag.VISION),
        ("is this normal? mine has been misty all day", RedFlag.VISION),
        # pain told in one word
        ("agonizing", RedFlag.SEVERE_PAIN),
    ],
)
def test_red_flags_from_exam19(text: str, flag: RedFlag) -> None:
    assert flag in understand(text).red_flags


@pytest.mark.parametrize(
    "text",
    [
        "out of breath after the gym, twitch 3",
        "the mirror was all misty after the shower",
        "my glasses are misty",
        "the wait at the clinic was agonising, twitch 4",
        "i didn't swallow my pride",
    ],
)
def test_their_contrasts_are_routine(text: str) -> None:
    assert understand(text).red_flags == ()


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        ("nuthin today thank goodness", 0),
        ("el parpado ni lo senti hoy", 0),
        ("hoy no me salto nada el ojo", 0),
        ("yesterday a 7 and today not a single twitch", 0),
        ("ayer un 6 y hoy ni se asomo, cero absoluto", 0),
        ("1 pastilla de magnesio en la noche", None),
        ("took 1 pill at night", None),
        ("nothing to report", None),  # the writers disagree; most leave it unrated
    ],
)
def test_ratings_from_exam19(text: str, severity: int | None) -> None:
    assert understand(text).severity == severity
