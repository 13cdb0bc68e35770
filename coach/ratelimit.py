"""A messages-per-second allowance per sender, shared by every worker.

Each send reserves the next free instant ("virtual scheduling"): atomic in Redis across
workers and hosts; a process-local twin serves the embedded single-worker setup.
"""

from __future__ import annotations

import threading
import time
from typing import Protocol

import redis

_RESERVE = """
local now = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local nxt = tonumber(redis.call('GET', KEYS[1]) or '0')
local at = math.max(now, nxt)
redis.call('SET', KEYS[1], tostring(at + interval), 'PX', math.ceil(interval * 1000) + 60000)
return tostring(at - now)
"""


class RateLimiter(Protocol):
    def wait(self, sender: str) -> float:
        """Block until `sender` may send; returns the seconds waited."""
        ...


class LocalRateLimiter:
    def __init__(self, per_second: float, sleep: object = time.sleep):
        self.interval = 1.0 / per_second
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()
        self._sleep = sleep

    def reserve(self, sender: str, now: float) -> float:
        with self._lock:
            at = max(now, self._next.get(sender, 0.0))
            self._next[sender] = at + self.interval
            return at - now

    def wait(self, sender: str) -> float:
        delay = self.reserve(sender, time.monotonic())
        if delay > 0:
            self._sleep(delay)  # type: ignore[operator]
        return delay


class RedisRateLimiter:
    def __init__(self, client: redis.Redis, per_second: float, prefix: str = "coach:rate:"):
        self.client = client
        self.interval = 1.0 / per_second
        self.prefix = prefix
        self._script = client.register_script(_RESERVE)

    def reserve(self, sender: str) -> float:
        # Redis's own clock, so workers on different hosts agree on "now".
        seconds, micros = self.client.time()
        now = seconds + micros / 1e6
        return float(self._script(keys=[self.prefix + sender], args=[now, self.interval]))

    def wait(self, sender: str) -> float:
        delay = self.reserve(sender)
        if delay > 0:
            time.sleep(delay)
        return delay


def build_limiter(broker_url: str, per_second: float) -> RateLimiter:
    if broker_url.startswith(("redis://", "rediss://")):
        return RedisRateLimiter(redis.Redis.from_url(broker_url), per_second)
    return LocalRateLimiter(per_second)
