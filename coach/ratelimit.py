"""A messages-per-second allowance per sender, shared by every worker.

A token bucket of capacity one, kept as its next free instant (GCRA, the bucket's
"virtual scheduling" form): each token is one Lua call in Redis (one round trip, Redis's own
clock, so workers on different hosts agree), and consecutive tokens are at least 1/R apart,
so no one-second window ever holds more than R. The spacing carries a 1 % safety margin so
that a send leaving a few milliseconds after its slot cannot squeeze R + 1 sends into some
window; a send later than that pushes the later slots back (`settle`). A process-local twin
serves the embedded single-worker setup.

A fast sender's consecutive tokens can be taken several in one round trip (`acquire_many`):
as many as fall within a short horizon of now (LATE_TOLERANCE), so a worker never holds more
than a few milliseconds of a sender's allowance ahead, and a sender slower than that still
takes one token a call.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from typing import Protocol

import redis

# Spacing is 1 / (R x (1 - SAFETY)): the achieved rate is 99 % of R, and R + 1 sends would
# need one to leave SAFETY seconds later than the send R places after it.
SAFETY = 0.01

_TOKEN = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
local nxt = tonumber(redis.call('GET', KEYS[1]) or '0')
local at = math.max(now, nxt)
local keep = math.ceil((at + interval - now) / 1000) + 60000
redis.call('SET', KEYS[1], string.format('%.0f', at + interval), 'PX', keep)
return at - now
"""


def interval_us(per_second: float) -> int:
    """Microseconds between two tokens of a sender allowed `per_second` messages."""
    if not per_second > 0:
        raise ValueError(f"rate must be positive, got {per_second}")
    return math.ceil(1e6 / (per_second * (1 - SAFETY)))


# A send later than this after its slot (a busy machine, a slow check) pushes the sender's
# later slots back by its lateness: otherwise it and the send R slots later could fall in one
# second. Below SAFETY seconds (the margin per window), so punctual sends need no push.
LATE_TOLERANCE = 0.008
# The most a token taken several at a time may be sent before its instant (the round trip
# that fetched it): with LATE_TOLERANCE it stays within the SAFETY margin of one window.
UNCERTAIN = 0.002

_PUSH = """
local nxt = redis.call('GET', KEYS[1])
if nxt then
  local later = tonumber(nxt) + tonumber(ARGV[1])
  redis.call('SET', KEYS[1], string.format('%.0f', later), 'KEEPTTL')
end
return 0
"""


_TOKENS = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
local want = tonumber(ARGV[2])
local horizon = tonumber(ARGV[3])
local nxt = tonumber(redis.call('GET', KEYS[1]) or '0')
local at = math.max(now, nxt)
local n = 1
while n < want and at + n * interval - now <= horizon do
  n = n + 1
end
local last = at + n * interval
local keep = math.ceil((last - now) / 1000) + 60000
redis.call('SET', KEYS[1], string.format('%.0f', last), 'PX', keep)
return {at - now, n, now - nxt}
"""


def _tokens_within(first_delay: float, interval: float, want: int, horizon: float) -> int:
    """How many consecutive tokens, the first `first_delay` from now, start within
    `horizon` of now (always at least one): the local twin of _TOKENS."""
    n = 1
    while n < want and first_delay + n * interval <= horizon:
        n += 1
    return n


class RateLimiter(Protocol):
    def acquire(self, sender: str, per_second: float | None = None) -> float:
        """Block until `sender` may send; returns that instant as a time.monotonic() value
        (a caller that is much later than it should take another token)."""
        ...

    def wait(self, sender: str) -> float:
        """Block until `sender` may send at the default rate; returns the seconds waited."""
        ...

    def push(self, sender: str, seconds: float) -> None:
        """Moves the sender's next free slot `seconds` later (a send that left late)."""
        ...


class LocalRateLimiter:
    def __init__(self, per_second: float, sleep: Callable[[float], object] = time.sleep):
        self.per_second = per_second
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()
        self._sleep = sleep

    def reserve(self, sender: str, now: float, per_second: float | None = None) -> float:
        interval = interval_us(per_second or self.per_second) / 1e6
        with self._lock:
            at = max(now, self._next.get(sender, 0.0))
            self._next[sender] = at + interval
            return at - now

    def reserve_many(self, sender: str, now: float, count: int, within: float,
                     per_second: float | None = None) -> tuple[float, int, float]:
        """Takes up to `count` consecutive tokens (those starting within `within` seconds of
        now, at least one): the first's delay, how many, and their spacing."""
        interval = interval_us(per_second or self.per_second) / 1e6
        with self._lock:
            at = max(now, self._next.get(sender, 0.0))
            n = _tokens_within(at - now, interval, count, within)
            self._next[sender] = at + n * interval
            return at - now, n, interval

    def acquire_many(self, sender: str, count: int, per_second: float | None = None,
                     within: float = 0.0) -> list[float]:
        now = time.monotonic()
        delay, n, interval = self.reserve_many(sender, now, count, within, per_second)
        if delay > 0:
            self._sleep(delay)
        return [now + delay + i * interval for i in range(n)]

    def acquire(self, sender: str, per_second: float | None = None) -> float:
        now = time.monotonic()
        delay = self.reserve(sender, now, per_second)
        if delay > 0:
            self._sleep(delay)
        return now + delay

    def push(self, sender: str, seconds: float) -> None:
        with self._lock:
            if sender in self._next:
                self._next[sender] += seconds

    def wait(self, sender: str) -> float:
        start = time.monotonic()
        return max(0.0, self.acquire(sender) - start)


class RedisRateLimiter:
    def __init__(self, client: redis.Redis, per_second: float, prefix: str = "coach:rate:"):
        self.client = client
        self.per_second = per_second
        self.prefix = prefix
        self._script = client.register_script(_TOKEN)
        self._many = client.register_script(_TOKENS)
        self._push = client.register_script(_PUSH)

    def reserve(self, sender: str, per_second: float | None = None) -> float:
        """Takes the sender's next token; returns the seconds until it may be used."""
        gap = interval_us(per_second or self.per_second)
        return int(self._script(keys=[self.prefix + sender], args=[gap])) / 1e6

    def acquire(self, sender: str, per_second: float | None = None) -> float:
        # Redis placed the token somewhere between our request and its reply: we wait until
        # the latest it can be (never early), and report the earliest (so `settle` counts a
        # slow reply, e.g. this process waiting for the CPU, as lateness, never hides it).
        asked = time.monotonic()
        delay = self.reserve(sender, per_second)
        answered = time.monotonic()
        if answered + delay > time.monotonic():
            time.sleep(answered + delay - time.monotonic())
        return asked + delay

    def reserve_many(self, sender: str, count: int, within: float,
                     per_second: float | None = None) -> tuple[float, int, float, float]:
        """Takes up to `count` consecutive tokens in one round trip (those starting within
        `within` seconds of now, at least one): the first's delay, how many, their spacing,
        and how long the sender had been idle before them (negative if it had not), in
        seconds."""
        gap = interval_us(per_second or self.per_second)
        delay, n, idle = self._many(keys=[self.prefix + sender],
                                    args=[gap, max(1, count), math.floor(within * 1e6)])
        return int(delay) / 1e6, int(n), gap / 1e6, int(idle) / 1e6

    def acquire_many(self, sender: str, count: int, per_second: float | None = None,
                     within: float = 0.0) -> list[float]:
        """Blocks until the first of up to `count` tokens; returns each token's instant
        (time.monotonic() values), at least one."""
        asked = time.monotonic()
        delay, n, interval, idle = self.reserve_many(sender, count, within, per_second)
        answered = time.monotonic()
        if answered - asked > max(UNCERTAIN, idle):
            # A slow round trip: the later tokens' instants are known only to within it, and
            # one sent early could crowd the tokens before it. (Early by no more than the
            # idle time before them is harmless: they only close that gap.) They go unused:
            # slower, never faster.
            n = 1
        if answered + delay > time.monotonic():
            time.sleep(answered + delay - time.monotonic())
        return [asked + delay + i * interval for i in range(n)]

    def push(self, sender: str, seconds: float) -> None:
        self._push(keys=[self.prefix + sender], args=[math.ceil(seconds * 1e6)])

    def wait(self, sender: str) -> float:
        start = time.monotonic()
        return max(0.0, self.acquire(sender) - start)


def settle(limiter: RateLimiter, sender: str, slot: float) -> float:
    """Called right before the send that took the token for `slot`: if it leaves more than
    LATE_TOLERANCE late, the sender's later slots move back by as much. (This holds the
    one-second windows as long as R exceeds the number of workers sharing the sender.)
    Returns the lateness in seconds."""
    late = time.monotonic() - slot
    if late > LATE_TOLERANCE:
        limiter.push(sender, late)
    return late


def build_limiter(broker_url: str, per_second: float) -> RateLimiter:
    if broker_url.startswith(("redis://", "rediss://")):
        return RedisRateLimiter(redis.Redis.from_url(broker_url), per_second)
    return LocalRateLimiter(per_second)
