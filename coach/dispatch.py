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
from coach.core.policy import in_quiet_hours
from coach.core.schedule import local_date
from coach.core.types import PatientStatus
from coach.db.engine import transaction
from coach.db.models import Message, Patient
from coach.errors import CoachError, Conflict
from coach.outbox import record_event
from coach.phone import mask_phone
from coach.ratelimit import RateLimiter
from coach.schedules import REMINDER_KINDS, reminders_sent_on
from coach.sms.base import OutgoingSms, SmsBackend, SmsError
from coach.tick import process_batch, variant_seed
from messages import render

log = logging.getLogger(__name__)

STALE_QUEUED = timedelta(minutes=2)  # queued but never picked up: enqueue again
STALE_SENDING = timedelta(minutes=10)  # claimed by a worker that died mid-send
RETRY_WINDOW = timedelta(minutes=5)  # the longest backoff a send task waits (tasks/dispatch.py)
# Kinds a patient gets whatever their status: safety advice and the STOP confirmation.
ALWAYS_DELIVER = frozenset({"advice", "stop_confirmed"})
NEEDS_COACHING = frozenset({*REMINDER_KINDS, "summary"})


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
    while True:
        with transaction(factory) as session:
            done = process_batch(session, now=now, grace=grace, batch=batch)
        result.to_send += done.to_send
        result.skipped += done.skipped
        result.schedules += done.schedules
        if done.claimed < batch:
            break
    with transaction(factory) as session:
        # Deferred messages (follow-ups, summaries) whose time has come.
        result.to_send += session.scalars(
            update(Message)
            .where(Message.status == "scheduled", Message.due_at <= now)
            .values(status="queued", updated_at=now)
            .returning(Message.id)
        ).all()
        # Rows queued while the broker was down, or whose task was lost: enqueue again
        # (the send claims atomically, so a duplicate task is harmless).
        # Stamping updated_at bounds this to one extra task per row per STALE_QUEUED, even
        # while a long backlog drains under the rate limit.
        result.to_send += session.scalars(
            update(Message)
            .where(Message.status == "queued", Message.updated_at <= now - STALE_QUEUED)
            .values(updated_at=now)
            .returning(Message.id)
        ).all()
        # A worker that died between claiming and finishing: we cannot know whether the
        # provider took the message, so we record it rather than risk texting twice.
        session.execute(
            update(Message)
            .where(Message.status == "sending", Message.claimed_at <= now - STALE_SENDING)
            .values(status="failed", error_message="interrupted mid-send; not retried",
                    updated_at=now)
        )
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


def skip_reason(
    message: Message, patient: Patient | None, now: datetime, *, grace: timedelta
) -> str | None:
    """Why a queued row must not go out now (checked at send time: state may have changed,
    and a backlog or a lost task may have made it late)."""
    if message.kind == "operator_alert":
        return None
    if patient is None:
        return "no_patient"
    if patient.phone_invalid_at is not None:
        return "invalid_number"
    if message.kind == "invitation":
        return None if patient.status == PatientStatus.PENDING else "not_pending"
    if message.kind in ALWAYS_DELIVER:
        return None
    if patient.status == PatientStatus.OPTED_OUT:
        return "opted_out"
    if patient.status == PatientStatus.PENDING:
        return "pending_opt_in"
    if message.kind in NEEDS_COACHING:
        if not patients.can_receive_reminders(patient, now):
            return "paused"
        if message.slot_at is not None and now - message.slot_at > grace:
            return "late"  # never sent late in a burst, whatever delayed it
        policy = patients.policy_for(patient)
        if in_quiet_hours(policy.quiet, now.astimezone(policy.zone).time()):
            return "quiet_hours"
    return None


def _sender(settings: Settings) -> str:
    if settings.use_twilio:
        return settings.twilio_from_number or settings.twilio_messaging_service_sid or "twilio"
    return "outbox"


def send_message(
    factory: sessionmaker[Session],
    settings: Settings,
    backend: SmsBackend,
    message_id: int,
    *,
    now: datetime,
    limiter: RateLimiter | None = None,
    final_attempt: bool = True,
) -> str:
    """Text one outbox row at most once. Returns "sent", "skipped", "not_claimed", "failed"
    or "retry" (a transient error; the row is queued again for the caller's retry)."""
    with transaction(factory) as session:
        claimed = session.execute(
            update(Message)
            .where(Message.id == message_id, Message.status == "queued")
            .values(status="sending", claimed_at=now, attempts=Message.attempts + 1,
                    updated_at=now)
        )
        if claimed.rowcount != 1:  # type: ignore[attr-defined]
            return "not_claimed"
        message = session.get_one(Message, message_id)
        patient = session.get(Patient, message.patient_id) if message.patient_id else None
        reason = skip_reason(
            message, patient, now, grace=timedelta(minutes=settings.grace_minutes)
        )
        if reason or not message.to_number:
            message.status = "skipped"
            message.skip_reason = reason or "no_number"
            record_event(session, message, "skipped", now, message.skip_reason)
            return "skipped"
        record_event(session, message, "sending", now)
        # ?m= lets a callback that beats our own write of provider_sid still find the row.
        callback = (
            f"{settings.public_url}/twilio/status?m={message.id}" if settings.use_twilio else None
        )
        sms = OutgoingSms(
            to=message.to_number, body=message.body, message_id=message.id,
            status_callback=callback,
        )
    if limiter is not None:
        try:
            limiter.wait(_sender(settings))
        except Exception as exc:  # the limiter's Redis hiccuped: send rather than lose it
            log.warning("rate limiter unavailable (%s); sending unthrottled", type(exc).__name__)
    try:
        sent = backend.send(sms)
    except SmsError as exc:
        return _record_failure(factory, message_id, exc, now=now, final=final_attempt)
    with transaction(factory) as session:
        message = session.get_one(Message, message_id)
        message.provider_sid = sent.provider_sid
        message.sent_at = now
        message.updated_at = now
        if message.status == "sending":  # a fast status callback may have moved it on
            message.status = "delivered" if sent.status == "delivered" else "sent"
        record_event(session, message, message.status, now, sent.provider_sid)
    log.info("sent message %s (%s) to %s", message_id, message.kind, mask_phone(sms.to))
    return "sent"


def _record_failure(
    factory: sessionmaker[Session], message_id: int, exc: SmsError, *, now: datetime, final: bool
) -> str:
    with transaction(factory) as session:
        message = session.get_one(Message, message_id)
        message.error_code = str(exc.code) if exc.code is not None else None
        message.error_message = str(exc)[:255]
        message.updated_at = now
        if not exc.permanent and not final:
            message.status = "queued"
            # The task's own retry comes within RETRY_WINDOW; keep the stale-row sweep from
            # starting a second retry chain meanwhile.
            message.updated_at = now + RETRY_WINDOW
            record_event(session, message, "retry", now, message.error_code)
            log.warning("transient send error on message %s (code %s)", message_id, exc.code)
            return "retry"
        message.status = "failed"
        record_event(session, message, "failed", now, message.error_code)
        patient = session.get(Patient, message.patient_id) if message.patient_id else None
        if patient is not None and message.kind != "operator_alert":
            if exc.opted_out:
                patients.opt_out(session, patient, now=now)
            elif exc.invalid_number:
                patients.mark_invalid_number(session, patient, now=now)
        log.warning("send failed for message %s (code %s)", message_id, exc.code)
        return "failed"
