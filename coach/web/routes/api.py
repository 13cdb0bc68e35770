"""REST API for operators under /api. Thin: each route calls one service function."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Path, Query, Response
from sqlalchemy.orm import Session

from coach import alerts, audit, diary, dispatch, outbox, patients, schedules
from coach.core.schedule import ScheduleError, parse_duration
from coach.db.models import Alert, Message, Patient
from coach.errors import CoachError, NotFound
from coach.web.auditing import alert_state, enrolled, patient_state, schedule_state
from coach.web.deps import NowDep, SessionDep, SettingsDep
from coach.web.enrolment import enrol_once
from coach.web.receive import enqueue_after_commit
from coach.web.schemas import (
    API_ERRORS,
    MAX_ID,
    AckIn,
    AlertOut,
    DiaryOut,
    MessageOut,
    PatientIn,
    PatientOut,
    PauseIn,
    PreviewOut,
    ScheduleIn,
    ScheduleOut,
    SendIn,
)
from coach.web.security import ApiOperator

router = APIRouter(
    prefix="/api",
    tags=["api"],
    responses=API_ERRORS,
)


def _patient(session: Session, ref: str) -> Patient:
    return patients.get_patient(session, ref)


@router.post("/patients", status_code=201, response_model=PatientOut)
def create_patient(
    body: PatientIn,
    who: ApiOperator,
    session: SessionDep,
    settings: SettingsDep,
    now: NowDep,
    background: BackgroundTasks,
) -> PatientOut:
    def enrol() -> tuple[Patient, Message]:
        patient, invitation = patients.enroll(
            session, settings, phone=body.phone, tz=body.tz, now=now, name=body.name,
            lang=body.lang, quiet=body.quiet, daily_cap=body.daily_cap,
        )
        audit.record(session, who, "patient.enrol", f"patient:{patient.id}",
                     after=enrolled(patient), now=now)
        return patient, invitation

    patient, invitation = enrol_once(session, body.phone, settings.default_region, enrol)
    background.add_task(enqueue_after_commit, [invitation.id], [])
    return PatientOut.model_validate(patients.patient_json(patient))


@router.get("/patients", response_model=list[PatientOut])
def list_patients(_: ApiOperator, session: SessionDep) -> list[PatientOut]:
    return [PatientOut.model_validate(patients.patient_json(p))
            for p in patients.list_patients(session)]


@router.get("/patients/{ref}", response_model=PatientOut)
def get_patient(ref: str, _: ApiOperator, session: SessionDep) -> PatientOut:
    return PatientOut.model_validate(patients.patient_json(_patient(session, ref)))


@router.post("/patients/{ref}/pause", response_model=PatientOut)
def pause_patient(
    ref: str, who: ApiOperator, session: SessionDep, now: NowDep, body: PauseIn | None = None
) -> PatientOut:
    patient = _patient(session, ref)
    duration = None
    if body is not None and body.duration:
        try:
            duration = parse_duration(body.duration)
        except ScheduleError as exc:
            raise CoachError(str(exc)) from None
    before = patient_state(patient)
    patients.pause(session, patient, now=now, duration=duration, reason="operator")
    audit.record(session, who, "patient.pause", f"patient:{patient.id}", before,
                 patient_state(patient), now=now)
    session.commit()
    return PatientOut.model_validate(patients.patient_json(patient))


@router.post("/patients/{ref}/resume", response_model=PatientOut)
def resume_patient(ref: str, who: ApiOperator, session: SessionDep, now: NowDep) -> PatientOut:
    patient = _patient(session, ref)
    before = patient_state(patient)
    patients.resume(session, patient, now=now)
    audit.record(session, who, "patient.resume", f"patient:{patient.id}", before,
                 patient_state(patient), now=now)
    session.commit()
    return PatientOut.model_validate(patients.patient_json(patient))


@router.get("/patients/{ref}/schedules", response_model=list[ScheduleOut])
def list_schedules(ref: str, _: ApiOperator, session: SessionDep) -> list[ScheduleOut]:
    patient = _patient(session, ref)
    return [ScheduleOut.model_validate(schedules.schedule_json(s))
            for s in schedules.schedules_of(session, patient)]


@router.put("/patients/{ref}/schedules/{kind}", response_model=ScheduleOut)
def set_schedule(
    ref: str, kind: str, body: ScheduleIn, who: ApiOperator, session: SessionDep, now: NowDep
) -> ScheduleOut:
    patient = _patient(session, ref)
    before = schedule_state(session, patient, kind)
    schedule = schedules.set_schedule(
        session, patient, kind, now=now, every=body.every, between=body.between, at=body.at,
        days=body.days, offset=body.offset, stagger=body.stagger, spread=body.spread,
    )
    audit.record(session, who, "schedule.set", f"patient:{patient.id}/{schedule.kind}",
                 before, schedule_state(session, patient, schedule.kind), now=now)
    session.commit()
    return ScheduleOut.model_validate(schedules.schedule_json(schedule))


@router.delete("/patients/{ref}/schedules/{kind}", status_code=204)
def delete_schedule(
    ref: str, kind: str, who: ApiOperator, session: SessionDep, now: NowDep
) -> Response:
    patient = _patient(session, ref)
    before = schedule_state(session, patient, kind)
    if not schedules.remove_schedule(session, patient, kind):
        raise NotFound(f"no {kind[:32]!r} schedule for patient {patient.id}")
    audit.record(session, who, "schedule.delete", f"patient:{patient.id}/{kind[:32]}", before,
                 None, now=now)
    session.commit()
    return Response(status_code=204)


@router.get("/patients/{ref}/preview", response_model=list[PreviewOut])
def preview(
    ref: str,
    _: ApiOperator,
    session: SessionDep,
    now: NowDep,
    start: Annotated[datetime | None, Query(alias="from", description="ISO 8601")] = None,
    count: Annotated[int, Query(ge=1, le=1000)] = 10,
) -> list[PreviewOut]:
    patient = _patient(session, ref)
    if start is not None and start.tzinfo is None:
        raise CoachError("from: give a time zone offset, e.g. 2027-03-14T09:00:00Z")
    items = schedules.preview_for(session, patient, start=start or now, count=count)
    return [PreviewOut.model_validate(item.to_json()) for item in items]


@router.get("/patients/{ref}/diary", response_model=list[DiaryOut])
def patient_diary(
    ref: str,
    _: ApiOperator,
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> list[DiaryOut]:
    patient = _patient(session, ref)
    return [DiaryOut.model_validate(diary.diary_json(e))
            for e in diary.entries_for(session, patient, limit=limit)]


@router.post("/patients/{ref}/send", status_code=201, response_model=MessageOut)
def send_reminder(
    ref: str,
    body: SendIn,
    who: ApiOperator,
    session: SessionDep,
    settings: SettingsDep,
    now: NowDep,
    background: BackgroundTasks,
) -> MessageOut:
    patient = _patient(session, ref)
    message = dispatch.send_now(session, settings, patient, body.kind, now=now)
    audit.record(session, who, "message.send", f"patient:{patient.id}", None,
                 {"kind": message.kind, "message_id": message.id}, now=now)
    session.commit()
    background.add_task(enqueue_after_commit, [message.id], [])
    return MessageOut.model_validate(outbox.message_json(message))


@router.get("/messages", response_model=list[MessageOut])
def list_messages(
    _: ApiOperator,
    session: SessionDep,
    patient_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 200,
) -> list[MessageOut]:
    return [MessageOut.model_validate(outbox.message_json(m))
            for m in outbox.list_messages(session, patient_id=patient_id, limit=limit)]


@router.get("/alerts", response_model=list[AlertOut])
def list_alerts(
    _: ApiOperator,
    session: SessionDep,
    status: Annotated[str | None, Query(pattern="^(open|acknowledged|all)$")] = None,
) -> list[AlertOut]:
    return [AlertOut.model_validate(alerts.alert_json(a))
            for a in alerts.list_alerts(session, status=status)]


@router.post("/alerts/{alert_id}/ack", response_model=AlertOut)
def acknowledge_alert(
    alert_id: Annotated[int, Path(ge=1, le=MAX_ID)], body: AckIn, who: ApiOperator,
    session: SessionDep, now: NowDep,
) -> AlertOut:
    before = alert_state(session.get(Alert, alert_id))
    alert = alerts.acknowledge(session, alert_id, by=body.by, now=now)
    audit.record(session, who, "alert.ack", f"alert:{alert.id}", before, alert_state(alert),
                 now=now)
    session.commit()
    return AlertOut.model_validate(alerts.alert_json(alert))
