"""Publish Celery tasks by id after a commit. Never raises: if the broker is down the rows
stay queued in the database and the next tick enqueues them again."""

from __future__ import annotations

import logging
from collections.abc import Iterable

log = logging.getLogger(__name__)


def enqueue_sends(ids: Iterable[int], *, urgent: bool = False) -> int:
    from tasks.dispatch import send_message

    return _publish(send_message, ids, queue="urgent" if urgent else None)


def enqueue_alert_notifications(ids: Iterable[int]) -> int:
    from tasks.dispatch import notify_alert

    return _publish(notify_alert, ids)


def _publish(task: object, ids: Iterable[int], queue: str | None = None) -> int:
    published = 0
    options = {"queue": queue} if queue else {}
    for item in ids:
        try:
            task.apply_async(args=(item,), retry=False, **options)  # type: ignore[attr-defined]
            published += 1
        except Exception as exc:  # broker down: the tick's sweep catches up later
            log.warning("could not enqueue %s for id %s: %s", getattr(task, "name", task),
                        item, type(exc).__name__)
            break
    return published
