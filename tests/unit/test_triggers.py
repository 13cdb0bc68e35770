"""coach.core.triggers: tags from diary notes, and the rule behind a trigger line."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from coach.core import triggers
from coach.core.triggers import Day, Note, Rule, analyse, tags_for


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("worse after coffee", {"caffeine"}),
        ("2 espressos and a long day at the screen", {"caffeine", "screens"}),
        ("slept 4 hours, so tired", {"sleep"}),
        ("didn't sleep at all", {"sleep"}),
        ("stressful meeting, deadline tomorrow", {"stress"}),
        ("a few beers last night", {"alcohol"}),
        ("went to the gym this morning", {"exercise"}),
        ("peor después del café", {"caffeine"}),
        ("dormí mal, muy cansada", {"sleep"}),
        ("todo el día en la computadora", {"screens"}),
        ("mucho estrés en el trabajo", {"stress"}),
        ("tomé unas cervezas", {"alcohol"}),
        ("fui al gimnasio", {"exercise"}),
        ("twitch 4", set()),
    ],
)
def test_tags_in_both_languages(note: str, expected: set[str]) -> None:
    assert set(tags_for(note)) == expected


@pytest.mark.parametrize(
    "note", ["no coffee today", "skipped my coffee", "sin café hoy", "cero cafe",
             "does coffee make it worse?", "¿el café lo empeora?", "te dije que estaba bien"],
)
def test_denied_mentions_and_questions_are_no_tags(note: str) -> None:
    assert "caffeine" not in tags_for(note)


def test_a_question_after_a_report_keeps_the_report() -> None:
    assert tags_for("Had 3 coffees. Is that why it's worse?") == ("caffeine",)


def test_programme_extras_add_tags_and_words() -> None:
    vocab = triggers.vocabulary({"chocolate": ["chocolate", "cocoa"], "caffeine": ["yerba"]})
    assert set(tags_for("ate chocolate and had yerba", vocab)) == {"caffeine", "chocolate"}
    assert tags_for("no chocolate today", vocab) == ()


NY = ZoneInfo("America/New_York")


def test_days_group_by_local_day_and_keep_unrated_tags() -> None:
    # 23:30 in New York is the next day in UTC: still the same local day as the coffee.
    coffee = datetime(2027, 3, 10, 15, 0, tzinfo=UTC)
    rating = datetime(2027, 3, 11, 4, 30, tzinfo=UTC)
    out = triggers.days([Note(coffee, None, ("caffeine",)), Note(rating, 6, ())], NY)
    assert out == [Day(date(2027, 3, 10), 6.0, frozenset({"caffeine"}))]


def _diary(with_ratings: list[float], without_ratings: list[float], tag: str = "caffeine"):
    start = date(2027, 3, 1)
    out = []
    for i, r in enumerate(with_ratings + without_ratings):
        tags = frozenset({tag}) if i < len(with_ratings) else frozenset()
        out.append(Day(start + timedelta(days=i), float(r), tags))
    return out


def test_a_diary_that_supports_a_line() -> None:
    result = analyse(_diary([6, 5, 6, 7, 5], [3, 4, 3, 4, 3, 4, 3, 4, 3]))
    assert result.finding is not None and result.finding.tag == "caffeine"
    assert (result.finding.with_days, result.finding.without_days) == (5, 9)
    assert result.finding.p_value is not None and result.finding.p_value < 0.01
    assert triggers.rounded_points(result.finding.difference) == 2.5


def test_too_few_rated_days_give_no_line() -> None:
    result = analyse(_diary([6, 5, 6, 7, 5], [3, 4, 3, 4, 3, 4, 3, 4]))  # 13 days
    assert result.rated_days == 13 and result.finding is None


def test_too_few_days_on_one_side_give_no_line() -> None:
    assert analyse(_diary([7, 7, 7], [3] * 12)).finding is None


def test_a_small_difference_gives_no_line_however_consistent() -> None:
    assert analyse(_diary([4, 4, 4, 4, 4, 4], [3.5] * 8)).finding is None


def test_noise_gives_no_line() -> None:
    # The same spread of ratings on both sides: a difference of means of about 1 by chance.
    result = analyse(_diary([2, 7, 3, 6, 5], [4, 2, 6, 3, 5, 4, 2, 5, 3]))
    assert result.finding is None
    (comparison,) = result.comparisons
    assert comparison.tested and comparison.p_value is not None and comparison.p_value > 0.05


def test_the_rule_is_configurable() -> None:
    diary = _diary([6, 5, 6, 7, 5], [3, 4, 3, 4, 3, 4, 3, 4, 3])
    assert analyse(diary, Rule(min_days=20)).finding is None
    assert analyse(diary, Rule(min_effect=3.0)).finding is None


def test_the_correction_counts_every_tag_tested() -> None:
    diary = _diary([6, 5, 6, 7, 5], [3, 4, 3, 4, 3, 4, 3, 4, 3])
    # Add tags that split the days at random: each is a test, so alpha is shared.
    noisy = [Day(d.day, d.rating, d.tags | ({"stress"} if i % 2 else {"screens"}))
             for i, d in enumerate(diary)]
    result = analyse(noisy)
    assert result.tests == 3
    assert result.finding is not None and result.finding.tag == "caffeine"


def test_large_samples_use_a_seeded_random_test() -> None:
    a, b = [5.0, 6.0] * 10, [3.0, 4.0] * 15
    p1 = triggers.permutation_p(a, b, permutations=2000)
    assert p1 == triggers.permutation_p(a, b, permutations=2000) and p1 < 0.01
