"""Every log the test suite writes is checked for full phone numbers and message bodies.

A pytest plugin (listed in tests/conftest.py):
- installs coach's log masking in the test process, as every coach process does, and a
  handler on the root logger (DEBUG) that keeps the formatted text of every record, with
  tracebacks;
- `capture_file(path)` keeps a log file's text before its folder is removed (tests/servers.py
  calls it when it stops PostgreSQL or Redis); at the end every `*.log` under pytest's base
  temporary folder (uvicorn, worker, beat and `coach up` logs of tests/integration) is read too;
- `remember(body)` notes a message body a test sent (the webhook helpers call it), so the
  check knows what to look for, besides fixed sentences of the messages catalogue;
- at the end of the session it greps all of it for an E.164 number (+ or %2B, separators
  allowed) and for the known bodies; any hit fails the run, naming the log and the line.

Prism's log is left out: it plays Twilio, whose side of a request necessarily carries the
number. `COACH_LOGCHECK=0` turns the check off (e.g. to debug something else).

Under pytest-xdist (scripts/test runs the suite on several workers) each worker checks what
it saw, including the bodies only it knows, and leaves its findings and counts in a JSON file
beside its own temporary folder; the controller then reads every worker's file, checks the
logs under the whole base temporary folder once more, and fails the run on any hit.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# A full number: + or %2B, then 8 to 15 digits, separators allowed between them.
FULL_NUMBER = re.compile(r"(?:\+|%2[bB])[1-9](?:[ .\-()]{0,2}[0-9]){7,14}(?![0-9])")
MIN_BODY = 14  # shorter bodies ("YES", "stop") are ordinary words in any log
MAX_RECORDS_TEXT = 200_000_000


@dataclass
class _State:
    records: list[str] = field(default_factory=list)
    size: int = 0
    files: dict[str, str] = field(default_factory=dict)
    bodies: set[str] = field(default_factory=set)
    handler: logging.Handler | None = None


_state = _State()


class _Keep(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        if _state.size > MAX_RECORDS_TEXT:
            return
        try:
            text = self.format(record)
        except Exception:  # a library's bad format string is not our concern here
            return
        _state.records.append(text)
        _state.size += len(text)


def remember(body: str | None) -> None:
    """A message body a test sent: the logs must not contain it."""
    if body and len(body.strip()) >= MIN_BODY and " " in body.strip():
        _state.bodies.add(body.strip())


def capture_file(path: Path) -> None:
    """Keep `path`'s text now, for the check at the end (its folder may be deleted)."""
    with contextlib.suppress(OSError):
        _state.files[str(path)] = path.read_text(errors="replace")


def _catalogue_sentences() -> set[str]:
    """Fixed pieces of every patient-facing message (between placeholders), long enough to
    be unmistakable in a log."""
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            for piece in re.split(r"\{[^}]*\}", value):
                piece = piece.strip()
                if len(piece) >= 30:
                    found.add(piece)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    for path in (ROOT / "messages").glob("*.toml"):
        if path.stem in ("en", "es"):
            walk(tomllib.loads(path.read_text()))
    return found


def leaks(name: str, text: str, bodies: set[str]) -> list[str]:
    """Lines of `text` that hold a full number or a known body, as 'name: line'."""
    found: list[str] = []
    for line in text.splitlines():
        hit = FULL_NUMBER.search(line)
        body = next((b for b in bodies if b in line), None) if bodies else None
        if hit is not None:
            found.append(f"{name}: number {hit.group(0)!r} in: {line.strip()[:300]}")
        elif body is not None:
            found.append(f"{name}: body {body[:40]!r} in: {line.strip()[:300]}")
    return found


def _is_third_party(path: str) -> bool:
    return Path(path).name.startswith("prism-")


def pytest_configure(config: pytest.Config) -> None:
    if os.environ.get("COACH_LOGCHECK") == "0":
        return
    from coach import logs

    logs.install()
    handler = _Keep()
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    _state.handler = handler


def _collect(session: pytest.Session) -> list[str]:
    bodies = _state.bodies | _catalogue_sentences()
    found: list[str] = []
    if _state.records:
        # Records are checked line by line with the numbers pattern; bodies in one pass.
        found += leaks("log record", "\n".join(_state.records), bodies)
    files = dict(_state.files)
    base = session.config._tmp_path_factory.getbasetemp()  # type: ignore[attr-defined]
    for path in Path(base).rglob("*.log"):
        if str(path) not in files:
            try:
                files[str(path)] = path.read_text(errors="replace")
            except OSError:
                continue
    for name, text in files.items():
        if not _is_third_party(name):
            found += leaks(name, text, bodies)
    return found


def _worker_id(config: pytest.Config) -> str | None:
    workerinput = getattr(config, "workerinput", None)
    return None if workerinput is None else str(workerinput["workerid"])


def _shared_folder(session: pytest.Session) -> Path:
    """The controller's base temp: a worker's own is `<that>/popen-gwN`."""
    base = Path(session.config._tmp_path_factory.getbasetemp())  # type: ignore[attr-defined]
    return base.parent if _worker_id(session.config) is not None else base


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _state.handler is None:
        return
    logging.getLogger().removeHandler(_state.handler)
    found = _collect(session)
    worker = _worker_id(session.config)
    counts = {"records": len(_state.records), "files": len(_state.files)}
    if worker is not None:
        report = _shared_folder(session) / f"logcheck-{worker}.json"
        report.write_text(json.dumps({"found": found, **counts}))
    else:
        for report in sorted(_shared_folder(session).glob("logcheck-*.json")):
            seen = json.loads(report.read_text())
            found += [line for line in seen["found"] if line not in found]
            counts["records"] += seen["records"]
            counts["files"] += seen["files"]
    session.config.stash[_FOUND] = found
    session.config.stash[_COUNTS] = counts
    if found and session.exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


_FOUND = pytest.StashKey[list[str]]()
_COUNTS = pytest.StashKey[dict[str, int]]()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    found = terminalreporter.config.stash.get(_FOUND, [])
    if not found:
        if _state.handler is not None:
            counts = terminalreporter.config.stash.get(_COUNTS, {"records": 0, "files": 0})
            terminalreporter.write_line(
                f"log check: {counts['records']} log records and "
                f"{counts['files']} server logs (plus *.log under the temp folder): no full "
                "phone number, no message body"
            )
        return
    terminalreporter.section("log check: full phone numbers or message bodies in logs", red=True)
    for line in found[:50]:
        terminalreporter.write_line(line)
    if len(found) > 50:
        terminalreporter.write_line(f"... and {len(found) - 50} more")
