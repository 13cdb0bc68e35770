"""Kinds of language exam10's first score showed the readers missing, each shown with
sentences of our own in both languages, and their contrasts (exam10 is a tuning set now)."""

from __future__ import annotations

import pytest

from coach.core.triage import understand
from coach.core.types import RedFlag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a benign cause denied outright is no cause
        ("my lip went numb on one side, no idea why, i havent been to the dentist",
         RedFlag.WEAKNESS),
        ("talking slurred all evening and i dont even drink", RedFlag.SPEECH),
        ("hablo arrastrado y no bebo nada de alcohol", RedFlag.SPEECH),
        ("tengo medio labio dormido y no he ido al dentista", RedFlag.WEAKNESS),
        # a simile to a cause describes the feeling; it does not state the cause
        ("my cheek feels numb like after a filling", RedFlag.WEAKNESS),
        ("la mejilla dormida como despues de la anestesia del dentista, sin haber ido",
         RedFlag.WEAKNESS),
        # the reason given for someone's question is a fact
        ("my boss asked if i was drunk because my words came out slurred", RedFlag.SPEECH),
        ("mi esposo me pregunto si habia tomado porque hablaba arrastrando las palabras",
         RedFlag.SPEECH),
    ],
)
def test_a_denied_cause_a_simile_and_a_reason_keep_the_flag(text: str, flag: RedFlag) -> None:
    assert flag in understand(text).red_flags


@pytest.mark.parametrize(
    "text",
    [
        # contrasts: the cause really stated, or the whole thing asked
        "lip still numb from the dentist this morning, it's wearing off",
        "slurring a bit after 4 beers lol",
        "tengo la boca dormida del dentista",
        "what if my speech got slurred because of the botox, is that possible?",
        "what if my face droops after the injection?",
    ],
)
def test_a_cause_stated_or_a_question_still_sets_it_aside(text: str) -> None:
    assert understand(text).red_flags == ()
