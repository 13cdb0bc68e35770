"""The send path (coach.send) against a real database (SQLite here, PostgreSQL in the
integration run), with the recording SMS fake and scripted rate limiters behind our own
interfaces."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from sqlalchemy import event, select
from sqlalchemy.orm import Session, sessionmaker

from coach import patients, schedules, send
from coach.config import Settings
from coach.db.engine import transaction
from coach.db.models import Message, MessageEvent, Patient
from coach.ratelimit import LocalRateLimiter
from coach.sms.base import OutgoingSms, SendResult, SmsError
from coach.sms.fake import RecordingBackend
from tests.fixtures_db import T0

NOW = T0 + timedelta(minutes=1)


def _patients(factory: sessionmaker[Session], settings: Settings, n: int, **kw: object
              ) -> list[int]:
    ids = []
    for i in range(n):
        with transaction(factory) as s:
            p, invite = patients.enroll(
                s, settings, phone=f"+1202555{1100 + i}", tz="America/New_York", now=T0, **kw
            )
            invite.status = "sent"
            patients.opt_in(s, p, now=T0, method="sms_yes")
            ids.append(p.id)
    return ids


def _queue(factory: sessionmaker[Session], pid: int, *, kind: str = "eye_rest",
           slot: datetime = NOW) -> int:
    with transaction(factory) as s:
        p = s.get_one(Patient, pid)
        m = patients.queue_message(s, p, kind=kind, body=f"Eye rest {pid} {slot:%H%M}",
                                   now=slot, dedupe_key=f"t:{pid}:{kind}:{slot.isoformat()}")
        m.slot_at = slot
        return m.id


def _status(factory: sessionmaker[Session], mid: int) -> Message:
    with factory() as s:
        return s.get_one(Message, mid)


class InDatabase(RecordingBackend):
    """The recording fake, flagged like the outbox: its send is a database write."""

    in_database = True


@pytest.fixture(params=["provider", "in_database"])
def make_backend(request: pytest.FixtureRequest) -> Callable[[], RecordingBackend]:
    return RecordingBackend if request.param == "provider" else InDatabase


class HookLimiter:
    """A rate limiter whose wait runs a hook (what other processes do meanwhile)."""

    def __init__(self, hook: Callable[[str], None] | None = None) -> None:
        self.hook = hook
        self.tokens: list[str] = []

    def acquire(self, sender: str, per_second: float | None = None) -> float:
        self.tokens.append(sender)
        if self.hook:
            self.hook(sender)
        return time.monotonic() + 1.0  # never "late": these tests are not about timing

    def wait(self, sender: str) -> float:
        self.acquire(sender)
        return 0.0

    def push(self, sender: str, seconds: float) -> None:
        pass


def test_a_batch_is_claimed_in_one_statement_and_each_row_sent_once(
    any_factory, settings, make_backend
):
    factory = any_factory
    pids = _patients(factory, settings, 5)
    mids = [_queue(factory, pid) for pid in pids]
    claims: list[str] = []
    engine = factory.kw["bind"]

    def count(conn, cursor, statement, params, context, executemany):
        if statement.lstrip().upper().startswith("UPDATE MESSAGES") and "IN (" in statement \
                and "attempts + " in statement:
            claims.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        fake = make_backend()
        outcomes = send.send_batch(factory, settings, fake, mids, now=NOW)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert outcomes == dict.fromkeys(mids, "sent")
    assert len(claims) == 1
    assert sorted(sms.message_id for sms in fake.sent) == mids
    again = send.send_batch(factory, settings, fake, mids, now=NOW)
    assert again == dict.fromkeys(mids, "not_claimed") and len(fake.sent) == 5


def test_a_stop_committed_during_the_rate_limit_wait_means_no_text(
    any_factory, settings, make_backend
):
    factory = any_factory
    (alice, bob) = _patients(factory, settings, 2)
    mids = [_queue(factory, alice), _queue(factory, bob)]

    def stop_alice(_sender: str) -> None:  # the patient texts STOP while we wait our turn
        with transaction(factory) as s:
            patients.opt_out(s, s.get_one(Patient, alice), now=NOW)

    fake = make_backend()
    limiter = HookLimiter(stop_alice)
    outcomes = send.send_batch(factory, settings, fake, mids, now=NOW, limiter=limiter)
    assert outcomes == {mids[0]: "skipped", mids[1]: "sent"}
    assert [sms.message_id for sms in fake.sent] == [mids[1]]
    assert _status(factory, mids[0]).skip_reason == "opted_out"


def test_a_stop_in_flight_blocks_the_check_and_wins(
    any_factory, settings, make_backend
):
    """The STOP's transaction has changed the patient but not committed when the send's
    final check runs: the check waits for it (row lock / write lock) and sees the STOP."""
    factory = any_factory
    (alice,) = _patients(factory, settings, 1)
    mid = _queue(factory, alice)
    changed, release = threading.Event(), threading.Event()

    def stop() -> None:
        with transaction(factory) as s:
            s.execute(select(Patient).where(Patient.id == alice)).scalar_one()
            patients.opt_out(s, s.get_one(Patient, alice), now=NOW)
            s.flush()
            changed.set()
            release.wait(5)
            time.sleep(0.3)  # still uncommitted while the send's check starts

    def in_wait(_sender: str) -> None:
        threading.Thread(target=stop).start()
        assert changed.wait(5)
        release.set()

    fake = make_backend()
    outcome = send.send_batch(factory, settings, fake, [mid], now=NOW, limiter=HookLimiter(in_wait))
    assert outcome == {mid: "skipped"} and fake.sent == []


def test_sent_at_is_when_the_provider_accepted(factory, settings):
    (alice,) = _patients(factory, settings, 1)
    mid = _queue(factory, alice)
    ticks = iter([NOW + timedelta(seconds=s) for s in range(0, 100)])
    outcome = send.send_batch(factory, settings, RecordingBackend(), [mid], now=lambda: next(ticks))
    assert outcome == {mid: "sent"}
    row = _status(factory, mid)
    assert row.claimed_at == NOW
    assert row.sent_at is not None and row.sent_at > row.claimed_at


class DyingBackend:
    """The worker is killed while it waits for its turn: nothing reaches the provider."""

    name = "dying"

    def send(self, sms: OutgoingSms) -> SendResult:
        raise KeyboardInterrupt


def test_a_dead_workers_claims_are_requeued_and_sent_once(any_factory, settings):
    factory = any_factory
    pids = _patients(factory, settings, 3)
    mids = [_queue(factory, pid) for pid in pids]

    def die(_sender: str) -> None:
        raise SystemExit("SIGKILL")

    with pytest.raises(SystemExit):
        send.send_batch(factory, settings, RecordingBackend(), mids, now=NOW,
                        limiter=HookLimiter(die))
    assert {_status(factory, m).status for m in mids} == {"claimed"}
    # Within the lease nothing moves (the worker may only be slow).
    with transaction(factory) as s:
        assert send.recover_stale(s, NOW + timedelta(seconds=30)) == []
    later = NOW + send.CLAIM_LEASE + timedelta(seconds=1)
    with transaction(factory) as s:
        assert send.recover_stale(s, later) == mids
    fake = RecordingBackend()
    assert send.send_batch(factory, settings, fake, mids, now=later) == dict.fromkeys(mids, "sent")
    assert len(fake.sent) == 3
    with transaction(factory) as s:
        assert send.recover_stale(s, later + timedelta(hours=1)) == []


def test_a_slow_worker_whose_claim_was_taken_back_does_not_send(
    factory, settings, make_backend
):
    (alice,) = _patients(factory, settings, 1)
    mid = _queue(factory, alice)
    other = make_backend()
    late = NOW + send.CLAIM_LEASE + timedelta(seconds=1)

    def stalled(_sender: str) -> None:  # meanwhile: sweep, and another worker sends it
        with transaction(factory) as s:
            assert send.recover_stale(s, late) == [mid]
        assert send.send_batch(factory, settings, other, [mid], now=late) == {mid: "sent"}

    slow = make_backend()
    outcome = send.send_batch(factory, settings, slow, [mid], now=NOW,
                              limiter=HookLimiter(stalled))
    assert outcome == {mid: "not_claimed"}
    assert slow.sent == [] and len(other.sent) == 1


def test_a_row_stuck_after_the_provider_request_started_is_never_retried(factory, settings):
    (alice,) = _patients(factory, settings, 1)
    mid = _queue(factory, alice)

    class Killed(RecordingBackend):
        def send(self, sms: OutgoingSms) -> SendResult:
            super().send(sms)
            raise SystemExit("killed after the request left")

    fake = Killed()
    with pytest.raises(SystemExit):
        send.send_batch(factory, settings, fake, [mid], now=NOW)
    assert _status(factory, mid).status == "sending"
    with transaction(factory) as s:
        assert send.recover_stale(s, NOW + send.STALE_SENDING + timedelta(seconds=1)) == []
    row = _status(factory, mid)
    assert row.status == "failed" and "not retried" in (row.error_message or "")
    assert len(fake.attempts) == 1


def test_mixed_outcomes_in_one_batch(factory, settings):
    pids = _patients(factory, settings, 4)
    mids = [_queue(factory, pid) for pid in pids]
    with transaction(factory) as s:
        patients.opt_out(s, s.get_one(Patient, pids[0]), now=NOW)  # cancels its queued row
        s.get_one(Message, mids[1]).status = "queued"
    fake = RecordingBackend()

    class Flaky(RecordingBackend):
        def send(self, sms: OutgoingSms) -> SendResult:
            if sms.message_id == mids[2]:
                raise SmsError("too many requests", code=20429)
            if sms.message_id == mids[3]:
                raise SmsError("unsubscribed", code=21610, permanent=True)
            return fake.send(sms)

    outcomes = send.send_batch(factory, settings, Flaky(), mids, now=NOW, final_attempt=False)
    assert outcomes == {mids[0]: "not_claimed", mids[1]: "sent", mids[2]: "retry",
                        mids[3]: "failed"}
    assert _status(factory, mids[2]).status == "queued"
    with factory() as s:
        assert s.get_one(Patient, pids[3]).status == "opted_out"
        events = s.scalars(select(MessageEvent.status).where(MessageEvent.message_id == mids[1]))
        assert list(events) == ["sending", "sent"]


def test_the_daily_cap_is_checked_again_at_send_time(
    factory, settings, make_backend
):
    (alice,) = _patients(factory, settings, 1, daily_cap=1)
    first = _queue(factory, alice, kind="eye_rest")
    second = _queue(factory, alice, kind="relaxation")  # both queued before either went out
    fake = make_backend()
    assert send.send_batch(factory, settings, fake, [first, second], now=NOW) == {
        first: "sent", second: "skipped"}
    assert _status(factory, second).skip_reason == "daily_cap"


def test_a_late_send_moves_the_senders_later_slots_back(factory, settings):
    (alice,) = _patients(factory, settings, 1)
    mid = _queue(factory, alice)

    class LateLimiter(HookLimiter):
        pushed: list[float] = []

        def acquire(self, sender: str, per_second: float | None = None) -> float:
            self.tokens.append(sender)
            return time.monotonic() - 0.05  # our slot was 50 ms ago: we woke up late

        def push(self, sender: str, seconds: float) -> None:
            self.pushed.append(seconds)

    limiter = LateLimiter()
    fake = RecordingBackend()
    assert send.send_batch(factory, settings, fake, [mid], now=NOW, limiter=limiter) == {
        mid: "sent"}
    assert len(limiter.tokens) == 1 and len(fake.sent) == 1
    assert len(limiter.pushed) == 1 and limiter.pushed[0] >= 0.05


def test_each_row_uses_its_senders_token(factory, tmp_path):
    from tests.fixtures_db import make_settings

    settings = make_settings(tmp_path, COACH_SENDERS="+12025550181:1,+12025550182:5")
    pids = _patients(factory, settings, 6)
    mids = [_queue(factory, pid) for pid in pids]
    limiter = HookLimiter()
    fake = RecordingBackend()
    send.send_batch(factory, settings, fake, mids, now=NOW, limiter=limiter)
    pool = send.pool_for(settings)
    expected = [pool.for_number(sms.to).key for sms in fake.sent]
    assert limiter.tokens == expected
    assert [sms.sender for sms in fake.sent] == expected
    assert set(expected) <= {"+12025550181", "+12025550182"}


def test_an_unreachable_limiter_does_not_lose_the_send(factory, settings):
    (alice,) = _patients(factory, settings, 1)
    mid = _queue(factory, alice)

    def broken(_sender: str) -> None:
        raise ConnectionError("redis down")

    fake = RecordingBackend()
    assert send.send_batch(factory, settings, fake, [mid], now=NOW,
                           limiter=HookLimiter(broken)) == {mid: "sent"}


def test_more_than_a_batch_is_sent_in_chunks(factory, settings):
    pids = _patients(factory, settings, 3)
    mids = [_queue(factory, pid, slot=NOW + timedelta(seconds=i)) for i, pid in
            enumerate(pids * 1)]
    fake = RecordingBackend()
    old = send.BATCH_LIMIT
    send.BATCH_LIMIT = 2
    try:
        assert set(send.send_batch(factory, settings, fake, mids, now=NOW).values()) == {"sent"}
    finally:
        send.BATCH_LIMIT = old
    assert len(fake.sent) == 3


def test_schedules_module_is_unchanged_by_the_send(factory, settings):
    # The single-id path (the old task) still works end to end with a tick's row.
    (alice,) = _patients(factory, settings, 1)
    with transaction(factory) as s:
        schedules.set_schedule(s, s.get_one(Patient, alice), "screen_break", now=T0, every="1m")
    from coach import dispatch

    (mid,) = dispatch.tick(factory, settings, now=NOW).to_send
    assert send.send_message(factory, settings, RecordingBackend(), mid, now=NOW) == "sent"


class StopOnTokens(LocalRateLimiter):
    """A fast sender's limiter (tokens several a call) that runs a hook while we wait."""

    def __init__(self, hook: Callable[[], None]) -> None:
        super().__init__(per_second=1e6)
        self.hook = hook
        self.calls: list[int] = []

    def acquire_many(self, sender: str, count: int, per_second: float | None = None,
                     within: float = 0.0) -> list[float]:
        slots = super().acquire_many(sender, count, per_second, within)
        self.calls.append(len(slots))
        self.hook()
        return slots


def test_a_fast_senders_final_checks_go_in_groups_and_still_see_a_stop(
    any_factory, tmp_path, monkeypatch
):
    from tests.fixtures_db import make_settings

    settings = make_settings(tmp_path, COACH_SEND_RATE="100000")
    factory = any_factory
    pids = _patients(factory, settings, 6)
    mids = [_queue(factory, pid) for pid in pids]
    fake = RecordingBackend()
    monkeypatch.setitem(send._SEND_SECONDS, fake.name, 0.001)  # 1 ms a request: groups of 8

    def stop_third() -> None:  # a STOP commits while the group waits for its tokens
        with transaction(factory) as s:
            if s.get_one(Patient, pids[2]).status != "opted_out":
                patients.opt_out(s, s.get_one(Patient, pids[2]), now=NOW)

    gates: list[str] = []

    def count(conn, cursor, statement, params, context, executemany):
        gates.append(statement)

    engine = factory.kw["bind"]
    limiter = StopOnTokens(stop_third)
    event.listen(engine, "before_cursor_execute", count)
    try:
        outcomes = send.send_batch(factory, settings, fake, mids, now=NOW, limiter=limiter)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert outcomes == {**dict.fromkeys(mids, "sent"), mids[2]: "skipped"}
    assert sorted(sms.message_id for sms in fake.sent) == sorted(set(mids) - {mids[2]})
    assert _status(factory, mids[2]).skip_reason == "opted_out"
    assert limiter.calls == [6]  # the six tokens in one call
    with factory() as s:
        sending = set(s.scalars(select(MessageEvent.message_id)
                                .where(MessageEvent.status == "sending")))
    assert sending == set(mids) - {mids[2]}
    if engine.dialect.name == "postgresql":
        # One statement checked the group (the STOP made the third fail it; checked alone).
        assert sum("json_to_recordset" in g for g in gates) == 1
