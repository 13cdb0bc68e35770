"""`python -m coach.web.serve`: the web app in several processes, each with its own socket.

uvicorn's own `--workers` shares one listening socket between the processes, and the one that
wakes first accepts every waiting connection: 50 keep-alive connections opened together split
as unevenly as 11 / 39 between two processes (measured, docs/PERFORMANCE.md), and the busier
process sets the tail latency. Here each process binds the same port with SO_REUSEPORT, so
the kernel spreads new connections across the processes by their address hash (21-29 of 50
in the same measurement), and a process starts listening only after its warm-up (lexicon,
FAQ matcher, database pool), so no connection waits in a queue nobody accepts from yet.

The parent only supervises: it restarts a process that dies (as uvicorn's supervisor does),
gives up if processes keep dying at once (a broken install, a bad setting), and stops them
all on SIGTERM or SIGINT. Without SO_REUSEPORT (not Linux or BSD), it falls back to
uvicorn's `--workers`.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from types import FrameType
from typing import Any

log = logging.getLogger("coach.web.serve")

APP = "coach.web.app:create_app"
RESTART_WINDOW = 30.0  # seconds: this many restarts within it means a crash loop
MAX_RESTARTS = 5


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m coach.web.serve",
        description="Run the web app in --workers processes, each listening on the same "
        "port with SO_REUSEPORT (even spread of connections); restart a process that dies.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="default 127.0.0.1")
    parser.add_argument("--port", type=int, default=8000, help="default 8000")
    parser.add_argument("--workers", type=int, default=int(os.environ.get(
        "COACH_WEB_WORKERS", "2")), help="processes (default $COACH_WEB_WORKERS or 2)")
    parser.add_argument("--proxy-headers", action="store_true",
                        help="trust X-Forwarded-For from --forwarded-allow-ips")
    parser.add_argument("--forwarded-allow-ips", default="127.0.0.1",
                        help="proxies that may set X-Forwarded-For (default 127.0.0.1)")
    parser.add_argument("--log-level", default="warning", help="uvicorn's (default warning)")
    parser.add_argument("--no-access-log", action="store_true", help="no access log lines")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    return parser


def _uvicorn_options(args: argparse.Namespace) -> dict[str, Any]:
    """What uvicorn is told, the same for one process here and for its own `--workers`."""
    return {
        "factory": True, "host": args.host, "port": args.port, "log_level": args.log_level,
        "proxy_headers": args.proxy_headers, "forwarded_allow_ips": args.forwarded_allow_ips,
        "access_log": not args.no_access_log,
    }


def listening_sockets(port: int) -> int | None:
    """How many sockets listen on TCP `port` on this machine (one per process here), from
    Linux's /proc/net/tcp; None where that cannot be read."""
    try:
        rows = Path("/proc/net/tcp").read_text().splitlines()[1:]
    except OSError:
        return None
    return sum(1 for row in rows if (fields := row.split())
               and int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == "0A")


def _reuse_port_socket(host: str, port: int) -> socket.socket:
    """Bound, not listening: asyncio listens once uvicorn has run the app's startup."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP named, not 0: asyncio sets TCP_NODELAY on accepted connections only when
    # the socket says it is TCP, and without it Nagle and delayed ACKs add 40 ms to answers
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    return sock


def run_child(args: argparse.Namespace) -> None:
    import uvicorn

    config = uvicorn.Config(APP, **_uvicorn_options(args))
    uvicorn.Server(config).run(sockets=[_reuse_port_socket(args.host, args.port)])


def _child_command(argv: Sequence[str]) -> list[str]:
    return [sys.executable, "-m", "coach.web.serve", *argv, "--child"]


class Supervisor:
    """Starts `workers` children and keeps them running until told to stop."""

    def __init__(self, command: list[str], workers: int) -> None:
        self.command = command
        self.workers = workers
        self.children: list[subprocess.Popen[bytes]] = []
        self.restarts: list[float] = []
        self.stopping = False

    def start(self) -> None:
        self.children = [subprocess.Popen(self.command) for _ in range(self.workers)]

    def stop(self, *_: object) -> None:
        self.stopping = True

    def watch(self, poll: float = 0.5) -> int:
        """Restart dead children; 0 when stopped by a signal, 1 on a crash loop."""
        while not self.stopping:
            time.sleep(poll)
            for index, child in enumerate(self.children):
                if self.stopping or child.poll() is None:
                    continue
                now = time.monotonic()
                self.restarts = [t for t in self.restarts if now - t < RESTART_WINDOW]
                if len(self.restarts) >= MAX_RESTARTS:
                    log.error("web processes keep exiting (%d restarts in %.0f s): giving up",
                              len(self.restarts), RESTART_WINDOW)
                    self.terminate()
                    return 1
                log.warning("web process %d exited with %s; starting another", child.pid,
                            child.returncode)
                self.restarts.append(now)
                self.children[index] = subprocess.Popen(self.command)
        self.terminate()
        return 0

    def terminate(self, grace: float = 10.0) -> None:
        for child in self.children:
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)  # uvicorn finishes what it is answering
        deadline = time.monotonic() + grace
        for child in self.children:
            try:
                child.wait(max(deadline - time.monotonic(), 0.1))
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()


def main(argv: Sequence[str] | None = None) -> int:
    raw = list(sys.argv[1:] if argv is None else argv)
    parser = _parser()
    args = parser.parse_args(raw)
    if args.workers < 1:
        parser.error("--workers must be at least 1")
    if args.child or (args.workers == 1 and hasattr(socket, "SO_REUSEPORT")):
        run_child(args)
        return 0
    if not hasattr(socket, "SO_REUSEPORT"):
        import uvicorn

        uvicorn.run(APP, workers=args.workers, **_uvicorn_options(args))
        return 0
    logging.basicConfig(level=logging.WARNING, format="%(name)s: %(message)s")
    supervisor = Supervisor(_child_command(raw), args.workers)

    def stop(_signum: int, _frame: FrameType | None) -> None:
        supervisor.stop()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    supervisor.start()
    return supervisor.watch()


if __name__ == "__main__":
    sys.exit(main())
