"""Patients: enrolment, consent, opt-out, pauses. Keyword-only functions that take a session."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any, Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from coach.config import Settings
from coach.core.localtime import iso_utc
from coach.core.policy import in_quiet_hours
from coach.core.schedule import (
    PAUSED_INDEFINITELY,
    Policy,
    ScheduleError,
    parse_window,
    wall_to_utc,
)
from coach.core.types import PatientStatus
from coach.db.models import Message, Patient, Schedule
from coach.errors import CoachError, Conflict, NotFound
from coach.phone import PhoneError, mask_phone, normalize_phone
from messages import render

CONSENT_TEXT_VERSION = "invitation-v1"
LANGS = ("en", "es")


# Names the zoneinfo database on disk answers to that are not regions: 'localtime' is the
# server's own zone (a patient's reminders would move with the host), 'Factory' has no
# offset meaning, and posix/ and right/ are build variants (right/ counts leap seconds).
_NOT_REGIONS = frozenset({"localtime", "posixrules", "Factory"})
_NOT_REGION_PREFIXES = ("/", ".", "posix/", "right/")


def zone_name_ok(name: str) -> bool:
    """Whether `name` may be stored as a patient's zone (before asking zoneinfo)."""
    return bool(name) and "\x00" not in name and len(name) <= 64 \
        and ".." not in name and name not in _NOT_REGIONS \
        and not name.startswith(_NOT_REGION_PREFIXES)


def parse_zone(name: str) -> ZoneInfo:
    if not zone_name_ok(name):
        raise CoachError(f"unknown time zone: {name!r}")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise CoachError(
            f"unknown time zone: {name!r} (use an IANA name like America/New_York)"
        ) from None


def get_patient(session: Session, ref: str | int) -> Patient:
    """A patient by id ("12") or by phone number in any format."""
    patient: Patient | None = None
    text = str(ref).strip()
    if text.isdigit() and len(text) < 10:
        patient = session.get(Patient, int(text))
    else:
        try:
            phone = normalize_phone(text)
        except PhoneError:
            phone = None
        if phone:
            patient = session.scalar(select(Patient).where(Patient.phone == phone))
    if patient is None:
        raise NotFound(f"unknown patient: {text[:40]!r}")
    return patient


_BY_PHONE = select(Patient).where(Patient.phone == bindparam("phone"))  # built once: hot path


def find_by_phone(session: Session, phone: str) -> Patient | None:
    return session.scalar(_BY_PHONE, {"phone": phone})


def list_patients(session: Session) -> list[Patient]:
    return list(session.scalars(select(Patient).order_by(Patient.id)))


def enroll(
    session: Session,
    settings: Settings,
    *,
    phone: str,
    tz: str,
    now: datetime,
    name: str | None = None,
    lang: str = "en",
    quiet: str | None = None,
    daily_cap: int | None = None,
) -> tuple[Patient, Message]:
    """Create a pending patient and queue the one invitation double opt-in allows."""
    try:
        e164 = normalize_phone(phone, settings.default_region)
    except PhoneError as exc:
        raise CoachError(str(exc)) from None
    parse_zone(tz)
    if lang not in LANGS:
        raise CoachError(f"unknown language {lang!r}: use en or es")
    quiet_start = quiet_end = None
    if quiet:
        try:
            start, end = parse_window(quiet)
        except ScheduleError as exc:
            raise CoachError(f"--quiet: {exc}") from None
        quiet_start, quiet_end = start.strftime("%H:%M"), end.strftime("%H:%M")
    cap = settings.default_daily_cap if daily_cap is None else daily_cap
    if cap < 1 or cap > 100:
        raise CoachError("daily cap must be between 1 and 100")
    if name is not None:
        # Printable only (PostgreSQL refuses NUL; a name is shown on every page).
        name = "".join(c for c in name if c.isprintable()).strip()
        if len(name) > 100:
            raise CoachError("name is too long (100 characters at most)")
        name = name or None
    if find_by_phone(session, e164) is not None:
        raise Conflict(f"a patient with phone {mask_phone(e164)} is already enrolled")
    patient = Patient(
        phone=e164,
        tz=tz,
        name=name,
        lang=lang,
        status=PatientStatus.PENDING,
        quiet_start=quiet_start,
        quiet_end=quiet_end,
        daily_cap=cap,
        invited_at=now,
        created_at=now,
    )
    session.add(patient)
    session.flush()
    invitation = queue_message(
        session,
        patient,
        kind="invitation",
        body=render("invitation", lang, clinic=settings.clinic_name),
        now=now,
        dedupe_key=f"invite:{patient.id}",
        due_at=outside_quiet_hours(patient, now),  # enrolled at night: invited in the morning
    )
    return patient, invitation


def queue_message(
    session: Session,
    patient: Patient | None,
    *,
    kind: str,
    body: str,
    now: datetime,
    to_number: str | None = None,
    dedupe_key: str | None = None,
    due_at: datetime | None = None,
) -> Message:
    """An outbound row. Sent by the worker after commit (or by the tick when `due_at` comes)."""
    message = Message(
        patient_id=patient.id if patient else None,
        direction="out",
        kind=kind,
        body=body,
        to_number=to_number or (patient.phone if patient else None),
        status="scheduled" if due_at and due_at > now else "queued",
        dedupe_key=dedupe_key,
        due_at=due_at,
        created_at=now,
        updated_at=now,
    )
    session.add(message)
    session.flush()
    return message


class ReminderTarget(Protocol):
    """What the reminder policy reads of a patient: a Patient row, or the tick's claimed rows
    (coach/tick.py), which carry the same columns without loading the ORM object."""

    @property
    def tz(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def quiet_start(self) -> str | None: ...
    @property
    def quiet_end(self) -> str | None: ...
    @property
    def daily_cap(self) -> int | None: ...
    @property
    def paused_until(self) -> datetime | None: ...
    @property
    def consent_at(self) -> datetime | None: ...
    @property
    def phone_invalid_at(self) -> datetime | None: ...


def policy_for(patient: ReminderTarget, *, ignore_pause: bool = False) -> Policy:
    quiet: tuple[time, time] | None = None
    if patient.quiet_start and patient.quiet_end:
        quiet = (time.fromisoformat(patient.quiet_start), time.fromisoformat(patient.quiet_end))
    paused_until = None
    if not ignore_pause and patient.status == PatientStatus.PAUSED:
        paused_until = patient.paused_until or PAUSED_INDEFINITELY
    return Policy(
        zone=ZoneInfo(patient.tz),
        quiet=quiet,
        daily_cap=patient.daily_cap,
        paused_until=paused_until,
    )


def outside_quiet_hours(patient: Patient, at: datetime) -> datetime:
    """`at`, or the end of the patient's quiet hours if `at` falls inside them."""
    policy = policy_for(patient)
    if policy.quiet is None:
        return at
    local = at.astimezone(policy.zone)
    if not in_quiet_hours(policy.quiet, local.time()):
        return at
    end = policy.quiet[1]
    day = local.date() if local.time().replace(tzinfo=None) < end else local.date() + timedelta(1)
    return wall_to_utc(day, end, policy.zone)


def reschedule(session: Session, patient: Patient, now: datetime) -> None:
    from coach.schedules import refresh_next_due

    for schedule in session.scalars(select(Schedule).where(Schedule.patient_id == patient.id)):
        refresh_next_due(patient, schedule, now)


def opt_in(session: Session, patient: Patient, *, now: datetime, method: str) -> None:
    patient.status = PatientStatus.ACTIVE
    patient.opted_out_at = None
    patient.paused_until = None
    patient.coaching_paused_reason = None
    patient.consent_at = now
    patient.consent_method = method
    patient.consent_text_version = CONSENT_TEXT_VERSION
    reschedule(session, patient, now)


def opt_out(session: Session, patient: Patient, *, now: datetime) -> None:
    patient.status = PatientStatus.OPTED_OUT
    patient.opted_out_at = now
    reschedule(session, patient, now)
    # Anything not yet handed to the provider is cancelled: STOP means at once.
    for message in session.scalars(
        select(Message).where(
            Message.patient_id == patient.id,
            Message.direction == "out",
            Message.status.in_(("queued", "scheduled")),
            Message.kind.not_in(("stop_confirmed",)),
        )
    ):
        message.status = "skipped"
        message.skip_reason = "opted_out"
        message.updated_at = now


def pause(
    session: Session,
    patient: Patient,
    *,
    now: datetime,
    duration: timedelta | None,
    reason: str = "patient",
) -> None:
    if patient.status not in (PatientStatus.ACTIVE, PatientStatus.PAUSED):
        # A pause ends in "active": only someone who opted in may get there.
        raise Conflict(f"only an opted-in patient can be paused (this one is {patient.status})")
    patient.status = PatientStatus.PAUSED
    patient.paused_until = now + duration if duration else None
    patient.coaching_paused_reason = reason
    reschedule(session, patient, now)


def resume(session: Session, patient: Patient, *, now: datetime) -> None:
    if patient.status != PatientStatus.PAUSED:
        return
    patient.status = PatientStatus.ACTIVE if patient.consent_at else PatientStatus.PENDING
    patient.paused_until = None
    patient.coaching_paused_reason = None
    reschedule(session, patient, now)


def mark_invalid_number(session: Session, patient: Patient, *, now: datetime) -> None:
    patient.phone_invalid_at = now
    reschedule(session, patient, now)


def can_receive_reminders(patient: ReminderTarget, now: datetime) -> bool:
    if patient.phone_invalid_at is not None or patient.consent_at is None:
        return False  # double opt-in: no consent, no reminders, whatever the status says
    if patient.status == PatientStatus.ACTIVE:
        return True
    return (
        patient.status == PatientStatus.PAUSED
        and patient.paused_until is not None
        and patient.paused_until <= now
    )


def patient_json(patient: Patient) -> dict[str, Any]:
    return {
        "id": patient.id,
        "status": patient.status,
        "phone": patient.phone,
        "name": patient.name,
        "lang": patient.lang,
        "tz": patient.tz,
        "quiet": (
            f"{patient.quiet_start}-{patient.quiet_end}" if patient.quiet_start else None
        ),
        "daily_cap": patient.daily_cap,
        "paused_until": iso_utc(patient.paused_until),
        "consent_at": iso_utc(patient.consent_at),
        "consent_method": patient.consent_method,
        "consent_text_version": patient.consent_text_version,
        "opted_out_at": iso_utc(patient.opted_out_at),
        "phone_invalid": patient.phone_invalid_at is not None,
        "created_at": iso_utc(patient.created_at),
        "programme_id": patient.programme_id,
    }
