"""Storage on SQLite and PostgreSQL: migrations match the models, constraints hold, times
come back aware and in UTC."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from coach import patients
from coach.db.engine import transaction
from coach.db.models import Base, Message, Patient
from coach.errors import CoachError, Conflict
from tests.fixtures_db import ALICE, T0


def test_migrations_match_the_models(any_factory):
    with any_factory() as s:
        diff = compare_metadata(MigrationContext.configure(s.connection()), Base.metadata)
    assert diff == []


def test_times_round_trip_as_aware_utc(any_factory, settings):
    paris = timezone(timedelta(hours=1))
    with transaction(any_factory) as s:
        p, _ = patients.enroll(s, settings, phone=ALICE, tz="America/New_York", now=T0)
        p.paused_until = datetime(2027, 1, 1, 12, 0, tzinfo=paris)
    with any_factory() as s:
        got = s.scalar(select(Patient.paused_until))
    assert got == datetime(2027, 1, 1, 11, 0, tzinfo=UTC) and got.tzinfo is not None


def test_naive_datetimes_are_refused(any_factory):
    with pytest.raises(Exception, match="naive"), transaction(any_factory) as s:
        s.add(Patient(phone="+12025550111", tz="UTC", created_at=datetime(2027, 1, 1)))
        s.flush()


def test_phone_is_unique_in_any_format(any_factory, settings):
    with transaction(any_factory) as s:
        patients.enroll(s, settings, phone=ALICE, tz="UTC", now=T0)
    with pytest.raises(Conflict), transaction(any_factory) as s:
        patients.enroll(s, settings, phone="(202) 555-0101", tz="UTC", now=T0)


def test_one_outbox_row_per_slot(any_factory, settings):
    with transaction(any_factory) as s:
        p, _ = patients.enroll(s, settings, phone=ALICE, tz="UTC", now=T0)
        pid = p.id
    row = dict(patient_id=pid, direction="out", kind="eye_rest", body="x", status="queued",
               dedupe_key=f"r:{pid}:eye_rest:20270310T140000Z")
    with transaction(any_factory) as s:
        s.add(Message(**row))
    with pytest.raises(IntegrityError), transaction(any_factory) as s:
        s.add(Message(**row))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"phone": "12"}, "not a"),
        ({"phone": "+1 202 555 01"}, "not a"),
        ({"phone": "\x00\x01binary"}, "not a"),
        ({"phone": "9" * 500}, "not a phone number"),
        ({"tz": "Mars/Olympus"}, "unknown time zone"),
        ({"tz": "../../etc/passwd"}, "unknown time zone"),
        ({"lang": "fr"}, "unknown language"),
        ({"quiet": "22:00-22:00"}, "--quiet"),
        ({"quiet": "late"}, "--quiet"),
        ({"daily_cap": 0}, "daily cap"),
    ],
)
def test_enrolment_rejects_bad_input_with_one_clear_line(factory, settings, kwargs, message):
    args = {"phone": ALICE, "tz": "America/New_York", **kwargs}
    with pytest.raises(CoachError, match=message) as info, transaction(factory) as s:
        patients.enroll(s, settings, now=T0, **args)
    assert "\n" not in str(info.value)


def test_names_keep_printable_characters_only(any_factory, settings):
    with transaction(any_factory) as s:
        p, _ = patients.enroll(s, settings, phone=ALICE, tz="UTC", now=T0, name="Al\x00ice\n")
        assert p.name == "Alice"
    with pytest.raises(CoachError, match="too long"), transaction(any_factory) as s:
        patients.enroll(s, settings, phone="+12025550133", tz="UTC", now=T0, name="x" * 101)
