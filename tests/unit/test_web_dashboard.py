"""The operator dashboard: pages, PRG forms, the same-origin check, login, the simulator."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from coach.db.models import Alert, Message, Patient
from tests.unit.test_web_support import (
    ALICE,
    BOB,
    PUBLIC_URL,
    WebEnv,
    enrol,
    new_sid,
    opt_in,
    post_signed,
    sms_params,
    web_env,
)

SAME = {"Origin": "http://testserver"}


@pytest.fixture
def web(tmp_path: Path) -> Iterator[WebEnv]:
    with web_env(tmp_path) as env:
        yield env


def form_post(web: WebEnv, path: str, data: dict, headers: dict | None = None) -> Any:
    return web.client.post(path, data=data, headers=SAME if headers is None else headers)


def follow(web: WebEnv, response: Any) -> str:
    assert response.status_code == 303, response.text
    page = web.client.get(response.headers["location"])
    assert page.status_code == 200
    return str(page.text)


def banner(html: str) -> tuple[str, str] | None:
    found = re.search(r'class="banner banner-(\w+)"[^>]*>([^<]*)<', html)
    return (found.group(1), found.group(2)) if found else None


def raise_alert(web: WebEnv, text: str = "my whole face went numb", phone: str = ALICE) -> None:
    post_signed(web, "/twilio/inbound", sms_params(text, sid=new_sid(), sender=phone))


def test_home_shows_the_inbox_patients_and_enrol_form(web: WebEnv) -> None:
    enrol(web)
    html = web.client.get("/").text
    assert "Alert inbox" in html and "No open alerts." in html
    assert "Alice" in html and "pending" in html
    assert 'action="/dashboard/patients"' in html
    assert html.index('id="alerts"') < html.index('id="patients"')


def test_alerts_are_newest_first_with_level_codes_and_message(web: WebEnv) -> None:
    enrol(web)
    enrol(web, phone=BOB, name="Bob")
    opt_in(web)
    opt_in(web, BOB)
    raise_alert(web, "I can't see properly out of one eye", ALICE)
    web.now += timedelta(minutes=5)
    raise_alert(web, "my face is drooping on one side", BOB)
    html = web.client.get("/").text
    assert html.index("drooping") < html.index("see properly")
    assert "level-emergency" in html and "level-urgent" in html
    assert "<code>weakness</code>" in html and "<code>vision</code>" in html
    assert html.count(">Acknowledge</button>") == 2
    assert "2 open" in html


def test_enrol_through_the_form(web: WebEnv) -> None:
    response = form_post(
        web, "/dashboard/patients",
        {"phone": "415 555 0101", "name": "Alice", "tz": "America/New_York", "lang": "es",
         "quiet": "22:00-07:00"},
    )
    assert response.headers["location"] == "/patients/1"
    html = follow(web, response)
    assert banner(html) is not None and banner(html)[0] == "ok"  # type: ignore[index]
    assert "Enrolled Alice #1" in html
    with web.session() as session:
        patient = session.scalars(select(Patient)).one()
        assert (patient.phone, patient.lang, patient.quiet_start) == (ALICE, "es", "22:00")
    web.sends.assert_called_once()
    # The banner shows once, not on the next visit.
    assert banner(web.client.get("/patients/1").text) is None


def test_enrol_error_shows_a_banner_and_stores_nothing(web: WebEnv) -> None:
    response = form_post(web, "/dashboard/patients", {"phone": "12", "tz": "America/New_York"})
    html = follow(web, response)
    kind_text = banner(html)
    assert kind_text is not None and kind_text[0] == "error"
    assert "phone" in kind_text[1]
    assert web.count(Patient) == 0


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        {"Referer": "https://evil.example/testserver/"},
    ],
)
def test_cross_site_posts_are_refused(web: WebEnv, headers: dict) -> None:
    response = form_post(
        web, "/dashboard/patients", {"phone": ALICE, "tz": "America/New_York"}, headers
    )
    assert response.status_code == 403
    assert web.count(Patient) == 0


def test_same_origin_referer_or_public_origin_is_accepted(web: WebEnv) -> None:
    by_referer = form_post(
        web, "/dashboard/patients", {"phone": ALICE, "tz": "UTC"},
        {"Referer": "http://testserver/"},
    )
    assert by_referer.status_code == 303
    by_public = form_post(
        web, "/dashboard/patients", {"phone": BOB, "tz": "UTC"}, {"Origin": PUBLIC_URL}
    )
    assert by_public.status_code == 303
    assert web.count(Patient) == 2


def test_acknowledge_from_the_inbox(web: WebEnv) -> None:
    enrol(web)
    opt_in(web)
    raise_alert(web)
    with web.session() as session:
        alert_id = session.scalars(select(Alert.id)).one()
    response = form_post(
        web, f"/dashboard/alerts/{alert_id}/ack", {"by": "Carol", "next": "/#alerts"}
    )
    assert response.headers["location"] == "/#alerts"
    html = follow(web, response)
    assert f"Alert #{alert_id} acknowledged by Carol" in html
    assert "No open alerts." in html
    with web.session() as session:
        alert = session.get(Alert, alert_id)
        assert alert is not None and (alert.status, alert.acknowledged_by) == (
            "acknowledged", "Carol"
        )
    # The operator's name is remembered for the next alert.
    assert "Acknowledged by Carol" in web.client.get("/?alerts_shown=all").text


def test_acknowledge_refuses_an_offsite_next(web: WebEnv) -> None:
    enrol(web)
    opt_in(web)
    raise_alert(web)
    response = form_post(web, "/dashboard/alerts/1/ack", {"by": "Carol", "next": "//evil.example"})
    assert response.headers["location"] == "/"


def test_patient_page_schedules_preview_and_errors(web: WebEnv) -> None:
    alice = enrol(web)
    page = f"/patients/{alice['id']}"
    saved = form_post(
        web, page.replace("/patients", "/dashboard/patients") + "/schedules",
        {"kind": "eye_rest", "every": "2h", "between": "09:00-17:00", "days": "mon-fri"},
    )
    html = follow(web, saved)
    assert "Schedule eye_rest saved." in html
    assert "eye_rest every 2h between 09:00-17:00" in html
    assert "Starts once they reply YES." in html  # preview for a pending patient
    assert "Wed 10 Mar 11:00" in html  # next slot, in the patient's zone
    bad = form_post(
        web, f"/dashboard/patients/{alice['id']}/schedules", {"kind": "eye_rest", "every": "x"}
    )
    kind_text = banner(follow(web, bad))
    assert kind_text is not None and kind_text[0] == "error"
    removed = form_post(web, f"/dashboard/patients/{alice['id']}/schedules/eye_rest/delete", {})
    assert "Schedule eye_rest removed." in follow(web, removed)
    assert web.client.get("/patients/999").status_code == 404


def test_pause_resume_and_send_from_the_patient_page(web: WebEnv) -> None:
    alice = enrol(web)
    opt_in(web)
    base = f"/dashboard/patients/{alice['id']}"
    assert "Reminders paused for 2d." in follow(web, form_post(web, base + "/pause",
                                                                {"duration": "2d"}))
    assert web.client.get(f"/api/patients/{alice['id']}").json()["status"] == "paused"
    assert "Reminders resumed." in follow(web, form_post(web, base + "/resume", {}))
    web.sends.reset_mock()
    assert "A relaxation reminder is queued." in follow(
        web, form_post(web, base + "/send", {"kind": "relaxation"})
    )
    web.sends.assert_called_once()
    bad = follow(web, form_post(web, base + "/pause", {"duration": "whenever"}))
    assert banner(bad) is not None and banner(bad)[0] == "error"  # type: ignore[index]


def test_diary_table_and_sparkline(web: WebEnv) -> None:
    alice = enrol(web)
    opt_in(web)
    for severity in (3, 7, 5):
        web.now += timedelta(hours=6)
        post_signed(web, "/twilio/inbound", sms_params(f"twitching {severity}/10", sid=new_sid()))
    html = web.client.get(f"/patients/{alice['id']}").text
    last30 = html.split("Severity, last 30 days", 1)[1].split("</svg>", 1)[0]
    assert "<polyline" in last30 and last30.count("<circle") == 3
    assert "7/10" in html and "twitching 7/10" in html


def test_simulator_runs_the_webhook_path(web: WebEnv) -> None:
    alice = enrol(web)
    page = web.client.get(f"/patients/{alice['id']}").text
    assert "Phone simulator" in page
    assert "invited" in page.lower() or "YES" in page  # the invitation in the thread
    reply = form_post(web, "/dashboard/simulate", {"patient_id": alice["id"], "body": "YES"})
    assert reply.headers["location"] == f"/patients/{alice['id']}#phone"
    html = follow(web, reply)
    assert "Immediate reply: Welcome" in html
    assert web.client.get(f"/api/patients/{alice['id']}").json()["status"] == "active"
    with web.session() as session:
        inbound = session.scalars(select(Message).where(Message.direction == "in")).one()
        assert re.fullmatch(r"in:SM[0-9a-f]{32}", inbound.dedupe_key or "")
    red = follow(web, form_post(web, "/dashboard/simulate",
                                {"patient_id": alice["id"], "body": "I can't breathe"}))
    assert web.settings.emergency_number in (banner(red) or ("", ""))[1]
    assert web.count(Alert) == 1
    web.alert_notices.assert_called_once()
    assert 'coach_inbound_messages_total{outcome="simulated"} 2.0' in web.client.get(
        "/metrics"
    ).text


def test_simulator_is_absent_with_twilio(tmp_path: Path) -> None:
    with web_env(
        tmp_path, TWILIO_ACCOUNT_SID="AC" + "1" * 32, TWILIO_FROM_NUMBER="+15005550006"
    ) as web:
        alice = enrol(web)
        assert "Phone simulator" not in web.client.get(f"/patients/{alice['id']}").text
        response = form_post(web, "/dashboard/simulate", {"patient_id": alice["id"], "body": "x"})
        assert response.status_code == 404
        assert web.count(Message, Message.direction == "in") == 0


def test_patient_text_is_escaped(web: WebEnv) -> None:
    alice = enrol(web, name="<script>alert(1)</script>")
    opt_in(web)
    post_signed(web, "/twilio/inbound", sms_params("<img src=x onerror=alert(2)> 3/10",
                                                   sid=new_sid()))
    for path in ("/", f"/patients/{alice['id']}"):
        html = web.client.get(path).text
        assert "<script>alert(1)" not in html and "<img src=x" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_error_pages_are_html_for_browsers(web: WebEnv) -> None:
    response = web.client.get("/patients/42", headers={"Accept": "text/html"})
    assert response.status_code == 404
    assert "text/html" in response.headers["content-type"]
    assert "unknown patient: 42" in response.text
    assert web.client.get("/patients/42").json() == {"detail": "unknown patient: 42"}


# Sign-in, sessions, roles and CSRF: tests/unit/test_web_accounts.py.
