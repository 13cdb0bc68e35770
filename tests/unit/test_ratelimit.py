from __future__ import annotations

import pytest

from coach.ratelimit import LocalRateLimiter


def test_reservations_are_spaced_by_the_allowance():
    limiter = LocalRateLimiter(per_second=2.0)
    delays = [limiter.reserve("+15005550006", now=100.0) for _ in range(4)]
    assert delays == pytest.approx([0.0, 0.5, 1.0, 1.5])


def test_senders_have_separate_allowances():
    limiter = LocalRateLimiter(per_second=1.0)
    assert limiter.reserve("a", now=0.0) == 0.0
    assert limiter.reserve("b", now=0.0) == 0.0
    assert limiter.reserve("a", now=0.0) == pytest.approx(1.0)


def test_idle_time_is_not_banked_into_a_burst():
    limiter = LocalRateLimiter(per_second=1.0)
    limiter.reserve("a", now=0.0)
    assert limiter.reserve("a", now=60.0) == 0.0
    assert limiter.reserve("a", now=60.0) == pytest.approx(1.0)


def test_wait_sleeps_for_the_reserved_delay():
    slept: list[float] = []
    limiter = LocalRateLimiter(per_second=4.0, sleep=slept.append)
    limiter.wait("a")
    limiter.wait("a")
    assert len(slept) == 1 and 0.2 < slept[0] <= 0.25
