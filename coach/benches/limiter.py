"""The shared rate limiter under two worker processes: achieved rate and busiest window.

`python -m coach.benches.limiter REDIS_URL RATE TOKENS KEY START` is one worker: it waits
until wall-clock START, takes TOKENS tokens of sender KEY as a send would, and prints each
moment it was allowed to send (time.time(), one a line). `measure()` runs several of them
and merges what they print.
"""

from __future__ import annotations

import bisect
import os
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class LimiterRun:
    rate: float
    sends: int
    achieved: float  # sends per second between the first and the last
    busiest: int  # most sends in any one-second window [t, t + 1)

    @property
    def error(self) -> float:
        return (self.achieved - self.rate) / self.rate


def busiest_window(times: list[float], width: float = 1.0) -> int:
    ordered = sorted(times)
    return max(
        (bisect.bisect_left(ordered, t + width) - i for i, t in enumerate(ordered)), default=0
    )


def summarize(rate: float, times: list[float]) -> LimiterRun:
    ordered = sorted(times)
    span = ordered[-1] - ordered[0] if len(ordered) > 1 else 0.0
    achieved = (len(ordered) - 1) / span if span > 0 else 0.0
    return LimiterRun(rate, len(ordered), achieved, busiest_window(ordered))


def measure(redis_url: str, rate: float, seconds: float, workers: int = 2) -> LimiterRun:
    """`workers` processes share one sender's allowance for about `seconds`."""
    key = f"bench-{uuid.uuid4().hex[:8]}"
    tokens = max(2, round(rate * seconds / workers))
    start = time.time() + 1.5  # every process is up before the first token
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "coach.benches.limiter", redis_url, str(rate), str(tokens),
             key, repr(start)],
            stdout=subprocess.PIPE, env=env, text=True,
        )
        for _ in range(workers)
    ]
    times: list[float] = []
    for proc in procs:
        out, _ = proc.communicate(timeout=seconds * 4 + 60)
        if proc.returncode != 0:
            raise RuntimeError(f"limiter worker exited with {proc.returncode}")
        times += [float(line) for line in out.split()]
    return summarize(rate, times)


def _worker(redis_url: str, rate: float, tokens: int, key: str, start: float) -> None:
    import redis

    from coach.ratelimit import RedisRateLimiter, settle

    limiter = RedisRateLimiter(redis.Redis.from_url(redis_url), rate)
    limiter.reserve(key + "-warmup")  # connect and load the script before the clock starts
    delay = start - time.time()
    if delay > 0:
        time.sleep(delay)
    stamps = []
    for _ in range(tokens):
        slot = limiter.acquire(key)
        settle(limiter, key, slot)  # as a send does, right before its provider call
        stamps.append(time.time())
    sys.stdout.write("".join(f"{t!r}\n" for t in stamps))


if __name__ == "__main__":
    url, rate_text, count, sender, at = sys.argv[1:6]
    _worker(url, float(rate_text), int(count), sender, float(at))
