"""Self-injury told by the act rather than a wish: hitting, punching or slapping oneself,
scratching or pulling at the eyelid until it bleeds, bruises left by it. The lexicon gives
crisis advice at once; the same body and the same verbs by accident, by someone else, or as
a gentle trick for the twitch stay routine."""

from __future__ import annotations

import pytest

from coach.core.triage import understand
from coach.core.types import Level, RedFlag

SELF_INJURY = [
    "I punch myself in the head when the spasm won't quit",
    "been slapping my cheek to stop the twitch, it's all red and bruised",
    "I pull at my eyelid until it bleeds",
    "scratched my face till it bled because of the twitch",
    "my arms are covered in bruises from hitting myself",
    "gave myself a black eye trying to make it stop",
    "i scratch at my own skin when the twitching gets bad",
    "I hit my head against the wall on purpose",
    "burning myself with a lighter helps me cope",
    "i keep smacking my own eye, it wont stop jumping",
    "me doy cachetadas para que se me quite el tic",
    "me jalo el párpado hasta que me sangra",
    "me rasguño la cara hasta sacarme sangre",
    "me golpeo la cabeza cuando no para el espasmo",
    "me arañé los brazos hasta dejarme marcas",
    "me he dejado moretones en la cara de tanto pegarme",
    "me estoy dando golpes en la cara para que pare",
    "me pego en el ojo cada vez que brinca",
]
ROUTINE = [
    "hit my face on the door by accident, twitch 3",
    "I rubbed my eye and now it's a bit red",
    "scratched an itch near my eye, all good",
    "I banged my head on the cupboard this morning",
    "I burned myself on the stove cooking dinner",
    "scratched myself on a rose bush in the garden",
    "my kid hit me in the face with a toy lol",
    "I tap my eyelid gently to stop the twitch",
    "I press on my eyelid and it calms down",
    "my eyelid bruised after the botox shot, normal the doctor said",
    "me pegué en la cabeza con la puerta del carro",
    "me tallé el ojo y se puso rojo",
    "me rasqué la picadura del mosquito",
    "me di un golpe sin querer con la mesa",
    "me hice moretones al caer de la bici",
    "me pego una siesta y se me quita el tic",
    "me doy masajes en el párpado para que pare",
    "mi hijo me pegó en la cara jugando",
    "me froto los ojos cuando estoy cansada",
]


@pytest.mark.parametrize("text", SELF_INJURY)
def test_self_injury_by_the_act_gets_crisis_advice(text: str) -> None:
    reading = understand(text)
    assert RedFlag.SELF_HARM in reading.red_flags, text
    assert reading.level is Level.EMERGENCY


@pytest.mark.parametrize("text", ROUTINE)
def test_the_same_acts_by_accident_or_by_others_stay_routine(text: str) -> None:
    assert RedFlag.SELF_HARM not in understand(text).red_flags, text
