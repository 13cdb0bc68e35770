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
