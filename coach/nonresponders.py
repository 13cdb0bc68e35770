"""Non-responders: opted-in patients whose check-ins have gone unanswered for N days
(COACH_NONRESPONDER_DAYS, default 3), and, when COACH_NONRESPONDER_ALERTS is on, a
low-priority alert for each (shown in the inbox, never paged to on-call)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from coach.config import Settings
from coach.core.localtime import iso_utc
from coach.core.types import PatientStatus
from coach.db.models import Alert, Message, Patient

REASON = "nonresponse"
CODE = "no_reply"
DELIVERED = ("sent", "delivered", "read")


def days_setting(settings: Settings) -> int:
    return settings.nonresponder_days


def alerts_enabled(settings: Settings) -> bool:
    return settings.nonresponder_alerts


@dataclass(frozen=True)
class NonResponder:
    patient_id: int
    name: str | None
    programme_id: int | None
    since: datetime  # the first check-in left unanswered
    unanswered: int
    last_reply: datetime | None
    days_silent: int

    def to_json(self) -> dict[str, Any]:
        return {
            "patient_id": self.patient_id,
            "name": self.name,
            "programme_id": self.programme_id,
            "since": iso_utc(self.since),
            "unanswered": self.unanswered,
            "last_reply": iso_utc(self.last_reply),
            "days_silent": self.days_silent,
        }


def last_replies() -> Any:
    """A subquery: each patient's latest inbound message."""
    return (
        select(Message.patient_id.label("patient_id"),
               func.max(Message.created_at).label("last_in"))
        .where(Message.direction == "in", Message.patient_id.is_not(None))
        .group_by(Message.patient_id)
        .subquery("last_in")
    )


def find(
    session: Session,
    settings: Settings,
    *,
    now: datetime,
    days: int | None = None,
    programme_id: int | None = None,
) -> list[NonResponder]:
    """One query: active patients whose oldest check-in after their last reply is at least
    `days` old, longest silent first."""
    days = days or days_setting(settings)
    cutoff = now - timedelta(days=days)
    last = last_replies()
    first_unanswered = func.min(Message.sent_at)
    query = (
        select(Patient.id, Patient.name, Patient.programme_id, first_unanswered,
               func.count(Message.id), last.c.last_in)
        .join(Message, and_(Message.patient_id == Patient.id, Message.direction == "out",
                            Message.kind == "check_in", Message.status.in_(DELIVERED),
                            Message.sent_at.is_not(None)))
        .outerjoin(last, last.c.patient_id == Patient.id)
        .where(Patient.status == PatientStatus.ACTIVE.value,
               or_(last.c.last_in.is_(None), Message.sent_at > last.c.last_in))
        .group_by(Patient.id, Patient.name, Patient.programme_id, last.c.last_in)
        .having(first_unanswered <= cutoff)
        .order_by(first_unanswered, Patient.id)
    )
    if programme_id is not None:
        query = query.where(Patient.programme_id == programme_id)
    found = []
    for pid, name, prog, since, count, last_in in session.execute(query):
        since = _aware(since)
        found.append(NonResponder(
            patient_id=int(pid), name=name, programme_id=prog, since=since,
            unanswered=int(count), last_reply=_aware(last_in) if last_in else None,
            days_silent=max(0, int((now - since).total_seconds() // 86400)),
        ))
    return found


def _aware(value: Any) -> datetime:
    # Aggregates bypass the UTCDateTime type on SQLite: they come back as naive or text.
    from datetime import UTC

    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def open_alerts(
    session: Session, settings: Settings, rows: list[NonResponder], *, now: datetime
) -> list[int]:
    """A routine alert for each non-responder without an open one; returns the new ids.
    Never paged: `next_notify_at` stays empty."""
    if not rows:
        return []
    already = set(session.scalars(select(Alert.patient_id).where(
        Alert.status == "open", Alert.reason == REASON,
        Alert.patient_id.in_([r.patient_id for r in rows]))))
    created = []
    for row in rows:
        if row.patient_id in already:
            continue
        alert = Alert(patient_id=row.patient_id, level="routine", codes=CODE, reason=REASON,
                      status="open", created_at=now, next_notify_at=None)
        session.add(alert)
        created.append(alert)
    session.flush()
    return [a.id for a in created]


def sweep(session: Session, settings: Settings, *, now: datetime) -> int:
    """The periodic task: alerts for non-responders, when enabled."""
    if not alerts_enabled(settings):
        return 0
    return len(open_alerts(session, settings, find(session, settings, now=now), now=now))
