"""The web app under a real uvicorn on a free loopback port, signed with the real Twilio
RequestValidator, on SQLite and on PostgreSQL, with a real Redis for /healthz."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import httpx
import pytest
from twilio.request_validator import RequestValidator

from coach.db.migrate import upgrade
from tests import logcheck
from tests.servers import ROOT, free_port

pytestmark = pytest.mark.integration

AUTH_TOKEN = "f" * 32
ALICE = "+14155550101"
OUR_NUMBER = "+15005550006"
START_TIMEOUT = 30.0


ADMIN_EMAIL = "live.admin@clinic.test"
ADMIN_PASSWORD = "live admin password"


@dataclass
class LiveServer:
    url: str
    database_url: str
    proc: subprocess.Popen[bytes]
    log_path: Path
    token: str = ""  # an admin account's API token; client() sends it

    def client(self, *, anonymous: bool = False, **kwargs: object) -> httpx.Client:
        # trust_env=False: loopback must not go through any proxy the machine has set.
        headers = {} if anonymous or not self.token else {
            "Authorization": f"Bearer {self.token}"}
        return httpx.Client(base_url=self.url, trust_env=False, timeout=15, headers=headers,
                            **kwargs)  # type: ignore[arg-type]

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-4000:]


@contextlib.contextmanager
def live_server(tmp_path: Path, **env: str) -> Iterator[LiveServer]:
    """uvicorn running `coach.web:create_app` with settings from the environment only."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    data_dir = tmp_path / "data"
    child_env = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": str(ROOT),
        "COACH_DATA_DIR": str(data_dir),
        "COACH_DATABASE_URL": f"sqlite:///{data_dir / 'coach.db'}",
        "COACH_PUBLIC_URL": url,
        "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
        "COACH_BROKER_URL": "memory://",
    }
    child_env.update(env)
    database_url = child_env["COACH_DATABASE_URL"]
    data_dir.mkdir(parents=True, exist_ok=True)
    upgrade(database_url)
    token = _admin_token(database_url)
    log_path = tmp_path / "uvicorn.log"
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--factory", "coach.web:create_app",
             "--host", "127.0.0.1", "--port", str(port), "--log-level", "info"],
            cwd=ROOT, env=child_env, stdout=log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True,
        )
    server = LiveServer(url, database_url, proc, log_path, token)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        with server.client() as client:
            while True:
                if proc.poll() is not None:
                    pytest.fail(f"uvicorn exited early:\n{server.log()}", pytrace=False)
                with contextlib.suppress(httpx.TransportError):
                    if client.get("/healthz").status_code in (200, 503):
                        break
                if time.monotonic() > deadline:
                    pytest.fail(f"uvicorn did not start:\n{server.log()}", pytrace=False)
                time.sleep(0.1)
        yield server
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=5)


def _admin_token(database_url: str) -> str:
    """An admin account (ADMIN_EMAIL / ADMIN_PASSWORD) and an API token for it."""
    from datetime import UTC, datetime

    from coach import accounts
    from coach.db.engine import make_engine, make_session_factory

    engine = make_engine(database_url)
    try:
        with make_session_factory(engine)() as session:
            now = datetime.now(UTC)
            operator = accounts.create(session, ADMIN_EMAIL, "admin", ADMIN_PASSWORD, now=now)
            token = accounts.new_token(session, operator, now=now)
            session.commit()
    finally:
        engine.dispose()
    return token


_sids = iter(range(1, 10**9))


def sid() -> str:
    return f"SM{next(_sids):032x}"


def post_signed(
    server: LiveServer, path: str, params: dict[str, str], token: str = AUTH_TOKEN
) -> httpx.Response:
    signature = RequestValidator(token).compute_signature(server.url + path, params)
    with server.client() as client:
        return client.post(
            path,
            content=urlencode(params),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "X-Twilio-Signature": signature,
            },
        )


def sms(body: str, message_sid: str | None = None) -> dict[str, str]:
    logcheck.remember(body)
    return {
        "MessageSid": message_sid or sid(),
        "AccountSid": "AC" + "0" * 32,
        "From": ALICE,
        "To": OUR_NUMBER,
        "Body": body,
        "NumMedia": "0",
    }


def reply_of(response: httpx.Response) -> str:
    message = ET.fromstring(response.text).find("Message")
    return "" if message is None or message.text is None else message.text


def enrol(server: LiveServer) -> dict[str, object]:
    with server.client() as client:
        response = client.post(
            "/api/patients", json={"phone": ALICE, "tz": "America/Chicago", "name": "Alice"}
        )
    assert response.status_code == 201, response.text
    return dict(response.json())


def conversation(server: LiveServer) -> None:
    """Enrol, opt in, report a red flag twice (one Twilio retry): the checks both backends share."""
    patient = enrol(server)
    assert patient["status"] == "pending"
    yes = post_signed(server, "/twilio/inbound", sms("yes"))
    assert yes.status_code == 200
    assert yes.headers["content-type"].startswith("application/xml")
    assert "Welcome" in reply_of(yes)

    red_flag = sms("I can't swallow and my face is drooping")
    first = post_signed(server, "/twilio/inbound", red_flag)
    retry = post_signed(server, "/twilio/inbound", red_flag)
    assert first.status_code == retry.status_code == 200
    assert "911" in reply_of(first)
    with server.client() as client:
        alerts = client.get("/api/alerts", params={"status": "open"}).json()
        inbound = [m for m in client.get("/api/messages").json() if m["direction"] == "in"]
    assert len(alerts) == 1 and alerts[0]["level"] == "emergency"
    assert len(inbound) == 2

    forged = post_signed(server, "/twilio/inbound", sms("STOP"), token="e" * 32)
    assert forged.status_code == 403
    with server.client() as client:
        assert client.get(f"/api/patients/{patient['id']}").json()["status"] == "active"


def test_webhooks_and_api_over_real_http_on_sqlite(tmp_path: Path) -> None:
    with live_server(tmp_path) as server:
        conversation(server)
        with server.client() as client:
            metrics = client.get("/metrics").text
            health = client.get("/healthz")
        assert 'coach_red_flags_total{level="emergency"} 1.0' in metrics
        assert 'coach_inbound_messages_total{outcome="duplicate"} 1.0' in metrics
        assert health.json() == {"status": "ok", "database": "ok", "broker": "ok"}
        log = server.log()
    assert ALICE not in log
    assert "swallow and" not in log and "drooping" not in log


def test_webhooks_and_api_over_real_http_on_postgres(tmp_path: Path, pg_database: str) -> None:
    with live_server(tmp_path, COACH_DATABASE_URL=pg_database) as server:
        conversation(server)


def test_oversized_and_binary_bodies_over_real_http(tmp_path: Path) -> None:
    with live_server(tmp_path) as server, server.client() as client:
        huge = client.post(
            "/twilio/inbound",
            content=b"Body=" + b"x" * (1024 * 1024),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        assert huge.status_code == 413
        binary = client.post(
            "/twilio/inbound",
            content=bytes(range(256)) * 8,
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        assert binary.status_code == 400
        assert client.get("/api/messages").json() == []


def test_status_callback_over_real_http(tmp_path: Path) -> None:
    with live_server(tmp_path) as server:
        unknown = post_signed(
            server, "/twilio/status", {"MessageSid": sid(), "MessageStatus": "delivered"}
        )
        assert unknown.status_code == 200
        with server.client() as client:
            assert client.get("/api/messages").json() == []


def test_healthz_reports_a_real_redis_broker(tmp_path: Path, redis_url: str) -> None:
    with live_server(tmp_path, COACH_BROKER_URL=redis_url) as server, server.client() as client:
        assert client.get("/healthz").json() == {
            "status": "ok", "database": "ok", "broker": "ok"
        }


def test_api_token_over_real_http(tmp_path: Path) -> None:
    with live_server(tmp_path, COACH_API_TOKEN="live-token") as server, \
            server.client(anonymous=True) as client:
        assert client.get("/api/patients").status_code == 401
        ok = client.get("/api/patients", headers={"Authorization": "Bearer live-token"})
        assert ok.status_code == 200 and ok.json() == []


def test_dns_rebinding_is_refused_over_real_http(tmp_path: Path) -> None:
    with live_server(tmp_path) as server, server.client() as client:
        port = server.url.rsplit(":", 1)[1]
        assert client.get("/healthz", headers={"Host": f"localhost:{port}"}).status_code == 200
        for path in ("/healthz", "/api/patients", "/", "/metrics"):
            rebound = client.get(path, headers={"Host": f"rebind.example:{port}"})
            assert rebound.status_code == 400, path
