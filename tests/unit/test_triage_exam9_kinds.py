"""False-flag kinds from exam9 (now a tuning set), each fixed as a class and checked here on
sentences of our own, in both languages, with contrasts that must still flag:

- heat or humidity as the subject after the verb ("me asfixia el calor") is a figure;
- a blur told by the Spanish verb ("se me nubla") that tears or onions explain;
- a palsy one is discharged from, or asked about living with ("can I drive with Bell's
  palsy?"), is the known episode, not a new symptom;
- "hace como 5 años": an approximate long-ago date is history too;
- something read or heard, then asked about ("leí que..., ¿es cierto?"), and fear about a
  symptom ("me dio miedo") report nothing;
- "no para" said of stress, work or pressure, "won't stop me from", hours of an activity "sin
  parar", and a spell that did not stop and then settled are no prolonged spasm;
- a cheek or lip numb or tingling from a cosmetic filler is the filler's (never a droop).
"""

from __future__ import annotations

import pytest

from coach.core.triage import understand
from coach.core.types import RedFlag

ROUTINE = [
    ("me ahoga el calor de la cocina, el tic en 2", RedFlag.BREATHING),
    ("nos sofoca la humedad en Veracruz, pero todo bien", RedFlag.BREATHING),
    ("me asfixia este bochorno, ojalá llueva", RedFlag.BREATHING),
    ("this heat is suffocating me today, twitch 3", RedFlag.BREATHING),
    ("lloré con la película y se me nubla todo, jaja", RedFlag.VISION),
    ("picando cebolla se me empañan los ojos", RedFlag.VISION),
    ("chopping onions and my eyes went all watery and blurry lol", RedFlag.VISION),
    ("el neurólogo me dio de alta de la parálisis de Bell", RedFlag.WEAKNESS),
    ("¿puedo manejar con la parálisis facial o espero?", RedFlag.WEAKNESS),
    ("can I drink coffee with bells palsy?", RedFlag.WEAKNESS),
    ("the neuro discharged me from the palsy follow up, all good", RedFlag.WEAKNESS),
    ("hace como 10 años veía doble, me pusieron lentes y ya", RedFlag.VISION),
    ("hace más de un año tuve la cara caída, ya estoy bien", RedFlag.WEAKNESS),
    ("leí que el tic a veces da visión borrosa, ¿es verdad?", RedFlag.VISION),
    ("dicen que el botox deja la cara caída, ¿es cierto?", RedFlag.WEAKNESS),
    ("I read that botox can cause double vision, is that true?", RedFlag.VISION),
    ("i heard the twitch can turn into a droopy face, is that a thing?", RedFlag.WEAKNESS),
    ("¿es común que el botox dé visión doble? me da miedo, me lo ponen en junio",
     RedFlag.VISION),
    ("is blurry vision a common side effect of the shots? im scared", RedFlag.VISION),
    ("la presión no para en la oficina pero el párpado tranquilo", RedFlag.PROLONGED),
    ("the stress at work never lets up but my eye has been ok", RedFlag.PROLONGED),
    ("el tic no me va a impedir ir a la boda", RedFlag.PROLONGED),
    ("the twitch wont stop me from running my 5k on sunday", RedFlag.PROLONGED),
    ("worked 10 hours straight without a break, twitch 4", RedFlag.PROLONGED),
    ("estudié 5 horas seguidas sin parar para el examen", RedFlag.PROLONGED),
    ("anoche no paraba, luego se quitó solo", RedFlag.PROLONGED),
    ("it didnt stop for an hour and then it calmed down", RedFlag.PROLONGED),
    ("this morning it wouldnt stop, but then it settled after lunch", RedFlag.PROLONGED),
    ("lip numb after my lip filler this morning, twitch 2", RedFlag.WEAKNESS),
    ("my cheek feels tingly since the filler, expected they said", RedFlag.WEAKNESS),
    ("tengo el labio adormecido por el ácido hialurónico de ayer", RedFlag.WEAKNESS),
    ("el cachete con hormigueo por el relleno, normal dijo la doctora", RedFlag.WEAKNESS),
]
STILL_FLAGGED = [
    ("me ahogo, no me entra el aire", RedFlag.BREATHING),
    ("me ahoga el pecho y no puedo respirar", RedFlag.BREATHING),
    ("se me nubla la vista de repente y no veo bien", RedFlag.VISION),
    ("my vision keeps going blurry and i havent been crying", RedFlag.VISION),
    ("can I still drive with my face paralysed like this since this morning?",
     RedFlag.WEAKNESS),
    ("tengo la cara paralizada desde hoy, ¿puedo tomar algo?", RedFlag.WEAKNESS),
    ("hace como 2 días veo doble", RedFlag.VISION),
    ("leí que el botox da visión doble y desde ayer veo doble, ¿es eso?", RedFlag.VISION),
    ("I read about strokes and my face is drooping now, is that it?", RedFlag.WEAKNESS),
    ("el ojo no para de brincar, lleva todo el día", RedFlag.PROLONGED),
    ("no paraba y luego se puso peor, sigue sin parar", RedFlag.PROLONGED),
    ("my eye wont stop twitching, 5 hours nonstop", RedFlag.PROLONGED),
    ("6 horas sin parar el párpado brincando", RedFlag.PROLONGED),
    ("the twitch never lets up, 3 days now", RedFlag.PROLONGED),
    ("my face is drooping since the filler", RedFlag.WEAKNESS),
    ("se me cae el párpado desde el relleno", RedFlag.WEAKNESS),
    ("my arm is numb and weak, had filler last week", RedFlag.WEAKNESS),
    ("cheek numb from the filler for 4 days now and spreading", RedFlag.WEAKNESS),
]


@pytest.mark.parametrize(("text", "flag"), ROUTINE)
def test_the_kind_gets_no_advice(text: str, flag: RedFlag) -> None:
    assert flag not in understand(text).red_flags, text


@pytest.mark.parametrize(("text", "flag"), STILL_FLAGGED)
def test_the_contrast_still_gets_advice(text: str, flag: RedFlag) -> None:
    assert flag in understand(text).red_flags, text
