"""The real twilio SDK, through TwilioBackend, against Prism serving Twilio's own OpenAPI spec:
Prism checks each request against the spec the way Twilio documents it."""

from __future__ import annotations

import logging

import pytest
from twilio.base.exceptions import TwilioRestException
from twilio.rest import Client

from coach.sms.base import OutgoingSms, SmsError
from coach.sms.twilio import LocalApiHttpClient, TwilioBackend, classify_error

pytestmark = pytest.mark.integration

ACCOUNT = "AC" + "0" * 32
SERVICE = "MG" + "1" * 32
BOB = "+15555550177"


def twilio(prism_url: str, *, messaging_service_sid: str | None = None) -> TwilioBackend:
    return TwilioBackend(
        account_sid=ACCOUNT,
        auth_token="Prism checks that there is one, not its value",
        from_number=None if messaging_service_sid else "+15555550100",
        messaging_service_sid=messaging_service_sid,
        api_url=prism_url,
    )


def test_send_returns_a_message_sid(prism_url: str) -> None:
    result = twilio(prism_url).send(OutgoingSms(to=BOB, body="Screen break: stand up and stretch."))
    assert result.provider_sid.startswith("SM")
    assert len(result.provider_sid) == 34
    assert result.status == "queued"


def test_send_with_messaging_service_and_status_callback(prism_url: str) -> None:
    backend = twilio(prism_url, messaging_service_sid=SERVICE)
    sms = OutgoingSms(to=BOB, body="hi", status_callback="https://coach.example/twilio/status")
    assert backend.send(sms).provider_sid.startswith("SM")


def test_request_the_spec_rejects_is_permanent(prism_url: str) -> None:
    # Twilio's spec says StatusCallback is a URI: Prism answers 422, as Twilio would say 400.
    sms = OutgoingSms(to=BOB, body="hi", status_callback="not a url")
    with pytest.raises(SmsError) as caught:
        twilio(prism_url).send(sms)
    assert caught.value.permanent
    assert "422" in str(caught.value)


def test_missing_to_is_rejected_and_permanent(prism_url: str) -> None:
    client = Client(ACCOUNT, "not-checked", http_client=LocalApiHttpClient(prism_url))
    with pytest.raises(TwilioRestException) as caught:
        # The SDK sends To as given; an empty value is left out of the form, as if missing.
        client.messages.create(to=None, from_="+15555550100", body="hi")
    assert caught.value.status == 422
    error = classify_error(caught.value)
    assert error.permanent
    assert error.code is None


def test_no_credentials_is_401_and_permanent(prism_url: str) -> None:
    http = LocalApiHttpClient(prism_url)
    response = http.request(
        "POST",
        f"https://api.twilio.com/2010-04-01/Accounts/{ACCOUNT}/Messages.json",
        data={"To": BOB, "From": "+15555550100", "Body": "hi"},
        auth=None,
    )
    assert response.status_code == 401
    client = Client(ACCOUNT, "not-checked", http_client=http)
    client.username = None  # the SDK then sends no Authorization header at all
    with pytest.raises(TwilioRestException) as caught:
        client.messages.create(to=BOB, from_="+15555550100", body="hi")
    assert caught.value.status == 401
    error = classify_error(caught.value)
    assert error.permanent
    assert "401" in str(error)


def test_logs_mask_the_number_and_drop_the_body(
    prism_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    backend = twilio(prism_url)
    backend.send(OutgoingSms(to=BOB, body="Relaxation: breathe out slowly", message_id=7))
    with pytest.raises(SmsError):
        backend.send(OutgoingSms(to=BOB, body="Relaxation again", status_callback="nope"))
    assert "0177" in caplog.text
    assert "5555550177" not in caplog.text
    assert "Relaxation" not in caplog.text


def test_the_timeout_lookup_reads_twilios_message_list(prism_url: str) -> None:
    # Prism answers the list with its canned example: the SDK parses it, and our marker
    # (To, sender, body, time) does not match it, so a timed-out create would be retried.
    from datetime import UTC, datetime, timedelta

    backend = twilio(prism_url)
    sms = OutgoingSms(to=BOB, body="a body Prism's example does not have")
    assert backend.find(sms, since=datetime.now(UTC) - timedelta(minutes=1)) is None


def test_a_pool_sender_goes_through_prism(prism_url: str) -> None:
    sms = OutgoingSms(to=BOB, body="hi", sender=SERVICE)
    assert twilio(prism_url).send(sms).provider_sid.startswith("SM")
