"""`python -m coach.web.serve`: several real uvicorn processes on one port, each with its own
SO_REUSEPORT socket, supervised (a process that dies is replaced; SIGTERM stops them all)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from coach.db.migrate import upgrade
from coach.web import serve
from tests.integration.processes import child_env, wait_for
from tests.servers import ROOT, free_port

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(not hasattr(socket, "SO_REUSEPORT"), reason="needs SO_REUSEPORT"),
]


def _listening(port: int) -> int:
    count = serve.listening_sockets(port)
    assert count is not None  # Linux, as SO_REUSEPORT's load spreading is
    return count


def _children(pid: int) -> set[int]:
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True)
    return {int(line) for line in found.stdout.split()}


def test_two_processes_share_the_port_and_are_supervised(tmp_path: Path) -> None:
    port = free_port()
    database_url = f"sqlite:///{tmp_path / 'coach.db'}"
    upgrade(database_url)
    env = child_env({
        "COACH_DATA_DIR": str(tmp_path), "COACH_DATABASE_URL": database_url,
        "COACH_PUBLIC_URL": f"http://127.0.0.1:{port}", "COACH_BROKER_URL": "memory://",
        "TWILIO_AUTH_TOKEN": "f" * 32,
    })
    log = (tmp_path / "serve.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "coach.web.serve", "--port", str(port), "--workers", "2"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        # each process listens only once it has warmed up
        wait_for(lambda: _listening(port) == 2, 90, "two listening sockets")
        first = _children(proc.pid)
        assert len(first) == 2

        def healthz(_: int) -> int:
            with httpx.Client(trust_env=False, timeout=15) as client:
                return client.get(f"http://127.0.0.1:{port}/healthz").status_code

        with ThreadPoolExecutor(20) as pool:
            assert set(pool.map(healthz, range(40))) == {200}

        # a process that dies is replaced, and the port keeps answering meanwhile
        victim = min(first)
        os.kill(victim, signal.SIGKILL)
        assert healthz(0) == 200
        wait_for(lambda: len(_children(proc.pid) - {victim}) == 2 and _listening(port) == 2,
                 90, "a replacement process listening")

        os.killpg(proc.pid, signal.SIGTERM)
        assert proc.wait(30) == 0
        assert _listening(port) == 0
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)
        log.close()


def test_a_crash_loop_gives_up_with_an_error() -> None:
    supervisor = serve.Supervisor([sys.executable, "-c", "import sys; sys.exit(3)"], 1)
    supervisor.start()
    started = time.monotonic()
    assert supervisor.watch(poll=0.05) == 1
    assert time.monotonic() - started < serve.RESTART_WINDOW
    assert all(child.poll() is not None for child in supervisor.children)


def test_a_port_someone_else_holds_is_an_error_not_a_hang(tmp_path: Path) -> None:
    holder = socket.socket()
    holder.bind(("127.0.0.1", 0))
    holder.listen()
    port = holder.getsockname()[1]
    try:
        done = subprocess.run(
            [sys.executable, "-m", "coach.web.serve", "--port", str(port), "--workers", "2"],
            cwd=ROOT, env=child_env({"COACH_DATA_DIR": str(tmp_path)}), capture_output=True,
            text=True, timeout=180,
        )
        assert done.returncode == 1
        assert "giving up" in done.stderr
    finally:
        holder.close()


def test_the_socket_says_tcp_so_answers_go_out_without_nagle() -> None:
    # asyncio sets TCP_NODELAY on accepted connections only for sockets whose proto is TCP;
    # a socket made with proto 0 left every answer waiting up to 40 ms for a delayed ACK.
    sock = serve._reuse_port_socket("127.0.0.1", 0)
    try:
        assert sock.proto == socket.IPPROTO_TCP
        assert sock.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT) == 1
    finally:
        sock.close()
