"""The tick (claim due schedules, write outbox rows) and the send (claim a row, text it once).

Both take a session factory and a `now`, so they run the same under Celery, `coach demo`'s
simulated clock and tests. Network I/O never happens inside a database transaction.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from coach import alerts, patients
from coach.config import Settings
from coach.core.schedule import local_date
from coach.core.types import PatientStatus
from coach.db.engine import transaction
from coach.db.models import Message, Patient
from coach.errors import CoachError, Conflict
from coach.schedules import REMINDER_KINDS, reminders_sent_on

# The send lives in coach.send; these names stay importable from here.
from coach.send import (  # noqa: F401
    ALWAYS_DELIVER,
    CLAIM_LEASE,
    NEEDS_COACHING,
    RETRY_WINDOW,
    STALE_QUEUED,
    STALE_SENDING,
    recover_stale,
    send_batch,
    send_message,
    skip_reason,
)
from coach.tick import run_batches, variant_seed
from messages import render

log = logging.getLogger(__name__)


@dataclass
class TickResult:
    to_send: list[int] = field(default_factory=list)
    alerts_to_notify: list[int] = field(default_factory=list)
    skipped: int = 0
    schedules: int = 0


def tick(
    factory: sessionmaker[Session], settings: Settings, *, now: datetime, batch: int = 2000
) -> TickResult:
    result = TickResult()
    with transaction(factory) as session:
        for patient in session.scalars(
            select(Patient).where(
                Patient.status == PatientStatus.PAUSED, Patient.paused_until <= now
            )
        ):
            patients.resume(session, patient, now=now)
    grace = timedelta(minutes=settings.grace_minutes)
    done = run_batches(factory, now=now, grace=grace, batch=batch)
    result.to_send += done.to_send
    result.skipped += done.skipped
    result.schedules += done.schedules
    with transaction(factory) as session:
        # Deferred messages (follow-ups, summaries) whose time has come.
        result.to_send += session.scalars(
            update(Message)
            .where(Message.status == "scheduled", Message.due_at <= now)
            .values(status="queued", updated_at=now)
            .returning(Message.id)
        ).all()
        # Rows queued while the broker was down or whose task was lost, claims that outlived
        # their worker, sends interrupted mid-request (coach.send owns these rules).
        result.to_send += recover_stale(session, now)
        result.alerts_to_notify += alerts.due_for_notification(session, now=now)
    result.to_send = sorted(set(result.to_send))
    return result


def send_now(
    session: Session, settings: Settings, patient: Patient, kind: str, *, now: datetime
) -> Message:
    """One reminder right now (operator's `coach send`). The daily cap is checked here;
    consent, pauses and quiet hours are checked when it is sent, like every reminder."""
    if kind not in REMINDER_KINDS:
        raise CoachError(f"unknown reminder kind {kind!r}: use one of {', '.join(REMINDER_KINDS)}")
    if patient.consent_at is None or patient.status == PatientStatus.OPTED_OUT:
        # Say so now rather than queue a text the worker will only skip.
        raise Conflict(
            f"patient {patient.id} is {patient.status}: reminders go only to a patient who "
            "has opted in (pending_opt_in)" if patient.status == PatientStatus.PENDING
            else f"patient {patient.id} is {patient.status}: no reminders"
        )
    zone = ZoneInfo(patient.tz)
    cap = patient.daily_cap
    if cap is not None and reminders_sent_on(session, patient, local_date(now, zone)) >= cap:
        raise Conflict(f"daily cap of {cap} reminders already reached for this patient today")
    minute = now.strftime("%Y%m%dT%H%M")  # a double click sends one text, not two
    key = f"manual:{patient.id}:{kind}:{minute}"
    if session.scalar(select(Message.id).where(Message.dedupe_key == key)) is not None:
        raise Conflict(f"this patient already got a {kind} reminder this minute")
    body = render(f"reminder.{kind}", patient.lang, seed=variant_seed(patient.id, now))
    message = patients.queue_message(
        session, patient, kind=kind, body=body, now=now, dedupe_key=key
    )
    message.slot_at = now
    return message
