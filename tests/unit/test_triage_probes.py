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


# exam5's classes: a pain word as subject then "is/es" + an evaluative adjective; general
# questions about treatment or care; a relative's past condition; "nada borroso"; "5k".
@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("el dolor detrás de la oreja es horrible", P),
        ("el dolor en el lado izquierdo de la cara es brutal", P),
        ("the pain behind my ear on the left is awful", P),
        ("my face is numb, is that a reason to go to A&E?", W),
        ("¿el bótox puede dar visión borrosa? ya me lo pusieron y veo borroso", RedFlag.VISION),
        ("does botox ever make it hard to swallow? its hard to swallow now", RedFlag.SWALLOWING),
        ("mom had bells palsy, my pain is awful", P),
        ("la vista borrosa, nada claro", RedFlag.VISION),
    ],
)
def test_exam5_class_flags(text: str, flag: RedFlag) -> None:
    assert flag in understand(text).red_flags


@pytest.mark.parametrize(
    "text",
    [
        "el dolor detrás de la oreja no es horrible",
        "is numbness a reason to go to A&E?",
        "Does botox ever make it hard to swallow? asking before my appointment",
        "¿el bótox puede dar visión borrosa? todavía no me lo ponen",
        "mom had trigeminal neuralgia, said the pain was awful. mine's just a twitch",
        "mi mamá tuvo neuralgia, dijo que el dolor era horrible",
        "la vista normal, nada borroso",
        "la vista bien, nada raro",
        "vision ok, nothing blurry",
    ],
)
def test_exam5_class_near_miss_stays_routine(text: str) -> None:
    assert understand(text).red_flags == ()


@pytest.mark.parametrize(("text", "rating"), [("my nephew did a 5k, im proud, twitch is 1", 1),
                                              ("ran a 10k today. 3", 3)])
def test_race_distance_is_not_a_rating(text: str, rating: int) -> None:
    assert understand(text).severity == rating
