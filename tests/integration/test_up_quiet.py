"""A quiet `coach up`: no Celery banners or uvicorn start-up chatter, and the addresses are
the last lines once everything runs (a newcomer's terminal must not scroll them away)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.servers import ROOT, free_port

pytestmark = [pytest.mark.integration, pytest.mark.slow]
_NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def _healthz(port: int) -> int | None:
    try:
        with _NO_PROXY.open(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)
    except OSError:
        return None


def test_up_is_quiet_and_ends_with_the_addresses(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COACH_", "TWILIO_"))}
    env["COACH_DATA_DIR"] = str(tmp_path / "data")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    port = free_port()
    log = tmp_path / "up.log"
    with log.open("wb") as handle:
        proc = subprocess.Popen(
            [sys.executable, "-m", "coach.cli", "up", "--port", str(port)],
            cwd=tmp_path, env=env, stdout=handle, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and "Press Ctrl-C to stop." not in log.read_text():
            assert proc.poll() is None, log.read_text()
            time.sleep(0.3)
        assert _healthz(port) == 200  # printed only once the web answers
        time.sleep(8)  # worker and beat settle; anything they print would now come last
        text = log.read_text()
        lines = [line for line in text.splitlines() if line.strip()]
        assert lines[-1] == "Press Ctrl-C to stop.", text
        tail = "\n".join(lines[-8:])
        assert f"dashboard  http://127.0.0.1:{port}/" in tail, text
        assert "webhook" in tail and "database" in tail, text
        for noise in ("celery@", "-------------- ", "Uvicorn running", "beat: Starting",
                      "Started server process", "[config]"):
            assert noise not in text, (noise, text)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(proc.pid, signal.SIGTERM)
        try:
            proc.wait(40)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)
