"""Parsing schedule inputs from the CLI/API, and the Rule value object."""

from __future__ import annotations

import itertools
import json
from datetime import time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coach.core.schedule import (
    Rule,
    ScheduleError,
    format_days,
    format_duration,
    make_rule,
    parse_clock,
    parse_days,
    parse_duration,
    parse_window,
)
from coach.core.types import ReminderKind


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("1m", 1),
        ("90m", 90),
        ("2h", 120),
        ("1h30m", 90),
        ("1h 30m", 90),
        ("45min", 45),
        ("45 mins", 45),
        ("2d", 2 * 1440),
        ("1w", 7 * 1440),
        ("1H30M", 90),
        ("3 hours", 180),
        (" 20m ", 20),
    ],
)
def test_parse_duration_accepts(text: str, minutes: int) -> None:
    assert parse_duration(text) == timedelta(minutes=minutes)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("0m", "more than zero"),
        ("0h0m", "more than zero"),
        ("-5m", "cannot read"),
        ("5", "needs a unit"),
        ("", "empty"),
        ("abc", "cannot read"),
        ("5s", "cannot read"),
        ("1.5h", "cannot read"),
        ("30m1h", "largest first"),
        ("1h1h", "largest first"),
        ("1000w", "too long"),
        ("99999999999999999999999999m", "too long"),
        ("1h30", "cannot read"),
    ],
)
def test_parse_duration_rejects(text: str, fragment: str) -> None:
    with pytest.raises(ScheduleError, match=fragment):
        parse_duration(text)


@given(st.integers(min_value=1, max_value=366 * 1440))
def test_format_duration_round_trips(minutes: int) -> None:
    value = timedelta(minutes=minutes)
    assert parse_duration(format_duration(value)) == value


def test_format_duration_is_short() -> None:
    assert format_duration(timedelta(minutes=90)) == "1h30m"
    assert format_duration(timedelta(hours=24)) == "1d"
    assert format_duration(timedelta(days=8)) == "1w1d"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("07:30", time(7, 30)), ("7:30", time(7, 30)), ("19:05", time(19, 5)), ("0:00", time(0))],
)
def test_parse_clock_accepts(text: str, expected: time) -> None:
    assert parse_clock(text) == expected


@pytest.mark.parametrize(
    "text", ["24:00", "7:60", "ab", "", "7", "07:3", "730", "-1:00", "07:30pm"]
)
def test_parse_clock_rejects(text: str) -> None:
    with pytest.raises(ScheduleError):
        parse_clock(text)


@given(st.integers(0, 23), st.integers(0, 59))
def test_parse_clock_reads_every_time_of_day(hour: int, minute: int) -> None:
    assert parse_clock(f"{hour:02d}:{minute:02d}") == time(hour, minute)
    assert parse_clock(f"{hour}:{minute:02d}") == time(hour, minute)


def test_parse_window() -> None:
    assert parse_window("09:00-17:00") == (time(9), time(17))
    assert parse_window("9:00 - 17:30") == (time(9), time(17, 30))
    assert parse_window("22:00-07:00") == (time(22), time(7))  # quiet hours may wrap


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("09:00-09:00", "same time"),
        ("09:00", "cannot read window"),
        ("09:00-17:00-18:00", "cannot read window"),
        ("09:00-24:00", "not a time of day"),
    ],
)
def test_parse_window_rejects(text: str, fragment: str) -> None:
    with pytest.raises(ScheduleError, match=fragment):
        parse_window(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mon-fri", {0, 1, 2, 3, 4}),
        ("mon,wed,fri", {0, 2, 4}),
        ("sat-sun", {5, 6}),
        ("daily", set(range(7))),
        ("all", set(range(7))),
        ("fri-mon", {4, 5, 6, 0}),
        ("sun-sat", set(range(7))),
        ("Monday, Tuesday", {0, 1}),
        ("weekdays", {0, 1, 2, 3, 4}),
        ("weekends", {5, 6}),
        ("mon,mon", {0}),
        ("tue-tue", {1}),
    ],
)
def test_parse_days_accepts(text: str, expected: set[int]) -> None:
    assert parse_days(text) == frozenset(expected)


@pytest.mark.parametrize("text", ["", " ", "mon,,fri", "funday", "mo", "mon-", "-fri", "1-5"])
def test_parse_days_rejects(text: str) -> None:
    with pytest.raises(ScheduleError):
        parse_days(text)


def test_format_days_round_trips_every_nonempty_set() -> None:
    for size in range(1, 8):
        for chosen in itertools.combinations(range(7), size):
            days = frozenset(chosen)
            assert parse_days(format_days(days)) == days


def test_format_days_is_readable() -> None:
    assert format_days(range(5)) == "mon-fri"
    assert format_days({4, 5, 6, 0}) == "fri-mon"
    assert format_days({0, 2, 4}) == "mon,wed,fri"
    assert format_days(range(7)) == "daily"


def test_make_rule_every_with_window_and_days() -> None:
    rule = make_rule("eye_rest", every="90m", between="09:00-17:00", days="mon-fri")
    assert rule == Rule(
        kind=ReminderKind.EYE_REST,
        every=timedelta(minutes=90),
        window=(time(9), time(17)),
        days=frozenset(range(5)),
    )
    assert rule.wall_slots == (
        time(9),
        time(10, 30),
        time(12),
        time(13, 30),
        time(15),
        time(16, 30),
    )


def test_make_rule_at_sorts_times() -> None:
    rule = make_rule("check_in", at="19:00, 07:30")
    assert rule.at == (time(7, 30), time(19))
    assert rule.days == frozenset(range(7))


def test_slots_restart_each_day_from_midnight_without_a_window() -> None:
    rule = make_rule("relaxation", every="7h")
    assert rule.wall_slots == (time(0), time(7), time(14), time(21))


def test_window_end_is_excluded() -> None:
    rule = make_rule("screen_break", every="1h", between="09:00-12:00")
    assert rule.wall_slots == (time(9), time(10), time(11))


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"kind": "nap"}, "unknown reminder kind 'nap'"),
        ({"kind": "eye_rest", "every": "1h", "at": "07:00"}, "not both"),
        ({"kind": "eye_rest"}, "give --every"),
        ({"kind": "eye_rest", "at": "07:00", "between": "09:00-17:00"}, "--between only"),
        ({"kind": "eye_rest", "every": "25h"}, "too long"),
        ({"kind": "eye_rest", "every": "2d"}, "too long"),
        ({"kind": "eye_rest", "every": "0m"}, "more than zero"),
        ({"kind": "eye_rest", "at": "07:00,07:00"}, "given twice"),
        ({"kind": "eye_rest", "at": "07:00,7:00"}, "given twice"),
        ({"kind": "eye_rest", "at": "07:00,"}, "empty time"),
        ({"kind": "eye_rest", "at": "7"}, "cannot read time"),
        ({"kind": "eye_rest", "at": "07:00", "days": ""}, "no days"),
        ({"kind": "eye_rest", "every": "2h", "between": "09:00-10:00"}, "shorter than"),
        ({"kind": "eye_rest", "every": "1h", "between": "22:00-06:00"}, "overlapping window"),
        ({"kind": "eye_rest", "every": "1h", "between": "22:00"}, "cannot read window"),
    ],
)
def test_make_rule_rejects_with_one_clear_line(kwargs: dict[str, str], fragment: str) -> None:
    with pytest.raises(ScheduleError, match=fragment) as raised:
        make_rule(**kwargs)
    assert "\n" not in str(raised.value)


def test_make_rule_accepts_a_window_exactly_one_interval_long() -> None:
    rule = make_rule("eye_rest", every="1h", between="09:00-10:00")
    assert rule.wall_slots == (time(9),)


def test_schedule_error_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        make_rule("eye_rest")


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"every": timedelta(seconds=30)}, "at least 1 minute"),
        ({"every": timedelta(seconds=90)}, "whole number of minutes"),
        ({"every": timedelta(hours=25)}, "too long"),
        ({"every": timedelta(hours=1), "window": (time(17), time(9))}, "overlapping window"),
        ({"at": (time(7), time(7))}, "given twice"),
        ({"at": (time(7, 0, 30),)}, "whole minutes"),
        ({"at": (time(7),), "window": (time(9), time(17))}, "only goes with"),
        ({"at": (time(7),), "days": frozenset({7})}, "weekday numbers"),
        ({}, "needs an interval"),
    ],
)
def test_rule_validates_direct_construction(kwargs: dict[str, object], fragment: str) -> None:
    with pytest.raises(ScheduleError, match=fragment):
        Rule(kind=ReminderKind.EYE_REST, **kwargs)  # type: ignore[arg-type]


def test_rule_accepts_kind_as_string_and_empty_days() -> None:
    rule = Rule(kind="check_in", at=(time(8),), days=frozenset())  # type: ignore[arg-type]
    assert rule.kind is ReminderKind.CHECK_IN
    assert rule.days == frozenset()


clocks = st.builds(time, st.integers(0, 23), st.integers(0, 59))


@st.composite
def any_rules(draw: st.DrawFn) -> Rule:
    kind = draw(st.sampled_from(list(ReminderKind)))
    days = draw(st.frozensets(st.integers(0, 6)))
    if draw(st.booleans()):
        at = tuple(draw(st.lists(clocks, min_size=1, max_size=6, unique=True)))
        return Rule(kind=kind, at=at, days=days)
    every = timedelta(minutes=draw(st.integers(1, 1440)))
    if draw(st.booleans()):
        return Rule(kind=kind, every=every, days=days)
    # A window (which ends by 23:59) must hold at least one interval.
    every = min(every, timedelta(minutes=1439))
    start = draw(st.integers(0, 1439 - every // timedelta(minutes=1)))
    end = draw(st.integers(start + every // timedelta(minutes=1), 1439))
    window = (time(*divmod(start, 60)), time(*divmod(end, 60)))
    return Rule(kind=kind, every=every, window=window, days=days)


@given(any_rules())
def test_rule_round_trips_through_json(rule: Rule) -> None:
    stored = json.loads(json.dumps(rule.to_dict()))
    assert Rule.from_dict(stored) == rule


def test_rule_to_dict_shape() -> None:
    rule = make_rule("eye_rest", every="90m", between="09:00-17:00", days="mon-fri")
    assert rule.to_dict() == {
        "kind": "eye_rest",
        "every": "1h30m",
        "window": "09:00-17:00",
        "at": [],
        "days": [0, 1, 2, 3, 4],
    }
    assert rule.describe() == "eye_rest every 1h30m between 09:00-17:00, mon-fri"
    assert make_rule("check_in", at="07:30").describe() == "check_in at 07:30, daily"


def test_rule_from_dict_accepts_minutes_and_defaults() -> None:
    assert Rule.from_dict({"kind": "eye_rest", "every": 45}) == make_rule("eye_rest", every="45m")


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ({"every": "1h"}, "lacks 'kind'"),
        ({"kind": "eye_rest", "every": "soon"}, "cannot read duration"),
        ({"kind": "eye_rest", "at": ["07:00"], "days": ["x"]}, "cannot read stored schedule"),
        ({"kind": "eye_rest", "at": ["07:00"], "days": [9]}, "weekday numbers"),
        ([], "must be an object"),
    ],
)
def test_rule_from_dict_rejects_bad_rows(data: object, fragment: str) -> None:
    with pytest.raises(ScheduleError, match=fragment):
        Rule.from_dict(data)  # type: ignore[arg-type]
