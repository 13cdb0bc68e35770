"""What may hold a reminder back: a pause, quiet hours, the daily cap.

Checked in that order; the first that applies is the reason a slot is skipped. A skipped slot
is never sent later (see docs/schedules.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from typing import Literal
from zoneinfo import ZoneInfo

from coach.core.localtime import UTC, require_aware, to_local

BlockReason = Literal["paused", "quiet_hours", "daily_cap"]

# Far enough out to mean "until RESUME", near enough that converting it to any zone does not
# overflow (datetime.max would in zones east of UTC).
PAUSED_INDEFINITELY = datetime(9999, 12, 31, tzinfo=UTC)


@dataclass(frozen=True)
class Policy:
    zone: ZoneInfo
    quiet: tuple[time, time] | None = None  # may wrap midnight; includes start, excludes end
    daily_cap: int | None = None  # max reminders per local day
    paused_until: datetime | None = None  # UTC; PAUSED_INDEFINITELY for "until resumed"

    def __post_init__(self) -> None:
        if self.quiet is not None:
            start, end = self.quiet
            if start.tzinfo is not None or end.tzinfo is not None:
                raise ValueError("quiet hours are local wall times and must be naive")
            if start == end:
                raise ValueError(f"quiet hours {start:%H:%M}-{end:%H:%M} are empty")
        if self.daily_cap is not None and self.daily_cap < 0:
            raise ValueError(f"daily cap must be 0 or more, got {self.daily_cap}")
        if self.paused_until is not None:
            paused_until = require_aware(self.paused_until, "paused_until")
            object.__setattr__(self, "paused_until", paused_until)

    @property
    def paused_indefinitely(self) -> bool:
        return self.paused_until is not None and self.paused_until >= PAUSED_INDEFINITELY


def in_quiet_hours(quiet: tuple[time, time] | None, wall: time) -> bool:
    if quiet is None:
        return False
    start, end = quiet
    wall = wall.replace(tzinfo=None, fold=0)
    if start < end:
        return start <= wall < end
    return wall >= start or wall < end  # wraps midnight, e.g. 22:00-07:00


def blocked_reason(policy: Policy, at: datetime, sent_that_local_day: int) -> BlockReason | None:
    """Why a reminder due at `at` must not be sent, or None if it may.

    `sent_that_local_day` counts reminders already sent on the patient's local date of `at`.
    Quiet hours are judged on the local time the text would actually arrive (a slot shifted
    by a spring-forward gap is judged at its shifted time).
    """
    at = require_aware(at, "at")
    if policy.paused_until is not None and at < policy.paused_until:
        return "paused"
    if in_quiet_hours(policy.quiet, to_local(at, policy.zone).time()):
        return "quiet_hours"
    if policy.daily_cap is not None and sent_that_local_day >= policy.daily_cap:
        return "daily_cap"
    return None
