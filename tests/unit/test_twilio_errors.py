"""The real twilio SDK behind TwilioBackend, with a fake HTTP client standing in for Twilio:
the answers Prism cannot give (opt-out, rate limit, outages, timeouts)."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

import pytest
import requests
from twilio.base.exceptions import TwilioException
from twilio.http import HttpClient
from twilio.http.response import Response

from coach.sms.base import OutgoingSms, SmsError
from coach.sms.twilio import (
    LocalApiHttpClient,
    TwilioBackend,
    classify_error,
    mask_phone,
    redact,
)

ACCOUNT = "AC" + "0" * 32
SERVICE = "MG" + "1" * 32
ALICE = "+15555550123"
ALICE_SMS = OutgoingSms(to=ALICE, body="Time for an eye rest: look far away for 20 seconds.")


@dataclass
class SentRequest:
    method: str
    url: str
    data: dict[str, Any]
    auth: tuple[str, str] | None


class FakeTwilio(HttpClient):
    """Answers each request with the next canned response (or raises the next exception)."""

    def __init__(self, *answers: Response | BaseException) -> None:
        super().__init__(logging.getLogger("tests.fake_twilio"), is_async=False)
        self.answers = list(answers)
        self.requests: list[SentRequest] = []

    def request(
        self,
        method: str,
        uri: str,
        params: dict[str, object] | None = None,
        data: dict[str, object] | None = None,
        headers: dict[str, str] | None = None,
        auth: tuple[str, str] | None = None,
        timeout: float | None = None,
        allow_redirects: bool = False,
    ) -> Response:
        self.requests.append(SentRequest(method, uri, dict(data or {}), auth))
        answer = self.answers.pop(0)
        if isinstance(answer, BaseException):
            raise answer
        return answer


def created(sid: str = "SM" + "a" * 32, status: str = "queued") -> Response:
    body = {"sid": sid, "status": status, "account_sid": ACCOUNT, "to": ALICE, "body": "…"}
    return Response(201, json.dumps(body))


def twilio_error(http_status: int, code: int, message: str) -> Response:
    body = {
        "code": code,
        "message": message,
        "more_info": f"https://www.twilio.com/docs/errors/{code}",
        "status": http_status,
    }
    return Response(http_status, json.dumps(body))


def backend(fake: FakeTwilio, **kwargs: Any) -> TwilioBackend:
    kwargs.setdefault("from_number", "+15555550100")
    return TwilioBackend(account_sid=ACCOUNT, auth_token="secret", http_client=fake, **kwargs)


def send_error(answer: Response | BaseException) -> SmsError:
    with pytest.raises(SmsError) as caught:
        backend(FakeTwilio(answer)).send(ALICE_SMS)
    return caught.value


def test_send_posts_to_messages_with_from_number_and_returns_sid() -> None:
    fake = FakeTwilio(created(sid="SM" + "b" * 32, status="queued"))
    result = backend(fake).send(ALICE_SMS)
    assert result.provider_sid == "SM" + "b" * 32
    assert result.status == "queued"
    [sent] = fake.requests
    assert sent.method == "POST"
    assert sent.url == f"https://api.twilio.com/2010-04-01/Accounts/{ACCOUNT}/Messages.json"
    assert sent.data == {"To": ALICE, "Body": ALICE_SMS.body, "From": "+15555550100"}
    assert sent.auth == (ACCOUNT, "secret")


def test_send_uses_messaging_service_and_status_callback() -> None:
    fake = FakeTwilio(created())
    sms = OutgoingSms(to=ALICE, body="hi", status_callback="https://coach.example/twilio/status")
    backend(fake, from_number=None, messaging_service_sid=SERVICE).send(sms)
    assert fake.requests[0].data == {
        "To": ALICE,
        "Body": "hi",
        "MessagingServiceSid": SERVICE,
        "StatusCallback": "https://coach.example/twilio/status",
    }


def test_opted_out_recipient_is_permanent() -> None:
    error = send_error(twilio_error(400, 21610, "Attempt to send to unsubscribed recipient"))
    assert error.permanent
    assert error.code == 21610
    assert error.opted_out


@pytest.mark.parametrize("code", [21211, 21614, 21408, 21612])
def test_invalid_number_is_permanent(code: int) -> None:
    error = send_error(twilio_error(400, code, f"The 'To' number {ALICE} is not valid."))
    assert error.permanent
    assert error.code == code
    assert error.invalid_number
    assert ALICE not in str(error)
    assert ALICE[1:] not in str(error)


def test_twilio_rate_limit_is_transient() -> None:
    error = send_error(twilio_error(429, 20429, "Too Many Requests"))
    assert not error.permanent
    assert error.code == 20429


def test_http_429_without_twilio_body_is_transient() -> None:
    error = send_error(Response(429, "slow down"))
    assert not error.permanent
    assert error.code is None


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_server_errors_are_transient(status: int) -> None:
    error = send_error(Response(status, "<html>oops</html>"))
    assert not error.permanent
    assert error.code is None
    assert str(status) in str(error)


def test_twilio_service_unavailable_code_is_transient() -> None:
    error = send_error(twilio_error(503, 20503, "Service Unavailable"))
    assert not error.permanent
    assert error.code == 20503


@pytest.mark.parametrize(
    ("status", "code"),
    [(400, 21602), (401, 20003), (403, 20003), (404, 20404)],
)
def test_other_client_errors_are_permanent(status: int, code: int) -> None:
    error = send_error(twilio_error(status, code, "no"))
    assert error.permanent
    assert error.code == code
    assert not error.opted_out
    assert not error.invalid_number


@pytest.mark.parametrize(
    "exc",
    [
        # (a read timeout may mean Twilio has it: tests/unit/test_twilio_timeouts.py)
        requests.exceptions.ConnectTimeout("connect timed out"),
        requests.exceptions.ConnectionError("connection refused"),
        TwilioException("network trouble"),
    ],
)
def test_network_failures_are_transient(exc: Exception) -> None:
    error = send_error(exc)
    assert not error.permanent
    assert error.code is None
    assert error.__cause__ is exc


def test_classify_error_passes_sms_errors_through() -> None:
    original = SmsError("already classified", code=21610, permanent=True)
    assert classify_error(original) is original


def test_logs_never_hold_the_number_or_the_body(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    fake = FakeTwilio(created(), twilio_error(400, 21211, f"The 'To' number {ALICE} is bad"))
    sms = OutgoingSms(to=ALICE, body=ALICE_SMS.body, message_id=42)
    twilio = backend(fake)
    twilio.send(sms)
    with pytest.raises(SmsError):
        twilio.send(sms)
    text = caplog.text
    assert "message_id=42" in text
    assert "0123" in text  # enough to tell patients apart
    assert "5555550123" not in text
    assert "eye rest" not in text


def test_constructor_refuses_ambiguous_or_missing_settings() -> None:
    fake = FakeTwilio()
    with pytest.raises(ValueError, match="exactly one"):
        TwilioBackend(account_sid=ACCOUNT, auth_token="t", http_client=fake)
    with pytest.raises(ValueError, match="exactly one"):
        TwilioBackend(
            account_sid=ACCOUNT,
            auth_token="t",
            from_number="+15555550100",
            messaging_service_sid=SERVICE,
            http_client=fake,
        )
    with pytest.raises(ValueError, match="TWILIO_AUTH_TOKEN"):
        TwilioBackend(account_sid=ACCOUNT, auth_token="", from_number="+15555550100")
    with pytest.raises(ValueError, match="not both"):
        TwilioBackend(
            account_sid=ACCOUNT,
            auth_token="t",
            from_number="+15555550100",
            api_url="http://127.0.0.1:4010",
            http_client=fake,
        )


def test_local_api_client_rewrites_only_twilio_hosts() -> None:
    client = LocalApiHttpClient("http://127.0.0.1:4010/mock/")
    assert (
        client.rewrite("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json?PageSize=5")
        == "http://127.0.0.1:4010/mock/2010-04-01/Accounts/AC1/Messages.json?PageSize=5"
    )
    assert (
        client.rewrite("https://api.dublin.ie1.twilio.com/2010-04-01/Accounts.json")
        == "http://127.0.0.1:4010/mock/2010-04-01/Accounts.json"
    )
    assert client.rewrite("https://example.com/x") == "https://example.com/x"
    assert client.rewrite("https://nottwilio.com/x") == "https://nottwilio.com/x"


def test_local_api_client_refuses_a_non_http_url() -> None:
    with pytest.raises(ValueError, match="COACH_TWILIO_API_URL"):
        LocalApiHttpClient("127.0.0.1:4010")


def test_mask_phone_keeps_only_the_last_digits() -> None:
    assert mask_phone("+1 (555) 555-0123") == "…0123"
    assert mask_phone("123") == "…"
    assert redact("The 'To' number +15555550123 is not valid (code 21211)") == (
        "The 'To' number …0123 is not valid (code 21211)"
    )
