"""Rule occurrences and next_occurrence: DST examples on the real 2027 days, and properties."""

from __future__ import annotations

import itertools
import time as stopwatch
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.core.localtime import wall_time_exists, wall_to_utc
from coach.core.schedule import (
    PAUSED_INDEFINITELY,
    Rule,
    make_rule,
    next_occurrence,
    occurrences,
)
from coach.core.types import ReminderKind
from tests.unit.zones import KOLKATA, LONDON, LORD_HOWE, NEW_YORK, SANTIAGO, ZONE_NAMES

MINUTE = timedelta(minutes=1)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def local_day(zone: ZoneInfo, day: date) -> tuple[datetime, datetime]:
    """[start, end) of one local calendar day, as aware datetimes."""
    start = datetime.combine(day, time(), tzinfo=zone)
    end = datetime.combine(day + timedelta(days=1), time(), tzinfo=zone)
    return start, end


def walls(instants: list[datetime], zone: ZoneInfo) -> list[str]:
    return [instant.astimezone(zone).isoformat(timespec="minutes") for instant in instants]


# ---------------------------------------------------------------------------- examples


def test_new_york_at_0230_on_spring_forward_day_is_0330_edt() -> None:
    rule = make_rule("check_in", at="02:30")
    found = list(occurrences(rule, NEW_YORK, utc(2027, 3, 13), utc(2027, 3, 16)))
    assert found == [utc(2027, 3, 13, 7, 30), utc(2027, 3, 14, 7, 30), utc(2027, 3, 15, 6, 30)]
    assert walls(found, NEW_YORK)[1] == "2027-03-14T03:30-04:00"


def test_new_york_at_0130_on_fall_back_day_fires_once_on_the_first_pass() -> None:
    rule = make_rule("check_in", at="01:30")
    found = list(occurrences(rule, NEW_YORK, *local_day(NEW_YORK, date(2027, 11, 7))))
    assert found == [utc(2027, 11, 7, 5, 30)]


def test_new_york_every_30m_on_fall_back_day_skips_the_second_pass() -> None:
    rule = make_rule("eye_rest", every="30m", between="01:00-03:00")
    found = list(occurrences(rule, NEW_YORK, *local_day(NEW_YORK, date(2027, 11, 7))))
    assert walls(found, NEW_YORK) == [
        "2027-11-07T01:00-04:00",
        "2027-11-07T01:30-04:00",
        "2027-11-07T02:00-05:00",
        "2027-11-07T02:30-05:00",
    ]
    assert utc(2027, 11, 7, 6, 0) not in found  # 01:00 EST, the second pass
    assert utc(2027, 11, 7, 6, 30) not in found


def test_new_york_every_30m_on_spring_forward_day_deduplicates_shifted_slots() -> None:
    rule = make_rule("eye_rest", every="30m", between="01:00-04:00")
    found = list(occurrences(rule, NEW_YORK, *local_day(NEW_YORK, date(2027, 3, 14))))
    # 02:00 and 02:30 do not exist; read with EST they land on 03:00 and 03:30 EDT, which
    # the 03:00 and 03:30 slots also land on: four reminders, not six.
    assert walls(found, NEW_YORK) == [
        "2027-03-14T01:00-05:00",
        "2027-03-14T01:30-05:00",
        "2027-03-14T03:00-04:00",
        "2027-03-14T03:30-04:00",
    ]


def test_hourly_all_day_gives_23_on_spring_forward_and_24_on_fall_back() -> None:
    rule = make_rule("screen_break", every="1h")
    spring = list(occurrences(rule, NEW_YORK, *local_day(NEW_YORK, date(2027, 3, 14))))
    fall = list(occurrences(rule, NEW_YORK, *local_day(NEW_YORK, date(2027, 11, 7))))
    assert len(spring) == 23
    assert len(fall) == 24
    assert utc(2027, 11, 7, 6) not in fall


def test_two_at_times_that_shift_onto_one_instant_fire_once() -> None:
    rule = make_rule("check_in", at="02:00,03:00")
    found = list(occurrences(rule, NEW_YORK, *local_day(NEW_YORK, date(2027, 3, 14))))
    assert found == [utc(2027, 3, 14, 7)]


def test_london_2027() -> None:
    rule = make_rule("check_in", at="01:30")
    spring = list(occurrences(rule, LONDON, *local_day(LONDON, date(2027, 3, 28))))
    fall = list(occurrences(rule, LONDON, *local_day(LONDON, date(2027, 10, 31))))
    assert walls(spring, LONDON) == ["2027-03-28T02:30+01:00"]
    assert walls(fall, LONDON) == ["2027-10-31T01:30+01:00"]


def test_lord_howe_half_hour_shifts_2027() -> None:
    gap = make_rule("check_in", at="02:15")
    found = list(occurrences(gap, LORD_HOWE, *local_day(LORD_HOWE, date(2027, 10, 3))))
    assert found == [utc(2027, 10, 2, 15, 45)]
    assert walls(found, LORD_HOWE) == ["2027-10-03T02:45+11:00"]

    repeated = make_rule("eye_rest", every="15m", between="01:30-02:00")
    found = list(occurrences(repeated, LORD_HOWE, *local_day(LORD_HOWE, date(2027, 4, 4))))
    # 01:30-02:00 happens twice (+11 then +10:30); only the first pass fires
    assert walls(found, LORD_HOWE) == ["2027-04-04T01:30+11:00", "2027-04-04T01:45+11:00"]


def test_santiago_midnight_transitions_2027() -> None:
    gap = make_rule("check_in", at="00:30")
    found = list(occurrences(gap, SANTIAGO, *local_day(SANTIAGO, date(2027, 9, 5))))
    assert walls(found, SANTIAGO) == ["2027-09-05T01:30-03:00"]

    repeated = make_rule("check_in", at="23:30")
    found = list(occurrences(repeated, SANTIAGO, utc(2027, 4, 3, 12), utc(2027, 4, 4, 12)))
    assert walls(found, SANTIAGO) == ["2027-04-03T23:30-03:00"]


def test_kolkata_has_no_shift() -> None:
    rule = make_rule("check_in", at="07:30")
    found = list(occurrences(rule, KOLKATA, utc(2027, 3, 13), utc(2027, 3, 16)))
    assert found == [utc(2027, 3, 13, 2), utc(2027, 3, 14, 2), utc(2027, 3, 15, 2)]


def test_days_are_local_weekdays() -> None:
    # 2027-03-12 is a Friday. 20:00 in New York is already Saturday in UTC.
    rule = make_rule("relaxation", at="20:00", days="mon-fri")
    found = list(occurrences(rule, NEW_YORK, utc(2027, 3, 12, 12), utc(2027, 3, 16, 12)))
    assert walls(found, NEW_YORK) == ["2027-03-12T20:00-05:00", "2027-03-15T20:00-04:00"]
    assert found[0] == utc(2027, 3, 13, 1)


def test_range_is_half_open() -> None:
    rule = make_rule("check_in", at="07:00")
    found = list(occurrences(rule, ZoneInfo("UTC"), utc(2027, 1, 1, 7), utc(2027, 1, 3, 7)))
    assert found == [utc(2027, 1, 1, 7), utc(2027, 1, 2, 7)]
    assert list(occurrences(rule, ZoneInfo("UTC"), utc(2027, 1, 2), utc(2027, 1, 1))) == []


def test_start_and_end_may_be_in_any_zone() -> None:
    rule = make_rule("check_in", at="07:00")
    start = datetime(2027, 1, 1, 8, tzinfo=ZoneInfo("Europe/Paris"))  # 07:00Z
    assert next(occurrences(rule, ZoneInfo("UTC"), start, start + timedelta(days=1))) == start


def test_naive_bounds_are_refused() -> None:
    rule = make_rule("check_in", at="07:00")
    with pytest.raises(ValueError):
        occurrences(rule, NEW_YORK, datetime(2027, 1, 1), utc(2027, 1, 2))
    with pytest.raises(ValueError):
        occurrences(rule, NEW_YORK, utc(2027, 1, 1), datetime(2027, 1, 2))
    with pytest.raises(ValueError):
        next_occurrence(rule, NEW_YORK, datetime(2027, 1, 1))


def test_occurrences_are_lazy_and_open_ended() -> None:
    rule = make_rule("screen_break", every="1m")
    began = stopwatch.perf_counter()
    first = next(occurrences(rule, NEW_YORK, utc(2027, 1, 1), PAUSED_INDEFINITELY))
    assert first == utc(2027, 1, 1)
    assert stopwatch.perf_counter() - began < 0.5
    last_day = list(occurrences(rule, NEW_YORK, utc(9999, 12, 28), PAUSED_INDEFINITELY))
    assert last_day  # no overflow at the end of the calendar


def test_a_year_of_five_minute_slots_is_quick_and_exact() -> None:
    rule = make_rule("screen_break", every="5m")
    began = stopwatch.perf_counter()
    found = list(occurrences(rule, ZoneInfo("UTC"), utc(2027, 1, 1), utc(2028, 1, 1)))
    assert len(found) == 365 * 288
    assert stopwatch.perf_counter() - began < 5


def test_next_occurrence_examples() -> None:
    rule = make_rule("check_in", at="02:30")
    assert next_occurrence(rule, NEW_YORK, utc(2027, 3, 14)) == utc(2027, 3, 14, 7, 30)
    # strictly after
    assert next_occurrence(rule, NEW_YORK, utc(2027, 3, 14, 7, 30)) == utc(2027, 3, 15, 6, 30)
    weekly = make_rule("check_in", at="09:00", days="sun")
    # 2027-03-15 is a Monday: the next Sunday is six days on
    assert next_occurrence(weekly, NEW_YORK, utc(2027, 3, 15)) == utc(2027, 3, 21, 13)


def test_next_occurrence_without_days_is_none() -> None:
    rule = Rule(kind=ReminderKind.CHECK_IN, at=(time(9),), days=frozenset())
    assert next_occurrence(rule, NEW_YORK, utc(2027, 1, 1)) is None


# ---------------------------------------------------------------------------- properties

# The instants at which each zone changes offset in 2027.
TRANSITIONS: dict[str, list[datetime]] = {
    "America/New_York": [utc(2027, 3, 14, 7), utc(2027, 11, 7, 6)],
    "Europe/London": [utc(2027, 3, 28, 1), utc(2027, 10, 31, 1)],
    "Australia/Lord_Howe": [utc(2027, 4, 3, 15), utc(2027, 10, 2, 15, 30)],
    "Asia/Kolkata": [],
    "UTC": [],
    "Australia/Sydney": [utc(2027, 4, 3, 16), utc(2027, 10, 2, 16)],
    "America/Santiago": [utc(2027, 4, 4, 3), utc(2027, 9, 5, 4)],
}
assert list(TRANSITIONS) == ZONE_NAMES


@st.composite
def zoned_starts(draw: st.DrawFn) -> tuple[ZoneInfo, datetime]:
    """A zone, and a whole-minute instant: often a day or two before one of its 2027
    transitions, otherwise anywhere in 2026-2028."""
    name = draw(st.sampled_from(ZONE_NAMES))
    if TRANSITIONS[name] and draw(st.integers(0, 3)) > 0:
        base = draw(st.sampled_from(TRANSITIONS[name]))
        return ZoneInfo(name), base + timedelta(minutes=draw(st.integers(-2 * 1440, 1440)))
    moment = draw(st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2028, 12, 31)))
    return ZoneInfo(name), moment.replace(second=0, microsecond=0, tzinfo=UTC)


# Minutes of the day, biased towards the hours where transitions happen.
minutes_of_day = st.one_of(st.integers(0, 1439), st.integers(0, 4 * 60), st.integers(22 * 60, 1439))


@st.composite
def rules(draw: st.DrawFn, allow_no_days: bool = True) -> Rule:
    kind = draw(st.sampled_from(list(ReminderKind)))
    days = draw(st.frozensets(st.integers(0, 6), min_size=0 if allow_no_days else 1))
    if draw(st.booleans()):
        at = draw(st.lists(minutes_of_day, min_size=1, max_size=6, unique=True))
        return Rule(kind=kind, at=tuple(time(*divmod(m, 60)) for m in at), days=days)
    every = draw(st.one_of(st.sampled_from([15, 30, 60, 90, 120, 180, 1440]), st.integers(5, 1440)))
    if draw(st.booleans()):
        return Rule(kind=kind, every=every * MINUTE, days=days)
    first = draw(minutes_of_day.filter(lambda m: m + every <= 1439))
    last = draw(st.integers(first + every, 1439))
    window = (time(*divmod(first, 60)), time(*divmod(last, 60)))
    return Rule(kind=kind, every=every * MINUTE, window=window, days=days)


def slot_minutes(rule: Rule) -> set[int]:
    """The rule's minutes of the day, worked out independently of Rule.wall_slots."""
    if rule.every is None:
        return {value.hour * 60 + value.minute for value in rule.at}
    step = rule.every // MINUTE
    first, last = 0, 1440
    if rule.window is not None:
        first = rule.window[0].hour * 60 + rule.window[0].minute
        last = rule.window[1].hour * 60 + rule.window[1].minute
    return {m for m in range(1440) if first <= m < last and (m - first) % step == 0}


def expected_occurrences(
    rule: Rule, zone: ZoneInfo, start: datetime, end: datetime
) -> list[datetime]:
    found = set()
    day = start.date() - timedelta(days=2)
    while day <= end.date() + timedelta(days=2):
        if day.weekday() in rule.days:
            for minute in slot_minutes(rule):
                instant = wall_to_utc(day, time(*divmod(minute, 60)), zone)
                if start <= instant < end:
                    found.add(instant)
        day += timedelta(days=1)
    return sorted(found)


spans = st.integers(0, 4 * 1440).map(lambda m: m * MINUTE)


@settings(max_examples=300, deadline=None)
@given(rule=rules(), case=zoned_starts(), span=spans)
def test_occurrences_match_the_wall_clock_definition(
    rule: Rule, case: tuple[ZoneInfo, datetime], span: timedelta
) -> None:
    zone, start = case
    end = start + span
    found = list(occurrences(rule, zone, start, end))
    assert all(instant.tzinfo is UTC for instant in found)
    assert all(start <= instant < end for instant in found)
    assert all(a < b for a, b in itertools.pairwise(found))  # ascending, unique
    assert found == expected_occurrences(rule, zone, start, end)


@settings(max_examples=300, deadline=None)
@given(rule=rules(), case=zoned_starts(), span=spans)
def test_each_occurrence_is_a_slot_or_the_rfc5545_shift_of_one(
    rule: Rule, case: tuple[ZoneInfo, datetime], span: timedelta
) -> None:
    zone, start = case
    slots = slot_minutes(rule)
    for instant in occurrences(rule, zone, start, start + span):
        local = instant.astimezone(zone)
        assert local.fold == 0  # never the second pass of a repeated hour
        assert local.weekday() in rule.days  # holds for these zones: no gap crosses midnight
        minute = local.hour * 60 + local.minute
        if minute in slots:
            continue
        # not a slot itself: it must be a slot inside a gap, moved forward by the gap
        naive = local.replace(tzinfo=None)
        shifted_from = [
            naive - step * MINUTE
            for step in range(1, 121)
            if (naive - step * MINUTE).hour * 60 + (naive - step * MINUTE).minute in slots
        ]
        assert any(
            not wall_time_exists(wall.date(), wall.time(), zone)
            and wall_to_utc(wall.date(), wall.time(), zone) == instant
            for wall in shifted_from
        ), f"{local.isoformat()} is not a slot of {rule.describe()}"


@settings(max_examples=300, deadline=None)
@given(rule=rules(), case=zoned_starts(), jitter=st.integers(0, 59_999_999))
def test_next_occurrence_is_the_first_occurrence_strictly_after(
    rule: Rule, case: tuple[ZoneInfo, datetime], jitter: int
) -> None:
    zone, after = case
    after += timedelta(microseconds=jitter)
    expected = next(
        occurrences(rule, zone, after + timedelta(microseconds=1), after + timedelta(days=8)),
        None,
    )
    result = next_occurrence(rule, zone, after)
    assert result == expected
    if rule.days:
        assert result is not None and result > after
    else:
        assert result is None


@settings(max_examples=150, deadline=None)
@given(rule=rules(allow_no_days=False), case=zoned_starts(), span=spans)
def test_walking_next_occurrence_visits_every_occurrence(
    rule: Rule, case: tuple[ZoneInfo, datetime], span: timedelta
) -> None:
    zone, start = case
    """What the dispatch tick does: advance next_due_at one occurrence at a time."""
    end = start + span
    walked = []
    cursor = next_occurrence(rule, zone, start - timedelta(microseconds=1))
    while cursor is not None and cursor < end:
        walked.append(cursor)
        cursor = next_occurrence(rule, zone, cursor)
    assert walked == list(occurrences(rule, zone, start, end))


@settings(max_examples=100, deadline=None)
@given(rule=rules(), case=zoned_starts(), span=spans, cut=st.integers(0, 4 * 1440))
def test_splitting_the_range_splits_the_occurrences(
    rule: Rule, case: tuple[ZoneInfo, datetime], span: timedelta, cut: int
) -> None:
    zone, start = case
    end = start + span
    middle = min(start + cut * MINUTE, end)
    whole = list(occurrences(rule, zone, start, end))
    before = list(occurrences(rule, zone, start, middle))
    assert whole == before + list(occurrences(rule, zone, middle, end))
