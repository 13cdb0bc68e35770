"""The tick's hot path: due schedules to outbox rows, set-based.

Each batch of due schedules costs a handful of statements however many reminders it holds:
one claim (with its patients), one grouped count per zone for the daily caps, and the writes:
on PostgreSQL one statement (a multi-row `INSERT … ON CONFLICT DO NOTHING RETURNING` for the
outbox rows, with their status events and the new `next_due_at` in the same statement); on
SQLite one insert per thousand rows, one for the events and one executemany for
`next_due_at`. The slot arithmetic stays in the pure core
(coach.core.schedule); this module only feeds it rows and writes its answers.
"""

from __future__ import annotations

import hashlib
import json
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Row, Table, bindparam, select, text, update
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session, sessionmaker

from coach.core.schedule import (
    Rule,
    blocked_reason,
    local_date,
    next_occurrence,
    occurrences,
)
from coach.db.engine import transaction
from coach.db.models import Message, MessageEvent, Patient, Schedule
from coach.patients import can_receive_reminders, policy_for
from coach.schedules import reminders_sent_by_day
from messages import render

# Bounds the rows one schedule writes per batch after a long outage; the rest of its missed
# slots are written by the next batch of the same tick (the schedule stays due).
MAX_SLOTS_PER_SCHEDULE = 2000

_messages: Table = Message.__table__  # type: ignore[assignment]
_events: Table = MessageEvent.__table__  # type: ignore[assignment]
_schedules: Table = Schedule.__table__  # type: ignore[assignment]


@dataclass
class BatchResult:
    to_send: list[int] = field(default_factory=list)
    skipped: int = 0
    schedules: int = 0
    claimed: int = 0
    more: bool = False  # a schedule is still due (a long outage's slots not all written)


_SLOT_FORMAT = "%Y%m%dT%H%M%SZ"


def slot_key(patient_id: int, kind: str, slot: datetime) -> str:
    return f"r:{patient_id}:{kind}:{slot.strftime(_SLOT_FORMAT)}"


def variant_seed(patient_id: int, slot: datetime) -> int:
    return _variant_seed(patient_id, slot.isoformat())


def _variant_seed(patient_id: int, slot_iso: str) -> int:
    digest = hashlib.blake2b(f"{patient_id}:{slot_iso}".encode(), digest_size=4)
    return int.from_bytes(digest.digest(), "big")


@lru_cache(maxsize=4096)
def _parse_rule(text: str) -> Rule:
    return Rule.from_dict(json.loads(text))


def _claim(session: Session, now: datetime, batch: int, postgres: bool) -> list[Row[Any]]:
    query = (
        select(
            Schedule.id.label("schedule_id"),
            Schedule.kind,
            Schedule.rule,
            Schedule.next_due_at,
            Patient.id.label("patient_id"),
            Patient.phone,
            Patient.tz,
            Patient.lang,
            Patient.status,
            Patient.paused_until,
            Patient.consent_at,
            Patient.phone_invalid_at,
            Patient.quiet_start,
            Patient.quiet_end,
            Patient.daily_cap,
        )
        .join(Patient, Patient.id == Schedule.patient_id)
        .where(Schedule.next_due_at <= now)
        .order_by(Schedule.next_due_at)
        .limit(batch)
    )
    if postgres:
        # Two ticks at once take disjoint rows; SQLite serialises with BEGIN IMMEDIATE.
        query = query.with_for_update(skip_locked=True, of=Schedule)
    rows: list[Row[Any]] = list(session.execute(query).tuples().all())  # type: ignore[arg-type]
    return rows


# PostgreSQL takes a batch's outbox rows by COPY into a temporary table of this connection
# (emptied at each commit): the cheapest way in for both sides, about a third of the client
# CPU of one JSON document and a tenth of the server's (json_to_recordset parses every
# object; arrays through unnest cost the client a Python call per element). The rows, their
# status events and the schedules' next_due_at are then written by one statement
# (data-modifying CTEs each run exactly once), the events built by PostgreSQL from RETURNING.
_PG_ROWS = "coach_tick_rows"
_PG_ROWS_TABLE = text(
    f"CREATE TEMPORARY TABLE IF NOT EXISTS {_PG_ROWS} (p integer, k text, b text, t text,"
    " st text, sk text, d text, sl timestamptz) ON COMMIT DELETE ROWS"
)
_PG_WRITE = text(
    "WITH ins AS ("
    " INSERT INTO messages (patient_id, direction, kind, body, to_number, status, skip_reason,"
    " dedupe_key, slot_at, attempts, created_at, updated_at)"
    f" SELECT p, 'out', k, b, t, st, sk, d, sl, 0, :now, :now FROM {_PG_ROWS}"
    " ON CONFLICT (dedupe_key) DO NOTHING RETURNING id, status, skip_reason),"
    " ev AS (INSERT INTO message_events (message_id, status, detail, at)"
    " SELECT id, status, skip_reason, :now FROM ins),"
    " due AS (UPDATE schedules SET next_due_at = n.due"
    " FROM json_to_recordset(CAST(:next AS json)) AS n(id integer, due timestamptz)"
    " WHERE schedules.id = n.id)"
    " SELECT id, status FROM ins"
)


def _pg_write(
    session: Session, rows: list[_OutRow], next_due: list[tuple[int, _Slot | None]],
    now: datetime,
) -> list[Row[Any]]:
    connection = session.connection()
    if _PG_ROWS not in connection.info:  # once per database connection
        connection.execute(_PG_ROWS_TABLE)
        connection.info[_PG_ROWS] = True
    if rows:
        raw: Any = connection.connection.dbapi_connection
        with raw.cursor() as cursor, cursor.copy(f"COPY {_PG_ROWS} FROM STDIN") as copy:
            for r in rows:
                copy.write_row((*r[:7], r[7].iso))
    later = json.dumps([{"id": sid, "due": due.iso if due else None} for sid, due in next_due])
    return list(connection.execute(_PG_WRITE, {"now": now, "next": later}).all())


def _sqlite_write(
    session: Session, rows: list[_OutRow], next_due: list[tuple[int, _Slot | None]],
    now: datetime,
) -> list[Row[Any]]:
    inserted: list[Row[Any]] = []
    if rows:
        statement = (
            sqlite.insert(_messages)
            .on_conflict_do_nothing(index_elements=["dedupe_key"])
            .returning(_messages.c.id, _messages.c.status, _messages.c.skip_reason)
        )
        values = [
            {"patient_id": r[0], "direction": "out", "kind": r[1], "body": r[2],
             "to_number": r[3], "status": r[4], "skip_reason": r[5], "dedupe_key": r[6],
             "slot_at": r[7].at, "attempts": 0, "created_at": now, "updated_at": now}
            for r in rows
        ]
        # One statement per chunk: drivers cap the bound parameters of one statement.
        for start in range(0, len(values), 1000):
            inserted += session.execute(statement, values[start : start + 1000]).all()
    if inserted:
        session.execute(
            _events.insert(),
            [{"message_id": m.id, "status": m.status, "detail": m.skip_reason, "at": now}
             for m in inserted],
        )
    if next_due:
        session.execute(
            update(_schedules)
            .where(_schedules.c.id == bindparam("sid"))
            .values(next_due_at=bindparam("due"))
            .execution_options(synchronize_session=False),
            [{"sid": sid, "due": due.at if due else None} for sid, due in next_due],
        )
    return inserted


class _Slot:
    """A slot instant and its texts, worked out once for every patient who owes it."""

    __slots__ = ("at", "iso", "key")

    def __init__(self, at: datetime) -> None:
        self.at = at
        self.iso = at.isoformat()  # variant_seed's input and the JSON document's value
        self.key = at.strftime(_SLOT_FORMAT)  # slot_key's suffix


# patient_id, kind, body, to_number, status, skip_reason, dedupe_key, slot
_OutRow = tuple[int, str, str, str, str, str | None, str, _Slot]


@dataclass
class _Plan:
    """What a (rule, zone, due instant) owes at `now`: the same for every patient on it."""

    skipped: list[tuple[_Slot, str]]  # slots recorded as not sent, with why
    send: _Slot | None  # the slot sent now (the latest inside the grace period)
    upcoming: _Slot | None  # next_due_at afterwards
    more: bool = False  # a long outage: the schedule stays due from `upcoming`


def _plan(rule_text: str, zone: ZoneInfo, due: datetime, now: datetime, grace: timedelta,
          slots: dict[datetime, _Slot]) -> _Plan:
    def slot(at: datetime) -> _Slot:
        found = slots.get(at)
        if found is None:
            found = slots[at] = _Slot(at)
        return found

    parsed = _parse_rule(rule_text)
    # Every slot from the one that fell due up to now gets a row: the latest inside the grace
    # period is sent, earlier ones are recorded as skipped (never late).
    found = list(occurrences(parsed, zone, due, now + timedelta(microseconds=1)))
    if due not in found:
        found.insert(0, due)  # the rule changed under it: still account for the slot
    in_grace = [s for s in found if s >= now - grace]
    send = in_grace[-1] if in_grace else None
    skipped = [s for s in found if s != send]
    if len(skipped) > MAX_SLOTS_PER_SCHEDULE:
        # A long outage: record this many now; the schedule stays due from the first slot
        # not yet written, which the next batch of this same tick takes up.
        return _Plan(
            [(slot(s), "superseded" if s >= now - grace else "missed")
             for s in skipped[:MAX_SLOTS_PER_SCHEDULE]],
            None, slot(skipped[MAX_SLOTS_PER_SCHEDULE]), more=True,
        )
    upcoming = next_occurrence(parsed, zone, now)
    return _Plan(
        [(slot(s), "superseded" if s >= now - grace else "missed") for s in skipped],
        slot(send) if send is not None else None,
        slot(upcoming) if upcoming is not None else None,
    )


@dataclass
class _Prepared:
    """A claimed batch with everything worked out that does not depend on the daily caps:
    the rows of skipped slots, and each send slot's row but for its status."""

    postgres: bool
    claimed: int = 0
    more: bool = False
    rows: list[_OutRow] = field(default_factory=list)
    sends: list[tuple[Row[Any], ZoneInfo, _Slot, str]] = field(default_factory=list)  # + body
    next_due: list[tuple[int, _Slot | None]] = field(default_factory=list)
    schedules: int = 0


def prepare_batch(
    session: Session, *, now: datetime, grace: timedelta, batch: int
) -> _Prepared:
    """Claims up to `batch` due schedules (they stay locked until the session's transaction
    ends) and works out what they owe."""
    postgres = session.get_bind().dialect.name == "postgresql"
    prepared = _Prepared(postgres)
    claimed = _claim(session, now, batch, postgres)
    prepared.claimed = len(claimed)
    # Patients on the same rule, zone and due instant owe the same slots: work them out once.
    memo: dict[tuple[str, str, datetime], _Plan] = {}
    slots: dict[datetime, _Slot] = {}
    for row in claimed:
        if not can_receive_reminders(row, now):
            prepared.next_due.append((row.schedule_id, None))
            continue
        zone = ZoneInfo(row.tz)
        key = (row.rule, row.tz, row.next_due_at)
        plan = memo.get(key)
        if plan is None:
            plan = memo[key] = _plan(row.rule, zone, row.next_due_at, now, grace, slots)
        prepared.more = prepared.more or plan.more
        prepared.next_due.append((row.schedule_id, plan.upcoming))
        for slot, late in plan.skipped:
            prepared.rows.append(_row(row, slot, late))
        if plan.send is not None:
            prepared.sends.append((row, zone, plan.send, _body(row, plan.send)))
        prepared.schedules += 1
    return prepared


def finish_batch(session: Session, prepared: _Prepared, *, now: datetime) -> BatchResult:
    """Decides the send slots against the daily caps (counted now: every batch committed
    before this one is seen) and writes the batch, in the session that claimed it."""
    result = BatchResult(claimed=prepared.claimed, more=prepared.more,
                         schedules=prepared.schedules)
    if not prepared.claimed:
        return result
    days: dict[tuple[str, datetime], date] = {}

    def day_of(tz: str, zone: ZoneInfo, at: datetime) -> date:
        day = days.get((tz, at))
        if day is None:
            day = days[(tz, at)] = local_date(at, zone)
        return day

    counts = reminders_sent_by_day(
        session,
        ((row.patient_id, row.tz, day_of(row.tz, zone, send.at))
         for row, zone, send, _ in prepared.sends),
    )
    rows = prepared.rows
    # Patients with the same policy at the same slot and count get the same answer.
    decided: dict[tuple[Any, ...], str | None] = {}
    for row, zone, send, body in prepared.sends:
        day = day_of(row.tz, zone, send.at)
        sent_today = counts.get((row.patient_id, day), 0)
        case = (row.tz, row.quiet_start, row.quiet_end, row.daily_cap, row.status,
                row.paused_until, send.at, sent_today)
        if case in decided:
            reason = decided[case]
        else:
            reason = decided[case] = blocked_reason(policy_for(row), send.at, sent_today)
        if reason is None:
            # Counted now, so a second schedule of the same patient in this batch sees it.
            counts[(row.patient_id, day)] = sent_today + 1
        rows.append(_row(row, send, reason, body))

    write = _pg_write if prepared.postgres else _sqlite_write
    for m in write(session, rows, prepared.next_due, now):
        if m.status == "queued":
            result.to_send.append(m.id)
        else:
            result.skipped += 1
    return result


def process_batch(
    session: Session, *, now: datetime, grace: timedelta, batch: int
) -> BatchResult:
    """Claim up to `batch` due schedules and write what they owe, in the caller's
    transaction."""
    prepared = prepare_batch(session, now=now, grace=grace, batch=batch)
    return finish_batch(session, prepared, now=now)


def run_batches(
    factory: sessionmaker[Session], *, now: datetime, grace: timedelta, batch: int
) -> BatchResult:
    """Every due schedule, batch after batch, each in its own transaction.

    On PostgreSQL two batches overlap: while one batch's writes run in the server (most of
    its time), the next is claimed (SKIP LOCKED passes over the rows still locked) and worked
    out in Python on a second connection. Its daily-cap counts are read only after the
    previous batch has committed, so the caps hold across batches as when they ran one after
    the other. SQLite has one writer: there batches run one after the other."""
    total = BatchResult()
    if factory.kw["bind"].dialect.name != "postgresql":
        while True:
            with transaction(factory) as session:
                done = process_batch(session, now=now, grace=grace, batch=batch)
            _add(total, done)
            if done.claimed < batch and not done.more:
                return total

    def claim() -> tuple[Session, _Prepared]:
        session = factory()
        try:
            session.begin()
            return session, prepare_batch(session, now=now, grace=grace, batch=batch)
        except BaseException:
            session.close()
            raise

    def finish(session: Session, prepared: _Prepared) -> BatchResult:
        try:
            done = finish_batch(session, prepared, now=now)
            session.commit()
            return done
        finally:
            session.close()

    # A batch that left a schedule due (a long outage: `more`) still held it locked while the
    # next batch claimed: the batch after that, claimed once it has committed, takes it up.
    left_due = False
    current: tuple[Session, _Prepared] | None = claim()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="tick-write") as writer:
        while current is not None:
            session, prepared = current
            going_on = prepared.claimed == batch or prepared.more or left_due
            writing = writer.submit(finish, session, prepared)
            following: tuple[Session, _Prepared] | None = None
            try:
                following = claim() if going_on else None
                done = writing.result()
            except BaseException:
                if following is not None:
                    following[0].close()
                raise
            _add(total, done)
            left_due = prepared.more
            current = following
    return total


def _add(total: BatchResult, done: BatchResult) -> None:
    total.to_send += done.to_send
    total.skipped += done.skipped
    total.schedules += done.schedules
    total.claimed += done.claimed


def _body(row: Row[Any], slot: _Slot) -> str:
    # variant_seed, from the slot's text worked out once.
    seed = _variant_seed(row.patient_id, slot.iso)
    return render(f"reminder.{row.kind}", row.lang, seed=seed)


def _row(row: Row[Any], slot: _Slot, skip_reason: str | None, body: str | None = None
         ) -> _OutRow:
    pid: int = row.patient_id
    kind: str = row.kind
    return (pid, kind, body if body is not None else _body(row, slot), row.phone,
            "skipped" if skip_reason else "queued", skip_reason, f"r:{pid}:{kind}:{slot.key}",
            slot)
