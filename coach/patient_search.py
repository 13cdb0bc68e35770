"""Finding patients among thousands: search by name or the last digits of the number, filter
by status, programme, open alerts and last reply, one page at a time. Two queries a page
(the count and the page), whatever the number of patients."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, exists, func, or_, select
from sqlalchemy.orm import Session

from coach.core.localtime import iso_utc
from coach.core.types import PatientStatus
from coach.db.models import Alert, Message, Patient
from coach.errors import CoachError

STATUSES = tuple(s.value for s in PatientStatus)
# last_reply: replied within a day / a week / a month, silent for over a week / a month, never.
LAST_REPLY = {"1d": (1, True), "7d": (7, True), "30d": (30, True),
              "over7d": (7, False), "over30d": (30, False), "never": (0, False)}
MAX_PER_PAGE = 200


@dataclass
class Filters:
    q: str = ""
    status: str = ""
    programme_id: int | None = None  # 0: in no programme
    open_alerts: bool | None = None
    last_reply: str = ""
    page: int = 1
    per_page: int = 50

    def check(self) -> Filters:
        if self.status and self.status not in STATUSES:
            raise CoachError(f"unknown status {self.status[:20]!r}: use {', '.join(STATUSES)}")
        if self.last_reply and self.last_reply not in LAST_REPLY:
            raise CoachError(f"last_reply {self.last_reply[:20]!r}: use {', '.join(LAST_REPLY)}")
        if self.page < 1:
            raise CoachError("page must be 1 or more")
        if not 1 <= self.per_page <= MAX_PER_PAGE:
            raise CoachError(f"per_page must be between 1 and {MAX_PER_PAGE}")
        if len(self.q) > 100:
            raise CoachError("search text is too long (100 characters at most)")
        return self


@dataclass
class Page:
    total: int
    page: int
    per_page: int
    rows: list[dict[str, Any]] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    def to_json(self) -> dict[str, Any]:
        return {"total": self.total, "page": self.page, "per_page": self.per_page,
                "pages": self.pages, "patients": self.rows}


def _last_in() -> Any:
    return (
        select(Message.patient_id.label("patient_id"),
               func.max(Message.created_at).label("last_in"))
        .where(Message.direction == "in", Message.patient_id.is_not(None))
        .group_by(Message.patient_id)
        .subquery("last_in")
    )


def _open_alerts() -> Any:
    return (
        select(Alert.patient_id.label("patient_id"), func.count(Alert.id).label("n"))
        .where(Alert.status == "open", Alert.patient_id.is_not(None))
        .group_by(Alert.patient_id)
        .subquery("open_alerts")
    )


def _where(query: Select[Any], f: Filters, last: Any, now: datetime) -> Select[Any]:
    text = f.q.strip()
    if text:
        digits = re.sub(r"[\s\-().+]", "", text)
        if digits.isdigit():
            # The last digits a caller reads out ("ending 0101"), or a whole number.
            query = query.where(Patient.phone.endswith(digits[-15:]))
        else:
            escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            query = query.where(func.lower(Patient.name).like(f"%{escaped}%", escape="\\"))
    if f.status:
        query = query.where(Patient.status == f.status)
    if f.programme_id is not None:
        query = query.where(Patient.programme_id.is_(None) if f.programme_id == 0
                            else Patient.programme_id == f.programme_id)
    if f.open_alerts is not None:
        has = exists().where(Alert.patient_id == Patient.id, Alert.status == "open")
        query = query.where(has if f.open_alerts else ~has)
    if f.last_reply:
        days, within = LAST_REPLY[f.last_reply]
        if f.last_reply == "never":
            query = query.where(last.c.last_in.is_(None))
        elif within:
            query = query.where(last.c.last_in >= now - timedelta(days=days))
        else:
            query = query.where(or_(last.c.last_in.is_(None),
                                    last.c.last_in < now - timedelta(days=days)))
    return query


def search(session: Session, filters: Filters, *, now: datetime) -> Page:
    from coach.nonresponders import _aware

    f = filters.check()
    last = _last_in()
    alerts = _open_alerts()
    base = select(Patient.id).outerjoin(last, last.c.patient_id == Patient.id)
    total = session.scalar(select(func.count()).select_from(
        _where(base, f, last, now).subquery())) or 0
    query = (
        select(Patient, last.c.last_in, func.coalesce(alerts.c.n, 0))
        .outerjoin(last, last.c.patient_id == Patient.id)
        .outerjoin(alerts, alerts.c.patient_id == Patient.id)
    )
    query = _where(query, f, last, now).order_by(Patient.id).limit(f.per_page).offset(
        (f.page - 1) * f.per_page)
    rows = []
    for patient, last_in, open_count in session.execute(query):
        rows.append({
            "id": patient.id,
            "name": patient.name,
            "phone": patient.phone,
            "status": patient.status,
            "tz": patient.tz,
            "lang": patient.lang,
            "programme_id": patient.programme_id,
            "open_alerts": int(open_count or 0),
            "last_reply_at": iso_utc(_aware(last_in)) if last_in else None,
            "created_at": iso_utc(patient.created_at),
        })
    return Page(total=int(total), page=f.page, per_page=f.per_page, rows=rows)
