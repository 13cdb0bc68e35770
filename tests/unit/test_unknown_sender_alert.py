"""A red flag from a number nobody enrolled still opens an alert: the operator taking it must
see the number to call back (the inbox showed only "unknown sender")."""

from __future__ import annotations

from tests.fixtures_web import Browser
from tests.unit.test_web_support import WebEnv, enrol, new_sid, post_signed, sms_params

STRANGER = "+14155550177"


def test_an_unknown_senders_alert_shows_the_number_to_call_back(
    web: WebEnv, viewer_client: Browser
) -> None:
    enrol(web)
    for sender in (STRANGER, "+14155550101"):
        response = post_signed(web, "/twilio/inbound", sms_params(
            "my face is drooping on one side", sid=new_sid(), sender=sender))
        assert response.status_code == 200 and "911" in response.text
    rows = web.client.get("/api/alerts").json()
    by_patient = {row["patient_id"]: row for row in rows}
    assert by_patient[None]["sender"] == STRANGER
    assert by_patient[1]["sender"] is None  # a patient's number is on their own page
    page = viewer_client.get("/").text
    assert "unknown sender" in page and STRANGER in page
