"""Unit tests never publish to a real broker: the second-read hand-off (coach.second_read
.enqueue_reads, called after the webhook's commit) is recorded instead. Tests that care read
`second_reads_enqueued`."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def second_reads_enqueued(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    published: list[int] = []

    def record(ids: list[int]) -> int:
        published.extend(ids)
        return len(ids)

    monkeypatch.setattr("coach.second_read.enqueue_reads", record)
    yield published
