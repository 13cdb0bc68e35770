"""What every command shares: settings, the database (migrated on first use), output, errors."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

from coach.config import Settings

EXIT_OK = 0
EXIT_FAILURE = 1  # something went wrong at run time (database down, a child died, ...)
EXIT_USAGE = 2  # the operator's input cannot be used


class UsageError(Exception):
    """Bad command-line input: exit 2 with the message as it is."""


class Failure(Exception):
    """A run-time failure: exit 1 with the message as it is."""


class Parser(argparse.ArgumentParser):
    """argparse that reports a bad command line as one line (no usage block, no SystemExit)."""

    def error(self, message: str) -> Any:  # argparse declares NoReturn; we raise instead
        raise UsageError(f"{message} (see `{self.prog} --help`)")


def json_flag() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--json", action="store_true", help="print machine-readable JSON")
    return parent


def now() -> datetime:
    return datetime.now(UTC)


def print_json(value: Any) -> None:
    print(json.dumps(value, indent=2, ensure_ascii=False))


def safe_url(url: str) -> str:
    """A database or broker URL fit to print: the password is masked."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url.split("://", 1)[0] + "://…"


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL (None for other databases and in-memory SQLite)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    if parsed.get_backend_name() != "sqlite" or not parsed.database or (
            parsed.database == ":memory:"):
        return None
    return Path(parsed.database)


def first_line(exc: BaseException) -> str:
    inner = getattr(exc, "orig", None) or exc
    text = str(inner).strip().splitlines()
    return text[0] if text else type(inner).__name__


class Context:
    """Per-invocation state: settings, and the database once a command asks for it."""

    def __init__(self, settings: Settings, args: argparse.Namespace) -> None:
        self.settings = settings
        self.args = args
        self.json: bool = bool(getattr(args, "json", False))
        self._engine: Engine | None = None
        self._factory: sessionmaker[Session] | None = None

    def migrate(self) -> None:
        """Bring the schema up to date (idempotent), so a newcomer never sees "no such table"."""
        from coach.db.migrate import upgrade

        created = sqlite_file(self.settings.database_url)
        if created is not None and created.exists():
            created = None
        try:
            if created is not None:
                created.parent.mkdir(parents=True, exist_ok=True)
            upgrade(self.settings.database_url)
        except (DBAPIError, NoSuchModuleError, OSError) as exc:
            raise Failure(
                f"database not reachable ({safe_url(self.settings.database_url)}): "
                f"{first_line(exc)}"
            ) from None
        if created is not None and sys.stderr.isatty():
            # Said once, to a person at a terminal (scripts get clean stderr): which file
            # they got, so a newcomer in another folder is not left guessing.
            err(f"coach: created a new database at {created} (COACH_DATA_DIR or "
                "COACH_DATABASE_URL to use another)")

    @property
    def factory(self) -> sessionmaker[Session]:
        if self._factory is None:
            from coach.db.engine import make_engine, make_session_factory

            self.migrate()
            self._engine = make_engine(self.settings.database_url)
            self._factory = make_session_factory(self._engine)
        return self._factory

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
            self._factory = None


Handler = Callable[[argparse.Namespace, Context], int]


def out(line: str = "") -> None:
    print(line)


def err(line: str) -> None:
    print(line, file=sys.stderr)
