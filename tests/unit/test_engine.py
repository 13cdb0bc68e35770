from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from coach.db.engine import make_engine


def test_database_errors_never_carry_message_bodies_or_numbers(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'x.db'}")
    with pytest.raises(OperationalError) as info, engine.begin() as conn:
        conn.execute(text("INSERT INTO nowhere VALUES (:body, :phone)"),
                     {"body": "I want to kill myself", "phone": "+12025550101"})
    assert "kill myself" not in str(info.value) and "+12025550101" not in str(info.value)
    engine.dispose()


def _file_lock_free(path: Path) -> bool:
    import fcntl
    import os

    fd = os.open(path, os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(fd)  # closing drops a lock this test took
    return True


def test_sqlite_writers_of_every_process_queue_on_one_file_lock(tmp_path: Path) -> None:
    # Another process's writer waits on this lock (woken at once) instead of polling
    # SQLite's busy handler.
    from coach.db.engine import make_session_factory, transaction

    engine = make_engine(f"sqlite:///{tmp_path / 'x.db'}")
    lock = tmp_path / "x.db.writer-lock"
    factory = make_session_factory(engine)
    with transaction(factory) as session:
        session.execute(text("CREATE TABLE t (x INTEGER)"))
        assert not _file_lock_free(lock)
    assert _file_lock_free(lock)
    with pytest.raises(RuntimeError), transaction(factory) as session:
        session.execute(text("INSERT INTO t VALUES (1)"))
        raise RuntimeError("rolled back")
    assert _file_lock_free(lock)
    engine.dispose()


def test_attach_row_gives_the_persistent_object_a_query_would(tmp_path: Path) -> None:
    # The webhook attaches rows it read or wrote with Core: the object must be clean (no
    # UPDATE at commit), hold the row's values, and write a change made to it.
    from datetime import UTC, datetime

    from sqlalchemy import insert, inspect, select

    from coach.db.engine import attach_row, make_session_factory
    from coach.db.migrate import upgrade
    from coach.db.models import Patient

    url = f"sqlite:///{tmp_path / 'x.db'}"
    upgrade(url)
    engine = make_engine(url)
    now = datetime(2026, 3, 1, 12, tzinfo=UTC)
    values = {column.key: None for column in Patient.__table__.columns}
    values.update(id=7, phone="+12025550107", lang="es", tz="UTC", status="active",
                  created_at=now)
    with make_session_factory(engine).begin() as session:
        session.execute(insert(Patient), values)
        patient = attach_row(session, Patient, dict(values))
        state = inspect(patient)
        assert state.persistent and not state.modified and not session.dirty
        assert session.get(Patient, 7) is patient  # in the identity map: no second object
        assert patient.lang == "es" and patient.created_at == now
        session.flush()
        assert not session.dirty
        patient.status = "paused"
    with make_session_factory(engine)() as session:
        assert session.scalar(select(Patient.status).where(Patient.id == 7)) == "paused"
    engine.dispose()


def test_attach_row_hands_back_the_object_the_session_already_holds(factory) -> None:
    """`coach reply` loads the patient before the inbound path attaches its row again."""
    from sqlalchemy import select

    from coach.db.engine import attach_row
    from coach.db.models import Patient

    with factory() as session:
        session.add(Patient(phone="+12025550101", tz="UTC", lang="en", status="active"))
        session.commit()
    with factory() as session:
        loaded = session.scalars(select(Patient)).one()
        values = {c.key: getattr(loaded, c.key) for c in Patient.__table__.columns}
        assert attach_row(session, Patient, values) is loaded
