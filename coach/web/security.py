"""Who may call what: Twilio's signature on webhooks, the operator token on the API and
dashboard, and a same-origin check on dashboard forms."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
from typing import Annotated
from urllib.parse import parse_qsl, urlsplit

from fastapi import Depends, HTTPException, Request
from twilio.request_validator import RequestValidator

from coach.config import Settings
from coach.web.deps import SettingsDep

MAX_WEBHOOK_BYTES = 64 * 1024
FORM_TYPE = "application/x-www-form-urlencoded"
SESSION_COOKIE = "coach_session"


class WebhookRejected(Exception):
    """A webhook we refuse; `reason` is short, safe to log and to count."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


# --- Twilio webhooks -----------------------------------------------------------------------


def twilio_url(settings: Settings, request: Request) -> str:
    """The URL Twilio called, as Twilio saw it: our public base URL, not the Host we see
    behind a proxy."""
    url = settings.public_url + request.url.path
    if request.url.query:
        url += "?" + request.url.query
    return url


async def read_form(request: Request, *, limit: int = MAX_WEBHOOK_BYTES) -> dict[str, str]:
    """The webhook's form fields, read with a hard size limit. Raises WebhookRejected."""
    content_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if content_type != FORM_TYPE:
        raise WebhookRejected(415, f"expected {FORM_TYPE}")
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise WebhookRejected(400, "bad Content-Length")
        if int(declared) > limit:
            raise WebhookRejected(413, "body too large")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise WebhookRejected(413, "body too large")
        chunks.append(chunk)
    return parse_form(b"".join(chunks))


def parse_form(raw: bytes) -> dict[str, str]:
    try:
        text = raw.decode("ascii")  # a urlencoded body is ASCII; anything else is not a form
        pairs = parse_qsl(text, keep_blank_values=True, strict_parsing=bool(text),
                          encoding="utf-8", errors="strict", max_num_fields=100)
    except (UnicodeDecodeError, ValueError):
        raise WebhookRejected(400, "malformed form body") from None
    form: dict[str, str] = {}
    for key, value in pairs:
        if key in form:
            raise WebhookRejected(400, f"repeated field {key[:40]}")
        if "\x00" in key:
            raise WebhookRejected(400, "NUL in a form field name")
        # A NUL inside a value is kept for the signature check (Twilio signed it as sent);
        # the inbound handler strips it before storing, so the message is not lost.
        form[key] = value
    return form


def check_twilio_signature(
    settings: Settings, url: str, params: dict[str, str], signature: str | None
) -> None:
    """Raise WebhookRejected(403) unless Twilio signed this request with our auth token."""
    if not settings.twilio_auth_token:
        # Outbox mode: nobody outside can sign, so nobody outside may post.
        raise WebhookRejected(403, "webhooks disabled: TWILIO_AUTH_TOKEN is not set")
    if not signature:
        raise WebhookRejected(403, "missing X-Twilio-Signature")
    if not RequestValidator(settings.twilio_auth_token).validate(url, params, signature):
        raise WebhookRejected(403, "bad X-Twilio-Signature")


# --- operators -----------------------------------------------------------------------------


def api_token(settings: Settings) -> str | None:
    return settings.extra.get("COACH_API_TOKEN") or None


def session_cookie_value(token: str) -> str:
    """What the dashboard cookie holds: derived from the token, so the token itself is never
    stored in the browser."""
    return hmac.new(token.encode(), b"coach-dashboard-session", hashlib.sha256).hexdigest()


def _is_loopback(host: str | None) -> bool:
    if not host:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def operator_allowed(request: Request, settings: Settings, *, cookie_ok: bool) -> bool:
    token = api_token(settings)
    if token is None:
        # No token configured: the embedded default, served to this machine only. A request
        # that came through a proxy (even one on this machine) is not "this machine": behind
        # --proxy-headers the client address is whatever X-Forwarded-For claims.
        if "x-forwarded-for" in request.headers or "forwarded" in request.headers:
            return False
        return _is_loopback(request.client.host if request.client else None)
    given = _bearer(request)
    if given is not None and hmac.compare_digest(given.encode(), token.encode()):
        return True
    if cookie_ok:
        cookie = request.cookies.get(SESSION_COOKIE, "")
        return hmac.compare_digest(cookie.encode(), session_cookie_value(token).encode())
    return False


def require_api_operator(request: Request, settings: SettingsDep) -> None:
    if operator_allowed(request, settings, cookie_ok=False):
        return
    if api_token(settings) is None:
        raise HTTPException(403, "set COACH_API_TOKEN to use the API from another machine")
    raise HTTPException(
        401, "send Authorization: Bearer <COACH_API_TOKEN>", {"WWW-Authenticate": "Bearer"}
    )


ApiOperator = Annotated[None, Depends(require_api_operator)]


def same_origin(request: Request, settings: Settings) -> bool:
    """True when a form POST comes from a page of ours (the CSRF defence we chose)."""
    source = request.headers.get("origin") or request.headers.get("referer")
    if not source or source == "null":
        return False
    origin = urlsplit(source)
    allowed = {request.headers.get("host", ""), urlsplit(settings.public_url).netloc}
    return bool(origin.netloc) and origin.netloc in allowed
