"""The numbers behind the charts: a patient's ratings and red flags, and a programme's
activity (active patients, replies and alerts per day, how long open alerts have waited).
A few grouped queries each; the drawing is coach.core.charts."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from coach.core import charts
from coach.db.clinic import Programme
from coach.db.models import Alert, DiaryEntry, Message, Patient


def _aware(value: Any) -> datetime:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def patient_charts(session: Session, patient: Patient, *, now: datetime) -> dict[str, str]:
    """Severity over the last 30 and 90 days, the programme's band, red flags marked."""
    since = now - timedelta(days=90)
    points = [
        (at, int(sev or 0)) for at, sev in session.execute(
            select(DiaryEntry.at, DiaryEntry.severity).where(
                DiaryEntry.patient_id == patient.id, DiaryEntry.at >= since,
                DiaryEntry.severity.is_not(None)).order_by(DiaryEntry.at))
    ]
    events = [
        charts.Event(at, f"{level}: {codes.replace(',', ', ')}")
        for at, level, codes in session.execute(
            select(Alert.created_at, Alert.level, Alert.codes).where(
                Alert.patient_id == patient.id, Alert.created_at >= since,
                Alert.reason == "red_flag"))
    ]
    band = None
    if patient.programme_id is not None:
        programme = session.get(Programme, patient.programme_id)
        if programme is not None:
            band = (programme.target_low, programme.target_high)
    return {
        str(days): charts.severity_chart(
            points, start=now - timedelta(days=days), end=now, band=band, events=events,
            title=f"Severity, last {days} days",
        )
        for days in (30, 90)
    }


def _day_counts(
    session: Session, query: Select[Any], column: Any, days: int, now: datetime
) -> list[tuple[date, int]]:
    """Counts per UTC day for the last `days` days, zeros included, grouped in the database."""
    dialect = session.get_bind().dialect.name
    day = func.date(column) if dialect == "sqlite" else func.date(func.timezone("UTC", column))
    since = (now - timedelta(days=days - 1)).replace(hour=0, minute=0, second=0, microsecond=0)
    rows = session.execute(
        query.add_columns(day.label("day"), func.count()).where(column >= since)
        .group_by(day)
    ).all()
    found: dict[date, int] = {}
    for row in rows:
        value = row[-2]
        found[value if isinstance(value, date) else date.fromisoformat(str(value))] = int(row[-1])
    first = since.date()
    return [(first + timedelta(d), found.get(first + timedelta(d), 0)) for d in range(days)]


def programme_overview(
    session: Session, programme_id: int | None, *, now: datetime, days: int = 30
) -> dict[str, Any]:
    """For one programme (or everyone, with None)."""
    def members(query: Select[Any], patient_col: Any) -> Select[Any]:
        if programme_id is None:
            return query
        return query.where(patient_col.in_(
            select(Patient.id).where(Patient.programme_id == programme_id)))

    status_query: Any = select(Patient.status, func.count(Patient.id))
    statuses: Counter[str] = Counter({
        str(status): int(n) for status, n in session.execute(
            members(status_query, Patient.id).group_by(Patient.status))})
    replies = _day_counts(
        session,
        members(select().select_from(Message).where(Message.direction == "in"),
                Message.patient_id),
        Message.created_at, days, now)
    alerts_per_day = _day_counts(
        session, members(select().select_from(Alert), Alert.patient_id), Alert.created_at,
        days, now)
    opened = [_aware(at) for at in session.scalars(members(
        select(Alert.created_at).where(Alert.status == "open"), Alert.patient_id))]
    ages = [(now - at).total_seconds() / 3600 for at in opened]
    return {
        "patients": sum(statuses.values()),
        "active": statuses.get("active", 0),
        "statuses": dict(statuses),
        "replies": sum(c for _, c in replies),
        "alerts": sum(c for _, c in alerts_per_day),
        "open_alerts": len(ages),
        "oldest_open_hours": round(max(ages), 1) if ages else None,
        "charts": {
            "replies": charts.daily_bars(replies, title="Replies"),
            "alerts": charts.daily_bars(alerts_per_day, title="Alerts"),
            "ages": charts.open_alert_ages(ages),
        },
    }
