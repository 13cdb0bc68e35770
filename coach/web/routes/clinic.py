"""Clinic operations on the web: CSV import (dry run, then an import with a progress bar),
programmes (defaults, and applying a change to their patients after a preview), patients at
scale (search, filters, pages), non-responders, and the programme overview charts.

Pages need a signed-in account; forms need the operator role and the CSRF token; the JSON
API needs a bearer token (coach.web.security). Every change is audited.
"""

from __future__ import annotations

import secrets
import threading
import time
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session, sessionmaker

from coach import audit, importer, nonresponders, overview, patient_search, programmes
from coach.config import Settings
from coach.db.models import utcnow
from coach.errors import CoachError
from coach.web.deps import NowDep, SessionDep, SettingsDep
from coach.web.routes.dashboard import _redirect, _render
from coach.web.schemas import (
    API_ERRORS,
    ApplyOut,
    ApplyPreview,
    ImportReport,
    Invalid,
    NonResponderOut,
    PatientPage,
    ProgrammeDetail,
    ProgrammeOut,
    ProgrammeSetOut,
)
from coach.web.security import ApiOperator, FormOperator, PageViewer

pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["clinic"], responses=API_ERRORS)
JOB_TTL = 3600.0  # seconds an import job (and the file it holds) is kept in memory
MAX_UPLOAD = importer.MAX_BYTES


# --- import jobs ---------------------------------------------------------------------------


@dataclass
class ImportJob:
    """One uploaded file: its dry run, then (on request) its import, in a thread, with
    progress the page polls. Held in memory by the web process for an hour."""

    id: str
    owner: str
    filename: str
    data: bytes
    created: float = field(default_factory=time.monotonic)
    phase: str = "checking"  # checking | checked | importing | done | failed
    stage: str = ""
    done: int = 0
    total: int = 0
    report: importer.Report | None = None
    error: str | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def progress(self, stage: str, done: int, total: int) -> None:
        self.stage, self.done, self.total = stage, done, total

    def to_json(self) -> dict[str, Any]:
        report = self.report
        return {
            "id": self.id,
            "phase": self.phase,
            "stage": self.stage,
            "done": self.done,
            "total": self.total,
            "percent": int(100 * self.done / self.total) if self.total else 0,
            "error": self.error,
            "report": report.to_json() if report else None,
        }


def _jobs(request: Request) -> dict[str, ImportJob]:
    jobs: dict[str, ImportJob] | None = getattr(request.app.state, "import_jobs", None)
    if jobs is None:
        jobs = request.app.state.import_jobs = {}
    cutoff = time.monotonic() - JOB_TTL
    for key in [k for k, j in jobs.items() if j.created < cutoff]:
        jobs.pop(key, None)
    return jobs


def _job(request: Request, job_id: str, principal: Any) -> ImportJob:
    job = _jobs(request).get(job_id)
    if job is None or job.owner != principal.audit_name:
        raise HTTPException(404, "no such import (they are kept for an hour)")
    return job


def _run_job(job: ImportJob, factory: sessionmaker[Session], settings: Settings,
             actor: Any, *, dry_run: bool) -> None:
    from coach.web.receive import enqueue_after_commit

    try:
        with factory() as session:
            report = importer.run(session, settings, job.data, now=utcnow(), actor=actor,
                                  dry_run=dry_run, progress=job.progress)
            if report.ok and not dry_run:
                session.commit()
        job.report = report
        job.phase = "checked" if dry_run else ("done" if report.ok else "checked")
        if report.ok and not dry_run:
            job.data = b""  # imported: the file is no longer needed
            enqueue_after_commit(report.invitations, [])
    except CoachError as exc:
        job.error, job.phase = str(exc), "failed"
    except Exception as exc:  # shown on the page; the transaction rolled back
        job.error, job.phase = f"import failed: {type(exc).__name__}", "failed"


def _start(request: Request, job: ImportJob, actor: Any, *, dry_run: bool) -> None:
    job.phase = "checking" if dry_run else "importing"
    job.stage, job.done, job.total = "", 0, 0
    thread = threading.Thread(
        target=_run_job,
        args=(job, request.app.state.session_factory, request.app.state.settings, actor),
        kwargs={"dry_run": dry_run}, name=f"import-{job.id}", daemon=True,
    )
    thread.start()


@pages.get("/import", response_class=HTMLResponse)
def import_page(request: Request, _: PageViewer, session: SessionDep) -> HTMLResponse:
    return _render(request, "import.html", {
        "programmes": programmes.list_programmes(session), "columns": importer.COLUMNS,
        "job": None})


@pages.post("/dashboard/import")
async def import_upload(
    request: Request,
    principal: FormOperator,
    file: Annotated[UploadFile, File()],
) -> Response:
    data = await file.read(MAX_UPLOAD + 1)
    if not data:
        return _redirect("/import", error="Choose a CSV file first (it was empty).")
    if len(data) > MAX_UPLOAD:
        return _redirect("/import", error=f"The file is larger than {MAX_UPLOAD >> 20} MiB.")
    job = ImportJob(id=secrets.token_urlsafe(12), owner=principal.audit_name,
                    filename=(file.filename or "upload.csv")[:100], data=data)
    _jobs(request)[job.id] = job
    _start(request, job, principal, dry_run=True)
    return RedirectResponse(f"/import/{job.id}", status_code=303)


@pages.get("/import/{job_id}", response_class=HTMLResponse)
def import_job_page(request: Request, job_id: str, principal: PageViewer,
                    session: SessionDep) -> HTMLResponse:
    job = _job(request, job_id, principal)
    return _render(request, "import.html", {
        "programmes": programmes.list_programmes(session), "columns": importer.COLUMNS,
        "job": job, "state": job.to_json()})


@pages.get("/import/{job_id}/progress")
def import_job_progress(request: Request, job_id: str, principal: PageViewer) -> JSONResponse:
    return JSONResponse(_job(request, job_id, principal).to_json())


@pages.post("/dashboard/import/{job_id}/run")
def import_run(request: Request, job_id: str, principal: FormOperator) -> Response:
    job = _job(request, job_id, principal)
    with job.lock:
        if job.phase != "checked" or job.report is None or not job.report.ok:
            return _redirect(f"/import/{job.id}",
                             error="Only a file whose dry run found no bad rows can be imported.")
        _start(request, job, principal, dry_run=False)
    return RedirectResponse(f"/import/{job.id}", status_code=303)


# --- patients at scale ---------------------------------------------------------------------


def _filters(q: str, status: str, programme: str, open_alerts: str, last_reply: str,
             page: int, per_page: int) -> patient_search.Filters:
    programme_id: int | None = None
    if programme == "none":
        programme_id = 0
    elif programme:
        if not programme.isdigit():
            raise CoachError("programme: give a programme id, or none")
        programme_id = int(programme)
    alerts = {"yes": True, "true": True, "1": True, "no": False, "false": False,
              "0": False}.get(open_alerts.lower()) if open_alerts else None
    if open_alerts and alerts is None:
        raise CoachError("open_alerts: yes or no")
    return patient_search.Filters(q=q, status=status, programme_id=programme_id,
                                  open_alerts=alerts, last_reply=last_reply, page=page,
                                  per_page=per_page)


Q = Annotated[str, Query(max_length=100)]
Short = Annotated[str, Query(max_length=20)]


@pages.get("/patients", response_class=HTMLResponse)
def patients_page(
    request: Request, _: PageViewer, session: SessionDep, now: NowDep,
    q: Q = "", status: Short = "", programme: Short = "", open_alerts: Short = "",
    last_reply: Short = "", page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    error = None
    try:
        found = patient_search.search(
            session, _filters(q, status, programme, open_alerts, last_reply, page, 50), now=now)
    except CoachError as exc:
        error = str(exc)
        found = patient_search.Page(total=0, page=1, per_page=50)
    names = {p.id: p.name for p in programmes.list_programmes(session)}
    args = {"q": q, "status": status, "programme": programme, "open_alerts": open_alerts,
            "last_reply": last_reply}
    from urllib.parse import urlencode

    query = urlencode({k: v for k, v in args.items() if v})
    return _render(request, "patients.html", {
        "found": found, "args": args, "query": query, "programme_names": names,
        "error": error, "now": now,
        "statuses": patient_search.STATUSES, "last_replies": patient_search.LAST_REPLY,
    })


@api.get("/patient-search", response_model=PatientPage,
         summary="Search and filter patients, one page at a time")
def api_search(
    _: ApiOperator, session: SessionDep, now: NowDep,
    q: Q = "", status: Short = "", programme: Short = "", open_alerts: Short = "",
    last_reply: Short = "", page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    per_page: Annotated[int, Query(ge=1, le=patient_search.MAX_PER_PAGE)] = 50,
) -> dict[str, Any]:
    """`q` matches the name (any part) or, when it is digits, the end of the number.
    `status`: pending|active|paused|opted_out; `programme`: an id or `none`;
    `open_alerts`: yes|no; `last_reply`: 1d|7d|30d (replied within), over7d|over30d, never."""
    return patient_search.search(
        session, _filters(q, status, programme, open_alerts, last_reply, page, per_page),
        now=now).to_json()


# --- non-responders ------------------------------------------------------------------------


@pages.get("/nonresponders", response_class=HTMLResponse)
def nonresponders_page(request: Request, _: PageViewer, session: SessionDep,
                       settings: SettingsDep, now: NowDep,
                       days: Annotated[int | None, Query(ge=1, le=365)] = None) -> HTMLResponse:
    rows = nonresponders.find(session, settings, now=now, days=days)
    names = {p.id: p.name for p in programmes.list_programmes(session)}
    return _render(request, "nonresponders.html", {
        "rows": rows, "days": days or settings.nonresponder_days, "now": now,
        "alerts_on": settings.nonresponder_alerts, "programme_names": names})


@api.get("/nonresponders", response_model=list[NonResponderOut],
         summary="Patients whose check-ins have gone unanswered")
def api_nonresponders(_: ApiOperator, session: SessionDep, settings: SettingsDep, now: NowDep,
                      days: Annotated[int | None, Query(ge=1, le=365)] = None
                      ) -> list[dict[str, Any]]:
    return [r.to_json() for r in nonresponders.find(session, settings, now=now, days=days)]


# --- import over the API -------------------------------------------------------------------


@api.post(
    "/import", summary="Enrol patients from CSV (text/csv body); all or nothing",
    response_model=ImportReport,
    responses={422: {"model": ImportReport | Invalid,
                     "description": "rows rejected (nothing imported), or bad input"}},
    openapi_extra={"requestBody": {"required": True, "content": {
        "text/csv": {"schema": {"type": "string"},
                     "example": "phone,tz,lang,name,programme\n"
                                "+14155550101,America/Chicago,en,Alice,\n"}}}},
)
async def api_import(
    request: Request, principal: ApiOperator, settings: SettingsDep, now: NowDep,
    dry_run: bool = False,
) -> JSONResponse:
    """The body is the CSV file itself. Answers `{"rows","imported","rejected"}` as
    `coach import --json`: 200 when imported (or a clean dry run), 422 when any row is bad
    (then nothing is imported)."""
    from fastapi.concurrency import run_in_threadpool

    from coach.web.receive import enqueue_after_commit

    data = await request.body()
    factory: sessionmaker[Session] = request.app.state.session_factory

    def work() -> importer.Report:
        with factory() as session:
            report = importer.run(session, settings, data, now=now, actor=principal,
                                  dry_run=dry_run)
            if report.ok and not dry_run:
                session.commit()
            return report

    report = await run_in_threadpool(work)
    if report.ok and not dry_run:
        enqueue_after_commit(report.invitations, [])
    return JSONResponse(report.to_json(), status_code=200 if report.ok else 422)


# --- programmes ----------------------------------------------------------------------------


class ProgrammeBody(BaseModel):
    name: str | None = Field(default=None, max_length=64)
    description: str | None = Field(default=None, max_length=300)
    lang: str | None = Field(default=None, max_length=5)
    quiet: str | None = Field(default=None, max_length=20)
    daily_cap: int | None = Field(default=None, ge=1, le=100)
    weekly_screen: bool | None = None
    target: str | None = Field(default=None, max_length=10)
    schedules: dict[str, dict[str, str] | None] = Field(default_factory=dict)

    def as_input(self) -> programmes.ProgrammeInput:
        return programmes.ProgrammeInput(
            description=self.description, lang=self.lang, quiet=self.quiet,
            daily_cap=self.daily_cap, weekly_screen=self.weekly_screen, target=self.target,
            schedules=dict(self.schedules))


@api.get("/programmes", response_model=list[ProgrammeOut],
         summary="Programmes, with how many patients follow each")
def api_programmes(_: ApiOperator, session: SessionDep) -> list[dict[str, Any]]:
    counts = programmes.patient_counts(session)
    return [programmes.programme_json(p, counts.get(p.id, 0))
            for p in programmes.list_programmes(session)]


@api.post("/programmes", status_code=201, response_model=ProgrammeOut,
         summary="Create a programme")
def api_programme_add(body: ProgrammeBody, principal: ApiOperator, session: SessionDep,
                      now: NowDep) -> dict[str, Any]:
    if not body.name:
        raise CoachError("name is required")
    programme = programmes.add_programme(session, body.name, body.as_input(), now=now)
    data = programmes.programme_json(programme, 0)
    audit.record(session, principal, "programme.add", f"programme:{programme.id}", after=data,
                 now=now)
    session.commit()
    return data


@api.get("/programmes/{ref}", response_model=ProgrammeDetail,
         summary="One programme, with its overview figures")
def api_programme(ref: str, _: ApiOperator, session: SessionDep, now: NowDep) -> dict[str, Any]:
    programme = programmes.get_programme(session, ref)
    data = programmes.programme_json(programme,
                                     programmes.patient_counts(session).get(programme.id, 0))
    figures = overview.programme_overview(session, programme.id, now=now)
    figures.pop("charts")
    return data | {"overview": figures}


@api.patch("/programmes/{ref}", response_model=ProgrammeSetOut,
           summary="Change a programme; answers with a preview of what its patients would get")
def api_programme_set(ref: str, body: ProgrammeBody, principal: ApiOperator,
                      session: SessionDep, now: NowDep) -> dict[str, Any]:
    programme = programmes.get_programme(session, ref)
    before, after = programmes.set_programme(session, programme, body.as_input(), now=now)
    if before != after:
        audit.record(session, principal, "programme.set", f"programme:{programme.id}",
                     before=before, after=after, now=now)
    preview = programmes.preview_apply(session, programme)
    session.commit()
    return {"programme": after, "preview": preview.to_json()}


@api.get("/programmes/{ref}/preview", response_model=ApplyPreview,
         summary="What applying the programme would change")
def api_programme_preview(ref: str, _: ApiOperator, session: SessionDep) -> dict[str, Any]:
    return programmes.preview_apply(session, programmes.get_programme(session, ref)).to_json()


@api.post("/programmes/{ref}/apply", response_model=ApplyOut,
         summary="Apply the programme to its patients")
def api_programme_apply(ref: str, principal: ApiOperator, session: SessionDep,
                        now: NowDep) -> dict[str, Any]:
    programme = programmes.get_programme(session, ref)
    changed = programmes.apply_to_patients(session, programme, now=now)
    audit.record(session, principal, "programme.apply", f"programme:{programme.id}",
                 after={"patients": changed}, now=now)
    session.commit()
    return {"programme_id": programme.id, "applied": changed}


@pages.get("/programmes", response_class=HTMLResponse)
def programmes_page(request: Request, _: PageViewer, session: SessionDep,
                    now: NowDep) -> HTMLResponse:
    counts = programmes.patient_counts(session)
    rows = [programmes.programme_json(p, counts.get(p.id, 0))
            for p in programmes.list_programmes(session)]
    return _render(request, "programmes.html", {
        "rows": rows, "everyone": overview.programme_overview(session, None, now=now),
        "form": dict(request.query_params)})


def _form_input(description: str, lang: str, quiet: str, daily_cap: str, weekly_screen: str,
                target: str, schedules: dict[str, str]) -> programmes.ProgrammeInput:
    cap = None
    if daily_cap.strip():
        if not daily_cap.strip().isdigit():
            raise CoachError("daily cap must be a whole number")
        cap = int(daily_cap)
    specs: dict[str, dict[str, Any] | None] = {}
    for kind, text in schedules.items():
        specs[kind] = programmes.parse_spec(text) if text.strip() else None
    return programmes.ProgrammeInput(
        description=description, lang=lang or None, quiet=quiet.strip(), daily_cap=cap,
        weekly_screen=weekly_screen == "on", target=target.strip() or "0-3", schedules=specs)


KINDS = ("screen_break", "eye_rest", "relaxation", "check_in", "screen")


async def _schedule_fields(request: Request) -> dict[str, str]:
    form = await request.form()
    return {kind: str(form.get(f"schedule_{kind}", ""))[:120] for kind in KINDS
            if f"schedule_{kind}" in form}


@pages.post("/dashboard/programmes")
async def programme_add_form(
    request: Request, principal: FormOperator, session: SessionDep, now: NowDep,
    name: Annotated[str, Form(max_length=64)],
    description: Annotated[str, Form(max_length=300)] = "",
    lang: Annotated[str, Form(max_length=5)] = "en",
    quiet: Annotated[str, Form(max_length=20)] = "",
    daily_cap: Annotated[str, Form(max_length=5)] = "",
    weekly_screen: Annotated[str, Form(max_length=5)] = "",
    target: Annotated[str, Form(max_length=10)] = "0-3",
) -> Response:
    schedules = await _schedule_fields(request)
    try:
        data = _form_input(description, lang, quiet, daily_cap, weekly_screen, target, schedules)
        data.schedules = {k: v for k, v in data.schedules.items() if v is not None}
        programme = programmes.add_programme(session, name, data, now=now)
    except CoachError as exc:
        session.rollback()
        # Keep what was typed: the form is filled again from the query string.
        from urllib.parse import urlencode

        kept = {"name": name, "description": description, "lang": lang, "quiet": quiet,
                "daily_cap": daily_cap, "weekly_screen": weekly_screen, "target": target}
        kept |= {f"schedule_{k}": v for k, v in schedules.items()}
        return _redirect(f"/programmes?{urlencode(kept)}#add", error=str(exc))
    audit.record(session, principal, "programme.add", f"programme:{programme.id}",
                 after=programmes.programme_json(programme), now=now)
    session.commit()
    return _redirect(f"/programmes/{programme.id}", ok=f"Programme {programme.name} created.")


@pages.get("/programmes/{programme_id}", response_class=HTMLResponse)
def programme_page(request: Request, programme_id: int, _: PageViewer, session: SessionDep,
                   now: NowDep) -> HTMLResponse:
    programme = programmes.get_programme(session, programme_id)
    data = programmes.programme_json(
        programme, programmes.patient_counts(session).get(programme.id, 0))
    return _render(request, "programme.html", {
        "p": data, "specs": {k: programmes.spec_text(v) for k, v in data["schedules"].items()},
        "kinds": KINDS, "figures": overview.programme_overview(session, programme.id, now=now),
        "preview": programmes.preview_apply(session, programme, limit=50),
        "silent": len(nonresponders.find(session, request.app.state.settings, now=now,
                                         programme_id=programme.id)),
    })


@pages.post("/dashboard/programmes/{programme_id}")
async def programme_set_form(
    request: Request, programme_id: int, principal: FormOperator, session: SessionDep,
    now: NowDep,
    description: Annotated[str, Form(max_length=300)] = "",
    lang: Annotated[str, Form(max_length=5)] = "en",
    quiet: Annotated[str, Form(max_length=20)] = "",
    daily_cap: Annotated[str, Form(max_length=5)] = "",
    weekly_screen: Annotated[str, Form(max_length=5)] = "",
    target: Annotated[str, Form(max_length=10)] = "0-3",
) -> Response:
    programme = programmes.get_programme(session, programme_id)
    page = f"/programmes/{programme.id}"
    try:
        data = _form_input(description, lang, quiet, daily_cap, weekly_screen, target,
                           await _schedule_fields(request))
        before, after = programmes.set_programme(session, programme, data, now=now)
    except CoachError as exc:
        session.rollback()
        return _redirect(page + "#edit", error=str(exc))
    if before != after:
        audit.record(session, principal, "programme.set", f"programme:{programme.id}",
                     before=before, after=after, now=now)
    preview = programmes.preview_apply(session, programme)
    session.commit()
    if preview.changing:
        return _redirect(page + "#apply", ok=f"Programme saved. {preview.changing} of its "
                         f"{preview.patients} patients differ from it: review the changes "
                         "below and apply them if you wish.")
    return _redirect(page, ok="Programme saved; its patients already match it.")


@pages.post("/dashboard/programmes/{programme_id}/apply")
def programme_apply_form(programme_id: int, principal: FormOperator, session: SessionDep,
                         now: NowDep) -> Response:
    programme = programmes.get_programme(session, programme_id)
    changed = programmes.apply_to_patients(session, programme, now=now)
    audit.record(session, principal, "programme.apply", f"programme:{programme.id}",
                 after={"patients": changed}, now=now)
    session.commit()
    return _redirect(f"/programmes/{programme.id}", ok=f"Applied to {changed} patient(s).")
