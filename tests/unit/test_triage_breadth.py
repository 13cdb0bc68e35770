"""Classes of language a blind set (exam2) showed missing, each covered broadly in English
and Spanish, with contrasts: the same words as a figure of speech, a joke, a song, a cause
that explains them, or a rating that is not about pain.

None of these lines is in any data file under tests/data/triage/."""

from __future__ import annotations

import pytest

from coach.core.triage import understand
from coach.core.types import RedFlag

W, SP, SW, BR = RedFlag.WEAKNESS, RedFlag.SPEECH, RedFlag.SWALLOWING, RedFlag.BREATHING
VI, PA, PR = RedFlag.VISION, RedFlag.SEVERE_PAIN, RedFlag.PROLONGED

AFFIRMED: dict[str, tuple[RedFlag, list[str]]] = {
    "pain rated 8-10 in any form, also in the next clause": (PA, [
        "pain 9 out of 10", "on a scale of 1 to 10 my jaw pain is a 9", "pain is at a ten today",
        "the ache in my face is a nine", "I would rate my pain at ten.",
        "Jaw pain since lunch. I'd put it at 8.", "face hurts, i'd say 9", "jaw pain. 10. help",
        "tengo un dolor de 10", "el dolor está en 9", "me duele la cara, como un 10",
        "me duele la muela del juicio, un 8", "dolor de cara, le pongo un 9",
    ]),
    "unbearable, killing me, worst, intensifiers": (PA, [
        "pain is literally unbearable", "honestly this pain is unreal", "jaw is killing me",
        "this headache is killing me", "the pain behind my eye is brutal",
        "fr the cheek pain is unbearable rn", "no cap my jaw is killing me",
        "excruciating ear pain", "can't stand this pain anymore", "i'm in agony",
        "el dolor es insoportable", "dolor insoportable en la quijada", "me duele como nunca",
        "me estoy muriendo de dolor", "me duele una candela", "el dolor es brutal",
        "dolor atroz en la cara", "el dolor de la mandíbula me está matando",
        "ya no puedo con este dolor", "no manches, el dolor es inaguantable",
    ]),
    "sounding drunk, said every way": (SP, [
        "To my coach. My wife is talking as though she has had too much to drink. She has not.",
        "he sounds like he got drunk but he hasnt had a drop", "people keep asking if i'm drunk",
        "i sound drunk and i havent had anything", "talking like im drunk",
        "habla como si hubiera tomado y no ha tomado nada",
        "mi papá habla como si estuviera borracho",
        "me preguntaron si estaba borracho", "suena como si hubiera bebido",
    ]),
    "words out of order, missing, or noticed by others": (SP, [
        "my words are coming out jumbled", "words keep coming out all wrong",
        "she is mixing up her words", "cant find the right words since this morning",
        "my wife says im slurring", "his speech is slurred", "he's making no sense when he talks",
        "las palabras me salen al revés", "las frases me salen revueltas, mi esposo lo notó",
        "no encuentro las palabras desde ayer", "se le olvidan las palabras a mi mamá",
        "mi esposa dice que hablo raro", "mi mamá no habla claro", "arrastro las palabras",
    ]),
    "weakness told by function": (W, [
        "his face is pulled to the left", "her mouth droops to one side when she talks",
        "can't keep my left eye closed when i wash my face", "my eye wont close all the way",
        "shampoo gets in my right eye every time, it wont shut",
        "spoon keeps falling out of my hand", "the cup slid right out of my fingers",
        "coffee dribbles out when i drink", "left hand is clumsy since lunch",
        "cant lift my right arm",
        "no puedo cerrar bien el ojo derecho", "no puedo mantener el ojo cerrado",
        "se me resbala la cuchara de los dedos", "se me sale el café cuando tomo",
        "se me puso torcida la boca", "se le quedó chueca la cara a mi abuela",
        "se me callo la boca de un lado", "me muerdo el cachete todo el rato",
        "tengo la mano izquierda torpe", "mi mano derecha no me responde",
        "no puedo levantar el brazo",
    ]),
    "vision gone, one side unseen, bumping into things": (VI, [
        "vision went dark in my right eye", "half my vision is black",
        "i cant see anything on my left",
        "i keep bumping into things on my left", "lost vision in one eye for a few minutes",
        "no ve nada del lado izquierdo", "me choco con todo desde ayer", "se choca con las puertas",
        "perdí la vista de un ojo", "la vista se me fue un rato",
    ]),
    "a throat that tightens or closes": (BR, [
        "my throat feels tight and closing", "throat is closing up",
        "airway feels like it's closing",
        "se me cierra la garganta", "siento la garganta apretada",
        "la garganta se me está cerrando",
    ]),
    "telegraphic fragments read together": (VI, [
        "Sight. Left eye. Gone.", "Vision. Left side. Black. Ten minutes.",
        "Vista. Ojo derecho. Perdida.",
    ]),
    "telegraphic swallowing": (SW, [
        "Choking. On. Every. Bite.", "Tos. Con. Cada. Comida.",
    ]),
    "telegraphic weakness and speech": (W, [
        "Face. Left side. Drooping.", "Cara. Lado izquierdo. Caída.",
    ]),
    "'a' written for 'ha'": (PR, [
        "el ojo no a dejado de brincar desde el lunes", "el parpado no a parado en 3 dias",
    ]),
}

ROUTINE: dict[str, list[str]] = {
    "laughing about breathing": [
        "lol i cant breathe this meme", "cant breathe haha my brother is so dumb",
        "i cant breathe 😂", "no puedo respirar jajaja mi perro", "me ahogo de la risa",
    ],
    "figurative choking and drowning": [
        "choking on paperwork today", "drowning in emails", "me estoy ahogando en correos",
    ],
    "double as a pun": [
        "double shifts all week, twitch 5", "seeing double... double shifts again",
        "tengo doble turno, tic 4", "seeing double rainbows lol",
    ],
    "a limb asleep from how one sat": [
        "my leg fell asleep sitting on the floor", "foot went numb kneeling at mass",
        "se me durmió la pierna de estar sentada", "se me durmió el pie sentada en cuclillas",
    ],
    "song lyrics": [
        "cant feel my face lol the weeknd again", "i cant feel my face when im with you lol",
        "la canción esa de no puedo respirar la tengo en la cabeza",
    ],
    "going on with a thing, not with life": [
        "no quiero seguir con las gotas, me arden", "no quiero seguir tomando café",
        "i dont want to continue with the coffee",
    ],
    "figures of pain": [
        "traffic is killing me", "the wait is killing me", "the heat is unbearable",
        "el calor está insoportable", "el tráfico me está matando", "me muero de la risa",
    ],
    "a high rating that is the twitch's": [
        "twitch 9, no pain", "tic de 9, sin dolor", "twitching all day, 9. headache gone though",
        "No pain today. Twitch 9.",
    ],
    "childhood and family history": [
        "my cousin had bells palsy as a kid", "mi prima tuvo parálisis de Bell de chica",
        "mi tío tuvo la cara caída de joven",
    ],
    "being lost for words, a remark that came out wrong, being drunk": [
        "cant find the words to thank you", "no encuentro las palabras para agradecerles",
        "my words came out wrong in the meeting lol", "my husband came home drunk and slurring lol",
        "my kid is slurring pretending to be drunk",
    ],
    "sleepy eyes and blur from missing glasses": [
        "i cant keep my eyes open, so sleepy", "no puedo mantener los ojos abiertos de sueño",
        "the board is blurry because i forgot my glasses",
        "veo borroso porque no traigo mis lentes",
    ],
    "a number is not numbness": ["my phone number changed", "numbers on the bill look off"],
}


@pytest.mark.parametrize(
    ("flag", "text"),
    [(flag, text) for flag, lines in AFFIRMED.values() for text in lines],
)
def test_class_is_flagged(flag: RedFlag, text: str) -> None:
    assert flag in understand(text).red_flags


@pytest.mark.parametrize("text", [text for lines in ROUTINE.values() for text in lines])
def test_look_alike_is_routine(text: str) -> None:
    assert understand(text).red_flags == ()


@pytest.mark.parametrize(
    ("text", "rating"),
    [
        ("a solid 8 ngl", 8), ("un 7 la neta", 7), ("rated it a 6 yesterday, today more like 4", 4),
        ("ayer un 8, hoy un 3", 3), ("de 0 a 10 diría que 3", 3), ("from 1 to 10, a 4", 4),
        ("on a scale of 1 to 10 i'd say 2", 2), ("I would put it at 5.", 5),
        ("twitch 4 today, 8 yesterday", 4),
    ],
)
def test_rating(text: str, rating: int) -> None:
    assert understand(text).severity == rating


@pytest.mark.parametrize(
    "text",
    ["Please remove my number from this list", "delete my number from your list",
     "borren mi número por favor", "quiten mi número de la lista"],
)
def test_remove_my_number_is_stop(text: str) -> None:
    reading = understand(text)
    assert reading.command is not None and reading.command.value == "stop"
    assert reading.red_flags == ()


def test_someone_elses_telegraphic_report_is_about_them() -> None:
    reading = understand("My husband. Speech. Slurred. Since noon.")
    assert SP in reading.red_flags and reading.about_other
