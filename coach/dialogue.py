"""The safety dialogue around a reply: the clarifying question, the weekly screen's answer,
and the review items operators work through.

- After the second reader (coach/second_read.py) suspects a red flag the lexicon did not
  affirm, `after_second_read` opens a review item and, when it can change what the patient
  hears, texts one short question ("To be safe: is this new, or is it severe? Reply YES or
  NO").
- The patient's next reply is read in that context by `read_in_context`: YES (or a reply that
  now affirms a red flag) gets the advice of the suspected codes' level and an alert; NO
  closes the question; STOP still stops. A reply after the weekly screen is read as its answer.
- `escalate_unanswered` (periodic) raises a question nobody answered in
  COACH_CHECK_TIMEOUT_MINUTES to an operator alert.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, ScalarSelect, bindparam, literal, select
from sqlalchemy.orm import Session

from coach import alerts, patients
from coach.config import Settings
from coach.core.dialogue import Answer, highest_level, question_key, read_answer, should_ask
from coach.core.screen import read_screen_answer
from coach.core.triage import Reading
from coach.core.types import Command, Level, PatientStatus, RedFlag
from coach.db.models import Alert, Message, Patient
from coach.db.review import ReviewItem
from coach.outbox import record_event
from messages import render

if TYPE_CHECKING:
    from coach.second_read import AssessmentLike

log = logging.getLogger(__name__)

# How long a reply still counts as the answer to a question or a screen.
ANSWER_WINDOW = timedelta(hours=24)
SCREEN_WINDOW = timedelta(hours=48)
SCREEN_KINDS = ("screen", "screen_again")
# The learned reader leaned towards a red flag (score at least this) without suspecting one,
# or the reply asks something no reader answers: an operator should look at it.
UNPLACED_SCORE = 0.25
ESCALATE_BATCH = 500


def _codes(text: str | None) -> tuple[RedFlag, ...]:
    known = {flag.value: flag for flag in RedFlag}
    wanted = {c for c in (text or "").split(",") if c in known}
    return tuple(flag for flag in RedFlag if flag.value in wanted)


def _join(codes: tuple[RedFlag, ...] | list[RedFlag]) -> str:
    return ",".join(code.value for code in codes)


@dataclass
class Turn:
    """A reply as coach reads it given what coach last asked the patient."""

    level: Level
    red_flags: tuple[RedFlag, ...]
    command: Command | None
    severity: int | None
    about_other: bool
    reply_key: str | None = None  # a messages/ key that replaces the usual reply
    reply_kind: str | None = None
    item: ReviewItem | None = None  # the open question this reply settles
    outcome: str | None = None  # yes | no | affirmed | stopped
    second_read: bool = True
    diary: bool = True
    review_reason: str | None = None  # open a review item for this reply
    review_codes: tuple[RedFlag, ...] = field(default=())

    @classmethod
    def plain(cls, reading: Reading) -> Turn:
        return cls(reading.level, reading.red_flags, reading.command, reading.severity,
                   reading.about_other)


# The reply path asks these for every inbound message, and mostly finds nothing: built once
# (building a select costs more than running it) and run as Core on the session's connection,
# loading the ORM row only when there is one. The webhook asks the first two inside its one
# lookup of the sender (coach/inbound.py), correlated to the patient's row.
_R = ReviewItem.__table__.c
_M = Message.__table__.c


def _constants(*values: str) -> list[ColumnElement[str]]:
    """An IN list compiled once with its statement: plain IN over a tuple is an "expanding"
    parameter, rendered again at each execution (about 40 us of Python a statement)."""
    return [literal(value) for value in values]


def question_probe(patient_id: ColumnElement[int]) -> ScalarSelect[int]:
    """The id of `patient_id`'s open question asked since :question_since, if any."""
    return (
        select(_R.id)
        .where(
            _R.patient_id == patient_id,
            _R.dialogue.in_(_constants("asked", "expired")),
            _R.asked_at >= bindparam("question_since"),
        )
        .order_by(_R.asked_at.desc())
        .limit(1)
        .scalar_subquery()
    )


def screen_probe(patient_id: ColumnElement[int]) -> ScalarSelect[int]:
    """The id of the latest screen sent to `patient_id` since :screen_since, if any."""
    return (
        select(_M.id)
        .where(
            _M.patient_id == patient_id,
            _M.direction == "out",
            _M.kind.in_(_constants(*SCREEN_KINDS)),
            _M.sent_at.is_not(None),
            _M.sent_at >= bindparam("screen_since"),
        )
        .order_by(_M.sent_at.desc(), _M.id.desc())
        .limit(1)
        .scalar_subquery()
    )


def probe_params(now: datetime) -> dict[str, datetime]:
    return {"question_since": now - ANSWER_WINDOW, "screen_since": now - SCREEN_WINDOW}


_OPEN_QUESTION = select(question_probe(bindparam("patient_id")))
_SCREEN_PROMPT = select(screen_probe(bindparam("patient_id")))
_REPLIED_SINCE = (
    select(_M.id)
    .where(
        _M.patient_id == bindparam("patient_id"),
        _M.direction == "in",
        _M.created_at >= bindparam("since"),
        _M.id != bindparam("inbound_id"),
        _M.id > bindparam("prompt_id"),
    )
    .limit(1)
)


class Probe(enum.Enum):
    """Not read yet (a caller that did not ask `question_probe` or `screen_probe` itself)."""

    NOT_READ = "not read"


PROBE = Probe.NOT_READ


def open_question(session: Session, patient: Patient | None, now: datetime) -> ReviewItem | None:
    if patient is None:
        return None
    session.flush()  # Core below: what this session added must be in the database
    found = session.connection().execute(
        _OPEN_QUESTION, {"patient_id": patient.id, **probe_params(now)}
    ).scalar()
    return None if found is None else session.get(ReviewItem, found)


def _screen_prompt(
    session: Session, patient: Patient, inbound: Message, now: datetime,
    found: int | Probe | None = PROBE,
) -> Message | None:
    """The screen (or its repeat) this reply answers: the latest one sent, with no reply
    from the patient since. `found`: the latest screen's id, when the caller read it."""
    session.flush()
    conn = session.connection()
    if found is PROBE:
        found = conn.execute(
            _SCREEN_PROMPT, {"patient_id": patient.id, **probe_params(now)}
        ).scalar()
    prompt = None if found is None else session.get(Message, found)
    if prompt is None or prompt.sent_at is None:
        return None
    replied = conn.execute(
        _REPLIED_SINCE,
        {"patient_id": patient.id, "since": prompt.sent_at, "inbound_id": inbound.id,
         "prompt_id": prompt.id},
    ).scalar()
    return None if replied is not None else prompt


def read_in_context(
    session: Session,
    patient: Patient | None,
    reading: Reading,
    body: str,
    inbound: Message,
    *,
    now: datetime,
    question_id: int | Probe | None = PROBE,
    screen_id: int | Probe | None = PROBE,
) -> Turn:
    """`question_id` and `screen_id`: what `question_probe` and `screen_probe` found, when the
    caller asked them in its own statement (the webhook's lookup); else they are asked here."""
    turn = Turn.plain(reading)
    if patient is None or patient.status == PatientStatus.OPTED_OUT:
        return turn
    if question_id is PROBE:
        item = open_question(session, patient, now)
    else:
        item = None if question_id is None else session.get(ReviewItem, question_id)
    prompt = _screen_prompt(session, patient, inbound, now, screen_id)
    if item is not None and (
        prompt is None
        or prompt.sent_at is None
        or (item.asked_at is not None and item.asked_at >= prompt.sent_at)
    ):
        return _answer_question(turn, item, reading, body)
    if prompt is not None:
        return _answer_screen(turn, prompt, reading, body)
    return turn


def _answer_question(turn: Turn, item: ReviewItem, reading: Reading, body: str) -> Turn:
    turn.item = item
    if reading.command is Command.STOP:
        turn.outcome = "stopped"  # STOP still stops; the question is dropped
        return turn
    if reading.level != Level.ROUTINE:
        turn.outcome = "affirmed"  # said in their own words: the lexicon's advice, as today
        return turn
    answer = read_answer(body)
    if answer is None:
        turn.item = None  # something else: read as usual, the question stays open
        return turn
    turn.second_read = False
    turn.diary = False
    turn.command = None
    turn.severity = None
    if answer is Answer.YES:
        codes = _codes(item.suspected)
        turn.outcome = "yes"
        turn.red_flags = codes
        turn.level = highest_level(codes)
        return turn
    turn.outcome = "no"
    turn.reply_key = "check.no"
    turn.reply_kind = "check"
    return turn


def _answer_screen(turn: Turn, prompt: Message, reading: Reading, body: str) -> Turn:
    if reading.command is Command.STOP:
        return turn
    answer = read_screen_answer(body)
    if answer is None:
        if reading.level != Level.ROUTINE:
            return turn  # a red flag in free text wins
        if reading.command not in (None, Command.START):
            return turn  # PAUSE, HELP, RESUME: a command, not an answer
        if prompt.kind == "screen":
            turn.reply_key, turn.reply_kind = "screen.again", "screen_again"
        else:
            turn.reply_key, turn.reply_kind = "screen.review", "screen_reply"
            turn.review_reason = "screen_unclear"
        return turn
    turn.second_read = False
    turn.diary = False
    turn.command = None
    turn.severity = None
    flags = set(reading.red_flags) | set(answer.red_flags)
    turn.red_flags = tuple(flag for flag in RedFlag if flag in flags)
    turn.level = highest_level(turn.red_flags)
    if not turn.red_flags:
        turn.reply_key, turn.reply_kind = "screen.none", "screen_reply"
    return turn


def alert_for(
    session: Session,
    settings: Settings,
    *,
    patient: Patient | None,
    level: Level,
    codes: tuple[RedFlag, ...],
    original: Message | None,
    fallback: Message | None,
    reason: str,
    now: datetime,
    about_other: bool = False,
) -> Alert:
    """An alert about `original` (the reply in the patient's words). If that reply already
    has an open alert (the lexicon's urgent one, say), it is raised and paged again instead
    of opening a second."""
    existing = None
    if original is not None:
        existing = session.scalar(select(Alert).where(Alert.message_id == original.id))
    if existing is not None and existing.status == "open":
        merged = set(_codes(existing.codes)) | set(codes)
        existing.codes = _join([flag for flag in RedFlag if flag in merged])
        if level.rank > Level(existing.level).rank:
            existing.level = level.value
        existing.next_notify_at = now
        return existing
    return alerts.open_alert(
        session, settings, patient=patient, level=level, codes=[c.value for c in codes],
        now=now, message=original if existing is None else fallback, reason=reason,
        about_other=about_other,
    )


def settle(turn: Turn, alert_id: int | None, answer: Message, now: datetime) -> None:
    """Record what became of the open question this reply answered."""
    item = turn.item
    if item is None or turn.outcome is None:
        return
    item.dialogue = turn.outcome
    item.answered_at = now
    item.answer_id = answer.id
    if alert_id is not None and item.alert_id is None:
        item.alert_id = alert_id


def open_review(
    session: Session,
    message: Message,
    patient: Patient | None,
    *,
    reason: str,
    suspected: tuple[RedFlag, ...],
    scores: str | None,
    now: datetime,
    lang: str,
) -> ReviewItem:
    existing = session.scalar(select(ReviewItem).where(ReviewItem.message_id == message.id))
    if existing is not None:
        if existing.reason == "question" and suspected:
            # A question the FAQ handed over, in which the second reader now suspects a red
            # flag: the suspicion is what the care team must see first, and what is asked.
            existing.reason = reason
            existing.suspected = _join(suspected)
            existing.scores = scores
        return existing
    item = ReviewItem(
        patient_id=patient.id if patient else None,
        message_id=message.id,
        reason=reason,
        suspected=_join(suspected),
        scores=scores,
        lang=lang,
        dialogue="none",
        status="open",
        created_at=now,
    )
    session.add(item)
    session.flush()
    return item


def _unplaced(reading: Reading, assessment: AssessmentLike, body: str) -> bool:
    if reading.level != Level.ROUTINE or reading.command is not None:
        return False
    if reading.severity is not None or not body.strip():
        return False
    flags = {flag.value for flag in RedFlag}
    leaning = any(
        score >= UNPLACED_SCORE for code, score in assessment.scores.items() if code in flags
    )
    return leaning or "?" in body


def after_second_read(
    session: Session,
    settings: Settings,
    message: Message,
    patient: Patient | None,
    assessment: AssessmentLike,
    *,
    now: datetime,
) -> list[int]:
    """Act on the second reading of a stored reply; returns outbox ids to send."""
    from coach.second_read import scores_json

    reading = assessment.reading
    check = tuple(flag for flag in RedFlag if flag in set(assessment.check))
    lang = patient.lang if patient else reading.lang
    if not check:
        if _unplaced(reading, assessment, message.body):
            open_review(session, message, patient, reason="unplaced", suspected=(),
                        scores=scores_json(assessment.scores), now=now, lang=lang)
        return []
    item = open_review(session, message, patient, reason="suspected", suspected=check,
                       scores=scores_json(assessment.scores), now=now, lang=lang)
    if item.dialogue != "none" or patient is None:
        return []
    # A newer reply may already have said it, or said STOP: then there is nothing to ask.
    since = session.scalars(
        select(Message).where(
            Message.patient_id == patient.id, Message.direction == "in", Message.id > message.id
        )
    ).all()
    if any(m.body.strip() for m in since):
        return []
    timeout = timedelta(minutes=settings.check_timeout_minutes)
    status = PatientStatus(patient.status)
    if not should_ask(
        check=check,
        advised_level=reading.level,
        command=reading.command,
        status=None if status == PatientStatus.PENDING else status,
        question_open=open_question(session, patient, now) is not None,
    ):
        return []
    if now - message.created_at >= timeout:
        # Read this late (the workers were down), a question would be too late: an operator
        # is told at once instead.
        item.dialogue = "expired"
        item.alert_id = _escalate(session, settings, item, patient, now).id
        return []
    body = render(question_key(check), lang, crisis_line=settings.crisis_line)
    question = patients.queue_message(
        session, patient, kind="check", body=body, now=now, dedupe_key=f"check:{message.id}"
    )
    record_event(session, question, question.status, now)
    item.dialogue = "asked"
    item.question = body
    item.question_id = question.id
    item.asked_at = now
    item.expires_at = now + timeout
    log.info("clarifying question %s for message %s (codes %s)", question.id, message.id,
             item.suspected)
    return [question.id]


def _escalate(
    session: Session, settings: Settings, item: ReviewItem, patient: Patient | None,
    now: datetime,
) -> Alert:
    codes = _codes(item.suspected)
    original = session.get(Message, item.message_id) if item.message_id else None
    return alert_for(
        session, settings, patient=patient,
        level=max(highest_level(codes), Level.URGENT, key=lambda level: level.rank),
        codes=codes, original=original, fallback=None, reason="check_unanswered", now=now,
    )


def escalate_unanswered(session: Session, settings: Settings, *, now: datetime) -> list[int]:
    """Questions nobody answered in time become operator alerts. Returns alert ids."""
    query = (
        select(ReviewItem)
        .where(ReviewItem.dialogue == "asked", ReviewItem.expires_at <= now)
        .order_by(ReviewItem.expires_at)
        .limit(ESCALATE_BATCH)
    )
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    raised: list[int] = []
    for item in session.scalars(query):
        patient = session.get(Patient, item.patient_id) if item.patient_id else None
        alert = _escalate(session, settings, item, patient, now)
        item.dialogue = "expired"
        item.alert_id = alert.id
        raised.append(alert.id)
        log.warning("clarifying question of review item %s unanswered: alert %s", item.id,
                    alert.id)
    return raised
