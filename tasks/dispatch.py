"""Thin tasks: each takes ids, calls coach, and is safe to run twice."""

from __future__ import annotations

import logging
import random
from datetime import UTC, datetime

from celery import Task

from coach import alerts, dispatch, send, summaries
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


def _backoff(retries: int) -> float:
    # Exponential backoff with full jitter, capped: short countdowns only (no long ETAs).
    cap = send.RETRY_WINDOW.total_seconds()
    return random.uniform(0, min(cap, 5 * 2**retries))


@app.task(name="coach.send_batch", bind=True, ignore_result=True, max_retries=MAX_RETRIES)
def send_batch(self: Task, message_ids: list[int], sender: str | None = None) -> dict[str, int]:
    """Up to coach.send.BATCH_LIMIT outbox rows of one sender (coach.enqueue groups them);
    rows that hit a transient error are retried together, with backoff."""
    final = self.request.retries >= MAX_RETRIES
    outcomes = send.send_batch(
        runtime.session_factory(),
        runtime.settings(),
        runtime.backend(),
        [int(i) for i in message_ids],
        now=_now,
        limiter=runtime.limiter(),
        final_attempt=final,
    )
    retry = sorted(mid for mid, outcome in outcomes.items() if outcome == "retry")
    if retry:
        raise self.retry(args=(retry, sender), countdown=_backoff(self.request.retries))
    counts: dict[str, int] = {}
    for outcome in outcomes.values():
        counts[outcome] = counts.get(outcome, 0) + 1
    return counts


@app.task(name="coach.send_message", bind=True, ignore_result=True, max_retries=MAX_RETRIES)
def send_message(self: Task, message_id: int) -> str:
    """One row (the task published before sends were batched; kept for tasks in flight)."""
    final = self.request.retries >= MAX_RETRIES
    outcome = send.send_message(
        runtime.session_factory(),
        runtime.settings(),
        runtime.backend(),
        message_id,
        now=_now,
        limiter=runtime.limiter(),
        final_attempt=final,
    )
    if outcome == "retry":
        raise self.retry(countdown=_backoff(self.request.retries))
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


@app.task(name="coach.noop", ignore_result=True)
def noop(marker: str | None = None) -> None:
    """Does nothing (`coach bench dispatch` measures Celery's own cost per task with it);
    touches `marker` when given, so the bench sees when the last one ran."""
    if marker:
        from pathlib import Path

        Path(marker).touch()
