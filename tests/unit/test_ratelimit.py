from __future__ import annotations

import itertools

import pytest

from coach.ratelimit import SAFETY, LocalRateLimiter, interval_us

GAP = 1 / (1 - SAFETY)  # seconds between tokens at 1/s


def test_reservations_are_spaced_by_the_allowance():
    limiter = LocalRateLimiter(per_second=2.0)
    delays = [limiter.reserve("+15005550006", now=100.0) for _ in range(4)]
    assert delays == pytest.approx([0.0, 0.5 * GAP, 1.0 * GAP, 1.5 * GAP], rel=1e-5)


def test_no_one_second_window_holds_more_than_the_rate():
    for rate in (1, 5, 50, 3.0):
        limiter = LocalRateLimiter(per_second=rate)
        slots = [limiter.reserve("s", now=0.0) for _ in range(int(rate * 10) + 1)]
        window = int(rate)
        # Any window [t, t + 1) holds at most R tokens: R + 1 consecutive tokens span >= 1 s.
        assert all(b - a >= 1.0 for a, b in zip(slots, slots[window:], strict=False))
        achieved = (len(slots) - 1) / (slots[-1] - slots[0])
        assert rate * 0.98 <= achieved <= rate


def test_interval_rounds_up_never_down():
    assert interval_us(3.0) * 3 * (1 - SAFETY) >= 1e6
    with pytest.raises(ValueError):
        interval_us(0)


def test_senders_have_separate_allowances_and_rates():
    limiter = LocalRateLimiter(per_second=1.0)
    assert limiter.reserve("a", now=0.0) == 0.0
    assert limiter.reserve("b", now=0.0, per_second=10.0) == 0.0
    assert limiter.reserve("a", now=0.0) == pytest.approx(GAP, rel=1e-5)
    assert limiter.reserve("b", now=0.0, per_second=10.0) == pytest.approx(GAP / 10, rel=1e-5)


def test_idle_time_is_not_banked_into_a_burst():
    limiter = LocalRateLimiter(per_second=1.0)
    limiter.reserve("a", now=0.0)
    assert limiter.reserve("a", now=60.0) == 0.0
    assert limiter.reserve("a", now=60.0) == pytest.approx(GAP, rel=1e-5)


def test_wait_sleeps_for_the_reserved_delay():
    slept: list[float] = []
    limiter = LocalRateLimiter(per_second=4.0, sleep=slept.append)
    limiter.wait("a")
    limiter.wait("a")
    assert len(slept) == 1 and 0.25 < slept[0] <= 0.26


def test_acquire_returns_the_slot_instant():
    slept: list[float] = []
    limiter = LocalRateLimiter(per_second=2.0, sleep=slept.append)
    first, second = limiter.acquire("a"), limiter.acquire("a")
    assert second - first == pytest.approx(0.5 * GAP, abs=0.01)
    assert len(slept) == 1 and slept[0] == pytest.approx(0.5 * GAP, abs=0.01)


def test_a_late_send_pushes_the_later_slots_back():
    from coach.ratelimit import LATE_TOLERANCE, settle

    limiter = LocalRateLimiter(per_second=1.0, sleep=lambda s: None)
    slot = limiter.acquire("a")
    assert settle(limiter, "a", slot) <= LATE_TOLERANCE  # punctual: nothing moves
    before = limiter.reserve("a", now=0.0)
    late = settle(limiter, "a", slot - 0.5)  # as if we had left half a second late
    assert late >= 0.5
    assert limiter.reserve("a", now=0.0) == pytest.approx(before + GAP + late, abs=0.01)


def test_a_fast_senders_tokens_come_several_a_call_within_the_horizon():
    limiter = LocalRateLimiter(per_second=1000.0, sleep=lambda s: None)
    gap = interval_us(1000.0) / 1e6
    slots = limiter.acquire_many("a", 10, within=0.008)
    # Tokens starting within 8 ms of now: the first and seven more, 1/R apart.
    assert len(slots) == 8
    assert all(b - a == pytest.approx(gap, abs=1e-9) for a, b in itertools.pairwise(slots))
    # The next token comes after the last one handed out, as if taken one by one.
    assert limiter.acquire("a") - slots[-1] == pytest.approx(gap, abs=0.002)


def test_a_slow_senders_tokens_come_one_a_call():
    slept: list[float] = []
    limiter = LocalRateLimiter(per_second=50.0, sleep=slept.append)
    assert len(limiter.acquire_many("a", 10, within=0.008)) == 1  # 20 ms apart
    assert len(limiter.acquire_many("a", 10, within=0.008)) == 1
    assert len(slept) == 1 and slept[0] == pytest.approx(interval_us(50.0) / 1e6, abs=0.002)
