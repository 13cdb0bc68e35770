"""Programmes: named defaults for new patients, and applying a changed programme to the
patients who follow it (with a preview of exactly what would change first)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from coach.core.schedule import ScheduleError, make_rule, parse_window
from coach.db.clinic import Programme
from coach.db.models import Patient, Schedule
from coach.errors import CoachError, Conflict, NotFound

LANGS = ("en", "es")
SPEC_KEYS = ("every", "between", "at", "days")
# The weekly red-flag screen, when a programme has it on but gives no time of its own.
DEFAULT_SCREEN = {"at": "18:00", "days": "sun"}
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9 _.\-]{0,63}")


# --- parsing operator input ----------------------------------------------------------------


def parse_spec(text: str) -> dict[str, str]:
    """`every 20m between 09:00-17:00 days mon-fri` or `at 08:00,19:00 days mon,wed`
    (the words of `coach schedule set` without the dashes)."""
    words = text.replace("--", " ").split()
    if len(words) % 2:
        raise CoachError(
            f"schedule {text.strip()!r}: give pairs such as 'every 20m between 09:00-17:00' "
            "or 'at 19:00 days mon-fri'"
        )
    spec: dict[str, str] = {}
    for key, value in zip(words[::2], words[1::2], strict=True):
        key = key.lower()
        if key not in SPEC_KEYS:
            raise CoachError(f"schedule {text.strip()!r}: unknown word {key!r} "
                             f"(use {', '.join(SPEC_KEYS)})")
        spec[key] = value
    return spec


def spec_text(spec: dict[str, str]) -> str:
    return " ".join(f"{k} {spec[k]}" for k in SPEC_KEYS if spec.get(k))


def check_spec(kind: str, spec: dict[str, Any]) -> dict[str, str]:
    clean = {k: str(spec[k]).strip() for k in SPEC_KEYS if spec.get(k)}
    unknown = set(spec) - set(SPEC_KEYS)
    if unknown:
        raise CoachError(f"schedule {kind}: unknown field(s) {', '.join(sorted(unknown))}")
    try:
        rule = make_rule(kind, **clean)
    except ScheduleError as exc:
        raise CoachError(f"schedule {kind}: {exc}") from None
    return clean | {"kind": rule.kind.value}


def _window(text: str | None, what: str) -> tuple[str | None, str | None]:
    if not text:
        return None, None
    try:
        start, end = parse_window(text)
    except ScheduleError as exc:
        raise CoachError(f"{what}: {exc}") from None
    return start.strftime("%H:%M"), end.strftime("%H:%M")


def _band(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d{1,2})\s*-\s*(\d{1,2})\s*", text or "")
    if not match:
        raise CoachError(f"target band {text!r}: use LOW-HIGH on the 0-10 scale, e.g. 0-3")
    low, high = int(match.group(1)), int(match.group(2))
    if not 0 <= low <= high <= 10:
        raise CoachError(f"target band {text!r}: 0 <= LOW <= HIGH <= 10")
    return low, high


# --- reading -------------------------------------------------------------------------------


def schedules_of(programme: Programme) -> dict[str, dict[str, str]]:
    """The programme's schedules per kind, with the weekly screen added when it is on."""
    specs: dict[str, dict[str, str]] = json.loads(programme.schedules or "{}")
    if programme.weekly_screen:
        specs.setdefault("screen", dict(DEFAULT_SCREEN))
    else:
        specs.pop("screen", None)
    return specs


def get_programme(session: Session, ref: str | int) -> Programme:
    text = str(ref).strip()
    programme: Programme | None = None
    if text.isdigit():
        programme = session.get(Programme, int(text))
    if programme is None:
        programme = session.scalar(
            select(Programme).where(func.lower(Programme.name) == text.lower())
        )
    if programme is None:
        raise NotFound(f"unknown programme: {text[:64]!r}")
    return programme


def list_programmes(session: Session) -> list[Programme]:
    return list(session.scalars(select(Programme).order_by(Programme.name)))


def names_to_ids(session: Session) -> dict[str, int]:
    """Lower-cased name → id, for the importer (one query)."""
    return {name.lower(): pid for pid, name in session.execute(
        select(Programme.id, Programme.name))}


def patient_counts(session: Session) -> dict[int, int]:
    rows = session.execute(
        select(Patient.programme_id, func.count(Patient.id))
        .where(Patient.programme_id.is_not(None))
        .group_by(Patient.programme_id)
    )
    return {int(pid or 0): int(n) for pid, n in rows}


def programme_json(programme: Programme, patients: int | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": programme.id,
        "name": programme.name,
        "description": programme.description,
        "lang": programme.lang,
        "quiet": f"{programme.quiet_start}-{programme.quiet_end}"
        if programme.quiet_start else None,
        "daily_cap": programme.daily_cap,
        "weekly_screen": programme.weekly_screen,
        "schedules": schedules_of(programme),
        "target": [programme.target_low, programme.target_high],
    }
    if patients is not None:
        data["patients"] = patients
    return data


# --- writing -------------------------------------------------------------------------------


@dataclass
class ProgrammeInput:
    """What an operator may set; None means "leave as it is" (for `set`)."""

    description: str | None = None
    lang: str | None = None
    quiet: str | None = None  # "" clears
    daily_cap: int | None = None
    weekly_screen: bool | None = None
    target: str | None = None
    schedules: dict[str, dict[str, Any] | None] = field(default_factory=dict)  # None removes


def _apply_input(programme: Programme, data: ProgrammeInput) -> None:
    if data.description is not None:
        programme.description = data.description.strip()[:300] or None
    if data.lang is not None:
        if data.lang not in LANGS:
            raise CoachError(f"unknown language {data.lang!r}: use en or es")
        programme.lang = data.lang
    if data.quiet is not None:
        programme.quiet_start, programme.quiet_end = _window(data.quiet, "quiet hours")
    if data.daily_cap is not None:
        if not 1 <= data.daily_cap <= 100:
            raise CoachError("daily cap must be between 1 and 100")
        programme.daily_cap = data.daily_cap
    if data.weekly_screen is not None:
        programme.weekly_screen = data.weekly_screen
    if data.target is not None:
        programme.target_low, programme.target_high = _band(data.target)
    if data.schedules:
        specs: dict[str, dict[str, str]] = json.loads(programme.schedules or "{}")
        for kind, spec in data.schedules.items():
            if spec is None:
                specs.pop(kind, None)
                continue
            clean = check_spec(kind, spec)
            specs[clean.pop("kind")] = clean
        if "screen" in data.schedules and data.weekly_screen is None:
            programme.weekly_screen = data.schedules["screen"] is not None
        programme.schedules = json.dumps(specs, sort_keys=True)


def add_programme(
    session: Session, name: str, data: ProgrammeInput, *, now: datetime
) -> Programme:
    name = (name or "").strip()
    if not _NAME.fullmatch(name) or name.isdigit():
        raise CoachError(
            f"programme name {name[:70]!r}: 1-64 letters, digits, spaces, '-', '_' or '.', "
            "starting with a letter or digit, and not only digits"
        )
    exists = session.scalar(
        select(Programme.id).where(func.lower(Programme.name) == name.lower())
    )
    if exists is not None:
        raise Conflict(f"a programme named {name!r} already exists")
    programme = Programme(
        name=name, lang="en", weekly_screen=True, schedules="{}", target_low=0, target_high=3,
        created_at=now, updated_at=now,
    )
    _apply_input(programme, data)
    session.add(programme)
    session.flush()
    return programme


def set_programme(
    session: Session, programme: Programme, data: ProgrammeInput, *, now: datetime
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Change the programme (not yet its patients); returns its JSON before and after."""
    before = programme_json(programme)
    _apply_input(programme, data)
    programme.updated_at = now
    session.flush()
    return before, programme_json(programme)


# --- applying a programme to its patients --------------------------------------------------


@dataclass
class Change:
    patient_id: int
    name: str | None
    changes: list[str]


@dataclass
class ApplyPreview:
    programme_id: int
    patients: int  # how many follow the programme
    changing: int  # how many of them would change
    sample: list[Change]  # the first few, for the page

    def to_json(self) -> dict[str, Any]:
        return {
            "programme_id": self.programme_id,
            "patients": self.patients,
            "changing": self.changing,
            "changes": [
                {"patient_id": c.patient_id, "name": c.name, "changes": c.changes}
                for c in self.sample
            ],
        }


def _schedule_specs_by_patient(
    session: Session, programme_id: int
) -> dict[int, dict[str, dict[str, Any]]]:
    """Each follower's schedules as rule dicts, in one query."""
    rows = session.execute(
        select(Schedule.patient_id, Schedule.kind, Schedule.rule)
        .join(Patient, Patient.id == Schedule.patient_id)
        .where(Patient.programme_id == programme_id)
    )
    found: dict[int, dict[str, dict[str, Any]]] = {}
    for pid, kind, rule in rows:
        found.setdefault(int(pid), {})[kind] = json.loads(rule)
    return found


def _wanted_rules(programme: Programme) -> dict[str, dict[str, Any]]:
    return {kind: make_rule(kind, **spec).to_dict() for kind, spec in
            schedules_of(programme).items()}


def preview_apply(session: Session, programme: Programme, *, limit: int = 50) -> ApplyPreview:
    """What applying the programme would change for each follower: quiet hours, cap,
    language, and schedules added, changed or removed (kinds the programme does not hold
    are left alone unless it used to hold them: we cannot tell those apart, so we keep them)."""
    wanted = _wanted_rules(programme)
    have = _schedule_specs_by_patient(session, programme.id)
    followers = session.execute(
        select(Patient.id, Patient.name, Patient.quiet_start, Patient.quiet_end,
               Patient.daily_cap, Patient.lang)
        .where(Patient.programme_id == programme.id).order_by(Patient.id)
    ).all()
    sample: list[Change] = []
    changing = 0
    labels = {kind: spec_text(spec) for kind, spec in schedules_of(programme).items()}
    for pid, name, q_start, q_end, cap, lang in followers:
        changes: list[str] = []
        old_quiet = f"{q_start}-{q_end}" if q_start else "none"
        new_quiet = (f"{programme.quiet_start}-{programme.quiet_end}"
                     if programme.quiet_start else "none")
        if old_quiet != new_quiet:
            changes.append(f"quiet hours {old_quiet} → {new_quiet}")
        if programme.daily_cap is not None and cap != programme.daily_cap:
            changes.append(f"daily cap {cap} → {programme.daily_cap}")
        if lang != programme.lang:
            changes.append(f"language {lang} → {programme.lang}")
        mine = have.get(int(pid), {})
        for kind, rule in sorted(wanted.items()):
            if kind not in mine:
                changes.append(f"add {kind}: {labels[kind]}")
            elif mine[kind] != rule:
                changes.append(f"change {kind} to {labels[kind]}")
        if not programme.weekly_screen and "screen" in mine:
            changes.append("remove screen (weekly screen off)")
        if changes:
            changing += 1
            if len(sample) < limit:
                sample.append(Change(int(pid), name, changes))
    return ApplyPreview(programme.id, len(followers), changing, sample)


def apply_to_patients(session: Session, programme: Programme, *, now: datetime) -> int:
    """Give every follower the programme's quiet hours, cap, language and schedules; returns
    how many patients changed. Patient fields change in one UPDATE; schedules in one SELECT,
    one bulk INSERT and a flush of the changed rows."""
    from coach.schedules import refresh_next_due

    preview = preview_apply(session, programme, limit=0)
    if preview.changing == 0:
        return 0
    values: dict[str, Any] = {
        "quiet_start": programme.quiet_start,
        "quiet_end": programme.quiet_end,
        "lang": programme.lang,
    }
    if programme.daily_cap is not None:
        values["daily_cap"] = programme.daily_cap
    session.execute(update(Patient).where(Patient.programme_id == programme.id).values(**values))
    wanted = {kind: json.dumps(rule, sort_keys=True)
              for kind, rule in _wanted_rules(programme).items()}
    followers = {p.id: p for p in session.scalars(
        select(Patient).where(Patient.programme_id == programme.id))}
    existing = list(session.scalars(
        select(Schedule).where(Schedule.patient_id.in_(select(Patient.id).where(
            Patient.programme_id == programme.id)))))
    seen: set[tuple[int, str]] = set()
    for schedule in existing:
        seen.add((schedule.patient_id, schedule.kind))
        rule = wanted.get(schedule.kind)
        if rule is not None and (schedule.rule != rule or not schedule.active):
            schedule.rule, schedule.active, schedule.updated_at = rule, True, now
            refresh_next_due(followers[schedule.patient_id], schedule, now)
    if not programme.weekly_screen:
        session.execute(delete(Schedule).where(
            Schedule.kind == "screen",
            Schedule.patient_id.in_(list(followers)),
        ).execution_options(synchronize_session=False))
    for pid, patient in followers.items():
        for kind, rule in wanted.items():
            if (pid, kind) not in seen:
                schedule = Schedule(patient_id=pid, kind=kind, rule=rule, active=True,
                                    created_at=now, updated_at=now)
                schedule.patient = patient
                refresh_next_due(patient, schedule, now)
                session.add(schedule)
    session.flush()
    return preview.changing
