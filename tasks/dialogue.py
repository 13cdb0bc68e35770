"""Tasks of the safety dialogue: the second reading of a reply, and the periodic sweep
(replies whose task was lost, questions nobody answered)."""

from __future__ import annotations

from datetime import UTC, datetime

from coach import dialogue, second_read
from coach import resources as runtime
from coach.db.engine import transaction
from coach.enqueue import enqueue_alert_notifications, enqueue_sends
from tasks.celery_app import app


def _now() -> datetime:
    return datetime.now(UTC)


def _read_and_ask(message_ids: list[int]) -> int:
    """Each reply's second read, its question published as soon as it is read."""
    factory, settings = runtime.session_factory(), runtime.settings()
    questions = 0
    for message_id in message_ids:
        result = second_read.read_one(factory, settings, int(message_id), now=_now())
        if result.to_send:
            # The question goes on the urgent queue: it must reach the patient within seconds.
            enqueue_sends(result.to_send, urgent=True)
            questions += len(result.to_send)
    return questions


@app.task(name="coach.second_read", ignore_result=True)
def read_reply(message_id: int) -> int:
    """One reply (kept for tasks published before `coach.second_reads`)."""
    return _read_and_ask([message_id])


@app.task(name="coach.second_reads", ignore_result=True)
def read_replies(message_ids: list[int]) -> int:
    """The second reads of a batch of replies (coach.second_read.enqueue_reads)."""
    return _read_and_ask(message_ids)


@app.task(name="coach.dialogue_sweep", ignore_result=True)
def sweep() -> dict[str, int]:
    factory, settings, now = runtime.session_factory(), runtime.settings(), _now()
    result = second_read.sweep(factory, settings, now=now)
    enqueue_sends(result.to_send, urgent=True)
    with transaction(factory) as session:
        raised = dialogue.escalate_unanswered(session, settings, now=now)
    enqueue_alert_notifications(raised)
    return {"read": result.read, "questions": len(result.to_send), "escalated": len(raised)}
