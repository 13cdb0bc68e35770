"""Reminder schedules: wall-clock rules, their UTC instants, and the preview after policy.

A rule is written in the patient's wall clock ("eye rest every 90m between 09:00-17:00 on
weekdays", "check in at 07:30"); `occurrences` turns it into UTC instants with RFC 5545
§3.3.5 semantics (see `coach.core.localtime.wall_to_utc` and docs/schedules.md).

Everything the adapters need is importable from here, including the policy and local-time
helpers that live in their own modules.
"""

from __future__ import annotations

import hashlib
import heapq
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cached_property
from typing import Any
from zoneinfo import ZoneInfo

from coach.core.localtime import UTC, local_date, require_aware, wall_to_utc
from coach.core.policy import (
    PAUSED_INDEFINITELY,
    BlockReason,
    Policy,
    blocked_reason,
    in_quiet_hours,
)
from coach.core.types import ReminderKind

__all__ = [
    "MAX_DURATION",
    "MAX_INTERVAL",
    "MIN_INTERVAL",
    "NEXT_OCCURRENCE_HORIZON",
    "PAUSED_INDEFINITELY",
    "PREVIEW_HORIZON",
    "BlockReason",
    "Policy",
    "PreviewItem",
    "Rule",
    "ScheduleError",
    "blocked_reason",
    "format_days",
    "format_duration",
    "in_quiet_hours",
    "local_date",
    "make_rule",
    "next_occurrence",
    "occurrences",
    "parse_clock",
    "parse_days",
    "parse_duration",
    "parse_kind",
    "parse_window",
    "preview",
    "wall_to_utc",
]

MINUTE = timedelta(minutes=1)
MIN_INTERVAL = MINUTE
MAX_INTERVAL = timedelta(hours=24)
MAX_SPREAD = timedelta(hours=2)  # the widest spread of a fixed-time rule
MAX_DURATION = timedelta(days=366)  # anything longer is a typo, not a plan
NEXT_OCCURRENCE_HORIZON = timedelta(days=8)  # a week of weekdays, plus DST slack
PREVIEW_HORIZON = timedelta(days=60)

ALL_DAYS: frozenset[int] = frozenset(range(7))
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_FULL_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Scanning stops short of the ends of the calendar, where zone conversions overflow.
_EARLIEST = datetime(1, 1, 3, tzinfo=UTC)
_LATEST = datetime(9999, 12, 29, tzinfo=UTC)


class ScheduleError(ValueError):
    """A schedule input that cannot be used; the message is one line fit for the CLI/API."""


# ---------------------------------------------------------------------------- parsing

_UNIT_MINUTES = {
    "w": 7 * 24 * 60,
    "wk": 7 * 24 * 60,
    "wks": 7 * 24 * 60,
    "week": 7 * 24 * 60,
    "weeks": 7 * 24 * 60,
    "d": 24 * 60,
    "day": 24 * 60,
    "days": 24 * 60,
    "h": 60,
    "hr": 60,
    "hrs": 60,
    "hour": 60,
    "hours": 60,
    "m": 1,
    "min": 1,
    "mins": 1,
    "minute": 1,
    "minutes": 1,
}
_DURATION_PART = re.compile(r"\s*(\d+)\s*([a-z]+)")
_DURATION_HINT = "use e.g. 45m, 90m, 1h30m, 2h, 1d"


def parse_duration(text: str) -> timedelta:
    """A positive whole-minute duration such as "45min", "1h30m", "2d" or "1w"."""
    source = text.strip().lower()
    if not source:
        raise ScheduleError(f"empty duration ({_DURATION_HINT})")
    if source.isdigit():
        raise ScheduleError(f"duration {text.strip()!r} needs a unit, e.g. {source}m")
    total = 0
    position = 0
    previous_unit: int | None = None
    while position < len(source):
        match = _DURATION_PART.match(source, position)
        if match is None or match.group(2) not in _UNIT_MINUTES:
            raise ScheduleError(f"cannot read duration {text.strip()!r} ({_DURATION_HINT})")
        unit = _UNIT_MINUTES[match.group(2)]
        if previous_unit is not None and unit >= previous_unit:
            raise ScheduleError(
                f"cannot read duration {text.strip()!r}: give units largest first, once each"
            )
        previous_unit = unit
        total += int(match.group(1)) * unit
        position = match.end()
        if total > MAX_DURATION // MINUTE:
            raise ScheduleError(f"duration {text.strip()!r} is too long (at most 366 days)")
    if total == 0:
        raise ScheduleError(f"duration {text.strip()!r} must be more than zero")
    return timedelta(minutes=total)


def format_duration(value: timedelta) -> str:
    """The shortest `parse_duration` spelling of a whole-minute duration: 90m -> "1h30m"."""
    minutes, rest = divmod(value, MINUTE)
    if rest or minutes <= 0:
        raise ValueError(f"not a positive whole number of minutes: {value}")
    parts = []
    for unit, size in (("w", 7 * 24 * 60), ("d", 24 * 60), ("h", 60), ("m", 1)):
        count, minutes = divmod(minutes, size)
        if count:
            parts.append(f"{count}{unit}")
    return "".join(parts)


_CLOCK = re.compile(r"(\d{1,2}):(\d{2})")


def parse_clock(text: str) -> time:
    """A local wall time "HH:MM" or "H:MM", 00:00 to 23:59."""
    match = _CLOCK.fullmatch(text.strip())
    if match is None:
        raise ScheduleError(f"cannot read time {text.strip()!r} (use HH:MM, e.g. 07:30)")
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23 or minute > 59:
        raise ScheduleError(f"time {text.strip()!r} is not a time of day (00:00 to 23:59)")
    return time(hour, minute)


def format_clock(value: time) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


def parse_window(text: str) -> tuple[time, time]:
    """"HH:MM-HH:MM". It may wrap midnight (quiet hours do; `Rule` windows may not)."""
    parts = text.split("-")
    if len(parts) != 2:
        raise ScheduleError(
            f"cannot read window {text.strip()!r} (use HH:MM-HH:MM, e.g. 09:00-17:00)"
        )
    start, end = parse_clock(parts[0]), parse_clock(parts[1])
    if start == end:
        raise ScheduleError(f"window {text.strip()!r} starts and ends at the same time")
    return start, end


def format_window(window: tuple[time, time]) -> str:
    return f"{format_clock(window[0])}-{format_clock(window[1])}"


_DAY_SETS = {
    "daily": ALL_DAYS,
    "all": ALL_DAYS,
    "everyday": ALL_DAYS,
    "every day": ALL_DAYS,
    "weekdays": frozenset(range(5)),
    "weekends": frozenset({5, 6}),
    "weekend": frozenset({5, 6}),
}
_DAYS_HINT = "use e.g. mon-fri, mon,wed,fri, sat-sun or daily"


def _parse_day_name(token: str, source: str) -> int:
    token = token.strip()
    if len(token) >= 3:
        for index, name in enumerate(_FULL_DAY_NAMES):
            if name.startswith(token):
                return index
    raise ScheduleError(f"unknown day {token!r} in {source!r} ({_DAYS_HINT})")


def parse_days(text: str) -> frozenset[int]:
    """Weekdays, 0 = Monday: "mon-fri", "mon,wed,fri", "fri-mon" (wraps), "daily"."""
    source = text.strip().lower()
    if not source:
        raise ScheduleError(f"no days given ({_DAYS_HINT})")
    if source in _DAY_SETS:
        return _DAY_SETS[source]
    days: set[int] = set()
    for token in source.split(","):
        token = token.strip()
        if not token:
            raise ScheduleError(f"empty day in {text.strip()!r} ({_DAYS_HINT})")
        if token in _DAY_SETS:
            days |= _DAY_SETS[token]
        elif "-" in token:
            first_text, _, last_text = token.partition("-")
            first = _parse_day_name(first_text, text.strip())
            last = _parse_day_name(last_text, text.strip())
            span = (last - first) % 7  # "fri-mon" wraps through the weekend
            days.update((first + step) % 7 for step in range(span + 1))
        else:
            days.add(_parse_day_name(token, text.strip()))
    return frozenset(days)


def format_days(days: Iterable[int]) -> str:
    """A `parse_days` spelling: "daily", "mon-fri", "mon,wed,fri", "fri-mon"."""
    chosen = frozenset(days)
    if chosen == ALL_DAYS:
        return "daily"
    if not chosen:
        return "none"
    runs: list[tuple[int, int]] = []
    for day in sorted(chosen):
        if (day - 1) % 7 in chosen:
            continue  # not the start of a run
        length = 1
        while (day + length) % 7 in chosen:
            length += 1
        runs.append((day, length))
    parts = []
    for first, length in runs:
        if length == 1:
            parts.append(DAY_NAMES[first])
        else:
            parts.append(f"{DAY_NAMES[first]}-{DAY_NAMES[(first + length - 1) % 7]}")
    return ",".join(parts)


def parse_kind(text: str) -> ReminderKind:
    key = text.strip().lower().replace("-", "_")
    try:
        return ReminderKind(key)
    except ValueError:
        choices = ", ".join(kind.value for kind in ReminderKind)
        raise ScheduleError(f"unknown reminder kind {text.strip()!r} (choose {choices})") from None


# ---------------------------------------------------------------------------- rules


def _whole_minute_clock(value: object, what: str) -> time:
    if not isinstance(value, time):
        raise ScheduleError(f"{what} must be a time of day, not {value!r}")
    if value.tzinfo is not None:
        raise ScheduleError(f"{what} {value.isoformat()} must be a local wall time (no zone)")
    if value.second or value.microsecond:
        raise ScheduleError(f"{what} {value.isoformat()} must be whole minutes")
    return value.replace(fold=0)


@dataclass(frozen=True)
class Rule:
    """One reminder kind on a wall-clock pattern: `every` inside `window`, or fixed `at` times.

    Slots restart each local day: `every` counts from the window start (midnight when there is
    no window) and stops before the window end, so "every 7h" fires at 00:00, 07:00, 14:00 and
    21:00 every day.
    """

    kind: ReminderKind
    every: timedelta | None = None
    window: tuple[time, time] | None = None  # start < end, end excluded; None = whole day
    at: tuple[time, ...] = ()
    days: frozenset[int] = field(default=ALL_DAYS)
    # Staggering: every slot moves this much later, so patients on the same rule do not all
    # fire on the same minute. Under `every` it stays below the interval (the slots keep
    # their spacing inside the window); under `at` it is at most MAX_SPREAD.
    offset: timedelta = timedelta(0)

    def __post_init__(self) -> None:
        kind = self.kind if isinstance(self.kind, ReminderKind) else parse_kind(str(self.kind))
        object.__setattr__(self, "kind", kind)
        if self.every is None and not self.at:
            raise ScheduleError("a schedule needs an interval (every) or fixed times (at)")
        if self.every is not None and self.at:
            raise ScheduleError(
                "a schedule takes an interval (every) or fixed times (at), not both"
            )
        if self.every is not None:
            self._check_every(self.every)
        if self.window is not None:
            self._check_window(self.window)
        if self.at:
            object.__setattr__(self, "at", self._checked_at(self.at))
        try:
            days = frozenset(self.days)
        except TypeError:
            raise ScheduleError(
                f"days must be a set of weekday numbers, not {self.days!r}"
            ) from None
        if not all(isinstance(day, int) and 0 <= day <= 6 for day in days):
            raise ScheduleError(f"days must be weekday numbers 0 (Monday) to 6, got {sorted(days)}")
        object.__setattr__(self, "days", days)
        self._check_offset()

    def _check_offset(self) -> None:
        offset = self.offset
        if not isinstance(offset, timedelta):
            raise ScheduleError(f"offset must be a duration, not {offset!r}")
        if offset < timedelta(0) or offset % MINUTE:
            raise ScheduleError("offset must be a whole number of minutes, 0 or more")
        if self.every is not None and offset >= self.every:
            raise ScheduleError(
                f"offset {format_duration(offset)} must be shorter than the interval "
                f"{format_duration(self.every)}"
            )
        if self.at and offset > MAX_SPREAD:
            raise ScheduleError(
                f"offset {format_duration(offset)} is too long for fixed times "
                f"(at most {format_duration(MAX_SPREAD)})"
            )

    @staticmethod
    def _check_every(every: timedelta) -> None:
        if not isinstance(every, timedelta):
            raise ScheduleError(f"interval must be a duration, not {every!r}")
        if every < MIN_INTERVAL:
            raise ScheduleError("interval must be at least 1 minute")
        if every % MINUTE:
            raise ScheduleError("interval must be a whole number of minutes")
        if every > MAX_INTERVAL:
            raise ScheduleError(
                f"interval {format_duration(every)} is too long "
                "(at most 24h; use --at for daily times)"
            )

    def _check_window(self, window: tuple[time, time]) -> None:
        if self.every is None:
            raise ScheduleError("a window (between) only goes with an interval (every)")
        if not isinstance(window, tuple) or len(window) != 2:
            raise ScheduleError(f"window must be a (start, end) pair, not {window!r}")
        start = _whole_minute_clock(window[0], "window start")
        end = _whole_minute_clock(window[1], "window end")
        if start >= end:
            raise ScheduleError(
                f"overlapping window {format_window((start, end))}: it must not wrap midnight "
                "(split it into two schedules, or end it by 23:59)"
            )
        length = datetime.combine(date.min, end) - datetime.combine(date.min, start)
        if length < self.every:
            raise ScheduleError(
                f"window {format_window((start, end))} is shorter than the interval "
                f"{format_duration(self.every)}"
            )
        object.__setattr__(self, "window", (start, end))

    @staticmethod
    def _checked_at(at: Iterable[time]) -> tuple[time, ...]:
        times = [_whole_minute_clock(value, "time") for value in at]
        seen: set[time] = set()
        for value in times:
            if value in seen:
                raise ScheduleError(f"time {format_clock(value)} is given twice")
            seen.add(value)
        return tuple(sorted(times))

    @cached_property
    def wall_slots(self) -> tuple[time, ...]:
        """The local wall times this rule fires at on each of its days, ascending."""
        shift = self.offset // MINUTE
        if self.every is None:
            # A spread never carries a time past midnight: it stops at 23:59.
            return tuple(sorted({
                time(*divmod(min(t.hour * 60 + t.minute + shift, 24 * 60 - 1), 60))
                for t in self.at
            }))
        start, end = self.window if self.window is not None else (time(0), None)
        first = start.hour * 60 + start.minute + shift
        stop = end.hour * 60 + end.minute if end is not None else 24 * 60
        step = self.every // MINUTE
        return tuple(time(*divmod(minute, 60)) for minute in range(first, stop, step))

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "every": format_duration(self.every) if self.every is not None else None,
            "window": format_window(self.window) if self.window is not None else None,
            "at": [format_clock(value) for value in self.at],
            "days": sorted(self.days),
            **({"offset": format_duration(self.offset)} if self.offset else {}),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Rule:
        if not isinstance(data, Mapping):
            raise ScheduleError(f"a stored schedule must be an object, not {type(data).__name__}")
        try:
            every_raw = data.get("every")
            if isinstance(every_raw, int) and not isinstance(every_raw, bool):
                every: timedelta | None = timedelta(minutes=every_raw)  # minutes, older rows
            elif every_raw is None:
                every = None
            else:
                every = parse_duration(str(every_raw))
            window_raw = data.get("window")
            window = parse_window(str(window_raw)) if window_raw is not None else None
            at = tuple(parse_clock(str(value)) for value in data.get("at") or ())
            days_raw = data.get("days")
            days = ALL_DAYS if days_raw is None else frozenset(int(day) for day in days_raw)
            kind = parse_kind(str(data["kind"]))
            offset_raw = data.get("offset")
            offset = parse_duration(str(offset_raw)) if offset_raw else timedelta(0)
            return cls(kind=kind, every=every, window=window, at=at, days=days, offset=offset)
        except KeyError as missing:
            raise ScheduleError(f"stored schedule lacks {missing}") from None
        except (TypeError, ValueError) as error:
            if isinstance(error, ScheduleError):
                raise
            raise ScheduleError(f"cannot read stored schedule: {error}") from None

    def describe(self) -> str:
        """One line for people: "eye_rest every 1h30m between 09:00-17:00, mon-fri"."""
        if self.every is not None:
            what = f"every {format_duration(self.every)}"
            if self.window is not None:
                what += f" between {format_window(self.window)}"
        else:
            what = "at " + ",".join(format_clock(value) for value in self.at)
        if self.offset:
            what += f" (+{format_duration(self.offset)})"
        return f"{self.kind.value} {what}, {format_days(self.days)}"


def make_rule(
    kind: str,
    *,
    every: str | None = None,
    between: str | None = None,
    at: str | None = None,
    days: str | None = None,
    offset: str | None = None,
) -> Rule:
    """A `Rule` from CLI/API strings, with a one-line ScheduleError for each bad input."""
    reminder_kind = parse_kind(kind)
    if every is not None and at is not None:
        raise ScheduleError("give either --every or --at, not both")
    if every is None and at is None:
        raise ScheduleError("give --every DURATION or --at HH:MM[,HH:MM...]")
    if between is not None and every is None:
        raise ScheduleError("--between only goes with --every")
    interval = None
    if every is not None:
        interval = parse_duration(every)
        if interval > MAX_INTERVAL:
            raise ScheduleError(
                f"interval {every.strip()!r} is too long (at most 24h; use --at for daily times)"
            )
    window = parse_window(between) if between is not None else None
    times: tuple[time, ...] = ()
    if at is not None:
        pieces = [piece.strip() for piece in at.split(",")]
        if not all(pieces):
            raise ScheduleError(f"empty time in --at {at.strip()!r} (use e.g. 07:30,19:00)")
        times = tuple(parse_clock(piece) for piece in pieces)
    chosen_days = parse_days(days) if days is not None else ALL_DAYS
    shift = parse_offset(offset) if offset is not None else timedelta(0)
    return Rule(kind=reminder_kind, every=interval, window=window, at=times, days=chosen_days,
                offset=shift)


def parse_offset(text: str) -> timedelta:
    """An offset: a duration, or 0 / 0m for none."""
    if text.strip() in ("0", "0m", "0h"):
        return timedelta(0)
    return parse_duration(text)


def stable_offset(patient_id: int, kind: str, span: timedelta) -> timedelta:
    """A patient's own offset in [0, span), whole minutes, the same every time it is asked
    (a hash of patient and kind), so patients on one rule spread evenly over the span."""
    minutes = span // MINUTE
    if minutes <= 1:
        return timedelta(0)
    digest = hashlib.blake2b(f"{patient_id}:{kind}".encode(), digest_size=8).digest()
    return timedelta(minutes=int.from_bytes(digest, "big") % minutes)


# ---------------------------------------------------------------------------- occurrences


def occurrences(rule: Rule, zone: ZoneInfo, start: datetime, end: datetime) -> Iterator[datetime]:
    """The rule's UTC instants in [start, end), ascending, each at most once.

    Lazy: each local day is converted only when the caller gets that far, so an open-ended
    `end` is fine as long as the caller stops.
    """
    start = max(require_aware(start, "start"), _EARLIEST)
    end = min(require_aware(end, "end"), _LATEST)
    return _occurrences(rule, zone, start, end)


def _occurrences(rule: Rule, zone: ZoneInfo, start: datetime, end: datetime) -> Iterator[datetime]:
    if start >= end or not rule.days:
        return
    slots = rule.wall_slots
    # A UTC offset is always less than a day, so the instants of local date D all fall inside
    # (D - 1 day, D + 2 days) read as UTC. That bounds which days to convert, and when a
    # buffered instant can no longer be overtaken by a later day's (gap-shifted) one.
    day = start.date() - timedelta(days=1)
    last_day = end.date() + timedelta(days=1)
    pending: list[datetime] = []
    previous: datetime | None = None
    while day <= last_day:
        if day.weekday() in rule.days:
            for clock in slots:
                instant = wall_to_utc(day, clock, zone)
                if start <= instant < end:
                    heapq.heappush(pending, instant)
        day += timedelta(days=1)
        floor = datetime.combine(day, time(), UTC) - timedelta(days=1)
        while pending and pending[0] < floor:
            instant = heapq.heappop(pending)
            if instant != previous:  # spring-forward shifts can land two slots on one instant
                previous = instant
                yield instant
    while pending:
        instant = heapq.heappop(pending)
        if instant != previous:
            previous = instant
            yield instant


def next_occurrence(rule: Rule, zone: ZoneInfo, after: datetime) -> datetime | None:
    """The first occurrence strictly after `after`, or None if there is none within 8 days."""
    after = require_aware(after, "after")
    if not rule.days:
        return None
    begin = after + timedelta(microseconds=1)
    return next(occurrences(rule, zone, begin, after + NEXT_OCCURRENCE_HORIZON), None)


# ---------------------------------------------------------------------------- preview


@dataclass(frozen=True)
class PreviewItem:
    kind: ReminderKind
    at: datetime  # UTC
    local: datetime  # aware, in the patient's zone

    def to_json(self) -> dict[str, str]:
        utc = self.at.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
        return {
            "kind": self.kind.value,
            "at": utc,
            "local": self.local.isoformat(timespec="seconds"),
        }


def _tagged(index: int, instants: Iterator[datetime]) -> Iterator[tuple[datetime, int]]:
    for instant in instants:
        yield instant, index


def preview(
    rules: Sequence[Rule],
    policy: Policy,
    start: datetime,
    count: int,
    sent_by_local_date: Mapping[date, int] | None = None,
) -> list[PreviewItem]:
    """The next `count` reminders at or after `start` that the policy lets through.

    Rules merge in time order (ties keep rule order). Two rules of the same kind on the same
    instant give one reminder, as the outbox's unique slot key would. The cap counts
    `sent_by_local_date` plus the reminders previewed earlier that local day. Scans at most
    PREVIEW_HORIZON, so a policy that blocks everything returns what it found.
    """
    start = require_aware(start, "start")
    if count < 0:
        raise ValueError(f"count must be 0 or more, got {count}")
    if count == 0 or not rules or policy.daily_cap == 0:
        return []
    horizon = start + PREVIEW_HORIZON
    begin = start
    if policy.paused_until is not None and policy.paused_until > begin:
        begin = policy.paused_until  # every slot before it is blocked anyway
    if begin >= horizon:
        return []
    streams = [
        _tagged(index, occurrences(rule, policy.zone, begin, horizon))
        for index, rule in enumerate(rules)
    ]
    sent = dict(sent_by_local_date or {})
    taken: set[tuple[ReminderKind, datetime]] = set()
    items: list[PreviewItem] = []
    for instant, index in heapq.merge(*streams):
        kind = rules[index].kind
        if (kind, instant) in taken:
            continue
        day = local_date(instant, policy.zone)
        if blocked_reason(policy, instant, sent.get(day, 0)) is not None:
            continue
        taken.add((kind, instant))
        sent[day] = sent.get(day, 0) + 1
        items.append(PreviewItem(kind=kind, at=instant, local=instant.astimezone(policy.zone)))
        if len(items) == count:
            break
    return items
