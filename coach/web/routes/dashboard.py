"""The operator dashboard: server-rendered pages, forms that post and redirect (PRG).

Who may do what is decided in coach.web.security: pages need a signed-in account (any role),
form posts need the operator role, a same-site Origin and the session's CSRF token (every
form includes `{{ csrf_field() }}`).
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import re
import secrets
from datetime import datetime
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from fastapi import APIRouter, BackgroundTasks, Form, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coach import alerts, audit, diary, dispatch, outbox, overview, patients, schedules
from coach.config import Settings
from coach.core.schedule import ScheduleError, parse_duration
from coach.db.models import Alert, Message, Patient
from coach.errors import CoachError
from coach.held import held_messages
from coach.inbound import InboundSms
from coach.schedules import REMINDER_KINDS
from coach.web.auditing import alert_state, enrolled, patient_state, schedule_state
from coach.web.deps import FactoryDep, MetricsDep, NowDep, SessionDep, SettingsDep
from coach.web.enrolment import enrol_once
from coach.web.receive import enqueue_after_commit, receive
from coach.web.security import FormOperator, LoginRequired, PageViewer
from coach.web.sparkline import sparkline

log = logging.getLogger(__name__)

FLASH_COOKIE = "coach_flash"
# What an operator typed into a form that was refused, to fill it again: a cookie, not the
# query string, so a phone number never lands in browser history or an access log.
KEPT_COOKIE = "coach_kept"
OPERATOR_COOKIE = "coach_operator"
SIMULATOR_FROM = "+15005550006"  # Twilio's magic test number: never a real patient's


def templates_of(request: Request) -> Jinja2Templates:
    templates: Jinja2Templates = request.app.state.templates
    return templates


# Kept for the routes below (and for modules that import them from here).
Operator = PageViewer
OperatorPost = FormOperator
__all__ = ["LoginRequired", "Operator", "OperatorPost", "router"]

router = APIRouter(include_in_schema=False)


# --- flash messages and rendering ----------------------------------------------------------


# The service layer's reasons name the CLI's flags (`--at`); the dashboard names its fields.
_FIELD_WORDS = {"every": "Every", "at": "At", "between": "Between", "days": "Days",
                "quiet": "Quiet hours", "count": "Count", "duration": "Pause for"}
_FLAG = re.compile(r"(?<![\w-])--([a-z][a-z-]*)")


def operator_words(text: str) -> str:
    """`give --every or --at` -> `give “Every” or “At”`: what the operator sees on the page."""
    def word(found: re.Match[str]) -> str:
        name = found.group(1)
        return f"“{_FIELD_WORDS.get(name, name.replace('-', ' '))}”"

    return _FLAG.sub(word, text)


def api_words(text: str) -> str:
    """`--every` -> `every`, `--dry-run` -> `dry_run`: the JSON field an API client sends."""
    return _FLAG.sub(lambda found: found.group(1).replace("-", "_"), text)


def _redirect(path: str, *, ok: str | None = None, error: str | None = None) -> RedirectResponse:
    response = RedirectResponse(path, status_code=303)
    text = operator_words(error) if error else ok
    if text:
        _set_json_cookie(response, FLASH_COOKIE,
                         {"kind": "error" if error else "ok", "text": text[:500]})
    return response


def _set_json_cookie(response: Response, name: str, data: dict[str, str]) -> None:
    """A short-lived cookie for the next page only (the flash, a refused form's values)."""
    payload = base64.urlsafe_b64encode(json.dumps(data).encode()).decode()
    response.set_cookie(name, payload, httponly=True, samesite="strict", max_age=60)


def _json_cookie(request: Request, name: str) -> dict[str, Any] | None:
    """What `_set_json_cookie` stored, or None when absent or not ours."""
    raw = request.cookies.get(name)
    if not raw:
        return None
    try:
        data = json.loads(base64.urlsafe_b64decode(raw.encode()))
    except (ValueError, binascii.Error):
        return None
    return data if isinstance(data, dict) else None


def _keep_form(response: Response, values: dict[str, str]) -> Response:
    _set_json_cookie(response, KEPT_COOKIE, {k: v[:100] for k, v in values.items()})
    return response


def _read_kept(request: Request) -> dict[str, str]:
    data = _json_cookie(request, KEPT_COOKIE) or {}
    return {str(k): v for k, v in data.items() if isinstance(v, str)}


def _read_flash(request: Request) -> dict[str, str] | None:
    data = _json_cookie(request, FLASH_COOKIE)
    if data is None or not isinstance(data.get("text"), str):
        return None
    return {"kind": "error" if data.get("kind") == "error" else "ok", "text": data["text"]}


def _render(request: Request, template: str, context: dict[str, Any]) -> HTMLResponse:
    settings: Settings = request.app.state.settings
    flash = _read_flash(request)
    base = {
        "flash": flash,
        "settings": settings,
        "principal": getattr(request.state, "principal", None),
        "operator_name": request.cookies.get(OPERATOR_COOKIE, "")[:100]
        or getattr(getattr(request.state, "principal", None), "name", ""),
    }
    response = templates_of(request).TemplateResponse(request, template, base | context)
    if flash is not None:
        response.delete_cookie(FLASH_COOKIE)
    return response


def _safe_next(path: str | None, default: str = "/") -> str:
    """Only our own absolute paths: never `//evil.example` or a full URL."""
    if path and path.startswith("/") and not path.startswith("//") and "\\" not in path:
        return path
    return default


def _patient_or_404(session: Session, patient_id: int) -> Patient:
    patient = session.get(Patient, patient_id)
    if patient is None:
        raise HTTPException(404, f"unknown patient: {patient_id}")
    return patient


# --- pages ---------------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def home(
    request: Request, _: Operator, session: SessionDep, now: NowDep, alerts_shown: str = "open",
    enrol_alert: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
) -> HTMLResponse:
    status = "all" if alerts_shown == "all" else "open"
    alert_rows = [alerts.alert_json(a) for a in alerts.list_alerts(session, status=status)]
    kept = _read_kept(request)
    if enrol_alert is not None and not kept:
        # "enrol them" on an unknown sender's alert: the number comes from the alert, so the
        # link itself never carries it.
        alert = session.get(Alert, enrol_alert)
        sender = alerts.alert_json(alert)["sender"] if alert is not None else None
        if sender:
            kept = {"phone": sender}
    pages = alerts.pages_sent(session, [a["id"] for a in alert_rows])
    for row in alert_rows:
        row["pages_sent"] = pages.get(row["id"], 0)  # "paged" only when a page went out
    # Thousands of patients: the home page shows the newest; /patients searches them all.
    everyone = recent_patients(session, limit=20)
    wanted = {a["patient_id"] for a in alert_rows if a["patient_id"]}
    by_id = {p.id: p for p in everyone} | {
        p.id: p for p in session.scalars(select(Patient).where(Patient.id.in_(wanted)))}
    page = _render(
        request,
        "index.html",
        {
            "now": now,
            "alerts": alert_rows,
            "alerts_shown": status,
            "patients_by_id": by_id,
            "patients": everyone,
            "patients_total": session.scalar(select(func.count(Patient.id))) or 0,
            "open_count": sum(1 for a in alert_rows if a["status"] == "open"),
            "kept": kept,
        },
    )
    if KEPT_COOKIE in request.cookies:
        page.delete_cookie(KEPT_COOKIE)  # filled once: a later visit starts blank
    return page


@router.get("/patients/{patient_id}", response_class=HTMLResponse)
def patient_page(
    request: Request,
    patient_id: int,
    _: Operator,
    session: SessionDep,
    settings: SettingsDep,
    now: NowDep,
) -> HTMLResponse:
    patient = _patient_or_404(session, patient_id)
    zone = ZoneInfo(patient.tz)
    try:
        upcoming = [i.to_json() | {"local_dt": i.local}
                    for i in schedules.preview_for(session, patient, start=now, count=10)]
    except CoachError:
        upcoming = []
    entries = diary.entries_for(session, patient, limit=60)
    messages = outbox.list_messages(session, patient_id=patient.id, limit=100)
    patient_alerts = [
        alerts.alert_json(a) for a in alerts.list_alerts(session) if a.patient_id == patient.id
    ][:20]
    return _render(
        request,
        "patient.html",
        {
            "now": now,
            "patient": patient,
            "zone": zone,
            "schedules": [
                (s, schedules.rule_of(s).describe())
                for s in schedules.schedules_of(session, patient)
            ],
            "kinds": REMINDER_KINDS,
            "upcoming": upcoming,
            "entries": list(reversed(entries)),
            "spark": sparkline([e.severity for e in entries]),
            "messages": list(reversed(messages)),
            "thread": thread_messages(messages),
            "patient_alerts": patient_alerts,
            "simulator": not settings.use_twilio,
            "charts": overview.patient_charts(session, patient, now=now),
            "held": held_messages(patient, messages),
        },
    )


# --- actions -------------------------------------------------------------------------------


@router.post("/dashboard/patients")
def enrol(
    who: OperatorPost,
    session: SessionDep,
    settings: SettingsDep,
    now: NowDep,
    background: BackgroundTasks,
    phone: Annotated[str, Form(max_length=40)],
    tz: Annotated[str, Form(max_length=64)],
    name: Annotated[str, Form(max_length=100)] = "",
    lang: Annotated[str, Form(max_length=5)] = "en",
    quiet: Annotated[str, Form(max_length=20)] = "",
) -> Response:
    def add() -> tuple[Patient, Message]:
        patient, invitation = patients.enroll(
            session, settings, phone=phone, tz=tz.strip(), now=now, name=name or None,
            lang=lang, quiet=quiet.strip() or None,
        )
        audit.record(session, who, "patient.enrol", f"patient:{patient.id}",
                     after=enrolled(patient), now=now)
        return patient, invitation

    try:
        patient, invitation = enrol_once(session, phone, settings.default_region, add)
    except CoachError as exc:
        # Keep what was typed: the form is filled again from a short-lived cookie.
        return _keep_form(_redirect("/#enrol", error=str(exc)),
                          {"phone": phone, "tz": tz, "name": name, "lang": lang, "quiet": quiet})
    background.add_task(enqueue_after_commit, [invitation.id], [])
    return _redirect(
        f"/patients/{patient.id}",
        ok=f"Enrolled {patient.name or 'patient'} #{patient.id}: invitation queued; reminders "
           "start once they reply YES.",
    )


@router.post("/dashboard/alerts/{alert_id}/ack")
def acknowledge(
    alert_id: int,
    principal: OperatorPost,
    session: SessionDep,
    now: NowDep,
    by: Annotated[str, Form(max_length=100)] = "",
    next: Annotated[str, Form(max_length=500)] = "/",
) -> Response:
    who = by.strip() or principal.name
    before = alert_state(session.get(Alert, alert_id)) if alert_id < 2**31 else None
    try:
        alert = alerts.acknowledge(session, alert_id, by=who, now=now)
    except CoachError as exc:
        return _redirect(_safe_next(next), error=str(exc))
    audit.record(session, principal, "alert.ack", f"alert:{alert.id}", before,
                 alert_state(alert), now=now)
    session.commit()
    response = _redirect(_safe_next(next), ok=f"Alert #{alert.id} acknowledged by {who}.")
    response.set_cookie(OPERATOR_COOKIE, who, samesite="strict", max_age=30 * 24 * 3600)
    return response


@router.post("/dashboard/patients/{patient_id}/schedules")
def set_schedule(
    patient_id: int,
    who: OperatorPost,
    session: SessionDep,
    now: NowDep,
    kind: Annotated[str, Form(max_length=32)],
    every: Annotated[str, Form(max_length=20)] = "",
    between: Annotated[str, Form(max_length=20)] = "",
    at: Annotated[str, Form(max_length=200)] = "",
    days: Annotated[str, Form(max_length=40)] = "",
) -> Response:
    patient = _patient_or_404(session, patient_id)
    page = f"/patients/{patient.id}"
    before = schedule_state(session, patient, kind)
    try:
        schedules.set_schedule(
            session, patient, kind, now=now, every=every.strip() or None,
            between=between.strip() or None, at=at.strip() or None, days=days.strip() or None,
        )
    except CoachError as exc:
        return _redirect(page + "#schedules", error=str(exc))
    audit.record(session, who, "schedule.set", f"patient:{patient.id}/{kind}", before,
                 schedule_state(session, patient, kind), now=now)
    session.commit()
    return _redirect(page + "#schedules", ok=f"Schedule {kind} saved.")


@router.post("/dashboard/patients/{patient_id}/schedules/{kind}/delete")
def delete_schedule(
    patient_id: int, kind: str, who: OperatorPost, session: SessionDep, now: NowDep
) -> Response:
    patient = _patient_or_404(session, patient_id)
    page = f"/patients/{patient.id}#schedules"
    before = schedule_state(session, patient, kind)
    if not schedules.remove_schedule(session, patient, kind):
        return _redirect(page, error=f"No {kind[:32]} schedule to remove.")
    audit.record(session, who, "schedule.delete", f"patient:{patient.id}/{kind[:32]}", before,
                 None, now=now)
    session.commit()
    return _redirect(page, ok=f"Schedule {kind} removed.")


@router.post("/dashboard/patients/{patient_id}/pause")
def pause(
    patient_id: int,
    who: OperatorPost,
    session: SessionDep,
    now: NowDep,
    duration: Annotated[str, Form(max_length=20)] = "",
) -> Response:
    patient = _patient_or_404(session, patient_id)
    page = f"/patients/{patient.id}"
    try:
        length = parse_duration(duration) if duration.strip() else None
    except ScheduleError as exc:
        return _redirect(page, error=str(exc))
    before = patient_state(patient)
    patients.pause(session, patient, now=now, duration=length, reason="operator")
    audit.record(session, who, "patient.pause", f"patient:{patient.id}", before,
                 patient_state(patient), now=now)
    session.commit()
    return _redirect(page, ok=f"Reminders paused{' for ' + duration.strip() if length else ''}.")


@router.post("/dashboard/patients/{patient_id}/resume")
def resume(patient_id: int, who: OperatorPost, session: SessionDep, now: NowDep) -> Response:
    patient = _patient_or_404(session, patient_id)
    before = patient_state(patient)
    patients.resume(session, patient, now=now)
    audit.record(session, who, "patient.resume", f"patient:{patient.id}", before,
                 patient_state(patient), now=now)
    session.commit()
    return _redirect(f"/patients/{patient.id}", ok="Reminders resumed.")


@router.post("/dashboard/patients/{patient_id}/send")
def send(
    patient_id: int,
    who: OperatorPost,
    session: SessionDep,
    settings: SettingsDep,
    now: NowDep,
    background: BackgroundTasks,
    kind: Annotated[str, Form(max_length=32)],
) -> Response:
    patient = _patient_or_404(session, patient_id)
    page = f"/patients/{patient.id}"
    try:
        message = dispatch.send_now(session, settings, patient, kind, now=now)
    except CoachError as exc:
        return _redirect(page, error=str(exc))
    audit.record(session, who, "message.send", f"patient:{patient.id}", None,
                 {"kind": message.kind, "message_id": message.id}, now=now)
    session.commit()
    background.add_task(enqueue_after_commit, [message.id], [])
    return _redirect(page, ok=f"A {kind} reminder is queued.")


@router.post("/dashboard/simulate")
async def simulate(
    who: OperatorPost,
    settings: SettingsDep,
    factory: FactoryDep,
    metrics: MetricsDep,
    now: NowDep,
    background: BackgroundTasks,
    patient_id: Annotated[int, Form()],
    body: Annotated[str, Form(max_length=1600)] = "",
) -> Response:
    """Reply as the patient, through exactly the path a Twilio webhook takes."""
    if settings.use_twilio:
        raise HTTPException(404, "the phone simulator is only there with the outbox backend")

    def phone_of() -> str | None:
        with factory() as session:
            patient = session.get(Patient, patient_id)
            return patient.phone if patient else None

    phone = await run_in_threadpool(phone_of)
    if phone is None:
        raise HTTPException(404, f"unknown patient: {patient_id}")
    sms = InboundSms(
        sid="SM" + secrets.token_hex(16),
        from_number=phone,
        to_number=settings.twilio_from_number or SIMULATOR_FROM,
        body=body,
    )
    outcome = await run_in_threadpool(
        receive, factory, settings, metrics, sms, now=now, outcome_label="simulated"
    )

    def record() -> None:
        with factory() as session:
            audit.record(session, who, "simulator.reply", f"patient:{patient_id}", None,
                         {"sid": sms.sid, "body": body, "level": outcome.level}, now=now)
            session.commit()

    await run_in_threadpool(record)
    background.add_task(
        enqueue_after_commit, outcome.to_send, outcome.alerts, outcome.second_reads
    )
    page = f"/patients/{patient_id}#phone"
    if outcome.reply:
        return _redirect(page, ok=f"Immediate reply: {outcome.reply}")
    return _redirect(page, ok="Reply received (no immediate answer).")


def local_time(value: datetime | None, zone: ZoneInfo | None = None) -> str:
    if value is None:
        return ""
    if zone is None:
        return value.strftime("%Y-%m-%d %H:%M UTC")
    return value.astimezone(zone).strftime("%a %d %b %H:%M")


def ago(value: datetime | str | None, now: datetime) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value.replace("Z", "+00:00"))
    seconds = int((now - value).total_seconds())
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{seconds // 60} min ago"
    if seconds < 86400:
        return f"{seconds // 3600} h ago"
    return f"{seconds // 86400} d ago"


def recent_patients(session: Session, *, limit: int) -> list[Patient]:
    return list(reversed(session.scalars(
        select(Patient).order_by(Patient.id.desc()).limit(limit)).all()))


def thread_messages(messages: list[Message]) -> list[Message]:
    """What the patient's phone would show: their texts, and ours that were not skipped or are
    not still waiting for a later time."""
    return [m for m in messages if m.direction == "in" or m.status not in ("skipped", "scheduled")]
