"""Sign-in, sign-out, the account page (password change) and the admins' audit log page."""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from coach import accounts, audit
from coach.errors import CoachError
from coach.web.deps import FactoryDep, NowDep, SettingsDep
from coach.web.routes.dashboard import _redirect, _render, _safe_next
from coach.web.security import (
    SESSION_COOKIE,
    FormAny,
    PageAdmin,
    PageViewer,
    client_address,
    resolve_principal,
    same_origin,
    secure_cookies,
)

log = logging.getLogger(__name__)
router = APIRouter(include_in_schema=False)


@router.get("/login", response_class=HTMLResponse)
def login_page(
    request: Request, settings: SettingsDep, factory: FactoryDep, now: NowDep, next: str = "/"
) -> Response:
    if resolve_principal(request, settings, factory, now, cookie_ok=True) is not None:
        return RedirectResponse(_safe_next(next), status_code=303)
    return _render(request, "login.html", {"next": _safe_next(next)})


@router.post("/login")
def login(
    request: Request,
    settings: SettingsDep,
    factory: FactoryDep,
    now: NowDep,
    email: Annotated[str, Form(max_length=254)] = "",
    password: Annotated[str, Form(max_length=accounts.MAX_PASSWORD)] = "",
    next: Annotated[str, Form(max_length=500)] = "/",
) -> Response:
    if not same_origin(request, settings):
        raise HTTPException(403, "cross-site form post refused (missing or foreign Origin)")
    target = _safe_next(next)
    retry = f"/login?next={target}"
    address = client_address(request)
    with factory() as session:
        try:
            operator = accounts.authenticate(
                session, email, password, address=address, now=now
            )
        except accounts.Throttled as exc:
            log.warning("sign-in throttled")
            response = _redirect(retry, error=str(exc))
            response.headers["Retry-After"] = str(exc.retry_after)
            return response
        if operator is None:
            session.commit()  # the failure counts
            log.warning("sign-in refused")
            return _redirect(retry, error="Wrong email or password.")
        secret, _ = accounts.start_session(session, operator, now=now)
        session.commit()
    response = _redirect(target)
    response.set_cookie(
        SESSION_COOKIE,
        secret,
        httponly=True,
        samesite="lax",
        secure=secure_cookies(settings),
        max_age=int(accounts.SESSION_LIFETIME.total_seconds()),
        path="/",
    )
    return response


@router.post("/logout")
def logout(principal: FormAny, factory: FactoryDep, now: NowDep) -> Response:
    if principal.session_id is not None:
        with factory() as session:
            accounts.end_session(session, principal.session_id, now=now)
            session.commit()
    response = _redirect("/login", ok="Signed out.")
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.get("/account", response_class=HTMLResponse)
def account_page(request: Request, principal: PageViewer) -> HTMLResponse:
    return _render(request, "account.html", {"principal": principal})


@router.post("/account/password")
def change_password(
    principal: FormAny,
    factory: FactoryDep,
    now: NowDep,
    current: Annotated[str, Form(max_length=accounts.MAX_PASSWORD)] = "",
    new: Annotated[str, Form(max_length=accounts.MAX_PASSWORD)] = "",
    confirm: Annotated[str, Form(max_length=accounts.MAX_PASSWORD)] = "",
) -> Response:
    if principal.operator_id is None:
        return _redirect("/account", error="COACH_API_TOKEN has no password to change.")
    if new != confirm:
        return _redirect("/account", error="The new passwords do not match.")
    with factory() as session:
        operator = session.get(accounts.Operator, principal.operator_id)
        if operator is None or not accounts.verify_password(operator.password_hash, current):
            return _redirect("/account", error="The current password is not right.")
        try:
            accounts.change_password(
                session, operator, new, now=now, keep_session=principal.session_id
            )
        except CoachError as exc:
            return _redirect("/account", error=str(exc))
        audit.record(session, principal, "user.password", f"user:{operator.email}", now=now)
        session.commit()
    return _redirect("/account", ok="Password changed; your other sessions were signed out.")


@router.get("/admin/audit", response_class=HTMLResponse)
def audit_page(
    request: Request,
    _: PageAdmin,
    factory: FactoryDep,
    before: Annotated[int | None, Query(ge=1)] = None,
    action: Annotated[str, Query(max_length=64)] = "",
) -> HTMLResponse:
    with factory() as session:
        rows = [audit.entry_json(e) for e in audit.entries(
            session, limit=100, before_id=before, action=action or None)]
    return _render(
        request,
        "audit.html",
        {"entries": rows, "action": action,
         "older": rows[-1]["id"] if len(rows) == 100 else None},
    )
