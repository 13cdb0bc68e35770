"""Kinds of red flag exam21's first score left with neither advice nor a question, with
sentences of our own and their contrasts (exam21 is a tuning set now)."""

from __future__ import annotations

import pytest

from coach.core.triage import understand
from coach.core.types import RedFlag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("honestly feeling like dying lol, twitch 6", RedFlag.SELF_HARM),
        ("ando triste y pienso en ya no estar", RedFlag.SELF_HARM),
        ("can't get my left eyelid to shut since the palsy started", RedFlag.WEAKNESS),
        ("no logro que el parpado se cierre", RedFlag.WEAKNESS),
    ],
)
def test_red_flags_from_exam21(text: str, flag: RedFlag) -> None:
    assert flag in understand(text).red_flags


@pytest.mark.parametrize(
    "text",
    [
        "i feel like dying of embarrassment, i waved at a stranger",
        "pienso en no estar tanto en el celular, twitch 3",
        "can't get my kid to close the door lol",
    ],
)
def test_their_contrasts(text: str) -> None:
    assert understand(text).red_flags == ()
