"""Sending SMS through Twilio's REST API with the official `twilio` SDK."""

from __future__ import annotations

import logging
import re
import time
from datetime import UTC, datetime, timedelta
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
        lookup_delay: float = 1.0,
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
        self._lookup_delay = lookup_delay
        self._client = Client(account_sid, auth_token, http_client=http_client)

    def _sender(self, sms: OutgoingSms) -> dict[str, str]:
        chosen = sms.sender or self._from_number or self._messaging_service_sid or ""
        return {"messaging_service_sid": chosen} if chosen.startswith("MG") else {"from_": chosen}

    def send(self, sms: OutgoingSms) -> SendResult:
        sender = self._sender(sms)
        optional: dict[str, str] = {}
        if sms.status_callback:
            optional["status_callback"] = sms.status_callback
        started = datetime.now(UTC)
        try:
            message = self._client.messages.create(
                to=sms.to, body=sms.body, **sender, **optional
            )
        except (TwilioException, requests.RequestException) as exc:
            if _maybe_accepted(exc):
                # The request may have reached Twilio: retrying blindly could text twice.
                return self._after_timeout(sms, sender, started, exc)
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


    def _after_timeout(
        self, sms: OutgoingSms, sender: dict[str, str], started: datetime, exc: Exception
    ) -> SendResult:
        """Looks the message up at Twilio (To, our sender, the body, created since we asked)
        and returns it if it is there; otherwise a transient error, so the caller retries.
        If Twilio cannot tell us either, a permanent error: never risk a second text."""
        if self._lookup_delay > 0:
            time.sleep(self._lookup_delay)  # let a create still in flight at Twilio land
        try:
            found = self.find(sms, sender, since=started - timedelta(seconds=60))
        except Exception as lookup_exc:  # whatever it was, we cannot tell: never send twice
            log.warning(
                "twilio send timed out and the lookup failed (%s): message_id=%s to=%s; "
                "not retried", type(lookup_exc).__name__, sms.message_id, mask_phone(sms.to),
            )
            raise SmsError(
                "Twilio did not answer in time and could not say whether it took the message; "
                "not retried (at most once)", permanent=True,
            ) from exc
        if found is not None:
            log.info("twilio send timed out but Twilio has it: message_id=%s sid=%s",
                     sms.message_id, found.provider_sid)
            return found
        log.warning("twilio send timed out and Twilio does not have it: message_id=%s to=%s; "
                    "will retry", sms.message_id, mask_phone(sms.to))
        raise SmsError(
            "Twilio did not answer in time (the message is not at Twilio)", permanent=False
        ) from exc

    def find(
        self, sms: OutgoingSms, sender: dict[str, str] | None = None, *, since: datetime
    ) -> SendResult | None:
        """Our message at Twilio, if it is there: the newest messages to `sms.to` (from our
        number, or through our Messaging Service) with our body, created at or after
        `since`. Twilio does not echo StatusCallback, so To + sender + body + time is the
        marker; every text we send carries its own body."""
        sender = sender or self._sender(sms)
        filters: dict[str, Any] = {"to": sms.to, "limit": 20, "page_size": 20}
        if "from_" in sender:
            filters["from_"] = sender["from_"]
        for message in self._client.messages.list(**filters):
            created = message.date_created
            if created is not None and created.tzinfo is None:
                created = created.replace(tzinfo=UTC)
            if created is not None and created < since.replace(microsecond=0):
                break  # newest first: the rest are older still
            service = sender.get("messaging_service_sid")
            if service and message.messaging_service_sid != service:
                continue
            if message.body == sms.body:
                status = message.status
                return SendResult(
                    provider_sid=str(message.sid),
                    status=str(getattr(status, "value", status) or "queued"),
                )
        return None


def _maybe_accepted(exc: Exception) -> bool:
    """A timeout or a connection lost after the request was sent: Twilio may have it.
    (A connect timeout or a refused connection never sent anything.)"""
    if isinstance(exc, requests.ConnectTimeout):
        return False
    if isinstance(exc, requests.Timeout):
        return True
    if isinstance(exc, requests.ConnectionError):
        text = str(exc).lower()
        return "newconnectionerror" not in text and "connection refused" not in text
    return False


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
