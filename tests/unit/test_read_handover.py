"""Second reads handed from the webhook to the worker in batches (coach/web/receive.py,
coach/second_read.enqueue_reads): nothing lost, nothing doubled, no waiting when quiet."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from coach.second_read import READ_BATCH
from coach.second_read import enqueue_reads as real_enqueue_reads
from coach.web.receive import ReadHandOver


def test_a_quiet_server_hands_each_id_over_at_once(second_reads_enqueued: list[int]) -> None:
    reads = ReadHandOver()
    assert reads.add([7]) is True  # nobody is handing over: the caller must
    reads.drain()
    assert second_reads_enqueued == [7]
    assert reads.add([8]) is True  # the hand-over ended, so the next caller starts one
    reads.drain()
    assert second_reads_enqueued == [7, 8]


def test_ids_gathered_during_a_publish_go_together_in_the_next(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reads = ReadHandOver()
    batches: list[list[int]] = []
    publishing, release = threading.Event(), threading.Event()

    def slow_publish(ids: list[int]) -> int:
        batches.append(list(ids))
        if len(batches) == 1:
            publishing.set()
            release.wait(5)
        return len(ids)

    monkeypatch.setattr("coach.second_read.enqueue_reads", slow_publish)
    assert reads.add([1])
    drainer = threading.Thread(target=reads.drain)
    drainer.start()
    assert publishing.wait(5)
    # While the first publish runs, other webhooks only add their ids.
    assert [reads.add([i]) for i in (2, 3, 4)] == [False, False, False]
    release.set()
    drainer.join(5)
    assert batches == [[1], [2, 3, 4]]
    assert reads.add([5]) is True  # done and idle again


def test_a_failing_publish_does_not_stop_later_hand_overs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reads = ReadHandOver()
    calls: list[list[int]] = []

    def broken(ids: list[int]) -> int:
        calls.append(list(ids))
        raise RuntimeError("broker gone")

    monkeypatch.setattr("coach.second_read.enqueue_reads", broken)
    assert reads.add([1])
    reads.drain()  # logged, not raised: the PendingRead row is swept later
    assert reads.add([2]) is True
    reads.drain()
    assert calls == [[1], [2]]


def test_enqueue_reads_publishes_one_task_per_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    from tasks.dialogue import read_replies

    published: list[tuple[Any, ...]] = []

    def apply_async(args: tuple[Any, ...], **options: Any) -> None:
        assert options["queue"] == "urgent"
        published.append(args)

    monkeypatch.setattr(read_replies, "apply_async", apply_async)
    ids = list(range(1, READ_BATCH * 2 + 4))
    assert real_enqueue_reads(ids) == len(ids)
    assert [len(args[0]) for args in published] == [READ_BATCH, READ_BATCH, 3]
    assert [i for args in published for i in args[0]] == ids


def test_enqueue_reads_stops_at_a_broker_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from tasks.dialogue import read_replies

    def down(args: tuple[Any, ...], **options: Any) -> None:
        raise ConnectionError("refused")

    monkeypatch.setattr(read_replies, "apply_async", down)
    assert real_enqueue_reads([1, 2, 3]) == 0  # never raises; the sweep catches up
