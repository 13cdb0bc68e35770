"""Start coach's real processes (web, Celery worker, Celery beat, CLI) for integration tests."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from twilio.request_validator import RequestValidator

ROOT = Path(__file__).resolve().parents[2]
_NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))

ACCOUNT_SID = "AC" + "1" * 32
AUTH_TOKEN = "test-auth-token-0123456789abcdef"
FROM_NUMBER = "+15005550006"


def child_env(extra: Mapping[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COACH_", "TWILIO_"))}
    env.update(extra)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def production_env(
    tmp: Path, *, database_url: str, broker_url: str, twilio_api_url: str,
    public_url: str = "http://127.0.0.1:1", **extra: str,
) -> dict[str, str]:
    """The environment of a production-shaped deployment (PostgreSQL, Redis, Twilio), with
    a fast tick so tests need not wait a minute for beat."""
    return child_env({
        "COACH_DATA_DIR": str(tmp),
        "COACH_DATABASE_URL": database_url,
        "COACH_BROKER_URL": broker_url,
        "COACH_PUBLIC_URL": public_url,
        "COACH_TICK_SECONDS": "2",
        "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
        "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
        "TWILIO_FROM_NUMBER": FROM_NUMBER,
        "COACH_TWILIO_API_URL": twilio_api_url,
        **extra,
    })


def spawn(args: list[str], env: Mapping[str, str], log: Path) -> subprocess.Popen[bytes]:
    handle = log.open("ab")
    return subprocess.Popen(
        args, cwd=ROOT, env=dict(env), stdout=handle, stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def stop(proc: subprocess.Popen[bytes], sig: int = signal.SIGTERM, timeout: float = 20) -> None:
    if proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, sig)
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(10)


@contextlib.contextmanager
def running(
    args: list[str], env: Mapping[str, str], log: Path
) -> Iterator[subprocess.Popen[bytes]]:
    proc = spawn(args, env, log)
    try:
        yield proc
    finally:
        stop(proc)


def worker_args(name: str) -> list[str]:
    return [sys.executable, "-m", "celery", "-A", "tasks", "worker", "--loglevel", "INFO",
            "--concurrency", "2", "--pool", "threads", "-n", f"{name}@%h",
            "--without-gossip", "--without-mingle", "--without-heartbeat"]


def beat_args(tmp: Path) -> list[str]:
    return [sys.executable, "-m", "celery", "-A", "tasks", "beat", "--loglevel", "INFO",
            "--schedule", str(tmp / "celerybeat-schedule")]


def web_args(port: int) -> list[str]:
    return [sys.executable, "-m", "uvicorn", "coach.web.app:create_app", "--factory",
            "--host", "127.0.0.1", "--port", str(port)]


def cli(env: Mapping[str, str], *args: str) -> Any:
    """Run `coach ARGS --json` as a newcomer would, and parse its output."""
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from coach.cli import main; sys.exit(main())",
         *args, "--json"],
        cwd=ROOT, env=dict(env), capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, f"coach {' '.join(args)}: {done.stderr}"
    return json.loads(done.stdout)


def wait_for(predicate: Callable[[], Any], timeout: float, what: str, every: float = 0.5) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")


def http_ok(url: str) -> bool:
    try:
        with _NO_PROXY.open(url, timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def post_signed(public_url: str, path: str, params: dict[str, str],
                token: str = AUTH_TOKEN, base: str | None = None) -> tuple[int, str]:
    """POST a form to `base + path`, signed for `public_url + path` as Twilio signs it."""
    from tests import logcheck

    logcheck.remember(params.get("Body"))
    signature = RequestValidator(token).compute_signature(public_url + path, params)
    request = urllib.request.Request(
        (base or public_url) + path,
        data=urllib.parse.urlencode(params).encode(),
        headers={"X-Twilio-Signature": signature,
                 "Content-Type": "application/x-www-form-urlencoded"},
        method="POST",
    )
    try:
        with _NO_PROXY.open(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()
