"""Publish Celery tasks by id after a commit. Never raises: if the broker is down the rows
stay queued in the database and the next tick enqueues them again."""

from __future__ import annotations

import logging
from collections.abc import Iterable

log = logging.getLogger(__name__)


def enqueue_sends(ids: Iterable[int]) -> int:
    from tasks.dispatch import send_message

    return _publish(send_message, ids)


def enqueue_alert_notifications(ids: Iterable[int]) -> int:
    from tasks.dispatch import notify_alert

    return _publish(notify_alert, ids)


def _publish(task: object, ids: Iterable[int]) -> int:
    published = 0
    for item in ids:
        try:
            task.apply_async(args=(item,), retry=False)  # type: ignore[attr-defined]
            published += 1
        except Exception as exc:  # broker down: the tick's sweep catches up later
            log.warning("could not enqueue %s for id %s: %s", getattr(task, "name", task),
                        item, type(exc).__name__)
            break
    return published
