"""The fault-injection suite: coach's real processes (PostgreSQL, Redis, Celery workers and
beats, the web process, the twilio SDK against a recording stand-in of Twilio's Messages API)
while things break. Twenty patients on one-minute schedules; after each scenario and a settle
period, from the stand-in's request log and the database (coach.benches.faults):
duplicates, lost slots, texts after STOP and stuck rows must all be zero.

Each scenario has its own Redis (so it can be frozen) and its own database on a PostgreSQL
cluster of this module's own (so it can be restarted; it tracks commit timestamps, which is
how "after STOP" is decided to the microsecond). See docs/testing.md, "Fault injection".
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from coach.benches import faults
from coach.benches.faults import Deployment, RecordingTwilio
from coach.config import Settings
from coach.db.engine import make_engine, make_session_factory
from coach.db.migrate import upgrade
from coach.db.models import Alert, Message
from tests import logcheck
from tests.servers import _postgres_user, free_port, missing_server, postgres_bindir

# One xdist worker runs this whole file (scripts/test: --dist loadgroup), beside the rest.
pytestmark = [pytest.mark.integration, pytest.mark.slow, pytest.mark.xdist_group("faults")]

PATIENTS = 20


# ---------------------------------------------------------------------------- servers


class Postgres:
    """A PostgreSQL cluster that can be restarted on the same port."""

    def __init__(self) -> None:
        bindir = postgres_bindir()
        if bindir is None or not (bindir / "initdb").exists():
            missing_server("PostgreSQL server (initdb, postgres)",
                           "install it with `apt-get install postgresql`")
        assert bindir is not None
        self.bindir = bindir
        self.user = _postgres_user()
        self.parent = Path(tempfile.mkdtemp(prefix="coach-faults-pg-"))
        self.data = self.parent / "data"
        self.data.mkdir()
        if self.user is not None:
            entry = pwd.getpwnam(self.user)
            os.chown(self.parent, entry.pw_uid, entry.pw_gid)
            os.chown(self.data, entry.pw_uid, entry.pw_gid)
        self.port = free_port()
        self.log = self.parent / "postgres.log"
        self.proc: subprocess.Popen[bytes] | None = None
        subprocess.run(
            [str(bindir / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust",
             "--encoding=UTF8", "--locale=C", "--no-sync"],
            check=True, capture_output=True, timeout=120, **self._as_user(),
        )

    def _as_user(self) -> dict[str, object]:
        if self.user is None:
            return {}
        entry = pwd.getpwnam(self.user)
        return {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}

    def start(self) -> None:
        with self.log.open("ab") as handle:
            self.proc = subprocess.Popen(  # type: ignore[call-overload]
                [str(self.bindir / "postgres"), "-D", str(self.data), "-h", "127.0.0.1",
                 "-p", str(self.port), "-k", str(self.parent), "-c", "fsync=off",
                 "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                 "-c", "max_connections=200", "-c", "track_commit_timestamp=on"],
                stdout=handle, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                start_new_session=True, **self._as_user(),
            )
        faults.wait_for(self._ready, 60, "PostgreSQL", every=0.2)

    def _ready(self) -> bool:
        try:
            with psycopg.connect(host="127.0.0.1", port=self.port, user="postgres",
                                 dbname="postgres", connect_timeout=2) as conn:
                return conn.execute("SELECT 1").fetchone() == (1,)
        except psycopg.Error:
            return False

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)  # fast shutdown: sessions are cut
            self.proc.wait(30)
        self.proc = None

    def restart(self) -> None:
        self.stop()
        self.start()

    def database(self) -> str:
        name = f"faults_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(host="127.0.0.1", port=self.port, user="postgres",
                             dbname="postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"

    def remove(self) -> None:
        self.stop()
        logcheck.capture_file(self.log)
        shutil.rmtree(self.parent, ignore_errors=True)


class Redis:
    def __init__(self, folder: Path) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            missing_server("redis-server", "install it with `apt-get install redis-server`")
        assert binary is not None
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.proc = subprocess.Popen(
            [binary, "--bind", "127.0.0.1", "--port", str(self.port), "--save", "",
             "--appendonly", "no", "--dir", str(folder)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )
        faults.wait_for(self._ready, 20, "redis-server", every=0.1)

    def _ready(self) -> bool:
        import redis

        try:
            return bool(redis.Redis(port=self.port, socket_connect_timeout=0.5).ping())
        except redis.RedisError:
            return False

    def stop(self) -> None:
        os.killpg(self.proc.pid, signal.SIGCONT)
        self.proc.terminate()
        self.proc.wait(10)


@pytest.fixture(scope="module")
def postgres() -> Iterator[Postgres]:
    server = Postgres()
    try:
        server.start()
        yield server
    finally:
        server.remove()


# --------------------------------------------------------------------------- harness


@dataclass
class Scenario:
    deployment: Deployment
    standin: RecordingTwilio
    redis: Redis
    postgres: Postgres
    engine: Engine
    factory: sessionmaker[Session]
    settings: Settings
    patients: list[int] = field(default_factory=list)
    web_port: int = 0

    @property
    def public(self) -> str:
        return f"http://127.0.0.1:{self.web_port}"

    def seed(self, count: int = PATIENTS) -> float:
        """Opt in `count` patients; returns the first minute due after they were (epoch)."""
        self.patients = faults.seed(self.factory, self.settings, count)
        faults.publish_queued(self.settings.broker_url, self.factory)
        return faults.next_minute(time.time())

    def creates_at(self, minute: float) -> int:
        return sum(1 for c in self.standin.snapshot() if minute <= c.at < minute + 55)

    def finish(self, *, stops: dict[int, datetime] | None = None,
               settle: float = 45, min_slots: int | None = None) -> faults.Figures:
        """Every slot up to now must be accounted for once the backlog settles."""
        horizon = datetime.now(UTC) - timedelta(seconds=8)
        waited = faults.settle(self.factory, horizon, settle)
        crashed = self.deployment.crashed()
        result = faults.figures(self.factory, self.standin.snapshot(), horizon=horizon,
                                stops=stops)
        print(f"\nfigures (settled in {waited:.0f}s): {result.summary()}")
        assert not crashed, f"processes exited: {crashed}"
        wanted = 2 * len(self.patients) if min_slots is None else min_slots
        assert result.slots >= wanted, "the run covered too few slots"
        assert result.sent > 0
        assert result.duplicates == 0, result.summary()
        assert result.lost_slots == 0, result.summary()
        assert result.texts_after_stop == 0, result.summary()
        assert result.stuck_rows == 0, result.summary()
        return result


@contextlib.contextmanager
def scenario(
    postgres: Postgres, folder: Path, *, delay: float = 0.05, web: bool = False, **env: str
) -> Iterator[Scenario]:
    database_url = postgres.database()
    upgrade(database_url)
    redis = Redis(folder)
    engine = make_engine(database_url)
    web_port = free_port()
    try:
        with RecordingTwilio(delay=delay) as standin:
            environ = faults.environment(
                folder, database_url=database_url, broker_url=redis.url,
                twilio_api_url=standin.url, public_url=f"http://127.0.0.1:{web_port}", **env,
            )
            with Deployment(folder, environ) as deployment:
                run = Scenario(
                    deployment, standin, redis, postgres, engine, make_session_factory(engine),
                    Settings.from_env(environ), web_port=web_port,
                )
                if web:
                    deployment.web("web", web_port)
                yield run
    finally:
        engine.dispose()
        redis.stop()


# --------------------------------------------------------------------------- scenarios


def test_worker_killed_mid_burst(postgres: Postgres, tmp_path: Path) -> None:
    """A worker SIGKILLed while it drains a burst: what it had claimed but not sent comes
    back after the claim lease and goes once; what it had sent is never sent again."""
    with scenario(postgres, tmp_path, delay=0.2) as run:
        run.deployment.worker("w1")
        first = run.seed()
        run.deployment.beat("beat")
        faults.wait_for(lambda: run.creates_at(first) >= 4, first - time.time() + 40,
                        "the first burst to start")
        run.deployment.kill("w1")
        killed_at = run.creates_at(first)
        assert killed_at < PATIENTS, "the burst ended before the kill: nothing was tested"
        run.deployment.worker("w2")
        # The claims of w1 come back after the lease; two more slots meanwhile.
        faults.sleep_until(max(first + 125, time.time() + 65))
        result = run.finish(settle=faults.SETTLE_SECONDS)
        assert result.sent == result.slots  # the killed burst went late, not skipped


def test_two_workers_and_two_beats(postgres: Postgres, tmp_path: Path) -> None:
    """Every tick published twice, every batch raced for by two workers: once each."""
    with scenario(postgres, tmp_path) as run:
        run.deployment.worker("w1")
        run.deployment.worker("w2")
        first = run.seed()
        run.deployment.beat("beat1")
        run.deployment.beat("beat2")
        faults.sleep_until(first + 75)
        result = run.finish()
        assert result.sent == result.slots


def test_redis_frozen_30_seconds(postgres: Postgres, tmp_path: Path) -> None:
    """Redis SIGSTOPped mid-burst for 30 s: beat cannot publish, the limiter cannot answer,
    the worker cannot ack. Afterwards everything catches up, once."""
    with scenario(postgres, tmp_path) as run:
        run.deployment.worker("w1")
        first = run.seed()
        run.deployment.beat("beat")
        faults.wait_for(lambda: run.creates_at(first) >= 3, first - time.time() + 40,
                        "the first burst to start")
        with faults.frozen(run.redis.proc.pid):
            time.sleep(30)
        faults.sleep_until(max(first + 75, time.time() + 15))
        run.finish()


def test_beat_stalled_longer_than_the_grace(postgres: Postgres, tmp_path: Path) -> None:
    """Beat SIGSTOPped for longer than the grace period: the slot it slept through is
    recorded as skipped (missed), the next is sent; none is lost or sent late."""
    with scenario(postgres, tmp_path, COACH_GRACE_MINUTES="1") as run:
        run.deployment.worker("w1")
        first = run.seed()
        beat = run.deployment.beat("beat")
        faults.wait_for(lambda: run.creates_at(first) >= PATIENTS, first - time.time() + 40,
                        "the first slot to be sent")
        # Asleep from just after the first slot until past the third: the second is out of
        # the one-minute grace when beat wakes up.
        with faults.frozen(beat.pid):
            faults.sleep_until(first + 128)
        faults.sleep_until(first + 140)
        result = run.finish()
        assert result.skipped.get("missed", 0) >= PATIENTS


def test_postgres_restarted_mid_burst(postgres: Postgres, tmp_path: Path) -> None:
    """PostgreSQL restarted (fast shutdown: every session cut) while a burst drains."""
    with scenario(postgres, tmp_path, delay=0.15) as run:
        run.deployment.worker("w1")
        first = run.seed()
        run.deployment.beat("beat")
        faults.wait_for(lambda: run.creates_at(first) >= 4, first - time.time() + 40,
                        "the first burst to start")
        run.postgres.restart()
        faults.sleep_until(max(first + 75, time.time() + 20))
        run.finish(settle=faults.SETTLE_SECONDS)


def test_stop_while_sends_drain(postgres: Postgres, tmp_path: Path) -> None:
    """Half the patients text STOP (signed webhooks) while a slow burst drains: no text
    whose final check committed after a STOP's commit, and none in later slots. (A text
    whose check committed first may reach the stand-in after the STOP: in flight, allowed.)"""
    with scenario(postgres, tmp_path, web=True, COACH_SEND_RATE="2") as run:
        run.deployment.worker("w1")
        first = run.seed()
        run.deployment.beat("beat")
        faults.wait_for(lambda: run.creates_at(first) >= 2, first - time.time() + 40,
                        "the first burst to start")
        stops: dict[int, datetime] = {}
        # The patients last in the batch (ids ascending) are still waiting for the limiter.
        for index, pid in enumerate(run.patients):
            if index % 2:
                status, body = faults.post_signed(run.public, "/twilio/inbound", {
                    "MessageSid": faults.message_sid(), "From": faults.phone(index),
                    "To": faults.FROM_NUMBER, "Body": "STOP"})
                assert status == 200, body
                stops[pid] = datetime.now(UTC)
                time.sleep(0.3)
        faults.sleep_until(first + 75)
        # Slots owed: two per patient who kept going. A stopped patient's first slot is due
        # within seconds of their STOP, so the figures excuse it (nothing is owed after STOP)
        # and it is not among their skipped slots: the burst's cancellations are counted here.
        run.finish(stops=stops, min_slots=2 * (PATIENTS - len(stops)))
        with run.factory() as session:
            cancelled = session.scalar(select(func.count(Message.id)).where(
                Message.patient_id.in_(stops), Message.skip_reason == "opted_out",
                Message.slot_at == datetime.fromtimestamp(first, UTC)))
        assert cancelled, "no STOP landed mid-burst"
        with run.factory() as session:
            later = session.scalar(select(func.count(Message.id)).where(
                Message.patient_id.in_(stops), Message.status.in_(("sent", "delivered")),
                Message.slot_at > datetime.fromtimestamp(first, UTC)))
        assert later == 0


def test_200_concurrent_signed_webhooks(postgres: Postgres, tmp_path: Path) -> None:
    """200 signed webhooks at once, 40 of them repeating a MessageSid and 20 red flags from
    20 patients: every one answered (no 5xx), each sid stored once, each red flag alerted
    once (one alert, one page to on-call)."""
    with scenario(postgres, tmp_path, web=True) as run:
        run.deployment.worker("w1")
        run.seed(60)
        sids = [faults.message_sid() for _ in range(160)]
        requests = []
        for n, sid in enumerate(sids):
            flag = n < 20
            body = "my face is drooping and I cant smile" if flag else f"twitch {n % 10}"
            requests.append({"MessageSid": sid, "From": faults.phone(n % 60),
                             "To": faults.FROM_NUMBER, "Body": body})
        requests += [dict(requests[n]) for n in range(0, 80, 2)]  # 40 repeats, 10 red flags

        def post(params: dict[str, str]) -> int:
            return faults.post_signed(run.public, "/twilio/inbound", params, timeout=60)[0]

        with ThreadPoolExecutor(max_workers=200) as pool:
            statuses = Counter(pool.map(post, requests))
        assert statuses == {200: 200}, statuses
        with run.factory() as session:
            stored = Counter(session.scalars(
                select(Message.provider_sid).where(Message.direction == "in")))
            assert set(stored) == set(sids) and set(stored.values()) == {1}
            alerts = Counter(session.scalars(select(Alert.patient_id)))
            assert len(alerts) == 20 and set(alerts.values()) == {1}, alerts

        def paged() -> bool:
            with run.factory() as session:
                return session.scalar(select(func.count(Message.id)).where(
                    Message.kind == "operator_alert", Message.status == "sent")) == 20
        faults.wait_for(paged, 90, "the on-call pages")
        pages = [c for c in run.standin.snapshot() if c.to == faults.ONCALL_NUMBER]
        assert len(pages) == 20
