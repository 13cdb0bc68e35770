"""Database fixtures: a migrated SQLite file per test, and the same on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from coach.config import Settings
from coach.db.engine import make_engine, make_session_factory
from coach.db.migrate import upgrade

# Named personas, so a failing test reads like a story.
ALICE = "+12025550101"  # New York
BOB = "+447700900123"  # London
CARLOS = "+34612345678"  # Madrid, Spanish
ONCALL = "+12025550199"

T0 = datetime(2027, 3, 10, 14, 0, tzinfo=UTC)  # a Wednesday, 09:00 in New York


def make_settings(data_dir: Path, **env: str) -> Settings:
    base = {"COACH_DATA_DIR": str(data_dir), "COACH_ONCALL_NUMBER": ONCALL}
    base.update(env)
    return Settings.from_env(base)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path)


def _factory(url: str) -> Iterator[sessionmaker[Session]]:
    upgrade(url)
    engine = make_engine(url)
    try:
        yield make_session_factory(engine)
    finally:
        engine.dispose()


@pytest.fixture
def factory(tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    yield from _factory(f"sqlite:///{tmp_path / 'coach.db'}")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.integration)])
def any_factory(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    """The same test on SQLite and on a real PostgreSQL server."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'coach.db'}"
    else:
        url = request.getfixturevalue("pg_database")
    yield from _factory(url)
