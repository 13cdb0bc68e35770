"""The review queue on the web: `/api/review` (list, one item, label) and the dashboard page
`/review` (newest first, suspected codes, a form to mark the right codes or "no red flag").
Every label is audited."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session

from coach import audit, review
from coach.accounts import Principal
from coach.errors import CoachError
from coach.web.deps import NowDep, SessionDep
from coach.web.schemas import API_ERRORS, MAX_ID
from coach.web.security import ApiOperator, FormOperator, PageViewer

api = APIRouter(prefix="/api/review", tags=["review"], responses=API_ERRORS)
ItemId = Annotated[int, Path(ge=1, le=MAX_ID)]
pages = APIRouter(include_in_schema=False)


class ReviewLabelIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    red_flags: list[str] = Field(default_factory=list, max_length=8,
                                 examples=[["weakness", "speech"]])
    no_red_flag: bool = False
    command: str | None = Field(default=None, max_length=16)


class ReviewOut(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: int
    patient_id: int | None
    text: str | None
    lang: str
    reason: str
    suspected: list[str]
    scores: dict[str, float]
    dialogue: str
    question: str | None
    status: str
    label: dict[str, Any] | None
    labelled_by: str | None
    created_at: str | None


def _label(
    session: Session, item_id: int, principal: Principal, now: datetime, *,
    red_flags: list[str], no_red_flag: bool, command: str | None,
) -> dict[str, Any]:
    item = review.get_item(session, item_id)
    before = review.item_json(item)["label"]
    item = review.label(session, item_id, red_flags=red_flags, no_red_flag=no_red_flag,
                        command=command, by=principal.name, now=now)
    data = review.item_json(item)
    audit.record(session, principal, "review.label", f"review:{item_id}",
                 {"label": before}, {"label": data["label"]}, now=now)
    session.commit()
    return data


@api.get("", response_model=list[ReviewOut])
def list_review(
    _: ApiOperator,
    session: SessionDep,
    status: Annotated[str, Query(pattern="^(open|labelled|all)$")] = "open",
    limit: Annotated[int, Query(ge=1, le=review.MAX_LIST)] = 100,
    before: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
) -> list[ReviewOut]:
    """Newest first; page back with `before` (the last id you saw)."""
    items = review.list_items(session, status=status, limit=limit, before=before)
    return [ReviewOut.model_validate(review.item_json(i)) for i in items]


@api.get("/{item_id}", response_model=ReviewOut)
def get_review(item_id: ItemId, _: ApiOperator, session: SessionDep) -> ReviewOut:
    return ReviewOut.model_validate(review.item_json(review.get_item(session, item_id)))


@api.post("/{item_id}/label", response_model=ReviewOut)
def label_review(
    item_id: ItemId, body: ReviewLabelIn, principal: ApiOperator, session: SessionDep, now: NowDep
) -> ReviewOut:
    data = _label(session, item_id, principal, now, red_flags=body.red_flags,
                  no_red_flag=body.no_red_flag, command=body.command)
    return ReviewOut.model_validate(data)


@pages.get("/review", response_class=HTMLResponse)
def review_page(
    request: Request,
    _: PageViewer,
    session: SessionDep,
    now: NowDep,
    status: Annotated[str, Query(pattern="^(open|labelled|all)$")] = "open",
) -> HTMLResponse:
    from coach.web.routes.dashboard import _render

    items = [review.item_json(i) for i in review.list_items(session, status=status, limit=200)]
    return _render(request, "review.html", {
        "items": items, "status": status, "codes": review.CODES, "now": now,
    })


@pages.post("/review/{item_id}/label")
def review_label_form(
    item_id: int,
    principal: FormOperator,
    session: SessionDep,
    now: NowDep,
    codes: Annotated[list[str] | None, Form()] = None,
    no_red_flag: Annotated[str | None, Form()] = None,
    status: Annotated[str, Form(pattern="^(open|labelled|all)$")] = "open",
) -> RedirectResponse:
    from coach.web.routes.dashboard import _redirect

    back = f"/review?status={status}#item-{item_id}" if status != "open" else "/review"
    try:
        data = _label(session, item_id, principal, now, red_flags=codes or [],
                      no_red_flag=bool(no_red_flag), command=None)
    except CoachError as exc:
        return _redirect(back, error=f"Review item {item_id}: {exc}")
    label = ", ".join(data["label"]["red_flags"]) or "no red flag"
    return _redirect(back, ok=f"Review item {item_id} labelled: {label}.")
