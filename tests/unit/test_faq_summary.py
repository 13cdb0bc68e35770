"""The weekly summary's diary line, with a controlled clock and made-up diaries."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from coach import diary, faq, patients, summaries
from coach.core.segments import segment_info
from coach.db.engine import transaction
from coach.db.faq import DiaryTag
from coach.db.models import Message, Patient
from tests.fixtures_db import ALICE, CARLOS, make_settings

NY = ZoneInfo("America/New_York")
# Sunday 2027-03-21 19:00 in New York (EDT, UTC-4): a week after the clocks went forward, so
# the diary's fourteen days straddle the change.
SUNDAY_EVENING = datetime(2027, 3, 21, 23, 0, tzinfo=UTC)

QUIET = [3, 4, 3, 4, 3, 4, 3, 4, 3]
COFFEE = [6, 5, 6, 7, 5]


def _enrol(factory, settings, phone=ALICE, tz="America/New_York", lang="en"):
    with transaction(factory) as s:
        p, _ = patients.enroll(s, settings, phone=phone, tz=tz, lang=lang,
                               now=SUNDAY_EVENING - timedelta(days=30))
        patients.opt_in(s, p, now=SUNDAY_EVENING - timedelta(days=30), method="sms_yes")
        return p.id


def _write_diary(factory, patient_id, days, now=SUNDAY_EVENING):
    """`days`: (note, rating) per local day, the last one yesterday, each at 21:00 local."""
    with transaction(factory) as s:
        p = s.get(Patient, patient_id)
        last = now.astimezone(ZoneInfo(p.tz)).date() - timedelta(days=1)
        for i, (note, rating) in enumerate(reversed(days)):
            day = last - timedelta(days=i)
            at = datetime(day.year, day.month, day.day, 21, 0, tzinfo=ZoneInfo(p.tz))
            diary.record(s, p, at=at.astimezone(UTC), severity=None, note=note)
            diary.record(s, p, at=(at + timedelta(minutes=5)).astimezone(UTC),
                         severity=rating, note=f"twitch {rating}")


def _summaries(factory):
    with factory() as s:
        return [m.body for m in s.scalars(
            select(Message).where(Message.kind == "summary").order_by(Message.id))]


def supporting_diary():
    # Coffee days interleaved with quiet ones, ratings about 2.5 points apart.
    days = [("quiet day", r) for r in QUIET]
    for i, r in enumerate(COFFEE):
        days.insert(i * 3, ("worse after coffee", r))
    return days


def test_a_diary_that_supports_it_gets_the_line(factory, settings):
    pid = _enrol(factory, settings)
    _write_diary(factory, pid, supporting_diary())
    ids = summaries.queue_weekly(factory, settings, now=SUNDAY_EVENING)
    bodies = _summaries(factory)
    assert len(ids) == 2 and len(bodies) == 2
    line = bodies[1]
    assert line == ("Your twitching was about 2.5 points higher on days you mentioned coffee "
                    "or caffeine (5 days) than on other days (9 days).")
    assert segment_info(line).segments == 1
    assert "because" not in line and "cause" not in line
    # Once a week: a second run the same evening adds nothing.
    assert summaries.queue_weekly(factory, settings, now=SUNDAY_EVENING + timedelta(hours=1)) == []


def test_the_table_behind_the_line(factory, settings):
    pid = _enrol(factory, settings)
    _write_diary(factory, pid, supporting_diary())
    with factory() as s:
        report = faq.trigger_analysis(s, settings, s.get(Patient, pid), now=SUNDAY_EVENING)
        tagged = s.scalar(select(DiaryTag.tag).where(DiaryTag.patient_id == pid))
    table = report.to_json()
    assert tagged == "caffeine"
    assert table["rated_days"] == 14 and table["finding"] == "caffeine"
    (row,) = table["tags"]
    assert (row["with_days"], row["without_days"], row["passes"]) == (5, 9, True)
    assert row["mean_with"] == 5.8 and row["mean_without"] == 3.44
    assert row["p_value"] < 0.05 and table["rule"]["min_days"] == 14


def test_a_diary_that_does_not_support_it_gets_no_line(factory, settings):
    pid = _enrol(factory, settings)
    # The same ratings, but coffee falls on high and low days alike.
    ratings = [6, 3, 5, 4, 7, 3, 4, 6, 3, 5, 4, 3, 4, 3]
    days = [("had coffee" if i % 3 == 0 else "quiet day", r) for i, r in enumerate(ratings)]
    _write_diary(factory, pid, days)
    assert len(summaries.queue_weekly(factory, settings, now=SUNDAY_EVENING)) == 1
    (body,) = _summaries(factory)
    assert "mentioned" not in body
    with factory() as s:
        report = faq.trigger_analysis(s, settings, s.get(Patient, pid), now=SUNDAY_EVENING)
    assert report.analysis.rated_days == 14 and report.analysis.finding is None


def test_thirteen_rated_days_are_not_enough(factory, settings):
    pid = _enrol(factory, settings)
    _write_diary(factory, pid, supporting_diary()[1:])
    summaries.queue_weekly(factory, settings, now=SUNDAY_EVENING)
    assert len(_summaries(factory)) == 1


def test_the_day_count_is_configurable(factory, tmp_path):
    settings = make_settings(tmp_path, COACH_TRIGGER_MIN_DAYS="20")
    pid = _enrol(factory, settings)
    _write_diary(factory, pid, supporting_diary())
    summaries.queue_weekly(factory, settings, now=SUNDAY_EVENING)
    assert len(_summaries(factory)) == 1


def test_the_line_in_spanish(factory, settings):
    pid = _enrol(factory, settings, phone=CARLOS, tz="Europe/Madrid", lang="es")
    days = [("dia tranquilo", r) for r in QUIET]
    for i, r in enumerate(COFFEE):
        days.insert(i * 3, ("peor despues del cafe", r))
    # Sunday 19:00 in Madrid.
    sunday = datetime(2027, 3, 21, 18, 0, tzinfo=UTC)
    _write_diary(factory, pid, days, now=sunday)
    with factory() as s:
        report = faq.trigger_analysis(s, settings, s.get(Patient, pid), now=sunday)
    line = faq.trigger_line(report, "es")
    assert line == ("Su tic fue como 2.5 puntos mas alto los dias en que menciono cafe o "
                    "cafeina (5 dias) que los demas dias (9 dias).")
