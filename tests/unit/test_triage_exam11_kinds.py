"""Kinds of language exam11's first score showed the readers missing, each with sentences of
our own in both languages and their contrasts (exam11 is a tuning set now)."""

from __future__ import annotations

import pytest

from coach.core.triage import understand
from coach.core.types import RedFlag


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # unable to say what one knows best
        ("at the bank i couldnt say my own phone number", RedFlag.SPEECH),
        ("she couldnt tell the nurse her own name this morning", RedFlag.SPEECH),
        # looking at a height and thinking things
        ("some nights i stand on the balcony and think things", RedFlag.SELF_HARM),
        ("me quedo viendo las vias del tren y se me ocurren cosas", RedFlag.SELF_HARM),
        ("miro la ventana y pienso en tirarme", RedFlag.SELF_HARM),
        # "atorarse": choking on food or drink
        ("me atoro con el agua desde ayer", RedFlag.SWALLOWING),
        ("se me atora la comida en la garganta", RedFlag.SWALLOWING),
        # "si no" as "otherwise": what happens now whenever they are not careful
        ("como todo en pedacitos porque si no me atoro", RedFlag.SWALLOWING),
        ("tomo el cafe a sorbos pq si no me ahogo con el", RedFlag.SWALLOWING),
        # a simile that runs on ("como cuando te ponen ... en el dentista") states no cause
        ("tengo el labio dormido, como cuando te ponen la inyeccion en el dentista",
         RedFlag.WEAKNESS),
    ],
)
def test_exam11_kinds_are_flagged(text: str, flag: RedFlag) -> None:
    assert flag in understand(text).red_flags


@pytest.mark.parametrize(
    "text",
    [
        "couldnt tell the difference between the two coffees",
        "i stand on the balcony and look at the stars",
        "miro el balcon y pienso en las plantas que tengo que regar",
        "me atore en el trafico dos horas",
        "no me atoro para nada, como bien",
        "si no me atoro con la pastilla la tomo entera",
        "tengo la boca dormida por la anestesia del dentista",
    ],
)
def test_their_contrasts_stay_routine(text: str) -> None:
    assert understand(text).red_flags == ()
