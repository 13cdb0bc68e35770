"""Kinds of language exam12's first score showed the lexicon missing, each with sentences of
our own in both languages and their contrasts (exam12 is a tuning set now)."""

from __future__ import annotations

import pytest

from coach.core.triage import understand
from coach.core.types import RedFlag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a lethal amount searched, the pills named by what they are
        ("been googling how many tylenol it would take", RedFlag.SELF_HARM),
        ("busque cuantos clonazepam hacen falta", RedFlag.SELF_HARM),
        # a pet or one's things given away as a farewell
        ("ya regale mi gata, y tambien casi todas mis cosas", RedFlag.SELF_HARM),
        ("gave away my dog yesterday, it's easier this way", RedFlag.SELF_HARM),
        # no longer being there to read the texts
        ("ya no voy a estar para cuando lleguen sus mensajes", RedFlag.SELF_HARM),
        ("you can stop, i wont be around to read these", RedFlag.SELF_HARM),
        # the emphatic "si" (its accent folded away) is a statement, not "if"
        ("lo que si tengo es un dolor de oido insoportable", RedFlag.SEVERE_PAIN),
        ("eso si, el dolor de la mandibula es insoportable", RedFlag.SEVERE_PAIN),
        # "when i was" doing something today is now, not a childhood
        ("when i was at the till just now my mouth drooped on one side", RedFlag.WEAKNESS),
        ("when i was cooking tonight i saw double for a while", RedFlag.VISION),
    ],
)
def test_exam12_kinds_are_flagged(text: str, flag: RedFlag) -> None:
    assert flag in understand(text).red_flags


@pytest.mark.parametrize(
    "text",
    [
        # a dose asked, not a lethal amount
        "how many paracetamol can i take for a headache",
        "how many ibuprofen does it take to help a toothache",
        # a gift to a pet; away on a trip
        "le regale a mi perro un juguete nuevo",
        "i wont be around to read these next week, on holiday",
        "ya no voy a estar en la ciudad el mes que viene",
        # a real "if"
        "si tengo un dolor insoportable que hago",
        # an age or a life stage
        "when i was 20 my face went numb for a week",
        "when i was a kid my face drooped from bells palsy",
    ],
)
def test_exam12_contrasts_get_no_advice(text: str) -> None:
    reading = understand(text)
    assert not reading.red_flags, reading
