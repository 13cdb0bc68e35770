"""Who may call what: Twilio's signature on webhooks; operator accounts (sessions, API tokens,
the COACH_API_TOKEN admin token) and their roles on the API and dashboard; CSRF tokens and the
Origin allow-list on dashboard forms; the Host allow-list on every route."""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Iterable
from datetime import datetime
from typing import Annotated
from urllib.parse import parse_qsl, urlsplit

from fastapi import Depends, HTTPException, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from twilio.request_validator import RequestValidator

from coach import accounts
from coach.accounts import Principal
from coach.config import Settings
from coach.web.deps import FactoryDep, NowDep, SettingsDep

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


# --- who is asking -------------------------------------------------------------------------

ADMIN_TOKEN = "COACH_API_TOKEN"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class LoginRequired(Exception):
    """A browser without a valid session: answered with a redirect to the sign-in page."""

    def __init__(self, next_path: str) -> None:
        super().__init__(next_path)
        self.next_path = next_path


def api_token(settings: Settings) -> str | None:
    return settings.extra.get(ADMIN_TOKEN) or None


def secure_cookies(settings: Settings) -> bool:
    return settings.public_url.startswith("https://")


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def client_address(request: Request) -> str:
    return (request.client.host if request.client else "") or "unknown"


def resolve_principal(
    request: Request, settings: Settings, factory: FactoryDep, now: datetime, *, cookie_ok: bool
) -> Principal | None:
    """The bearer token (COACH_API_TOKEN, or an account's API token) or, where allowed, the
    session cookie. A bearer that is present but wrong is not rescued by a cookie."""
    cached: dict[bool, Principal | None] = request.state.__dict__.setdefault("principals", {})
    if cookie_ok in cached:
        return cached[cookie_ok]
    principal: Principal | None = None
    given = _bearer(request)
    if given is not None:
        admin = api_token(settings)
        if admin is not None and hmac.compare_digest(given.encode(), admin.encode()):
            principal = Principal(role="admin", name=ADMIN_TOKEN, via="admin_token")
        else:
            with factory() as session:
                principal = accounts.principal_for_token(session, given, now=now)
                session.commit()
    elif cookie_ok:
        secret = request.cookies.get(SESSION_COOKIE)
        if secret:
            with factory() as session:
                principal = accounts.principal_for_session(session, secret, now=now)
                session.commit()
    cached[cookie_ok] = principal
    return principal


def _role_for(request: Request) -> str:
    return "viewer" if request.method in SAFE_METHODS else "operator"


def _forbidden(principal: Principal, role: str) -> HTTPException:
    return HTTPException(403, f"your role ({principal.role}) cannot do this: it needs {role}")


# API: bearer only (a cookie would make the JSON API cross-site-request-forgeable).


def _api(request: Request, settings: Settings, factory: FactoryDep, now: datetime,
         role: str) -> Principal:
    principal = resolve_principal(request, settings, factory, now, cookie_ok=False)
    if principal is None:
        raise HTTPException(
            401,
            "send Authorization: Bearer <token> (`coach user token EMAIL` makes one)",
            {"WWW-Authenticate": "Bearer"},
        )
    if not principal.can(role):
        raise _forbidden(principal, role)
    return principal


def require_api_operator(
    request: Request, settings: SettingsDep, factory: FactoryDep, now: NowDep
) -> Principal:
    """Any account may read; changes need the operator role (or admin)."""
    return _api(request, settings, factory, now, _role_for(request))


def require_api_admin(
    request: Request, settings: SettingsDep, factory: FactoryDep, now: NowDep
) -> Principal:
    return _api(request, settings, factory, now, "admin")


ApiOperator = Annotated[Principal, Depends(require_api_operator)]
ApiAdmin = Annotated[Principal, Depends(require_api_admin)]


# Dashboard: the session cookie (or a bearer, for scripts and tests).


def page_principal(
    request: Request, settings: SettingsDep, factory: FactoryDep, now: NowDep
) -> Principal:
    principal = resolve_principal(request, settings, factory, now, cookie_ok=True)
    if principal is None:
        raise LoginRequired(request.url.path)
    request.state.principal = principal
    return principal


def require_page_admin(principal: Annotated[Principal, Depends(page_principal)]) -> Principal:
    if not principal.can("admin"):
        raise _forbidden(principal, "admin")
    return principal


async def _checked_form(request: Request, settings: Settings, principal: Principal) -> None:
    """CSRF: the Origin (or Referer) must be one of ours, and a cookie session must also send
    its CSRF token (hidden form field or X-CSRF-Token header). A bearer request needs no
    token: browsers never attach one on their own."""
    if not same_origin(request, settings):
        raise HTTPException(403, "cross-site form post refused (missing or foreign Origin)")
    if principal.via != "session":
        return
    given = request.headers.get(CSRF_HEADER)
    if given is None:
        content_type = request.headers.get("content-type", "")
        if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            value = (await request.form()).get(CSRF_FIELD)
            given = value if isinstance(value, str) else None
    expected = principal.csrf_token or ""
    if not given or not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(403, "form expired or forged (bad CSRF token): reload the page")


async def require_form_any(
    request: Request,
    settings: SettingsDep,
    principal: Annotated[Principal, Depends(page_principal)],
) -> Principal:
    """A form any signed-in account may post (sign out, change own password)."""
    await _checked_form(request, settings, principal)
    return principal


async def require_form_operator(
    request: Request,
    settings: SettingsDep,
    principal: Annotated[Principal, Depends(page_principal)],
) -> Principal:
    await _checked_form(request, settings, principal)
    if not principal.can("operator"):
        raise _forbidden(principal, "operator")
    return principal


async def require_form_admin(
    request: Request,
    settings: SettingsDep,
    principal: Annotated[Principal, Depends(page_principal)],
) -> Principal:
    await _checked_form(request, settings, principal)
    if not principal.can("admin"):
        raise _forbidden(principal, "admin")
    return principal


PageViewer = Annotated[Principal, Depends(page_principal)]
PageAdmin = Annotated[Principal, Depends(require_page_admin)]
FormAny = Annotated[Principal, Depends(require_form_any)]
FormOperator = Annotated[Principal, Depends(require_form_operator)]
FormAdmin = Annotated[Principal, Depends(require_form_admin)]


# --- Host and Origin allow-lists -----------------------------------------------------------


def _host_port(netloc: str, scheme: str) -> tuple[str, int] | None:
    try:
        parts = urlsplit(f"{scheme}://{netloc}")
        host, port = parts.hostname, parts.port
    except ValueError:
        return None
    if not host:
        return None
    return host.lower().rstrip("."), port or (443 if scheme == "https" else 80)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def allowed_hosts(
    settings: Settings, server: tuple[str, int | None] | None
) -> set[tuple[str, int | None]]:
    """(host, port) pairs this app answers to: COACH_PUBLIC_URL's, the address it is bound
    to (scope["server"]), `localhost` when that is loopback, and COACH_ALLOWED_HOSTS.
    A port of None matches any port (a proxy that drops or rewrites it)."""
    public = urlsplit(settings.public_url)
    allowed: set[tuple[str, int | None]] = set()
    found = _host_port(public.netloc, public.scheme)
    if found:
        allowed.add(found)
    if server is not None:
        host = str(server[0]).lower().strip("[]")
        port = server[1]
        allowed.add((host, port))
        if _is_loopback(host):
            allowed.update({("localhost", port), ("127.0.0.1", port), ("::1", port)})
    for extra in _split(settings.extra.get("COACH_ALLOWED_HOSTS", "")):
        item = _host_port(extra, "http")
        if item:
            allowed.add((item[0], item[1] if ":" in extra.rsplit("]", 1)[-1] else None))
    return allowed


def _split(value: str) -> Iterable[str]:
    return (part.strip() for part in value.split(",") if part.strip())


def host_allowed(
    host_header: str, settings: Settings, server: tuple[str, int | None] | None, scheme: str
) -> bool:
    """DNS rebinding defence: a page on evil.example whose name now points at us still sends
    `Host: evil.example`; we refuse any Host not on the list, on loopback too."""
    found = _host_port(host_header.strip(), "https" if scheme in ("https", "wss") else "http")
    if found is None:
        return False
    host, port = found
    for allowed_host, allowed_port in allowed_hosts(settings, server):
        if host == allowed_host and (allowed_port is None or allowed_port == port):
            return True
        # A Host without a port behind a TLS proxy: the public URL's default port.
        if host == allowed_host and ":" not in host_header.rsplit("]", 1)[-1] and (
            allowed_port in (80, 443)
        ):
            return True
    return False


def origin_allowed(
    origin: str, settings: Settings, server: tuple[str, int | None] | None
) -> bool:
    parts = urlsplit(origin)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return False
    return host_allowed(parts.netloc, settings, server, parts.scheme)


def same_origin(request: Request, settings: Settings) -> bool:
    """True when a form POST comes from a page of ours (Origin, or failing that Referer, on
    the allow-list)."""
    source = request.headers.get("origin") or request.headers.get("referer")
    if not source or source == "null":
        return False
    server = request.scope.get("server")
    return origin_allowed(source, settings, server)


class HostGuard:
    """ASGI middleware, outermost: 400 for a Host not on the allow-list (every route,
    webhooks and health included), and 403 for a state-changing request whose Origin is
    foreign (a browser on another site; scripts send no Origin)."""

    def __init__(self, app: ASGIApp, *, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.lower(): v for k, v in scope.get("headers") or []}
        host = headers.get(b"host", b"").decode("latin-1")
        server = scope.get("server")
        if not host or not host_allowed(host, self.settings, server, scope.get("scheme", "http")):
            await _plain(send, 400, "unknown Host header (see COACH_PUBLIC_URL and "
                                    "COACH_ALLOWED_HOSTS)")
            return
        origin = headers.get(b"origin")
        if (
            origin is not None
            and scope.get("method", "GET") not in SAFE_METHODS
            and not str(scope.get("path", "")).startswith("/twilio/")
            and not origin_allowed(origin.decode("latin-1"), self.settings, server)
        ):
            await _plain(send, 403, "cross-site request refused (foreign Origin)")
            return
        if str(scope.get("path", "")).startswith("/twilio/"):
            await self.app(scope, receive, send)  # TwiML for Twilio, never shown in a browser
            return

        async def send_guarded(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", ()), *PAGE_HEADERS]
            await send(message)

        await self.app(scope, receive, send_guarded)


# On every page and API answer: no framing (a framed dashboard would let another site trick a
# signed-in operator into clicking Acknowledge or Send: the click carries our own Origin and
# CSRF token), no content sniffing, and no URL (it may hold a typed phone number) leaking as a
# Referer to another site.
PAGE_HEADERS = (
    (b"x-frame-options", b"DENY"),
    (b"content-security-policy", b"frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
)


async def _plain(send: Send, status: int, text: str) -> None:
    body = (text + "\n").encode()
    await send({
        "type": "http.response.start",
        "status": status,
        "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                    (b"content-length", str(len(body)).encode())],
    })
    await send({"type": "http.response.body", "body": body})
