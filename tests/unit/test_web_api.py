"""The REST API under /api: service errors as 4xx, the operator token, the contract shapes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from coach.db.models import Message
from tests.unit.test_web_support import (
    ALICE,
    BOB,
    WebEnv,
    enrol,
    new_sid,
    opt_in,
    post_signed,
    sms_params,
    web_env,
)

ISO_UTC = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z")


@pytest.fixture
def web(tmp_path: Path) -> Iterator[WebEnv]:
    with web_env(tmp_path) as env:
        yield env


def test_enrol_returns_a_pending_patient_and_enqueues_the_invitation(web: WebEnv) -> None:
    patient = enrol(web, phone="(415) 555-0101", name="Alice")
    assert patient["status"] == "pending"
    assert patient["phone"] == ALICE
    with web.session() as session:
        invitation = session.scalars(select(Message).where(Message.direction == "out")).one()
    assert invitation.kind == "invitation"
    web.sends.assert_called_once_with([invitation.id])


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ({"phone": "12", "tz": "America/New_York"}, "phone"),
        ({"phone": ALICE, "tz": "Mars/Olympus"}, "time zone"),
        ({"phone": ALICE, "tz": "UTC", "lang": "fr"}, "language"),
        ({"phone": ALICE, "tz": "UTC", "quiet": "late"}, "quiet"),
    ],
)
def test_bad_enrolment_is_422_with_a_readable_detail(
    web: WebEnv, body: dict, fragment: str
) -> None:
    response = web.client.post("/api/patients", json=body)
    assert response.status_code == 422
    assert fragment in response.json()["detail"]
    assert web.client.get("/api/patients").json() == []
    web.sends.assert_not_called()


def test_enrolling_the_same_phone_twice_is_409(web: WebEnv) -> None:
    enrol(web)
    response = web.client.post("/api/patients", json={"phone": ALICE, "tz": "UTC"})
    assert response.status_code == 409
    assert "already enrolled" in response.json()["detail"]
    assert ALICE not in response.json()["detail"]  # the phone is masked there too


def test_list_and_get_patients(web: WebEnv) -> None:
    alice = enrol(web)
    bob = enrol(web, phone=BOB, name="Bob")
    listed = web.client.get("/api/patients").json()
    assert [p["id"] for p in listed] == [alice["id"], bob["id"]]
    assert web.client.get(f"/api/patients/{bob['id']}").json()["name"] == "Bob"
    assert web.client.get("/api/patients/999").status_code == 404
    assert web.client.get("/api/patients/999").json() == {"detail": "unknown patient: '999'"}


def test_pause_and_resume(web: WebEnv) -> None:
    alice = enrol(web)
    opt_in(web)
    paused = web.client.post(f"/api/patients/{alice['id']}/pause", json={"duration": "2d"})
    assert paused.status_code == 200
    assert paused.json()["status"] == "paused"
    assert paused.json()["paused_until"] == (web.now + timedelta(days=2)).isoformat().replace(
        "+00:00", "Z"
    )
    resumed = web.client.post(f"/api/patients/{alice['id']}/resume")
    assert resumed.json()["status"] == "active"
    forever = web.client.post(f"/api/patients/{alice['id']}/pause")
    assert forever.json()["status"] == "paused" and forever.json()["paused_until"] is None
    bad = web.client.post(f"/api/patients/{alice['id']}/pause", json={"duration": "soon"})
    assert bad.status_code == 422 and isinstance(bad.json()["detail"], str)


def test_schedules_put_list_delete(web: WebEnv) -> None:
    alice = enrol(web)
    base = f"/api/patients/{alice['id']}/schedules"
    put = web.client.put(
        base + "/eye_rest", json={"every": "90min", "between": "09:00-17:00", "days": "mon-fri"}
    )
    assert put.status_code == 200
    assert put.json()["kind"] == "eye_rest"
    assert put.json()["rule"]["window"] == "09:00-17:00"
    web.client.put(base + "/check_in", json={"at": "20:00"})
    assert [s["kind"] for s in web.client.get(base).json()] == ["eye_rest", "check_in"]
    assert web.client.delete(base + "/eye_rest").status_code == 204
    assert web.client.delete(base + "/eye_rest").status_code == 404
    assert [s["kind"] for s in web.client.get(base).json()] == ["check_in"]


@pytest.mark.parametrize(
    "body",
    [{"every": "often"}, {"at": "25:00"}, {"every": "1h", "at": "09:00"}, {}],
)
def test_bad_schedule_is_422(web: WebEnv, body: dict) -> None:
    alice = enrol(web)
    response = web.client.put(f"/api/patients/{alice['id']}/schedules/eye_rest", json=body)
    assert response.status_code == 422
    assert isinstance(response.json()["detail"], str)
    # The reason names the JSON fields the client sent, never the CLI's flags.
    assert "--" not in response.json()["detail"], response.json()


def test_unknown_schedule_kind_is_422(web: WebEnv) -> None:
    alice = enrol(web)
    response = web.client.put(
        f"/api/patients/{alice['id']}/schedules/nap_time", json={"at": "09:00"}
    )
    assert response.status_code == 422


def test_preview_lists_the_next_reminders_in_the_contract_shape(web: WebEnv) -> None:
    alice = enrol(web)
    web.client.put(
        f"/api/patients/{alice['id']}/schedules/eye_rest",
        json={"every": "2h", "between": "09:00-17:00"},
    )
    response = web.client.get(
        f"/api/patients/{alice['id']}/preview",
        params={"from": "2027-03-10T15:30:00Z", "count": 3},
    )
    assert response.status_code == 200
    assert response.json() == [
        {"kind": "eye_rest", "at": "2027-03-10T16:00:00Z", "local": "2027-03-10T11:00:00-05:00"},
        {"kind": "eye_rest", "at": "2027-03-10T18:00:00Z", "local": "2027-03-10T13:00:00-05:00"},
        {"kind": "eye_rest", "at": "2027-03-10T20:00:00Z", "local": "2027-03-10T15:00:00-05:00"},
    ]


def test_preview_refuses_a_naive_start_and_a_silly_count(web: WebEnv) -> None:
    alice = enrol(web)
    url = f"/api/patients/{alice['id']}/preview"
    assert web.client.get(url, params={"from": "2027-03-10T15:30:00"}).status_code == 422
    assert web.client.get(url, params={"count": 0}).status_code == 422
    assert web.client.get(url, params={"from": "yesterday"}).status_code == 422


def test_messages_by_patient(web: WebEnv) -> None:
    alice = enrol(web)
    enrol(web, phone=BOB, name="Bob")
    opt_in(web)
    rows = web.client.get("/api/messages", params={"patient_id": alice["id"]}).json()
    assert {m["patient_id"] for m in rows} == {alice["id"]}
    assert [m["direction"] for m in rows][:2] == ["out", "in"]  # invitation, then YES
    for row in rows:
        assert set(row) >= {"id", "direction", "kind", "status", "provider_sid", "body",
                            "created_at", "sent_at"}
        assert ISO_UTC.fullmatch(row["created_at"])
    assert len(web.client.get("/api/messages").json()) > len(rows)


def test_alerts_list_and_acknowledge(web: WebEnv) -> None:
    enrol(web)
    opt_in(web)
    post_signed(web, "/twilio/inbound", sms_params("I can't see out of my left eye", sid=new_sid()))
    open_alerts = web.client.get("/api/alerts", params={"status": "open"}).json()
    assert len(open_alerts) == 1
    alert = open_alerts[0]
    assert alert["level"] == "urgent" and "vision" in alert["codes"]
    assert alert["message"] == "I can't see out of my left eye"
    acked = web.client.post(f"/api/alerts/{alert['id']}/ack", json={"by": "nurse carol"})
    assert acked.status_code == 200
    assert acked.json()["status"] == "acknowledged"
    assert acked.json()["acknowledged_by"] == "nurse carol"
    assert web.client.get("/api/alerts", params={"status": "open"}).json() == []
    assert len(web.client.get("/api/alerts").json()) == 1
    assert web.client.post("/api/alerts/999/ack", json={"by": "carol"}).status_code == 404
    assert web.client.post(f"/api/alerts/{alert['id']}/ack", json={}).status_code == 422
    assert web.client.get("/api/alerts", params={"status": "bogus"}).status_code == 422


def test_diary(web: WebEnv) -> None:
    alice = enrol(web)
    opt_in(web)
    post_signed(web, "/twilio/inbound", sms_params("twitch 4/10", sid=new_sid()))
    web.now += timedelta(hours=5)
    post_signed(web, "/twilio/inbound", sms_params("better today, 2", sid=new_sid()))
    diary = web.client.get(f"/api/patients/{alice['id']}/diary").json()
    assert [e["severity"] for e in diary] == [4, 2]
    assert all(ISO_UTC.fullmatch(e["at"]) for e in diary)


def test_send_now_queues_and_enqueues_one_reminder(web: WebEnv) -> None:
    alice = enrol(web)
    opt_in(web)
    web.sends.reset_mock()
    response = web.client.post(f"/api/patients/{alice['id']}/send", json={"kind": "eye_rest"})
    assert response.status_code == 201
    message = response.json()
    assert (message["kind"], message["status"], message["direction"]) == (
        "eye_rest", "queued", "out"
    )
    web.sends.assert_called_once_with([message["id"]])
    bad = web.client.post(f"/api/patients/{alice['id']}/send", json={"kind": "nap"})
    assert bad.status_code == 422


def test_openapi_lists_the_api(web: WebEnv) -> None:
    spec = web.client.get("/openapi.json").json()
    paths = spec["paths"]
    for path in (
        "/api/patients",
        "/api/patients/{ref}",
        "/api/patients/{ref}/schedules/{kind}",
        "/api/patients/{ref}/preview",
        "/api/messages",
        "/api/alerts",
        "/api/alerts/{alert_id}/ack",
    ):
        assert path in paths
    assert not any(p.startswith("/twilio") for p in paths)


# --- operator auth ----------------------------------------------------------------------------


def test_token_is_required_when_configured(tmp_path: Path) -> None:
    with web_env(tmp_path, role=None, COACH_API_TOKEN="s3cret-token") as web:
        assert web.client.get("/api/patients").status_code == 401
        assert web.client.get("/api/patients").headers["www-authenticate"] == "Bearer"
        wrong = {"Authorization": "Bearer nope"}
        assert web.client.get("/api/patients", headers=wrong).status_code == 401
        basic = {"Authorization": "Basic czNjcmV0LXRva2Vu"}
        assert web.client.get("/api/patients", headers=basic).status_code == 401
        right = {"Authorization": "Bearer s3cret-token"}
        assert web.client.get("/api/patients", headers=right).status_code == 200
        created = web.client.post(
            "/api/patients", json={"phone": ALICE, "tz": "UTC"}, headers=wrong
        )
        assert created.status_code == 401
        assert web.client.get("/api/patients", headers=right).json() == []
        # Health, metrics and the spec stay open for probes.
        assert web.client.get("/healthz").status_code == 200
        assert web.client.get("/openapi.json").status_code == 200


def test_token_also_works_from_another_machine(tmp_path: Path) -> None:
    with web_env(tmp_path, client=("203.0.113.9", 40000), role=None,
                 COACH_API_TOKEN="tok") as web:
        headers = {"Authorization": "Bearer tok"}
        assert web.client.get("/api/patients", headers=headers).status_code == 200


def test_loopback_without_credentials_gets_nothing(tmp_path: Path) -> None:
    # No token configured and a client on this machine: still 401 (the old "loopback is
    # trusted" rule let any web page the operator visited post to the API).
    with web_env(tmp_path, role=None) as web:
        response = web.client.get("/api/patients")
        assert response.status_code == 401
        assert web.client.post("/api/patients", json={"phone": ALICE, "tz": "UTC"}
                               ).status_code == 401
        assert web.client.get("/").status_code == 303  # to the sign-in page
        # Twilio's webhooks do not depend on the client, only on the signature.
        assert post_signed(web, "/twilio/inbound", sms_params("hi", sid=new_sid())).status_code \
            == 200


def test_unencodable_input_is_a_422_that_echoes_nothing(web: WebEnv) -> None:
    raw = b'{"phone": "+1 415 555 0101\\ud800", "tz": "America/New_York"}'
    response = web.client.post(
        "/api/patients", content=raw, headers={"Content-Type": "application/json"}
    )
    assert response.status_code in (400, 422)
    assert "555" not in response.text


def test_an_oversized_body_is_refused(web: WebEnv) -> None:
    big = b'{"phone": "' + b"1" * (2 << 20) + b'", "tz": "UTC"}'
    response = web.client.post(
        "/api/patients", content=big, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413
    assert len(response.content) < 200


def test_out_of_range_values_are_4xx(web: WebEnv) -> None:
    assert web.client.post("/api/alerts/99999999999999999999999/ack", json={"by": "x"}
                           ).status_code in (404, 422)
    web.client.post("/api/patients", json={"phone": "+14155550101", "tz": "America/New_York"})
    web.client.put("/api/patients/1/schedules/eye_rest", json={"every": "1h"})
    for edge in ("9999-12-31T23:59:00Z", "0001-01-01T00:00:00Z"):
        response = web.client.get("/api/patients/1/preview", params={"from": edge})
        assert response.status_code in (200, 422), edge  # an answer, never a 500
    late = web.client.get("/api/patients/1/preview", params={"from": "9999-12-31T23:59:00Z"})
    assert late.status_code == 422 and "out of range" in late.text
