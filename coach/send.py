"""The send: claim a batch of outbox rows in one statement, then text each at most once.

A row's life: queued -> claimed (a worker holds it; nothing has left) -> sending (the
provider request has started) -> sent | delivered | failed | skipped.

- The last eligibility check (consent, opt-out, pause, quiet hours, daily cap, lateness) runs
  after the rate-limit wait, immediately before the provider call, in a short transaction that
  locks the patient row (SELECT ... FOR UPDATE on PostgreSQL; on SQLite, BEGIN IMMEDIATE holds
  the write lock). A STOP is an UPDATE of that row, so it serialises with the check: a STOP
  committed before it means no text. The row's `sending` event is written in that same
  transaction, so the history says when the check committed (not when results were saved).
- The same transaction moves claimed -> sending only if the claim is still ours (status and
  attempt number). A claim that outlived its worker is re-queued by `recover_stale`; if that
  worker was merely slow, this step then fails for it. So a row goes back to the queue only
  when it provably never reached the provider, and reaches the provider once.
- A row left in `sending` (its worker died after the request started) is never retried: it
  becomes failed after STALE_SENDING. At most once.
- `sent_at` is when the provider accepted the message. Results are written in one
  transaction per batch (sooner if a slow sender makes the batch long).
- A fast sender's sends go in small groups: the group's rate-limit tokens in one round trip,
  its final checks in one statement (each row's own conditions; a row that fails is checked
  again alone), then its sends, each at its own token's instant. A group is as many sends as
  this worker makes within LATE_TOLERANCE (measured), so no check is more than a few
  milliseconds older than its send; at a real provider's 100+ ms a request, or a sender
  slower than that, a group is one send, as before. One row per patient in a group: the
  daily-cap count of one cannot see another checked in the same statement.

Network I/O never happens inside a database transaction.
"""

from __future__ import annotations

import functools
import json
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import (
    Connection,
    String,
    Table,
    bindparam,
    func,
    insert,
    literal,
    select,
    text,
    update,
)
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, aliased, sessionmaker

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
from coach.ratelimit import LATE_TOLERANCE, RateLimiter, settle
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


def _day_bounds(message: Message, patient: Patient) -> tuple[datetime, datetime]:
    zone = ZoneInfo(patient.tz)
    day = local_date(message.slot_at or message.created_at, zone)
    return (wall_to_utc(day, datetime.min.time(), zone),
            wall_to_utc(day + timedelta(days=1), datetime.min.time(), zone))


_OTHER = aliased(Message, name="other")


def _handed_out_today(message: Message, patient: Patient) -> Any:
    """The patient's other reminders handed to the provider on this local day (a count)."""
    start, end = _day_bounds(message, patient)
    other = _OTHER
    return (
        select(func.count(other.id))
        .where(
            other.patient_id == patient.id,
            other.id != message.id,
            other.direction == "out",
            other.kind.in_(REMINDER_KINDS),
            other.slot_at >= start,
            other.slot_at < end,
            other.status.in_(HANDED_OUT),
        )
        .scalar_subquery()
    )


def _capped(message: Message, patient: Patient | None) -> bool:
    return (patient is not None and message.kind in REMINDER_KINDS
            and patient.daily_cap is not None)


# What the final check reads of a patient: if none of it changed since the snapshot the
# check was computed from, the check still holds.
_CHECKED = ("status", "consent_at", "opted_out_at", "phone_invalid_at", "paused_until",
            "quiet_start", "quiet_end", "tz", "daily_cap")


@functools.cache
def _gate_statement(with_patient: bool, capped: bool, postgres: bool) -> Any:
    """claimed -> sending, if the claim is ours, the patient's checked fields are as the
    snapshot had them, and (capped reminders) the day's count has room. Built once: bound
    parameters carry the values. On PostgreSQL the same statement writes the `sending`
    event, so that event's commit is the final check's commit (see `_pass_gate`)."""
    lock = postgres
    where: list[Any] = [Message.id == bindparam("g_mid"), Message.status == "claimed",
                        Message.attempts == bindparam("g_attempt")]
    if with_patient:
        same = select(Patient.id).where(
            Patient.id == bindparam("g_pid"),
            *(getattr(Patient, name).is_not_distinct_from(
                bindparam(f"g_{name}", type_=getattr(Patient, name).type))
              for name in _CHECKED),
        )
        if lock:
            # Waits for a STOP (an UPDATE of this row) that has begun and not committed, then
            # sees it: the STOP and this check serialise.
            same = same.with_for_update(read=True)
        where.append(same.exists())
    if capped:
        other = _OTHER
        count = select(func.count(other.id)).where(
            other.patient_id == bindparam("g_pid"),
            other.id != bindparam("g_mid"),
            other.direction == "out",
            other.kind.in_(REMINDER_KINDS),
            other.slot_at >= bindparam("g_start", type_=Message.slot_at.type),
            other.slot_at < bindparam("g_end", type_=Message.slot_at.type),
            other.status.in_(HANDED_OUT),
        ).scalar_subquery()
        where.append(count < bindparam("g_cap"))
    gate = update(Message).where(*where).values(
        status="sending", updated_at=bindparam("g_now", type_=Message.updated_at.type))
    if not postgres:
        return gate
    passed = gate.returning(Message.id).cte("gate")
    return insert(MessageEvent).from_select(
        ["message_id", "status", "at"],
        select(passed.c.id, literal("sending", String),
               bindparam("g_now", type_=MessageEvent.at.type)),
    ).add_cte(passed).returning(MessageEvent.message_id)


_SENDING_EVENT = insert(MessageEvent).values(
    message_id=bindparam("g_mid"), status="sending",
    at=bindparam("g_now", type_=MessageEvent.at.type))


def _pass_gate(conn: Connection, statement: Any, params: dict[str, Any]) -> bool:
    """Runs the final check; if it passes, the row is `sending` and its `sending` event is
    written in the same transaction. That event's commit timestamp is then exactly when the
    check committed: what "no text after STOP" is measured against (coach.benches.faults),
    and a record that survives a worker dying during the provider call."""
    if conn.dialect.name == "postgresql":
        # RETURNING, not rowcount: SQLAlchemy reports no rowcount for INSERT ... SELECT.
        return len(conn.execute(statement, params).all()) == 1
    with conn.begin():
        if int(conn.execute(statement, params).rowcount) != 1:
            return False
        conn.execute(_SENDING_EVENT, {"g_mid": params["g_mid"], "g_now": params["g_now"]})
        return True


def _gate_params(claim: _Claim, patient: Patient | None, now: datetime) -> dict[str, Any]:
    params: dict[str, Any] = {"g_mid": claim.message.id, "g_attempt": claim.attempt,
                              "g_now": now}
    if patient is not None:
        params["g_pid"] = patient.id
        params.update({f"g_{name}": getattr(patient, name) for name in _CHECKED})
        if _capped(claim.message, patient):
            params["g_start"], params["g_end"] = _day_bounds(claim.message, patient)
            params["g_cap"] = patient.daily_cap
    return params


GROUP_MAX = 10  # sends in one group at most (a fast sender; see the module docstring)
# Seconds per provider request, per backend, as this process has measured them (an average
# over the last few dozen): how many sends fit in LATE_TOLERANCE.
_SEND_SECONDS: dict[str, float] = {}


def _group_size(backend: SmsBackend) -> int:
    seconds = _SEND_SECONDS.get(backend.name)
    if seconds is None:
        return 1  # not measured yet: one at a time, as a slow provider needs
    return max(1, min(GROUP_MAX, int(LATE_TOLERANCE / max(seconds, 1e-4))))


def _measured(backend: SmsBackend, seconds: float) -> None:
    before = _SEND_SECONDS.get(backend.name)
    _SEND_SECONDS[backend.name] = seconds if before is None else before * 0.9 + seconds * 0.1


def _sql_list(values: Sequence[str]) -> str:
    return ", ".join(f"'{v}'" for v in values)  # our own constant identifiers


# The final checks of a group on PostgreSQL, one statement: for each row, exactly what
# `_gate_statement` checks for it (the claim is ours, the patient's checked fields are as the
# snapshot had them, under a share lock a STOP must wait for, and a capped reminder's day has
# room), and the `sending` events of the rows that passed.
_GROUP_GATE = text(
    "WITH v AS (SELECT * FROM json_to_recordset(CAST(:rows AS json)) AS v(mid integer,"
    " attempt integer, pid integer, status text, consent_at timestamptz,"
    " opted_out_at timestamptz, phone_invalid_at timestamptz, paused_until timestamptz,"
    " quiet_start text, quiet_end text, tz text, daily_cap integer, day_start timestamptz,"
    " day_end timestamptz)),"
    " gate AS (UPDATE messages AS m SET status = 'sending', updated_at = :now FROM v"
    " WHERE m.id = v.mid AND m.status = 'claimed' AND m.attempts = v.attempt"
    " AND (v.pid IS NULL OR EXISTS (SELECT 1 FROM patients AS p WHERE p.id = v.pid"
    + "".join(f" AND p.{name} IS NOT DISTINCT FROM v.{name}" for name in _CHECKED)
    + " FOR SHARE))"
    " AND (v.day_start IS NULL OR (SELECT count(o.id) FROM messages AS o"
    " WHERE o.patient_id = v.pid AND o.id <> v.mid AND o.direction = 'out'"
    f" AND o.kind IN ({_sql_list(REMINDER_KINDS)})"
    " AND o.slot_at >= v.day_start AND o.slot_at < v.day_end"
    f" AND o.status IN ({_sql_list(HANDED_OUT)})) < v.daily_cap)"
    " RETURNING m.id)"
    " INSERT INTO message_events (message_id, status, at)"
    " SELECT id, 'sending', :now FROM gate RETURNING message_id"
)


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


def _gate_group(conn: Connection, claims: Sequence[_Claim], now: datetime,
                grace: timedelta) -> set[int]:
    """The final checks of a group's rows that look sendable now; returns the ids that
    passed (they are `sending`). The others are for `_gate`, one by one."""
    ready = [c for c in claims if skip_reason(c.message, c.patient, now, grace=grace) is None]
    if not ready:
        return set()
    if conn.dialect.name != "postgresql":
        # SQLite: no round trips to save; each check in its own BEGIN IMMEDIATE, as alone.
        return {c.message.id for c in ready if _pass_gate(
            conn, _gate_statement(c.patient is not None, _capped(c.message, c.patient), False),
            _gate_params(c, c.patient, now))}
    rows = []
    for claim in ready:
        patient = claim.patient
        row: dict[str, Any] = {"mid": claim.message.id, "attempt": claim.attempt,
                               "pid": patient.id if patient is not None else None}
        if patient is not None:
            row.update({name: _json_value(getattr(patient, name)) for name in _CHECKED})
            if _capped(claim.message, patient):
                start, end = _day_bounds(claim.message, patient)
                row.update(day_start=start.isoformat(), day_end=end.isoformat())
        rows.append(row)
    try:
        return set(conn.execute(_GROUP_GATE, {"rows": json.dumps(rows), "now": now}).scalars())
    except DBAPIError as exc:  # e.g. a deadlock with a STOP: each row is checked alone then
        log.warning("group final check failed (%s); checking one by one", type(exc).__name__)
        return set()


@dataclass
class _Claim:
    message: Message  # detached copy as claimed (kind, body, number, slot do not change)
    attempt: int
    sender: Sender
    patient: Patient | None  # detached snapshot; the final check proves it still holds


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
    if not claims:
        return outcomes
    if getattr(backend, "in_database", False):
        outcomes.update(_send_in_database(factory, settings, backend, claims, clock, limiter,
                                          grace))
        return outcomes
    done: list[_Outcome] = []
    events: list[tuple[int, str, str | None, datetime]] = []
    last_write = last_renew = time.monotonic()
    engine = factory.kw["bind"]
    with engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            # Each final check is one statement, its own transaction: one round trip.
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        index = 0
        while index < len(claims):
            if time.monotonic() - last_renew > CLAIM_LEASE.total_seconds() / 4:
                _renew(factory, claims[index:], clock())
                last_renew = time.monotonic()
            group = _next_group(claims, index, _group_size(backend))
            slots = _tokens(limiter, group[0].sender, len(group))
            group = group[:len(slots)]
            index += len(group)
            passed = _gate_group(conn, group, clock(), grace) if len(group) > 1 else set()
            shift = 0.0  # how far this group's later slots moved back (a late send)
            for place, (claim, slot) in enumerate(zip(group, slots, strict=True)):
                if claim.message.id in passed:
                    reason = None
                else:
                    reason = _gate(conn, factory, claim, clock(), grace, events)
                if reason is not None:
                    outcomes[claim.message.id] = reason
                    continue
                if slot is not None:
                    shift += _at_slot(limiter, claim.sender, slot + shift, place > 0)
                outcome = _Outcome(claim)
                started = time.monotonic()
                try:
                    outcome.result = backend.send(_sms(settings, claim))
                    outcome.accepted_at = clock()
                except SmsError as exc:
                    outcome.error = exc
                _measured(backend, time.monotonic() - started)
                done.append(outcome)
            if index < len(claims) and time.monotonic() - last_write > RESULTS_EVERY:
                outcomes.update(_record(factory, done, events, clock(), final_attempt))
                done, events = [], []
                last_write = time.monotonic()
    if done or events:
        outcomes.update(_record(factory, done, events, clock(), final_attempt))
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
                claims.append(_Claim(message, attempts[message.id], sender, patient))
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


def _next_group(claims: Sequence[_Claim], start: int, size: int) -> list[_Claim]:
    """Up to `size` claims from `start`: one sender, one row per patient."""
    group = [claims[start]]
    patients_in = {claims[start].message.patient_id}
    for claim in claims[start + 1:start + size]:
        if claim.sender.key != group[0].sender.key or claim.message.patient_id in patients_in:
            break
        group.append(claim)
        patients_in.add(claim.message.patient_id)
    return group


def _tokens(limiter: RateLimiter | None, sender: Sender, count: int) -> list[float | None]:
    """The sender's next rate-limit tokens (waiting for the first): up to `count`, as many as
    start within LATE_TOLERANCE; one for a limiter that takes one at a time."""
    if limiter is None:
        return [None] * count
    try:
        many = getattr(limiter, "acquire_many", None)
        if count == 1 or many is None:
            return [limiter.acquire(sender.key, sender.per_second)]
        slots: list[float | None] = list(many(sender.key, count, sender.per_second,
                                              LATE_TOLERANCE))
        return slots
    except Exception as exc:  # the limiter's Redis hiccuped: send rather than lose it
        log.warning("rate limiter unavailable (%s); sending unthrottled", type(exc).__name__)
        return [None] * count


def _at_slot(limiter: RateLimiter | None, sender: Sender, slot: float, wait: bool) -> float:
    """Waits for the token's instant (`wait`: a group's later tokens; the first one's wait
    was the limiter's), then, right before the send, `settle`: a send later than
    LATE_TOLERANCE moves the sender's later slots back. Returns by how much."""
    delay = slot - time.monotonic()
    if wait and delay > 0:
        time.sleep(delay)
    if limiter is None:
        return 0.0
    try:
        late = settle(limiter, sender.key, slot)
    except Exception as exc:
        log.warning("rate limiter unavailable (%s)", type(exc).__name__)
        return 0.0
    return late if late > LATE_TOLERANCE else 0.0


def _run(conn: Connection, statement: Any, params: dict[str, Any] | None = None) -> int:
    if conn.dialect.name == "postgresql":
        return int(conn.execute(statement, params).rowcount)
    with conn.begin():  # SQLite: BEGIN IMMEDIATE, the write lock a STOP also needs
        return int(conn.execute(statement, params).rowcount)


def _gate(
    conn: Connection,
    factory: sessionmaker[Session],
    claim: _Claim,
    now: datetime,
    grace: timedelta,
    events: list[tuple[int, str, str | None, datetime]],
) -> str | None:
    """The final check, as one conditional UPDATE: claimed -> sending only if the claim is
    still ours, the patient is as the check saw them (a STOP, pause or edit since then
    fails it) and the daily cap still has room. If it fails, read again and decide."""
    message = claim.message
    ours = (Message.id == message.id, Message.status == "claimed",
            Message.attempts == claim.attempt)
    patient = claim.patient
    postgres = conn.dialect.name == "postgresql"
    for _ in range(3):
        reason = skip_reason(message, patient, now, grace=grace)
        if reason is None:
            statement = _gate_statement(patient is not None, _capped(message, patient),
                                        postgres)
            if _pass_gate(conn, statement, _gate_params(claim, patient, now)):
                return None
        if reason is None:
            # Something changed under us: is the row still ours, and what holds now?
            with factory() as session:
                if session.scalar(select(func.count()).where(*ours)) != 1:
                    return "not_claimed"  # the sweep took it back: someone else sends it
                patient = (session.get(Patient, message.patient_id)
                           if message.patient_id is not None else None)
                if patient is not None:
                    session.expunge(patient)
                    if _capped(message, patient) and int(session.scalar(
                        select(_handed_out_today(message, patient))
                    ) or 0) >= (patient.daily_cap or 0):
                        reason = "daily_cap"
            if reason is None:
                continue
        if _run(conn, update(Message).where(*ours)
                .values(status="skipped", skip_reason=reason, updated_at=now)) != 1:
            return "not_claimed"
        events.append((message.id, "skipped", reason, now))
        return "skipped"
    return "retry" if _give_back(conn, ours, now) else "not_claimed"


def _give_back(conn: Connection, ours: tuple[Any, ...], now: datetime) -> bool:
    """A patient row that kept changing under three checks: the row goes back to the queue
    (it never reached the provider) for the sweep to enqueue again."""
    return _run(conn, update(Message).where(*ours).values(status="queued", updated_at=now)) == 1


def _send_in_database(
    factory: sessionmaker[Session],
    settings: Settings,
    backend: SmsBackend,
    claims: Sequence[_Claim],
    clock: Clock,
    limiter: RateLimiter | None,
    grace: timedelta,
) -> dict[int, str]:
    """A backend whose send is a database write (the outbox: the row is what the phone
    simulator shows): the final check and the send are one transaction for the whole batch,
    holding the patients' rows (FOR SHARE on PostgreSQL, SQLite's write lock) so that no STOP
    commits between them. The batch's rate-limit tokens are taken before it (several a round
    trip for a fast sender), and it waits for the last one's instant."""
    last_renew = time.monotonic()
    index = 0
    last_slot: float | None = None
    while index < len(claims):
        if time.monotonic() - last_renew > CLAIM_LEASE.total_seconds() / 4:
            _renew(factory, claims[index:], clock())
            last_renew = time.monotonic()
        sender = claims[index].sender
        run = 1
        while index + run < len(claims) and claims[index + run].sender.key == sender.key:
            run += 1
        slots = _tokens(limiter, sender, run)
        index += len(slots)
        last_slot = slots[-1] if slots[-1] is not None else last_slot
    wait = last_slot - time.monotonic() if last_slot is not None else 0.0
    if 0 < wait <= LATE_TOLERANCE:  # a group's last token, a few milliseconds on
        time.sleep(wait)
    now = clock()
    outcomes: dict[int, str] = {}
    with transaction(factory) as session:
        postgres = session.get_bind().dialect.name == "postgresql"
        query = select(Message.id, Message.attempts).where(
            Message.id.in_([c.message.id for c in claims]), Message.status == "claimed")
        if postgres:
            query = query.with_for_update()  # the sweep cannot take them back meanwhile
        still = {int(mid): int(attempt) for mid, attempt in session.execute(query).all()}
        ours = [c for c in claims if still.get(c.message.id) == c.attempt]
        pids = {c.message.patient_id for c in ours if c.message.patient_id is not None}
        people_query = select(Patient).where(Patient.id.in_(pids))
        if postgres:
            people_query = people_query.with_for_update(read=True)
        people = {p.id: p for p in session.scalars(people_query)} if pids else {}
        handed = _handed_out_by_day(session, [c for c in ours if _capped(
            c.message, people.get(c.message.patient_id or 0))], people)
        rows: list[dict[str, Any]] = []
        events: list[dict[str, Any]] = []
        for claim in ours:
            message = claim.message
            patient = people.get(message.patient_id) if message.patient_id else None
            reason = skip_reason(message, patient, now, grace=grace)
            day_key: tuple[int, datetime] | None = None
            if reason is None and patient is not None and _capped(message, patient):
                day_key = (patient.id, _day_bounds(message, patient)[0])
                if handed.get(day_key, 0) >= (patient.daily_cap or 0):
                    reason = "daily_cap"
            if reason:
                rows.append({"mid": message.id, "status": "skipped", "skip_reason": reason,
                             "provider_sid": None, "sent_at": None})
                events.append({"message_id": message.id, "status": "skipped",
                               "detail": reason, "at": now})
                outcomes[message.id] = "skipped"
                continue
            result = backend.send(_sms(settings, claim))
            if day_key is not None:
                handed[day_key] = handed.get(day_key, 0) + 1
            status = "delivered" if result.status == "delivered" else "sent"
            rows.append({"mid": message.id, "status": status, "skip_reason": None,
                         "provider_sid": result.provider_sid, "sent_at": now})
            events += [{"message_id": message.id, "status": "sending", "detail": None, "at": now},
                       {"message_id": message.id, "status": status,
                        "detail": result.provider_sid, "at": now}]
            outcomes[message.id] = "sent"
        if rows:
            table = Message.__table__
            assert isinstance(table, Table)
            session.connection().execute(
                update(table)
                .where(table.c.id == bindparam("mid"))
                .values(status=bindparam("status"), skip_reason=bindparam("skip_reason"),
                        provider_sid=bindparam("provider_sid"), sent_at=bindparam("sent_at"),
                        updated_at=now),
                rows,
            )
            session.execute(insert(MessageEvent), events)
    for claim in claims:
        outcomes.setdefault(claim.message.id, "not_claimed")
    log.info("%s: %d sent in one transaction", backend.name,
             sum(1 for o in outcomes.values() if o == "sent"))
    return outcomes


def _handed_out_by_day(
    session: Session, claims: Sequence[_Claim], people: dict[int, Patient]
) -> dict[tuple[int, datetime], int]:
    """Reminders already handed out per (patient, local day start), for a batch, in one
    query."""
    if not claims:
        return {}
    bounds = {}
    for claim in claims:
        patient = people[claim.message.patient_id or 0]
        bounds[claim.message.patient_id] = (patient, *_day_bounds(claim.message, patient))
    earliest = min(b[1] for b in bounds.values())
    latest = max(b[2] for b in bounds.values())
    counts: dict[tuple[int, datetime], int] = {}
    for pid, slot in session.execute(
        select(Message.patient_id, Message.slot_at).where(
            Message.patient_id.in_(list(bounds)),
            Message.direction == "out",
            Message.kind.in_(REMINDER_KINDS),
            Message.slot_at >= earliest,
            Message.slot_at < latest,
            Message.status.in_(HANDED_OUT),
        )
    ).all():
        patient, start, end = bounds[pid]
        if pid is not None and slot is not None and start <= slot < end:
            counts[(pid, start)] = counts.get((pid, start), 0) + 1
    return counts


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
    factory: sessionmaker[Session], done: Sequence[_Outcome],
    checked: Sequence[tuple[int, str, str | None, datetime]], now: datetime, final: bool
) -> dict[int, str]:
    outcomes: dict[int, str] = {}
    with transaction(factory) as session:
        if checked:
            session.execute(insert(MessageEvent), [
                {"message_id": mid, "status": status, "detail": detail, "at": at}
                for mid, status, detail, at in checked
            ])
        rows = {
            m.id: m for m in session.scalars(
                select(Message).where(Message.id.in_([o.claim.message.id for o in done]))
            )
        } if done else {}
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
        if events:
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
