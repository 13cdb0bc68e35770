"""Enrolment from the web, safe under concurrency: the same number posted 20 times at once
gives one 201 and nineteen 409s, never a 500, and no unique-constraint error (which carries
the number) reaches the web log or PostgreSQL's log.

On PostgreSQL the transaction first takes an advisory lock keyed by the number, so the
duplicate check in `patients.enroll` sees a concurrent winner's committed row and answers
Conflict instead of racing it to the unique index. SQLite already serialises writers
(BEGIN IMMEDIATE). A unique violation that still happens (another writer that does not take
the lock) is turned into the same Conflict, with the number masked.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from coach.errors import Conflict
from coach.phone import PhoneError, normalize_phone

T = TypeVar("T")
LOCK_NAMESPACE = 0x636F  # "co": keeps our advisory locks apart from anyone else's


def lock_key(e164: str) -> int:
    """A signed 32-bit key for pg_advisory_xact_lock(int, int), from the number's hash."""
    digest = hashlib.sha256(e164.encode()).digest()
    return int.from_bytes(digest[:4], "big", signed=True)


def lock_phone(session: Session, phone: str, region: str) -> None:
    try:
        e164 = normalize_phone(phone, region)
    except PhoneError:
        return  # enroll() will refuse it with the reason
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT pg_advisory_xact_lock(:ns, :key)"),
            {"ns": LOCK_NAMESPACE, "key": lock_key(e164)},
        )


def enrol_once(session: Session, phone: str, region: str, enrol: Callable[[], T]) -> T:
    """Run `enrol()` (which adds the patient) and commit, under the number's lock; a
    duplicate, however it shows up, is Conflict."""
    try:
        lock_phone(session, phone, region)
        result = enrol()
        session.commit()
    except IntegrityError:
        session.rollback()
        raise Conflict("a patient with this phone number is already enrolled") from None
    return result
