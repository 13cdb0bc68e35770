"""`coach up` for real: web, worker and beat as child processes, supervised.

Runs the CLI as a subprocess from a folder outside the project, with a fresh COACH_DATA_DIR,
and checks that a patient added through the CLI gets the invitation through the worker, that
SIGTERM stops every child, and that a child dying takes the others down with a non-zero exit.
"""

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
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.servers import ROOT, free_port

pytestmark = pytest.mark.integration

START_TIMEOUT = 60.0
SEND_TIMEOUT = 60.0
STOP_TIMEOUT = 40.0
ALICE = "+12025550101"

_NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@dataclass
class Up:
    proc: subprocess.Popen[bytes]
    env: dict[str, str]
    port: int
    log: Path
    cwd: Path
    started: dict[str, int] = field(default_factory=dict)  # children seen at start

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def cli(self, *argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "coach.cli", *argv],
            cwd=self.cwd, env=self.env, capture_output=True, text=True, timeout=60,
        )

    def children(self) -> dict[str, int]:
        """web/worker/beat -> pid, from /proc (children whose parent is `coach up`)."""
        found: dict[str, int] = {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
                cmdline = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            if ppid != self.proc.pid:
                continue
            args = [part.decode(errors="replace") for part in cmdline]
            # By role, not position: `coach up` puts options such as --quiet before the verb.
            name = next((role for role in ("worker", "beat") if role in args), None)
            name = "web" if "uvicorn" in args else name or "?"
            found[name] = int(entry.name)
        return found


def _healthz(port: int) -> int | None:
    try:
        with _NO_PROXY.open(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
            return int(response.status)
    except (urllib.error.URLError, OSError):
        return None


def _gone(pid: int) -> bool:
    """True once neither the process nor anything in its process group is left."""
    try:
        os.killpg(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def _wait_until(check: Any, timeout: float, up: Up, what: str) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        if up.proc.poll() is not None:
            pytest.fail(f"coach up exited ({up.proc.returncode}) while waiting for {what}:\n"
                        f"{up.output()[-4000:]}")
        time.sleep(0.3)
    pytest.fail(f"timed out waiting for {what}:\n{up.output()[-4000:]}")


@pytest.fixture(params=["embedded", "redis"])
def up(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Up]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COACH_", "TWILIO_"))}
    env["COACH_DATA_DIR"] = str(tmp_path / "data")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    if request.param == "redis":
        env["COACH_BROKER_URL"] = request.getfixturevalue("redis_url")
    cwd = tmp_path / "elsewhere"  # not the project folder: `coach up` must not depend on it
    cwd.mkdir()
    port = free_port()
    log = tmp_path / "up.log"
    with log.open("wb") as handle:
        proc = subprocess.Popen(
            [sys.executable, "-m", "coach.cli", "up", "--port", str(port)],
            cwd=cwd, env=env, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True,
        )
    running = Up(proc, env, port, log, cwd)

    def all_three() -> dict[str, int] | None:
        found = running.children()
        return found if len(found) == 3 else None

    try:
        _wait_until(lambda: _healthz(port) == 200, START_TIMEOUT, running, "/healthz")
        running.started.update(_wait_until(all_three, START_TIMEOUT, running, "three children"))
        # `coach up` prints its addresses once its own poll of /healthz answers, which may be
        # a moment after ours did.
        _wait_until(lambda: "Press Ctrl-C to stop." in running.output(), START_TIMEOUT, running,
                    "the addresses")
        yield running
    finally:
        if proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(proc.pid, signal.SIGTERM)
            try:
                proc.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(10)
        for pid in running.started.values():  # never leave a stray server behind a failed test
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(pid, signal.SIGKILL)


def test_up_sends_the_invitation_and_stops_every_child_on_sigterm(up: Up) -> None:
    children = up.started
    assert set(children) == {"web", "worker", "beat"}
    banner = up.output()
    assert f"http://127.0.0.1:{up.port}/" in banner
    assert f"http://127.0.0.1:{up.port}/twilio/inbound" in banner

    added = up.cli("patient", "add", ALICE, "--tz", "America/New_York", "--json")
    assert added.returncode == 0, added.stderr
    assert json.loads(added.stdout)["status"] == "pending"

    def invitation_sent() -> dict[str, Any] | None:
        listed = up.cli("messages", "--json")
        assert listed.returncode == 0, listed.stderr
        for message in json.loads(listed.stdout):
            if message["kind"] == "invitation" and message["status"] in ("sent", "delivered"):
                return dict(message)
        return None

    invitation = _wait_until(invitation_sent, SEND_TIMEOUT, up, "the invitation to be sent")
    assert invitation["provider_sid"].startswith("OB")  # the outbox backend, not Twilio
    assert invitation["sent_at"].endswith("Z")

    up.proc.send_signal(signal.SIGTERM)
    assert up.proc.wait(STOP_TIMEOUT) == 0, up.output()[-4000:]
    for name, pid in children.items():
        assert _gone(pid), f"{name} (pid {pid}) still running after coach up stopped"
    assert "coach stopped" in up.output()


def test_a_child_dying_stops_the_others_and_exits_non_zero(up: Up) -> None:
    children = up.started
    os.kill(children["beat"], signal.SIGKILL)
    code = up.proc.wait(STOP_TIMEOUT)
    assert code == 1
    assert "coach: error: beat exited" in up.output()
    for name, pid in children.items():
        assert _gone(pid), f"{name} (pid {pid}) still running after beat died"


def test_a_closed_terminal_stops_every_child(up: Up) -> None:
    children = up.started
    up.proc.send_signal(signal.SIGHUP)
    up.proc.wait(STOP_TIMEOUT)
    for name, pid in children.items():
        assert _gone(pid), f"{name} (pid {pid}) still running after SIGHUP"


def test_children_die_with_a_killed_parent(up: Up) -> None:
    children = up.started
    up.proc.kill()  # SIGKILL: no chance to clean up; the kernel tells the children
    up.proc.wait(10)
    deadline = time.monotonic() + STOP_TIMEOUT
    while time.monotonic() < deadline and not all(_gone(pid) for pid in children.values()):
        time.sleep(0.3)
    for name, pid in children.items():
        assert _gone(pid), f"{name} (pid {pid}) outlived a killed coach up"
