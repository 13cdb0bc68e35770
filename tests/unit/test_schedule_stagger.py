"""Staggered slots: a stable per-patient offset spreads patients on one rule over the interval
(or over a fixed time's spread window) instead of all firing on the same minute."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from coach import patients, schedules
from coach.core.schedule import (
    Rule,
    ScheduleError,
    make_rule,
    occurrences,
    stable_offset,
)
from coach.db.engine import transaction
from coach.errors import CoachError
from tests.fixtures_db import ALICE, T0

NY = ZoneInfo("America/New_York")


def test_an_offset_moves_every_slot_and_keeps_the_spacing_inside_the_window() -> None:
    rule = make_rule("eye_rest", every="20m", between="09:00-17:00", offset="7m")
    assert rule.wall_slots[:3] == (time(9, 7), time(9, 27), time(9, 47))
    assert rule.wall_slots[-1] == time(16, 47)  # still before the window's end
    assert len(rule.wall_slots) == 24
    assert "(+7m)" in rule.describe()


def test_a_fixed_time_spread_never_crosses_midnight() -> None:
    rule = make_rule("check_in", at="19:00,23:50", offset="30m")
    assert rule.wall_slots == (time(19, 30), time(23, 59))


@pytest.mark.parametrize(
    ("every", "offset", "message"),
    [("20m", "20m", "shorter than the interval"), ("20m", "25m", "shorter than the interval"),
     ("1h", "90s", "cannot read duration")],
)
def test_bad_offsets_are_refused_with_a_reason(every: str, offset: str, message: str) -> None:
    with pytest.raises(ScheduleError, match=message):
        make_rule("eye_rest", every=every, offset=offset)


def test_fixed_times_take_at_most_a_two_hour_spread() -> None:
    with pytest.raises(ScheduleError, match="too long"):
        make_rule("check_in", at="19:00", offset="3h")


def test_the_offset_survives_storage_and_old_rows_read_as_none() -> None:
    rule = make_rule("eye_rest", every="20m", offset="13m")
    assert Rule.from_dict(rule.to_dict()) == rule
    plain = make_rule("eye_rest", every="20m")
    assert "offset" not in plain.to_dict()  # rows written before staggering are unchanged
    assert Rule.from_dict(plain.to_dict()).offset == timedelta(0)


def test_stable_offsets_are_repeatable_and_spread_evenly() -> None:
    span = timedelta(minutes=20)
    assert stable_offset(42, "eye_rest", span) == stable_offset(42, "eye_rest", span)
    buckets = Counter(stable_offset(pid, "eye_rest", span) for pid in range(1, 20_001))
    assert set(buckets) == {timedelta(minutes=m) for m in range(20)}
    # 1,000 a minute on average: none more than 15 % off.
    assert max(buckets.values()) < 1150 and min(buckets.values()) > 850


def test_staggered_slots_follow_the_wall_clock_across_spring_forward() -> None:
    rule = make_rule("eye_rest", every="1h", offset="30m")
    start = datetime(2027, 3, 14, 5, 0, tzinfo=UTC)  # 00:00 EST, the day clocks go forward
    local = [t.astimezone(NY).strftime("%H:%M") for t in occurrences(
        rule, NY, start, start + timedelta(hours=5))]
    # 02:30 does not exist that night: it is read with the offset before the gap (03:30 EDT),
    # which 03:30 also is, so it happens once.
    assert local == ["00:30", "01:30", "03:30", "04:30", "05:30"]


def test_set_schedule_stagger_gives_each_patient_their_own_offset(factory, settings) -> None:
    with transaction(factory) as s:
        p, _ = patients.enroll(s, settings, phone=ALICE, tz="America/New_York", now=T0)
        schedule = schedules.set_schedule(
            s, p, "eye_rest", now=T0, every="20m", between="09:00-17:00", stagger=True
        )
        expected = stable_offset(p.id, "eye_rest", timedelta(minutes=20))
        assert schedules.rule_of(schedule).offset == expected
        with pytest.raises(CoachError, match="goes with --every"):
            schedules.set_schedule(s, p, "check_in", now=T0, at="19:00", stagger=True)
        spread = schedules.set_schedule(s, p, "check_in", now=T0, at="19:00", spread="30m")
        assert schedules.rule_of(spread).offset < timedelta(minutes=30)
