"""Reply-reader speed on one core: both readers, typical and long replies, burst latency.

`coach bench triage [--quick]` prints JSON Lines figures:
- lexicon (`understand`) and both readers (`assess`): replies per second on a mix of typical
  replies, single-reply latency p50/p99, and ms per KB at 1, 10 and 100 KB;
- `assess_burst50_added_p99`: 50 replies arriving at once on one process (50 threads, as the
  webhook's thread pool would run them, each timed from the burst's arrival to its reply):
  the p99 latency with both readers minus the p99 with the lexicon alone. This is what
  running the second reader in the webhook would add to its p99 under 50 concurrent
  requests (budget: 10 ms).
Threads for BLAS are whatever the environment sets; run with OMP_NUM_THREADS=1 to measure
one core.
"""

from __future__ import annotations

import argparse
import threading
import time
from collections.abc import Callable, Sequence
from functools import partial

from coach.core.triage import assess, understand

REPLIES = (
    "4", "6/10", "maybe a 3 today", "did the break", "better today, about a 2",
    "twitch 5 after a long day at the screen", "no twitch today!", "STOP", "pause 2 days",
    "cnt swallow, face droopy", "my vision is blurred", "no drooping, no slurred speech",
    "it has been twitching constantly for 5 days", "killing it today lol 💪",
    "hoy un 4, mejor que ayer", "veo doble desde la mañana", "no tengo problemas para tragar",
    "my husband's face is drooping on one side", "sooo tired, eyelid jumping like crazy 7/10",
    "used to have double vision, gone now",
)
BURST = 50
BUDGET_MS = 10.0

Reader = Callable[[str], object]


def _per_second(fn: Callable[[], object], calls: int, min_seconds: float = 0.5) -> float:
    done = 0
    start = time.perf_counter()
    while True:
        for _ in range(calls):
            fn()
        done += calls
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            return done / elapsed


def _text(kb: int) -> str:
    base = " ".join(REPLIES) + " "
    return (base * (kb * 1024 // len(base) + 1))[: kb * 1024]


def _percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _latencies(read: Reader, rounds: int) -> list[float]:
    out = []
    for _ in range(rounds):
        for reply in REPLIES:
            start = time.perf_counter()
            read(reply)
            out.append((time.perf_counter() - start) * 1000)
    return out


def _burst_p99(read: Reader, rounds: int) -> float:
    """p99 latency (ms) of BURST replies arriving at once, handled on BURST threads of one
    process, each measured from the arrival of the burst to its own reply."""
    latencies: list[float] = []
    lock = threading.Lock()
    for r in range(rounds):
        gate = threading.Barrier(BURST + 1)
        arrived: list[float] = []

        def one(i: int, r: int = r, gate: threading.Barrier = gate,
                arrived: list[float] = arrived) -> None:
            text = REPLIES[(i + r) % len(REPLIES)]
            gate.wait()
            read(text)
            done = time.perf_counter()
            with lock:
                latencies.append((done - arrived[0]) * 1000)

        threads = [threading.Thread(target=one, args=(i,)) for i in range(BURST)]
        for thread in threads:
            thread.start()
        arrived.append(time.perf_counter())
        gate.wait()
        for thread in threads:
            thread.join()
    return _percentile(latencies, 0.99)


def _reader_figures(prefix: str, read: Reader, quick: bool) -> list[dict[str, object]]:
    seconds = 0.2 if quick else 0.5
    rate = _per_second(lambda: [read(r) for r in REPLIES], 1, seconds) * len(REPLIES)
    lat = _latencies(read, 2 if quick else 10)
    figures: list[dict[str, object]] = [
        {"name": f"{prefix}_replies_per_second", "value": round(rate, 1), "unit": "replies/s"},
        {"name": f"{prefix}_latency_p50", "value": round(_percentile(lat, 0.5), 3),
         "unit": "ms"},
        {"name": f"{prefix}_latency_p99", "value": round(_percentile(lat, 0.99), 3),
         "unit": "ms"},
    ]
    for kb in (1, 10) if quick else (1, 10, 100):
        text = _text(kb)
        per_second = _per_second(partial(read, text), 1, seconds)
        figures.append({"name": f"{prefix}_ms_per_kb_at_{kb}kb",
                        "value": round(1000.0 / per_second / kb, 3), "unit": "ms/KB"})
    return figures


def run(quick: bool = False) -> list[dict[str, object]]:
    assess(REPLIES[0])  # load the model and the encoder before timing
    figures = [
        *_reader_figures("triage", understand, quick),
        *_reader_figures("assess", assess, quick),
    ]
    rounds = 1 if quick else 5
    lexicon_p99 = _burst_p99(understand, rounds)
    both_p99 = _burst_p99(assess, rounds)
    added = both_p99 - lexicon_p99
    figures += [
        {"name": "triage_burst50_p99", "value": round(lexicon_p99, 2), "unit": "ms"},
        {"name": "assess_burst50_p99", "value": round(both_p99, 2), "unit": "ms"},
        {"name": "assess_burst50_added_p99", "value": round(added, 2), "unit": "ms",
         "budget": BUDGET_MS, "fits_webhook": added <= BUDGET_MS},
    ]
    return figures


def main(argv: Sequence[str] | None = None) -> list[dict[str, object]]:
    parser = argparse.ArgumentParser(prog="coach bench triage")
    parser.add_argument("--quick", action="store_true", help="short runs (for tests)")
    args = parser.parse_args(list(argv or ()))
    return run(quick=args.quick)


if __name__ == "__main__":
    import json

    for figure in run():
        print(json.dumps(figure))
