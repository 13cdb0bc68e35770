"""The set-based tick (coach/tick.py) on SQLite and PostgreSQL: one row per slot however long
beat was away, caps across a patient's schedules in one batch, and a handful of statements per
batch whatever its size."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import event, func, select

from coach import dispatch, patients, schedules, tick
from coach.db.engine import transaction
from coach.db.models import Message, MessageEvent, Schedule
from tests.fixtures_db import ALICE, CARLOS, T0


def _enrol(factory, settings, phone=ALICE, tz="America/New_York", *, kinds=("screen_break",),
           every="1m", cap=None):
    with transaction(factory) as s:
        p, invite = patients.enroll(s, settings, phone=phone, tz=tz, now=T0, daily_cap=cap)
        invite.status = "sent"
        patients.opt_in(s, p, now=T0, method="sms_yes")
        for kind in kinds:
            schedules.set_schedule(s, p, kind, now=T0, every=every)
        return p.id


def _slots(factory, kind="screen_break"):
    with factory() as s:
        return list(s.execute(
            select(Message.slot_at, Message.status, Message.skip_reason)
            .where(Message.kind == kind).order_by(Message.slot_at)
        ))


@pytest.mark.parametrize("away_minutes", [3, 9, 30, 180])
def test_every_slot_missed_while_beat_was_away_gets_one_row(any_factory, settings, away_minutes):
    _enrol(any_factory, settings)
    (first,) = dispatch.tick(any_factory, settings, now=T0 + timedelta(minutes=1)).to_send
    with transaction(any_factory) as s:
        s.get(Message, first).status = "sent"
    now = T0 + timedelta(minutes=1 + away_minutes)
    result = dispatch.tick(any_factory, settings, now=now)
    rows = _slots(any_factory)
    expected = [T0 + timedelta(minutes=m) for m in range(1, away_minutes + 2)]
    assert [r.slot_at for r in rows] == expected, "a slot has no row, or two"
    assert rows[-1].status == "queued" and len(result.to_send) == 1
    rows = rows[1:]  # the slot sent before beat went away
    grace = timedelta(minutes=settings.grace_minutes)
    for row in rows[:-1]:
        assert row.status == "skipped"
        assert row.skip_reason == ("superseded" if row.slot_at >= now - grace else "missed")
    with any_factory() as s:
        # Each row has its status event; the schedule waits for the next slot.
        assert s.scalar(select(func.count(MessageEvent.id)).join(
            Message, Message.id == MessageEvent.message_id).where(
            Message.kind == "screen_break")) == len(rows) + 1
        assert s.scalar(select(Schedule.next_due_at)) == now + timedelta(minutes=1)


def test_a_very_long_outage_is_written_in_bounded_batches_within_one_tick(
    any_factory, settings, monkeypatch
):
    monkeypatch.setattr(tick, "MAX_SLOTS_PER_SCHEDULE", 7)
    _enrol(any_factory, settings)
    now = T0 + timedelta(minutes=40)
    result = dispatch.tick(any_factory, settings, now=now)
    rows = _slots(any_factory)
    assert [r.slot_at for r in rows] == [T0 + timedelta(minutes=m) for m in range(1, 41)]
    assert [r.status for r in rows].count("queued") == 1 and len(result.to_send) == 1


def test_the_daily_cap_holds_across_a_patients_schedules_in_one_batch(any_factory, settings):
    _enrol(any_factory, settings, kinds=("screen_break", "eye_rest", "relaxation"), cap=2)
    result = dispatch.tick(any_factory, settings, now=T0 + timedelta(minutes=1))
    assert len(result.to_send) == 2
    with any_factory() as s:
        reasons = list(s.scalars(select(Message.skip_reason).where(Message.status == "skipped")))
    assert reasons == ["daily_cap"]


def test_a_second_tick_at_the_same_instant_writes_nothing(any_factory, settings):
    _enrol(any_factory, settings)
    _enrol(any_factory, settings, phone=CARLOS, tz="Europe/Madrid")
    now = T0 + timedelta(minutes=5)
    first = dispatch.tick(any_factory, settings, now=now)
    with transaction(any_factory) as s:
        # As if a second beat ran the same minute before the first one advanced next_due_at.
        for schedule in s.scalars(select(Schedule)):
            schedule.next_due_at = T0 + timedelta(minutes=1)
    again = dispatch.tick(any_factory, settings, now=now)
    assert len(first.to_send) == 2 and again.to_send == []
    with any_factory() as s:
        keys = list(s.scalars(select(Message.dedupe_key).where(Message.slot_at.is_not(None))))
    assert len(keys) == len(set(keys))


def test_statements_per_batch_do_not_grow_with_the_batch(factory, settings):
    engine = factory.kw["bind"]
    for i in range(40):
        _enrol(factory, settings, phone=f"+1202555{i:04d}")
    statements: list[str] = []

    def count(*_args: object) -> None:
        statements.append("x")

    event.listen(engine, "before_cursor_execute", count)
    try:
        result = dispatch.tick(factory, settings, now=T0 + timedelta(minutes=1))
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert len(result.to_send) == 40
    # resume sweep, claim, cap count, insert, events, next_due, housekeeping: not 6 × 40
    assert len(statements) < 25, len(statements)


def test_a_batch_writes_its_rows_events_and_next_due_in_few_statements(any_factory, settings):
    for i in range(30):
        _enrol(any_factory, settings, phone=f"+1202555{i:04d}", kinds=("screen_break", "eye_rest"),
               cap=1)
    engine = any_factory.kw["bind"]
    statements: list[str] = []

    def record(_conn, _cursor, statement, *_args) -> None:
        # Not counted: SQLite's BEGIN, and the temporary table PostgreSQL's rows are copied
        # into (created once per connection; COPY itself is no statement execution).
        if not statement.startswith(("BEGIN", "CREATE TEMPORARY")):
            statements.append(statement)

    now = T0 + timedelta(minutes=1)
    event.listen(engine, "before_cursor_execute", record)
    try:
        with transaction(any_factory) as s:
            done = tick.process_batch(s, now=now, grace=timedelta(minutes=10), batch=100)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    # PostgreSQL: claim, cap count, and one statement for rows, events and next_due_at.
    # SQLite: claim, cap count, rows, events, next_due_at.
    expected = 3 if engine.dialect.name == "postgresql" else 5
    assert len(statements) == expected, statements
    assert len(done.to_send) == 30 and done.skipped == 30  # the cap of one, per patient
    with any_factory() as s:
        reminders = select(Message.id).where(Message.slot_at.is_not(None))
        events = dict(s.execute(
            select(MessageEvent.message_id, MessageEvent.detail)
            .where(MessageEvent.message_id.in_(reminders))
        ).all())
        rows = s.execute(select(Message.id, Message.skip_reason).where(
            Message.id.in_(reminders))).all()
        due = set(s.scalars(select(Schedule.next_due_at)))
    assert {mid: reason for mid, reason in rows} == events  # one event per row, its reason
    assert due == {now + timedelta(minutes=1)}


def test_caps_hold_across_batches_and_each_slot_gets_one_row(any_factory, settings):
    # Batches of 4 split each patient's three schedules over two batches: on PostgreSQL the
    # second is claimed while the first is still being written, and must still see it.
    ids = [_enrol(any_factory, settings, phone=f"+1202555{i:04d}",
                  kinds=("screen_break", "eye_rest", "relaxation"), cap=2) for i in range(7)]
    now = T0 + timedelta(minutes=1)
    result = dispatch.tick(any_factory, settings, now=now, batch=4)
    assert result.schedules == 21 and len(result.to_send) == 14 and result.skipped == 7
    with any_factory() as s:
        per_patient = s.execute(
            select(Message.patient_id, Message.status, func.count())
            .where(Message.slot_at.is_not(None)).group_by(Message.patient_id, Message.status)
        ).all()
        due = set(s.scalars(select(Schedule.next_due_at)))
    assert sorted(per_patient) == sorted(
        [(pid, "queued", 2) for pid in ids] + [(pid, "skipped", 1) for pid in ids])
    assert due == {now + timedelta(minutes=1)}
    assert dispatch.tick(any_factory, settings, now=now, batch=4).to_send == []
