"""Sender pools, which sender texts whom, capacity arithmetic, and batching per sender."""

from __future__ import annotations

import logging
from collections import Counter

import pytest

from coach import enqueue
from coach.core.capacity import capacity, shortfall
from coach.core.senders import Sender, pick
from coach.senders import SenderConfigError, SenderPool, parse_senders, pool_from, warn_shortfalls

MG = "MG" + "a" * 32


def test_parse_numbers_and_services_with_rates():
    pool = parse_senders(f"+1 202 555 0181:1, +12025550182 , {MG}:10", default_rate=2.0)
    assert pool == (Sender("+12025550181", 1.0), Sender("+12025550182", 2.0), Sender(MG, 10.0))
    assert pool[2].is_service and not pool[0].is_service


@pytest.mark.parametrize("spec, message", [
    ("+12025550181:fast", "must be a number"),
    ("+12025550181:0", "must be positive"),
    ("+12025550181:-1", "must be positive"),
    ("hello:1", "neither an E.164 number"),
    ("MG123:1", "not a Messaging Service SID"),
    ("+12025550181,+1 202 555 0181", "twice"),
    (" , ", "lists no sender"),
])
def test_bad_pools_are_refused_with_a_reason(spec, message):
    with pytest.raises(SenderConfigError, match=message) as caught:
        parse_senders(spec, default_rate=1.0)
    assert "2025550181" not in str(caught.value)  # numbers are masked even in errors


def test_the_single_sender_settings_still_work():
    env: dict[str, str] = {}
    assert pool_from(env, use_twilio=True, from_number="+12025550181", messaging_service_sid=None,
                     default_rate=3.0).senders == (Sender("+12025550181", 3.0),)
    assert pool_from(env, use_twilio=True, from_number=None, messaging_service_sid=MG,
                     default_rate=1.0).senders == (Sender(MG, 1.0),)
    assert pool_from(env, use_twilio=False, from_number=None, messaging_service_sid=None,
                     default_rate=1.0).senders == (Sender("outbox", 1.0),)


def test_each_number_keeps_its_sender_and_load_follows_the_rates():
    senders = [Sender("+12025550181", 1.0), Sender("+12025550182", 1.0), Sender(MG, 8.0)]
    numbers = [f"+1303555{i:04d}" for i in range(5000)]
    first = [pick(n, senders).key for n in numbers]
    assert first == [pick(n, senders).key for n in numbers]  # stable
    share = Counter(first)
    assert share[MG] / len(numbers) == pytest.approx(0.8, abs=0.03)
    assert share["+12025550181"] / len(numbers) == pytest.approx(0.1, abs=0.02)
    # Adding a sender moves only the numbers it takes over.
    more = [*senders, Sender("+12025550183", 1.0)]
    moved = [a for a, n in zip(first, numbers, strict=True) if pick(n, more).key != a]
    assert all(pick(n, more).key == "+12025550183" for a, n in zip(first, numbers, strict=True)
               if pick(n, more).key != a)
    assert len(moved) / len(numbers) == pytest.approx(1 / 11, abs=0.02)


def test_capacity_of_a_slot():
    assert shortfall(600, 1.0, 600) == 0
    assert shortfall(5000, 1.0, 600) == 5000 - 601
    assert shortfall(0, 1.0, 600) == 0
    assert capacity(10, 1 / 3, 600).shortfall == 0
    assert capacity(500, 1 / 3, 600).drainable == 201
    assert capacity(101, 10.0, 60).drain_seconds == pytest.approx(10.0)
    for bad in [(-1, 1.0, 60), (1, 0.0, 60), (1, 1.0, -1)]:
        with pytest.raises(ValueError):
            capacity(*bad)


def test_a_shortfall_is_named_with_its_sender_and_size(caplog):
    pool = SenderPool((Sender("+12025550181", 1.0), Sender(MG, 10.0)))
    with caplog.at_level(logging.WARNING):
        total = warn_shortfalls({"+12025550181": 1000, MG: 1000}, pool, 600.0)
    assert total == 1000 - 601
    (line,) = [r.getMessage() for r in caplog.records]
    assert "…81" in line or "***81" in line
    assert "399 of 1000" in line and "2025550181" not in line


class FakeTask:
    name = "coach.send_batch"

    def __init__(self) -> None:
        self.calls: list[tuple[tuple[object, ...], dict[str, object]]] = []

    def apply_async(self, args: tuple[object, ...], **kw: object) -> None:
        self.calls.append((args, kw))


def test_enqueue_batches_per_sender(monkeypatch, tmp_path, factory):
    from coach import patients, resources
    from coach.db.engine import transaction
    from tests.fixtures_db import T0, make_settings

    settings = make_settings(tmp_path, COACH_SENDERS=f"+12025550181:1,{MG}:10")
    monkeypatch.setattr(resources, "settings", lambda: settings)
    monkeypatch.setattr(resources, "session_factory", lambda: factory)
    ids = []
    with transaction(factory) as s:
        for i in range(120):
            _p, invite = patients.enroll(s, settings, phone=f"+1303555{i:04d}", tz="UTC", now=T0)
            ids.append(invite.id)
    task = FakeTask()
    import tasks.dispatch

    monkeypatch.setattr(tasks.dispatch, "send_batch", task)
    assert enqueue.enqueue_sends(ids) == 120
    pool = SenderPool(parse_senders(f"+12025550181:1,{MG}:10", 1.0))
    seen: list[int] = []
    with factory() as s:
        from coach.db.models import Message

        number = {m.id: m.to_number for m in s.query(Message)}
    for (batch, sender), _kw in task.calls:
        assert isinstance(batch, list) and 1 <= len(batch) <= 50
        assert {pool.for_number(number[m]).key for m in batch} == {sender}
        seen += batch
    assert sorted(seen) == sorted(ids)
    enqueue.enqueue_sends(ids[:3], urgent=True)
    assert task.calls[-1][1]["queue"] == "urgent"


def test_enqueue_with_the_broker_down_never_raises(monkeypatch):
    import tasks.dispatch

    class Down(FakeTask):
        def apply_async(self, args: tuple[object, ...], **kw: object) -> None:
            raise ConnectionError("broker down")

    monkeypatch.setattr(tasks.dispatch, "send_batch", Down())
    assert enqueue.enqueue_sends([1, 2, 3]) == 0
    assert enqueue.enqueue_sends([]) == 0
