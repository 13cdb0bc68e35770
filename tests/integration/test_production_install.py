"""A production install is only what `pip install .` brings: no test extra hides a missing
runtime dependency. A fresh virtualenv with the plain install runs web, worker and beat on
Redis and PostgreSQL and sends a reminder through the Twilio SDK (against Prism)."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import venv
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from coach.db.engine import make_engine, make_session_factory
from coach.db.models import Message
from tests.integration.processes import (
    FROM_NUMBER,
    http_ok,
    post_signed,
    production_env,
    stop,
    wait_for,
)
from tests.servers import free_port

pytestmark = [pytest.mark.integration, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
ALICE = "+12025550142"


def _install(tmp: Path) -> Path:
    """A copy of the sources (not the checkout itself, so no build files land in it) installed
    with no extras into a new virtualenv; returns the venv's bin folder."""
    src = tmp / "src"
    src.mkdir()
    for name in ("coach", "tasks", "messages"):
        shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    env_dir = tmp / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bin_dir = env_dir / "bin"
    subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check",
         str(src)],
        check=True, timeout=900,
    )
    return bin_dir


def _plain_env(env: dict[str, str], bin_dir: Path) -> dict[str, str]:
    """No PYTHONPATH into the checkout: every import must come from the venv."""
    out = {k: v for k, v in env.items() if k != "PYTHONPATH"}
    out["PATH"] = str(bin_dir) + os.pathsep + out.get("PATH", "")
    out["VIRTUAL_ENV"] = str(bin_dir.parent)
    return out


def _run(bin_dir: Path, env: dict[str, str], cwd: Path, *args: str) -> str:
    done = subprocess.run(
        [str(bin_dir / "coach"), *args], env=env, cwd=cwd, capture_output=True, text=True,
        timeout=120,
    )
    assert done.returncode == 0, f"coach {' '.join(args)}: {done.stderr[-2000:]}"
    return done.stdout


def test_plain_pip_install_runs_web_worker_and_beat_on_redis_and_postgres(
    redis_url: str, pg_database: str, prism_url: str, tmp_path: Path
) -> None:
    bin_dir = _install(tmp_path)
    probe = subprocess.run(
        [str(bin_dir / "python"), "-c", "import pytest"], capture_output=True, timeout=60
    )
    assert probe.returncode != 0, "the plain install must not carry the test extra"

    port = free_port()
    public = f"http://127.0.0.1:{port}"
    env = _plain_env(
        production_env(
            tmp_path, database_url=pg_database, broker_url=redis_url, twilio_api_url=prism_url,
            public_url=public, COACH_API_TOKEN="install-test-token-0123456789",
        ),
        bin_dir,
    )
    work = tmp_path / "elsewhere"  # not the checkout: nothing importable from the cwd
    work.mkdir()
    _run(bin_dir, env, work, "migrate")

    python = str(bin_dir / "python")
    web = [python, "-m", "uvicorn", "coach.web.app:create_app", "--factory",
           "--host", "127.0.0.1", "--port", str(port)]
    worker = [python, "-m", "celery", "-A", "tasks", "worker", "--loglevel", "INFO",
              "--concurrency", "2", "--pool", "threads", "-n", "install@%h",
              "--without-gossip", "--without-mingle", "--without-heartbeat"]
    beat = [python, "-m", "celery", "-A", "tasks", "beat", "--loglevel", "INFO",
            "--schedule", str(tmp_path / "celerybeat-schedule")]
    log = tmp_path / "processes.log"
    engine = make_engine(pg_database)
    factory = make_session_factory(engine)

    def sent(kind: str) -> list[Message]:
        with factory() as s:
            return list(s.scalars(
                select(Message).where(Message.kind == kind, Message.status == "sent")
            ))

    try:
        with _running_in(web, env, log, work), _running_in(worker, env, log, work), \
                _running_in(beat, env, log, work):
            wait_for(lambda: http_ok(public + "/healthz"), 90, "the web process")
            patient = json.loads(
                _run(bin_dir, env, work, "patient", "add", ALICE, "--tz", "UTC", "--json")
            )
            assert patient["status"] == "pending"
            wait_for(lambda: sent("invitation"), 90, "the invitation through Twilio")
            status, _ = post_signed(public, "/twilio/inbound", {
                "MessageSid": "SM" + "7" * 32, "From": ALICE, "To": FROM_NUMBER, "Body": "YES",
            })
            assert status == 200
            _run(bin_dir, env, work, "schedule", "set", str(patient["id"]), "eye_rest",
                 "--every", "1m")
            reminders = wait_for(lambda: sent("eye_rest"), 150, "a reminder sent by beat")
            assert reminders[0].provider_sid and reminders[0].provider_sid.startswith("SM")
    except AssertionError:
        sys.stderr.write(log.read_text(errors="replace")[-6000:] if log.exists() else "")
        raise
    finally:
        engine.dispose()
    assert "ModuleNotFoundError" not in log.read_text(errors="replace")


@contextlib.contextmanager
def _running_in(
    args: list[str], env: dict[str, str], log: Path, cwd: Path
) -> Iterator[subprocess.Popen[bytes]]:
    """tests.integration.processes.running, but started outside the checkout."""
    with log.open("ab") as handle:
        proc = subprocess.Popen(
            args, cwd=cwd, env=env, stdout=handle, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            yield proc
        finally:
            stop(proc)
