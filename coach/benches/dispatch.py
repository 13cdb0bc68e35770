"""`coach bench dispatch [--messages N] [--runs R] [--concurrency C]`: sends per second
through the real broker and a real Celery worker, against a bare no-op task on the same
broker with the same worker settings, in the same run; and the shared rate limiter with two
worker processes.

Each run seeds a scratch database (a SQLite file, or a database created on the PostgreSQL
server of COACH_DATABASE_URL and dropped afterwards) with N opted-in patients and one queued
reminder each (a slot's burst), starts `celery -A tasks worker` on a queue of its own (on
COACH_BROKER_URL, or the embedded filesystem broker in a scratch folder), and times, from the
first publish to the last task done:

- `noop_tasks_per_second`: N bare `coach.noop` tasks (Celery's own cost per task), measured
  right before each backend's sends (its spread covers both);
- `outbox_sends_per_second`: the N reminders through `coach.send_batch` (batches of 50, as
  `coach.enqueue` publishes them) with the outbox backend;
- `twilio_sends_per_second`: the same with the twilio SDK against a local stand-in of
  Twilio's Messages API (a small recording HTTP server);
- `dispatch_ratio` (outbox / the no-op run just before it) and `twilio_dispatch_ratio`
  (Twilio SDK / its own no-op run).

The sender's rate is set out of the way for these (COACH_SEND_RATE=1e6; the limiter still
runs). Then `rate_limiter_*`: two processes share one sender through Redis's token bucket at
R = 5 and R = 50 (COACH_BROKER_URL's Redis, or a scratch redis-server when one is
installed): the achieved rate, its error and the busiest one-second window of sends.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select

from coach.benches.limiter import measure as measure_limiter
from coach.benches.tick import scratch_database
from coach.db.engine import make_engine

ROOT = Path(__file__).resolve().parents[2]
ACCOUNT_SID = "AC" + "b" * 32
AUTH_TOKEN = "bench-auth-token-" + "0" * 16
FROM_NUMBER = "+15005550006"
BATCH = 50
DONE = ("sent", "delivered", "failed", "skipped")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _StandIn(BaseHTTPRequestHandler):
    """Twilio's Messages.json create, answered at once; counts what it was sent."""

    protocol_version = "HTTP/1.1"  # keep-alive, as the SDK's session expects
    # Headers and body go out as two writes: without this, Nagle's algorithm holds the body
    # until the client's delayed ACK (40 ms a request), which is no property of Twilio's.
    disable_nagle_algorithm = True
    lock = threading.Lock()
    creates = 0

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        with _StandIn.lock:
            _StandIn.creates += 1
        sid = "SM" + uuid.uuid4().hex
        body = json.dumps({"sid": sid, "status": "queued", "account_sid": ACCOUNT_SID,
                           "to": "+15005550006", "body": "…"}).encode()
        self.send_response(201)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def _stand_in() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _StandIn)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _seed(url: str, n: int) -> None:
    from coach.db.models import Message, Patient

    now = datetime.now(UTC)
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(insert(Patient), [
                {"id": i + 1, "phone": f"+1202{i:07d}", "tz": "UTC", "lang": "en",
                 "status": "active", "daily_cap": 12, "created_at": now, "consent_at": now,
                 "consent_method": "sms_yes"}
                for i in range(n)
            ])
            conn.execute(insert(Message), [
                {"id": i + 1, "patient_id": i + 1, "direction": "out", "kind": "eye_rest",
                 "body": "Eye rest: look at something far away for 20 seconds.",
                 "to_number": f"+1202{i:07d}", "status": "queued", "attempts": 0,
                 "dedupe_key": f"bench:{i}", "slot_at": now, "created_at": now,
                 "updated_at": now}
                for i in range(n)
            ])
    finally:
        engine.dispose()


def _reset(url: str) -> None:
    """Every reminder queued again (the same data for the next backend)."""
    from sqlalchemy import delete, update

    from coach.db.models import Message, MessageEvent

    now = datetime.now(UTC)
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(delete(MessageEvent))
            conn.execute(update(Message).values(status="queued", provider_sid=None,
                                                sent_at=None, slot_at=now, updated_at=now))
    finally:
        engine.dispose()


_engines: dict[str, Any] = {}


def _finished(url: str) -> tuple[int, int]:
    from coach.db.models import Message

    engine = _engines.get(url)
    if engine is None:
        engine = _engines[url] = make_engine(url)
    with engine.connect() as conn:
        rows = dict(conn.execute(
            select(Message.status, func.count()).where(Message.status.in_(DONE))
            .group_by(Message.status)
        ).all())
    return sum(rows.values()), rows.get("sent", 0) + rows.get("delivered", 0)


def _dispose(url: str) -> None:
    engine = _engines.pop(url, None)
    if engine is not None:
        engine.dispose()


class _Worker:
    """`celery -A tasks worker` on a queue of its own, with coach's own settings."""

    def __init__(self, env: dict[str, str], queue: str, concurrency: int, folder: Path,
                 embedded: bool) -> None:
        args = [sys.executable, "-m", "celery", "-A", "tasks", "worker", "-Q", queue,
                "--concurrency", str(concurrency), "--loglevel", "WARNING",
                "-n", f"bench-{queue}@%h"]
        if embedded:  # as `coach up` runs it on the filesystem broker
            args += ["--pool", "threads", "--without-gossip", "--without-mingle",
                     "--without-heartbeat"]
        self.log = (folder / f"worker-{queue}.log").open("ab")
        self.proc = subprocess.Popen(args, cwd=ROOT, env=env, stdout=self.log,
                                     stderr=subprocess.STDOUT, start_new_session=True)

    def stop(self) -> None:
        if self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)
        self.log.close()


def _env(url: str, folder: Path, broker: str, twilio_url: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COACH_", "TWILIO_"))}
    env.update({
        "COACH_DATABASE_URL": url,
        "COACH_BROKER_URL": broker,
        "COACH_DATA_DIR": str(folder),
        "COACH_SEND_RATE": "1000000",
        "PYTHONPATH": str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""),
    })
    if twilio_url:
        env.update({"TWILIO_ACCOUNT_SID": ACCOUNT_SID, "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
                    "TWILIO_FROM_NUMBER": FROM_NUMBER, "COACH_TWILIO_API_URL": twilio_url,
                    "COACH_PUBLIC_URL": "http://127.0.0.1:9"})
    return env


def _app(env: dict[str, str]) -> Any:
    from coach.config import Settings
    from tasks.celery_app import make_app

    return make_app(Settings.from_env(env))


def _wait(predicate: Any, timeout: float, what: str, worker: _Worker, every: float = 0.01
          ) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        if worker.proc.poll() is not None:
            raise RuntimeError(f"the worker exited while waiting for {what}")
        time.sleep(every)
    raise RuntimeError(f"timed out waiting for {what}")


def _ready(app: Any, queue: str, folder: Path, worker: _Worker) -> None:
    marker = folder / f"ready-{uuid.uuid4().hex}"
    app.send_task("coach.noop", args=(str(marker),), queue=queue)
    _wait(marker.exists, 120, "the worker to start", worker)


def _noop_rate(app: Any, queue: str, n: int, folder: Path, worker: _Worker) -> float:
    marker = folder / f"noop-{uuid.uuid4().hex}"
    started = time.perf_counter()
    for _ in range(n - 1):
        app.send_task("coach.noop", queue=queue)
    app.send_task("coach.noop", args=(str(marker),), queue=queue)
    _wait(marker.exists, 600, "the no-op tasks", worker)
    return n / (time.perf_counter() - started)


def _send_rate(app: Any, queue: str, url: str, n: int, worker: _Worker) -> float:
    started = time.perf_counter()
    ids = list(range(1, n + 1))
    for i in range(0, n, BATCH):
        app.send_task("coach.send_batch", args=(ids[i:i + BATCH], None), queue=queue)
    _wait(lambda: _finished(url)[0] >= n, 600, "the sends", worker, every=0.05)
    seconds = time.perf_counter() - started
    done, sent = _finished(url)
    if sent != n:
        raise RuntimeError(f"only {sent} of {n} reminders were sent ({done} finished)")
    return n / seconds


def _one_run(folder: Path, n: int, concurrency: int) -> dict[str, float]:
    broker = os.environ.get("COACH_BROKER_URL") or "filesystem://"
    embedded = broker.startswith("filesystem://")
    queue = f"bench-{uuid.uuid4().hex[:8]}"
    figures: dict[str, float] = {}
    with scratch_database(folder, f"dispatch{uuid.uuid4().hex[:6]}") as url:
        _seed(url, n)
        for backend in ("outbox", "twilio"):
            with contextlib.ExitStack() as stack:
                twilio_url = stack.enter_context(_stand_in()) if backend == "twilio" else None
                env = _env(url, folder, broker, twilio_url)
                app = _app(env)
                worker = _Worker(env, queue, concurrency, folder, embedded)
                stack.callback(worker.stop)
                _ready(app, queue, folder, worker)
                # The no-op peer, on the same broker, worker and settings, right before each
                # backend: on a shared machine the load drifts within a run, and a ratio of
                # figures minutes apart measures the drift as much as the send.
                figures[f"noop_{backend}"] = _noop_rate(app, queue, n, folder, worker)
                if backend == "twilio":
                    _reset(url)
                    _StandIn.creates = 0
                figures[backend] = _send_rate(app, queue, url, n, worker)
                if backend == "twilio" and _StandIn.creates != n:
                    raise RuntimeError(f"the stand-in got {_StandIn.creates} creates for {n}")
        _dispose(url)
    return figures


@contextlib.contextmanager
def _redis_for_limiter(folder: Path) -> Iterator[str | None]:
    broker = os.environ.get("COACH_BROKER_URL", "")
    if broker.startswith(("redis://", "rediss://")):
        yield broker
        return
    binary = shutil.which("redis-server")
    if binary is None:
        yield None
        return
    port = _free_port()
    proc = subprocess.Popen(
        [binary, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly",
         "no", "--dir", str(folder)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(
                ("127.0.0.1", port), timeout=1
            ) as sock:
                sock.sendall(b"PING\r\n")
                if sock.recv(16).startswith(b"+PONG"):
                    break
            time.sleep(0.1)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


def _spread(values: Sequence[float], digits: int = 2) -> dict[str, float]:
    return {"min": round(min(values), digits), "median": round(statistics.median(values), digits),
            "max": round(max(values), digits)}


def _figure(name: str, values: Sequence[float], unit: str, common: dict[str, Any],
            digits: int = 2) -> dict[str, Any]:
    return {"name": name, "value": round(statistics.median(values), digits), "unit": unit,
            **_spread(values, digits), **common}


def measure(n: int, runs: int, concurrency: int, limiter_seconds: float
            ) -> list[dict[str, Any]]:
    database = ("postgresql" if os.environ.get("COACH_DATABASE_URL", "").startswith(
        "postgresql") else "sqlite")
    broker = (os.environ.get("COACH_BROKER_URL") or "filesystem://").split(":", 1)[0]
    common = {"messages": n, "runs": runs, "concurrency": concurrency, "database": database,
              "broker": broker}
    results: list[dict[str, float]] = []
    limiter: dict[float, list[Any]] = {5.0: [], 50.0: []}
    with tempfile.TemporaryDirectory(prefix="coach-bench-dispatch-") as tmp:
        folder = Path(tmp)
        for _ in range(runs):
            results.append(_one_run(folder, n, concurrency))
        with _redis_for_limiter(folder) as redis_url:
            if redis_url is not None and limiter_seconds > 0:
                for _ in range(runs):
                    for rate in limiter:
                        limiter[rate].append(measure_limiter(redis_url, rate, limiter_seconds))
    noop = [r["noop_outbox"] for r in results] + [r["noop_twilio"] for r in results]
    outbox = [r["outbox"] for r in results]
    twilio = [r["twilio"] for r in results]
    figures = [
        _figure("noop_tasks_per_second", noop, "tasks/s", common, 1),
        _figure("outbox_sends_per_second", outbox, "messages/s", common, 1),
        _figure("twilio_sends_per_second", twilio, "messages/s", common, 1),
        _figure("dispatch_ratio", [r["outbox"] / r["noop_outbox"] for r in results], "x",
                common),
        _figure("twilio_dispatch_ratio", [r["twilio"] / r["noop_twilio"] for r in results],
                "x", common),
    ]
    for rate, measured in limiter.items():
        if not measured:
            figures.append({"name": "rate_limiter_achieved", "value": None, "unit": "messages/s",
                            "rate": rate, "skipped": "no Redis (set COACH_BROKER_URL or "
                            "install redis-server)"})
            continue
        extra = {"rate": rate, "workers": 2, "seconds": limiter_seconds, "runs": len(measured)}
        figures += [
            _figure("rate_limiter_achieved", [m.achieved for m in measured], "messages/s",
                    extra, 3),
            _figure("rate_limiter_error", [m.error * 100 for m in measured], "%", extra, 2),
            {"name": "rate_limiter_busiest_window", "value": max(m.busiest for m in measured),
             "unit": "messages/s", **_spread([m.busiest for m in measured], 0), **extra},
        ]
    return figures


def main(argv: Sequence[str]) -> list[dict[str, Any]]:
    parser = argparse.ArgumentParser(prog="coach bench dispatch", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=2000, help="reminders per backend")
    parser.add_argument("--runs", type=int, default=1, help="runs (figures: min/median/max)")
    parser.add_argument("--concurrency", type=int, default=2, help="worker pool size")
    parser.add_argument("--limiter-seconds", type=float, default=10.0,
                        help="seconds per rate-limiter run (0: skip it)")
    args = parser.parse_args(list(argv))
    if args.messages < BATCH:
        parser.error(f"--messages must be at least {BATCH}")
    if args.runs < 1 or args.concurrency < 1:
        parser.error("--runs and --concurrency must be at least 1")
    return measure(args.messages, args.runs, args.concurrency, args.limiter_seconds)


def run() -> list[dict[str, Any]]:
    return main([])


if __name__ == "__main__":
    for figure in main(sys.argv[1:]):
        print(json.dumps(figure))
