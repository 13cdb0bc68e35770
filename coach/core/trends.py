"""Symptom-diary trend rules: when a run of ratings calls for advice, and the weekly summary.

Everything works on local calendar days in the patient's own zone: a rating sent at 23:30
local time belongs to that evening, not to the next UTC day.

A day's score is the day's highest rating, not its mean. This is a safety choice: a patient
who reports 9 in the morning and 2 after a nap still had a bad day, and averaging within the
day would hide exactly the readings the rules exist to catch. It also stops a patient who
replies many times a day from weighing more than one who replies once.

These functions only find trends; they do not remember what was already acted on. The
caller stores that and sends each finding once: `TrendFinding.since` is the first local day
from which the rule has held without a break, so `(rule, since)` names one episode. A finding
that keeps holding on later days keeps the same `since`; once it lapses and comes back, the
new episode has a new `since`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from statistics import fmean
from zoneinfo import ZoneInfo

HIGH_STREAK = "high_streak"
RISE = "rise"

# A week counts as "steady" when its average is within this many points of the week before.
STEADY_WITHIN = 1.0
# How far back `since` is traced; a longer episode reports the limit as its start.
_MAX_EPISODE_DAYS = 366


@dataclass(frozen=True)
class TrendConfig:
    high_threshold: int = 7
    high_days: int = 3
    rise_over_baseline: int = 3
    baseline_days: int = 14
    recent_days: int = 3
    min_baseline_readings: int = 3  # days with a rating in the baseline window
    # One bad day is a spike, not a trend: the recent window needs this many rated days.
    min_recent_readings: int = 2

    def __post_init__(self) -> None:
        for name in ("high_days", "baseline_days", "recent_days"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1")
        # A minimum above its window's length is read as "every day of the window".
        if self.min_recent_readings < 1 or self.min_baseline_readings < 1:
            raise ValueError("minimum readings must be at least 1")


@dataclass(frozen=True)
class Reading:
    at: datetime  # UTC, aware
    severity: int  # 0-10

    def __post_init__(self) -> None:
        if self.at.tzinfo is None or self.at.utcoffset() is None:
            raise ValueError("Reading.at must be an aware datetime")
        if not 0 <= self.severity <= 10:
            raise ValueError("severity must be 0-10")


@dataclass(frozen=True)
class TrendFinding:
    rule: str  # "high_streak" | "rise"
    detail: dict[str, float | int]
    message_key: str  # "trend.high_streak" | "trend.rise"
    params: dict[str, object]  # for messages.render(message_key, ...)
    since: date | None = field(default=None)  # first local day of this episode


@dataclass(frozen=True)
class WeeklySummary:
    average: float  # mean of daily scores over the last 7 local days
    direction: str  # "up" | "down" | "steady"
    count: int  # ratings in the last 7 local days
    previous_average: float | None  # the 7 days before; None if there were none


def daily_scores(readings: Iterable[Reading], zone: ZoneInfo) -> dict[date, float]:
    """Per local day, the day's highest rating (see the module docstring for why max)."""
    scores: dict[date, float] = {}
    for reading in readings:
        day = reading.at.astimezone(zone).date()
        scores[day] = max(scores.get(day, float(reading.severity)), float(reading.severity))
    return scores


def find_trends(
    readings: Sequence[Reading],
    zone: ZoneInfo,
    now: datetime,
    config: TrendConfig = TrendConfig(),  # frozen, so one shared default is safe
) -> list[TrendFinding]:
    """Trends that hold as of `now`, high streak first. Readings after `now` are ignored."""
    _require_aware(now)
    scores = daily_scores((r for r in readings if r.at <= now), zone)
    today = now.astimezone(zone).date()
    findings: list[TrendFinding] = []

    streak = _high_streak(scores, today, config)
    if streak is not None:
        findings.append(
            TrendFinding(
                rule=HIGH_STREAK,
                detail={"days": streak, "threshold": config.high_threshold},
                message_key="trend.high_streak",
                params={"days": streak},
                since=_episode_start(
                    lambda d: _high_streak(scores, d, config) is not None, today
                ),
            )
        )

    rise = _rise(scores, today, config)
    if rise is not None:
        baseline, recent, baseline_n, recent_n = rise
        findings.append(
            TrendFinding(
                rule=RISE,
                detail={
                    "baseline": baseline,
                    "recent": recent,
                    "rise": recent - baseline,
                    "baseline_days": baseline_n,
                    "recent_days": recent_n,
                },
                message_key="trend.rise",
                params={"baseline": round(baseline, 1), "recent": round(recent, 1)},
                since=_episode_start(lambda d: _rise(scores, d, config) is not None, today),
            )
        )
    return findings


def weekly_summary(
    readings: Iterable[Reading], zone: ZoneInfo, now: datetime
) -> WeeklySummary | None:
    """The last 7 local days (today included) against the 7 before; None if no ratings."""
    _require_aware(now)
    today = now.astimezone(zone).date()
    week_start = today - timedelta(days=6)
    previous_start = week_start - timedelta(days=7)
    recent = [r for r in readings if r.at <= now]
    scores = daily_scores(recent, zone)
    this_week = [s for d, s in scores.items() if week_start <= d <= today]
    if not this_week:
        return None
    last_week = [s for d, s in scores.items() if previous_start <= d < week_start]
    count = sum(1 for r in recent if week_start <= r.at.astimezone(zone).date() <= today)

    average = fmean(this_week)
    previous = fmean(last_week) if last_week else None
    # With nothing to compare against, the week is reported as steady.
    direction = "steady"
    if previous is not None and abs(average - previous) > STEADY_WITHIN:
        direction = "up" if average > previous else "down"
    return WeeklySummary(
        average=average, direction=direction, count=count, previous_average=previous
    )


def _high_streak(scores: dict[date, float], today: date, config: TrendConfig) -> int | None:
    """Length of the high run ending today (or yesterday, if today has no rating yet)."""
    # A low rating today ends the streak; no rating yet today leaves yesterday's run open.
    day = today if today in scores else today - timedelta(days=1)
    length = 0
    while scores.get(day, -1.0) >= config.high_threshold:
        length += 1
        day -= timedelta(days=1)
    return length if length >= config.high_days else None


def _rise(
    scores: dict[date, float], today: date, config: TrendConfig
) -> tuple[float, float, int, int] | None:
    """(baseline mean, recent mean, baseline days, recent days) if the rise rule holds."""
    recent_start = today - timedelta(days=config.recent_days - 1)
    baseline_start = recent_start - timedelta(days=config.baseline_days)
    recent = [s for d, s in scores.items() if recent_start <= d <= today]
    baseline = [s for d, s in scores.items() if baseline_start <= d < recent_start]
    if len(recent) < min(config.min_recent_readings, config.recent_days):
        return None
    if len(baseline) < min(config.min_baseline_readings, config.baseline_days):
        return None
    recent_mean, baseline_mean = fmean(recent), fmean(baseline)
    if recent_mean - baseline_mean < config.rise_over_baseline:
        return None
    return baseline_mean, recent_mean, len(baseline), len(recent)


def _episode_start(holds: Callable[[date], bool], today: date) -> date:
    day = today
    for _ in range(_MAX_EPISODE_DAYS):
        if not holds(day - timedelta(days=1)):
            break
        day -= timedelta(days=1)
    return day


def _require_aware(now: datetime) -> None:
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be an aware datetime")
