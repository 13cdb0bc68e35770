"""Wall time to UTC with RFC 5545 §3.3.5 semantics, on the real 2027 transitions."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.core.localtime import local_date, require_aware, wall_time_exists, wall_to_utc
from tests.unit.zones import KOLKATA, LONDON, LORD_HOWE, NEW_YORK, SANTIAGO, SYDNEY, ZONE_NAMES


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def test_the_2027_transitions_are_where_the_tests_assume() -> None:
    """Guards every example below: the tz database agrees on the 2027 dates."""
    cases = [
        (NEW_YORK, utc(2027, 3, 14, 7), timedelta(hours=-5), timedelta(hours=-4)),
        (NEW_YORK, utc(2027, 11, 7, 6), timedelta(hours=-4), timedelta(hours=-5)),
        (LONDON, utc(2027, 3, 28, 1), timedelta(0), timedelta(hours=1)),
        (LONDON, utc(2027, 10, 31, 1), timedelta(hours=1), timedelta(0)),
        (LORD_HOWE, utc(2027, 4, 3, 15), timedelta(hours=11), timedelta(hours=10, minutes=30)),
        (LORD_HOWE, utc(2027, 10, 2, 15, 30), timedelta(hours=10, minutes=30), timedelta(hours=11)),
        (SYDNEY, utc(2027, 4, 3, 16), timedelta(hours=11), timedelta(hours=10)),
        (SYDNEY, utc(2027, 10, 2, 16), timedelta(hours=10), timedelta(hours=11)),
        (SANTIAGO, utc(2027, 4, 4, 3), timedelta(hours=-3), timedelta(hours=-4)),
        (SANTIAGO, utc(2027, 9, 5, 4), timedelta(hours=-4), timedelta(hours=-3)),
    ]
    for zone, instant, before, after in cases:
        assert (instant - timedelta(seconds=1)).astimezone(zone).utcoffset() == before, zone
        assert instant.astimezone(zone).utcoffset() == after, zone


@pytest.mark.parametrize(
    ("zone", "day", "clock", "expected"),
    [
        # spring forward: a time in the gap takes the offset from before the gap
        (NEW_YORK, date(2027, 3, 14), time(2, 30), utc(2027, 3, 14, 7, 30)),  # 03:30 EDT
        (NEW_YORK, date(2027, 3, 14), time(2, 0), utc(2027, 3, 14, 7, 0)),  # 03:00 EDT
        (NEW_YORK, date(2027, 3, 14), time(3, 0), utc(2027, 3, 14, 7, 0)),
        (NEW_YORK, date(2027, 3, 14), time(1, 59), utc(2027, 3, 14, 6, 59)),
        (LONDON, date(2027, 3, 28), time(1, 30), utc(2027, 3, 28, 1, 30)),  # 02:30 BST
        (LORD_HOWE, date(2027, 10, 3), time(2, 15), utc(2027, 10, 2, 15, 45)),  # 02:45 +11
        (SYDNEY, date(2027, 10, 3), time(2, 30), utc(2027, 10, 2, 16, 30)),  # 03:30 AEDT
        (SANTIAGO, date(2027, 9, 5), time(0, 30), utc(2027, 9, 5, 4, 30)),  # 01:30 -03
        # fall back: an ambiguous time is its first occurrence
        (NEW_YORK, date(2027, 11, 7), time(1, 30), utc(2027, 11, 7, 5, 30)),  # 01:30 EDT
        (LONDON, date(2027, 10, 31), time(1, 30), utc(2027, 10, 31, 0, 30)),  # 01:30 BST
        (LORD_HOWE, date(2027, 4, 4), time(1, 45), utc(2027, 4, 3, 14, 45)),  # 01:45 +11
        (SYDNEY, date(2027, 4, 4), time(2, 30), utc(2027, 4, 3, 15, 30)),  # 02:30 AEDT
        (SANTIAGO, date(2027, 4, 3), time(23, 30), utc(2027, 4, 4, 2, 30)),  # 23:30 -03
        # no DST at all
        (KOLKATA, date(2027, 3, 14), time(7, 30), utc(2027, 3, 14, 2, 0)),
        (ZoneInfo("UTC"), date(2027, 3, 14), time(7, 30), utc(2027, 3, 14, 7, 30)),
    ],
)
def test_wall_to_utc_follows_rfc5545(
    zone: ZoneInfo, day: date, clock: time, expected: datetime
) -> None:
    result = wall_to_utc(day, clock, zone)
    assert result == expected
    assert result.tzinfo is UTC


def test_wall_to_utc_ignores_a_fold_on_the_clock() -> None:
    second_pass = time(1, 30, fold=1)
    assert wall_to_utc(date(2027, 11, 7), second_pass, NEW_YORK) == utc(2027, 11, 7, 5, 30)


def test_wall_to_utc_rejects_an_aware_clock() -> None:
    with pytest.raises(ValueError):
        wall_to_utc(date(2027, 1, 1), time(7, tzinfo=UTC), NEW_YORK)


def test_wall_time_exists() -> None:
    assert not wall_time_exists(date(2027, 3, 14), time(2, 30), NEW_YORK)
    assert wall_time_exists(date(2027, 3, 14), time(3, 0), NEW_YORK)
    assert wall_time_exists(date(2027, 11, 7), time(1, 30), NEW_YORK)
    assert not wall_time_exists(date(2027, 10, 3), time(2, 15), LORD_HOWE)
    assert wall_time_exists(date(2027, 10, 3), time(2, 30), LORD_HOWE)


def test_local_date_uses_the_patients_zone() -> None:
    instant = utc(2027, 3, 14, 20)
    assert local_date(instant, KOLKATA) == date(2027, 3, 15)  # 01:30 next day
    assert local_date(instant, NEW_YORK) == date(2027, 3, 14)
    assert local_date(instant, LORD_HOWE) == date(2027, 3, 15)


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        local_date(datetime(2027, 1, 1), NEW_YORK)
    with pytest.raises(ValueError, match="timezone-aware"):
        require_aware(datetime(2027, 1, 1))


def test_require_aware_converts_to_utc() -> None:
    local = datetime(2027, 3, 14, 3, 30, tzinfo=NEW_YORK)
    assert require_aware(local) == utc(2027, 3, 14, 7, 30)
    assert require_aware(local).tzinfo is UTC


# Days around the 2027 transitions of the zones above, and a spread of ordinary ones.
TRANSITION_DAYS = [
    date(2027, 3, 14),
    date(2027, 11, 7),
    date(2027, 3, 28),
    date(2027, 10, 31),
    date(2027, 4, 3),
    date(2027, 4, 4),
    date(2027, 10, 3),
    date(2027, 9, 5),
]
days_2027 = st.one_of(
    st.sampled_from(TRANSITION_DAYS),
    st.dates(min_value=date(2026, 1, 1), max_value=date(2028, 12, 31)),
)
clocks = st.builds(time, st.integers(0, 23), st.integers(0, 59))
zones = st.sampled_from(ZONE_NAMES).map(ZoneInfo)


@settings(max_examples=400)
@given(zone=zones, day=days_2027, clock=clocks)
def test_wall_to_utc_is_the_first_occurrence_or_the_shift_past_the_gap(
    zone: ZoneInfo, day: date, clock: time
) -> None:
    naive = datetime.combine(day, clock)
    instant = wall_to_utc(day, clock, zone)
    local = instant.astimezone(zone)
    if local.replace(tzinfo=None, fold=0) == naive:
        assert local.fold == 0  # first occurrence of a repeated time
        earlier = instant - timedelta(hours=3)
        # no earlier instant within the biggest DST shift reads as the same wall time
        assert all(
            (earlier + timedelta(minutes=m)).astimezone(zone).replace(tzinfo=None) != naive
            for m in range(0, 180, 15)
        )
    else:
        # the wall time is in a gap: it moved forward by the gap, read with the old offset
        shift = local.replace(tzinfo=None) - naive
        assert timedelta(0) < shift <= timedelta(hours=2)
        offset_before = (instant - shift).astimezone(zone).utcoffset()
        assert offset_before is not None
        assert naive - offset_before == instant.replace(tzinfo=None)
