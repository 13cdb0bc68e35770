"""Kinds of plain-language command the keyword reader once missed (exam6/exam7 tuning), each
shown with varied sentences of our own in both languages, beside look-alikes that are not
commands."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from coach.core import pause_until
from coach.core.triage import understand
from coach.core.types import Command


def _command(text: str) -> Command | None:
    return understand(text).command


@pytest.mark.parametrize(
    "text",
    [
        "please hold the texts until after new year",
        "could you pause me till after christmas, visiting my folks",
        "pls pause, moving house this week",
        "mute the reminders while im in the hospital",
        "i need a few days without reminders, exams",
        "give me a week off from the messages",
        "stop the texts for now, not forever",
        "pongan en pausa los mensajes hasta que regrese",
        "suspendan los recordatorios por dos semanas",
        "no me manden nada este fin de semana, tengo boda",
        "detengan los mensajes hasta despues de navidad",
        "silencien los recordatorios hasta el lunes",
    ],
)
def test_a_pause_with_a_date_or_a_reason(text: str) -> None:
    assert _command(text) is Command.PAUSE


@pytest.mark.parametrize(
    "text",
    [
        "took a pause from my phone, twitch 2",
        "hice la pausa de los ojos y me ayudo",
        "pause el video para descansar",  # "pausé": I paused the video
        "she keeps pausing mid sentence",
        "twitching without a pause for 3 days",
        "my eye has been jumping non stop for a week",
        "I'd kill for a day off",
        "desde ayer para por ratos y vuelve",
    ],
)
def test_a_pause_or_stop_told_of_daily_life_is_no_command(text: str) -> None:
    assert _command(text) is None


def test_a_holiday_names_the_pause_end() -> None:
    now = datetime(2026, 12, 10, 15, 0, tzinfo=UTC)
    zone = ZoneInfo("America/Mexico_City")
    after = pause_until.pause_end("pausa hasta después de navidad", now=now, zone=zone)
    until = pause_until.pause_end("hold the texts until christmas", now=now, zone=zone)
    new_year = pause_until.pause_end("pause till after new years", now=now, zone=zone)
    assert after is not None and after.astimezone(zone).date().isoformat() == "2026-12-26"
    assert until is not None and until.astimezone(zone).date().isoformat() == "2026-12-25"
    assert new_year is not None and new_year.astimezone(zone).date().isoformat() == "2027-01-02"


@pytest.mark.parametrize(
    "text",
    [
        "home from the trip, switch the reminders back on",
        "holidays are over, you can send them again",
        "end the pause please, im home early",
        "take me off hold",
        "un-pause",
        "carry on with the check ins",
        "ya regrese del viaje, pueden seguir mandando",
        "quiten la pausa porfa",
        "retomen los recordatorios",
        "ya estoy de vuelta, sigan con los mensajes",
    ],
)
def test_ending_a_pause_is_resume(text: str) -> None:
    assert _command(text) is Command.RESUME


@pytest.mark.parametrize(
    "text",
    [
        "i unsubscribed by mistake, send the texts again",
        "I opted out but the twitching came back, can I sign up again?",
        "enroll me again please",
        "me di de baja sin querer, vuelvan a mandarme los mensajes",
        "inscribanme otra vez",
        "quiero volver a inscribirme, regreso el tic",
    ],
)
def test_rejoining_after_leaving_is_start(text: str) -> None:
    assert _command(text) is Command.START


@pytest.mark.parametrize(
    "text",
    [
        "dont send me the reminders again",
        "me pueden volver a mandar lo de los ejercicios?",
        "the twitch came back after a week",
    ],
)
def test_look_alikes_of_rejoining(text: str) -> None:
    assert _command(text) not in (Command.START, Command.RESUME)


@pytest.mark.parametrize(
    "text",
    [
        "delete my number please",
        "unenroll me",
        "count me out of these",
        "I want out of this program",
        "halt all messages",
        "not interested, stop",
        "stop stop stop",
        "stpo",
        "ya no me escriban por favor",
        "quiero salir del programa",
        "cancelar mi suscripcion",
        "me doy de baja, gracias por todo",
        "retirenme de la lista",
        "no me interesa, baja",
    ],
)
def test_opting_out_in_a_sentence_is_stop(text: str) -> None:
    assert _command(text) is Command.STOP


@pytest.mark.parametrize(
    "text",
    [
        "my sister won't stop texting me, no wonder i twitch",
        "el vecino no para de mandarme mensajes",
        "i quit coffee this week",
        "I'm out of breath after the stairs",
        "a veces pienso en quitarme la vida",
        "no quiero seguir con el cafe",
        "the twitching is annoying, make it stop",
        "my lid keeps jumping. stop",
    ],
)
def test_stop_words_that_are_not_opting_out(text: str) -> None:
    assert _command(text) is not Command.STOP


def test_self_harm_said_with_quit_words_keeps_its_flag() -> None:
    reading = understand("pienso en quitarme la vida")
    assert reading.command is None
    assert reading.red_flags


@pytest.mark.parametrize(
    "text",
    [
        "what is this?",
        "whos texting me",
        "what do i reply to these",
        "what commands can I use",
        "is this a real person or automated?",
        "what happens if i forget to answer one day",
        "how do i stop these?",
        "qué es esto?",
        "quien me esta escribiendo",
        "¿qué tengo que contestar?",
        "es automatico o lo lee una persona?",
        "como pauso los mensajes",
        "menu",
        "opciones",
    ],
)
def test_asking_how_the_service_works_is_help(text: str) -> None:
    assert _command(text) is Command.HELP


@pytest.mark.parametrize(
    "text",
    [
        "what is this twitching?",
        "my eye keeps flickering, what is this",
        "que es esto que me brinca en el ojo",
        "how do i get the twitch to stop",
    ],
)
def test_what_is_this_about_the_twitch_is_no_help(text: str) -> None:
    assert _command(text) is not Command.HELP


def test_a_command_after_a_question_wins() -> None:
    assert _command("how do i make these stop? just stop them please") is Command.STOP


@pytest.mark.parametrize(
    "text", ["no, para de escribirme", "No. Stop texting me", "nope, stop sending these"]
)
def test_an_answer_no_then_stop_is_still_stop(text: str) -> None:
    assert _command(text) is Command.STOP


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("home now 🏠 resume", Command.RESUME),
        ("llegué de viaje, sigan", Command.RESUME),
        ("reanudar desde mañana", Command.RESUME),
        ("i paused them but id like them to continue now", Command.RESUME),
        ("resume the eye break reminders please", Command.RESUME),
        ("ok i changed my mind, start the reminders", Command.START),
        ("my doctor says to do it again, start please", Command.START),
    ],
)
def test_resume_or_start_said_last_or_first(text: str, command: Command) -> None:
    assert _command(text) is command


@pytest.mark.parametrize(
    "text", ["stoooop", "baaaja", "no + mensajes", "no more reminders!!", "no texts"]
)
def test_stretched_or_symbol_opt_outs_are_stop(text: str) -> None:
    assert _command(text) is Command.STOP


@pytest.mark.parametrize(
    "text",
    ["stop for now, not forever, maybe a week", "stop por ahora pero no me den de baja",
     "pausen los mensajes un mes, estoy en el hospital"],
)
def test_a_stop_said_not_to_be_for_good_is_a_pause(text: str) -> None:
    assert _command(text) is Command.PAUSE


def test_a_pause_length_after_the_messages_is_read() -> None:
    assert understand("pausen los mensajes un mes").pause_for is not None
    assert understand("I did pause for 20 seconds every 20 minutes").command is None


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("home again, you can start texting me again", Command.RESUME),
        ("ya llegué, pueden escribirme otra vez", Command.RESUME),
        ("who sent me this?", Command.HELP),
        ("¿quién mandó esto?", Command.HELP),
        ("i dont want these anymore", Command.STOP),
        ("ya no manden nada a este número", Command.STOP),
    ],
)
def test_more_plain_commands(text: str, command: Command) -> None:
    assert _command(text) is command


@pytest.mark.parametrize(
    "text",
    ["how do i stop the twitching", "como paro el tic del ojo", "how can i stop my eyelid jumping",
     "i dont want these twitches anymore"],
)
def test_asking_how_to_stop_the_twitch_is_no_command(text: str) -> None:
    assert _command(text) is None


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("no me interesa, gracias", Command.STOP),
        ("not interested anymore", Command.STOP),
        ("wrong number", Command.STOP),
        ("este no es mi número", Command.STOP),
        ("me operan el jueves, pausen dos semanas", Command.PAUSE),
        ("de viaje, pausen", Command.PAUSE),
        ("take a break from texting me until next month", Command.PAUSE),
        ("ya pueden escribirme", Command.RESUME),
        ("yes id like to join", Command.START),
        ("¿quién eres?", Command.HELP),
        ("who are you?", Command.HELP),
        ("¿de dónde sacaron mi número?", Command.HELP),
        ("how do I turn these off?", Command.HELP),
        ("what number should I send back?", Command.HELP),
    ],
)
def test_plain_commands_fifth_round(text: str, command: Command) -> None:
    assert _command(text) is command


@pytest.mark.parametrize(
    "text",
    ["¿pueden mandarme los mensajes en la tarde? trabajo de noche",
     "not interested in coffee anymore, twitch 2", "my interest in yoga is gone"],
)
def test_look_alikes_fifth_round(text: str) -> None:
    assert _command(text) in (None, Command.HELP)


@pytest.mark.parametrize(
    "text",
    [
        "please make this stop",
        "nothing seems to stop them",
        "I want out of this pain",
        "me salgo a caminar para despejarme",
        "quiero sacarme de dudas, ¿es normal?",
        "ya no quiero más tic",
        "i want this to end please",
        "end this nightmare of a twitch",
        "drop me a line when the clinic opens",
    ],
)
def test_pleas_and_daily_life_are_not_opting_out(text: str) -> None:
    assert _command(text) is not Command.STOP


@pytest.mark.parametrize(
    "text",
    ["just stop them please", "I want out of this", "me salgo del programa", "quit this please"],
)
def test_the_same_words_as_a_request_are_stop(text: str) -> None:
    assert _command(text) is Command.STOP
