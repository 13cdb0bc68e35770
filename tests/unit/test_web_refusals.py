"""Every state-changing route, walked with requests that would work for an operator: a viewer
changes nothing (not one row, not one audit entry), a cross-site form post is refused on every
form route, and the JSON API never takes the session cookie. The same requests sent by an
operator do change things, so the refusals are the roles' and the CSRF checks' doing."""

from __future__ import annotations

import re
from typing import Any

import pytest
from sqlalchemy import inspect, select, text
from sqlalchemy.orm import Session, sessionmaker

from coach.db.accounts import AuditEntry
from coach.db.models import Patient
from tests.fixtures_web import BASE_URL, ORIGIN, browser_for, new_client
from tests.unit.test_review_web import suspected_item
from tests.unit.test_web_accounts import _routes
from tests.unit.test_web_support import (
    BOB,
    WebEnv,
    add_account,
    enrol,
    new_sid,
    opt_in,
    post_signed,
    sms_params,
)

CSV = b"phone,tz,lang,name,programme\n+14155550103,America/Chicago,en,Cara,standard\n"
# Columns a request may touch only to say who is signed in and when they were last seen.
BOOKKEEPING = {"operators": {"last_login_at"}, "api_tokens": {"last_used_at"},
               "operator_sessions": {"last_seen_at"}}


def clinic(web: WebEnv) -> dict[str, int]:
    """A patient in a programme, opted in, with a schedule, an open alert and a review item."""
    assert web.client.post("/api/programmes", json={"name": "standard", "target": "0-3"}
                           ).status_code == 201
    patient = enrol(web)
    opt_in(web)
    assert web.client.put(f"/api/patients/{patient['id']}/schedules/eye_rest",
                          json={"every": "45min", "between": "09:00-17:00"}).status_code == 200
    assert post_signed(web, "/twilio/inbound", sms_params(
        "my face is drooping on one side", sid=new_sid())).status_code == 200
    (alert,) = web.client.get("/api/alerts", params={"status": "open"}).json()
    return {"patient": patient["id"], "alert": alert["id"], "item": suspected_item(web),
            "programme": 1}


def form_requests(ids: dict[str, int]) -> dict[str, dict[str, Any]]:
    """For each dashboard form route: a request an operator's browser would send."""
    p, a, i, g = ids["patient"], ids["alert"], ids["item"], ids["programme"]
    return {
        "/dashboard/patients": {"data": {"phone": BOB, "tz": "UTC", "name": "Bo"}},
        f"/dashboard/alerts/{a}/ack": {"data": {"by": "Kim"}},
        f"/dashboard/patients/{p}/schedules": {"data": {"kind": "relaxation", "at": "13:00"}},
        f"/dashboard/patients/{p}/schedules/eye_rest/delete": {"data": {}},
        f"/dashboard/patients/{p}/pause": {"data": {"duration": "2d"}},
        f"/dashboard/patients/{p}/resume": {"data": {}},
        f"/dashboard/patients/{p}/send": {"data": {"kind": "eye_rest"}},
        "/dashboard/simulate": {"data": {"patient_id": str(p), "body": "STOP"}},
        "/dashboard/import": {"data": {}, "files": {"file": ("c.csv", CSV, "text/csv")}},
        "/dashboard/import/nojob/run": {"data": {}},
        "/dashboard/programmes": {"data": {"name": "evening", "target": "0-4"}},
        f"/dashboard/programmes/{g}": {"data": {"name": "standard", "target": "0-2"}},
        f"/dashboard/programmes/{g}/apply": {"data": {}},
        f"/review/{i}/label": {"data": {"no_red_flag": "1"}},
        "/account/password": {"data": {"current": "correct horse 1", "new": "n" * 14,
                                       "confirm": "n" * 14}},
        "/logout": {"data": {}},
    }


def api_requests(ids: dict[str, int]) -> list[tuple[str, str, dict[str, Any]]]:
    p, a, i, g = ids["patient"], ids["alert"], ids["item"], ids["programme"]
    return [
        ("POST", "/api/patients", {"json": {"phone": BOB, "tz": "UTC"}}),
        ("POST", f"/api/patients/{p}/pause", {"json": {"duration": "2d"}}),
        ("POST", f"/api/patients/{p}/resume", {"json": {}}),
        ("PUT", f"/api/patients/{p}/schedules/relaxation", {"json": {"at": "13:00"}}),
        ("DELETE", f"/api/patients/{p}/schedules/eye_rest", {}),
        ("POST", f"/api/patients/{p}/send", {"json": {"kind": "eye_rest"}}),
        ("POST", f"/api/alerts/{a}/ack", {"json": {"by": "Kim"}}),
        ("POST", f"/api/review/{i}/label", {"json": {"no_red_flag": True}}),
        ("POST", "/api/import", {"content": CSV, "headers": {"Content-Type": "text/csv"}}),
        ("POST", "/api/programmes", {"json": {"name": "evening"}}),
        ("PATCH", f"/api/programmes/{g}", {"json": {"target": "0-2"}}),
        ("POST", f"/api/programmes/{g}/apply", {"json": {}}),
    ]


def dump(factory: sessionmaker[Session]) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, bookkeeping columns left out."""
    with factory() as session:
        schema = inspect(session.connection())  # one connection: SQLite here locks per writer
        found: dict[str, list[tuple[Any, ...]]] = {}
        for table in schema.get_table_names():
            if table == "alembic_version":
                continue
            columns = [c["name"] for c in schema.get_columns(table)
                       if c["name"] not in BOOKKEEPING.get(table, set())]
            quoted = ", ".join(f'"{c}"' for c in columns)
            rows = session.execute(text(f'SELECT {quoted} FROM "{table}" ORDER BY 1'))
            found[table] = [tuple(row) for row in rows]
    return found


def _covers_every_state_changing_route(web: WebEnv, sent: list[tuple[str, str]]) -> None:
    """The requests below reach every non-GET route but the webhooks and sign-in: a new route
    must be added here, or this fails."""
    def matches(template: str, path: str) -> bool:
        return re.fullmatch(re.sub(r"\{[^}]+\}", "[^/]+", template), path) is not None

    for method, template in _routes(web):
        if method == "GET" or template.startswith("/twilio/") or template == "/login":
            continue
        assert any(m == method and matches(template, path) for m, path in sent), (
            f"no request for {method} {template}")


def test_a_viewer_changes_nothing_on_any_route(web: WebEnv) -> None:
    ids = clinic(web)
    viewer = browser_for(web, "viewer")
    bearer = new_client(web)
    bearer.headers["Authorization"] = "Bearer " + add_account(
        web.factory, "viewer.script@clinic.test", "viewer")
    forms, api = form_requests(ids), api_requests(ids)
    _covers_every_state_changing_route(
        web, [("POST", path) for path in forms] + [(m, path) for m, path, _ in api])
    before = dump(web.factory)
    web.sends.reset_mock()
    for path, request in forms.items():
        if path in ("/logout", "/account/password"):
            continue  # any account may sign itself out and change its own password
        response = viewer.post(path, **request)
        assert response.status_code == 403 and "viewer" in response.text, (path, response.text)
    for method, path, request in api:
        response = bearer.request(method, path, **request)
        assert response.status_code == 403 and "viewer" in response.text, (method, path)
    # Reading is allowed, and reading changes nothing either.
    for method, template in _routes(web):
        if method == "GET" and not template.startswith("/static"):
            path = template.replace("{ref}", "1").replace("{job_id}", "nojob")
            path = re.sub(r"\{[^}]+\}", "1", path)
            client = bearer if path.startswith("/api/") else viewer.client
            assert client.get(path).status_code < 500, path
    assert dump(web.factory) == before
    with web.session() as session:
        assert not session.scalars(select(AuditEntry).where(
            AuditEntry.actor.like("viewer%"))).all()
    web.sends.assert_not_called()
    # The same requests from an operator do change things: the refusals were the role's.
    operator = browser_for(web, "operator")
    for path in ("/dashboard/patients", f"/dashboard/alerts/{ids['alert']}/ack",
                 f"/review/{ids['item']}/label"):
        assert operator.post(path, **forms[path]).status_code == 303, path
    assert web.count(Patient) == 2
    with web.session() as session:
        done = set(session.scalars(select(AuditEntry.action).where(
            AuditEntry.actor == operator.email)))
    assert {"patient.enrol", "alert.ack", "review.label"} <= done


CROSS_SITE = {
    "foreign Origin": {"Origin": "https://evil.example"},
    "foreign Referer, no Origin": {"Referer": "https://evil.example/page"},
    "no Origin or Referer": {},
    "opaque Origin": {"Origin": "null"},
    "look-alike Origin": {"Origin": BASE_URL + ".evil.example"},
}


@pytest.mark.parametrize("how", sorted(CROSS_SITE))
def test_every_form_route_refuses_a_cross_site_post(web: WebEnv, how: str) -> None:
    ids = clinic(web)
    operator = browser_for(web, "operator")
    before = dump(web.factory)
    forms = form_requests(ids)
    for path, request in forms.items():
        data = {"csrf_token": operator.csrf} | request["data"]  # even with the right token
        response = operator.client.post(path, data=data, files=request.get("files"),
                                        headers=CROSS_SITE[how])
        assert response.status_code == 403, (how, path, response.status_code)
    sign_in = new_client(web).post("/login", data={"email": operator.email,
                                                   "password": "correct horse 1"},
                                   headers=CROSS_SITE[how])
    assert sign_in.status_code == 403 and "coach_session" not in sign_in.cookies
    assert dump(web.factory) == before
    assert operator.get("/").status_code == 200  # still signed in: /logout was refused too


def test_every_form_route_wants_the_csrf_token_even_from_our_own_origin(web: WebEnv) -> None:
    ids = clinic(web)
    operator = browser_for(web, "operator")
    before = dump(web.factory)
    for path, request in form_requests(ids).items():
        for token in (None, "x" * 43):
            data = request["data"] | ({"csrf_token": token} if token else {})
            response = operator.client.post(path, data=data, files=request.get("files"),
                                            headers=ORIGIN)
            assert response.status_code == 403, (path, token, response.status_code)
    assert dump(web.factory) == before


def test_the_api_never_takes_the_session_cookie(web: WebEnv) -> None:
    """A cookie would open the JSON API to other sites' pages: every API route wants a bearer,
    whatever the cookie's role, with or without the CSRF token."""
    ids = clinic(web)
    admin = browser_for(web, "admin")
    before = dump(web.factory)
    for method, path, request in api_requests(ids):
        headers = ORIGIN | {"X-CSRF-Token": admin.csrf} | request.get("headers", {})
        response = admin.client.request(method, path, **{k: v for k, v in request.items()
                                                         if k != "headers"}, headers=headers)
        assert response.status_code == 401, (method, path, response.status_code)
    assert dump(web.factory) == before
