"""The second reader, run in the worker right after a reply is stored.

The webhook answers with the lexicon reader alone (milliseconds, no broker needed) and writes
a `PendingRead` row in the same transaction. A task reads the reply again with
`coach.core.triage.assess` (both readers); when the learned reader suspects a red flag the
lexicon did not affirm, coach/dialogue.py asks the clarifying question and opens a review
item. The periodic sweep picks up any row whose task was lost, so a broker outage delays the
question but loses nothing.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from coach import dialogue
from coach.config import Settings
from coach.core.triage import Reading, understand
from coach.core.types import RedFlag
from coach.db.engine import transaction
from coach.db.models import Message, Patient
from coach.db.review import PendingRead

log = logging.getLogger(__name__)

# The task normally runs within a second or two; the sweep leaves it that head start, and
# takes back a claim whose worker died.
SWEEP_AFTER = timedelta(seconds=15)
CLAIM_EXPIRES = timedelta(minutes=2)
SWEEP_BATCH = 200


class AssessmentLike(Protocol):
    """What `coach.core.triage.assess` returns (its `Assessment`), as far as we use it."""

    @property
    def reading(self) -> Reading: ...
    @property
    def check(self) -> tuple[RedFlag, ...]: ...
    @property
    def scores(self) -> Mapping[str, float]: ...


Assessor = Callable[[str], AssessmentLike]


@dataclass(frozen=True)
class _LexiconOnly:
    reading: Reading
    check: tuple[RedFlag, ...] = ()
    scores: Mapping[str, float] = field(default_factory=dict)


def _lexicon_only(text: str) -> AssessmentLike:
    return _LexiconOnly(understand(text))


def default_assessor(lang: str | None = None) -> Assessor:
    """Both readers (`coach.core.triage.assess`) in the patient's language when the learned
    reader is installed; the lexicon alone otherwise (then nothing is suspected and no
    question is asked)."""
    try:
        from coach.core.triage import assess  # type: ignore[attr-defined, unused-ignore]
    except ImportError:
        return _lexicon_only

    def both(text: str) -> AssessmentLike:
        return assess(text, lang)  # type: ignore[no-any-return, unused-ignore]

    return both


@dataclass
class ReadResult:
    to_send: list[int] = field(default_factory=list)
    alerts: list[int] = field(default_factory=list)
    read: int = 0


def _claim(session: Session, message_id: int, now: datetime) -> bool:
    claimed = session.execute(
        update(PendingRead)
        .where(
            PendingRead.message_id == message_id,
            PendingRead.done_at.is_(None),
            or_(PendingRead.claimed_at.is_(None), PendingRead.claimed_at <= now - CLAIM_EXPIRES),
        )
        .values(claimed_at=now)
    )
    return bool(claimed.rowcount == 1)  # type: ignore[attr-defined]


def read_one(
    factory: sessionmaker[Session],
    settings: Settings,
    message_id: int,
    *,
    now: datetime,
    assessor: Assessor | None = None,
) -> ReadResult:
    """Second-read one stored reply, at most once. Safe to call twice or concurrently."""
    result = ReadResult()
    with transaction(factory) as session:
        if not _claim(session, message_id, now):
            return result
        message = session.get(Message, message_id)
        lang = None
        if message is not None and message.patient_id is not None:
            lang = session.scalar(select(Patient.lang).where(Patient.id == message.patient_id))
    if message is None:
        with transaction(factory) as session:
            session.get_one(PendingRead, message_id).done_at = now
        return result
    # The (possibly slow) model runs outside any transaction.
    try:
        assessment = (assessor or default_assessor(lang))(message.body)
    except Exception:
        # A broken model must not block the queue: the reply keeps the lexicon's reading,
        # and an operator sees it in the review queue.
        log.exception("second reader failed on message %s", message_id)
        assessment = None
    with transaction(factory) as session:
        pending = session.get_one(PendingRead, message_id)
        message = session.get_one(Message, message_id)
        patient = session.get(Patient, message.patient_id) if message.patient_id else None
        if assessment is not None:
            to_send = dialogue.after_second_read(
                session, settings, message, patient, assessment, now=now
            )
            result.to_send += to_send
            pending.check_codes = ",".join(code.value for code in assessment.check)[:200]
        else:
            dialogue.open_review(
                session, message, patient, reason="unplaced", suspected=(), scores=None,
                now=now, lang=patient.lang if patient else "en",
            )
        pending.done_at = now
        result.read = 1
    log.info("second read of message %s: check=%s", message_id, pending.check_codes or "-")
    return result


def sweep(
    factory: sessionmaker[Session],
    settings: Settings,
    *,
    now: datetime,
    assessor: Assessor | None = None,
) -> ReadResult:
    """Read every reply whose task never ran (lost, or the broker was down)."""
    with factory() as session:
        ids = list(
            session.scalars(
                select(PendingRead.message_id)
                .where(PendingRead.done_at.is_(None), PendingRead.created_at <= now - SWEEP_AFTER)
                .order_by(PendingRead.created_at)
                .limit(SWEEP_BATCH)
            )
        )
    total = ReadResult()
    for message_id in ids:
        one = read_one(factory, settings, message_id, now=now, assessor=assessor)
        total.to_send += one.to_send
        total.read += one.read
    return total


READ_BATCH = 50  # ids per second-read task


def enqueue_reads(ids: list[int]) -> int:
    """Publish second-read tasks after commit, up to READ_BATCH ids a task (a publish costs
    the web process ~0.3 ms of CPU, so one per webhook was a tenth of its budget); never
    raises (the sweep catches up)."""
    from tasks.dialogue import read_replies

    published = 0
    for start in range(0, len(ids), READ_BATCH):
        batch = [int(i) for i in ids[start:start + READ_BATCH]]
        try:
            # The args' repr given: Celery's own safe repr is ~15 % of a publish's CPU.
            read_replies.apply_async(args=(batch,), retry=False, queue="urgent",
                                     argsrepr=f"({batch!r},)", kwargsrepr="{}")
            published += len(batch)
        except Exception as exc:  # broker down: the dialogue sweep reads them later
            log.warning("could not enqueue a second read: %s", type(exc).__name__)
            break
    return published


def scores_json(scores: Mapping[str, float] | None) -> str | None:
    if not scores:
        return None
    return json.dumps({k: round(float(v), 4) for k, v in sorted(scores.items())})
