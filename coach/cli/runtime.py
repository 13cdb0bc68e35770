"""`coach up` (web + worker + beat, supervised), `coach migrate`, `coach demo`."""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import coach
from coach.cli.common import Context, Failure, UsageError, json_flag, out, print_json, safe_url
from coach.config import Settings

PROJECT_ROOT = Path(coach.__file__).resolve().parent.parent
STOP_TIMEOUT = 15.0  # seconds a child gets to finish its current task after SIGTERM
POLL_INTERVAL = 0.3


def register(commands: Any) -> None:
    up = commands.add_parser(
        "up",
        help="run web, worker and beat on the configured or embedded services",
        description="Migrates the database, then starts the web app (uvicorn), a Celery "
        "worker and Celery beat as child processes and watches them: if one dies the others "
        "are stopped and coach exits non-zero; Ctrl-C or SIGTERM stops them all. With no "
        "COACH_DATABASE_URL / COACH_BROKER_URL / TWILIO_* set, everything stays in "
        "COACH_DATA_DIR (default $XDG_DATA_HOME/coach, else ~/.local/share/coach: the same "
        "folder whatever directory you run it from) and messages go to the outbox, not to "
        "phones.",
    )
    up.add_argument("--host", default="127.0.0.1", help="default 127.0.0.1")
    up.add_argument("--port", type=int, default=8000, help="default 8000")
    up.add_argument("--verbose", action="store_true",
                    help="show the worker's and beat's banners and INFO logs (default: "
                    "warnings and errors only, so the addresses stay the last lines)")
    up.set_defaults(handler=run_up)

    migrate = commands.add_parser(
        "migrate", parents=[json_flag()], help="apply database migrations"
    )
    migrate.set_defaults(handler=run_migrate)

    demo = commands.add_parser(
        "demo",
        parents=[json_flag()],
        help="a simulated day end to end (no servers); exits 0 if its checks hold",
        description="Enrols a patient in a temporary database, opts in, runs a simulated day "
        "of reminders, replies, a red flag and STOP on a simulated clock, and checks that "
        "nothing is sent in quiet hours, twice per slot or after STOP.",
    )
    demo.set_defaults(handler=run_demo)


# ---------------------------------------------------------------------------- migrate


def run_migrate(args: argparse.Namespace, ctx: Context) -> int:
    from coach.db.migrate import current_revision

    ctx.migrate()
    revision = current_revision(ctx.settings.database_url)
    url = safe_url(ctx.settings.database_url)
    if ctx.json:
        print_json({"revision": revision, "database": url})
    else:
        out(f"database at revision {revision} ({url})")
    return 0


# ---------------------------------------------------------------------------- demo


def run_demo(args: argparse.Namespace, ctx: Context) -> int:
    from coach.demo import run

    return run(json_output=ctx.json)


# ---------------------------------------------------------------------------- up


@dataclass
class Child:
    name: str
    argv: list[str]
    proc: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    def start(self, env: dict[str, str]) -> None:
        # Its own process group, so stopping it also stops its pool processes, and a
        # terminal's Ctrl-C reaches only us: we stop the children in order.
        self.proc = subprocess.Popen(
            self.argv, env=env, start_new_session=True, preexec_fn=_die_with_parent
        )

    @property
    def exit_code(self) -> int | None:
        return None if self.proc is None else self.proc.poll()

    def signal_group(self, signum: int) -> None:
        if self.proc is None:
            return
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, signum)


def _die_with_parent() -> None:
    """In the child, before exec: if `coach up` itself is killed (even SIGKILL), the kernel
    sends this child SIGTERM, so nothing is left holding the port (Linux only)."""
    if sys.platform.startswith("linux"):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def child_processes(
    settings: Settings, host: str, port: int, *, verbose: bool = False
) -> list[Child]:
    """Quiet by default: no Celery banners, warnings and errors only (a newcomer's terminal
    should end with the addresses, not scroll them away)."""
    python = sys.executable
    level = "INFO" if verbose else "WARNING"
    quiet = [] if verbose else ["--quiet"]
    worker = [python, "-m", "celery", "-A", "tasks", *quiet, "worker", "--loglevel", level]
    worker += ["--concurrency", "2"]
    if settings.embedded_broker:
        # The filesystem broker has no broadcast exchange to gossip over, and threads keep
        # the one-laptop setup light.
        worker += ["--pool", "threads", "--without-gossip", "--without-mingle"]
        worker += ["--without-heartbeat"]
    beat = [python, "-m", "celery", "-A", "tasks", *quiet, "beat", "--loglevel", level]
    beat += ["--schedule", str(settings.data_dir / "celerybeat-schedule")]
    web = [python, "-m", "uvicorn", "coach.web.app:create_app", "--factory"]
    web += ["--host", host, "--port", str(port)]
    if not verbose:
        web += ["--log-level", "warning"]
    return [Child("web", web), Child("worker", worker), Child("beat", beat)]


def base_url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def child_environment(settings: Settings, host: str, port: int) -> dict[str, str]:
    env = dict(os.environ)
    # Children must agree with us whatever their working directory.
    env["COACH_DATA_DIR"] = str(settings.data_dir)
    env.setdefault("COACH_PUBLIC_URL", base_url(host, port))
    paths = [str(PROJECT_ROOT), *filter(None, env.get("PYTHONPATH", "").split(os.pathsep))]
    env["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(paths))
    env.setdefault("PYTHONUNBUFFERED", "1")
    return env


def _check_port_free(host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise Failure(f"cannot listen on {host}:{port}: {exc.strerror}") from None


def run_up(args: argparse.Namespace, ctx: Context) -> int:
    if not 0 < args.port < 65536:
        raise UsageError(f"--port must be between 1 and 65535, got {args.port}")
    settings = ctx.settings
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    ctx.migrate()
    _check_port_free(args.host, args.port)
    from coach.cli.users import ensure_first_admin

    first_login = ensure_first_admin(ctx)
    env = child_environment(settings, args.host, args.port)
    children = child_processes(settings, args.host, args.port,
                               verbose=getattr(args, "verbose", False))
    url = base_url(args.host, args.port)
    public = env["COACH_PUBLIC_URL"].rstrip("/")

    stop = threading.Event()
    received: list[int] = []

    def on_signal(signum: int, _frame: Any) -> None:
        received.append(signum)
        stop.set()

    # SIGHUP too: a closed terminal or a dropped SSH session must not leave orphans.
    previous = {
        sig: signal.signal(sig, on_signal)
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
    }
    died: Child | None = None
    try:
        for child in children:
            child.start(env)
        out(f"coach is starting web, worker and beat (data in {settings.data_dir}) …")
        sys.stdout.flush()
        died = _wait_for_web(url, children, stop)
        if died is not None or stop.is_set():
            raise _Stopped()
        out("coach is running:")
        out(f"  dashboard  {url}/")
        if first_login is not None:
            out(f"  sign in    {first_login[0]} / {first_login[1]}   (shown once: change it "
                f"at {url}/account)")
        out(f"  webhook    {public}/twilio/inbound   (status callbacks: {public}/twilio/status)")
        out(f"  database   {safe_url(settings.database_url)}")
        broker = "embedded (" + str(settings.broker_folder) + ")" if settings.embedded_broker \
            else safe_url(settings.broker_url)
        out(f"  broker     {broker}")
        sms = "Twilio" if settings.use_twilio else "outbox (nothing leaves this machine)"
        out(f"  SMS        {sms}")
        out("Press Ctrl-C to stop.")
        sys.stdout.flush()
        while not stop.is_set():
            died = next((c for c in children if c.exit_code is not None), None)
            if died is not None:
                break
            stop.wait(POLL_INTERVAL)
    except _Stopped:
        pass
    finally:
        stop_children(children)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if died is not None:
        raise Failure(f"{died.name} exited with code {died.exit_code}; stopped the others")
    out("coach stopped")
    return 0


class _Stopped(Exception):
    """A child died or we were told to stop before the web answered."""


def _wait_for_web(url: str, children: list[Child], stop: threading.Event,
                  timeout: float = 60.0) -> Child | None:
    """Until /healthz answers (so the addresses we print next are the last lines and work
    when clicked); returns a child that died meanwhile, if any."""
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not stop.is_set():
        died = next((c for c in children if c.exit_code is not None), None)
        if died is not None:
            return died
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=1):
                return None
        except urllib.error.HTTPError:
            return None  # it answers (503: the database is down, which /healthz reports)
        except (OSError, ValueError):
            stop.wait(POLL_INTERVAL)
    return None


def stop_children(children: list[Child], timeout: float = STOP_TIMEOUT) -> None:
    """SIGTERM every child's group, wait, then SIGKILL what is left (children and pools)."""
    for child in reversed(children):  # beat first: no new work while the worker drains
        if child.exit_code is None:
            child.signal_group(signal.SIGTERM)
    deadline = time.monotonic() + timeout
    for child in children:
        if child.proc is None:
            continue
        with contextlib.suppress(subprocess.TimeoutExpired):
            child.proc.wait(max(0.1, deadline - time.monotonic()))
    for child in children:
        # Leftover pool processes (or a child that ignored SIGTERM) share the group id.
        child.signal_group(signal.SIGKILL)
        if child.proc is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                child.proc.wait(5)
