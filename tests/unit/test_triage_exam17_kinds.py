"""Kinds of rating and command exam17's first score showed the lexicon misreading, with
sentences of our own and their contrasts (exam17 is a tuning set now)."""

from __future__ import annotations

import pytest

from coach.core.triage import understand
from coach.core.types import Command, RedFlag


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        ("el parpado ayer fue de 6, hoy mejor", 6),  # "fue de N"
        ("hoy fue un dia 4, cansada", 4),  # the day rated
        ("dia 4 de las pausas", None),  # the day counted
        ("tic: 2 | cafe: 3 | horas de sueno: 6", 2),  # a label, a colon, its number
        ("un cinquito nomas", 5),  # a diminutive
        ("el tic? creo que no hubo", 0),
        ("sin ganas de nada hoy pero el tic 3", 3),  # "de nada hoy" is no zero
        ("no tengo ganas de nada hoy", None),
    ],
)
def test_severity_exam17(text: str, severity: int | None) -> None:
    assert understand(text).severity == severity


def test_thanks_for_the_information_is_no_help_request() -> None:
    reading = understand("gracias, la info de los recordatorios me sirve mucho. tic 1")
    assert reading.command is None and reading.severity == 1
    assert understand("quiero info de los mensajes").command is Command.HELP


@pytest.mark.parametrize(
    ("text", "prolonged"),
    [
        # a day of the month as the start, told only as something that goes on
        ("it just keeps on and on since the 3rd", True),
        ("eyelid jumping since march", True),
        ("spasm since the 2nd of the month, hasnt stopped", True),
        ("el tic desde el dia 10 no se calma", True),
        ("sigue y sigue desde el martes", True),
        ("desde principios de mes el parpado brinca", True),
        # contrasts: a date without a spasm, a spasm that comes and goes, "may" the verb
        ("my boss went on and on about it, twitch 3", False),
        ("twitch 4 since the 10th it's been better", False),
        ("twitching on and off since the 10th", False),
        ("since may i ask, is the pause 3 days?", False),
    ],
)
def test_prolonged_from_a_date(text: str, prolonged: bool) -> None:
    assert (RedFlag.PROLONGED in understand(text).red_flags) is prolonged


@pytest.mark.parametrize(
    ("text", "self_harm"),
    [
        # ceasing to be, as a wish or a thought, alone or in a long message
        ("baby up all night, twitch 5, and honestly I'd just stop being here if I could", True),
        ("sometimes i think i should just stop existing", True),
        ("id rather not be around anymore", True),
        ("quisiera dejar de estar aqui", True),
        ("deberia simplemente dejar de existir", True),
        # contrasts: a place, a time or company
        ("i should stop being here so late, my eyes hurt from the screen", False),
        ("i could just stop being around people who stress me", False),
        ("quiero dejar de estar aqui en esta oficina tan fria", False),
        ("id rather not be around when he visits", False),
    ],
)
def test_ceasing_to_be(text: str, self_harm: bool) -> None:
    assert (RedFlag.SELF_HARM in understand(text).red_flags) is self_harm


@pytest.mark.parametrize(
    ("text", "weakness"),
    [
        # legs that do not hold the body up
        ("my legs won't hold me up today", True),
        ("i can't stay on my feet", True),
        ("las piernas ya no me sostienen", True),
        ("mi mama no se sostiene de pie", True),
        # a benign cause denied explains nothing: "sin haber hecho ejercicio", "no dentist"
        ("me tiemblan las piernas y no me sostienen, sin haber hecho ejercicio", True),
        ("el labio dormido y flojo al comer, sin dentista", True),
        # contrasts: a thing that holds weight, legs tired by a stated cause
        ("the shelf won't hold my weight", False),
        ("legs like jelly after the gym", False),
        ("piernas de gelatina despues del gym", False),
    ],
)
def test_legs_that_do_not_hold_and_causes_denied(text: str, weakness: bool) -> None:
    assert (RedFlag.WEAKNESS in understand(text).red_flags) is weakness


def test_a_reply_with_no_twitch_is_asked_about_no_endless_spasm() -> None:
    from coach.core.triage import learned
    from coach.core.triage.combine import disagreements, mentioned

    def disagreed(text: str) -> frozenset[RedFlag]:
        return disagreements(understand(text), mentioned(text), learned.played_down(text))

    assert RedFlag.PROLONGED in disagreed("not a single flicker all day")
    assert RedFlag.PROLONGED in disagreed("hoy ni se asomo el tic")
    assert RedFlag.PROLONGED not in disagreed("twitch 6 today")


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("ayuda por favor, como funcionan los comandos?", Command.HELP),
        ("how do the keywords work", Command.HELP),
        ("how do the options for botox work?", None),
    ],
)
def test_asking_how_the_commands_work_is_help(text: str, command: Command | None) -> None:
    assert understand(text).command is command
