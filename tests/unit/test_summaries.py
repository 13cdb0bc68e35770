"""Weekly summaries and trend advice with a controlled clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from coach import diary, patients, summaries
from coach.db.engine import transaction
from coach.db.models import Message, Patient
from tests.fixtures_db import ALICE

# Sunday 2027-03-07 19:00 in New York (EST, UTC-5): past the 18:00 summary time.
SUNDAY_EVENING = datetime(2027, 3, 8, 0, 0, tzinfo=UTC)


def _patient_with_ratings(factory, settings, ratings):
    with transaction(factory) as s:
        p, _ = patients.enroll(s, settings, phone=ALICE, tz="America/New_York",
                               now=SUNDAY_EVENING - timedelta(days=20))
        patients.opt_in(s, p, now=SUNDAY_EVENING - timedelta(days=20), method="sms_yes")
        for days_ago, severity in ratings:
            diary.record(s, p, at=SUNDAY_EVENING - timedelta(days=days_ago, hours=2),
                         severity=severity, note=str(severity))
        return p.id


def _summaries(factory):
    with factory() as s:
        return list(s.scalars(select(Message).where(Message.kind == "summary")))


def test_weekly_summary_once_a_week_in_one_segment(factory, settings):
    from coach.core.segments import segment_info

    _patient_with_ratings(factory, settings, [(d, 3) for d in range(8, 14)] +
                          [(d, 5) for d in range(0, 6)])
    ids = summaries.queue_weekly(factory, settings, now=SUNDAY_EVENING)
    again = summaries.queue_weekly(factory, settings, now=SUNDAY_EVENING + timedelta(hours=1))
    assert len(ids) == 1 and again == []
    (message,) = _summaries(factory)
    assert "5" in message.body and "higher" in message.body
    assert segment_info(message.body).segments == 1


def test_no_summary_before_the_local_hour_or_on_other_days(factory, settings):
    _patient_with_ratings(factory, settings, [(1, 4)])
    assert summaries.queue_weekly(factory, settings, now=SUNDAY_EVENING - timedelta(hours=2)) == []
    assert summaries.queue_weekly(factory, settings, now=SUNDAY_EVENING + timedelta(days=1)) == []


def test_first_week_has_nothing_to_compare_with(factory, settings):
    _patient_with_ratings(factory, settings, [(1, 4), (2, 6)])
    summaries.queue_weekly(factory, settings, now=SUNDAY_EVENING)
    (message,) = _summaries(factory)
    assert "week before" not in message.body


def test_no_summary_for_an_opted_out_patient(factory, settings):
    pid = _patient_with_ratings(factory, settings, [(1, 4)])
    with transaction(factory) as s:
        patients.opt_out(s, s.get_one(Patient, pid), now=SUNDAY_EVENING)
    assert summaries.queue_weekly(factory, settings, now=SUNDAY_EVENING) == []


def test_rise_over_baseline_advises_once_per_episode(factory, settings):
    pid = _patient_with_ratings(factory, settings, [(d, 2) for d in range(4, 15)])
    sent: list[int] = []
    for day in range(3):
        now = SUNDAY_EVENING + timedelta(days=day)
        with transaction(factory) as s:
            p = s.get_one(Patient, pid)
            diary.record(s, p, at=now, severity=6, note="6")
            sent += diary.check_trends(s, settings, p, now=now)
    assert len(sent) == 1
    with factory() as s:
        body = s.get_one(Message, sent[0]).body
    assert "clinician" in body


def test_trend_thresholds_come_from_settings(factory, tmp_path):
    from tests.fixtures_db import make_settings

    strict = make_settings(tmp_path, COACH_TREND_HIGH_THRESHOLD="9", COACH_TREND_RISE="9")
    pid = _patient_with_ratings(factory, strict, [(d, 8) for d in range(0, 5)])
    with transaction(factory) as s:
        assert diary.check_trends(s, strict, s.get_one(Patient, pid), now=SUNDAY_EVENING) == []


def test_no_summary_inside_quiet_hours(factory, settings):
    pid = _patient_with_ratings(factory, settings, [(1, 4)])
    with transaction(factory) as s:
        p = s.get_one(Patient, pid)
        p.quiet_start, p.quiet_end = "18:30", "07:00"
    assert summaries.queue_weekly(factory, settings, now=SUNDAY_EVENING) == []  # 19:00 local
