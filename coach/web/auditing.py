"""What the web routes record in the audit log for each change: small before/after snapshots
of the patient, schedule or alert (masked by coach.audit when stored)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coach.db.models import Alert, Patient, Schedule
from coach.schedules import schedule_json


def patient_state(patient: Patient) -> dict[str, Any]:
    paused = patient.paused_until
    return {
        "status": patient.status,
        "paused_until": paused.isoformat().replace("+00:00", "Z") if paused else None,
    }


def schedule_state(session: Session, patient: Patient, kind: str) -> dict[str, Any] | None:
    schedule = session.scalar(
        select(Schedule).where(Schedule.patient_id == patient.id, Schedule.kind == kind)
    )
    if schedule is None:
        return None
    shown = schedule_json(schedule)
    return {"kind": shown["kind"], "rule": shown["rule"], "active": shown["active"]}


def alert_state(alert: Alert | None) -> dict[str, Any] | None:
    if alert is None:
        return None
    return {"status": alert.status, "acknowledged_by": alert.acknowledged_by}


def enrolled(patient: Patient) -> dict[str, Any]:
    return {
        "id": patient.id, "phone": patient.phone, "tz": patient.tz, "lang": patient.lang,
        "status": patient.status, "daily_cap": patient.daily_cap,
        "quiet": f"{patient.quiet_start}-{patient.quiet_end}" if patient.quiet_start else None,
    }
