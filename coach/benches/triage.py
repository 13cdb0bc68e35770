"""Reply-reader speed on one core: typical replies, long replies, and linearity."""

from __future__ import annotations

import time
from collections.abc import Callable

from coach.core.triage import understand

REPLIES = (
    "4", "6/10", "maybe a 3 today", "did the break", "better today, about a 2",
    "twitch 5 after a long day at the screen", "no twitch today!", "STOP", "pause 2 days",
    "cnt swallow, face droopy", "my vision is blurred", "no drooping, no slurred speech",
    "it has been twitching constantly for 5 days", "killing it today lol 💪",
    "hoy un 4, mejor que ayer", "veo doble desde la mañana", "no tengo problemas para tragar",
    "my husband's face is drooping on one side", "sooo tired, eyelid jumping like crazy 7/10",
    "used to have double vision, gone now",
)


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


def _mixed() -> None:
    for reply in REPLIES:
        understand(reply)


def _text(kb: int) -> str:
    base = " ".join(REPLIES) + " "
    return (base * (kb * 1024 // len(base) + 1))[: kb * 1024]


def run() -> list[dict[str, object]]:
    replies_per_second = _per_second(_mixed, 20) * len(REPLIES)
    one_kb, ten_kb = _text(1), _text(10)
    per_second_1kb = _per_second(lambda: understand(one_kb), 5)
    per_second_10kb = _per_second(lambda: understand(ten_kb), 1)
    ms_per_kb_1 = 1000.0 / per_second_1kb
    ms_per_kb_10 = 1000.0 / per_second_10kb / 10
    return [
        {"name": "triage_replies_per_second", "value": round(replies_per_second, 1),
         "unit": "replies/s"},
        {"name": "triage_10kb_replies_per_second", "value": round(per_second_10kb, 2),
         "unit": "replies/s"},
        {"name": "triage_ms_per_kb_at_1kb", "value": round(ms_per_kb_1, 3), "unit": "ms/KB"},
        {"name": "triage_ms_per_kb_at_10kb", "value": round(ms_per_kb_10, 3), "unit": "ms/KB"},
        {"name": "triage_linearity_10kb_vs_1kb", "value": round(ms_per_kb_10 / ms_per_kb_1, 3),
         "unit": "ratio (1.0 = linear)"},
    ]


if __name__ == "__main__":
    import json

    for figure in run():
        print(json.dumps(figure))
