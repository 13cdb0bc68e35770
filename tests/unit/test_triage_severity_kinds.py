"""Kinds of rating language the severity reader once got wrong (exam6/exam7 tuning), each
shown with varied sentences of our own, in both languages, and its contrasts."""

from __future__ import annotations

import pytest

from coach.core.triage import understand
from coach.core.triage.normalize import tokens


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        # a range: the diary keeps its top
        ("twitch about 4 or 5 today", 5),
        ("maybe a 3 maybe 4", 4),
        ("eyelid 2-3 this morning", 3),
        ("lid was like a 6 to 7 after work", 7),
        ("hoy un 5 o 6", 6),
        ("el tic entre 3 y 4", 4),
        ("rough one, 7 or 8", 8),
    ],
)
def test_a_range_gives_its_top(text: str, severity: int) -> None:
    assert understand(text).severity == severity


@pytest.mark.parametrize(
    "text",
    [
        "the numbness should wear off in 2 or 3 hours",
        "dijeron que dura 3 o 4 dias",
        "did 5 to 6 reps of the eye exercise",
        "it was 3 or 4 days ago",
        "took one or two breaks",
    ],
)
def test_a_range_of_units_is_not_a_rating(text: str) -> None:
    assert understand(text).severity is None


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        ("slept 6 and a half hours, twitch 2", 2),
        ("dormi 7 y media, el tic un 4", 4),
        ("drove 3 and a half hrs. eye 5", 5),
    ],
)
def test_a_quantity_and_a_half_is_not_the_rating(text: str, severity: int) -> None:
    assert understand(text).severity == severity


@pytest.mark.parametrize(
    "text",
    [
        "did the box breathing, 4 in 4 hold 4 out",
        "breathe in for 4, hold 7, exhale 8",
        "respira 4 segundos, aguanta 7",
    ],
)
def test_counted_breaths_are_not_ratings(text: str) -> None:
    assert understand(text).severity is None


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        ("a 6 yesterday and 2 today", 2),
        ("yesterday was a 7 but today 3", 3),
        ("ayer fue un 6 y hoy un 2", 2),
        ("ayer 8, hoy 4", 4),
        ("a 5 yesterday", 5),  # only a past rating: still the one given
    ],
)
def test_todays_rating_wins_over_yesterdays(text: str, severity: int) -> None:
    assert understand(text).severity == severity


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        ("didnt notice any twitching today", 0),
        ("honestly didn't feel a single twitch", 0),
        ("hoy ni lo senti", 0),
        ("no lo note en todo el dia", 0),
        ("barely noticed it today", None),
        ("casi ni lo senti", None),
        ("got the injection and didnt feel it", None),
    ],
)
def test_not_noticing_the_twitch_is_a_zero(text: str, severity: int | None) -> None:
    assert understand(text).severity == severity


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        ("jaw pain about 3/10, twitch 7", 7),
        ("headache 5/10 and the lid at a 2", 2),
        ("dolor de cabeza como 6/10, tic 3", 3),
        ("pain 4/10", None),  # a pain rating alone is no twitch rating (the labelling rule)
    ],
)
def test_the_twitchs_rating_beats_a_pains_on_a_scale(text: str, severity: int | None) -> None:
    assert understand(text).severity == severity


@pytest.mark.parametrize(
    ("text", "severity"),
    [("un 8 de tic hoy", 8), ("como un 4 de dolor", None), ("a 6 of twitching", 6)],
)
def test_a_rating_of_the_twitch_with_de(text: str, severity: int | None) -> None:
    assert understand(text).severity == severity


@pytest.mark.parametrize(
    ("text", "severity"),
    [("4 tday", 4), ("twitch 6 tonite", 6), ("3 2nite", 3), ("eye 2 2day", 2)],
)
def test_sms_spellings_of_today_and_tonight(text: str, severity: int) -> None:
    assert understand(text).severity == severity


def test_2day_is_today_not_two_days() -> None:
    assert tokens("twitching bad 2day")[-1] == "today"
    assert understand("twitching bad 2day, 7").red_flags == ()


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        ("4 because of the late night", 4),
        ("7 after a day of spreadsheets", 7),
        ("3 - kids were sick", 3),
        ("5 / slept badly", 5),
        ("6 por el desvelo", 6),
        ("2 despues de la siesta", 2),
        ("8 en la tarde, menos en la noche", 8),
    ],
)
def test_a_reply_that_opens_with_its_rating_and_a_reason(text: str, severity: int) -> None:
    assert understand(text).severity == severity


@pytest.mark.parametrize(
    "text",
    ["3 in the afternoon", "2 coffees before noon", "4 days in a row now", "1/2 day at work"],
)
def test_an_opening_number_with_a_unit_or_time_is_not_a_rating(text: str) -> None:
    assert understand(text).severity is None


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        ("am 1, pm 5, so call it a 5", 5),
        ("mornings a 2 but id say 4 overall", 4),
        ("mañana 1, tarde 3, en total un 3", 3),
    ],
)
def test_a_rating_that_sums_up_the_day_wins(text: str, severity: int) -> None:
    assert understand(text).severity == severity


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        ("nah none", 0),
        ("no, nada", 0),
        ("nada, ni me acordé del tic", 0),
        ("nope none of those symptoms", None),
        ("casi sin tic hoy", None),
        ("almost no twitching today", None),
    ],
)
def test_an_answer_of_none(text: str, severity: int | None) -> None:
    assert understand(text).severity == severity


@pytest.mark.parametrize(
    ("text", "severity"),
    [("eigth", 8), ("thre", 3), ("sevn", 7), ("sinco", 5), ("6 aprox", 6),
     ("cinco mas o menos", 5)],
)
def test_misspelt_or_approximate_numbers(text: str, severity: int) -> None:
    assert understand(text).severity == severity


@pytest.mark.parametrize(
    "text",
    ["only 1 coffee instead of 4", "send them at 7 rather than 6", "a las 9 en vez de 8"],
)
def test_the_number_after_instead_of_is_not_a_rating(text: str) -> None:
    assert understand(text).severity in (None, 1, 7, 9)
    assert understand(text).severity not in (4, 6, 8)


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        ("mostly a 1 but it spiked to 5 after lunch", 5),
        ("started at 2 and ended at 6", 6),
        ("peaked at 7 around dinner", 7),
        ("was a 6 this morning, now a 2", 2),
        ("went from a 5 to a 2 after the walk", 2),
        ("empezó en 2 y subió a 6", 6),
        ("antes un 6, ahora un 3", 3),
        ("the lid was at 4 most of the day", 4),
    ],
)
def test_where_the_day_went_is_the_rating(text: str, severity: int) -> None:
    assert understand(text).severity == severity


@pytest.mark.parametrize(("text", "severity"), [("ni uno", 0), ("not one", 0), ("ni una", 0)])
def test_not_one_is_a_zero(text: str, severity: int) -> None:
    assert understand(text).severity == severity


@pytest.mark.parametrize(
    ("text", "severity"),
    [("ningún brinco hoy", 0), ("my appointment is at 4", None), ("the lid sat at 3 all day", 3),
     ("class starts at 5, twitch 2", 2)],
)
def test_at_a_level_or_at_a_time(text: str, severity: int | None) -> None:
    assert understand(text).severity == severity


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        # an opening number, then a sigh or how it felt (exam8 tuning): the day's rating
        ("7 ugh", 7), ("5 meh", 5), ("9 uff", 9), ("6 ay no", 6), ("2 barely there", 2),
        ("4 pretty annoying", 4), ("3 casi nada", 3), ("8 muy molesto hoy", 8),
        # contrasts: a count or a time opening the reply is not a rating
        ("2 cups today", None), ("5 hours sleep, ugh", None), ("3 pm ugh", None),
    ],
)
def test_an_opening_number_with_an_aside_is_the_rating(text: str, severity: int | None) -> None:
    assert understand(text).severity == severity


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        # a number after a counted thing and a colon counts it
        ("coffee count: 3", None), ("hours slept: 5", None), ("tazas de cafe: 4", None),
        ("screen breaks - 6", None), ("water glasses: 8", None),
        # contrasts: a named day or the twitch before the colon is a rating
        ("Tuesday: 4", 4), ("twitch: 6", 6), ("tic: 2", 2),
    ],
)
def test_a_counted_thing_before_a_colon_is_not_a_rating(text: str, severity: int | None) -> None:
    assert understand(text).severity == severity


@pytest.mark.parametrize(
    ("text", "severity"),
    [("is a drink or two ok", None), ("a coffee or two then bed", None),
     ("un dia o dos asi", None), ("had a beer or two, twitch 3", 3),
     # contrast: a range of ratings keeps its top
     ("maybe a 3 or 4", 4)],
)
def test_a_thing_or_two_is_a_rough_count(text: str, severity: int | None) -> None:
    assert understand(text).severity == severity


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        # a pain rating is not the twitch's (exam9 tuning; our own wording)
        ("jaw ache maybe a 5 pain wise, twitch 2", 2), ("neck sore, 6 out of 10 pain", None),
        ("dolor de oido como un 4 de dolor, el tic en 1", 1),
        ("el dolor de espalda es como un 6 hoy", None), ("my tooth hurts like a 7", None),
        ("me duele la frente como un 5 de 10 tras el gym", None),
        # contrasts: the twitch's own rating, and a bare rating with no pain named
        ("twitch 4, no pain", 4), ("a 6 today", 6), ("pain free, twitch at 3", 3),
    ],
)
def test_a_pain_rating_is_not_the_diary_rating(text: str, severity: int | None) -> None:
    assert understand(text).severity == severity


@pytest.mark.parametrize(
    ("text", "severity"),
    [("ocho de intensidad hoy", 8), ("a 6 intensity this morning", 6), ("7 like always", 7),
     ("un 3 como siempre", 3), ("twitch 5 from staring at spreadsheets", 5),
     # contrasts
     ("slept 6 like always", None), ("2 cups like always", None)],
)
def test_intensity_as_usual_and_a_cause_after_the_rating(text: str, severity: int | None) -> None:
    assert understand(text).severity == severity
