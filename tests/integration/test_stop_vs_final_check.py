"""A STOP against the send's final check, on real PostgreSQL, each interleaving forced with two
connections: the promise is "a STOP committed before the final check's commit means no text".

- The STOP's transaction has changed the patient and not committed when the check runs: the
  check waits on the patient row's lock (seen in pg_stat_activity) and then sees the STOP.
- The check committed first, then the STOP, while the provider request was being made: a
  legitimate text in flight. The fault figures (coach.benches.faults) must call it that, from
  commit timestamps: the `sending` event is written with the check, so its commit is the
  check's commit (it used to be written with the results, after the request, which made this
  case count as a text after STOP: the xfail of the fault suite's STOP scenario).
- A check that ignores the STOP (coach broken on purpose) is counted as a text after STOP.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import select, text, update
from sqlalchemy.orm import Session, sessionmaker

from coach import patients, send
from coach.benches import faults
from coach.config import Settings
from coach.db.engine import make_engine, make_session_factory, transaction
from coach.db.migrate import upgrade
from coach.db.models import Message, MessageEvent, Patient
from coach.inbound import InboundSms, handle_inbound
from coach.sms.base import OutgoingSms, SendResult
from coach.sms.fake import RecordingBackend

pytestmark = pytest.mark.integration


@pytest.fixture
def pg(pg_database: str) -> Iterator[sessionmaker[Session]]:
    upgrade(pg_database)
    engine = make_engine(pg_database)
    try:
        factory = make_session_factory(engine)
        with factory() as session:
            assert session.execute(text("SHOW track_commit_timestamp")).scalar() == "on"
        yield factory
    finally:
        engine.dispose()


def _one_reminder(factory: sessionmaker[Session], settings: Settings) -> tuple[int, int]:
    """An opted-in patient (UTC, no quiet hours) and one reminder queued for now."""
    (pid,) = faults.seed(factory, settings, 1)
    now = datetime.now(UTC)
    with transaction(factory) as session:
        session.execute(update(Message).where(Message.kind == "invitation")
                        .values(status="sent"))
        message = patients.queue_message(
            session, session.get_one(Patient, pid), kind="screen_break", body="Look away",
            now=now, dedupe_key=f"r:{pid}:test")
        message.slot_at = now.replace(microsecond=0)
        return pid, message.id


def _stop_sms() -> InboundSms:
    return InboundSms(sid=faults.message_sid(), from_number=faults.phone(0),
                      to_number=faults.FROM_NUMBER, body="STOP")


def _stop(factory: sessionmaker[Session], settings: Settings) -> None:
    """The patient texts STOP: the webhook's own transaction, committed on return."""
    with transaction(factory) as session:
        handle_inbound(session, settings, _stop_sms(), now=datetime.now(UTC))


class Limiter:
    """A rate limiter whose wait runs `hook` (what other processes do meanwhile)."""

    def __init__(self, hook: Callable[[], None]) -> None:
        self.hook = hook

    def acquire(self, sender: str, per_second: float | None = None) -> float:
        self.hook()
        return time.monotonic() + 1.0  # never late: not about timing

    def wait(self, sender: str) -> float:
        self.acquire(sender)
        return 0.0

    def push(self, sender: str, seconds: float) -> None:
        pass


class StandIn(RecordingBackend):
    """The provider, recording each request's arrival as the fault suite's stand-in does.
    `before` runs first: what happens while the request is on its way."""

    def __init__(self, before: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.before = before
        self.creates: list[faults.Create] = []

    def send(self, sms: OutgoingSms) -> SendResult:
        if self.before is not None:
            self.before()
        self.creates.append(faults.Create(
            sid=faults.message_sid(), to=sms.to, sender=faults.FROM_NUMBER, body=sms.body,
            message_id=sms.message_id, at=time.time()))
        return super().send(sms)


def _figures(factory: sessionmaker[Session], creates: list[faults.Create]) -> faults.Figures:
    now = datetime.now(UTC)
    return faults.figures(factory, creates, horizon=now, now=now)


def test_a_stop_not_yet_committed_makes_the_check_wait_and_see_it(
    pg: sessionmaker[Session], settings: Settings
) -> None:
    pid, mid = _one_reminder(pg, settings)
    changed, waited = threading.Event(), threading.Event()
    failures: list[BaseException] = []

    def check_is_waiting_on_a_lock() -> bool:
        with pg() as session:
            return bool(session.execute(text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND wait_event_type = 'Lock' AND query LIKE '%FOR SHARE%'")).scalar())

    def stop() -> None:
        try:
            with transaction(pg) as session:
                handle_inbound(session, settings, _stop_sms(), now=datetime.now(UTC))
                session.flush()  # the patient row is updated (and locked), not committed
                changed.set()
                faults.wait_for(check_is_waiting_on_a_lock, 10, "the check to wait", every=0.02)
                waited.set()
        except BaseException as exc:  # surfaced by the main thread
            failures.append(exc)
            changed.set()

    thread = threading.Thread(target=stop)

    def during_the_wait() -> None:
        thread.start()
        assert changed.wait(10)

    provider = StandIn()
    outcome = send.send_batch(pg, settings, provider, [mid], now=lambda: datetime.now(UTC),
                              limiter=Limiter(during_the_wait))
    thread.join(10)
    assert not failures, failures
    assert waited.is_set()  # the check really ran while the STOP held the row
    assert outcome == {mid: "skipped"} and provider.sent == []
    with pg() as session:
        row = session.get_one(Message, mid)
        assert (row.status, row.skip_reason) == ("skipped", "opted_out")
        assert session.get_one(Patient, pid).status == "opted_out"


def test_a_stop_committed_during_the_provider_request_is_in_flight_not_after(
    pg: sessionmaker[Session], settings: Settings
) -> None:
    _pid, mid = _one_reminder(pg, settings)
    provider = StandIn(before=lambda: _stop(pg, settings))  # check, STOP, then arrival
    outcome = send.send_batch(pg, settings, provider, [mid], now=lambda: datetime.now(UTC))
    assert outcome == {mid: "sent"}
    result = _figures(pg, provider.creates)
    assert result.texts_after_stop == 0, result.summary()
    assert result.in_flight_after_stop == 1, result.summary()
    (timeline,) = result.stop_timeline
    assert timeline.checked is not None
    assert timeline.checked < timeline.stop < timeline.arrived, timeline
    # The check's commit is the `sending` event's: it precedes the provider's answer and
    # the results' commit.
    with pg() as session:
        event, row_commit = session.execute(
            select(MessageEvent.id, text("pg_xact_commit_timestamp(messages.xmin)"))
            .join(Message, Message.id == MessageEvent.message_id)
            .where(MessageEvent.message_id == mid, MessageEvent.status == "sending")
        ).one()
        assert event is not None and row_commit > timeline.stop


def test_a_check_that_ignores_the_stop_is_counted_as_a_text_after_stop(
    pg: sessionmaker[Session], settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    _pid, mid = _one_reminder(pg, settings)
    real = send._gate_statement
    # Broken on purpose: the final check no longer reads the patient.
    monkeypatch.setattr(send, "_gate_statement",
                        lambda _with_patient, capped, postgres: real(False, capped, postgres))
    provider = StandIn()
    outcome = send.send_batch(pg, settings, provider, [mid], now=lambda: datetime.now(UTC),
                              limiter=Limiter(lambda: _stop(pg, settings)))
    assert outcome == {mid: "sent"}
    result = _figures(pg, provider.creates)
    assert result.texts_after_stop == 1, result.summary()
    (timeline,) = result.stop_timeline
    assert timeline.verdict == "after STOP"
    assert timeline.checked is not None and timeline.stop < timeline.checked
