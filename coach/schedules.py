"""Schedules as rows: set, preview, and keep `next_due_at` right (the tick reads only that)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Integer, any_, bindparam, func, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from coach.core.localtime import iso_utc
from coach.core.schedule import (
    MAX_SPREAD,
    PreviewItem,
    Rule,
    ScheduleError,
    format_duration,
    local_date,
    make_rule,
    next_occurrence,
    parse_offset,
    preview,
    stable_offset,
    wall_to_utc,
)
from coach.core.types import PatientStatus, ReminderKind
from coach.db.models import Message, Patient, Schedule
from coach.errors import CoachError
from coach.patients import can_receive_reminders, policy_for

REMINDER_KINDS = tuple(k.value for k in ReminderKind)
# Statuses that did not use up a place under the daily cap.
_NOT_COUNTED = ("skipped", "failed", "undelivered")


def rule_of(schedule: Schedule) -> Rule:
    return Rule.from_dict(json.loads(schedule.rule))


def refresh_next_due(patient: Patient, schedule: Schedule, now: datetime) -> None:
    """NULL while the patient cannot get reminders; else the next slot after now (or pause end)."""
    if not schedule.active or patient.phone_invalid_at is not None:
        schedule.next_due_at = None
        return
    after = now
    if patient.status == PatientStatus.PAUSED:
        if patient.paused_until is None:
            schedule.next_due_at = None
            return
        after = max(now, patient.paused_until)
    elif patient.status != PatientStatus.ACTIVE:
        schedule.next_due_at = None
        return
    schedule.next_due_at = next_occurrence(rule_of(schedule), ZoneInfo(patient.tz), after)


def set_schedule(
    session: Session,
    patient: Patient,
    kind: str,
    *,
    now: datetime,
    every: str | None = None,
    between: str | None = None,
    at: str | None = None,
    days: str | None = None,
    offset: str | None = None,
    stagger: bool = False,
    spread: str | None = None,
) -> Schedule:
    """Create or replace the patient's schedule for `kind`.

    Staggering: `offset` moves every slot that much later; `stagger` (interval rules) picks
    the patient's own stable offset inside the interval; `spread` (fixed times) picks one
    inside that window. Many patients on one rule then spread evenly instead of all firing on
    the same minute."""
    try:
        if sum(x is not None and x is not False for x in (offset, stagger or None, spread)) > 1:
            raise ScheduleError("give one of --offset, --stagger or --spread")
        if stagger and every is None:
            raise ScheduleError("--stagger goes with --every (use --spread with --at)")
        if spread is not None and at is None:
            raise ScheduleError("--spread goes with --at (use --stagger with --every)")
        rule = make_rule(kind, every=every, between=between, at=at, days=days, offset=offset)
        span = rule.every if stagger else parse_offset(spread) if spread is not None else None
        if span is not None:
            if spread is not None and span > MAX_SPREAD:
                raise ScheduleError(f"--spread is at most {format_duration(MAX_SPREAD)}")
            rule = replace(rule, offset=stable_offset(patient.id, rule.kind.value, span))
    except ScheduleError as exc:
        raise CoachError(str(exc)) from None
    schedule = session.scalar(
        select(Schedule).where(Schedule.patient_id == patient.id, Schedule.kind == rule.kind)
    )
    if schedule is None:
        schedule = Schedule(patient_id=patient.id, kind=rule.kind.value, created_at=now)
        session.add(schedule)
    schedule.rule = json.dumps(rule.to_dict(), sort_keys=True)
    schedule.active = True
    schedule.updated_at = now
    schedule.patient = patient
    refresh_next_due(patient, schedule, now)
    session.flush()
    return schedule


def remove_schedule(session: Session, patient: Patient, kind: str) -> bool:
    schedule = session.scalar(
        select(Schedule).where(Schedule.patient_id == patient.id, Schedule.kind == kind)
    )
    if schedule is None:
        return False
    session.delete(schedule)
    return True


def schedules_of(session: Session, patient: Patient) -> list[Schedule]:
    return list(
        session.scalars(
            select(Schedule).where(Schedule.patient_id == patient.id).order_by(Schedule.id)
        )
    )


def schedule_json(schedule: Schedule) -> dict[str, Any]:
    return {
        "id": schedule.id,
        "patient_id": schedule.patient_id,
        "kind": schedule.kind,
        "rule": json.loads(schedule.rule),
        "active": schedule.active,
        "next_due_at": iso_utc(schedule.next_due_at),
    }


def reminders_sent_on(session: Session, patient: Patient, day: date) -> int:
    """Reminders already handed out (or about to be) on the patient's local `day`."""
    return reminders_sent_by_day(session, [(patient.id, patient.tz, day)]).get((patient.id, day), 0)


def reminders_sent_by_day(
    session: Session, wanted: Iterable[tuple[int, str, date]]
) -> dict[tuple[int, date], int]:
    """Reminders already handed out per (patient, local day): one grouped query per
    (zone, day) present in the batch, usually one or two."""
    by_day: dict[tuple[str, date], set[int]] = defaultdict(set)
    for patient_id, tz, day in wanted:
        by_day[(tz, day)].add(patient_id)
    counts: dict[tuple[int, date], int] = {}
    postgres = session.get_bind().dialect.name == "postgresql"
    for (tz, day), ids in by_day.items():
        zone = ZoneInfo(tz)
        start = wall_to_utc(day, time(), zone)
        end = wall_to_utc(day + timedelta(days=1), time(), zone)
        # On PostgreSQL the ids go as one array: an IN list of thousands of placeholders is
        # parsed again by the driver for every batch (too long for its statement cache).
        among = (Message.patient_id == any_(bindparam("ids", sorted(ids), type_=ARRAY(Integer)))
                 if postgres else Message.patient_id.in_(ids))
        for pid, count in session.execute(
            select(Message.patient_id, func.count(Message.id))
            .where(
                among,
                Message.direction == "out",
                Message.kind.in_(REMINDER_KINDS),
                Message.slot_at >= start,
                Message.slot_at < end,
                Message.status.not_in(_NOT_COUNTED),
            )
            .group_by(Message.patient_id)
        ):
            if pid is not None:
                counts[(pid, day)] = int(count)
    return counts


def preview_for(
    session: Session, patient: Patient, *, start: datetime, count: int
) -> list[PreviewItem]:
    """The next reminders after quiet hours, pauses and caps; for a pending patient, what
    would be sent once they opt in."""
    if count < 1 or count > 1000:
        raise CoachError("--count must be between 1 and 1000")
    if patient.status == PatientStatus.OPTED_OUT or patient.phone_invalid_at is not None:
        return []
    rules = [rule_of(s) for s in schedules_of(session, patient) if s.active]
    if not rules:
        return []
    policy = policy_for(patient, ignore_pause=patient.status == PatientStatus.PENDING)
    try:
        today = local_date(start, ZoneInfo(patient.tz))
        sent = {today: reminders_sent_on(session, patient, today)}
        return preview(rules, policy, start, count, sent)
    except OverflowError:
        raise CoachError("the start time is out of range (years 1 to 9999 only)") from None


__all__ = [
    "REMINDER_KINDS",
    "can_receive_reminders",
    "preview_for",
    "refresh_next_due",
    "rule_of",
    "schedule_json",
    "set_schedule",
]
