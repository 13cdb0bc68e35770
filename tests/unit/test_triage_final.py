"""Classes a fourth blind set (exam4) showed missing, each covered broadly in English and
Spanish, with contrasts: keywords set apart anywhere in a reply, weary and religious wishes to
die, the palsy as an episode one is recovering from or a relative's past one, a figure taken
back ("not literally"), "no veo nada raro", and dates or rates read as ratings.

None of these lines is in any data file under tests/data/triage/."""

from __future__ import annotations

from datetime import timedelta

import pytest

from coach.core.triage import understand
from coach.core.types import Command, RedFlag

COMMANDS: list[tuple[str, Command, timedelta | None]] = [
    # a keyword in capitals at the end, after a clause break or a joining word
    ("my son set this up for me. START", Command.START, None),
    ("mi hija dice que los necesito. START", Command.START, None),
    ("busy week at work so PAUSE 3 days please", Command.PAUSE, timedelta(days=3)),
    ("me voy de viaje, así que PAUSA 2 semanas", Command.PAUSE, timedelta(weeks=2)),
    ("moving house this week. PAUSE", Command.PAUSE, None),
    ("too many texts for me now. STOP", Command.STOP, None),
    ("back from holiday, RESUME", Command.RESUME, None),
    # a leading keyword then a reason, a language switch or a time word
    ("STOP for now, going on a cruise", Command.STOP, None),
    ("STOP por ahora, me voy de viaje", Command.STOP, None),
    ("stop for now thanks, will text when back", Command.STOP, None),
    ("START again, I'm back home", Command.START, None),
    ("START de nuevo, ya volví", Command.START, None),
    ("RESUME, ya estoy en casa", Command.RESUME, None),
    # a leading pause with its duration, then anything
    ("Pause for three days I'm travelling", Command.PAUSE, timedelta(days=3)),
    ("pause 10 days going to my daughter's", Command.PAUSE, timedelta(days=10)),
    ("Pausa por dos semanas que me voy al pueblo", Command.PAUSE, timedelta(weeks=2)),
    ("pausa una semana estoy en el hospital con mi mamá", Command.PAUSE, timedelta(weeks=1)),
    # a leading HELP then a question about the service itself
    ("HELP what's the care line number again", Command.HELP, None),
    ("help how do I reach the nurse", Command.HELP, None),
    ("ayuda, ¿cuál es el número de la línea?", Command.HELP, None),
    ("AYUDA como cancelo los mensajes", Command.HELP, None),
]

NOT_COMMANDS = [
    "my eye won't stop twitching",
    "I can't make it STOP",
    "it just won't STOP",
    "STOP twitching already",
    "MY EYE WONT STOP TWITCHING",
    "I need help relaxing",
    "help me relax",
    "help me understand my ratings",
    "twitching all day, can't cope. HELP",
    "Start of the day was rough, twitch 4",
    "the spasm started again this morning",
    "el tic no para nunca",
    "necesito ayuda para dormir",
    "ayuda me cuesta relajarme",
]


@pytest.mark.parametrize(("text", "command", "pause_for"), COMMANDS)
def test_a_keyword_set_apart_is_a_command(
    text: str, command: Command, pause_for: timedelta | None
) -> None:
    reading = understand(text)
    assert (reading.command, reading.pause_for) == (command, pause_for), text
    assert reading.red_flags == (), text


@pytest.mark.parametrize("text", NOT_COMMANDS)
def test_a_look_alike_is_no_command(text: str) -> None:
    assert understand(text).command is None, text


PASSIVE_WISHES = [
    "A veces le pido a Dios que ya me recoja",
    "le ruego a Dios que pronto me lleve, ya no aguanto",
    "que Dios me lleve ya",
    "ojalá no despertar mañana",
    "ojalá me duerma y no despierte",
    "quisiera quedarme dormida y no despertar",
    "I pray God takes me soon",
    "I pray every night that I won't wake up",
    "honestly hope I don't wake up tomorrow",
    "wish I could just fall asleep and not wake up",
]

NOT_WISHES = [
    "que ya me recoja mi hija del trabajo",
    "que Dios me lleve al doctor a tiempo",
    "le pido a Dios que me quite este tic",
    "I pray God takes this twitch away",
    "i hope i dont wake up late tomorrow",
    "hope I don't wake up with the twitch again",
    "hope i wake up without the twitch",
]


@pytest.mark.parametrize("text", PASSIVE_WISHES)
def test_a_weary_or_religious_wish_to_die_is_self_harm(text: str) -> None:
    assert RedFlag.SELF_HARM in understand(text).red_flags, text


@pytest.mark.parametrize("text", NOT_WISHES)
def test_a_prayer_or_hope_about_something_else_is_not(text: str) -> None:
    assert RedFlag.SELF_HARM not in understand(text).red_flags, text


NOT_FLAGS = [
    # the palsy as the episode one is recovering from
    "Día 45 tras la parálisis, ya sonrío mejor",
    "3 weeks after my Bell's palsy, smile is coming back",
    "week 6 post palsy, whistling again",
    "recovering from the paralysis, much better today",
    "recuperándome de la parálisis, voy bien",
    # a relative's past episode
    "my mum had Bell's palsy twice, can you say that again?",
    "Mi hermana tuvo parálisis facial de joven, ¿es hereditario?",
    # a figure taken back in the same breath
    "my eye is killing me lol not literally, just twitchy",
    "this twitch is killing me, not literally obviously",
    "me estoy muriendo de dolor, no literal jaja",
    # nothing strange seen is a good report
    "ya no veo nada raro, gracias",
    "no veo nada extraño en el ojo",
]

STILL_FLAGGED: list[tuple[str, RedFlag]] = [
    ("since the palsy came back yesterday I can't close my eye", RedFlag.WEAKNESS),
    ("desde la parálisis no puedo cerrar el ojo", RedFlag.WEAKNESS),
    ("after the botox my face is paralysed", RedFlag.WEAKNESS),
    ("mi esposo tiene parálisis en la cara", RedFlag.WEAKNESS),
    ("my eye is killing me, literally can't open it", RedFlag.SEVERE_PAIN),
    ("i literally cant breathe", RedFlag.BREATHING),
    ("I want to die lol not literally", RedFlag.SELF_HARM),
    ("no veo nada del ojo derecho", RedFlag.VISION),
    ("no veo nada", RedFlag.VISION),
]


@pytest.mark.parametrize("text", NOT_FLAGS)
def test_a_past_episode_or_a_retracted_figure_is_no_flag(text: str) -> None:
    assert understand(text).red_flags == (), text


@pytest.mark.parametrize(("text", "flag"), STILL_FLAGGED)
def test_a_current_symptom_near_those_words_is_still_flagged(text: str, flag: RedFlag) -> None:
    assert flag in understand(text).red_flags, text


NO_RATING = [
    "Botox booked for April 12, ok to take ibuprofen 200mg?",
    "cita el 3 de marzo con el neurólogo",
    "appointment on the 5 of June",
    "tomo como 6 por día jaja",
    "I drink 4 a day, is that too much coffee?",
    "3 per week is what the physio said",
    "2 diarios de ibuprofeno",
]

RATED: list[tuple[str, int]] = [
    ("cita el 3 de marzo, tic 4", 4),
    ("tic de 7 por la mañana", 7),
    ("me dio un 8 por la noche", 8),
    ("twitch a 5 today", 5),
    ("3 de 10", 3),
]


@pytest.mark.parametrize("text", NO_RATING)
def test_a_date_a_dose_or_a_rate_is_no_rating(text: str) -> None:
    assert understand(text).severity is None, text


@pytest.mark.parametrize(("text", "value"), RATED)
def test_a_rating_beside_a_date_or_a_time_of_day_still_counts(text: str, value: int) -> None:
    assert understand(text).severity == value, text
