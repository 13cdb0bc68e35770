from __future__ import annotations

import pytest

from coach.core.triage import understand
from coach.core.types import RedFlag


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        ("4", 4), ("6/10", 6), ("8 out of 10", 8), ("about a 5", 5), ("maybe a 3 today", 3),
        ("seven", 7), ("eight", 8), ("zero today", 0), ("none today", 0),
        ("no twitch today", 0), ("5 de 10", 5), ("un 4", 4), ("siete", 7),
        ("ninguno hoy", 0), ("right eyelid, 4", 4), ("twitch 5", 5),
        ("9 out of 10, rough day", 9), ("Monday: 3", 3), ("its a 7 tonight", 7),
        ("slept 5 hours, twitch 3", 3),
    ],
)
def test_rating(text: str, severity: int) -> None:
    assert understand(text).severity == severity


@pytest.mark.parametrize(
    "text",
    ["did the break", "better today", "for 5 days", "at 3pm", "2 cups of coffee",
     "did the 20-20-20 thing", "day 12", "took 3 breaks", "slept 5 hours", "cheers"],
)
def test_numbers_that_are_not_ratings(text: str) -> None:
    assert understand(text).severity is None


def test_ten_out_of_ten_pain_is_severe_pain() -> None:
    reading = understand("10/10 pain")
    assert reading.severity is None  # a pain rating, not the twitch's: the diary keeps none
    assert RedFlag.SEVERE_PAIN in reading.red_flags


def test_high_twitch_rating_alone_is_routine() -> None:
    reading = understand("10/10 awful twitching this evening")
    assert reading.severity == 10
    assert reading.red_flags == ()


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        # after "a"/"un" the sentence may go on with anything but a unit
        ("eyelid was about a three full stop thanks", 3), ("twitch was a 5 most of the time", 5),
        ("como un siete la verdad", 7), ("pues un 4 la neta", 4), ("anda como un cinco wey", 5),
        ("it was a 6 the entire afternoon", 6),
        # a state verb reaches the number through a preposition
        ("hoy arrancó en 3", 3), ("amanecí en 6 del ojo", 6), ("started at a 4 today", 4),
        # zero as a digit or as an absence
        ("0 twitches today", 0), ("0 espasmos", 0), ("ya no tengo tics desde el lunes", 0),
        ("no more twitching since i cut coffee", 0), ("hoy no tuve tics", 0),
        # an absence gives way to a rating the reply also states
        ("no more twitches in the morning, then a 3 tonight", 3),
    ],
)
def test_rating_in_a_sentence(text: str, severity: int) -> None:
    assert understand(text).severity == severity


@pytest.mark.parametrize(
    "text",
    ["took a 5 minute break", "had a 2 hour nap", "a 3 year old kid", "un 5 de mayo",
     "for a 3 day trip", "got a 2nd opinion", "my 3rd day off caffeine",
     "it stopped twitching around noon", "it didnt twitch until the evening"],
)
def test_article_and_unit_is_not_a_rating(text: str) -> None:
    assert understand(text).severity is None


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        # a vocative or slang aside after the rating
        ("hoy 4 bro, mucho trabajo", 4), ("un 6 che, que semana", 6), ("7 dude. long shift", 7),
        # an apology or "again" after an opening number
        ("3 sorry forgot to answer yesterday", 3), ("5 perdon por no contestar", 5),
        ("8 otra vez, no dormi nada", 8),
        # a comparison: the first number is today's
        ("2 vs 5 last week", 2),
        # "only" after a twitch label belittles the rating, it does not count a thing
        ("rough commute but twitch only 3", 3), ("el tic solo 2 hoy", 2),
        # "one of the bad ones"
        ("un 9 de los peores", 9),
        # a rating named before a dash
        ("twitch 6 - big presentation", 6),
        # the pain's place is no twitch label: the twitch's own rating is the diary's
        ("pain in my eye about 8, twitch 3", 3),
        ("9 out of 10 pain behind my eye", None),
        # less, not none
        ("ya no me salta tanto desde que deje el cafe", None),
    ],
)
def test_rating_classes(text: str, severity: int | None) -> None:
    assert understand(text).severity == severity


@pytest.mark.parametrize(
    "text", ["only 2 coffees today", "just 3 hours of sleep", "a 10 of the 12 breaks done"]
)
def test_only_and_of_the_still_count_things(text: str) -> None:
    assert understand(text).severity is None


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        # another thing rated beside the twitch: the twitch's own rating is the diary's
        ("anxiety 7 today but the twitch maybe 2", 2), ("estres 9, tic 4", 4),
        # the usual amount instead of which, and a list of times, are no ratings
        ("one beer instead of my normal 3", None), ("breaks done at 9, 12 and 3", None),
        ("pausas a las 10, 2 y 5", None),
        # a spelled-out rating after a state verb
        ("el ojo anduvo en seis toda la tarde", 6),
        # "hoy nada" said alone is a zero, "hoy nada de cafe" is not
        ("hoy nada. feliz", 0), ("hoy nada de pantallas", None),
    ],
)
def test_rating_classes_exam13(text: str, severity: int | None) -> None:
    assert understand(text).severity == severity


def test_pause_for_thought_is_no_pause() -> None:
    reading = understand("pause for thought: is it worse after coffee? 4 today")
    assert reading.command is None and reading.severity == 4
