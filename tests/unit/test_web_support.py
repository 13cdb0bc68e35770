"""Helpers for the web tests (an app on a fresh migrated SQLite file, signed webhooks), and
tests of the small pieces they rely on."""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from unittest import mock
from urllib.parse import urlencode

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from twilio.request_validator import RequestValidator

from coach import accounts
from coach.config import Settings
from coach.db.engine import make_engine, make_session_factory
from coach.db.migrate import upgrade
from coach.web import create_app
from coach.web.deps import utc_now
from coach.web.security import WebhookRejected, parse_form
from coach.web.sparkline import sparkline
from tests import logcheck

with warnings.catch_warnings():
    # starlette nudges towards httpx2, which is not installed here; the client works the same.
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

AUTH_TOKEN = "12345678901234567890123456789012"
PUBLIC_URL = "https://coach.example.org"
ALICE = "+14155550101"
BOB = "+14155550102"
OUR_NUMBER = "+15005550006"
NOW = datetime(2027, 3, 10, 15, 0, tzinfo=UTC)  # a Wednesday, 10:00 in New York
LOCAL = ("127.0.0.1", 50000)


@dataclass
class WebEnv:
    settings: Settings
    factory: sessionmaker[Session]
    client: TestClient
    sends: mock.MagicMock
    alert_notices: mock.MagicMock
    now: datetime = NOW
    app: Any = None
    token: str | None = None  # the bearer `client` sends (None: anonymous)

    def count(self, model: Any, *where: Any) -> int:
        with self.factory() as session:
            return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)

    def session(self) -> Session:
        return self.factory()


def settings_for(tmp_path: Path, **env: str) -> Settings:
    base = {
        "COACH_DATA_DIR": str(tmp_path / "data"),
        "COACH_DATABASE_URL": f"sqlite:///{tmp_path / 'coach.db'}",
        "COACH_PUBLIC_URL": PUBLIC_URL,
        "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
    }
    base.update(env)
    return Settings.from_env({k: v for k, v in base.items() if v != ""})


ADMIN_EMAIL = "admin@clinic.test"


def add_account(
    factory: sessionmaker[Session], email: str, role: str, password: str = "correct horse 1"
) -> str:
    """An account with `password`; returns a new API token for it."""
    with factory() as session:
        operator = accounts.create(session, email, role, password, now=NOW)
        token = accounts.new_token(session, operator, now=NOW)
        session.commit()
    return token


@contextmanager
def web_env(
    tmp_path: Path, *, client: tuple[str, int] = LOCAL, role: str | None = "admin", **env: str
) -> Iterator[WebEnv]:
    """An app on a fresh migrated SQLite file. `client` sends the API token of an account with
    `role` (admin by default: the tests of what routes do need not care who may do it); with
    role=None it is anonymous. See tests/fixtures_web.py for signed-in browser clients."""
    settings = settings_for(tmp_path, **env)
    upgrade(settings.database_url)
    engine = make_engine(settings.database_url)
    factory = make_session_factory(engine)
    app = create_app(settings, factory)
    token = add_account(factory, ADMIN_EMAIL if role == "admin" else f"{role}@clinic.test",
                        role) if role else None
    with (
        mock.patch("coach.enqueue.enqueue_sends", autospec=True) as sends,
        mock.patch("coach.enqueue.enqueue_alert_notifications", autospec=True) as notices,
        TestClient(app, client=client, follow_redirects=False) as test_client,
    ):
        if token:
            test_client.headers["Authorization"] = f"Bearer {token}"
        web = WebEnv(settings, factory, test_client, sends, notices, app=app, token=token)
        app.dependency_overrides[utc_now] = lambda: web.now
        yield web
    engine.dispose()


def signature(url: str, params: Mapping[str, str], token: str = AUTH_TOKEN) -> str:
    return str(RequestValidator(token).compute_signature(url, dict(params)))


def post_signed(
    web: WebEnv,
    path: str,
    params: Mapping[str, str],
    *,
    token: str = AUTH_TOKEN,
    signed_url: str | None = None,
) -> Any:
    url = signed_url if signed_url is not None else PUBLIC_URL + path
    return web.client.post(
        path,
        content=urlencode(params).encode(),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Twilio-Signature": signature(url, params, token),
        },
    )


def sms_params(body: str, *, sid: str | None = None, sender: str = ALICE, **extra: str) -> dict:
    params = {
        "MessageSid": sid or "SM" + "a" * 32,
        "AccountSid": "AC" + "0" * 32,
        "From": sender,
        "To": OUR_NUMBER,
        "Body": body,
        "NumMedia": "0",
    }
    params.update(extra)
    logcheck.remember(body)
    return params


_sid_counter = iter(range(1, 10**9))


def new_sid(prefix: str = "SM") -> str:
    return f"{prefix}{next(_sid_counter):032x}"


def enrol(web: WebEnv, phone: str = ALICE, name: str = "Alice", **extra: Any) -> dict:
    response = web.client.post(
        "/api/patients", json={"phone": phone, "tz": "America/New_York", "name": name} | extra
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


def opt_in(web: WebEnv, phone: str = ALICE) -> None:
    response = post_signed(web, "/twilio/inbound", sms_params("YES", sid=new_sid(), sender=phone))
    assert response.status_code == 200, response.text


# --- the small pieces ----------------------------------------------------------------------


def test_parse_form_reads_urlencoded_utf8() -> None:
    form = parse_form(urlencode({"Body": "ojo izquierdo 😖 & más", "From": ALICE}).encode())
    assert form == {"Body": "ojo izquierdo 😖 & más", "From": ALICE}


@pytest.mark.parametrize(
    "raw",
    [
        b"\xff\xfe\x00binary",  # not ASCII
        b"Body=%ff%fe",  # percent-escapes that are not UTF-8
        b"Body=a&Body=b",  # Twilio never repeats a field
        b"no-equals-sign",
        b"Bo%00dy=a",  # a NUL in a field name
    ],
)
def test_parse_form_refuses_what_is_not_a_twilio_form(raw: bytes) -> None:
    with pytest.raises(WebhookRejected) as caught:
        parse_form(raw)
    assert caught.value.status == 400


def test_parse_form_keeps_a_nul_inside_a_value_for_the_signature_check() -> None:
    assert parse_form(b"Body=a%00b") == {"Body": "a\x00b"}


def test_parse_form_keeps_an_empty_body() -> None:
    assert parse_form(b"Body=&NumMedia=1") == {"Body": "", "NumMedia": "1"}


def test_sparkline_scales_severity_to_the_box() -> None:
    line = sparkline([0, None, 10, 5], width=100, height=50, pad=5)
    assert line is not None
    xs = [x for x, _, _ in line.dots]
    ys = {value: y for _, y, value in line.dots}
    assert xs == [5.0, 50.0, 95.0]  # the entry without a severity is left out
    assert ys[0] == 45.0 and ys[10] == 5.0 and ys[5] == 25.0
    assert line.points.split() == ["5.0,45.0", "50.0,5.0", "95.0,25.0"]


def test_sparkline_of_nothing_is_none() -> None:
    assert sparkline([None, None]) is None
    single = sparkline([3], width=100, height=50, pad=5)
    assert single is not None and single.dots[0][0] == 50.0
