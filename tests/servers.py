"""Real servers for integration tests (redis-server, PostgreSQL, Prism).

Each server starts once per test session, on 127.0.0.1 and a free port, with its files in a
fresh temporary folder, and is stopped when the session ends (failed or not). A missing server
binary fails the test with a message saying how to install it; set COACH_TEST_ALLOW_SKIP=1 to
skip such tests instead (for a quick local run without the servers).
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

import pytest

from tests import logcheck

ROOT = Path(__file__).resolve().parent.parent
MOCK_DIR = ROOT / "tests" / "mock"
PRISM_BIN = MOCK_DIR / "node_modules" / ".bin" / "prism"
TWILIO_SPEC = (
    MOCK_DIR
    / "node_modules"
    / "@twilio"
    / "cli-core"
    / "src"
    / "services"
    / "twilio-api"
    / "twilio_api_v2010.json"
)

REDIS_START_TIMEOUT = 20.0
POSTGRES_START_TIMEOUT = 60.0
PRISM_START_TIMEOUT = 120.0  # Prism parses a ~2 MB spec before it listens
START_ATTEMPTS = 3  # a free port can be taken by someone else before the server binds it


# Loopback needs no proxy, whatever http_proxy says.
_NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class ServerStartError(RuntimeError):
    pass


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def missing_server(what: str, hint: str) -> NoReturn:
    message = f"{what} is not available: {hint}"
    if os.environ.get("COACH_TEST_ALLOW_SKIP") == "1":
        pytest.skip(message)
    pytest.fail(f"{message} (or set COACH_TEST_ALLOW_SKIP=1 to skip these tests)", pytrace=False)


@dataclass
class _Server:
    """A child process we started, and how to stop it."""

    name: str
    proc: subprocess.Popen[bytes]
    log_path: Path
    stop_signal: int = signal.SIGTERM
    cleanup: list[Callable[[], None]] = field(default_factory=list)

    def log_tail(self, chars: int = 3000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-chars:]
        except OSError:
            return "(no log)"

    def stop(self) -> None:
        if self.proc.poll() is None:
            # The process leads its own session, so its children (if any) go with it.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, self.stop_signal)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=5)
        logcheck.capture_file(self.log_path)  # checked for phone numbers at the session's end
        for step in self.cleanup:
            with contextlib.suppress(OSError):
                step()
        self.cleanup.clear()


_running: list[_Server] = []


@atexit.register
def _stop_leftovers() -> None:
    # Fixture teardown normally stops everything; this catches an interpreter exiting early.
    while _running:
        _running.pop().stop()


def _spawn(
    name: str,
    argv: list[str],
    log_path: Path,
    *,
    user: str | None = None,
    stop_signal: int = signal.SIGTERM,
    cwd: Path | None = None,
) -> _Server:
    log = log_path.open("ab")
    extra: dict[str, object] = {}
    if user is not None:
        entry = pwd.getpwnam(user)
        extra = {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}
    try:
        proc = subprocess.Popen(  # type: ignore[call-overload]
            argv,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            cwd=cwd,
            **extra,
        )
    finally:
        log.close()
    server = _Server(name, proc, log_path, stop_signal)
    _running.append(server)
    return server


def _release(server: _Server) -> None:
    server.stop()
    if server in _running:
        _running.remove(server)


def _wait_until(
    server: _Server, ready: Callable[[], bool], timeout: float, what: str
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.proc.poll() is not None:
            raise ServerStartError(
                f"{what} exited with code {server.proc.returncode} before it was ready.\n"
                f"--- {server.log_path} ---\n{server.log_tail()}"
            )
        with contextlib.suppress(Exception):
            if ready():
                return
        time.sleep(0.2)
    raise ServerStartError(
        f"{what} did not become ready within {timeout:.0f}s.\n"
        f"--- {server.log_path} ---\n{server.log_tail()}"
    )


def _start_with_retries(start: Callable[[int], _Server]) -> _Server:
    errors: list[str] = []
    for _ in range(START_ATTEMPTS):
        try:
            return start(free_port())
        except ServerStartError as exc:
            errors.append(str(exc))
    pytest.fail("\n\n".join(errors), pytrace=False)


# --- Redis -----------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    binary = shutil.which("redis-server")
    if binary is None:
        missing_server("redis-server", "install it with `apt-get install redis-server`")
    workdir = tmp_path_factory.mktemp("redis")

    def start(port: int) -> _Server:
        server = _spawn(
            "redis",
            [
                binary,
                "--bind", "127.0.0.1",
                "--port", str(port),
                "--save", "",
                "--appendonly", "no",
                "--dir", str(workdir),
                "--daemonize", "no",
            ],
            workdir / f"redis-{port}.log",
        )

        def ping() -> bool:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(64).startswith(b"+PONG")

        try:
            _wait_until(server, ping, REDIS_START_TIMEOUT, f"redis-server on port {port}")
        except ServerStartError:
            _release(server)
            raise
        return server

    server = _start_with_retries(start)
    port = _port_of(server)
    try:
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        _release(server)


def _port_of(server: _Server) -> int:
    argv = server.proc.args
    assert isinstance(argv, list)
    flag = {"redis": "--port", "prism": "-p", "postgres": "-p"}[server.name]
    return int(argv[argv.index(flag) + 1])


# --- PostgreSQL ------------------------------------------------------------------------------


def postgres_bindir() -> Path | None:
    """The newest /usr/lib/postgresql/*/bin holding a server, or one on PATH."""
    override = os.environ.get("COACH_PG_BINDIR")
    if override:
        return Path(override)
    candidates = [Path(p).parent for p in glob.glob("/usr/lib/postgresql/*/bin/postgres")]
    if candidates:
        return max(candidates, key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0)
    on_path = shutil.which("postgres")
    return Path(on_path).parent if on_path else None


def _postgres_user() -> str | None:
    """PostgreSQL refuses to run as root: then we run it as the `postgres` account."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        pytest.fail(
            "running as root, and there is no `postgres` user to run PostgreSQL as "
            "(installing the `postgresql` package creates it)",
            pytrace=False,
        )
    return "postgres"


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    bindir = postgres_bindir()
    if bindir is None or not (bindir / "postgres").exists() or not (bindir / "initdb").exists():
        missing_server(
            "PostgreSQL server (initdb, postgres)",
            "install it with `apt-get install postgresql`",
        )
    user = _postgres_user()
    # Not under pytest's tmp dir: that is private to root, and the postgres user must own this.
    datadir_parent = Path(tempfile.mkdtemp(prefix="coach-pg-"))
    datadir = datadir_parent / "data"
    datadir.mkdir()
    if user is not None:
        entry = pwd.getpwnam(user)
        os.chown(datadir_parent, entry.pw_uid, entry.pw_gid)
        os.chown(datadir, entry.pw_uid, entry.pw_gid)

    def remove_datadir() -> None:
        shutil.rmtree(datadir_parent, ignore_errors=True)

    init_log = datadir_parent / "initdb.log"
    init = _spawn(
        "initdb",
        [
            str(bindir / "initdb"),
            "-D", str(datadir),
            "-U", "postgres",
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C",
            "--no-sync",
        ],
        init_log,
        user=user,
    )
    if init.proc.wait(timeout=120) != 0:
        log = init.log_tail()
        _release(init)
        remove_datadir()
        pytest.fail(f"initdb failed:\n{log}", pytrace=False)
    _release(init)

    def start(port: int) -> _Server:
        server = _spawn(
            "postgres",
            [
                str(bindir / "postgres"),
                "-D", str(datadir),
                "-h", "127.0.0.1",
                "-p", str(port),
                "-k", str(datadir_parent),
                # A throwaway test cluster: durability buys nothing and costs seconds.
                "-c", "fsync=off",
                "-c", "synchronous_commit=off",
                "-c", "full_page_writes=off",
                "-c", "max_connections=200",
                # Commit times, to order a STOP against a send's final check to the
                # microsecond (tests/integration/test_stop_vs_final_check.py).
                "-c", "track_commit_timestamp=on",
            ],
            datadir_parent / f"postgres-{port}.log",
            user=user,
            stop_signal=signal.SIGINT,  # "fast" shutdown: roll back sessions, exit cleanly
        )

        def accepts_queries() -> bool:
            import psycopg

            with psycopg.connect(
                host="127.0.0.1", port=port, user="postgres", dbname="postgres", connect_timeout=2
            ) as conn:
                return conn.execute("SELECT 1").fetchone() == (1,)

        try:
            _wait_until(server, accepts_queries, POSTGRES_START_TIMEOUT, f"postgres on {port}")
        except ServerStartError:
            _release(server)
            raise
        return server

    try:
        server = _start_with_retries(start)
    except BaseException:
        remove_datadir()
        raise
    server.cleanup.append(remove_datadir)
    port = _port_of(server)
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        _release(server)


@pytest.fixture
def pg_database(postgres_url: str) -> Iterator[str]:
    """A fresh, empty database on the session's PostgreSQL server, dropped after the test."""
    import psycopg
    from psycopg import sql
    from sqlalchemy.engine import make_url

    server = make_url(postgres_url)
    name = f"test_{uuid.uuid4().hex[:16]}"
    def admin() -> psycopg.Connection[tuple[object, ...]]:
        return psycopg.connect(
            host=server.host,
            port=server.port,
            user=server.username,
            dbname=server.database,
            autocommit=True,
        )

    with admin() as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin() as conn:
            # FORCE: a test that leaked a connection must not break the next one.
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


# --- Prism (Twilio's REST API, from Twilio's own OpenAPI spec) -------------------------------


@pytest.fixture(scope="session")
def prism_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    node = shutil.which("node")
    if node is None:
        missing_server("node (for Prism)", "install Node.js 20 or newer")
    if not PRISM_BIN.exists() or not TWILIO_SPEC.exists():
        missing_server(
            "Prism and Twilio's OpenAPI spec",
            "run `scripts/test` once, or `npm ci --ignore-scripts` in tests/mock",
        )
    workdir = tmp_path_factory.mktemp("prism")

    def start(port: int) -> _Server:
        server = _spawn(
            "prism",
            [str(PRISM_BIN), "mock", "-h", "127.0.0.1", "-p", str(port), str(TWILIO_SPEC)],
            workdir / f"prism-{port}.log",
            cwd=MOCK_DIR,
        )

        def answers() -> bool:
            # Any HTTP answer will do: unauthenticated, Prism says 401.
            url = f"http://127.0.0.1:{port}/2010-04-01/Accounts.json"
            try:
                with _NO_PROXY.open(url, timeout=2):
                    return True
            except urllib.error.HTTPError:
                return True

        try:
            _wait_until(server, answers, PRISM_START_TIMEOUT, f"prism on port {port}")
        except ServerStartError:
            _release(server)
            raise
        return server

    server = _start_with_retries(start)
    port = _port_of(server)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        _release(server)
