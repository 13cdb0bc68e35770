"""`coach bench inbound [--concurrency C] [--requests N] [--rate R] [--workers W]`: signed
Twilio webhooks against a real web process, as Twilio would send them.

The web app runs as `python -m coach.web.serve` (W uvicorn processes, each on its own
SO_REUSEPORT socket, as in production) on a scratch database (a SQLite file,
or a database created on the PostgreSQL server of COACH_DATABASE_URL and dropped afterwards),
with patients enrolled and opted in. Replies are a mix a clinic sees after the evening
check-in: ratings, notes, questions, commands and about one in ten red flags.

- closed loop (default): C connections each send their next request as soon as the last is
  answered, N requests in all;
- open loop (`--rate R`): requests start on a fixed schedule of R a second whatever the
  server does, and latency counts from the scheduled start, so a server that falls behind is
  charged for the queue it builds (no coordinated omission).

Figures: `inbound_p50`, `inbound_p99`, `inbound_max` (ms), `inbound_rps`, `inbound_errors`
(non-200 answers), whether every red flag's answer carried advice, the web processes' CPU
per request (`inbound_server_cpu_per_request`) and, on a PostgreSQL server on this machine,
its backends' CPU per request (`inbound_db_cpu_per_request`).
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from twilio.request_validator import RequestValidator

from coach.benches.tick import _server_cpu, scratch_database
from coach.db.engine import make_engine
from coach.web import serve

AUTH_TOKEN = "bench-auth-token-" + "0" * 16
FROM_NUMBER = "+15005550006"
PATIENTS = 500
REPLIES = (
    "twitch 4", "6/10", "worse after coffee", "slept badly, 7", "better today 2",
    "long day at the screen", "did the eye rest, thanks", "un 3 hoy", "mejor, 2",
    "does coffee make it worse?", "none today", "ni un tic hoy", "PAUSE 2 days", "RESUME",
    "ok", "😊", "my eyelid jumped all afternoon but it stopped after dinner, 5",
    "stressful meeting again, 6", "cuanto dura esto?",
)
RED_FLAGS = (
    "my face is drooping on the left", "cant swallow water", "no puedo hablar bien",
    "i see double since this morning", "worst pain of my life behind my eye",
)


@dataclass(frozen=True)
class Shot:
    latency_ms: float
    status: int
    red_flag: bool
    advised: bool


def group_cpu_seconds(pgid: int) -> float:
    """CPU time (user + system) of every live process in a process group (Linux /proc)."""
    total = 0
    tick = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:  # field 5 of stat: the process group
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / tick


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _seed(url: str, patients: int) -> None:
    now = datetime.now(UTC)
    engine = make_engine(url)
    try:
        from sqlalchemy import insert

        from coach.db.models import Patient

        with engine.begin() as conn:
            conn.execute(insert(Patient), [
                {"id": i + 1, "phone": _phone(i), "tz": "America/New_York", "lang": "en",
                 "status": "active", "daily_cap": 12, "created_at": now, "consent_at": now,
                 "consent_method": "sms_yes"}
                for i in range(patients)
            ])
    finally:
        engine.dispose()


def _phone(i: int) -> str:
    return f"+1202555{i:04d}"


@contextlib.contextmanager
def _web(url: str, folder: Path, workers: int) -> Iterator[tuple[str, int]]:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COACH_", "TWILIO_"))}
    env.update({
        "COACH_DATABASE_URL": url,
        "COACH_DATA_DIR": str(folder),
        "COACH_PUBLIC_URL": base,
        # A broker nobody listens on: enqueues fail fast and the sweep picks the rows up, as
        # in production when Redis is slow; the reply must not wait on it.
        "COACH_BROKER_URL": os.environ.get("COACH_BROKER_URL", "memory://"),
        "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
        "COACH_API_TOKEN": secrets.token_hex(16),
    })
    if "COACH_SQLITE_SYNCHRONOUS" in os.environ:  # to measure what the WAL's fsync costs
        env["COACH_SQLITE_SYNCHRONOUS"] = os.environ["COACH_SQLITE_SYNCHRONOUS"]
    log = (folder / "web.log").open("ab")
    proc = subprocess.Popen(
        [sys.executable, "-m", "coach.web.serve", "--host", "127.0.0.1", "--port", str(port),
         "--workers", str(workers), "--no-access-log", "--log-level", "warning"],
        env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise RuntimeError("the web process exited; see its log")
            with contextlib.suppress(OSError, http.client.HTTPException):
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                conn.request("GET", "/healthz")
                listening = serve.listening_sockets(port)
                # every process warmed up and listening, not only the first (None: cannot tell)
                if conn.getresponse().status == 200 and (
                    listening is None or listening >= workers
                ):
                    conn.close()
                    break
            time.sleep(0.2)
        else:
            raise RuntimeError("the web process did not answer /healthz within 60 s")
        yield base, proc.pid
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)
        log.close()


class _Client:
    """One keep-alive connection sending signed inbound webhooks."""

    def __init__(self, base: str) -> None:
        self.base = base
        parts = urllib.parse.urlsplit(base)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.validator = RequestValidator(AUTH_TOKEN)
        self.conn: http.client.HTTPConnection | None = None

    def send(self, i: int, started: float | None = None) -> Shot:
        red = i % 10 == 3
        text = RED_FLAGS[i % len(RED_FLAGS)] if red else REPLIES[i % len(REPLIES)]
        params = {"MessageSid": "SM" + secrets.token_hex(16), "From": _phone(i % PATIENTS),
                  "To": FROM_NUMBER, "Body": text, "NumMedia": "0"}
        url = self.base + "/twilio/inbound"
        body = urllib.parse.urlencode(params)
        headers = {"X-Twilio-Signature": self.validator.compute_signature(url, params),
                   "Content-Type": "application/x-www-form-urlencoded"}
        begin = time.perf_counter() if started is None else started
        status, answer = 0, ""
        for _attempt in range(2):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
                self.conn.request("POST", "/twilio/inbound", body=body, headers=headers)
                response = self.conn.getresponse()
                status, answer = response.status, response.read().decode("utf-8", "replace")
                break
            except (OSError, http.client.HTTPException):
                if self.conn is not None:
                    self.conn.close()
                self.conn = None
        latency = (time.perf_counter() - begin) * 1e3
        advised = red and any(w in answer for w in ("911", "emergency", "urgent", "today"))
        return Shot(latency, status, red, advised)


def _closed(base: str, concurrency: int, requests: int) -> tuple[list[Shot], float]:
    counter = iter(range(requests))
    lock = threading.Lock()
    shots: list[Shot] = []

    def worker() -> None:
        client = _Client(base)
        while True:
            with lock:
                i = next(counter, None)
            if i is None:
                return
            shot = client.send(i)
            with lock:
                shots.append(shot)

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return shots, time.perf_counter() - started


def _open(base: str, rate: float, requests: int) -> tuple[list[Shot], float]:
    local = threading.local()

    def one(i: int, due: float) -> Shot:
        client = getattr(local, "client", None)
        if client is None:
            client = local.client = _Client(base)
        return client.send(i, started=due)

    shots: list[Shot] = []
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=256) as pool:
        futures = []
        for i in range(requests):
            due = start + i / rate
            pause = due - time.perf_counter()
            if pause > 0:
                time.sleep(pause)
            futures.append(pool.submit(one, i, due))
        shots = [f.result() for f in futures]
    return shots, time.perf_counter() - start


def _percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def _figures(shots: list[Shot], seconds: float, common: dict[str, Any]) -> list[dict[str, Any]]:
    ok = [s.latency_ms for s in shots if s.status == 200]
    lat = ok or [float("nan")]
    reds = [s for s in shots if s.red_flag]
    return [
        {"name": "inbound_p50", "value": round(statistics.median(lat), 1), "unit": "ms", **common},
        {"name": "inbound_p99", "value": round(_percentile(lat, 0.99), 1), "unit": "ms",
         **common},
        {"name": "inbound_max", "value": round(max(lat), 1), "unit": "ms", **common},
        {"name": "inbound_rps", "value": round(len(shots) / seconds, 1), "unit": "req/s",
         **common},
        {"name": "inbound_errors", "value": sum(s.status != 200 for s in shots), "unit": "count",
         **common},
        {"name": "inbound_red_flags_advised", "value": sum(s.advised for s in reds),
         "unit": "count", "of": len(reds), **common},
    ]


def measure(concurrency: int, requests: int, rate: float | None, workers: int,
            warmup: int = 50) -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory(prefix="coach-bench-") as tmp:
        folder = Path(tmp)
        with scratch_database(folder, "inbound") as url:
            _seed(url, PATIENTS)
            engine = make_engine(url)
            try:
                with _web(url, folder, workers) as (base, pgid):
                    _closed(base, min(concurrency, 4), warmup)
                    db_before = _server_cpu(engine)
                    cpu_before = group_cpu_seconds(pgid)
                    if rate:
                        shots, seconds = _open(base, rate, requests)
                    else:
                        shots, seconds = _closed(base, concurrency, requests)
                    cpu = group_cpu_seconds(pgid) - cpu_before
                    db_after = _server_cpu(engine) if db_before is not None else None
            finally:
                engine.dispose()
    backend = "postgresql" if url.startswith("postgresql") else "sqlite"
    common: dict[str, Any] = {"database": backend, "workers": workers, "requests": requests}
    if rate:
        common["rate"] = rate
    else:
        common["concurrency"] = concurrency
    figures = [*_figures(shots, seconds, common),
               {"name": "inbound_server_cpu_per_request", "value": round(cpu * 1e3 / requests, 2),
                "unit": "ms", **common}]
    if db_before is not None and db_after is not None:
        # PostgreSQL's own backends on this machine (the web processes' pooled connections).
        db_cpu = sum(t - db_before.get(pid, 0.0) for pid, t in db_after.items())
        figures.append({"name": "inbound_db_cpu_per_request",
                        "value": round(db_cpu * 1e3 / requests, 2), "unit": "ms", **common})
    return figures


def main(argv: Sequence[str]) -> list[dict[str, Any]]:
    parser = argparse.ArgumentParser(prog="coach bench inbound", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--concurrency", type=int, default=50, help="closed loop connections")
    parser.add_argument("--requests", type=int, default=1000, help="requests in all")
    parser.add_argument("--rate", type=float, help="open loop: requests per second")
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    args = parser.parse_args(list(argv))
    if args.concurrency < 1 or args.requests < 1 or args.workers < 1:
        parser.error("--concurrency, --requests and --workers must be at least 1")
    if args.rate is not None and args.rate <= 0:
        parser.error("--rate must be above 0")
    return measure(args.concurrency, args.requests, args.rate, args.workers)


def run() -> list[dict[str, Any]]:
    return main([])


if __name__ == "__main__":
    for figure in main(sys.argv[1:]):
        print(json.dumps(figure))
