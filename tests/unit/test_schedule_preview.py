"""preview(): the next reminders after quiet hours, pauses and the daily cap."""

from __future__ import annotations

import heapq
import itertools
import time as stopwatch
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.core.localtime import local_date
from coach.core.policy import in_quiet_hours
from coach.core.schedule import (
    PAUSED_INDEFINITELY,
    PREVIEW_HORIZON,
    Policy,
    PreviewItem,
    Rule,
    make_rule,
    occurrences,
    preview,
)
from coach.core.types import ReminderKind
from tests.unit.test_schedule_occurrences import rules, zoned_starts

NEW_YORK = ZoneInfo("America/New_York")
LORD_HOWE = ZoneInfo("Australia/Lord_Howe")
KOLKATA = ZoneInfo("Asia/Kolkata")


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def locals_of(items: list[PreviewItem]) -> list[str]:
    return [item.local.isoformat(timespec="minutes") for item in items]


# ---------------------------------------------------------------------------- examples


def test_preview_json_on_the_us_spring_forward_day() -> None:
    policy = Policy(zone=NEW_YORK)
    items = preview([make_rule("check_in", at="02:30")], policy, utc(2027, 3, 14), 2)
    assert [item.to_json() for item in items] == [
        {"kind": "check_in", "at": "2027-03-14T07:30:00Z", "local": "2027-03-14T03:30:00-04:00"},
        {"kind": "check_in", "at": "2027-03-15T06:30:00Z", "local": "2027-03-15T02:30:00-04:00"},
    ]
    assert items[0].at.tzinfo is UTC
    assert items[0].local.tzinfo is NEW_YORK


def test_preview_json_with_a_half_hour_offset() -> None:
    policy = Policy(zone=LORD_HOWE)
    items = preview([make_rule("eye_rest", at="02:15")], policy, utc(2027, 10, 2), 1)
    assert items[0].to_json() == {
        "kind": "eye_rest",
        "at": "2027-10-02T15:45:00Z",
        "local": "2027-10-03T02:45:00+11:00",
    }


def test_preview_on_the_fall_back_day_fires_each_wall_slot_once() -> None:
    rule = make_rule("eye_rest", every="30m", between="01:00-03:00")
    items = preview([rule], Policy(zone=NEW_YORK), utc(2027, 11, 7, 4), 4)
    assert locals_of(items) == [
        "2027-11-07T01:00-04:00",
        "2027-11-07T01:30-04:00",
        "2027-11-07T02:00-05:00",
        "2027-11-07T02:30-05:00",
    ]


def test_quiet_hours_that_wrap_midnight_hold_back_the_night() -> None:
    policy = Policy(zone=NEW_YORK, quiet=(time(22), time(7)))
    items = preview([make_rule("screen_break", every="1h")], policy, utc(2027, 1, 5, 5), 16)
    assert [item.local.hour for item in items] == [*range(7, 22), 7]
    assert items[-1].local.date() == date(2027, 1, 6)


def test_daily_cap_counts_per_local_day() -> None:
    policy = Policy(zone=KOLKATA, quiet=(time(21), time(8)), daily_cap=2)
    rule = make_rule("screen_break", every="1h")
    items = preview([rule], policy, utc(2027, 1, 5), 4)
    assert locals_of(items) == [
        "2027-01-05T08:00+05:30",
        "2027-01-05T09:00+05:30",
        "2027-01-06T08:00+05:30",
        "2027-01-06T09:00+05:30",
    ]


def test_daily_cap_includes_reminders_already_sent() -> None:
    policy = Policy(zone=KOLKATA, quiet=(time(21), time(8)), daily_cap=2)
    rule = make_rule("screen_break", every="1h")
    already = {date(2027, 1, 5): 1, date(2027, 1, 6): 2}
    items = preview([rule], policy, utc(2027, 1, 5), 3, sent_by_local_date=already)
    assert locals_of(items) == [
        "2027-01-05T08:00+05:30",
        "2027-01-07T08:00+05:30",
        "2027-01-07T09:00+05:30",
    ]


def test_pause_holds_back_everything_until_it_ends() -> None:
    policy = Policy(zone=NEW_YORK, paused_until=utc(2027, 1, 7, 12, 30))
    items = preview([make_rule("check_in", at="08:00")], policy, utc(2027, 1, 5), 2)
    assert [item.at for item in items] == [utc(2027, 1, 7, 13), utc(2027, 1, 8, 13)]


def test_paused_indefinitely_previews_nothing() -> None:
    policy = Policy(zone=NEW_YORK, paused_until=PAUSED_INDEFINITELY)
    assert preview([make_rule("eye_rest", every="1m")], policy, utc(2027, 1, 5), 5) == []


def test_everything_blocked_terminates_quickly() -> None:
    policy = Policy(zone=NEW_YORK, quiet=(time(0), time(23, 59)))
    rule = make_rule("eye_rest", every="1m", between="09:00-17:00")
    began = stopwatch.perf_counter()
    assert preview([rule], policy, utc(2027, 1, 5), 10) == []
    assert stopwatch.perf_counter() - began < 10


def test_preview_stops_at_the_horizon() -> None:
    policy = Policy(zone=NEW_YORK, daily_cap=0)
    assert preview([make_rule("check_in", at="08:00")], policy, utc(2027, 1, 5), 3) == []
    daily = make_rule("check_in", at="08:00")
    found = preview([daily], Policy(zone=NEW_YORK), utc(2027, 1, 5), 500)
    assert len(found) == 60
    assert found[-1].at < utc(2027, 1, 5) + PREVIEW_HORIZON


def test_rules_merge_in_time_order_and_ties_keep_rule_order() -> None:
    rules_in_order = [
        make_rule("relaxation", at="08:00,20:00"),
        make_rule("check_in", at="08:00"),
        make_rule("eye_rest", at="12:00"),
    ]
    items = preview(rules_in_order, Policy(zone=NEW_YORK), utc(2027, 1, 5, 12), 4)
    assert [(item.kind.value, item.local.hour) for item in items] == [
        ("relaxation", 8),
        ("check_in", 8),
        ("eye_rest", 12),
        ("relaxation", 20),
    ]


def test_the_same_kind_at_the_same_instant_is_one_reminder() -> None:
    twice = [make_rule("eye_rest", at="08:00"), make_rule("eye_rest", every="4h")]
    items = preview(twice, Policy(zone=NEW_YORK), utc(2027, 1, 5, 12), 3)
    assert locals_of(items) == [
        "2027-01-05T08:00-05:00",
        "2027-01-05T12:00-05:00",
        "2027-01-05T16:00-05:00",
    ]


def test_start_is_inclusive() -> None:
    daily = make_rule("check_in", at="08:00")
    items = preview([daily], Policy(zone=NEW_YORK), utc(2027, 1, 5, 13), 1)
    assert items[0].at == utc(2027, 1, 5, 13)


def test_preview_edge_cases() -> None:
    policy = Policy(zone=NEW_YORK)
    rule = make_rule("check_in", at="08:00")
    assert preview([rule], policy, utc(2027, 1, 5), 0) == []
    assert preview([], policy, utc(2027, 1, 5), 5) == []
    with pytest.raises(ValueError):
        preview([rule], policy, utc(2027, 1, 5), -1)
    with pytest.raises(ValueError, match="timezone-aware"):
        preview([rule], policy, datetime(2027, 1, 5), 1)


# ---------------------------------------------------------------------------- properties

clocks = st.builds(time, st.integers(0, 23), st.sampled_from([0, 15, 30, 45]))
quiet_hours = st.one_of(
    st.none(), st.tuples(clocks, clocks).filter(lambda pair: pair[0] != pair[1])
)


@st.composite
def policies(draw: st.DrawFn, zone: ZoneInfo, start: datetime) -> Policy:
    paused_until = draw(
        st.one_of(
            st.none(),
            st.integers(-1440, 10 * 1440).map(lambda m: start + timedelta(minutes=m)),
            st.just(PAUSED_INDEFINITELY),
        )
    )
    return Policy(
        zone=zone,
        quiet=draw(quiet_hours),
        daily_cap=draw(st.one_of(st.none(), st.integers(0, 6))),
        paused_until=paused_until,
    )


@st.composite
def preview_cases(draw: st.DrawFn) -> tuple[list[Rule], Policy, datetime, dict[date, int]]:
    zone, start = draw(zoned_starts())
    chosen = draw(st.lists(rules(allow_no_days=False), min_size=1, max_size=3))
    policy = draw(policies(zone, start))
    first_day = local_date(start, zone)
    sent = {
        first_day + timedelta(days=offset): count
        for offset, count in draw(
            st.dictionaries(st.integers(0, 3), st.integers(0, 4), max_size=3)
        ).items()
    }
    return chosen, policy, start, sent


@settings(max_examples=150, deadline=None)
@given(case=preview_cases(), count=st.integers(1, 40))
def test_preview_respects_quiet_hours_pauses_and_the_cap(
    case: tuple[list[Rule], Policy, datetime, dict[date, int]], count: int
) -> None:
    chosen, policy, start, sent = case
    items = preview(chosen, policy, start, count, sent_by_local_date=sent)
    assert len(items) <= count
    assert all(a.at <= b.at for a, b in itertools.pairwise(items))
    assert len({(item.kind, item.at) for item in items}) == len(items)
    per_day: Counter[date] = Counter()
    for item in items:
        assert start <= item.at < start + PREVIEW_HORIZON
        assert item.at.tzinfo is UTC
        # compare as UTC: an ambiguous local time never equals an instant in another zone
        assert item.local.astimezone(UTC) == item.at and item.local.tzinfo is policy.zone
        assert not in_quiet_hours(policy.quiet, item.local.time())
        if policy.paused_until is not None:
            assert item.at >= policy.paused_until
        assert any(
            rule.kind == item.kind
            and next(occurrences(rule, policy.zone, item.at, item.at + timedelta(minutes=1)), None)
            == item.at
            for rule in chosen
        )
        per_day[item.local.date()] += 1
    if policy.daily_cap is not None:
        for day, previewed in per_day.items():
            assert sent.get(day, 0) + previewed <= policy.daily_cap


@settings(max_examples=100, deadline=None)
@given(
    chosen=st.lists(rules(allow_no_days=False), min_size=1, max_size=3),
    case=zoned_starts(),
    quiet=quiet_hours,
    count=st.integers(1, 30),
)
def test_without_a_cap_or_pause_preview_is_every_unquiet_occurrence(
    chosen: list[Rule], case: tuple[ZoneInfo, datetime], quiet: tuple[time, time] | None, count: int
) -> None:
    zone, start = case
    policy = Policy(zone=zone, quiet=quiet)
    end = start + PREVIEW_HORIZON
    streams = [
        [(instant, index, rule.kind) for instant in occurrences(rule, zone, start, end)]
        for index, rule in enumerate(chosen)
    ]
    expected: list[tuple[ReminderKind, datetime]] = []
    for instant, _, kind in heapq.merge(*streams):
        if (kind, instant) in expected or in_quiet_hours(quiet, instant.astimezone(zone).time()):
            continue
        expected.append((kind, instant))
        if len(expected) == count:
            break
    assert [(item.kind, item.at) for item in preview(chosen, policy, start, count)] == expected
