"""Host and Origin allow-lists: DNS rebinding is refused on every route, loopback included."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.web.security import host_allowed, origin_allowed
from tests.fixtures_web import Browser, new_client
from tests.unit.test_web_accounts import _fill, _routes
from tests.unit.test_web_support import (
    ALICE,
    WebEnv,
    enrol,
    post_signed,
    settings_for,
    sms_params,
    web_env,
)

EVIL = {"Host": "evil.example:8000"}


def test_a_foreign_host_gets_400_on_every_route(web: WebEnv) -> None:
    enrol(web)
    # web.client carries an admin's token and sits on loopback: neither helps a rebinding page.
    for method, path in _routes(web):
        response = web.client.request(method, _fill(path), headers=EVIL)
        assert response.status_code == 400, (method, path, response.status_code)
        assert "Host" in response.text
    signed = post_signed(web, "/twilio/inbound", sms_params("hi"))
    assert signed.status_code == 200
    web.client.headers["Host"] = "evil.example"
    assert post_signed(web, "/twilio/inbound", sms_params("hi")).status_code == 400


def test_rebinding_cannot_use_a_signed_in_browser(web: WebEnv, operator_client: Browser) -> None:
    assert operator_client.get("/").status_code == 200
    refused = operator_client.post(
        "/dashboard/patients", {"phone": ALICE, "tz": "UTC"},
        headers={"Host": "rebind.attacker.example", "Origin": "http://rebind.attacker.example"},
    )
    assert refused.status_code == 400
    assert operator_client.get("/api/patients", headers={"Host": "attacker.example"}
                               ).status_code == 400


def test_pages_cannot_be_framed_or_sniffed(web: WebEnv, operator_client: Browser) -> None:
    # A framed dashboard would let another site trick a signed-in operator into a click.
    enrol(web)
    for path in ("/", "/patients/1", "/login", "/static/style.css", "/healthz", "/nope"):
        response = operator_client.get(path)
        assert response.headers.get("x-frame-options") == "DENY", path
        assert response.headers.get("content-security-policy") == "frame-ancestors 'none'", path
        assert response.headers.get("x-content-type-options") == "nosniff", path
        assert response.headers.get("referrer-policy") == "same-origin", path
    assert web.client.get("/api/patients").headers.get("x-frame-options") == "DENY"
    # The webhook's TwiML is for Twilio: answered as before.
    signed = post_signed(web, "/twilio/inbound", sms_params("hi"))
    assert signed.status_code == 200 and "x-frame-options" not in signed.headers


def test_hosts_that_are_ours_are_served(tmp_path: Path) -> None:
    with web_env(tmp_path, COACH_ALLOWED_HOSTS="coach.internal, 10.0.0.5:8443") as web:
        for host in ("testserver", "coach.example.org", "coach.example.org:443",
                     "COACH.example.org", "coach.internal", "coach.internal:9000",
                     "10.0.0.5:8443"):
            assert web.client.get("/healthz", headers={"Host": host}).status_code == 200, host
        for host in ("10.0.0.5:9999", "coach.example.org.evil.example", "", "a b",
                     "coach.example.org@evil.example"):
            assert web.client.get("/healthz", headers={"Host": host}).status_code == 400, host


def test_a_foreign_origin_cannot_change_anything_even_with_a_token(web: WebEnv) -> None:
    refused = web.client.post(
        "/api/patients", json={"phone": ALICE, "tz": "UTC"},
        headers={"Origin": "https://evil.example"},
    )
    assert refused.status_code == 403
    assert web.client.get("/api/patients").json() == []
    # Scripts send no Origin; our own pages send ours.
    assert web.client.post("/api/patients", json={"phone": ALICE, "tz": "UTC"},
                           headers={"Origin": "https://coach.example.org"}).status_code == 201
    # Reading is not a change: a foreign Origin on GET still needs the Host to be ours.
    assert web.client.get("/api/patients", headers={"Origin": "https://evil.example"}
                          ).status_code == 200


def test_anonymous_client_with_a_foreign_host_learns_nothing(web: WebEnv) -> None:
    response = new_client(web).get("/api/patients", headers=EVIL)
    assert response.status_code == 400 and "patients" not in response.text


LOOPBACK = ("127.0.0.1", 8000)


@pytest.mark.parametrize(
    ("host", "server", "ok"),
    [
        ("127.0.0.1:8000", LOOPBACK, True),
        ("localhost:8000", LOOPBACK, True),
        ("[::1]:8000", LOOPBACK, True),
        ("localhost:8001", LOOPBACK, False),
        ("evil.example:8000", LOOPBACK, False),  # DNS rebinding to 127.0.0.1
        ("127.0.0.1.nip.io:8000", LOOPBACK, False),
        ("192.168.1.20:8000", ("192.168.1.20", 8000), True),  # bound to a LAN address
        ("localhost:8000", ("192.168.1.20", 8000), False),
        ("coach.example.org", LOOPBACK, True),  # behind a TLS proxy
        ("coach.example.org:8443", LOOPBACK, False),
    ],
)
def test_host_allow_list(tmp_path: Path, host: str, server: tuple[str, int], ok: bool) -> None:
    settings = settings_for(tmp_path)  # COACH_PUBLIC_URL=https://coach.example.org
    assert host_allowed(host, settings, server, "http") is ok


def test_origin_allow_list(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    assert origin_allowed("https://coach.example.org", settings, LOOPBACK)
    assert origin_allowed("http://127.0.0.1:8000", settings, LOOPBACK)
    assert not origin_allowed("https://evil.example", settings, LOOPBACK)
    assert not origin_allowed("null", settings, LOOPBACK)
    assert not origin_allowed("file://", settings, LOOPBACK)
