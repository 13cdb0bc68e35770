"""Self-harm told as a plan rather than a wish: means made ready, a method or a time settled,
goodbye letters left "just in case". The lexicon gives crisis advice at once; the same words
about pill organisers, exercises or notes for the doctor stay routine."""

from __future__ import annotations

import pytest

from coach.core.triage import understand
from coach.core.types import Level, RedFlag

PLANS = [
    "whats the point of any of this. im done. ive got the pills lined up",
    "all my sleeping pills are laid out on the nightstand",
    "the tablets are counted out in front of me",
    "razor blades in my hand right now",
    "i know exactly how i would do it",
    "ive decided when im going to end it",
    "i worked out where ill kill myself",
    "wrote letters to my kids today just in case",
    "recorded a video for my wife for when im gone",
    "left notes for everyone for after im gone",
    "dont bother texting, i wont need anything where im going",
    "las pastillas para dormir ya estan alineadas",
    "tengo las pastillas todas juntas en la mano",
    "ya se como lo voy a hacer",
    "ya decidí cómo acabar con todo",
    "les escribí cartas a mis hijos por si acaso",
    "grabé mensajes para mi familia por si acaso",
]
ROUTINE = [
    "i put my pills in the weekly organizer",
    "my meds are lined up in the cupboard by day, twitch 3",
    "i know how i would do it better next time, the 20 20 20 thing",
    "figured out how to do it with a timer",
    "wrote notes for the doctor just in case i forget",
    "i left a note for the nurse in case she calls",
    "i know when im going to do it, after lunch",
    "tengo las pastillas listas para el viaje",
    "ya se como hacerlo, el ejercicio de los ojos",
    "dejé notas para la doctora por si acaso olvido algo",
    "ya sé cuándo lo voy a hacer, después de comer",
]


@pytest.mark.parametrize("text", PLANS)
def test_a_plan_gets_crisis_advice(text: str) -> None:
    reading = understand(text)
    assert RedFlag.SELF_HARM in reading.red_flags, text
    assert reading.level is Level.EMERGENCY


@pytest.mark.parametrize("text", ROUTINE)
def test_the_same_words_without_a_plan_stay_routine(text: str) -> None:
    assert RedFlag.SELF_HARM not in understand(text).red_flags, text
