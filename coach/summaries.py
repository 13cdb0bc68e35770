"""The weekly summary text: average and direction, in one segment, once a week per patient."""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from coach import diary, faq, patients
from coach.config import Settings
from coach.core import trends
from coach.core.policy import in_quiet_hours
from coach.core.types import PatientStatus
from coach.db.engine import transaction
from coach.db.models import Message, Patient
from messages import render

SEND_AT = time(18, 0)  # local


def queue_weekly(
    factory: sessionmaker[Session], settings: Settings, *, now: datetime
) -> list[int]:
    """Run hourly. Patients whose local summary hour has come get this week's summary once
    (a unique key per ISO week), when they have readings to summarise."""
    ids: list[int] = []
    with transaction(factory) as session:
        for patient in session.scalars(
            select(Patient).where(Patient.status == PatientStatus.ACTIVE)
        ):
            local = now.astimezone(ZoneInfo(patient.tz))
            if local.weekday() != settings.weekly_summary_day or local.time() < SEND_AT:
                continue
            if in_quiet_hours(patients.policy_for(patient).quiet, local.time()):
                continue
            year, week, _ = local.isocalendar()
            key = f"summary:{patient.id}:{year}-W{week:02d}"
            if session.scalar(select(Message.id).where(Message.dedupe_key == key)):
                continue
            summary = trends.weekly_summary(
                diary.readings(session, patient, now=now), ZoneInfo(patient.tz), now
            )
            if summary is None:
                continue
            if summary.previous_average is None:  # nothing yet to compare with
                body = render(
                    "summary.weekly_first", patient.lang,
                    average=summary.average, count=summary.count,
                )
            else:
                body = render(
                    "summary.weekly",
                    patient.lang,
                    average=summary.average,
                    direction_word=render(f"summary.direction.{summary.direction}", patient.lang),
                    count=summary.count,
                )
            message = patients.queue_message(
                session, patient, kind="summary", body=body, now=now, dedupe_key=key
            )
            ids.append(message.id)
            # One more line when the patient's own diary supports it (coach/faq.py): an
            # association between a tag and their ratings, never stated as a cause.
            line = faq.trigger_line(
                faq.trigger_analysis(session, settings, patient, now=now), patient.lang
            )
            if line is not None:
                extra = patients.queue_message(
                    session, patient, kind="summary", body=line, now=now,
                    dedupe_key=f"summary-trigger:{patient.id}:{year}-W{week:02d}",
                )
                ids.append(extra.id)
    return ids
