"""A reviewer's leftovers on the dashboard: what anonymous visitors see, the words error pages
use, HTML (not JSON) error pages for browsers, and alerts from senders nobody enrolled."""

from __future__ import annotations

import re
from typing import Any

from tests.fixtures_web import Browser

NAV_LINKS = ("/patients", "/import", "/programmes", "/review", "/nonresponders", "/faq")


def _nav(html: str) -> str:
    found = re.search(r"<nav>(.*?)</nav>", html, re.S)
    return found.group(1) if found else ""


def test_the_login_page_shows_no_navigation_to_anonymous_visitors(anon_client: Any) -> None:
    page = anon_client.get("/login")
    assert page.status_code == 200
    assert "<nav>" not in page.text
    for link in NAV_LINKS:
        assert f'href="{link}"' not in page.text, link
    assert 'name="password"' in page.text


def test_signed_in_pages_keep_the_navigation(operator_client: Browser) -> None:
    page = operator_client.get("/patients")
    assert page.status_code == 200
    nav = _nav(page.text)
    for link in NAV_LINKS:
        assert f'href="{link}"' in nav, link


def test_an_error_page_keeps_the_navigation_for_a_signed_in_operator(
    operator_client: Browser,
) -> None:
    page = operator_client.get("/import/no-such-job", headers={"Accept": "text/html"})
    assert page.status_code == 404
    assert 'href="/patients"' in _nav(page.text)


HTML = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}


def test_a_form_that_fails_validation_gets_an_html_page(operator_client: Browser) -> None:
    page = operator_client.post("/review/1/label", {"status": "bogus"}, headers=HTML)
    assert page.status_code == 422
    assert page.headers["content-type"].startswith("text/html")
    assert "<!doctype html>" in page.text and '"detail"' not in page.text
    assert "status:" in page.text  # the field, in words
    assert 'href="/"' in page.text


def test_an_oversized_form_gets_an_html_page(operator_client: Browser) -> None:
    page = operator_client.post("/dashboard/patients", {"name": "x" * (2 << 20)}, headers=HTML)
    assert page.status_code == 413
    assert page.headers["content-type"].startswith("text/html")
    assert "<!doctype html>" in page.text and "MiB" in page.text


def test_the_api_keeps_json_errors_even_for_a_browser(web: Any) -> None:
    invalid = web.client.get("/api/messages?limit=0", headers=HTML)
    assert invalid.status_code == 422
    assert invalid.json()["detail"][0]["loc"] == ["query", "limit"]
    huge = web.client.post("/api/patients", content=b"x" * (2 << 20),
                           headers=HTML | {"Content-Type": "application/json"})
    assert huge.status_code == 413
    assert huge.json()["detail"].startswith("request body too large")


def _flash_after(browser: Browser, response: Any) -> str:
    assert response.status_code == 303, response.text
    page = browser.get(response.headers["location"].split("#")[0])
    found = re.search(r'id="flash">(.*?)</div>', page.text, re.S)
    assert found, "no flash banner"
    return found.group(1)


def test_schedule_errors_name_the_dashboards_fields_not_cli_flags(
    web: Any, operator_client: Browser
) -> None:
    patient = web.client.post("/api/patients", json={"phone": "+14155550140", "tz": "UTC"})
    assert patient.status_code == 201, patient.text
    path = f"/dashboard/patients/{patient.json()['id']}/schedules"
    both = operator_client.post(path, {"kind": "eye_rest", "every": "45min", "at": "09:00"})
    text = _flash_after(operator_client, both)
    assert "--" not in text, text
    assert "“Every”" in text and "“At”" in text, text
    long = operator_client.post(path, {"kind": "eye_rest", "every": "30h"})
    text = _flash_after(operator_client, long)
    assert "--at" not in text and "“At”" in text, text


def test_operator_words_keeps_ordinary_dashes() -> None:
    from coach.web.routes.dashboard import operator_words

    assert operator_words("give --every or --at") == "give “Every” or “At”"
    assert operator_words("--spread goes with --at") == "“spread” goes with “At”"
    assert operator_words("09:00-17:00 -- fine, 2027-03-14") == "09:00-17:00 -- fine, 2027-03-14"


UNKNOWN = "+12025550177"


def test_the_on_call_page_for_an_unknown_sender_names_the_masked_number_and_what_to_do(
    factory: Any, settings: Any
) -> None:
    from datetime import timedelta

    from coach import alerts, inbound
    from coach.db.engine import transaction
    from coach.db.models import Message
    from coach.inbound import InboundSms
    from tests.fixtures_db import T0

    sms = InboundSms(sid="SM" + "7" * 32, from_number=UNKNOWN, to_number=None,
                     body="my husband's face is drooping")
    with transaction(factory) as s:
        out = inbound.handle_inbound(s, settings, sms, now=T0)
    assert out.alerts
    with transaction(factory) as s:
        first = alerts.notify(s, settings, out.alerts[0], now=T0)
        later = alerts.notify(s, settings, out.alerts[0], now=T0 + timedelta(hours=1))
    assert first is not None and later is not None
    with factory() as s:
        pages = [s.get_one(Message, first).body, s.get_one(Message, later).body]
    for page in pages:
        assert "***77" in page, page  # the number's last digits: which alert this is
        assert UNKNOWN not in page and "2025550177" not in page  # never the full number
        assert "not enrolled" in page and "Call back" in page and "enrol" in page, page
        assert "drooping" not in page  # never the sender's words
        assert "patient unknown" not in page


def test_the_dashboard_offers_to_call_back_or_enrol_an_unknown_sender(
    web: Any, operator_client: Browser
) -> None:
    from tests.unit.test_web_support import new_sid, post_signed, sms_params

    reply = post_signed(web, "/twilio/inbound",
                        sms_params("I can't swallow", sid=new_sid(), sender=UNKNOWN))
    assert reply.status_code == 200
    page = operator_client.get("/")
    assert page.status_code == 200
    assert f'href="tel:{UNKNOWN}"' in page.text
    # The link names the alert, never the number (browser history, proxy and access logs).
    assert "/?phone=" not in page.text
    link = re.search(r'href="(/\?enrol_alert=\d+)#enrol"', page.text)
    assert link is not None, page.text
    prefilled = operator_client.get(link.group(1))
    assert f'name="phone" required placeholder="+1 415 555 0101" maxlength="40" value="{UNKNOWN}"' \
        in prefilled.text
