from __future__ import annotations

from datetime import timedelta

import pytest

from coach.core.triage import understand
from coach.core.types import Command


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("STOP", Command.STOP), ("stop.", Command.STOP), ("Stopall", Command.STOP),
        ("UNSUBSCRIBE", Command.STOP), ("cancel", Command.STOP), ("END", Command.STOP),
        ("quit!", Command.STOP), ("revoke", Command.STOP), ("OPTOUT", Command.STOP),
        ("please stop texting", Command.STOP), ("stop texting me", Command.STOP),
        ("stop sending me messages", Command.STOP), ("no more texts please", Command.STOP),
        ("unsubscribe me", Command.STOP), ("leave me alone", Command.STOP),
        ("BAJA", Command.STOP), ("para de enviarme mensajes", Command.STOP),
        ("no más mensajes", Command.STOP), ("cancelar", Command.STOP),
        ("ya no me manden mensajes", Command.STOP),
        ("START", Command.START), ("unstop", Command.START), ("Yes", Command.START),
        ("SI", Command.START), ("sí", Command.START),
        ("HELP", Command.HELP), ("info", Command.HELP), ("AYUDA", Command.HELP),
        ("pause", Command.PAUSE), ("resume", Command.RESUME), ("reanudar", Command.RESUME),
    ],
)
def test_command(text: str, command: Command) -> None:
    assert understand(text).command is command


@pytest.mark.parametrize(
    "text",
    [
        "the twitching doesn't stop", "it just won't stop twitching when I read (a 6)",
        "i need help relaxing, any tips?", "I can't stop blinking",
        "I took a break from the screen", "yes i did the break", "el tic baja cuando descanso",
        "my twitch won't leave me alone", "did the break, feeling better",
    ],
)
def test_look_alikes_are_not_commands(text: str) -> None:
    assert understand(text).command is None


@pytest.mark.parametrize(
    ("text", "duration"),
    [
        ("pause", None), ("pause 2h", timedelta(hours=2)),
        ("pause for 3 days", timedelta(days=3)), ("Pause for a week", timedelta(weeks=1)),
        ("pausa 1 semana", timedelta(weeks=1)), ("pausa 3 dias", timedelta(days=3)),
        ("PAUSE 30 min", timedelta(minutes=30)),
    ],
)
def test_pause_duration(text: str, duration: timedelta | None) -> None:
    reading = understand(text)
    assert reading.command is Command.PAUSE
    assert reading.pause_for == duration
    assert reading.severity is None


def test_red_flag_and_command_together() -> None:
    reading = understand("STOP texting me, my face is drooping")
    assert reading.command is Command.STOP
    assert reading.red_flags and reading.level.value == "emergency"


@pytest.mark.parametrize(
    ("text", "command", "duration"),
    [
        ("pause for 2 weeks please, travelling", Command.PAUSE, timedelta(weeks=2)),
        ("pausa 3 dias, estoy de viaje", Command.PAUSE, timedelta(days=3)),
        ("going to the hospital. pause pls", Command.PAUSE, None),
        ("home again, resume please", Command.RESUME, None),
        ("ya regresé, reanudar porfa", Command.RESUME, None),
        ("stop please, moving abroad", Command.STOP, None),
        ("ya no quiero recibir sus mensajes", Command.STOP, None),
        ("no quiero que me manden más recordatorios", Command.STOP, None),
        ("i dont want these texts anymore", Command.STOP, None),
        ("sáquenme de la lista", Command.STOP, None),
        ("please send me the reminders again", Command.RESUME, None),
        ("vuelvan a mandarme los mensajes", Command.RESUME, None),
    ],
)
def test_command_inside_a_longer_reply(
    text: str, command: Command, duration: timedelta | None
) -> None:
    reading = understand(text)
    assert reading.command is command
    assert reading.pause_for == duration


@pytest.mark.parametrize(
    "text",
    [
        "dont send me the reminders again, i mean it", "my eye twitch resumed, a 5",
        "twitching all day, it wont stop", "the spasm continues today, 4",
        "i paused the video, my eye was twitching", "ok, the twitching will not stop",
    ],
)
def test_keywords_inside_sentences_are_not_resume_or_pause(text: str) -> None:
    assert understand(text).command not in (Command.RESUME, Command.PAUSE)
