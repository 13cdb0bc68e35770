"""Bulk enrolment from a CSV file (`coach import`, the dashboard's import page).

All or nothing: every row is checked first (the file, then one query for the phones already
enrolled); one bad row and nothing is written. A clean file is written set-based: one bulk
INSERT of patients, one of invitations, one of the programme's schedules, one audit entry,
one commit. 10,000 rows take about a second.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from coach.config import Settings
from coach.core.schedule import make_rule
from coach.core.types import PatientStatus
from coach.db.clinic import Programme
from coach.db.models import Message, Patient, Schedule
from coach.errors import CoachError
from coach.patients import zone_name_ok
from coach.phone import PhoneError, normalize_phone

COLUMNS = ("phone", "tz", "lang", "name", "programme")
REQUIRED = ("phone", "tz")
LANGS = ("en", "es")
MAX_ROWS = 50_000
MAX_BYTES = 8 << 20
CHUNK = 2000  # rows per bulk INSERT statement (progress is reported per chunk)
LOOKUP_CHUNK = 30_000  # phones per IN (...) (SQLite allows 32,766 parameters)

# The reasons a row is rejected (the JSON `reason`), in the order they are checked.
TOO_MANY_COLUMNS = "too many columns"
BAD_ENCODING = "bad encoding/binary"
UNCLOSED_QUOTE = "unclosed quote"
BAD_NUMBER = "bad number"
DUPLICATE = "duplicate within file"
UNKNOWN_ZONE = "unknown zone"
UNKNOWN_LANGUAGE = "unknown language"
UNKNOWN_PROGRAMME = "unknown programme"
BAD_NAME = "name too long"
ALREADY_ENROLLED = "already enrolled"

Progress = Callable[[str, int, int], None]  # (stage, done, total)


def _quiet(stage: str, done: int, total: int) -> None:
    pass


@dataclass
class Rejected:
    row: int
    reason: str
    detail: str = ""  # for people (the CLI's text output, the dashboard); never in --json


@dataclass
class Row:
    row: int
    phone: str
    tz: str
    lang: str | None
    name: str | None
    programme: str | None


@dataclass
class Report:
    rows: int = 0
    imported: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    dry_run: bool = False
    patient_ids: list[int] = field(default_factory=list)
    invitations: list[int] = field(default_factory=list)  # queued now (not held by quiet hours)

    @property
    def ok(self) -> bool:
        return not self.rejected

    def to_json(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "imported": self.imported,
            "rejected": [{"row": r.row, "reason": r.reason} for r in self.rejected],
        }


@lru_cache(maxsize=1024)
def _zone_ok(name: str) -> bool:
    if not zone_name_ok(name):
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def _decode(data: bytes) -> str:
    """The text of the file; bytes that are not UTF-8 survive as surrogates so the row they
    are on can be rejected by number (not the whole file with no row to point at)."""
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    text = data.decode("utf-8", errors="surrogateescape")
    return text.removeprefix("\ufeff")


def _header(first: list[str]) -> list[str]:
    names = [c.strip().lower() for c in first]
    problems = [n for n in names if n not in COLUMNS]
    if problems or len(set(names)) != len(names) or not all(r in names for r in REQUIRED):
        shown = ",".join(n.encode("ascii", "replace").decode()[:20] for n in names)[:120]
        raise CoachError(
            f"the first line must be the header {','.join(COLUMNS)} (lang, name and programme "
            f"may be left out), got {shown!r}"
        )
    return names


def _bad_text(value: str) -> bool:
    return any(
        ch == "\x00" or "\udc80" <= ch <= "\udcff" or (ch < " " and ch not in "\t")
        for ch in value
    )


def parse(data: bytes) -> tuple[list[Row], list[Rejected], int]:
    """The file's rows (not yet checked against each other or the database), the rows that
    are unreadable, and the number of data rows. Raises CoachError for a file that is not a
    CSV with our header at all."""
    if len(data) > MAX_BYTES:
        raise CoachError(f"the file is too large ({len(data)} bytes; at most {MAX_BYTES})")
    if not data.strip():
        raise CoachError("the file is empty (expected a header line phone,tz,lang,name,programme)")
    head = data[:4096]
    if not head.startswith((b"\xff\xfe", b"\xfe\xff")) and (
        b"\x00" in head or head.startswith((b"\x89PNG", b"PK\x03\x04", b"%PDF", b"\xd0\xcf"))
    ):
        raise CoachError("this is not a CSV file (binary data: a spreadsheet must be saved as "
                         "CSV UTF-8 first)")
    text = _decode(data)
    reader = csv.reader(io.StringIO(text, newline=""), strict=False)
    try:
        first = next(reader)
    except (StopIteration, csv.Error) as exc:
        raise CoachError(f"cannot read the header line: {exc}") from None
    names = _header(first)
    rows: list[Row] = []
    bad: list[Rejected] = []
    number = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            number += 1
            bad.append(Rejected(number, BAD_ENCODING, str(exc)))
            continue
        if not cells or all(not c.strip() for c in cells):
            continue  # blank lines are not rows
        number += 1
        if number > MAX_ROWS:
            raise CoachError(f"too many rows (at most {MAX_ROWS} per file: split it)")
        if len(cells) > len(names):
            bad.append(Rejected(number, TOO_MANY_COLUMNS,
                                f"{len(cells)} values for {len(names)} columns"))
            continue
        if any("\n" in c or "\r" in c for c in cells):
            # A quote opened and never closed swallows the lines after it into one value.
            bad.append(Rejected(number, UNCLOSED_QUOTE,
                                'a quoted value runs on over the next lines: is a closing " '
                                "missing?"))
            continue
        if any(_bad_text(c) for c in cells):
            bad.append(Rejected(number, BAD_ENCODING, "not UTF-8 text, or control characters"))
            continue
        values = dict(zip(names, (c.strip() for c in cells), strict=False))
        rows.append(Row(
            row=number,
            phone=values.get("phone", ""),
            tz=values.get("tz", ""),
            lang=values.get("lang") or None,
            name=values.get("name") or None,
            programme=values.get("programme") or None,
        ))
    return rows, bad, number


@dataclass
class Checked:
    row: Row
    e164: str
    lang: str
    name: str | None
    programme_id: int | None


def check(
    rows: list[Row],
    *,
    region: str,
    programmes: dict[str, int],
    progress: Progress = _quiet,
) -> tuple[list[Checked], list[Rejected]]:
    """Each row on its own and against the file (no database)."""
    good: list[Checked] = []
    bad: list[Rejected] = []
    seen: dict[str, int] = {}
    total = len(rows)
    for i, row in enumerate(rows, 1):
        if i % 500 == 0:
            progress("checking", i, total)
        try:
            e164 = normalize_phone(row.phone, region)
        except PhoneError as exc:
            bad.append(Rejected(row.row, BAD_NUMBER, str(exc)))
            continue
        if e164 in seen:
            bad.append(Rejected(row.row, DUPLICATE, f"same number as row {seen[e164]}"))
            continue
        seen[e164] = row.row
        if not _zone_ok(row.tz):
            bad.append(Rejected(row.row, UNKNOWN_ZONE,
                                f"{row.tz[:40]!r} is not an IANA zone like America/New_York"))
            continue
        lang = row.lang.lower() if row.lang else None
        if lang is not None and lang not in LANGS:
            bad.append(Rejected(row.row, UNKNOWN_LANGUAGE, f"{lang[:10]!r}: use en or es"))
            continue
        programme_id = None
        if row.programme:
            programme_id = programmes.get(row.programme.lower())
            if programme_id is None:
                bad.append(Rejected(row.row, UNKNOWN_PROGRAMME, repr(row.programme[:64])))
                continue
        name = row.name
        if name is not None and len(name) > 100:
            bad.append(Rejected(row.row, BAD_NAME, "100 characters at most"))
            continue
        good.append(Checked(row, e164, lang or "", name, programme_id))
    progress("checking", total, total)
    return good, bad


def enrolled_phones(session: Session, phones: Iterable[str]) -> set[str]:
    """Which of these numbers are already enrolled: one query per 30,000 numbers."""
    wanted = list(phones)
    found: set[str] = set()
    for i in range(0, len(wanted), LOOKUP_CHUNK):
        chunk = wanted[i:i + LOOKUP_CHUNK]
        found.update(session.scalars(select(Patient.phone).where(Patient.phone.in_(chunk))))
    return found


def run(
    session: Session,
    settings: Settings,
    data: bytes,
    *,
    now: datetime,
    actor: Any,
    dry_run: bool = False,
    progress: Progress = _quiet,
) -> Report:
    """Check the file and, when every row is good and this is not a dry run, enrol them all
    in the caller's transaction (the caller commits, then enqueues `report.invitations`)."""
    from coach import audit
    from coach.programmes import names_to_ids

    rows, bad, count = parse(data)
    report = Report(rows=count, dry_run=dry_run)
    good, more_bad = check(rows, region=settings.default_region,
                           programmes=names_to_ids(session), progress=progress)
    bad.extend(more_bad)
    progress("looking up", 0, 1)
    enrolled = enrolled_phones(session, (c.e164 for c in good))
    progress("looking up", 1, 1)
    if enrolled:
        bad.extend(Rejected(c.row.row, ALREADY_ENROLLED, "") for c in good if c.e164 in enrolled)
        good = [c for c in good if c.e164 not in enrolled]
    report.rejected = sorted(bad, key=lambda r: r.row)
    if report.rejected or dry_run:
        return report
    _insert(session, settings, good, now=now, report=report, progress=progress)
    audit.record(
        session, actor, "patient.import", f"import:{report.imported} patients",
        after={
            "rows": report.rows,
            "imported": report.imported,
            "first_id": min(report.patient_ids, default=None),
            "last_id": max(report.patient_ids, default=None),
            "programmes": sorted({c.programme_id for c in good if c.programme_id}),
        },
        now=now,
    )
    return report


def _insert(
    session: Session,
    settings: Settings,
    good: list[Checked],
    *,
    now: datetime,
    report: Report,
    progress: Progress,
) -> None:
    from coach.programmes import schedules_of
    from messages import render

    programmes = {p.id: p for p in session.scalars(select(Programme).where(
        Programme.id.in_({c.programme_id for c in good if c.programme_id})))}
    rules: dict[int, list[tuple[str, str]]] = {
        pid: [(kind, json.dumps(make_rule(kind, **spec).to_dict(), sort_keys=True))
              for kind, spec in schedules_of(p).items()]
        for pid, p in programmes.items()
    }
    invitation_of = {lang: render("invitation", lang, clinic=settings.clinic_name)
                     for lang in LANGS}
    release = _release_times(now)
    total = len(good)
    for start in range(0, total, CHUNK):
        chunk = good[start:start + CHUNK]
        patient_rows: list[dict[str, Any]] = []
        for c in chunk:
            programme = programmes.get(c.programme_id) if c.programme_id else None
            cap = programme.daily_cap if programme and programme.daily_cap else None
            patient_rows.append({
                "phone": c.e164,
                "tz": c.row.tz,
                "name": "".join(ch for ch in c.name if ch.isprintable()) if c.name else None,
                "lang": c.lang or (programme.lang if programme else "en"),
                "status": PatientStatus.PENDING.value,
                "quiet_start": programme.quiet_start if programme else None,
                "quiet_end": programme.quiet_end if programme else None,
                "daily_cap": cap or settings.default_daily_cap,
                "invited_at": now,
                "created_at": now,
                "programme_id": c.programme_id,
            })
        # Plain executemany (one round of the driver's batch), then the new ids by phone:
        # RETURNING with a guaranteed order falls back to a statement per row on SQLite.
        session.execute(insert(Patient), patient_rows)
        id_of = dict(list(session.execute(select(Patient.phone, Patient.id).where(
            Patient.phone.in_([r["phone"] for r in patient_rows])))))
        ids = [id_of[r["phone"]] for r in patient_rows]
        messages: list[dict[str, Any]] = []
        schedules: list[dict[str, Any]] = []
        for pid, values, c in zip(ids, patient_rows, chunk, strict=True):
            due = release(values["tz"], values["quiet_start"], values["quiet_end"])
            messages.append({
                "patient_id": pid,
                "direction": "out",
                "kind": "invitation",
                "body": invitation_of[values["lang"]],
                "to_number": values["phone"],
                "status": "scheduled" if due > now else "queued",
                "dedupe_key": f"invite:{pid}",
                "due_at": due if due > now else None,
                "attempts": 0,
                "created_at": now,
                "updated_at": now,
            })
            for kind, rule in rules.get(c.programme_id or 0, []):
                schedules.append({"patient_id": pid, "kind": kind, "rule": rule,
                                  "active": True, "next_due_at": None,
                                  "created_at": now, "updated_at": now})
        session.execute(insert(Message), messages)
        queued = [m["dedupe_key"] for m in messages if m["status"] == "queued"]
        if queued:
            report.invitations.extend(session.scalars(
                select(Message.id).where(Message.dedupe_key.in_(queued))))
        if schedules:
            session.execute(insert(Schedule), schedules)
        report.patient_ids.extend(ids)
        report.imported += len(ids)
        progress("importing", report.imported, total)


def _release_times(now: datetime) -> Callable[[str, str | None, str | None], datetime]:
    """When each invitation may go: now, or the end of the patient's quiet hours (computed
    once per zone and quiet-hours pair, not once per row)."""
    from coach.db.models import Patient as _P
    from coach.patients import outside_quiet_hours

    cache: dict[tuple[str, str | None, str | None], datetime] = {}

    def release(tz: str, quiet_start: str | None, quiet_end: str | None) -> datetime:
        key = (tz, quiet_start, quiet_end)
        if key not in cache:
            probe = _P(tz=tz, quiet_start=quiet_start, quiet_end=quiet_end,
                       status=PatientStatus.PENDING.value)
            cache[key] = outside_quiet_hours(probe, now)
        return cache[key]

    return release
