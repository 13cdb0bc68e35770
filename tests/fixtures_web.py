"""Web fixtures: an app on a fresh database, and clients signed in as each role.

    def test_something(web, operator_client, viewer_client, anon_client): ...

- `web`: a `WebEnv` (tests/unit/test_web_support.py) whose `web.client` sends an admin's API
  token as a bearer; use it to set things up through the API.
- `operator_client`, `viewer_client`, `admin_client`: a `Browser` signed in through the real
  /login form with a session cookie. `browser.post(path, data)` adds the CSRF token and a
  same-site Origin, as a browser posting one of our forms would; `browser.client` is the bare
  TestClient (cookie only) for requests that should be refused.
- `anon_client`: a TestClient with no credentials at all, on loopback.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.unit.test_web_support import LOCAL, WebEnv, add_account, web_env

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

PASSWORD = "correct horse 1"
# The tests' COACH_PUBLIC_URL is https, so the session cookie is Secure: browse over https.
BASE_URL = "https://testserver"
ORIGIN = {"Origin": BASE_URL}
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@dataclass
class Browser:
    client: TestClient
    email: str
    role: str
    csrf: str

    def get(self, path: str, **kwargs: Any) -> Any:
        return self.client.get(path, **kwargs)

    def post(self, path: str, data: dict[str, Any] | None = None, **kwargs: Any) -> Any:
        """A form post from one of our pages: CSRF token and same-site Origin included."""
        headers = ORIGIN | dict(kwargs.pop("headers", {}) or {})
        return self.client.post(
            path, data={"csrf_token": self.csrf} | (data or {}), headers=headers, **kwargs
        )


def new_client(web: WebEnv) -> TestClient:
    return TestClient(web.app, base_url=BASE_URL, client=LOCAL, follow_redirects=False)


def sign_in(web: WebEnv, email: str, password: str = PASSWORD, role: str = "") -> Browser:
    client = new_client(web)
    response = client.post(
        "/login", data={"email": email, "password": password, "next": "/"}, headers=ORIGIN
    )
    assert response.status_code == 303 and response.headers["location"] == "/", response.text
    assert "coach_session" in client.cookies, "sign-in did not set the session cookie"
    page = client.get("/account")
    assert page.status_code == 200, page.text
    found = _CSRF.search(page.text)
    assert found, "no CSRF token on the account page"
    return Browser(client, email, role, found.group(1))


def browser_for(web: WebEnv, role: str) -> Browser:
    email = f"{role}.browser@clinic.test"
    add_account(web.factory, email, role, PASSWORD)
    return sign_in(web, email, PASSWORD, role)


@pytest.fixture
def web(tmp_path: Path) -> Iterator[WebEnv]:
    with web_env(tmp_path) as env:
        yield env


@pytest.fixture
def anon_client(web: WebEnv) -> TestClient:
    return new_client(web)


@pytest.fixture
def viewer_client(web: WebEnv) -> Browser:
    return browser_for(web, "viewer")


@pytest.fixture
def operator_client(web: WebEnv) -> Browser:
    return browser_for(web, "operator")


@pytest.fixture
def admin_client(web: WebEnv) -> Browser:
    return browser_for(web, "admin")
