"""A newcomer's trap, shown gone end to end: a patient added with the CLI in one folder is the
one `coach up`, started from another folder, serves (no database relative to the folder)."""

from __future__ import annotations

import contextlib
import json
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
TOKEN = "up-database-test-token"


def _get(url: str) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {TOKEN}"})
    try:
        with _NO_PROXY.open(request, timeout=3) as response:
            return int(response.status), response.read()
    except urllib.error.HTTPError as exc:
        return int(exc.code), b""
    except OSError:
        return 0, b""


def test_coach_up_in_another_folder_serves_the_clis_patients(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("COACH_", "TWILIO_", "XDG_"))}
    env["HOME"] = str(tmp_path / "home")  # the default data folder lives under it
    env["COACH_API_TOKEN"] = TOKEN
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    added = subprocess.run(
        [sys.executable, "-m", "coach.cli", "patient", "add", "+12025550177", "--tz", "UTC",
         "--name", "Rosa Field", "--json"],
        cwd=one, env=env, capture_output=True, text=True, timeout=120)
    assert added.returncode == 0, added.stderr
    port = free_port()
    log = tmp_path / "up.log"
    with log.open("wb") as handle:
        proc = subprocess.Popen(
            [sys.executable, "-m", "coach.cli", "up", "--port", str(port)],
            cwd=two, env=env, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and "Press Ctrl-C to stop." not in log.read_text():
            assert proc.poll() is None, log.read_text()
            time.sleep(0.3)
        status, body = _get(f"http://127.0.0.1:{port}/api/patients")
        assert status == 200, log.read_text()
        assert [p["name"] for p in json.loads(body)] == ["Rosa Field"]
        database = tmp_path / "home" / ".local" / "share" / "coach" / "coach.db"
        assert str(database) in log.read_text()  # and it says which database it serves
        assert not list(one.iterdir()) and not list(two.iterdir())  # no stray database
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(40)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)
