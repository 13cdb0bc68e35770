"""The tick's hot path: due schedules to outbox rows, set-based.

Each batch of due schedules costs a handful of statements however many reminders it holds:
one claim (with its patients), one grouped count per zone for the daily caps, one multi-row
`INSERT … ON CONFLICT DO NOTHING RETURNING` for the outbox rows, one for their status events,
and one executemany for `next_due_at`. The slot arithmetic stays in the pure core
(coach.core.schedule); this module only feeds it rows and writes its answers.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Row, Table, bindparam, select, text, update
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session

from coach.core.schedule import (
    Rule,
    blocked_reason,
    local_date,
    next_occurrence,
    occurrences,
)
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


def slot_key(patient_id: int, kind: str, slot: datetime) -> str:
    return f"r:{patient_id}:{kind}:{slot.strftime('%Y%m%dT%H%M%SZ')}"


def variant_seed(patient_id: int, slot: datetime) -> int:
    digest = hashlib.blake2b(f"{patient_id}:{slot.isoformat()}".encode(), digest_size=4)
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


# PostgreSQL takes a batch as one JSON document expanded by json_to_recordset: one statement
# whatever the batch size, and encoding it is one C call (per-element array adaptation or a
# VALUES list of tens of thousands of parameters cost more than the insert itself).
_PG_INSERT = text(
    "INSERT INTO messages (patient_id, direction, kind, body, to_number, status, skip_reason,"
    " dedupe_key, slot_at, attempts, created_at, updated_at)"
    " SELECT p, 'out', k, b, t, st, sk, d, sl, 0, :now, :now"
    " FROM json_to_recordset(CAST(:rows AS json))"
    " AS v(p integer, k text, b text, t text, st text, sk text, d text, sl timestamptz)"
    " ON CONFLICT (dedupe_key) DO NOTHING RETURNING id, status, skip_reason"
)
_PG_EVENTS = text(
    "INSERT INTO message_events (message_id, status, detail, at)"
    " SELECT m, s, d, :now FROM json_to_recordset(CAST(:rows AS json))"
    " AS v(m integer, s text, d text)"
)
_PG_NEXT_DUE = text(
    "UPDATE schedules SET next_due_at = v.due"
    " FROM json_to_recordset(CAST(:rows AS json)) AS v(id integer, due timestamptz)"
    " WHERE schedules.id = v.id"
)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _pg_insert(session: Session, rows: list[dict[str, Any]], now: datetime) -> list[Row[Any]]:
    document = json.dumps([
        {"p": r["patient_id"], "k": r["kind"], "b": r["body"], "t": r["to_number"],
         "st": r["status"], "sk": r["skip_reason"], "d": r["dedupe_key"],
         "sl": _iso(r["slot_at"])}
        for r in rows
    ])
    return list(session.execute(_PG_INSERT, {"now": now, "rows": document}).all())


def _insert_ignoring_duplicates(
    session: Session, rows: list[dict[str, Any]], now: datetime, postgres: bool
) -> list[Row[Any]]:
    if not rows:
        return []
    if postgres:
        return _pg_insert(session, rows, now)
    statement = (
        sqlite.insert(_messages)
        .on_conflict_do_nothing(index_elements=["dedupe_key"])
        .returning(_messages.c.id, _messages.c.status, _messages.c.skip_reason)
    )
    returned: list[Row[Any]] = []
    # One statement per chunk: drivers cap the bound parameters of one statement.
    for start in range(0, len(rows), 1000):
        returned += session.execute(statement, rows[start : start + 1000]).all()
    return returned


def process_batch(
    session: Session, *, now: datetime, grace: timedelta, batch: int
) -> BatchResult:
    """Claim up to `batch` due schedules and write what they owe, in the caller's
    transaction."""
    result = BatchResult()
    postgres = session.get_bind().dialect.name == "postgresql"
    claimed = _claim(session, now, batch, postgres)
    result.claimed = len(claimed)
    if not claimed:
        return result

    plans: list[tuple[Row[Any], Rule, ZoneInfo, list[datetime], datetime | None]] = []
    next_due: list[dict[str, Any]] = []
    # Patients on the same rule, zone and due instant owe the same slots: work them out once.
    memo: dict[tuple[str, str, datetime], tuple[Rule, list[datetime], datetime | None]] = {}
    for row in claimed:
        if not can_receive_reminders(row, now):
            next_due.append({"sid": row.schedule_id, "due": None})
            continue
        zone = ZoneInfo(row.tz)
        due: datetime = row.next_due_at
        key = (row.rule, row.tz, due)
        if key not in memo:
            parsed = _parse_rule(row.rule)
            # Every slot from the one that fell due up to now gets a row: the latest inside
            # the grace period is sent, earlier ones are recorded as skipped (never late).
            found = list(occurrences(parsed, zone, due, now + timedelta(microseconds=1)))
            if due not in found:
                found.insert(0, due)  # the rule changed under it: still account for the slot
            memo[key] = (parsed, found, next_occurrence(parsed, zone, now))
        rule, slots, upcoming = memo[key]
        in_grace = [s for s in slots if s >= now - grace]
        send_slot = in_grace[-1] if in_grace else None
        skipped = [s for s in slots if s != send_slot]
        if len(skipped) > MAX_SLOTS_PER_SCHEDULE:
            # A long outage: record this many now; the schedule stays due from the first slot
            # not yet written, which the next batch of this same tick takes up.
            plans.append((row, rule, zone, skipped[:MAX_SLOTS_PER_SCHEDULE], None))
            result.more = True
            next_due.append({"sid": row.schedule_id, "due": skipped[MAX_SLOTS_PER_SCHEDULE]})
            continue
        plans.append((row, rule, zone, skipped, send_slot))
        next_due.append({"sid": row.schedule_id, "due": upcoming})

    counts = reminders_sent_by_day(
        session,
        ((row.patient_id, row.tz, local_date(send, zone))
         for row, _, zone, _, send in plans if send is not None),
    )
    rows: list[dict[str, Any]] = []
    # Patients with the same policy at the same slot and count get the same answer.
    decided: dict[tuple[Any, ...], str | None] = {}
    days: dict[tuple[str, datetime], date] = {}
    for row, _rule, zone, skipped, send_slot in plans:
        for slot in skipped:
            late = "superseded" if slot >= now - grace else "missed"
            rows.append(_row(row, slot, now, late))
        if send_slot is not None:
            day = days.get((row.tz, send_slot))
            if day is None:
                day = days[(row.tz, send_slot)] = local_date(send_slot, zone)
            sent_today = counts.get((row.patient_id, day), 0)
            case = (row.tz, row.quiet_start, row.quiet_end, row.daily_cap, row.status,
                    row.paused_until, send_slot, sent_today)
            if case not in decided:
                decided[case] = blocked_reason(policy_for(row), send_slot, sent_today)
            reason = decided[case]
            if reason is None:
                # Counted now, so a second schedule of the same patient in this batch sees it.
                counts[(row.patient_id, day)] = sent_today + 1
            rows.append(_row(row, send_slot, now, reason))
        result.schedules += 1

    inserted = _insert_ignoring_duplicates(session, rows, now, postgres)
    if inserted and postgres:
        session.execute(_PG_EVENTS, {"now": now, "rows": json.dumps(
            [{"m": m.id, "s": m.status, "d": m.skip_reason} for m in inserted]
        )})
    elif inserted:
        session.execute(
            _events.insert(),
            [{"message_id": m.id, "status": m.status, "detail": m.skip_reason, "at": now}
             for m in inserted],
        )
    for m in inserted:
        if m.status == "queued":
            result.to_send.append(m.id)
        else:
            result.skipped += 1
    if postgres:
        session.execute(_PG_NEXT_DUE, {"rows": json.dumps(
            [{"id": n["sid"], "due": _iso(n["due"])} for n in next_due]
        )})
        return result
    session.execute(
        update(_schedules)
        .where(_schedules.c.id == bindparam("sid"))
        .values(next_due_at=bindparam("due"))
        .execution_options(synchronize_session=False),
        next_due,
    )
    return result


def _row(row: Row[Any], slot: datetime, now: datetime, skip_reason: str | None) -> dict[str, Any]:
    return {
        "patient_id": row.patient_id,
        "direction": "out",
        "kind": row.kind,
        "body": render(f"reminder.{row.kind}", row.lang, seed=variant_seed(row.patient_id, slot)),
        "to_number": row.phone,
        "status": "skipped" if skip_reason else "queued",
        "skip_reason": skip_reason,
        "dedupe_key": slot_key(row.patient_id, row.kind, slot),
        "slot_at": slot,
        "attempts": 0,
        "created_at": now,
        "updated_at": now,
    }
