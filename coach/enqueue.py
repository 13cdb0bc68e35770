"""Publish Celery tasks by id after a commit. Never raises: if the broker is down the rows
stay queued in the database and the next tick enqueues them again.

Sends go out as batches of up to coach.send.BATCH_LIMIT ids, one sender per batch, so
Celery's per-task cost is paid once per batch and a batch drains at its sender's own rate.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable

log = logging.getLogger(__name__)


def enqueue_sends(message_ids: Iterable[int], *, urgent: bool = False) -> int:
    """Publishes `coach.send_batch` tasks for these outbox rows (grouped per sender);
    returns how many ids were published. Warns when a sender cannot send its share within
    the grace period (coach.senders.warn_shortfalls)."""
    from tasks.dispatch import send_batch

    batches = batches_per_sender(message_ids)
    published = 0
    options = {"queue": "urgent"} if urgent else {}
    for sender, ids in batches:
        try:
            # The args' repr given: Celery's own safe repr is ~15 % of a publish's CPU.
            send_batch.apply_async(args=(ids, sender), retry=False,
                                   argsrepr=repr((ids, sender)), kwargsrepr="{}", **options)
            published += len(ids)
        except Exception as exc:  # broker down: the tick's sweep catches up later
            log.warning("could not enqueue a send batch of %d: %s", len(ids),
                        type(exc).__name__)
            break
    return published


def batches_per_sender(message_ids: Iterable[int]) -> list[tuple[str | None, list[int]]]:
    """The ids in batches of at most BATCH_LIMIT, each for one sender of the pool."""
    from coach import resources
    from coach.send import BATCH_LIMIT
    from coach.senders import pool_for, warn_shortfalls

    ids = sorted(set(message_ids))
    if not ids:
        return []
    settings = resources.settings()
    pool = pool_for(settings)
    groups: dict[str | None, list[int]] = defaultdict(list)
    if len(pool.senders) == 1:
        groups[pool.senders[0].key] = ids
    else:
        try:
            numbers = _numbers(ids)
        except Exception as exc:  # the worker picks each row's sender anyway
            log.warning("could not group sends per sender: %s", type(exc).__name__)
            numbers = {}
        for mid in ids:
            number = numbers.get(mid)
            groups[pool.for_number(number).key if number else None].append(mid)
    warn_shortfalls(
        {key: len(group) for key, group in groups.items() if key is not None},
        pool, settings.grace_minutes * 60.0,
    )
    return [
        (sender, group[i:i + BATCH_LIMIT])
        for sender, group in groups.items()
        for i in range(0, len(group), BATCH_LIMIT)
    ]


def _numbers(ids: list[int]) -> dict[int, str]:
    from sqlalchemy import select

    from coach import resources
    from coach.db.models import Message

    with resources.session_factory()() as session:
        rows = session.execute(
            select(Message.id, Message.to_number).where(Message.id.in_(ids))
        ).all()
    return {int(mid): number for mid, number in rows if number}


def enqueue_alert_notifications(ids: Iterable[int]) -> int:
    from tasks.dispatch import notify_alert

    published = 0
    for item in ids:
        try:
            notify_alert.apply_async(args=(item,), retry=False, argsrepr=f"({item!r},)",
                                     kwargsrepr="{}")
            published += 1
        except Exception as exc:  # broker down: the tick's sweep catches up later
            log.warning("could not enqueue %s for id %s: %s", notify_alert.name, item,
                        type(exc).__name__)
            break
    return published
