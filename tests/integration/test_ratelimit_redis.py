"""The send allowance is shared through Redis by every worker (here: several clients)."""

from __future__ import annotations

import itertools
import threading

import pytest
import redis

from coach.ratelimit import RedisRateLimiter, build_limiter

pytestmark = pytest.mark.integration


def test_workers_share_one_allowance(redis_url: str) -> None:
    per_second = 10.0
    delays: list[float] = []
    lock = threading.Lock()

    def worker() -> None:
        limiter = RedisRateLimiter(redis.Redis.from_url(redis_url), per_second, prefix="t1:")
        for _ in range(5):
            d = limiter.reserve("+15005550006")
            with lock:
                delays.append(d)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # 20 sends reserved almost at once: each one 1/rate after the previous, across workers.
    spread = sorted(delays)
    assert spread[0] == pytest.approx(0.0, abs=0.05)
    assert spread[-1] == pytest.approx(19 / per_second, abs=0.1)
    gaps = [b - a for a, b in itertools.pairwise(spread)]
    assert min(gaps) > 0.5 / per_second


def test_build_limiter_uses_redis_for_a_redis_broker(redis_url: str) -> None:
    assert isinstance(build_limiter(redis_url, 1.0), RedisRateLimiter)


@pytest.mark.parametrize("rate, seconds", [(5.0, 8.0), (50.0, 5.0)])
def test_two_worker_processes_get_the_rate_and_never_more(
    redis_url: str, rate: float, seconds: float
) -> None:
    from coach.benches.limiter import measure

    run = measure(redis_url, rate, seconds, workers=2)
    assert run.sends >= rate * seconds * 0.9
    assert run.busiest <= rate, run  # never above R in any one-second window: the promise
    # Close to R, and never over it. How close (the 2 %) is a figure for `coach bench
    # dispatch` on a quiet machine (docs/PERFORMANCE.md: -1.0 %): a process that waits for a
    # CPU sends its tokens late, on purpose, and under the suite's load that cost -2.3 % once.
    assert -0.05 <= run.error <= 0.005, run


def test_one_round_trip_per_token(redis_url: str) -> None:
    client = redis.Redis.from_url(redis_url)
    limiter = RedisRateLimiter(client, 1000.0, prefix="rt:")
    limiter.reserve("warm")
    before = int(client.info("stats")["total_commands_processed"])
    for _ in range(10):
        limiter.reserve("s")
    after = int(client.info("stats")["total_commands_processed"])
    # 10 EVALSHA calls (the info call itself counts once); the script's own GET/SET/TIME
    # run inside Redis and are not round trips.
    assert after - before - 1 <= 10 * 4
    assert limiter.reserve("s") > 0


def test_busiest_window_arithmetic() -> None:
    from coach.benches.limiter import busiest_window, summarize

    assert busiest_window([0.0, 0.5, 0.99, 1.0, 1.5]) == 3
    assert busiest_window([]) == 0
    run = summarize(2.0, [0.0, 0.5, 1.0, 1.5])
    assert run.achieved == pytest.approx(2.0) and run.busiest == 2


def test_several_tokens_in_one_round_trip_keep_the_spacing(redis_url: str) -> None:
    client = redis.Redis.from_url(redis_url)
    fast = RedisRateLimiter(client, 100.0, prefix="many:")
    other = RedisRateLimiter(redis.Redis.from_url(redis_url), 100.0, prefix="many:")
    fast.reserve_many("warm", 2, within=1.0)  # loads the script
    before = int(client.info("stats")["total_commands_processed"])
    delay, n, gap, idle = fast.reserve_many("s", 10, within=1.0)
    after = int(client.info("stats")["total_commands_processed"])
    assert after - before - 1 <= 4  # one EVALSHA (and the script's own commands)
    assert n == 10 and delay == pytest.approx(0.0, abs=0.05) and idle > 60  # never used
    # Another worker's next token comes after the last of these, as if taken one by one.
    assert other.reserve("s") == pytest.approx(10 * gap, abs=0.05)
    assert fast.reserve_many("t", 10, within=0.008)[1] == 1  # 10 ms apart: one a call
