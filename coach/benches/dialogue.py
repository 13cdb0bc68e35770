"""What the second reader costs in the worker, and so how soon the clarifying question can go.

`coach bench dialogue [--replies N]` stores N replies through the webhook's own code path
(`handle_inbound`) in a scratch SQLite database, then second-reads each one as the worker
task does (`coach.second_read.read_one` with both readers), and prints JSON Lines:
- `second_read_cold_ms`: the first read in a fresh process (the learned model loads);
- `second_read_p50_ms`, `second_read_p99_ms`, `second_read_max_ms`: each later read, from
  the stored reply to the committed question (or nothing) ready for the send task;
- `inbound_store_p50_ms`: the webhook's own handling of the same replies, for scale.
Broker hop and the SMS provider are not included (see docs/dialogue.md).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

REPLIES = (
    "4", "6/10", "maybe a 3 today", "did the break", "better today, about a 2",
    "something feels off with my smile today", "food keeps going down the wrong pipe",
    "hasn't let up once since the weekend", "my jaw hit the floor at the price",
    "hoy un 4, mejor que ayer", "me cuesta un poco hoy", "lunch went down a bit oddly today",
    "feeling kind of off today, hard to explain", "is it normal for my cheek to feel heavy?",
)


def _percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def run(replies: int = 200) -> list[dict[str, Any]]:
    from coach import patients, second_read
    from coach.config import Settings
    from coach.db.engine import make_engine, make_session_factory, transaction
    from coach.db.migrate import upgrade
    from coach.inbound import InboundSms, handle_inbound

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings.from_env({"COACH_DATA_DIR": tmp})
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        upgrade(url)
        engine = make_engine(url)
        factory = make_session_factory(engine)
        now = datetime(2027, 3, 10, 15, 0, tzinfo=UTC)
        phones = [f"+1202555{1000 + i:04d}" for i in range(replies)]
        with transaction(factory) as session:
            for phone in phones:
                p, _ = patients.enroll(session, settings, phone=phone, tz="America/New_York",
                                       now=now)
                patients.opt_in(session, p, now=now, method="sms_yes")
        stored: list[int] = []
        store_ms: list[float] = []
        for i, phone in enumerate(phones):
            sms = InboundSms(sid=f"SM{i:032x}", from_number=phone, to_number=None,
                             body=REPLIES[i % len(REPLIES)])
            start = time.perf_counter()
            with transaction(factory) as session:
                outcome = handle_inbound(session, settings, sms, now=now)
            store_ms.append((time.perf_counter() - start) * 1000)
            stored += outcome.second_reads
        read_ms: list[float] = []
        at = now + timedelta(seconds=2)
        for message_id in stored:
            start = time.perf_counter()
            second_read.read_one(factory, settings, message_id, now=at)
            read_ms.append((time.perf_counter() - start) * 1000)
        engine.dispose()
    cold, warm = read_ms[0], read_ms[1:] or read_ms
    return [
        {"name": "second_read_cold_ms", "value": round(cold, 1), "unit": "ms"},
        {"name": "second_read_p50_ms", "value": round(_percentile(warm, 0.5), 2), "unit": "ms"},
        {"name": "second_read_p99_ms", "value": round(_percentile(warm, 0.99), 2), "unit": "ms"},
        {"name": "second_read_max_ms", "value": round(max(warm), 2), "unit": "ms"},
        {"name": "inbound_store_p50_ms", "value": round(_percentile(store_ms, 0.5), 2),
         "unit": "ms"},
        {"name": "replies", "value": len(read_ms), "unit": "count"},
    ]


def main(argv: Sequence[str]) -> list[dict[str, Any]]:
    parser = argparse.ArgumentParser(prog="coach bench dialogue")
    parser.add_argument("--replies", type=int, default=200, metavar="N", help="default 200")
    args = parser.parse_args(list(argv))
    if args.replies < 2:
        parser.error("--replies must be at least 2")
    return run(args.replies)
