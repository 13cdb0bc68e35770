"""Engines and sessions. Built by functions, never at import time."""

from __future__ import annotations

import os
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, TypeVar, cast

from sqlalchemy import CursorResult, Engine, create_engine, event
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session, make_transient_to_detached, sessionmaker
from sqlalchemy.orm.base import manager_of_class

T = TypeVar("T")


def make_engine(url: str, **kwargs: Any) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        # hide_parameters: an error's text must never carry a message body or phone number
        # into a log (this is health data).
        engine = create_engine(
            url, connect_args={"timeout": 30}, hide_parameters=True, **kwargs
        )

        synchronous = sqlite_synchronous()

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            # WAL lets the web process read while a worker writes; foreign keys are off by
            # default in SQLite.
            dbapi_conn.isolation_level = None  # we issue BEGIN ourselves, below
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute(f"PRAGMA synchronous={synchronous}")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn: Any) -> None:
            # Take the write lock at BEGIN so conditional UPDATE claims serialise cleanly.
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    return create_engine(url, pool_pre_ping=True, hide_parameters=True, **kwargs)


SYNCHRONOUS_MODES = ("full", "normal")


def sqlite_synchronous() -> str:
    """COACH_SQLITE_SYNCHRONOUS: `full` (the default) syncs the WAL to disk at every commit,
    about 4 ms on a cloud disk, inside the one write lock, so it caps SQLite near 200 webhooks
    a second. `normal` syncs at checkpoints only: a commit survives a crash of coach, but the
    last ones before a power loss or an OS crash may be lost (the database stays intact).
    PostgreSQL is not affected."""
    value = os.environ.get("COACH_SQLITE_SYNCHRONOUS", "").strip().lower() or "full"
    if value not in SYNCHRONOUS_MODES:
        raise ValueError(f"COACH_SQLITE_SYNCHRONOUS must be full or normal, not {value[:20]!r}")
    return value.upper()


def inserted_id(result: CursorResult[Any]) -> int:
    """The primary key a single-row Core INSERT gave its row (SQLite's rowid, or RETURNING)."""
    key = result.inserted_primary_key
    if key is None or key[0] is None:
        raise RuntimeError("the database returned no id for the new row")
    return int(key[0])


def attach_row(session: Session, cls: type[T], values: dict[str, Any]) -> T:
    """The persistent ORM object of a row this session just read or wrote with Core, as a
    query would have built it, without a query. `values` must hold every column (a missing
    one would be loaded on first use). The object is built the way the ORM's loader builds
    one, its attributes set straight into its __dict__: the constructor's per-attribute
    events made an object of twenty columns cost ~40 us, this ~1 us (attaching ~17 us)."""
    mapper = sa_inspect(cls)
    key = mapper.identity_key_from_primary_key(
        tuple(values[mapper.get_property_by_column(column).key] for column in mapper.primary_key)
    )
    existing = session.identity_map.get(key)
    if existing is not None:
        # The session already holds this row (a caller loaded the patient first, as `coach
        # reply` does): a query would hand back that object, and so does this.
        return cast(T, existing)
    obj = cast(T, manager_of_class(cls).new_instance())
    obj.__dict__.update(values)
    make_transient_to_detached(obj)  # the identity from the primary key; nothing modified
    session.add(obj)
    return obj


WEB_POOL_SIZE = 10


def web_pool_options(url: str) -> dict[str, Any]:
    """Connection pool of a web process on PostgreSQL: a fixed set of connections, and
    requests beyond it wait for one. SQLAlchemy's default (5, plus 10 opened and closed again
    as needed) under 25 concurrent webhooks a process opens a connection (a new PostgreSQL
    backend) for most of them: ~1 ms of CPU each on both sides. SQLite writers queue before
    taking a connection, so the default suits it."""
    if url.startswith("sqlite"):
        return {}
    return {"pool_size": WEB_POOL_SIZE, "max_overflow": 0}


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


# SQLite has one writer at a time, and a connection that finds the write lock taken polls for
# it with sleeps of up to 100 ms (sqlite3's busy handler). Under concurrent webhooks that turns
# into second-long tails, worst across processes: the process holding the lock hands it from
# thread to thread while the other one sleeps. Writers therefore queue, before BEGIN, on a
# lock that wakes the next one as soon as it is free: threads of one process on an RLock,
# processes on an flock of a file beside the database. (Writers that do not go through
# `transaction` still meet the busy timeout, as before.)
try:
    import fcntl
except ImportError:  # not on Linux or macOS: threads queue, processes poll
    fcntl = None  # type: ignore[assignment]


class _SqliteWriter:
    def __init__(self, lock_path: str | None) -> None:
        self.rlock = threading.RLock()
        self.lock_path = lock_path if fcntl is not None else None
        self.fd: int | None = None
        self.pid = 0
        self.depth = 0  # nested transactions of the thread holding `rlock`

    @contextmanager
    def held(self) -> Iterator[None]:
        with self.rlock:
            if self.depth == 0:
                self._lock_file()
            self.depth += 1
            try:
                yield
            finally:
                self.depth -= 1
                if self.depth == 0:
                    self._unlock_file()

    def _lock_file(self) -> None:
        if self.lock_path is None:
            return
        try:
            if self.fd is None or self.pid != os.getpid():
                # A forked child must not share its parent's open file: flock would take the
                # two for one holder.
                self.fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
                self.pid = os.getpid()
            fcntl.flock(self.fd, fcntl.LOCK_EX)
        except OSError:
            self.lock_path = None  # a filesystem without flock: the busy timeout still works

    def _unlock_file(self) -> None:
        if self.lock_path is not None and self.fd is not None:
            fcntl.flock(self.fd, fcntl.LOCK_UN)

    def __del__(self) -> None:
        # One open file per engine: the test suite makes thousands of engines.
        if self.fd is not None and self.pid == os.getpid():
            with suppress(OSError):
                os.close(self.fd)


_SQLITE_WRITERS: weakref.WeakKeyDictionary[Engine, _SqliteWriter] = weakref.WeakKeyDictionary()
_WRITERS_GUARD = threading.Lock()


def _lock_path(engine: Engine) -> str | None:
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    path = Path(database)
    return str(path) + ".writer-lock" if path.parent.is_dir() else None


def _writer_lock(factory: sessionmaker[Session]) -> _SqliteWriter | None:
    bind = factory.kw.get("bind")
    if not isinstance(bind, Engine) or bind.dialect.name != "sqlite":
        return None
    with _WRITERS_GUARD:
        writer = _SQLITE_WRITERS.get(bind)
        if writer is None:
            writer = _SQLITE_WRITERS[bind] = _SqliteWriter(_lock_path(bind))
        return writer


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """A session that commits on success and rolls back on error."""
    writer = _writer_lock(factory)
    if writer is None:
        with factory() as session, session.begin():
            yield session
        return
    with writer.held(), factory() as session, session.begin():
        yield session
