"""The fault-injection suite's two long outages, in a file of their own so that the test
command's xdist workers run them beside tests/integration/test_faults.py rather than after it:
Redis frozen for 150 s (longer than the broker's and the limiter's timeouts, so connections
break and are rebuilt) and beat stalled for 5 minutes (five one-minute slots slept through,
each recorded as missed, none sent late). Same harness, same zero targets."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from coach.benches import faults
from tests.integration.test_faults import PATIENTS, Postgres, scenario

# One xdist worker runs this whole file (scripts/test: --dist loadgroup), beside the rest.
pytestmark = [pytest.mark.integration, pytest.mark.slow, pytest.mark.xdist_group("faults_long")]


@pytest.fixture(scope="module")
def postgres() -> Iterator[Postgres]:
    server = Postgres()
    try:
        server.start()
        yield server
    finally:
        server.remove()


def test_redis_frozen_150_seconds(postgres: Postgres, tmp_path: Path) -> None:
    """Redis SIGSTOPped for 150 s mid-burst: two and a half slots with no broker, no limiter
    and no acks. Afterwards every slot is sent once or recorded skipped, nothing is stuck."""
    with scenario(postgres, tmp_path) as run:
        run.deployment.worker("w1")
        first = run.seed()
        run.deployment.beat("beat")
        faults.wait_for(lambda: run.creates_at(first) >= 3, first - time.time() + 40,
                        "the first burst to start")
        with faults.frozen(run.redis.proc.pid):
            time.sleep(150)
        faults.sleep_until(time.time() + 75)  # a slot or so after the thaw
        run.finish(settle=faults.SETTLE_SECONDS, min_slots=4 * PATIENTS)


def test_beat_stalled_five_minutes(postgres: Postgres, tmp_path: Path) -> None:
    """Beat SIGSTOPped for 5 minutes with a one-minute grace: every slot it slept through but
    the last gets its own row, skipped as missed (the bug was: only the first and the latest
    got one), and the slots after it are sent."""
    with scenario(postgres, tmp_path, COACH_GRACE_MINUTES="1") as run:
        run.deployment.worker("w1")
        first = run.seed()
        beat = run.deployment.beat("beat")
        faults.wait_for(lambda: run.creates_at(first) >= PATIENTS, first - time.time() + 40,
                        "the first slot to be sent")
        with faults.frozen(beat.pid):
            faults.sleep_until(first + 5 * 60 + 8)
        faults.sleep_until(first + 6 * 60 + 15)
        result = run.finish(min_slots=6 * PATIENTS)
        # Slots first+60 … first+240 are over a minute late when beat wakes: four per patient.
        assert result.skipped.get("missed", 0) >= 4 * PATIENTS, result.summary()
