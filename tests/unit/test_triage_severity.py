from __future__ import annotations

import pytest

from coach.core.triage import understand
from coach.core.types import RedFlag


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        ("4", 4), ("6/10", 6), ("8 out of 10", 8), ("about a 5", 5), ("maybe a 3 today", 3),
        ("seven", 7), ("eight", 8), ("zero today", 0), ("none today", 0),
        ("no twitch today", 0), ("5 de 10", 5), ("un 4", 4), ("siete", 7),
        ("ninguno hoy", 0), ("right eyelid, 4", 4), ("twitch 5", 5),
        ("9 out of 10, rough day", 9), ("Monday: 3", 3), ("its a 7 tonight", 7),
        ("slept 5 hours, twitch 3", 3),
    ],
)
def test_rating(text: str, severity: int) -> None:
    assert understand(text).severity == severity


@pytest.mark.parametrize(
    "text",
    ["did the break", "better today", "for 5 days", "at 3pm", "2 cups of coffee",
     "did the 20-20-20 thing", "day 12", "took 3 breaks", "slept 5 hours", "cheers"],
)
def test_numbers_that_are_not_ratings(text: str) -> None:
    assert understand(text).severity is None


def test_ten_out_of_ten_pain_is_severe_pain() -> None:
    reading = understand("10/10 pain")
    assert reading.severity == 10
    assert RedFlag.SEVERE_PAIN in reading.red_flags


def test_high_twitch_rating_alone_is_routine() -> None:
    reading = understand("10/10 awful twitching this evening")
    assert reading.severity == 10
    assert reading.red_flags == ()
