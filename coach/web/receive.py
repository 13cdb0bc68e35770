"""One inbound SMS through the service layer, shared by the Twilio webhook and the
dashboard's phone simulator so the two cannot drift apart."""

from __future__ import annotations

import gc
import logging
import threading
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool
from twilio.twiml.messaging_response import MessagingResponse

from coach import enqueue
from coach.config import Settings
from coach.db.engine import transaction
from coach.inbound import InboundOutcome, InboundSms, advice_without_storage, handle_inbound
from coach.phone import mask_phone
from coach.web.metrics import WebMetrics

log = logging.getLogger(__name__)


def receive(
    factory: sessionmaker[Session],
    settings: Settings,
    metrics: WebMetrics,
    sms: InboundSms,
    *,
    now: datetime,
    outcome_label: str = "processed",
) -> InboundOutcome:
    """Store and understand `sms` in one transaction (committed on return)."""
    with transaction(factory) as session:
        outcome = handle_inbound(session, settings, sms, now=now)
    if outcome.duplicate:
        metrics.inbound_counter("duplicate").inc()
        # handle_inbound logged the first delivery of this MessageSid; this is a retry.
        log.info("inbound %s from %s: duplicate, reply=%s", sms.sid,
                 mask_phone(sms.from_number), outcome.reply is not None)
    else:
        metrics.inbound_counter(outcome_label).inc()
        if outcome.level in ("urgent", "emergency"):
            metrics.red_flag_counter(outcome.level).inc()
    return outcome


def enqueue_after_commit(
    to_send: list[int], alerts: list[int], second_reads: list[int] | None = None
) -> None:
    """Hand the committed work to the workers. The enqueue functions are documented never to
    raise; we still refuse to let a broker problem turn into an error after the reply is out.
    (A second read that cannot be enqueued is picked up by the dialogue sweep.)"""
    try:
        if to_send:
            enqueue.enqueue_sends(list(to_send))
        if alerts:
            enqueue.enqueue_alert_notifications(list(alerts))
        if second_reads:
            from coach.second_read import enqueue_reads

            enqueue_reads(list(second_reads))
    except Exception:
        log.exception("enqueue failed (the beat tick will sweep the queued rows)")


class ReadHandOver:
    """Second reads handed to the worker in batches, without waiting for a batch to fill.

    Nearly every webhook has one (its reply's id); a Celery publish of its own cost the web
    process about 0.35 ms of CPU and a trip through the thread pool. Each webhook adds its
    ids here after its response; when no hand-over is running, it starts one (in the thread
    pool) that publishes everything gathered, again and again until nothing is left. A quiet
    server so publishes each id at once, as before; a busy one publishes all the ids that
    arrived during the previous publish in one task (coach.second_read.enqueue_reads). An id
    whose publish is lost is still read: its PendingRead row was committed with the reply, and
    the dialogue sweep reads it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._ids: list[int] = []
        self._running = False

    def add(self, ids: list[int]) -> bool:
        """Gather `ids`; True when the caller must run `drain` (no hand-over is running)."""
        with self._lock:
            self._ids.extend(ids)
            if self._running:
                return False
            self._running = True
            return True

    def drain(self) -> None:
        from coach import second_read

        try:
            while True:
                with self._lock:
                    ids, self._ids = self._ids, []
                    if not ids:
                        self._running = False
                        return
                try:
                    second_read.enqueue_reads(ids)
                except Exception:  # documented never to raise; the sweep catches up anyway
                    log.exception("second-read hand-over failed (the sweep reads them)")
        except BaseException:
            with self._lock:
                self._running = False
            raise


READS = ReadHandOver()


async def hand_over(to_send: list[int], alerts: list[int], second_reads: list[int]) -> None:
    """After a webhook's response: its sends and alerts to the broker (in the thread pool, as
    `enqueue_after_commit`), its second reads through READS."""
    drain = bool(second_reads) and READS.add(second_reads)
    if to_send or alerts:
        await run_in_threadpool(enqueue_after_commit, to_send, alerts)
    if drain:
        await run_in_threadpool(READS.drain)


def warm_up(settings: Settings) -> None:
    """Load, before the first webhook, what the inbound path would otherwise load on first
    use: the lexicon's patterns, the message catalogue, and the FAQ matcher (the sentence
    encoder's weights and the paraphrase index, about two seconds). Paid inside a request,
    that stalls every request the process holds. A failure here is only logged: the request
    path loads (or hands over) on its own."""
    from coach import faq
    from coach.core.triage import understand

    try:
        for text, lang in (("twitch 4", "en"), ("me duele la cara, 3", "es")):
            understand(text, lang=lang)
        advice_without_storage(settings, "i see double")
        faq.MATCHER.match_many(["how long does this last?"], faq.policy(settings))
    except Exception:
        log.exception("warm-up failed; the first webhooks will load what they need")
    # What is loaded now lives as long as the process: out of the collector's reach, a full
    # collection no longer walks it (about 50 ms that stalled every request in flight, now
    # and then, measured on a warmed web process; docs/PERFORMANCE.md). Once a process: a
    # second app in the same process (tests) leaves the first freeze as it is.
    if gc.get_freeze_count() == 0:
        gc.collect()
        gc.freeze()


def twiml(reply: str | None) -> str:
    response = MessagingResponse()
    if reply:
        response.message(reply)
    return str(response)
