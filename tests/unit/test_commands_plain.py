"""Commands said in plain words: re-joining and asking what the messages are for."""

from __future__ import annotations

import pytest

from coach.core.triage import understand
from coach.core.types import Command


@pytest.mark.parametrize(
    "text",
    [
        "sign me back up", "Please sign me up again", "can I rejoin?", "add me back please",
        "I'd like to join again", "opt me back in", "quiero volver a inscribirme",
        "inscríbeme de nuevo por favor", "quiero volver a recibir los mensajes",
    ],
)
def test_rejoining_is_start(text: str) -> None:
    assert understand(text).command is Command.START


@pytest.mark.parametrize(
    "text",
    [
        "what are these messages for?", "whats this number", "how does this work?",
        "who is this?", "why am i getting these texts", "what is coach",
        "¿para qué son estos mensajes?", "como funciona esto", "qué es este programa",
        "por que me llegan estos mensajes",
    ],
)
def test_asking_how_it_works_is_help(text: str) -> None:
    assert understand(text).command is Command.HELP


@pytest.mark.parametrize(
    "text",
    [
        "what is this twitching about", "how does botox work?", "who is my doctor",
        "sign me up for the eye exam", "my face feels weird, how does this happen",
    ],
)
def test_look_alikes_are_not_commands(text: str) -> None:
    assert understand(text).command not in (Command.START, Command.HELP)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("como funciona el botox para los espasmos", "es"),
        ("¿Cómo funciona la regla 20-20-20 para los ojos?", "es"),
        ("me tiembla el parpado de abajo, de que se trata?", "es"),
        ("el neurocirujano me hablo de operarme del espasmo, de que se trata", "es"),
        ("someone told me about a 20-20-20 thing for eyes, how does it work", "en"),
        ("my neurosurgeon brought up decompression surgery, how does it work", "en"),
        ("my lower right eyelid has this tiny flicker that comes and goes. What is this thing?",
         "en"),
        ("how do i stop this twitching?", "en"), ("what helps?", "en"),
        ("ayuda saber si es grave", "es"), ("como paro el tic", "es"),
    ],
)
def test_questions_about_care_that_use_command_words_are_not_commands(
    text: str, lang: str
) -> None:
    assert understand(text, lang=lang).command is None


@pytest.mark.parametrize(
    ("text", "lang", "command"),
    [
        ("how does it work?", "en", Command.HELP), ("what is this thing?", "en", Command.HELP),
        ("como funciona?", "es", Command.HELP), ("de que se trata?", "es", Command.HELP),
        ("HELP", "en", Command.HELP), ("AYUDA", "es", Command.HELP),
        ("STOP", "en", Command.STOP), ("pause", "en", Command.PAUSE),
        ("my doctor signed me up, how does this work?", "en", Command.HELP),
    ],
)
def test_the_same_words_about_the_service_or_alone_stay_commands(
    text: str, lang: str, command: Command
) -> None:
    assert understand(text, lang=lang).command is command


def test_red_flags_still_win_over_a_help_question() -> None:
    reading = understand("how does this work? my face is drooping")
    assert reading.red_flags and reading.level.value == "emergency"
