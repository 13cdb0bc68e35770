"""The symptom diary and its trend rules (the rules themselves are pure: coach.core.trends)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, cast
from zoneinfo import ZoneInfo

from sqlalchemy import bindparam, insert, select
from sqlalchemy.orm import Session

from coach import alerts, faq
from coach.config import Settings
from coach.core import trends
from coach.core.localtime import iso_utc
from coach.core.types import Level
from coach.db.engine import attach_row, inserted_id
from coach.db.models import DiaryEntry, Message, Patient, TrendEvent
from messages import render

HISTORY = timedelta(days=35)


_INSERT_ENTRY = insert(DiaryEntry.metadata.tables[DiaryEntry.__tablename__])


def record(
    session: Session,
    patient: Patient,
    *,
    at: datetime,
    severity: int | None,
    note: str | None,
    message: Message | None = None,
) -> DiaryEntry:
    row = {
        "patient_id": patient.id,
        "message_id": message.id if message else None,
        "at": at,
        "severity": severity,
        "note": (note or None) and note[:2000],
    }
    # Every rating and note of every webhook: one Core INSERT, then the row attached as the
    # persistent object it is (an ORM flush costs about four times the CPU).
    result = session.connection().execute(_INSERT_ENTRY, row)
    entry = attach_row(session, DiaryEntry, {"id": inserted_id(result), **row})
    faq.tag_entry(session, entry)  # possible triggers the note mentions (coach/faq.py)
    return entry


def entries_for(session: Session, patient: Patient, *, limit: int = 100) -> list[DiaryEntry]:
    rows = session.scalars(
        select(DiaryEntry)
        .where(DiaryEntry.patient_id == patient.id)
        .order_by(DiaryEntry.at.desc(), DiaryEntry.id.desc())
        .limit(limit)
    )
    return list(reversed(list(rows)))


def diary_json(entry: DiaryEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "patient_id": entry.patient_id,
        "at": iso_utc(entry.at),
        "severity": entry.severity,
        "note": entry.note,
    }


_D = DiaryEntry.__table__.c
# Every rating runs it: built once, and Core (no ORM row processing).
_READINGS = select(_D.at, _D.severity).where(
    _D.patient_id == bindparam("patient_id"),
    _D.severity.is_not(None),
    _D.at >= bindparam("since"),
)


def readings(session: Session, patient: Patient, *, now: datetime) -> list[trends.Reading]:
    session.flush()  # the entry just recorded is one of them
    rows = session.connection().execute(
        _READINGS, {"patient_id": patient.id, "since": now - HISTORY}
    )
    return [trends.Reading(at=at, severity=int(sev)) for at, sev in rows if sev is not None]


def check_trends(
    session: Session, settings: Settings, patient: Patient, *, now: datetime
) -> list[int]:
    """Run the trend rules; each finding advises the patient and opens an alert once per
    cooldown. Returns outbound message ids to send."""
    from coach.patients import queue_message

    config = trends.TrendConfig(
        high_threshold=settings.trend_high_threshold,
        high_days=settings.trend_high_days,
        rise_over_baseline=settings.trend_rise,
    )
    findings = trends.find_trends(
        readings(session, patient, now=now), ZoneInfo(patient.tz), now, config
    )
    to_send: list[int] = []
    cooldown = now - timedelta(days=settings.trend_cooldown_days)
    for finding in findings:
        recent = session.scalar(
            select(TrendEvent.id).where(
                TrendEvent.patient_id == patient.id,
                TrendEvent.rule == finding.rule,
                TrendEvent.fired_at >= cooldown,
            )
        )
        key = f"trend:{patient.id}:{finding.rule}:{finding.since or now.date()}"
        advised = session.scalar(select(Message.id).where(Message.dedupe_key == key))
        if recent is not None or advised is not None:
            continue  # advised already, in this episode or within the cooldown
        session.add(TrendEvent(patient_id=patient.id, rule=finding.rule, fired_at=now))
        body = render(finding.message_key, patient.lang, **cast(dict[str, Any], finding.params))
        message = queue_message(
            session,
            patient,
            kind="trend_advice",
            body=body,
            now=now,
            dedupe_key=key,
        )
        to_send.append(message.id)
        alerts.open_alert(
            session,
            settings,
            patient=patient,
            level=Level.URGENT,
            codes=[f"trend_{finding.rule}"],
            now=now,
            reason="trend",
        )
    return to_send
