"""`coach bench duplicates [--minutes M] [--patients N]`: the fault-injection figures over a
longer run than the test suite's (duplicates, lost slots, texts after STOP, stuck rows: all
must be 0).

Needs PostgreSQL (COACH_DATABASE_URL) and Redis (COACH_BROKER_URL). It creates a scratch
database on that server (dropped afterwards) and uses its own Redis database number
(--redis-db, 15 by default, which must be empty; flushed afterwards), so a deployment on the
same servers is not touched. It starts its own recording Twilio stand-in, two workers, two
beats and a web process, opts in N patients on one-minute schedules, and injects one fault
per slot, in turn, as long as the run lasts:

- a worker SIGKILLed mid-burst (a new one started at once);
- a tenth of the patients text STOP (signed webhooks) while the burst drains;
- Redis frozen for --freeze seconds (150 by default: CLIENT PAUSE, every client blocked);
- both beats SIGSTOPped for longer than the grace period (COACH_GRACE_MINUTES=1 here);
- every database session cut (pg_terminate_backend), as a PostgreSQL restart would.

Then it waits for claims of killed workers to come back (coach.send.CLAIM_LEASE) and prints
the figures, one JSON object a line.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import socket
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from coach.benches import faults
from coach.benches.tick import scratch_database
from coach.cli.common import Failure
from coach.config import Settings
from coach.db.engine import make_engine, make_session_factory


def _require(env: dict[str, str]) -> tuple[str, str]:
    database = env.get("COACH_DATABASE_URL", "")
    broker = env.get("COACH_BROKER_URL", "")
    if not database.startswith(("postgresql", "postgres://")):
        raise Failure("coach bench duplicates needs PostgreSQL: set COACH_DATABASE_URL to "
                      "postgresql://user@host/db (a scratch database is created there)")
    if not broker.startswith(("redis://", "rediss://")):
        raise Failure("coach bench duplicates needs Redis: set COACH_BROKER_URL to "
                      "redis://host:6379/0 (the bench uses its own --redis-db on that server)")
    return database, broker


def _redis_url(broker: str, db: int) -> str:
    parts = broker.split("/")
    base = "/".join(parts[:3])
    return f"{base}/{db}"


@contextlib.contextmanager
def _own_redis_db(url: str) -> Iterator[None]:
    import redis

    client = redis.Redis.from_url(url, socket_connect_timeout=5)
    try:
        size = client.dbsize()
    except redis.RedisError as exc:
        raise Failure(f"cannot reach Redis for the bench ({type(exc).__name__})") from None
    if size:
        raise Failure(f"Redis database {url.rsplit('/', 1)[-1]} holds {size} keys: the bench "
                      "needs an empty one (choose another with --redis-db)")
    try:
        yield
    finally:
        with contextlib.suppress(redis.RedisError):
            client.execute_command("CLIENT", "UNPAUSE")
            client.flushdb()
        client.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _Run:
    def __init__(self, deployment: faults.Deployment, standin: faults.RecordingTwilio,
                 settings: Settings, database_url: str, web_port: int, freeze: float) -> None:
        self.deployment = deployment
        self.standin = standin
        self.settings = settings
        self.database_url = database_url
        self.web_port = web_port
        self.freeze = freeze
        self.patients: list[int] = []
        self.stops: dict[int, datetime] = {}
        self.workers = 2
        self.log: list[str] = []

    def burst_started(self, minute: float) -> None:
        with contextlib.suppress(AssertionError):
            faults.wait_for(
                lambda: sum(1 for c in self.standin.snapshot() if c.at >= minute) >= 3,
                40, "the burst", every=0.1)

    def kill_worker(self, minute: float) -> float:
        self.burst_started(minute)
        victim = next(n for n in self.deployment.procs if n.startswith("worker"))
        self.deployment.kill(victim)
        self.workers += 1
        self.deployment.worker(f"worker{self.workers}")
        self.log.append("worker SIGKILL mid-burst")
        return 0.0

    def stop_some(self, minute: float) -> float:
        self.burst_started(minute)
        chosen = [p for i, p in enumerate(self.patients) if i % 10 == 3]
        for pid in chosen:
            index = self.patients.index(pid)
            status, _ = faults.post_signed(
                f"http://127.0.0.1:{self.web_port}", "/twilio/inbound",
                {"MessageSid": faults.message_sid(), "From": faults.phone(index),
                 "To": faults.FROM_NUMBER, "Body": "STOP"})
            if status == 200:
                self.stops[pid] = datetime.now(UTC)
            time.sleep(0.2)
        self.log.append(f"STOP from {len(self.stops)} patients mid-burst")
        return 0.0

    def freeze_redis(self, minute: float) -> float:
        import redis

        self.burst_started(minute)
        client = redis.Redis.from_url(self.settings.broker_url)
        client.execute_command("CLIENT", "PAUSE", str(int(self.freeze * 1000)), "ALL")
        client.close()
        self.log.append(f"Redis paused {self.freeze:.0f}s")
        return self.freeze

    def stall_beats(self, minute: float) -> float:
        time.sleep(3)  # the slot's tick is out
        beats = [self.deployment.procs[n] for n in self.deployment.procs if n.startswith("beat")]
        stall = 130.0
        with contextlib.ExitStack() as stack:
            for beat in beats:
                stack.enter_context(faults.frozen(beat.pid))
            time.sleep(stall)
        self.log.append(f"beats stalled {stall:.0f}s")
        return 0.0

    def cut_sessions(self, minute: float) -> float:
        self.burst_started(minute)
        name = make_url(self.database_url).database
        admin = create_engine(self.database_url, isolation_level="AUTOCOMMIT",
                              hide_parameters=True)
        try:
            with admin.connect() as conn:
                cut = conn.execute(text(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE datname = :name AND pid <> pg_backend_pid()"), {"name": name}).scalar()
        finally:
            admin.dispose()
        self.log.append(f"{cut} database sessions cut")
        return 0.0


def measure(minutes: float, patients: int, redis_db: int, freeze: float) -> list[dict[str, Any]]:
    env = dict(os.environ)
    _database, broker = _require(env)
    redis_url = _redis_url(broker, redis_db)
    if redis_url == broker:
        raise Failure("--redis-db must differ from COACH_BROKER_URL's own database")
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="coach-bench-dup-") as tmp, \
            _own_redis_db(redis_url), scratch_database(Path(tmp), "dup") as url, \
            faults.RecordingTwilio(delay=0.05) as standin:
        folder = Path(tmp)
        port = _free_port()
        environ = faults.environment(
            folder, database_url=url, broker_url=redis_url, twilio_api_url=standin.url,
            public_url=f"http://127.0.0.1:{port}", COACH_GRACE_MINUTES="1",
            COACH_SEND_RATE=str(max(4, patients // 10)),
        )
        settings = Settings.from_env(environ)
        engine = make_engine(url)
        factory = make_session_factory(engine)
        try:
            with faults.Deployment(folder, environ) as deployment:
                run = _Run(deployment, standin, settings, url, port, freeze)
                deployment.web("web", port)
                deployment.worker("worker1")
                deployment.worker("worker2")
                run.patients = faults.seed(factory, settings, patients)
                faults.publish_queued(settings.broker_url, factory)
                deployment.beat("beat1")
                deployment.beat("beat2")
                end = time.time() + minutes * 60
                plan: list[Callable[[float], float]] = [
                    run.kill_worker, run.stop_some, run.freeze_redis, run.stall_beats,
                    run.cut_sessions,
                ]
                minute = faults.next_minute(time.time())
                step = 0
                while minute + 60 < end:
                    faults.sleep_until(minute)
                    fault = plan[step % len(plan)]
                    if fault == run.freeze_redis and minute + freeze + 60 > end:
                        fault = run.kill_worker
                    if fault == run.stall_beats and minute + 190 > end:
                        fault = run.cut_sessions
                    extra = fault(minute)
                    step += 1
                    minute = faults.next_minute(time.time() + extra)
                faults.sleep_until(end)
                horizon = datetime.now(UTC) - timedelta(seconds=8)
                waited = faults.settle(factory, horizon, faults.SETTLE_SECONDS)
                figures = faults.figures(factory, standin.snapshot(), horizon=horizon,
                                         stops=run.stops)
                crashed = deployment.crashed()
        finally:
            engine.dispose()
    common = {"minutes": minutes, "patients": patients, "faults": run.log}
    values = figures.as_dict()
    out: list[dict[str, Any]] = [
        {"name": name, "value": values[name], "unit": "count", **common}
        for name in ("duplicates", "lost_slots", "texts_after_stop", "stuck_rows")
    ]
    out += [
        {"name": "slots", "value": figures.slots, "unit": "count",
         "sent": figures.sent, "skipped": figures.skipped,
         "provider_requests": figures.provider_requests,
         "in_flight_after_stop": figures.in_flight_after_stop},
        {"name": "settle_seconds", "value": round(waited, 1), "unit": "s"},
        {"name": "wall_seconds", "value": round(time.monotonic() - started, 1), "unit": "s",
         "crashed_processes": crashed, "details": figures.details[:20]},
    ]
    return out


def main(argv: Sequence[str]) -> list[dict[str, Any]]:
    parser = argparse.ArgumentParser(prog="coach bench duplicates", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=10.0, help="length of the run")
    parser.add_argument("--patients", type=int, default=50, help="opted-in patients")
    parser.add_argument("--redis-db", type=int, default=15, help="an empty Redis database")
    parser.add_argument("--freeze", type=float, default=150.0, help="seconds Redis is paused")
    args = parser.parse_args(list(argv))
    if not 2 <= args.minutes <= 600:
        parser.error("--minutes must be between 2 and 600")
    if not 1 <= args.patients <= 2000:
        parser.error("--patients must be between 1 and 2000")
    return measure(args.minutes, args.patients, args.redis_db, args.freeze)
