"""Fuzzing the CSV importer (hypothesis): any bytes, any cells. Never a crash: a file that is
not our CSV is a clear CoachError; otherwise every bad row is reported by its number with one
of the documented reasons, and a file with any bad row writes nothing (all or nothing)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, sessionmaker

from coach import importer
from coach.config import Settings
from coach.db.engine import make_engine, make_session_factory
from coach.db.migrate import upgrade
from coach.db.models import Message, Patient, Schedule
from coach.errors import CoachError
from tests.fixtures_db import make_settings

NOW = datetime(2027, 3, 10, 15, 0, tzinfo=UTC)
REASONS = {
    importer.TOO_MANY_COLUMNS, importer.UNCLOSED_QUOTE, importer.BAD_ENCODING, importer.BAD_NUMBER,
    importer.DUPLICATE,
    importer.UNKNOWN_ZONE, importer.UNKNOWN_LANGUAGE, importer.UNKNOWN_PROGRAMME,
    importer.BAD_NAME, importer.ALREADY_ENROLLED,
}
FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[
        tuple[sessionmaker[Session], Settings]]:
    folder = tmp_path_factory.mktemp("fuzz-import")
    url = f"sqlite:///{folder / 'coach.db'}"
    upgrade(url)
    engine = make_engine(url)
    try:
        yield make_session_factory(engine), make_settings(folder)
    finally:
        engine.dispose()


def _patients(factory: sessionmaker[Session]) -> int:
    with factory() as session:
        return int(session.scalar(select(func.count(Patient.id))) or 0)


def _import(db: tuple[sessionmaker[Session], Settings], data: bytes) -> importer.Report | None:
    """One import in a transaction that is rolled back if it raised, and emptied afterwards
    (so every example starts from an empty clinic)."""
    factory, settings_ = db
    try:
        with factory() as session:
            try:
                report = importer.run(session, settings_, data, now=NOW, actor="fuzz")
                session.commit()
            except CoachError as exc:
                assert str(exc)  # a clear message
                return None
        return report
    finally:
        with factory() as session:
            session.execute(delete(Schedule))
            session.execute(delete(Message))
            session.execute(delete(Patient))
            session.commit()


def _check(db: tuple[sessionmaker[Session], Settings], data: bytes) -> importer.Report | None:
    factory, _ = db
    before = _patients(factory)
    report = _import(db, data)
    if report is None:
        return None
    assert report.rows >= 0
    rows = {r.row for r in report.rejected}
    assert all(1 <= r <= max(report.rows, 1) for r in rows), report.to_json()
    assert {r.reason for r in report.rejected} <= REASONS, report.to_json()
    if report.rejected:
        assert report.imported == 0 and before == _patients(factory)
    else:
        assert report.imported == report.rows or report.rows == 0
    return report


@FUZZ
@given(st.binary(max_size=3000))
@example(b"phone,tz\n\xff\xfe\n")
@example(b"\xff\xfephone,tz\n")
@example(b"phone,tz\n\"unterminated\n")
@example(b"PK\x03\x04rest")
def test_random_bytes_never_crash(db: tuple[sessionmaker[Session], Settings], data: bytes) -> None:
    _check(db, data)


@FUZZ
@given(st.binary(max_size=3000))
def test_random_bytes_after_a_good_header_are_reported_by_row(
    db: tuple[sessionmaker[Session], Settings], data: bytes
) -> None:
    _check(db, b"phone,tz,lang,name,programme\n" + data)


_phone = st.one_of(
    st.integers(0, 99).map(lambda n: f"+1 202 555 {100 + n:04d}"),
    st.sampled_from(["", "abc", "+1", "12", "+999999999999999999", "202-555-0142",
                     "+44 20 7946 0958", "\x00", "=cmd|'/c calc'!A0", "+1 202 555 0101"]),
    st.text(max_size=20),
)
_zone = st.sampled_from(["UTC", "America/New_York", "Europe/Madrid", "Mars/Base", "",
                         "../etc/passwd", "/etc/localtime", "utc", "America/New_York\x00"]) | \
    st.text(max_size=15)
_lang = st.sampled_from(["", "en", "es", "ES", "fr", "english"]) | st.text(max_size=5)
_name = st.text(max_size=120) | st.sampled_from(["", "Zoë", "a" * 101, "O'Brien, Jr."])
_row = st.tuples(_phone, _zone, _lang, _name, st.sampled_from(["", "", "standard", "nope"]))


@FUZZ
@given(rows=st.lists(_row, max_size=25), extra=st.booleans())
def test_random_cells_each_bad_row_reported(
    db: tuple[sessionmaker[Session], Settings], rows: list[tuple[str, ...]], extra: bool
) -> None:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(importer.COLUMNS)
    for row in rows:
        writer.writerow([*row, "surplus"] if extra else row)
    report = _check(db, out.getvalue().encode("utf-8", errors="surrogatepass"))
    if report is None:
        return
    if extra and report.rows:
        assert {r.reason for r in report.rejected} == {importer.TOO_MANY_COLUMNS}
