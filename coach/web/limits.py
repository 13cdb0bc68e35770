"""A hard limit on request bodies for the operator API and dashboard (the Twilio webhooks
read their form with a limit of their own)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_OPERATOR_BODY = 1 << 20  # 1 MiB: no operator request comes close

# A browser's request (a dashboard form) gets this page instead of JSON: (status, text) -> HTML.
HtmlPage = Callable[[int, str], bytes]


class BodyTooLarge(Exception):
    pass


class BodyLimit:
    """413 for a body over `limit`, by Content-Length or by counting a streamed body."""

    def __init__(self, app: ASGIApp, *, limit: int,
                 per_path: Mapping[str, int] | None = None,
                 html_page: HtmlPage | None = None) -> None:
        self.app = app
        self.limit = limit
        self.html_page = html_page
        # Exact paths allowed more (the CSV import takes files far over 1 MiB).
        self.per_path = dict(per_path or {})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith("/twilio/"):
            await self.app(scope, receive, send)
            return
        limit = self.per_path.get(scope["path"], self.limit)
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        page = self.html_page if (
            self.html_page is not None and not scope["path"].startswith("/api/")
            and b"text/html" in headers.get(b"accept", b"")) else None
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            await _too_large(send, limit, page)
            return
        seen = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await _too_large(send, limit, page)


async def _too_large(send: Send, limit: int, page: HtmlPage | None = None) -> None:
    mib = max(1, limit >> 20)
    if page is not None:
        body = page(413, f"That is more than this page accepts (at most {mib} MiB). "
                         "Go back and send something smaller.")
        kind = b"text/html; charset=utf-8"
    else:
        body = b'{"detail":"request body too large (at most %d MiB)"}' % mib
        kind = b"application/json"
    await send({
        "type": "http.response.start",
        "status": 413,
        "headers": [(b"content-type", kind),
                    (b"content-length", str(len(body)).encode())],
    })
    await send({"type": "http.response.body", "body": body})
