"""Sending SMS through Twilio's REST API with the official `twilio` SDK."""

from __future__ import annotations

import logging
import re
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import requests
from twilio.base.exceptions import TwilioException, TwilioRestException, TwilioServiceException
from twilio.http import HttpClient
from twilio.http.http_client import TwilioHttpClient
from twilio.http.response import Response
from twilio.rest import Client

from coach.sms.base import OutgoingSms, SendResult, SmsError

log = logging.getLogger(__name__)
# The SDK logs every request at INFO; a request's URL can carry query parameters about a
# patient. Our own lines (masked) say what was sent.
logging.getLogger("twilio.http_client").setLevel(logging.WARNING)

OPTED_OUT = 21610
INVALID_NUMBER_CODES = frozenset(
    {
        21211,  # invalid 'To' phone number
        21214,  # 'To' number cannot be reached
        21217,  # phone number does not appear to be valid
        21401,  # invalid phone number
        21407,  # this phone number type does not support SMS
        21408,  # permission to send an SMS has not been enabled for the region
        21612,  # the 'To' phone number is not currently reachable via SMS
        21614,  # 'To' number is not a valid mobile number
    }
)
TRANSIENT_CODES = frozenset(
    {
        20429,  # too many requests
        20500,  # internal server error
        20503,  # service unavailable
    }
)


def mask_phone(number: str) -> str:
    """Enough of a number to tell patients apart in a log, not enough to text them."""
    digits = re.sub(r"\D", "", number)
    return "…" + digits[-4:] if len(digits) > 4 else "…"


_PHONE_LIKE = re.compile(r"\+?\d[\d\s().-]{5,}\d")


def redact(text: str) -> str:
    """Masks phone-number-like runs: Twilio's error messages quote the number."""
    return _PHONE_LIKE.sub(lambda m: mask_phone(m.group(0)), text)


class LocalApiHttpClient(TwilioHttpClient):
    """Sends what the SDK addresses to `https://<anything>.twilio.com` to `api_url` instead,
    keeping path and query: how tests point the real SDK at a local mock of Twilio's API."""

    def __init__(self, api_url: str, *, timeout: float | None = None) -> None:
        super().__init__(timeout=timeout)
        base = urlsplit(api_url)
        if base.scheme not in ("http", "https") or not base.netloc:
            raise ValueError(f"COACH_TWILIO_API_URL must be an http(s) URL, got {api_url!r}")
        self._base = base
        if self.session is not None and base.hostname in ("127.0.0.1", "localhost", "::1"):
            self.session.trust_env = False  # a proxy from the environment cannot reach loopback

    def rewrite(self, url: str) -> str:
        parts = urlsplit(url)
        host = parts.hostname or ""
        if host != "twilio.com" and not host.endswith(".twilio.com"):
            return url
        path = self._base.path.rstrip("/") + parts.path
        return urlunsplit((self._base.scheme, self._base.netloc, path, parts.query, ""))

    def request(
        self, method: str, url: str, *args: Any, **kwargs: Any
    ) -> Response:
        return super().request(method, self.rewrite(url), *args, **kwargs)


class TwilioBackend:
    name = "twilio"

    def __init__(
        self,
        *,
        account_sid: str,
        auth_token: str,
        from_number: str | None = None,
        messaging_service_sid: str | None = None,
        api_url: str | None = None,
        http_client: HttpClient | None = None,
        timeout: float = 10.0,
    ) -> None:
        if not account_sid or not auth_token:
            raise ValueError("Twilio needs both TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN")
        if bool(from_number) == bool(messaging_service_sid):
            raise ValueError(
                "set exactly one of TWILIO_FROM_NUMBER and TWILIO_MESSAGING_SERVICE_SID"
            )
        if api_url and http_client is not None:
            raise ValueError("give api_url or http_client, not both")
        if timeout <= 0:
            raise ValueError(f"timeout must be positive, got {timeout}")
        if http_client is None:
            http_client = (
                LocalApiHttpClient(api_url, timeout=timeout)
                if api_url
                else TwilioHttpClient(timeout=timeout)
            )
        self._from_number = from_number
        self._messaging_service_sid = messaging_service_sid
        self._client = Client(account_sid, auth_token, http_client=http_client)

    def send(self, sms: OutgoingSms) -> SendResult:
        sender: dict[str, str] = (
            {"from_": self._from_number}
            if self._from_number
            else {"messaging_service_sid": self._messaging_service_sid or ""}
        )
        optional: dict[str, str] = {}
        if sms.status_callback:
            optional["status_callback"] = sms.status_callback
        try:
            message = self._client.messages.create(
                to=sms.to, body=sms.body, **sender, **optional
            )
        except (TwilioException, requests.RequestException) as exc:
            error = classify_error(exc)
            log.warning(
                "twilio send failed: message_id=%s to=%s code=%s permanent=%s: %s",
                sms.message_id,
                mask_phone(sms.to),
                error.code,
                error.permanent,
                error,
            )
            raise error from exc
        status = message.status
        result = SendResult(
            provider_sid=str(message.sid),
            status=str(getattr(status, "value", status) or "queued"),
        )
        log.info(
            "twilio accepted: message_id=%s to=%s sid=%s status=%s",
            sms.message_id,
            mask_phone(sms.to),
            result.provider_sid,
            result.status,
        )
        return result


def classify_error(exc: Exception) -> SmsError:
    """Turns what the SDK raised into an SmsError that says whether a retry can help."""
    if isinstance(exc, SmsError):
        return exc
    if isinstance(exc, TwilioRestException | TwilioServiceException):
        status = int(exc.status)
        raw_code = exc.code
        # With no Twilio error code in the body, the SDK puts the HTTP status in `code`.
        code = raw_code if isinstance(raw_code, int) and raw_code >= 10000 else None
        detail = exc.msg if isinstance(exc, TwilioRestException) else exc.detail or exc.title
        message = redact(f"Twilio answered HTTP {status}" + (f": {detail}" if detail else ""))
        if code == OPTED_OUT:
            return SmsError(f"recipient opted out. {message}", code=code, permanent=True)
        if code in INVALID_NUMBER_CODES:
            return SmsError(f"invalid recipient number. {message}", code=code, permanent=True)
        if code in TRANSIENT_CODES or status == 429 or status >= 500:
            return SmsError(message, code=code, permanent=False)
        return SmsError(message, code=code, permanent=400 <= status < 500)
    if isinstance(exc, requests.Timeout):
        return SmsError("Twilio did not answer in time", permanent=False)
    if isinstance(exc, requests.RequestException):
        return SmsError(f"could not reach Twilio: {type(exc).__name__}", permanent=False)
    if isinstance(exc, TwilioException):
        return SmsError(redact(f"Twilio client error: {exc}"), permanent=False)
    return SmsError(redact(f"unexpected error sending SMS: {type(exc).__name__}: {exc}"))
