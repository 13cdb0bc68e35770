"""The fault-injection figures (coach.benches.faults.figures) find what they claim to: a slot
texted twice, a slot with no row, a text whose last check came after STOP, a row left queued.
(The suite in tests/integration/test_faults.py relies on them to say zero.)"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from coach.benches import faults
from coach.config import Settings
from coach.db.models import Message, MessageEvent, Patient

T0 = datetime(2027, 3, 10, 10, 0, 30, tzinfo=UTC)
MINUTE = timedelta(minutes=1)
SLOTS = [datetime(2027, 3, 10, 10, m, tzinfo=UTC) for m in (1, 2, 3)]


def _reminder(session: Session, patient: Patient, slot: datetime, status: str,
              checked: datetime | None = None, reason: str | None = None) -> Message:
    message = Message(
        patient_id=patient.id, direction="out", kind="screen_break", body="Look away",
        to_number=patient.phone, status=status, skip_reason=reason, slot_at=slot,
        dedupe_key=f"r:{patient.id}:{slot.isoformat()}", created_at=slot, updated_at=slot,
    )
    session.add(message)
    session.flush()
    if checked is not None:
        session.add(MessageEvent(message_id=message.id, status="sending", at=checked))
    return message


def _create(message: Message, at: datetime) -> faults.Create:
    return faults.Create(sid=faults.message_sid(), to=message.to_number or "", sender="+1",
                         body=message.body, message_id=message.id, at=at.timestamp())


def test_figures_count_each_kind_of_failure(
    factory: sessionmaker[Session], settings: Settings
) -> None:
    ids = faults.seed(factory, settings, 4)
    stop_at = SLOTS[1] + timedelta(seconds=30)
    creates: list[faults.Create] = []
    with factory.begin() as session:
        session.execute(update(Patient).values(consent_at=T0))
        # The invitations were handed out long ago; one is left queued (stuck).
        session.execute(update(Message).where(Message.kind == "invitation")
                        .values(status="skipped", skip_reason="not_pending", created_at=T0))
        stuck = session.scalars(select(Message).where(Message.kind == "invitation")).first()
        assert stuck is not None
        stuck.status = "queued"
        good, twice, stopper, late = (session.get(Patient, i) for i in ids)
        assert good and twice and stopper and late
        for slot in SLOTS:  # all three sent once
            m = _reminder(session, good, slot, "sent", checked=slot)
            creates.append(_create(m, slot + timedelta(seconds=1)))
        m = _reminder(session, twice, SLOTS[0], "sent", checked=SLOTS[0])
        creates += [_create(m, SLOTS[0]), _create(m, SLOTS[0] + MINUTE)]  # a duplicate
        _reminder(session, twice, SLOTS[1], "skipped", reason="missed")
        # SLOTS[2] of `twice` has no row at all: lost.
        for slot in SLOTS:
            _reminder(session, late, slot, "sent", checked=slot)  # "sent", never reached us
        late_rows = session.scalars(select(Message).where(
            Message.patient_id == late.id, Message.kind == "screen_break").order_by(Message.id)
        ).all()
        creates += [_create(m, m.slot_at or T0) for m in late_rows[:2]]  # SLOTS[2]: lost
        stopper.status = "opted_out"
        stopper.opted_out_at = stop_at
        session.add(Message(patient_id=stopper.id, direction="in", kind="reply", body="STOP",
                            status="received", created_at=stop_at, updated_at=stop_at))
        before = _reminder(session, stopper, SLOTS[0], "sent", checked=SLOTS[0])
        after = _reminder(session, stopper, SLOTS[1], "sent", checked=stop_at + MINUTE / 6)
        creates += [_create(before, SLOTS[0]), _create(after, stop_at + MINUTE / 6)]
    horizon = SLOTS[2] + timedelta(seconds=5)
    result = faults.figures(factory, creates, horizon=horizon, stops={stopper.id: stop_at},
                            now=horizon)
    assert result.duplicates == 1, result.summary()
    assert result.lost_slots == 2, result.summary()
    assert result.texts_after_stop == 1, result.summary()
    assert result.stuck_rows == 1, result.summary()
    assert result.slots == 3 + 3 + 3 + 2  # the stopped patient owes nothing after STOP
    assert result.skipped == {"missed": 1}
    assert result.failures == 5


def test_a_clean_run_is_all_zero(factory: sessionmaker[Session], settings: Settings) -> None:
    (pid,) = faults.seed(factory, settings, 1)
    creates = []
    with factory.begin() as session:
        session.execute(update(Patient).values(consent_at=T0))
        session.execute(update(Message).where(Message.kind == "invitation")
                        .values(status="skipped", skip_reason="not_pending"))
        patient = session.get(Patient, pid)
        assert patient is not None
        for slot in SLOTS:
            m = _reminder(session, patient, slot, "sent", checked=slot)
            creates.append(_create(m, slot))
    result = faults.figures(factory, creates, horizon=SLOTS[2] + timedelta(seconds=5),
                            now=SLOTS[2] + timedelta(seconds=5))
    assert result.failures == 0 and result.sent == result.slots == 3, result.summary()
