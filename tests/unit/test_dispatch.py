"""Tick and send against a real database (SQLite here; PostgreSQL in the integration run)
with the recording SMS fake behind our own backend interface."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from coach import dispatch, patients, schedules
from coach.db.engine import transaction
from coach.db.models import Message, Patient, Schedule
from coach.sms.base import SmsError
from coach.sms.fake import RecordingBackend
from tests.fixtures_db import ALICE, T0


def _enrol(factory, settings, *, active=True, quiet=None, cap=None, every="1m", between=None):
    with transaction(factory) as s:
        p, invite = patients.enroll(
            s, settings, phone=ALICE, tz="America/New_York", now=T0, quiet=quiet, daily_cap=cap
        )
        if active:
            invite.status = "sent"  # delivered before the patient said YES
            patients.opt_in(s, p, now=T0, method="sms_yes")
        schedules.set_schedule(s, p, "screen_break", now=T0, every=every, between=between)
        return p.id, invite.id


def _reminders(factory, status=None):
    with factory() as s:
        q = select(Message).where(Message.kind == "screen_break").order_by(Message.slot_at)
        if status:
            q = q.where(Message.status == status)
        return list(s.scalars(q))


def test_pending_patient_gets_only_the_invitation(factory, settings):
    _pid, invite = _enrol(factory, settings, active=False)
    fake = RecordingBackend()
    assert dispatch.send_message(factory, settings, fake, invite, now=T0) == "sent"
    result = dispatch.tick(factory, settings, now=T0 + timedelta(hours=3))
    assert result.to_send == []
    assert [m.body for m in fake.sent] and len(fake.sent) == 1
    with factory() as s:
        assert s.scalar(select(Schedule.next_due_at)) is None


def test_each_slot_is_queued_once_and_sent_once(any_factory, settings):
    factory = any_factory
    _enrol(factory, settings)
    now = T0 + timedelta(minutes=1)
    first = dispatch.tick(factory, settings, now=now)
    again = dispatch.tick(factory, settings, now=now)
    assert len(first.to_send) == 1 and again.to_send == []
    fake = RecordingBackend()
    (mid,) = first.to_send
    assert dispatch.send_message(factory, settings, fake, mid, now=now) == "sent"
    assert dispatch.send_message(factory, settings, fake, mid, now=now) == "not_claimed"
    assert len(fake.sent) == 1
    (row,) = _reminders(factory)
    assert row.status == "sent" and row.provider_sid and row.provider_sid.startswith("SM")
    assert row.slot_at == now


def test_missed_slots_are_skipped_not_sent_in_a_burst(factory, settings):
    _enrol(factory, settings, every="1m")
    late = T0 + timedelta(hours=2)  # the tick was down for two hours
    dispatch.tick(factory, settings, now=late)
    assert len(_reminders(factory, "queued")) == 1  # only the current slot
    statuses = [(m.status, m.skip_reason) for m in _reminders(factory)]
    assert ("skipped", "missed") in statuses
    with factory() as s:
        assert s.scalar(select(Schedule.next_due_at)) > late


def test_quiet_hours_win(factory, settings):
    _enrol(factory, settings, quiet="08:00-10:00", every="30m")
    result = dispatch.tick(factory, settings, now=T0 + timedelta(minutes=30))  # 09:30 local
    assert result.to_send == []
    assert [m.skip_reason for m in _reminders(factory)] == ["quiet_hours"]


def test_daily_cap_holds_in_local_day(factory, settings):
    _enrol(factory, settings, cap=2, every="1h")
    sent = []
    for hour in range(1, 6):
        sent += dispatch.tick(factory, settings, now=T0 + timedelta(hours=hour)).to_send
    assert len(set(sent)) == 2  # stale queued rows are listed again; same ids
    assert {m.skip_reason for m in _reminders(factory, "skipped")} == {"daily_cap"}


def test_stop_cancels_queued_reminders(factory, settings):
    pid, _ = _enrol(factory, settings)
    (mid,) = dispatch.tick(factory, settings, now=T0 + timedelta(minutes=1)).to_send
    with transaction(factory) as s:
        patients.opt_out(s, s.get_one(Patient, pid), now=T0 + timedelta(minutes=1))
    fake = RecordingBackend()
    assert dispatch.send_message(factory, settings, fake, mid, now=T0) == "not_claimed"
    assert dispatch.tick(factory, settings, now=T0 + timedelta(minutes=5)).to_send == []
    assert fake.sent == []


def test_transient_error_requeues_then_sends(factory, settings):
    _enrol(factory, settings)
    (mid,) = dispatch.tick(factory, settings, now=T0 + timedelta(minutes=1)).to_send
    fake = RecordingBackend()
    fake.fail_next(SmsError("too many requests", code=20429))
    outcome = dispatch.send_message(factory, settings, fake, mid, now=T0, final_attempt=False)
    assert outcome == "retry"
    assert _reminders(factory)[0].status == "queued"
    assert dispatch.send_message(factory, settings, fake, mid, now=T0) == "sent"
    assert len(fake.sent) == 1


def test_transient_error_on_last_attempt_fails(factory, settings):
    _enrol(factory, settings)
    (mid,) = dispatch.tick(factory, settings, now=T0 + timedelta(minutes=1)).to_send
    fake = RecordingBackend()
    fake.fail_next(SmsError("server error", code=None))
    assert dispatch.send_message(factory, settings, fake, mid, now=T0, final_attempt=True) == (
        "failed"
    )


def test_unsubscribed_error_opts_the_patient_out(factory, settings):
    pid, _ = _enrol(factory, settings)
    (mid,) = dispatch.tick(factory, settings, now=T0 + timedelta(minutes=1)).to_send
    fake = RecordingBackend()
    fake.fail_next(SmsError("unsubscribed", code=21610, permanent=True))
    assert dispatch.send_message(factory, settings, fake, mid, now=T0) == "failed"
    with factory() as s:
        assert s.get_one(Patient, pid).status == "opted_out"
        assert s.scalar(select(Schedule.next_due_at)) is None


def test_invalid_number_stops_reminders(factory, settings):
    _pid, _ = _enrol(factory, settings)
    (mid,) = dispatch.tick(factory, settings, now=T0 + timedelta(minutes=1)).to_send
    fake = RecordingBackend()
    fake.fail_next(SmsError("invalid To", code=21211, permanent=True))
    dispatch.send_message(factory, settings, fake, mid, now=T0)
    assert dispatch.tick(factory, settings, now=T0 + timedelta(minutes=2)).to_send == []


def test_a_worker_killed_mid_send_never_causes_a_second_text(factory, settings):
    _enrol(factory, settings)
    (mid,) = dispatch.tick(factory, settings, now=T0 + timedelta(minutes=1)).to_send
    with transaction(factory) as s:  # what a worker leaves behind when killed after its claim
        row = s.get_one(Message, mid)
        row.status, row.claimed_at = "sending", T0 + timedelta(minutes=1)
    fake = RecordingBackend()
    # The broker redelivers the task: the claim fails, nothing is sent.
    assert dispatch.send_message(factory, settings, fake, mid, now=T0) == "not_claimed"
    later = T0 + timedelta(minutes=30)
    result = dispatch.tick(factory, settings, now=later)
    assert mid not in result.to_send
    with factory() as s:
        assert s.get_one(Message, mid).status == "failed"
    assert fake.sent == []


def test_two_ticks_and_two_workers_at_once_send_each_slot_once(any_factory, settings):
    factory = any_factory
    for i in range(5):
        with transaction(factory) as s:
            p, invite = patients.enroll(
                s, settings, phone=f"+1202555{1000 + i}", tz="UTC", now=T0
            )
            invite.status = "sent"
            patients.opt_in(s, p, now=T0, method="sms_yes")
            schedules.set_schedule(s, p, "eye_rest", now=T0, every="1m")
    now = T0 + timedelta(minutes=1)
    ids: list[int] = []
    errors: list[BaseException] = []

    def run(fn):
        try:
            fn()
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    ticks = [
        threading.Thread(target=run, args=(lambda: ids.extend(
            dispatch.tick(factory, settings, now=now).to_send),))
        for _ in range(2)
    ]
    for t in ticks:
        t.start()
    for t in ticks:
        t.join()
    assert not errors
    assert len(ids) == 5 and len(set(ids)) == 5
    fake = RecordingBackend()
    workers = [
        threading.Thread(target=run, args=(lambda: [
            dispatch.send_message(factory, settings, fake, mid, now=now) for mid in ids],))
        for _ in range(2)
    ]
    for t in workers:
        t.start()
    for t in workers:
        t.join()
    assert not errors
    assert len(fake.sent) == 5
    assert len({sms.to for sms in fake.sent}) == 5
    with factory() as s:
        assert s.scalar(select(func.count(Message.id)).where(Message.kind == "eye_rest")) == 5


@pytest.mark.parametrize("kind", ["screen_break", "eye_rest", "relaxation", "check_in"])
def test_send_now_queues_one_reminder(factory, settings, kind):
    pid, _ = _enrol(factory, settings)
    with transaction(factory) as s:
        msg = dispatch.send_now(s, settings, s.get_one(Patient, pid), kind, now=T0)
        mid = msg.id
    fake = RecordingBackend()
    assert dispatch.send_message(factory, settings, fake, mid, now=T0) == "sent"
    assert fake.sent[0].body


def test_send_now_rejects_unknown_kind(factory, settings):
    from coach.errors import CoachError

    pid, _ = _enrol(factory, settings)
    with transaction(factory) as s, pytest.raises(CoachError, match="unknown reminder kind"):
        dispatch.send_now(s, settings, s.get_one(Patient, pid), "poetry", now=T0)


def test_a_queued_row_whose_task_was_lost_is_enqueued_again_once_per_period(factory, settings):
    _enrol(factory, settings)
    (mid,) = dispatch.tick(factory, settings, now=T0 + timedelta(minutes=1)).to_send
    # The broker lost the task: the row stays queued. Two minutes later it is listed again,
    # then not on every tick after that.
    at = T0 + timedelta(minutes=1, seconds=5)
    assert mid not in dispatch.tick(factory, settings, now=at).to_send
    at = T0 + timedelta(minutes=3, seconds=5)
    assert mid in dispatch.tick(factory, settings, now=at).to_send
    assert mid not in dispatch.tick(factory, settings, now=at + timedelta(seconds=30)).to_send
    assert mid in dispatch.tick(factory, settings, now=at + timedelta(minutes=2)).to_send


def test_a_reminder_delayed_past_the_grace_period_is_skipped_at_send_time(factory, settings):
    _enrol(factory, settings)
    (mid,) = dispatch.tick(factory, settings, now=T0 + timedelta(minutes=1)).to_send
    fake = RecordingBackend()
    late = T0 + timedelta(minutes=1 + settings.grace_minutes + 1)  # a backlog or lost task
    assert dispatch.send_message(factory, settings, fake, mid, now=late) == "skipped"
    assert fake.sent == []
    assert _reminders(factory)[0].skip_reason == "late"


def test_quiet_hours_are_checked_again_at_send_time(factory, settings):
    pid, _ = _enrol(factory, settings, every="1h")
    with transaction(factory) as s:  # an operator sets quiet hours after the row was queued
        mid = dispatch.send_now(s, settings, s.get_one(Patient, pid), "eye_rest", now=T0).id
        s.get_one(Patient, pid).quiet_start, s.get_one(Patient, pid).quiet_end = "08:00", "10:00"
    fake = RecordingBackend()
    assert dispatch.send_message(factory, settings, fake, mid, now=T0) == "skipped"
    assert fake.sent == []


def test_send_now_respects_the_daily_cap_and_a_double_click(factory, settings):
    from coach.errors import Conflict

    pid, _ = _enrol(factory, settings, cap=2)
    with transaction(factory) as s:
        dispatch.send_now(s, settings, s.get_one(Patient, pid), "eye_rest", now=T0)
    with pytest.raises(Conflict, match="this minute"), transaction(factory) as s:
        dispatch.send_now(s, settings, s.get_one(Patient, pid), "eye_rest", now=T0)
    with transaction(factory) as s:
        dispatch.send_now(s, settings, s.get_one(Patient, pid), "relaxation", now=T0)
    with pytest.raises(Conflict, match="daily cap of 2"), transaction(factory) as s:
        dispatch.send_now(
            s, settings, s.get_one(Patient, pid), "eye_rest", now=T0 + timedelta(minutes=5)
        )


def test_enrolled_at_night_invited_in_the_morning(factory, settings):
    night = T0 - timedelta(hours=11)  # 22:00 the evening before, New York
    with transaction(factory) as s:
        _, invite = patients.enroll(s, settings, phone=ALICE, tz="America/New_York",
                                    now=night, quiet="21:00-08:00")
        invite_id = invite.id
        assert invite.status == "scheduled"
    assert invite_id not in dispatch.tick(factory, settings, now=night + timedelta(hours=2)).to_send
    morning = T0 - timedelta(hours=1)  # 08:00 local
    assert invite_id in dispatch.tick(factory, settings, now=morning).to_send
