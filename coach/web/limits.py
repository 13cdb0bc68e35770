"""A hard limit on request bodies for the operator API and dashboard (the Twilio webhooks
read their form with a limit of their own)."""

from __future__ import annotations

from collections.abc import Mapping

from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_OPERATOR_BODY = 1 << 20  # 1 MiB: no operator request comes close


class BodyTooLarge(Exception):
    pass


class BodyLimit:
    """413 for a body over `limit`, by Content-Length or by counting a streamed body."""

    def __init__(self, app: ASGIApp, *, limit: int,
                 per_path: Mapping[str, int] | None = None) -> None:
        self.app = app
        self.limit = limit
        # Exact paths allowed more (the CSV import takes files far over 1 MiB).
        self.per_path = dict(per_path or {})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith("/twilio/"):
            await self.app(scope, receive, send)
            return
        limit = self.per_path.get(scope["path"], self.limit)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            await _too_large(send, limit)
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
                await _too_large(send, limit)


async def _too_large(send: Send, limit: int) -> None:
    body = b'{"detail":"request body too large (at most %d MiB)"}' % max(1, limit >> 20)
    await send({
        "type": "http.response.start",
        "status": 413,
        "headers": [(b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode())],
    })
    await send({"type": "http.response.body", "body": body})
