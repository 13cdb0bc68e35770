"""Kinds of language exam15's first score showed the lexicon missing or misreading, each with
sentences of our own in both languages and their contrasts (exam15 is a tuning set now)."""

from __future__ import annotations

import pytest

from coach.core.triage import understand
from coach.core.types import Command, RedFlag


@pytest.mark.parametrize(
    "text",
    [
        # affairs settled for one's absence, others asked to care for what one leaves
        "ya les deje las llaves y los papeles, para cuando yo no este",
        "cuiden bien a mis perros, gracias por todo",
        "please look after my cat for me. thank you for everything",
        "all my passwords are in the drawer for when im gone",
    ],
)
def test_farewells_without_a_word_for_dying_are_self_harm(text: str) -> None:
    assert RedFlag.SELF_HARM in understand(text).red_flags


@pytest.mark.parametrize(
    "text",
    [
        "para cuando no este en la oficina deje todo listo a mi compañera",
        "cuiden a mi gata mientras estoy de viaje? jaja no, es broma, tic 2",
        "i take care of my kids all day so no time for breaks",
        "the vet told me to look after my dog's paw",
    ],
)
def test_absence_and_care_in_daily_life_are_not(text: str) -> None:
    assert RedFlag.SELF_HARM not in understand(text).red_flags


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # "cero X" is none of X; a sign denied after "no se me"
        ("cero dolor de cabeza, cero vision borrosa", None),
        ("la boca no se me tuerce ni nada", None),
        ("la cara no se me cae, solo el parpado brinca", None),
        # a nose too blocked to breathe through, with a cold
        ("con la gripa tengo la nariz tapada y me cuesta respirar", None),
        # an arm asleep from sleeping on it
        ("se me durmio la mano porque me quede dormido encima", None),
        # a side-effect question about a treatment to come
        ("es normal que el botox deje la ceja caida? me lo ponen en enero", None),
        # but the inability stays the symptom, and a question that reveals it is a report
        ("el ojo no se me abre desde la mañana", RedFlag.PROLONGED),
        ("es normal que se me caiga la boca de un lado?", RedFlag.WEAKNESS),
        ("tengo gripa pero siento el pecho cerrado y no me entra el aire", RedFlag.BREATHING),
        ("es normal que el botox me de falta de aire? llevo tres dias asi", RedFlag.BREATHING),
    ],
)
def test_denials_causes_and_questions(text: str, flag: RedFlag | None) -> None:
    flags = understand(text).red_flags
    assert (flag in flags) if flag else not flags, flags


@pytest.mark.parametrize(
    ("text", "command"),
    [
        # re-joining is START, even after a trip
        ("quiero volver a anotarme, me vuelvo a anotar", Command.START),
        ("volvi de viaje y quiero empezar de nuevo con el programa", Command.START),
        ("can i sign back up please", Command.START),
        # not commands: a stop denied, another thing resumed or left, the twitch not the texts
        ("no dejen de mandarme los mensajes, me ayudan", None),
        ("reanude el gimnasio y el tic mejoro, un 3", None),
        ("me di de baja del seguro y ando con estres", None),
        ("quiero que pare el tic, no los recordatorios", None),
        ("esta es la ultima vez que contesto tarde, perdon. hoy 4", None),
    ],
)
def test_commands_exam15(text: str, command: Command | None) -> None:
    assert understand(text).command is command


@pytest.mark.parametrize(
    ("text", "severity"),
    [("cero saltos hoy", 0), ("nada raro, hoy un uno", 1), ("sixish", 6),
     ("hice 3 series de 10 parpadeos", None),
     ("el lunes un 7, el martes un 6, y hoy 3 por fin", 3)],
)
def test_severity_exam15(text: str, severity: int | None) -> None:
    assert understand(text).severity == severity
