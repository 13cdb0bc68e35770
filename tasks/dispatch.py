"""Thin tasks: each takes ids, calls coach, and is safe to run twice."""

from __future__ import annotations

import logging
import random
from datetime import UTC, datetime

from celery import Task

from coach import alerts, dispatch, summaries
from coach import resources as runtime
from coach.db.engine import transaction
from coach.enqueue import enqueue_alert_notifications, enqueue_sends
from tasks.celery_app import app

log = logging.getLogger(__name__)

MAX_RETRIES = 6


def _now() -> datetime:
    return datetime.now(UTC)


@app.task(name="coach.tick", ignore_result=True)
def tick() -> dict[str, int]:
    result = dispatch.tick(runtime.session_factory(), runtime.settings(), now=_now())
    enqueue_sends(result.to_send)
    enqueue_alert_notifications(result.alerts_to_notify)
    return {"queued": len(result.to_send), "skipped": result.skipped}


@app.task(name="coach.send_message", bind=True, ignore_result=True, max_retries=MAX_RETRIES)
def send_message(self: Task, message_id: int) -> str:
    final = self.request.retries >= MAX_RETRIES
    outcome = dispatch.send_message(
        runtime.session_factory(),
        runtime.settings(),
        runtime.backend(),
        message_id,
        now=_now(),
        limiter=runtime.limiter(),
        final_attempt=final,
    )
    if outcome == "retry":
        # Exponential backoff with full jitter, capped: short countdowns only (no long ETAs).
        cap = dispatch.RETRY_WINDOW.total_seconds()
        countdown = random.uniform(0, min(cap, 5 * 2**self.request.retries))
        raise self.retry(countdown=countdown)
    return outcome


@app.task(name="coach.notify_alert", ignore_result=True)
def notify_alert(alert_id: int) -> None:
    with transaction(runtime.session_factory()) as session:
        message_id = alerts.notify(session, runtime.settings(), alert_id, now=_now())
    if message_id is not None:
        enqueue_sends([message_id], urgent=True)


@app.task(name="coach.weekly_summaries", ignore_result=True)
def weekly_summaries() -> int:
    ids = summaries.queue_weekly(runtime.session_factory(), runtime.settings(), now=_now())
    enqueue_sends(ids)
    return len(ids)
