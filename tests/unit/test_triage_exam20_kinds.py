"""Kinds of red flag and false alarm exam20's first score showed in English, with sentences
of our own and their contrasts (exam20 is a tuning set now)."""

from __future__ import annotations

import pytest

from coach.core.triage import understand
from coach.core.types import RedFlag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("feeling SOB walking to the car", RedFlag.BREATHING),
        ("sob since this morning and worse lying down", RedFlag.BREATHING),
        ("honestly i feel like disappearing forever", RedFlag.SELF_HARM),
        ("the spasm hasn't eased off since friday", RedFlag.PROLONGED),
        ("my son says i'm not making sense when i talk", RedFlag.SPEECH),
    ],
)
def test_red_flags_from_exam20(text: str, flag: RedFlag) -> None:
    assert flag in understand(text).red_flags


@pytest.mark.parametrize(
    "text",
    [
        "i sob at every sad film, twitch 2",  # sob, the verb
        "I wish the twitch would disappear forever",  # the twitch, not the person
        "eyes are grand, nae blur at all, wee flicker only",  # Scots negation
        "suppose my face drooped, what would you do?",  # a hypothetical
        "wheezing at the memes my brother sends 😂",  # a laugh
        "the baby is drooling everywhere, teething again",  # a baby's drool
        "talking funny today because I bit my tongue",  # a bitten tongue
    ],
)
def test_contrasts_from_exam20_are_routine(text: str) -> None:
    assert understand(text).red_flags == ()
