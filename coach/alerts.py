"""Operator alerts: opened on a red flag or a worsening trend, re-sent to on-call until
someone acknowledges them."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from coach.config import Settings
from coach.core.localtime import iso_utc
from coach.core.types import Level
from coach.db.models import Alert, Message, Patient
from coach.errors import NotFound
from coach.phone import mask_phone
from messages import render

log = logging.getLogger(__name__)

# After this many notices an open alert is still re-sent, but less often: paging never
# stops by itself while a red flag is unacknowledged.
SLOW_AFTER_NOTICES = 12


def renotify_after(settings: Settings, level: str) -> timedelta:
    minutes = (
        settings.emergency_renotify_minutes
        if level == Level.EMERGENCY
        else settings.urgent_renotify_minutes
    )
    return timedelta(minutes=minutes)


def open_alert(
    session: Session,
    settings: Settings,
    *,
    patient: Patient | None,
    level: str,
    codes: list[str],
    now: datetime,
    message: Message | None = None,
    reason: str = "red_flag",
    about_other: bool = False,
) -> Alert:
    alert = Alert(
        patient_id=patient.id if patient else None,
        message_id=message.id if message else None,
        level=level,
        codes=",".join(codes),
        reason=reason,
        about_other=about_other,
        status="open",
        created_at=now,
        next_notify_at=now,  # the first notice goes out at once, through the worker
    )
    session.add(alert)
    session.flush()
    log.warning(
        "ALERT %s opened: level=%s codes=%s patient=%s",
        alert.id, level, alert.codes, alert.patient_id,
    )
    return alert


def due_for_notification(session: Session, *, now: datetime) -> list[int]:
    return list(
        session.scalars(
            select(Alert.id).where(
                Alert.status == "open",
                Alert.next_notify_at <= now,
            )
        )
    )


def notify(session: Session, settings: Settings, alert_id: int, *, now: datetime) -> int | None:
    """Tell on-call about an open alert: at once, then again every renotify period until it is
    acknowledged. Claims the notice with a conditional UPDATE so two workers never page twice;
    returns the operator message id to send, if any."""
    alert = session.get(Alert, alert_id)
    if alert is None:
        return None
    claimed = session.execute(
        update(Alert)
        .where(Alert.id == alert_id, Alert.status == "open", Alert.next_notify_at <= now)
        .values(
            notified_count=Alert.notified_count + 1,
            next_notify_at=now
            + renotify_after(settings, alert.level)
            * (4 if alert.notified_count + 1 >= SLOW_AFTER_NOTICES else 1),
        )
    )
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        return None
    session.refresh(alert)
    minutes = int((now - alert.created_at).total_seconds() // 60)
    patient = f"#{alert.patient_id}" if alert.patient_id else "unknown"
    # Nobody enrolled the sender: say so, with the number's last digits (the full one is on
    # the alert in the dashboard, to call back or enrol), never "patient unknown" alone.
    unknown = alert.patient_id is None
    number = mask_phone(alert.message.from_number if alert.message is not None else None)
    codes = alert.codes.replace(",", ", ")
    if alert.notified_count == 1:
        log.warning("ALERT %s: level=%s codes=%s patient=%s",
                    alert.id, alert.level, alert.codes, patient)
        body = (render("operator.alert_unknown", "en", level=alert.level, number=number,
                       codes=codes) if unknown else
                render("operator.alert", "en", level=alert.level, patient=patient,
                       codes=codes))
    else:
        log.warning(
            "ALERT %s not acknowledged after %s min (notice %s): level=%s patient=%s",
            alert.id, minutes, alert.notified_count, alert.level, patient,
        )
        body = (render("operator.renotify_unknown", "en", level=alert.level, number=number,
                       minutes=minutes) if unknown else
                render("operator.renotify", "en", level=alert.level, patient=patient,
                       minutes=minutes))
    if not settings.oncall_number:
        return None
    from coach.patients import queue_message

    message = queue_message(
        session,
        None,
        kind="operator_alert",
        body=body,
        now=now,
        to_number=settings.oncall_number,
        dedupe_key=f"alert:{alert.id}:{alert.notified_count}",
    )
    return message.id


def list_alerts(session: Session, *, status: str | None = None) -> list[Alert]:
    query = select(Alert).order_by(Alert.id.desc())
    if status and status != "all":
        query = query.where(Alert.status == status)
    return list(session.scalars(query))


def acknowledge(session: Session, alert_id: int, *, by: str, now: datetime) -> Alert:
    alert = session.get(Alert, alert_id)
    if alert is None:
        raise NotFound(f"unknown alert: {alert_id}")
    if alert.status != "acknowledged":
        alert.status = "acknowledged"
        alert.acknowledged_at = now
        alert.acknowledged_by = (by or "operator")[:100]
        alert.next_notify_at = None
    return alert


def alert_json(alert: Alert) -> dict[str, Any]:
    text = alert.message.body if alert.message is not None else None
    # Nobody enrolled this number: it is the only way to reach whoever raised a red flag.
    sender = (alert.message.from_number
              if alert.patient_id is None and alert.message is not None else None)
    return {
        "id": alert.id,
        "patient_id": alert.patient_id,
        "sender": sender,
        "level": alert.level,
        "codes": [c for c in alert.codes.split(",") if c],
        "reason": alert.reason,
        "about_other": alert.about_other,
        "status": alert.status,
        "message": text,
        "notified_count": alert.notified_count,
        "created_at": iso_utc(alert.created_at),
        "acknowledged_at": iso_utc(alert.acknowledged_at),
        "acknowledged_by": alert.acknowledged_by,
    }


def pages_sent(session: Session, alert_ids: list[int]) -> dict[int, int]:
    """How many notices about each alert actually reached on-call's phone (handed to the
    provider), not how many times the notifier ran: with no COACH_ONCALL_NUMBER nobody is
    paged, and a page that failed is not a page. One query for all the alerts."""
    if not alert_ids:
        return {}
    wanted = set(alert_ids)
    counts: dict[int, int] = {}
    rows = session.scalars(
        select(Message.dedupe_key).where(
            Message.kind == "operator_alert",
            Message.status.in_(("sending", "sent", "delivered", "read")),
            Message.dedupe_key.like("alert:%"),
            Message.created_at >= select(func.min(Alert.created_at)).where(
                Alert.id.in_(wanted)).scalar_subquery(),
        )
    )
    for key in rows:
        parts = (key or "").split(":")
        if len(parts) == 3 and parts[1].isdigit() and int(parts[1]) in wanted:
            counts[int(parts[1])] = counts.get(int(parts[1]), 0) + 1
    return counts
