from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from coach.core.trends import (
    Reading,
    TrendConfig,
    daily_scores,
    find_trends,
    weekly_summary,
)

NY = ZoneInfo("America/New_York")
MADRID = ZoneInfo("Europe/Madrid")
TODAY = date(2026, 3, 20)  # a Friday, away from any DST change in both zones
NOW = datetime.combine(TODAY, time(18, 0), NY).astimezone(UTC)


def at(day: date, hh: int = 9, mm: int = 0, zone: ZoneInfo = NY) -> datetime:
    return datetime.combine(day, time(hh, mm), zone).astimezone(UTC)


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def series(*severities_oldest_first: int | None, end: date = TODAY) -> list[Reading]:
    """One reading per day ending at `end`; None leaves a day without a rating."""
    n = len(severities_oldest_first)
    return [
        Reading(at(end - timedelta(days=n - 1 - i)), s)
        for i, s in enumerate(severities_oldest_first)
        if s is not None
    ]


def rules(readings: list[Reading], now: datetime = NOW, **config: int) -> list[str]:
    return [f.rule for f in find_trends(readings, NY, now, TrendConfig(**config))]


# daily_scores -----------------------------------------------------------------------------


def test_daily_score_is_the_days_highest_rating() -> None:
    readings = [Reading(at(TODAY, 8), 9), Reading(at(TODAY, 14), 2), Reading(at(TODAY, 20), 4)]
    assert daily_scores(readings, NY) == {TODAY: 9.0}


def test_late_evening_reading_counts_for_the_local_day_not_the_utc_day() -> None:
    late = Reading(at(TODAY, 23, 30), 8)  # 03:30 UTC the next day
    assert late.at.date() == TODAY + timedelta(days=1)
    assert daily_scores([late], NY) == {TODAY: 8.0}


def test_early_morning_reading_in_a_zone_ahead_of_utc_counts_locally() -> None:
    early = Reading(at(TODAY, 0, 30, MADRID), 5)  # 23:30 UTC the previous day
    assert early.at.date() == TODAY - timedelta(days=1)
    assert daily_scores([early], MADRID) == {TODAY: 5.0}


def test_reading_rejects_naive_time_and_out_of_range_severity() -> None:
    with pytest.raises(ValueError):
        Reading(datetime(2026, 3, 20, 9, 0), 5)
    with pytest.raises(ValueError):
        Reading(NOW, 11)
    with pytest.raises(ValueError):
        Reading(NOW, -1)


# high_streak ------------------------------------------------------------------------------


def test_three_high_days_ending_today_is_a_streak() -> None:
    findings = find_trends(series(2, 7, 8, 9), NY, NOW)
    assert [f.rule for f in findings] == ["high_streak"]
    f = findings[0]
    assert f.message_key == "trend.high_streak"
    assert f.params == {"days": 3}
    assert f.detail == {"days": 3, "threshold": 7}
    assert f.since == TODAY


def test_streak_reports_its_full_length() -> None:
    findings = find_trends(series(8, 8, 8, 8, 8), NY, NOW)
    assert findings[0].params == {"days": 5}
    # The episode started on the day the run first reached three days.
    assert findings[0].since == days_ago(2)


def test_two_high_days_are_not_enough() -> None:
    assert rules(series(3, 3, 8, 8)) == []


def test_streak_ending_yesterday_counts_while_today_has_no_rating() -> None:
    readings = series(8, 8, 8, end=days_ago(1))
    findings = find_trends(readings, NY, NOW)
    assert [f.rule for f in findings] == ["high_streak"]
    # Same episode as yesterday evening: the caller will not send it twice.
    yesterday_evening = NOW - timedelta(days=1)
    assert find_trends(readings, NY, yesterday_evening)[0].since == findings[0].since


def test_streak_ending_two_days_ago_is_over() -> None:
    assert rules(series(8, 8, 8, end=days_ago(2))) == []


def test_a_low_rating_today_ends_the_streak() -> None:
    assert rules(series(8, 8, 8, 3)) == []


def test_a_gap_day_breaks_the_streak() -> None:
    assert rules(series(8, 8, None, 8, 8)) == []


def test_threshold_is_inclusive() -> None:
    assert rules(series(7, 7, 7)) == ["high_streak"]
    assert rules(series(6, 7, 7)) == []


def test_streak_uses_local_days_at_the_zone_boundary() -> None:
    # Three evenings at 23:30 New York time are three local days but their UTC dates are
    # the following days, the last of which is "tomorrow" in UTC terms.
    readings = [Reading(at(days_ago(n), 23, 30), 8) for n in (2, 1, 0)]
    late_now = at(TODAY, 23, 45)
    assert rules(readings, now=late_now) == ["high_streak"]


def test_readings_after_now_are_ignored() -> None:
    readings = series(8, 8, 8, end=TODAY + timedelta(days=1))
    # As of NOW only two of the three high days have happened.
    assert rules(readings) == []


def test_custom_streak_length() -> None:
    assert rules(series(8, 8), high_days=2) == ["high_streak"]
    assert rules(series(9, 9, 9), high_days=4) == []


# rise -------------------------------------------------------------------------------------


def test_rise_over_baseline() -> None:
    baseline = [2, 2, 3, 2, 3, 2, 2]
    findings = find_trends(series(*baseline, 5, 6, 6), NY, NOW)
    assert [f.rule for f in findings] == ["rise"]
    f = findings[0]
    assert f.message_key == "trend.rise"
    assert f.params == {"baseline": 2.3, "recent": 5.7}
    assert f.detail["baseline_days"] == 7
    assert f.detail["recent_days"] == 3
    assert f.detail["rise"] == pytest.approx(17 / 3 - 16 / 7)


def test_rise_below_the_margin_is_nothing() -> None:
    assert rules(series(3, 3, 3, 3, 5, 5, 6)) == []  # recent 5.33 - baseline 3 < 3


def test_rise_exactly_at_the_margin_counts() -> None:
    assert rules(series(2, 2, 2, 5, 5, 5)) == ["rise"]


def test_rise_needs_enough_baseline_days() -> None:
    assert rules(series(1, 1, 6, 6, 6)) == []  # two baseline days
    assert rules(series(1, 1, 1, 6, 6, 6)) == ["rise"]
    assert rules(series(1, 1, 1, 6, 6, 6), min_baseline_readings=4) == []


def test_baseline_only_looks_back_baseline_days_before_the_recent_window() -> None:
    # Low ratings 17 days before the window are outside a 14-day baseline.
    old = [Reading(at(days_ago(3 + 14 + k)), 1) for k in range(3)]
    recent = series(6, 6, 6)
    assert rules(old + recent) == []
    assert rules(old + recent, baseline_days=20) == ["rise"]


def test_one_bad_recent_day_is_a_spike_not_a_rise() -> None:
    assert rules(series(1, 1, 1, None, None, 7)) == []
    assert rules(series(1, 1, 1, None, 6, 7)) == ["rise"]


def test_recent_window_counts_calendar_days_not_rated_days() -> None:
    # The last two rated days are 4 and 5 days ago: outside a 3-day recent window.
    readings = series(1, 1, 1, 6, 7, end=days_ago(4))
    assert rules(readings) == []


def test_rise_episode_keeps_its_start_while_it_holds() -> None:
    readings = series(1, 1, 1, 1, 6, 6, 6)
    first = find_trends(readings, NY, NOW - timedelta(days=1))
    second = find_trends(readings, NY, NOW)
    assert [f.rule for f in first] == [f.rule for f in second] == ["rise"]
    assert first[0].since == second[0].since == days_ago(1)


def test_both_rules_can_hold_and_high_streak_comes_first() -> None:
    assert rules(series(1, 1, 1, 8, 9, 9)) == ["high_streak", "rise"]


def test_one_day_recent_window_needs_just_that_day() -> None:
    assert rules(series(1, 1, 1, 5), recent_days=1) == ["rise"]


def test_config_rejects_empty_windows() -> None:
    with pytest.raises(ValueError):
        TrendConfig(high_days=0)
    with pytest.raises(ValueError):
        TrendConfig(min_baseline_readings=0)


def test_naive_now_is_rejected() -> None:
    with pytest.raises(ValueError):
        find_trends([], NY, datetime(2026, 3, 20, 12, 0))


def test_no_readings_no_findings() -> None:
    assert find_trends([], NY, NOW) == []


# weekly summary ---------------------------------------------------------------------------


def test_weekly_summary_none_without_ratings_this_week() -> None:
    assert weekly_summary(series(5, 5, end=days_ago(7)), NY, NOW) is None
    assert weekly_summary([], NY, NOW) is None


def test_weekly_summary_up_down_and_steady() -> None:
    prev = [Reading(at(days_ago(7 + k)), 3) for k in range(7)]
    up = [Reading(at(days_ago(k)), 5) for k in range(7)]
    s = weekly_summary(prev + up, NY, NOW)
    assert s is not None
    assert (s.average, s.direction, s.count, s.previous_average) == (5.0, "up", 7, 3.0)

    down = [Reading(at(days_ago(k)), 1) for k in range(2)]
    s = weekly_summary(prev + down, NY, NOW)
    assert s is not None and s.direction == "down" and s.count == 2


@pytest.mark.parametrize(("this_week", "direction"), [(4, "steady"), (2, "steady"), (5, "up")])
def test_steady_means_within_one_point(this_week: int, direction: str) -> None:
    prev = [Reading(at(days_ago(10)), 3)]
    now_week = [Reading(at(days_ago(1)), this_week)]
    s = weekly_summary(prev + now_week, NY, NOW)
    assert s is not None and s.direction == direction


def test_weekly_summary_without_previous_week_is_steady() -> None:
    s = weekly_summary([Reading(at(TODAY), 6)], NY, NOW)
    assert s is not None
    assert (s.direction, s.previous_average, s.count) == ("steady", None, 1)


def test_weekly_average_uses_daily_scores_and_count_uses_ratings() -> None:
    readings = [Reading(at(TODAY, 8), 8), Reading(at(TODAY, 12), 2), Reading(at(days_ago(1)), 4)]
    s = weekly_summary(readings, NY, NOW)
    assert s is not None
    assert s.average == 6.0  # (8 + 4) / 2: each day's highest rating
    assert s.count == 3


def test_weekly_summary_week_edges_use_local_days() -> None:
    # 23:30 local seven days ago is outside the week; 00:30 local six days ago is inside.
    outside = Reading(at(days_ago(7), 23, 30), 9)
    inside = Reading(at(days_ago(6), 0, 30), 2)
    s = weekly_summary([outside, inside], NY, NOW)
    assert s is not None
    assert (s.average, s.count, s.previous_average) == (2.0, 1, 9.0)
    assert s.direction == "down"
