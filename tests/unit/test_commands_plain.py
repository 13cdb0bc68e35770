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


def test_red_flags_still_win_over_a_help_question() -> None:
    reading = understand("how does this work? my face is drooping")
    assert reading.red_flags and reading.level.value == "emergency"
