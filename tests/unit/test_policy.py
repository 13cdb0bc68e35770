"""What holds a reminder back: pause, then quiet hours, then the daily cap."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from coach.core.policy import PAUSED_INDEFINITELY, Policy, blocked_reason, in_quiet_hours

NEW_YORK = ZoneInfo("America/New_York")
LORD_HOWE = ZoneInfo("Australia/Lord_Howe")


def new_york(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, fold: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=NEW_YORK, fold=fold)


@pytest.mark.parametrize(
    ("wall", "quiet"),
    [
        (time(22, 0), True),  # start included
        (time(23, 59), True),
        (time(0, 0), True),
        (time(6, 59), True),
        (time(7, 0), False),  # end excluded
        (time(21, 59), False),
        (time(12, 0), False),
    ],
)
def test_quiet_hours_that_wrap_midnight(wall: time, quiet: bool) -> None:
    assert in_quiet_hours((time(22), time(7)), wall) is quiet


@pytest.mark.parametrize(
    ("wall", "quiet"),
    [(time(11, 59), False), (time(12, 0), True), (time(12, 59), True), (time(13, 0), False)],
)
def test_quiet_hours_within_a_day(wall: time, quiet: bool) -> None:
    assert in_quiet_hours((time(12), time(13)), wall) is quiet


def test_no_quiet_hours() -> None:
    assert not in_quiet_hours(None, time(3))


def test_quiet_hours_are_judged_in_the_patients_zone() -> None:
    policy = Policy(zone=NEW_YORK, quiet=(time(22), time(7)))
    assert blocked_reason(policy, new_york(2027, 1, 5, 23), 0) == "quiet_hours"
    assert blocked_reason(policy, new_york(2027, 1, 5, 7), 0) is None
    # 03:00Z is 22:00 the evening before in New York
    assert blocked_reason(policy, datetime(2027, 1, 6, 3, tzinfo=UTC), 0) == "quiet_hours"
    assert blocked_reason(policy, datetime(2027, 1, 6, 2, 59, tzinfo=UTC), 0) is None


def test_quiet_hours_cover_both_passes_of_a_repeated_hour() -> None:
    policy = Policy(zone=NEW_YORK, quiet=(time(1), time(2)))
    assert blocked_reason(policy, new_york(2027, 11, 7, 1, 30, fold=0), 0) == "quiet_hours"
    assert blocked_reason(policy, new_york(2027, 11, 7, 1, 30, fold=1), 0) == "quiet_hours"


def test_quiet_hours_use_the_time_a_shifted_slot_actually_arrives() -> None:
    # 02:30 does not exist on 2027-03-14; that slot arrives at 03:30 EDT, after quiet ends
    policy = Policy(zone=NEW_YORK, quiet=(time(22), time(3)))
    assert blocked_reason(policy, datetime(2027, 3, 14, 7, 30, tzinfo=UTC), 0) is None


def test_pause_until_an_instant() -> None:
    until = datetime(2027, 1, 5, 12, tzinfo=UTC)
    policy = Policy(zone=NEW_YORK, paused_until=until)
    assert blocked_reason(policy, until - timedelta(minutes=1), 0) == "paused"
    assert blocked_reason(policy, until, 0) is None


def test_pause_indefinitely() -> None:
    policy = Policy(zone=LORD_HOWE, paused_until=PAUSED_INDEFINITELY)
    assert policy.paused_indefinitely
    assert blocked_reason(policy, datetime(9000, 1, 1, tzinfo=UTC), 0) == "paused"
    # the sentinel can be shown in any zone without overflowing
    assert PAUSED_INDEFINITELY.astimezone(ZoneInfo("Pacific/Kiritimati")).year == 9999
    assert PAUSED_INDEFINITELY.astimezone(ZoneInfo("Pacific/Niue")).year == 9999


def test_paused_until_is_stored_in_utc() -> None:
    policy = Policy(zone=NEW_YORK, paused_until=new_york(2027, 1, 5, 7))
    assert policy.paused_until == datetime(2027, 1, 5, 12, tzinfo=UTC)
    assert policy.paused_until is not None and policy.paused_until.tzinfo is UTC
    assert not policy.paused_indefinitely


def test_daily_cap() -> None:
    policy = Policy(zone=NEW_YORK, daily_cap=3)
    at = new_york(2027, 1, 5, 12)
    assert blocked_reason(policy, at, 2) is None
    assert blocked_reason(policy, at, 3) == "daily_cap"
    assert blocked_reason(Policy(zone=NEW_YORK, daily_cap=0), at, 0) == "daily_cap"
    assert blocked_reason(Policy(zone=NEW_YORK), at, 10_000) is None


def test_precedence_is_pause_then_quiet_then_cap() -> None:
    at = new_york(2027, 1, 5, 23)
    everything = Policy(
        zone=NEW_YORK,
        quiet=(time(22), time(7)),
        daily_cap=1,
        paused_until=PAUSED_INDEFINITELY,
    )
    assert blocked_reason(everything, at, 5) == "paused"
    quiet_and_cap = Policy(zone=NEW_YORK, quiet=(time(22), time(7)), daily_cap=1)
    assert blocked_reason(quiet_and_cap, at, 5) == "quiet_hours"
    assert blocked_reason(quiet_and_cap, new_york(2027, 1, 5, 12), 5) == "daily_cap"


def test_naive_instants_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        blocked_reason(Policy(zone=NEW_YORK), datetime(2027, 1, 5, 12), 0)
    with pytest.raises(ValueError, match="timezone-aware"):
        Policy(zone=NEW_YORK, paused_until=datetime(2027, 1, 5))


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"quiet": (time(22), time(22))}, "empty"),
        ({"quiet": (time(22, tzinfo=UTC), time(7))}, "naive"),
        ({"daily_cap": -1}, "0 or more"),
    ],
)
def test_policy_validates(kwargs: dict[str, object], fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment):
        Policy(zone=NEW_YORK, **kwargs)  # type: ignore[arg-type]
