"""The answer catalogue and diary lines for operators.

API: `GET /api/faq/questions` (what is asked most, what went unanswered; `programme`, `days`),
`GET /api/faq/answers` (the catalogue: ids, versions, who approved each text),
`GET /api/patients/{ref}/triggers` (the trigger table behind a patient's weekly line).
Pages: `/faq` and `/patients/{id}/triggers`.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select

from coach import faq, patients
from coach.web.deps import NowDep, SessionDep, SettingsDep
from coach.web.schemas import API_ERRORS, MAX_ID, FaqAnswer, FaqQuestions, TriggerReport
from coach.web.security import ApiOperator, PageViewer
from messages import faq as catalogue
from messages import render

api = APIRouter(prefix="/api", tags=["faq"], responses=API_ERRORS)
pages = APIRouter(include_in_schema=False)


def _programmes(session: Any) -> dict[int, str]:
    from coach.db.clinic import Programme

    return {pid: name for pid, name in session.execute(select(Programme.id, Programme.name))}


@api.get("/faq/questions", response_model=FaqQuestions)
def faq_questions(
    _: ApiOperator,
    session: SessionDep,
    now: NowDep,
    days: Annotated[int, Query(ge=1, le=3660)] = 30,
    programme: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> dict[str, Any]:
    """Questions over the last `days`: counts per answer (most asked first), hand-overs per
    reason, and the latest unanswered questions (newest first). `programme` limits it to the
    patients of one programme."""
    stats = faq.question_stats(session, since=now - timedelta(days=days),
                               programme_id=programme, limit=limit)
    return stats | {"days": days}


@api.get("/faq/answers", response_model=list[FaqAnswer])
def faq_answers(_: ApiOperator) -> list[dict[str, Any]]:
    """Every answer in both languages, with its version and who approved the wording."""
    out = []
    for answer_id in catalogue.answer_ids():
        row: dict[str, Any] = {"id": answer_id}
        for lang in catalogue.LANGS:
            answer = catalogue.answers(lang)[answer_id]
            row[lang] = {
                "text": render(f"faq.answer.{answer_id}", lang, emergency_number="{number}"),
                "version": answer.version,
                "reviewed_by": answer.reviewed_by,
                "paraphrases": len(answer.paraphrases),
            }
        out.append(row)
    return out


@api.get("/patients/{ref}/triggers", response_model=TriggerReport)
def patient_triggers(
    ref: str, _: ApiOperator, session: SessionDep, settings: SettingsDep, now: NowDep
) -> dict[str, Any]:
    """Each tag the patient's notes mention over the last 35 days: rated days with and without
    it, their means, the permutation p-value and whether it passes the rule; `line` is what
    the weekly summary would say (null when nothing passes)."""
    patient = patients.get_patient(session, ref)
    report = faq.trigger_analysis(session, settings, patient, now=now)
    return report.to_json() | {"patient_id": patient.id,
                               "line": faq.trigger_line(report, patient.lang)}


@pages.get("/faq", response_class=HTMLResponse)
def faq_page(
    request: Request,
    _: PageViewer,
    session: SessionDep,
    now: NowDep,
    days: Annotated[int, Query(ge=1, le=3660)] = 30,
    programme: Annotated[int | None, Query(ge=1)] = None,
) -> HTMLResponse:
    from coach.web.routes.dashboard import _render

    stats = faq.question_stats(session, since=now - timedelta(days=days),
                               programme_id=programme, limit=100)
    return _render(request, "faq.html", {
        "stats": stats, "days": days, "programme": programme, "now": now,
        "programmes": _programmes(session), "versions": {
            a.id: a.version for a in catalogue.answers("en").values()},
    })


@pages.get("/patients/{patient_id}/triggers", response_class=HTMLResponse)
def triggers_page(
    request: Request, patient_id: int, _: PageViewer, session: SessionDep,
    settings: SettingsDep, now: NowDep,
) -> HTMLResponse:
    from coach.web.routes.dashboard import _render

    patient = patients.get_patient(session, str(patient_id))
    report = faq.trigger_analysis(session, settings, patient, now=now)
    return _render(request, "triggers.html", {
        "patient": patient, "table": report.to_json(),
        "line": faq.trigger_line(report, patient.lang), "now": now,
    })
