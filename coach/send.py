"""The send: claim a batch of outbox rows in one statement, then text each at most once.

A row's life: queued -> claimed (a worker holds it; nothing has left) -> sending (the
provider request has started) -> sent | delivered | failed | skipped.

- The last eligibility check (consent, opt-out, pause, quiet hours, daily cap, lateness) runs
  after the rate-limit wait, immediately before the provider call, in a short transaction that
  locks the patient row (SELECT ... FOR UPDATE on PostgreSQL; on SQLite, BEGIN IMMEDIATE holds
  the write lock). A STOP is an UPDATE of that row, so it serialises with the check: a STOP
  committed before it means no text.
- The same transaction moves claimed -> sending only if the claim is still ours (status and
  attempt number). A claim that outlived its worker is re-queued by `recover_stale`; if that
  worker was merely slow, this step then fails for it. So a row goes back to the queue only
  when it provably never reached the provider, and reaches the provider once.
- A row left in `sending` (its worker died after the request started) is never retried: it
  becomes failed after STALE_SENDING. At most once.
- `sent_at` is when the provider accepted the message. Results are written in one
  transaction per batch (sooner if a slow sender makes the batch long).

Network I/O never happens inside a database transaction.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from coach import patients
from coach.config import Settings
from coach.core.localtime import wall_to_utc
from coach.core.policy import in_quiet_hours
from coach.core.schedule import local_date
from coach.core.senders import Sender
from coach.core.types import PatientStatus
from coach.db.engine import transaction
from coach.db.models import Message, MessageEvent, Patient
from coach.phone import mask_phone
from coach.ratelimit import RateLimiter, settle
from coach.schedules import REMINDER_KINDS
from coach.senders import OUTBOX, SenderPool, pool_for
from coach.sms.base import OutgoingSms, SendResult, SmsBackend, SmsError

log = logging.getLogger(__name__)

BATCH_LIMIT = 50  # ids per send task (coach.enqueue groups them per sender)
STALE_QUEUED = timedelta(minutes=2)  # queued but never picked up: enqueue again
CLAIM_LEASE = timedelta(minutes=2)  # a claim not renewed for this long: its worker is gone
STALE_SENDING = timedelta(minutes=10)  # the provider request started and no result came back
RETRY_WINDOW = timedelta(minutes=5)  # the longest backoff a send task waits (tasks/dispatch.py)
RESULTS_EVERY = 2.0  # seconds: a batch slowed by the rate limit writes its results this often
# Kinds a patient gets whatever their status: safety advice and the STOP confirmation.
ALWAYS_DELIVER = frozenset({"advice", "stop_confirmed"})
NEEDS_COACHING = frozenset({*REMINDER_KINDS, "summary"})
HANDED_OUT = ("sending", "sent", "delivered", "read", "undelivered")

Clock = Callable[[], datetime]


def skip_reason(
    message: Message, patient: Patient | None, now: datetime, *, grace: timedelta
) -> str | None:
    """Why a row must not go out now (checked at send time: state may have changed, and a
    backlog or a lost task may have made it late). The daily cap is checked apart."""
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


def _cap_reached(session: Session, message: Message, patient: Patient) -> bool:
    """True if the patient's other reminders handed out on this local day reach the cap."""
    if message.kind not in REMINDER_KINDS or patient.daily_cap is None:
        return False
    zone = ZoneInfo(patient.tz)
    day = local_date(message.slot_at or message.created_at, zone)
    start = wall_to_utc(day, datetime.min.time(), zone)
    end = wall_to_utc(day + timedelta(days=1), datetime.min.time(), zone)
    count = session.scalar(
        select(func.count(Message.id)).where(
            Message.patient_id == patient.id,
            Message.id != message.id,
            Message.direction == "out",
            Message.kind.in_(REMINDER_KINDS),
            Message.slot_at >= start,
            Message.slot_at < end,
            Message.status.in_(HANDED_OUT),
        )
    )
    return int(count or 0) >= patient.daily_cap


@dataclass
class _Claim:
    message: Message  # detached copy as claimed (kind, body, number, slot do not change)
    attempt: int
    sender: Sender


@dataclass
class _Outcome:
    claim: _Claim
    result: SendResult | None = None
    error: SmsError | None = None
    accepted_at: datetime | None = None


def _clock(now: datetime | Clock) -> Clock:
    if callable(now):
        return now
    fixed = now
    return lambda: fixed


def _for_update(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def send_batch(
    factory: sessionmaker[Session],
    settings: Settings,
    backend: SmsBackend,
    message_ids: Iterable[int],
    *,
    now: datetime | Clock,
    limiter: RateLimiter | None = None,
    pool: SenderPool | None = None,
    final_attempt: bool = True,
) -> dict[int, str]:
    """Text a batch of outbox rows, each at most once. Returns each id's outcome: "sent",
    "skipped", "not_claimed", "failed" or "retry" (a transient error; the row is queued
    again for the caller's retry)."""
    clock = _clock(now)
    pool = pool or pool_for(settings)
    ids = sorted(set(message_ids))
    outcomes: dict[int, str] = {}
    for start in range(0, len(ids), BATCH_LIMIT):
        chunk = ids[start:start + BATCH_LIMIT]
        outcomes.update(_send_chunk(factory, settings, backend, chunk, clock, limiter, pool,
                                    final_attempt))
    return outcomes


def send_message(
    factory: sessionmaker[Session],
    settings: Settings,
    backend: SmsBackend,
    message_id: int,
    *,
    now: datetime | Clock,
    limiter: RateLimiter | None = None,
    final_attempt: bool = True,
) -> str:
    """One row: a batch of one (the task of that name, for tasks already in flight)."""
    return send_batch(factory, settings, backend, [message_id], now=now, limiter=limiter,
                      final_attempt=final_attempt)[message_id]


def _send_chunk(
    factory: sessionmaker[Session],
    settings: Settings,
    backend: SmsBackend,
    ids: Sequence[int],
    clock: Clock,
    limiter: RateLimiter | None,
    pool: SenderPool,
    final_attempt: bool,
) -> dict[int, str]:
    grace = timedelta(minutes=settings.grace_minutes)
    outcomes: dict[int, str] = dict.fromkeys(ids, "not_claimed")
    claims = _claim(factory, ids, clock(), grace, pool, outcomes)
    done: list[_Outcome] = []
    last_write = time.monotonic()
    last_renew = last_write
    for index, claim in enumerate(claims):
        mid = claim.message.id
        rest = [c.message.id for c in claims[index + 1:]]
        if time.monotonic() - last_renew > CLAIM_LEASE.total_seconds() / 4:
            _renew(factory, claims[index:], clock())
            last_renew = time.monotonic()
        reason = _wait_and_check(factory, claim, clock, limiter, grace)
        if reason is not None:
            outcomes[mid] = reason
            continue
        outcome = _Outcome(claim)
        try:
            outcome.result = backend.send(_sms(settings, claim))
            outcome.accepted_at = clock()
        except SmsError as exc:
            outcome.error = exc
        done.append(outcome)
        if rest and time.monotonic() - last_write > RESULTS_EVERY:
            outcomes.update(_record(factory, done, clock(), final_attempt))
            done = []
            last_write = time.monotonic()
    if done:
        outcomes.update(_record(factory, done, clock(), final_attempt))
    return outcomes


def _claim(
    factory: sessionmaker[Session],
    ids: Sequence[int],
    now: datetime,
    grace: timedelta,
    pool: SenderPool,
    outcomes: dict[int, str],
) -> list[_Claim]:
    """One statement claims the batch; rows plainly ineligible now are skipped right away
    (they need no rate-limit token). The rest are checked again before their send."""
    with transaction(factory) as session:
        claimed = session.execute(
            update(Message)
            .where(Message.id.in_(ids), Message.status == "queued")
            .values(status="claimed", claimed_at=now, attempts=Message.attempts + 1,
                    updated_at=now)
            .returning(Message.id, Message.attempts)
        ).all()
        if not claimed:
            return []
        attempts = {int(row[0]): int(row[1]) for row in claimed}
        messages = list(session.scalars(
            select(Message).where(Message.id.in_(attempts)).order_by(Message.id)
        ))
        patient_ids = {m.patient_id for m in messages if m.patient_id is not None}
        people = {
            p.id: p for p in session.scalars(select(Patient).where(Patient.id.in_(patient_ids)))
        } if patient_ids else {}
        claims: list[_Claim] = []
        skipped: list[tuple[Message, str]] = []
        for message in messages:
            patient = people.get(message.patient_id) if message.patient_id else None
            reason = skip_reason(message, patient, now, grace=grace)
            if reason is None and not message.to_number:
                reason = "no_number"
            if reason:
                skipped.append((message, reason))
            else:
                sender = pool.for_number(message.to_number)
                claims.append(_Claim(message, attempts[message.id], sender))
        if skipped:
            session.execute(update(Message), [
                {"id": m.id, "status": "skipped", "skip_reason": r, "updated_at": now}
                for m, r in skipped
            ])
            _events(session, [(m.id, "skipped", r) for m, r in skipped], now)
            for m, _reason in skipped:
                outcomes[m.id] = "skipped"
        session.expunge_all()
    return claims


def _events(
    session: Session, rows: Sequence[tuple[int, str, str | None]], now: datetime
) -> None:
    session.execute(insert(MessageEvent), [
        {"message_id": mid, "status": status, "detail": detail, "at": now}
        for mid, status, detail in rows
    ])


def _renew(factory: sessionmaker[Session], claims: Sequence[_Claim], now: datetime) -> None:
    """Keeps the batch's claims alive while a slow sender drains it."""
    with transaction(factory) as session:
        session.execute(
            update(Message)
            .where(Message.id.in_([c.message.id for c in claims]), Message.status == "claimed")
            .values(claimed_at=now)
        )


def _wait_and_check(
    factory: sessionmaker[Session],
    claim: _Claim,
    clock: Clock,
    limiter: RateLimiter | None,
    grace: timedelta,
) -> str | None:
    """Takes the sender's rate-limit token, then (after the wait) the final check. Returns
    None when the row is ours and may go now (it is then `sending`), else its outcome."""
    slot = _token(limiter, claim.sender)
    outcome = _gate(factory, claim, clock(), grace)
    if outcome is None and limiter is not None and slot is not None:
        try:
            settle(limiter, claim.sender.key, slot)  # a late send moves later slots back
        except Exception as exc:
            log.warning("rate limiter unavailable (%s)", type(exc).__name__)
    return outcome


def _token(limiter: RateLimiter | None, sender: Sender) -> float | None:
    if limiter is None:
        return None
    try:
        return limiter.acquire(sender.key, sender.per_second)
    except Exception as exc:  # the limiter's Redis hiccuped: send rather than lose it
        log.warning("rate limiter unavailable (%s); sending unthrottled", type(exc).__name__)
        return None


def _gate(
    factory: sessionmaker[Session], claim: _Claim, now: datetime, grace: timedelta
) -> str | None:
    message = claim.message
    with transaction(factory) as session:
        patient: Patient | None = None
        if message.patient_id is not None:
            query = select(Patient).where(Patient.id == message.patient_id)
            if _for_update(session):
                query = query.with_for_update(of=Patient)
            patient = session.scalars(query).one_or_none()
        reason = skip_reason(message, patient, now, grace=grace)
        if reason is None and patient is not None and _cap_reached(session, message, patient):
            reason = "daily_cap"
        status = "skipped" if reason else "sending"
        moved = session.execute(
            update(Message)
            .where(Message.id == message.id, Message.status == "claimed",
                   Message.attempts == claim.attempt)
            .values(status=status, skip_reason=reason, updated_at=now)
        )
        if moved.rowcount != 1:  # type: ignore[attr-defined]
            return "not_claimed"  # the sweep took it back from us: someone else sends it
        _events(session, [(message.id, status, reason)], now)
    return "skipped" if reason else None


def _sms(settings: Settings, claim: _Claim) -> OutgoingSms:
    message = claim.message
    assert message.to_number
    # ?m= lets a callback that beats our own write of provider_sid still find the row.
    callback = (
        f"{settings.public_url}/twilio/status?m={message.id}" if settings.use_twilio else None
    )
    sender = claim.sender.key if claim.sender.key not in (OUTBOX, "twilio") else None
    return OutgoingSms(to=message.to_number, body=message.body, message_id=message.id,
                       status_callback=callback, sender=sender)


def _record(
    factory: sessionmaker[Session], done: Sequence[_Outcome], now: datetime, final: bool
) -> dict[int, str]:
    outcomes: dict[int, str] = {}
    with transaction(factory) as session:
        rows = {
            m.id: m for m in session.scalars(
                select(Message).where(Message.id.in_([o.claim.message.id for o in done]))
            )
        }
        events: list[tuple[int, str, str | None]] = []
        for item in done:
            message = rows[item.claim.message.id]
            if item.result is not None:
                message.provider_sid = item.result.provider_sid
                message.sent_at = item.accepted_at or now
                message.updated_at = now
                if message.status == "sending":  # a fast status callback may have moved it on
                    message.status = "delivered" if item.result.status == "delivered" else "sent"
                events.append((message.id, message.status, item.result.provider_sid))
                outcomes[message.id] = "sent"
                log.info("sent message %s (%s) to %s", message.id, message.kind,
                         mask_phone(message.to_number))
            else:
                assert item.error is not None
                outcomes[message.id] = _failure(session, message, item.error, now, final, events)
        _events(session, events, now)
    return outcomes


def _failure(
    session: Session, message: Message, exc: SmsError, now: datetime, final: bool,
    events: list[tuple[int, str, str | None]],
) -> str:
    message.error_code = str(exc.code) if exc.code is not None else None
    message.error_message = str(exc)[:255]
    message.updated_at = now
    if not exc.permanent and not final:
        message.status = "queued"
        # The task's own retry comes within RETRY_WINDOW; keep the stale-row sweep from
        # starting a second retry chain meanwhile.
        message.updated_at = now + RETRY_WINDOW
        events.append((message.id, "retry", message.error_code))
        log.warning("transient send error on message %s (code %s)", message.id, exc.code)
        return "retry"
    message.status = "failed"
    events.append((message.id, "failed", message.error_code))
    patient = session.get(Patient, message.patient_id) if message.patient_id else None
    if patient is not None and message.kind != "operator_alert":
        if exc.opted_out:
            patients.opt_out(session, patient, now=now)
        elif exc.invalid_number:
            patients.mark_invalid_number(session, patient, now=now)
    log.warning("send failed for message %s (code %s)", message.id, exc.code)
    return "failed"


def recover_stale(session: Session, now: datetime) -> list[int]:
    """The sweep's part of the send (run by every tick). Returns ids to enqueue again.

    - claimed, lease expired: the worker died before the provider request (it never moved
      the row to `sending`), so the row goes back to the queue and is sent once;
    - queued, never picked up (a lost task, the broker was down): listed again, at most once
      per STALE_QUEUED (the claim makes a duplicate task harmless);
    - sending for longer than STALE_SENDING: the provider may have it; recorded, not retried.
    """
    requeued = list(session.scalars(
        update(Message)
        .where(Message.status == "claimed", Message.claimed_at <= now - CLAIM_LEASE)
        .values(status="queued", updated_at=now)
        .returning(Message.id)
    ))
    if requeued:
        _events(session, [(mid, "queued", "claim expired; never sent") for mid in requeued], now)
        log.warning("re-queued %d messages whose worker died before sending", len(requeued))
    # Stamping updated_at bounds this to one extra task per row per STALE_QUEUED, even while
    # a long backlog drains under the rate limit.
    requeued += session.scalars(
        update(Message)
        .where(Message.status == "queued", Message.updated_at <= now - STALE_QUEUED)
        .values(updated_at=now)
        .returning(Message.id)
    ).all()
    session.execute(
        update(Message)
        .where(Message.status == "sending", Message.updated_at <= now - STALE_SENDING)
        .values(status="failed", updated_at=now,
                error_message="interrupted after the provider request started; not retried")
    )
    return sorted(set(requeued))
