"""Operator accounts on the web: sign-in, revocable sessions, throttling, roles, CSRF, API
tokens, COACH_API_TOKEN; and a walk over every route as anonymous, viewer and operator."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.routing import APIRoute
from sqlalchemy import select, text
from starlette.routing import Mount

from coach import accounts
from coach.db.accounts import ApiToken, Operator, OperatorSession
from coach.db.models import Patient
from tests.fixtures_web import (
    ORIGIN,
    PASSWORD,
    Browser,
    browser_for,
    new_client,
    sign_in,
)
from tests.unit.test_web_support import ALICE, BOB, WebEnv, add_account, enrol, web_env


def test_sign_in_sets_a_session_cookie_with_the_right_flags(web: WebEnv) -> None:
    add_account(web.factory, "kim@clinic.test", "operator")
    client = new_client(web)
    gate = client.get("/patients/1")
    assert gate.status_code == 303 and gate.headers["location"] == "/login?next=/patients/1"
    assert "Sign in" in client.get("/login").text
    done = client.post("/login", data={"email": "Kim@Clinic.test", "password": PASSWORD,
                                       "next": "//evil.example"}, headers=ORIGIN)
    assert done.status_code == 303 and done.headers["location"] == "/"
    cookie = done.headers["set-cookie"]
    assert "coach_session=" in cookie and "HttpOnly" in cookie
    assert "SameSite=lax" in cookie
    assert "Secure" in cookie  # the tests' COACH_PUBLIC_URL is https
    assert client.get("/").status_code == 200
    # Only a hash of the cookie is stored.
    secret = client.cookies["coach_session"]
    with web.session() as session:
        stored = session.scalars(select(OperatorSession.secret_hash)).one()
    assert secret not in stored and stored == accounts.sha256(secret)


def test_cookie_is_not_secure_over_plain_http(tmp_path: Path) -> None:
    with web_env(tmp_path, COACH_PUBLIC_URL="http://testserver") as web:
        add_account(web.factory, "kim@clinic.test", "operator")
        done = new_client(web).post(
            "/login", data={"email": "kim@clinic.test", "password": PASSWORD}, headers=ORIGIN
        )
        assert "Secure" not in done.headers["set-cookie"]


def test_wrong_password_and_unknown_account_read_the_same(web: WebEnv) -> None:
    add_account(web.factory, "kim@clinic.test", "operator")
    client = new_client(web)
    for email in ("kim@clinic.test", "nobody@clinic.test"):
        wrong = client.post("/login", data={"email": email, "password": "guess-guess"},
                            headers=ORIGIN)
        assert wrong.status_code == 303
        page = client.get(wrong.headers["location"]).text
        assert "Wrong email or password." in page
    assert "coach_session" not in client.cookies


def test_cross_site_sign_in_is_refused(web: WebEnv) -> None:
    add_account(web.factory, "kim@clinic.test", "operator")
    cross = new_client(web).post(
        "/login", data={"email": "kim@clinic.test", "password": PASSWORD},
        headers={"Origin": "https://evil.example"},
    )
    assert cross.status_code == 403


def test_logout_revokes_the_session_server_side(operator_client: Browser, web: WebEnv) -> None:
    stolen = operator_client.client.cookies["coach_session"]
    assert operator_client.post("/logout").headers["location"] == "/login"
    replay = new_client(web)
    replay.cookies.set("coach_session", stolen)
    assert replay.get("/").status_code == 303  # the copied cookie no longer works
    with web.session() as session:
        assert session.scalars(select(OperatorSession.revoked_at)).one() is not None


def test_sessions_expire_when_idle_and_after_their_lifetime(
    operator_client: Browser, web: WebEnv
) -> None:
    assert operator_client.get("/").status_code == 200
    web.now += accounts.SESSION_IDLE + timedelta(minutes=1)
    assert operator_client.get("/").status_code == 303


def _locked_out(web: WebEnv, email: str) -> Any:
    """A new account, and a client that has just failed to sign in to it too often."""
    add_account(web.factory, email, "operator")
    client = new_client(web)
    for _ in range(accounts.MAX_FAILURES_PER_ACCOUNT):
        client.post("/login", data={"email": email, "password": "wrong-wrong"}, headers=ORIGIN)
    return client


def test_login_is_throttled_per_account(web: WebEnv) -> None:
    client = _locked_out(web, "kim@clinic.test")
    # Now even the right password is refused for a while...
    blocked = client.post("/login", data={"email": "kim@clinic.test", "password": PASSWORD},
                          headers=ORIGIN)
    assert "coach_session" not in client.cookies
    assert blocked.headers.get("retry-after") == "900"
    assert "Too many failed sign-ins" in client.get(blocked.headers["location"]).text
    # ...and works again once the window has passed.
    web.now += accounts.THROTTLE_WINDOW + timedelta(seconds=1)
    sign_in(web, "kim@clinic.test")


def test_a_password_reset_lifts_the_account_throttle(web: WebEnv) -> None:
    # The refusal says "ask an admin to reset the password": the reset must let them in.
    client = _locked_out(web, "kim@clinic.test")
    blocked = client.post("/login", data={"email": "kim@clinic.test", "password": PASSWORD},
                          headers=ORIGIN)
    assert blocked.headers.get("retry-after") == "900"
    assert "ask an admin to reset" in client.get(blocked.headers["location"]).text
    with web.session() as session:
        kim = accounts.find(session, "kim@clinic.test")
        assert kim is not None
        accounts.change_password(session, kim, "a reset secret phrase", now=web.now)
        session.commit()
    sign_in(web, "kim@clinic.test", "a reset secret phrase")


def test_login_is_throttled_per_address(web: WebEnv) -> None:
    add_account(web.factory, "kim@clinic.test", "operator")
    client = new_client(web)
    for n in range(accounts.MAX_FAILURES_PER_ADDRESS):
        client.post("/login", data={"email": f"guess{n}@clinic.test", "password": "x" * 10},
                    headers=ORIGIN)
    blocked = client.post("/login", data={"email": "kim@clinic.test", "password": PASSWORD},
                          headers=ORIGIN)
    assert blocked.headers.get("retry-after") == "900"
    assert "coach_session" not in client.cookies


def test_password_change_ends_other_sessions(web: WebEnv) -> None:
    add_account(web.factory, "kim@clinic.test", "operator")
    here = sign_in(web, "kim@clinic.test")
    elsewhere = sign_in(web, "kim@clinic.test")
    bad = here.post("/account/password", {"current": "nope", "new": "n" * 12, "confirm": "n" * 12})
    assert "current password is not right" in here.get(bad.headers["location"]).text
    short = here.post("/account/password", {"current": PASSWORD, "new": "short",
                                            "confirm": "short"})
    assert "too short" in here.get(short.headers["location"]).text
    done = here.post("/account/password", {"current": PASSWORD, "new": "a new secret phrase",
                                           "confirm": "a new secret phrase"})
    assert "Password changed" in here.get(done.headers["location"]).text
    assert here.get("/").status_code == 200
    assert elsewhere.get("/").status_code == 303
    sign_in(web, "kim@clinic.test", "a new secret phrase")


def test_a_disabled_account_loses_sessions_and_tokens_at_once(web: WebEnv) -> None:
    token = add_account(web.factory, "kim@clinic.test", "operator")
    browser = sign_in(web, "kim@clinic.test")
    bearer = {"Authorization": f"Bearer {token}"}
    assert new_client(web).get("/api/patients", headers=bearer).status_code == 200
    with web.session() as session:
        accounts.disable(session, accounts.get(session, "kim@clinic.test"), now=web.now)
        session.commit()
    assert browser.get("/").status_code == 303
    assert new_client(web).get("/api/patients", headers=bearer).status_code == 401
    client = new_client(web)
    refused = client.post(
        "/login", data={"email": "kim@clinic.test", "password": PASSWORD}, headers=ORIGIN
    )
    assert "Wrong email or password." in client.get(refused.headers["location"]).text


def test_api_tokens_are_hashed_at_rest_and_carry_the_role(web: WebEnv) -> None:
    viewer = add_account(web.factory, "val@clinic.test", "viewer")
    with web.session() as session:
        hashes = list(session.scalars(select(ApiToken.token_hash)))
        dump = "\n".join(str(row) for row in session.execute(text("SELECT * FROM api_tokens")))
    assert viewer not in dump and accounts.sha256(viewer) in hashes
    client = new_client(web)
    as_viewer = {"Authorization": f"Bearer {viewer}"}
    assert client.get("/api/patients", headers=as_viewer).status_code == 200
    refused = client.post("/api/patients", json={"phone": ALICE, "tz": "UTC"}, headers=as_viewer)
    assert refused.status_code == 403 and "viewer" in refused.json()["detail"]
    assert web.count(Patient) == 0


def test_coach_api_token_is_an_admin(tmp_path: Path) -> None:
    with web_env(tmp_path, role=None, COACH_API_TOKEN="legacy-token") as web:
        admin = {"Authorization": "Bearer legacy-token"}
        assert web.client.post("/api/patients", json={"phone": ALICE, "tz": "UTC"},
                               headers=admin).status_code == 201
        assert web.client.get("/admin/audit", headers=admin).status_code == 200


def test_the_api_does_not_take_the_session_cookie(operator_client: Browser) -> None:
    # With a cookie the JSON API would be open to cross-site requests; it wants a bearer.
    assert operator_client.get("/api/patients").status_code == 401


def test_viewer_sees_pages_but_cannot_change_anything(
    web: WebEnv, viewer_client: Browser
) -> None:
    alice = enrol(web)
    assert viewer_client.get("/").status_code == 200
    assert viewer_client.get(f"/patients/{alice['id']}").status_code == 200
    for path, data in (
        ("/dashboard/patients", {"phone": BOB, "tz": "UTC"}),
        (f"/dashboard/patients/{alice['id']}/pause", {"duration": "2d"}),
        (f"/dashboard/patients/{alice['id']}/send", {"kind": "eye_rest"}),
        ("/dashboard/simulate", {"patient_id": alice["id"], "body": "YES"}),
    ):
        assert viewer_client.post(path, data).status_code == 403, path
    assert web.count(Patient) == 1
    assert web.client.get(f"/api/patients/{alice['id']}").json()["status"] == "pending"


def test_forms_need_the_csrf_token(web: WebEnv, operator_client: Browser) -> None:
    data = {"phone": ALICE, "tz": "UTC"}
    missing = operator_client.client.post("/dashboard/patients", data=data, headers=ORIGIN)
    assert missing.status_code == 403
    forged = operator_client.client.post(
        "/dashboard/patients", data=data | {"csrf_token": "x" * 43}, headers=ORIGIN
    )
    assert forged.status_code == 403
    foreign = operator_client.post("/dashboard/patients", data,
                                   headers={"Origin": "https://evil.example"})
    assert foreign.status_code == 403
    assert web.count(Patient) == 0
    assert operator_client.post("/dashboard/patients", data).status_code == 303
    assert web.count(Patient) == 1


def test_every_form_on_every_page_carries_the_csrf_token(
    web: WebEnv, operator_client: Browser
) -> None:
    alice = enrol(web)
    for path in ("/", f"/patients/{alice['id']}", "/account"):
        html = operator_client.get(path).text
        forms = re.findall(r"<form[^>]*method=\"post\"[^>]*>(.*?)</form>", html, re.S)
        assert forms, path
        for form in forms:
            assert f'name="csrf_token" value="{operator_client.csrf}"' in form, path


def test_audit_page_is_for_admins(
    web: WebEnv, operator_client: Browser, admin_client: Browser
) -> None:
    assert operator_client.get("/admin/audit").status_code == 403
    assert admin_client.get("/admin/audit").status_code == 200


# --- every route, as anonymous, viewer and operator ---------------------------------------------

OPEN = {"/healthz", "/metrics", "/openapi.json", "/login", "/docs"}


def _routes(web: WebEnv) -> list[tuple[str, str]]:
    """(method, path) of every route the app serves. FastAPI 0.16x wraps each included router
    in an `_IncludedRouter` that is no APIRoute: walk into it, or the walk finds two routes."""
    found: list[tuple[str, str]] = []

    def walk(routes: list[Any], prefix: str) -> None:
        for route in routes:
            if isinstance(route, APIRoute):
                for method in sorted((route.methods or set()) - {"HEAD"}):
                    found.append((method, prefix + route.path))
            elif isinstance(route, Mount):
                found.append(("GET", prefix + route.path + "/style.css"))
            elif hasattr(route, "original_router"):  # an included router
                context = getattr(route, "include_context", None)
                walk(route.original_router.routes, prefix + getattr(context, "prefix", ""))
            elif getattr(route, "path", None):  # openapi.json and other starlette routes
                methods = sorted((getattr(route, "methods", None) or {"GET"}) - {"HEAD"})
                found.extend((method, prefix + route.path) for method in methods)

    walk(list(web.app.routes), "")
    # Known routes of every kind, so that the walks below can never again walk nearly nothing.
    for known in (("GET", "/"), ("POST", "/dashboard/patients"), ("POST", "/api/patients"),
                  ("POST", "/review/{item_id}/label"), ("POST", "/dashboard/import"),
                  ("GET", "/admin/audit"), ("POST", "/twilio/inbound")):
        assert known in found, (known, found)
    return found


def _fill(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "1", path)


def test_every_route_refuses_the_anonymous(web: WebEnv, anon_client: object) -> None:
    enrol(web)
    client = new_client(web)
    for method, path in _routes(web):
        url = _fill(path)
        response = client.request(method, url, headers=ORIGIN)
        if path in OPEN or path.startswith("/static"):
            assert response.status_code < 400 or path == "/docs", (method, path)
        elif path.startswith("/twilio/"):
            assert response.status_code in (403, 415), (method, path)  # unsigned
        elif path.startswith("/api/"):
            assert response.status_code == 401, (method, path, response.status_code)
        else:
            assert response.status_code in (303, 401), (method, path, response.status_code)
            if response.status_code == 303:
                assert response.headers["location"].startswith("/login"), (method, path)


@pytest.mark.parametrize("role", ["viewer", "operator"])
def test_every_route_as_viewer_and_operator(web: WebEnv, role: str) -> None:
    enrol(web)
    browser = browser_for(web, role)
    token = add_account(web.factory, f"{role}.script@clinic.test", role)
    bearer = new_client(web)
    bearer.headers["Authorization"] = f"Bearer {token}"
    # Signing out ends the walk's session: do it last.
    for method, path in sorted(_routes(web), key=lambda route: route == ("POST", "/logout")):
        url = _fill(path)
        if path.startswith("/twilio/") or path in OPEN or path.startswith("/static"):
            continue
        safe = method == "GET"
        if path.startswith("/api/"):
            response = bearer.request(method, url, json={})
        else:
            response = browser.client.request(
                method, url, data={"csrf_token": browser.csrf}, headers=ORIGIN
            )
        admin_only = path.startswith(("/admin", "/api/admin"))
        if admin_only:
            assert response.status_code == 403, (role, method, path, response.status_code)
        elif safe or role == "operator" or path in ("/logout", "/account/password"):
            # Allowed: an answer or an input error, never a refusal of the role.
            assert response.status_code != 401, (role, method, path)
            assert response.status_code != 403 or "cannot do this" not in response.text, (
                role, method, path)
            assert response.status_code < 500, (role, method, path)
        else:
            assert response.status_code == 403, (role, method, path, response.status_code)


def test_enrolment_by_a_stale_email_is_normalised(web: WebEnv) -> None:
    add_account(web.factory, "Mixed.Case@Clinic.Test", "viewer")
    with web.session() as session:
        assert session.scalars(select(Operator.email)).all() == [
            "admin@clinic.test", "mixed.case@clinic.test"]
