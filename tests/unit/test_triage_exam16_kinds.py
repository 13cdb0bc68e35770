"""Kinds of language exam16's first score showed the lexicon missing, each with sentences of
our own in both languages and their contrasts (exam16 is a tuning set now)."""

from __future__ import annotations

import pytest

from coach.core.triage import understand
from coach.core.types import RedFlag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # what will not go down, with its owner named
        ("cant get my tablets down this morning", RedFlag.SWALLOWING),
        # food stuck in the neck or chest
        ("la carne se me queda atorada en el pecho cada vez", RedFlag.SWALLOWING),
        # a twitch told by a machine that shakes, for days
        ("el parpado como licuadora desde el lunes", RedFlag.PROLONGED),
        ("my lid has been going like a jackhammer since the weekend", RedFlag.PROLONGED),
        # wanting to join someone who has died
        ("mom says she just wants to be with dad now, she stopped her meds", RedFlag.SELF_HARM),
        ("mi abuela dice que ya quiere irse con mi abuelo al cielo", RedFlag.SELF_HARM),
    ],
)
def test_exam16_kinds_are_flagged(text: str, flag: RedFlag) -> None:
    assert flag in understand(text).red_flags


@pytest.mark.parametrize(
    "text",
    [
        "tengo el cuello trabado de dormir chueco",
        "i want to go be with my mom for christmas",
        "quiero estar con mi mama el domingo",
        "made a smoothie in the blender, eye calm today",
    ],
)
def test_exam16_contrasts_get_no_advice(text: str) -> None:
    assert not understand(text).red_flags


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        ("rough meeting but the twitch was only 2", 2),
        ("trabaje de 8 a 5, cansada", None),
        ("el tic estuvo en tres punto tome agua", 3),
        ("tic 5 cafe 2 horas de pantalla 6", 5),
        ("no twitch all morning, by night id give it a 4", 4),
        ("un punto negro en la vista", None),
    ],
)
def test_severity_exam16(text: str, severity: int | None) -> None:
    assert understand(text).severity == severity
