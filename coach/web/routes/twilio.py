"""Twilio webhooks: inbound SMS and delivery status callbacks.

Every refusal happens before anything is stored: size, type, form syntax, signature, fields.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime
from functools import partial

import anyio
import anyio.to_thread
from fastapi import APIRouter, Request, Response
from fastapi.concurrency import run_in_threadpool
from sqlalchemy.exc import IntegrityError
from starlette.background import BackgroundTask
from starlette.datastructures import State

from coach.config import Settings
from coach.db.engine import transaction
from coach.inbound import InboundSms, advice_without_storage, apply_status
from coach.web.deps import FactoryDep, MetricsDep, NowDep, SettingsDep, utc_now
from coach.web.metrics import WebMetrics
from coach.web.receive import InboundOutcome, hand_over, receive, twiml
from coach.web.security import (
    WebhookRejected,
    check_twilio_signature,
    read_form,
    twilio_url,
)

log = logging.getLogger(__name__)
router = APIRouter(prefix="/twilio", tags=["twilio"], include_in_schema=False)

MESSAGE_SID = re.compile(r"(SM|MM)[0-9a-fA-F]{32}")
E164 = re.compile(r"\+[1-9][0-9]{6,14}")
# Twilio's limit for one inbound SMS (ten concatenated segments); longer is not an SMS.
MAX_BODY = 1600
CHANNEL = re.compile(r"([a-z][a-z0-9+.-]{0,19}):")  # whatsapp:, messenger:, rcs: ...
SHORT_CODE = re.compile(r"[0-9]{3,8}")
ERROR_CODE = re.compile(r"[0-9]{1,10}")
MAX_MEDIA = 10
KNOWN_STATUSES = frozenset(
    {
        "accepted", "scheduled", "canceled", "queued", "sending", "sent", "failed",
        "delivered", "undelivered", "receiving", "received", "read", "partially_delivered",
    }
)


REJECTION_KINDS = {400: "malformed", 403: "unsigned_or_forged", 413: "too_large", 415: "not_a_form"}


def _refuse(metrics: WebMetrics, endpoint: str, exc: WebhookRejected) -> Response:
    reason = REJECTION_KINDS.get(exc.status, "other")
    metrics.rejections.labels(endpoint=endpoint, reason=reason).inc()
    log.warning("%s webhook refused (%d): %s", endpoint, exc.status, exc.reason)
    return _text_response(exc.status, exc.reason)


def _text_response(status: int, reason: str) -> Response:
    return Response(reason + "\n", status_code=status, media_type="text/plain")


async def _signed_form(request: Request, settings: SettingsDep) -> dict[str, str]:
    form = await read_form(request)
    check_twilio_signature(
        settings, twilio_url(settings, request), form, request.headers.get("x-twilio-signature")
    )
    return form


def _field(form: dict[str, str], name: str, pattern: re.Pattern[str] | None = None) -> str:
    value = form.get(name)
    if value is None or value == "":
        raise WebhookRejected(400, f"missing {name}")
    if pattern is not None and not pattern.fullmatch(value):
        raise WebhookRejected(400, f"malformed {name}")
    return value


def inbound_sms_from_form(form: dict[str, str]) -> InboundSms:
    sid = _field(form, "MessageSid", MESSAGE_SID)
    from_number = _field(form, "From")
    channel = CHANNEL.match(from_number)
    if channel:
        # Patients are matched by phone number over SMS; a WhatsApp (or other channel)
        # address must never be taken for the SMS patient with the same digits.
        raise WebhookRejected(400, f"unsupported channel {channel.group(1)[:20]}: SMS only")
    if not E164.fullmatch(from_number):
        raise WebhookRejected(400, "malformed From (expected an E.164 number)")
    to_number = _field(form, "To")
    if not (E164.fullmatch(to_number) or SHORT_CODE.fullmatch(to_number)):
        raise WebhookRejected(400, "malformed To")
    body = form.get("Body", "")
    if len(body) > MAX_BODY:
        raise WebhookRejected(400, f"Body longer than {MAX_BODY} characters")
    raw_media = form.get("NumMedia") or "0"
    if not raw_media.isdigit() or int(raw_media) > MAX_MEDIA:
        raise WebhookRejected(400, "malformed NumMedia")
    return InboundSms(
        sid=sid, from_number=from_number, to_number=to_number, body=body,
        num_media=int(raw_media),
    )


# How long a webhook waits for its turn to store (COACH_WEB_STORE_THREADS at a time) before
# it answers as if the database were down: under Twilio's 15-second webhook timeout, so a
# red flag still gets its advice when the database hangs instead of refusing.
STORE_WAIT_SECONDS = 10.0


async def _store(
    state: State, settings: Settings, sms: InboundSms, now: datetime
) -> InboundOutcome:
    """`receive` on a worker thread, at most `web_store_threads` at once per process, the
    others waiting in arrival order (anyio's limiter is fair). Raises TimeoutError when the
    turn does not come within STORE_WAIT_SECONDS."""
    limiter: anyio.CapacityLimiter | None = getattr(state, "store_limiter", None)
    if limiter is None:  # made on first use, inside the running event loop
        limiter = state.store_limiter = anyio.CapacityLimiter(settings.web_store_threads)
    with anyio.fail_after(STORE_WAIT_SECONDS):
        await limiter.acquire()
    try:
        call = partial(receive, state.session_factory, settings, state.metrics, sms, now=now)
        try:
            return await anyio.to_thread.run_sync(call)
        except IntegrityError:
            # The same MessageSid delivered twice at once: the other request stored it, so
            # this pass answers as a duplicate.
            return await anyio.to_thread.run_sync(call)
    finally:
        limiter.release()


async def inbound(request: Request) -> Response:
    """POST /twilio/inbound, a plain Starlette endpoint (registered below): every signed
    webhook pays for FastAPI's dependency solving and response handling otherwise, a
    measurable share of its CPU (docs/PERFORMANCE.md, "Inbound"). The clock still honours
    `app.dependency_overrides[utc_now]`, as the tests set it."""
    # The app's own settings, sessions and metrics, read off its state.
    app = request.app
    state = app.state
    settings: Settings = state.settings
    metrics: WebMetrics = state.metrics
    try:
        form = await _signed_form(request, settings)
        sms = inbound_sms_from_form(form)
    except WebhookRejected as exc:
        return _refuse(metrics, "inbound", exc)
    now = app.dependency_overrides.get(utc_now, utc_now)()
    try:
        outcome = await _store(state, settings, sms, now)
    except Exception as exc:  # the database is down or stuck: safety advice still goes out
        log.error("inbound %s not stored (%s)", sms.sid, type(exc).__name__)
        metrics.rejections.labels(endpoint="inbound", reason="storage_failed").inc()
        reply = advice_without_storage(settings, sms.body)
        if reply is None:
            return _text_response(503, "temporarily unable to store the message")
        return Response(twiml(reply), media_type="application/xml")
    # After the response: red-flag advice in the TwiML must not wait on the broker. (Nothing
    # to hand over, no task; second reads are gathered into batches, coach/web/receive.py.)
    background = None
    if outcome.to_send or outcome.alerts or outcome.second_reads:
        background = BackgroundTask(
            hand_over, outcome.to_send, outcome.alerts, outcome.second_reads
        )
    return Response(twiml(outcome.reply), media_type="application/xml", background=background)


# A plain route is not given the router's prefix: its path is written in full.
router.add_route(router.prefix + "/inbound", inbound, methods=["POST"], include_in_schema=False)


@router.post("/status")
async def status(
    request: Request,
    settings: SettingsDep,
    factory: FactoryDep,
    metrics: MetricsDep,
    now: NowDep,
) -> Response:
    try:
        form = await _signed_form(request, settings)
        sid = _field(form, "MessageSid", MESSAGE_SID)
        new_status = _field(form, "MessageStatus").lower()
        if new_status not in KNOWN_STATUSES:
            raise WebhookRejected(400, "unknown MessageStatus")
        error_code = form.get("ErrorCode") or None
        if error_code is not None and not ERROR_CODE.fullmatch(error_code):
            raise WebhookRejected(400, "malformed ErrorCode")
    except WebhookRejected as exc:
        return _refuse(metrics, "status", exc)

    raw_id = request.query_params.get("m", "")
    message_id = int(raw_id) if raw_id.isdigit() and len(raw_id) < 12 else None

    def apply() -> bool:
        with transaction(factory) as session:
            return apply_status(
                session, provider_sid=sid, status=new_status, error_code=error_code, now=now,
                message_id=message_id,
            )

    applied = await run_in_threadpool(apply)
    metrics.status_callbacks.labels(applied=str(applied).lower()).inc()
    log.info("status %s -> %s applied=%s", sid, new_status, applied)
    # 200 even when nothing moved (unknown sid, late callback): Twilio retries anything else.
    return Response(status_code=200)
