"""Contrast tests for the classes a probe pass found missing (lexicon_probes.py)."""

from __future__ import annotations

import pytest

from coach.core.triage import understand
from coach.core.types import RedFlag

W, SH, P, PR = RedFlag.WEAKNESS, RedFlag.SELF_HARM, RedFlag.SEVERE_PAIN, RedFlag.PROLONGED


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("her hand wont grip the railing", W),
        ("my fingers cant grab the spoon", W),
        ("numbness all along his left arm", W),
        ("tingling down my whole right side", W),
        ("siento hormigas en todo el brazo derecho", W),
        ("cosquilleo por toda la mitad de la cara", W),
        ("no tengo fuerza en la mano izquierda", W),
        ("se quedó sin fuerza en el brazo", W),
        ("she keeps dropping her fork at dinner", W),
        ("i wish i werent alive", SH),
        ("wish i wasnt born", SH),
        ("i wish i could just vanish", SH),
        ("headache like ive never had before", P),
        ("un dolor de oído como nunca", P),
        ("el párpado se me cierra y no lo puedo abrir", PR),
    ],
)
def test_probe_class_is_flagged(text: str, flag: RedFlag) -> None:
    assert flag in understand(text).red_flags


@pytest.mark.parametrize(
    "text",
    [
        "my hand is fine now, it grips normally",
        "no tingling anywhere today, twitch 2",
        "ya tengo fuerza en la mano, todo bien",
        "the twitch kept dropping off through the day",
        "i wish the twitch would just disappear",
        "wish i could just disappear to the beach for a week",
        "ojalá el tic desaparezca, un 3",
        "not much pain, nothing like ive felt before, 2/10",
        "el ojo se me cierra cuando tengo sueño pero lo abro sin problema",
        "no tengo hormigueo en la cara",
    ],
)
def test_probe_near_miss_stays_routine(text: str) -> None:
    assert understand(text).red_flags == ()
