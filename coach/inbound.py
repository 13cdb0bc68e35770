"""A patient's SMS arriving: stored once, understood, answered in the webhook's own reply.

The reply text is returned to the web layer, which puts it in the TwiML response: advice
reaches the patient even when the broker or the workers are down. Alerts, diary entries and
follow-ups are written in the same transaction, so nothing is lost if the broker is down.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import bindparam, insert, literal, select
from sqlalchemy.orm import Session

from coach import alerts, dialogue, diary, faq, patients
from coach.config import Settings
from coach.core import pause_until
from coach.core.respond import Decision, PatientView, decide
from coach.core.triage import Reading, understand
from coach.core.types import Command, Level, MessageStatus, PatientStatus, status_moves_forward
from coach.db.engine import attach_row, inserted_id
from coach.db.models import Message, MessageEvent, Patient
from coach.db.review import PendingRead
from coach.outbox import record_event
from coach.phone import PhoneError, mask_phone, normalize_phone
from messages import render

log = logging.getLogger(__name__)

MAX_STORED_BODY = 65536


@dataclass(frozen=True)
class InboundSms:
    sid: str
    from_number: str
    to_number: str | None
    body: str
    num_media: int = 0


@dataclass
class InboundOutcome:
    reply: str | None = None
    to_send: list[int] = field(default_factory=list)
    alerts: list[int] = field(default_factory=list)
    duplicate: bool = False
    inbound_id: int | None = None
    level: str = Level.ROUTINE.value
    red_flags: list[str] = field(default_factory=list)
    second_reads: list[int] = field(default_factory=list)  # inbound ids for the second reader


# Replies repeat ("2", "ok", "YES", "better today"), and the reading of a text is a pure
# function of the text and the language, and immutable: short ones are read once per process.
_CACHED_READING_CHARS = 160


@lru_cache(maxsize=4096)
def _cached_reading(text: str, lang: str | None) -> Reading:
    return understand(text, lang=lang)


def _understand(text: str, lang: str | None) -> Reading:
    if len(text) > _CACHED_READING_CHARS:
        return understand(text, lang=lang)
    return _cached_reading(text, lang)


@lru_cache(maxsize=8192)
def _sender(from_number: str, region: str) -> str:
    """The sender as stored: E.164, or the raw address cut to the column. A pure function of
    its arguments (phonenumbers' parse and validity check are ~20 us a webhook), so the
    numbers that text us are worked out once per process."""
    try:
        return normalize_phone(from_number, region)
    except PhoneError:
        return from_number[:20]


def _clean(text: str) -> str:
    return text.replace("\x00", "")[:MAX_STORED_BODY]


ADVICE_KEYS = (
    "advice.emergency", "advice.emergency_other", "advice.self_harm",
    "advice.urgent", "advice.urgent_other",
)


def _advised_since_opt_out(
    session: Session, settings: Settings, patient: Patient
) -> frozenset[str]:
    """Which advice texts an opted-out patient has had since STOP (each goes once)."""
    if patient.status != PatientStatus.OPTED_OUT or patient.opted_out_at is None:
        return frozenset()
    bodies = set(
        session.scalars(
            select(Message.body).where(
                Message.patient_id == patient.id,
                Message.direction == "out",
                Message.kind == "advice",
                Message.created_at >= patient.opted_out_at,
            )
        )
    )
    if not bodies:
        return frozenset()
    params = _reply_params(settings, patient, Decision(), datetime.now(UTC))
    return frozenset(k for k in ADVICE_KEYS if render(k, patient.lang, **params) in bodies)


def _reply_params(
    settings: Settings, patient: Patient | None, decision: Decision, now: datetime
) -> dict[str, Any]:
    params: dict[str, Any] = {
        "emergency_number": settings.emergency_number,
        "crisis_line": settings.crisis_line,
        "care_line": settings.care_line,
        "clinic": settings.clinic_name,
    }
    if decision.pause_for and patient is not None:
        until = (now + decision.pause_for).astimezone(ZoneInfo(patient.tz))
        params["until"] = show_until(until, patient.lang)
    return params


_ES_DAYS = ("lun", "mar", "mie", "jue", "vie", "sab", "dom")
_ES_MONTHS = ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic")
_EN_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def show_until(local: datetime, lang: str) -> str:
    """A pause's end as the patient reads it: "Mon 15 Mar" (a pause until a day ends at its
    start, so no time is shown), "Sat 13 Mar 10:00", "lun 15 mar" in Spanish."""
    days, months = (_ES_DAYS, _ES_MONTHS) if lang == "es" else (_EN_DAYS, _EN_MONTHS)
    text = f"{days[local.weekday()]} {local.day:02d} {months[local.month - 1]}"
    if (local.hour, local.minute) != (0, 0):
        text += f" {local:%H:%M}"
    return text


def _apply_action(
    session: Session, patient: Patient | None, decision: Decision, now: datetime
) -> None:
    if patient is None or decision.action is None:
        return
    if decision.action == "opt_in":
        method = "sms_start" if patient.status == PatientStatus.OPTED_OUT else "sms_yes"
        patients.opt_in(session, patient, now=now, method=method)
    elif decision.action == "opt_out":
        patients.opt_out(session, patient, now=now)
    elif decision.action == "pause":
        patients.pause(session, patient, now=now, duration=decision.pause_for)
    elif decision.action == "resume":
        patients.resume(session, patient, now=now)
    elif decision.action == "pause_coaching":
        patients.pause(session, patient, now=now, duration=None, reason="self_harm")


def _pause_for(
    reading: Reading, body: str, patient: Patient | None, now: datetime
) -> timedelta | None:
    """How long a pause lasts, read with the patient's own calendar ("until the 15th",
    "hasta el lunes", "for ten days" across a DST change)."""
    if reading.command is not Command.PAUSE or patient is None:
        return reading.pause_for
    end = pause_until.pause_end(body, now=now, zone=ZoneInfo(patient.tz))
    return reading.pause_for if end is None else end - now


# Statements every webhook runs, built once (building one costs more than running it), as
# Core on the session's connection where no ORM object is needed.
_M = Message.__table__.c
_ID_BY_DEDUPE = select(_M.id).where(_M.dedupe_key == bindparam("key"))
_BODY_BY_DEDUPE = select(_M.body).where(_M.dedupe_key == bindparam("key"))
_INSERT_MESSAGE = insert(Message.metadata.tables[Message.__tablename__])
_MESSAGE_COLUMNS = {column.key: None for column in Message.__table__.columns if column.key != "id"}
_INSERT_EVENT = insert(Message.metadata.tables[MessageEvent.__tablename__])
_INSERT_PENDING_READ = insert(Message.metadata.tables[PendingRead.__tablename__])
_P = Patient.__table__.c
_PATIENT_COLUMNS = tuple(column.key for column in Patient.__table__.columns)
# Everything the webhook reads before it writes, in one statement: whether this MessageSid
# was stored already, the sender's patient row (none: a one-row FROM left-joined to no
# patient), and whether an open question or a recent screen may await this reply.
_ONE_ROW = select(literal(1).label("one")).subquery("one_row")
_LOOKUP = select(
    _ID_BY_DEDUPE.scalar_subquery().label("stored_id"),
    *(_P[key] for key in _PATIENT_COLUMNS),
    dialogue.question_probe(_P.id).label("question_id"),
    dialogue.screen_probe(_P.id).label("screen_id"),
).select_from(_ONE_ROW.outerjoin(Patient.__table__, _P.phone == bindparam("phone")))


def _attached_patient(session: Session, row: Any) -> Patient:
    """The patient the lookup read, as the persistent ORM object a query would have built
    (every column given: nothing left to load), without a second statement."""
    return attach_row(session, Patient, {key: row[key] for key in _PATIENT_COLUMNS})


def insert_message(session: Session, **values: Any) -> Message:
    """A message row written with one Core INSERT (about a quarter of the CPU of an ORM
    flush), then attached to the session as the persistent object it now is. Every column
    is given, so the object has nothing left to load from the database."""
    row = _message_row(values)
    result = session.connection().execute(_INSERT_MESSAGE, row)
    return attach_row(session, Message, {"id": inserted_id(result), **row})


def insert_row(session: Session, **values: Any) -> int:
    """A message row nobody reads back in this transaction (the reply): the INSERT alone,
    no ORM object to build and attach."""
    return inserted_id(session.connection().execute(_INSERT_MESSAGE, _message_row(values)))


def _message_row(values: dict[str, Any]) -> dict[str, Any]:
    """Every column of a message row: the defaults, then what the caller gives."""
    return {**_MESSAGE_COLUMNS, "attempts": 0, **values}


def handle_inbound(
    session: Session, settings: Settings, sms: InboundSms, *, now: datetime
) -> InboundOutcome:
    conn = session.connection()
    sender = _sender(sms.from_number, settings.default_region)
    found = conn.execute(
        _LOOKUP, {"key": f"in:{sms.sid}", "phone": sender, **dialogue.probe_params(now)}
    ).mappings().one()
    existing = found["stored_id"]
    if existing is not None:
        # Twilio retried (our first answer was lost?): answer the same way, change nothing.
        earlier = conn.execute(_BODY_BY_DEDUPE, {"key": f"reply:{sms.sid}"}).scalar()
        return InboundOutcome(reply=earlier, duplicate=True, inbound_id=existing)
    patient = None if found["id"] is None else _attached_patient(session, found)
    body = _clean(sms.body)
    inbound = insert_message(
        session,
        patient_id=patient.id if patient else None,
        direction="in",
        kind="reply",
        body=body,
        from_number=sender,
        to_number=(sms.to_number or "")[:20] or None,
        status=MessageStatus.RECEIVED,
        dedupe_key=f"in:{sms.sid}",
        provider_sid=sms.sid,
        created_at=now,
        updated_at=now,
        sent_at=now,
    )

    if patient is not None and patient.phone_invalid_at is not None:
        # They just texted us from it: the number works after all.
        patient.phone_invalid_at = None
        patients.reschedule(session, patient, now)
    reading: Reading = _understand(body, patient.lang if patient else None)
    view = PatientView(
        status=PatientStatus(patient.status) if patient else None,
        advised_since_opt_out=(
            _advised_since_opt_out(session, settings, patient) if patient else frozenset()
        ),
    )
    # What coach last asked (a clarifying question, the weekly screen) decides how a short
    # reply reads: "YES" answers the question, "2" names a screen item, not a rating.
    turn = dialogue.read_in_context(
        session, patient, reading, body, inbound, now=now,
        question_id=found["question_id"], screen_id=found["screen_id"],
    )
    decision = decide(
        level=turn.level,
        red_flags=turn.red_flags,
        command=turn.command,
        about_other=turn.about_other,
        pause_for=_pause_for(reading, body, patient, now),
        patient=view,
    )
    outcome = InboundOutcome(
        inbound_id=inbound.id,
        level=turn.level.value,
        red_flags=[f.value for f in turn.red_flags],
    )
    _apply_action(session, patient, decision, now)

    alert_id: int | None = None
    if decision.alert_level is not None:
        if turn.item is not None and turn.outcome == "yes":
            # The answer to the question: the alert is about the reply in their own words.
            original = session.get(Message, turn.item.message_id) if turn.item.message_id else None
            alert = dialogue.alert_for(
                session, settings, patient=patient, level=decision.alert_level,
                codes=decision.red_flags, original=original, fallback=inbound,
                reason="check_answer", now=now,
            )
        else:
            alert = alerts.open_alert(
                session,
                settings,
                patient=patient,
                level=decision.alert_level,
                codes=[f.value for f in decision.red_flags],
                now=now,
                message=inbound,
                about_other=turn.about_other,
            )
        alert_id = alert.id
        outcome.alerts.append(alert.id)
        if decision.follow_up and patient is not None:
            followup = patients.queue_message(
                session,
                patient,
                kind="followup",
                body=render("followup.emergency", patient.lang),
                now=now,
                due_at=patients.outside_quiet_hours(
                    patient, now + timedelta(hours=settings.followup_hours)
                ),
                dedupe_key=f"followup:{sms.sid}",
            )
            record_event(session, followup, followup.status, now)

    severity = turn.severity
    if (
        decision.diary and turn.diary and patient is not None
        and (body.strip() or severity is not None)
    ):
        diary.record(
            session, patient, at=now, severity=severity, note=body.strip() or None,
            message=inbound,
        )
        if severity is not None:
            outcome.to_send += diary.check_trends(session, settings, patient, now=now)

    reply_key = decision.reply
    if reply_key is None and turn.reply_key is not None and decision.alert_level is None:
        reply_key = turn.reply_key
    elif reply_key is None and decision.diary and decision.alert_level is None and patient:
        reply_key = "diary.ack_severity" if severity is not None else "diary.ack_note"
        if severity is None:
            # No red flag, no command, no rating: a question gets a vetted answer, or is
            # passed to the care team with a review item (coach/faq.py).
            reply_key = faq.reply_key(session, settings, patient, inbound, body, now=now) or (
                reply_key
            )
    if reply_key is not None:
        lang = patient.lang if patient else reading.lang
        params = _reply_params(settings, patient, decision, now)
        if reply_key == "diary.ack_severity":
            params["severity"] = severity
        outcome.reply = render(reply_key, lang, **params)
        kind = "advice" if reply_key.startswith("advice.") else reply_key.split(".")[0]
        if reply_key == turn.reply_key and turn.reply_kind:
            kind = turn.reply_kind
        reply_id = insert_row(
            session,
            patient_id=patient.id if patient else None,
            direction="out",
            kind=kind,
            body=outcome.reply,
            to_number=sender,
            status=MessageStatus.SENT,  # delivered in the webhook's TwiML answer
            dedupe_key=f"reply:{sms.sid}",
            created_at=now,
            updated_at=now,
            sent_at=now,
        )
        session.connection().execute(
            _INSERT_EVENT, {"message_id": reply_id, "status": "sent", "detail": "twiml", "at": now}
        )
    dialogue.settle(turn, alert_id, inbound, now)
    if turn.review_reason is not None:
        dialogue.open_review(
            session, inbound, patient, reason=turn.review_reason, suspected=turn.review_codes,
            scores=None, now=now, lang=patient.lang if patient else reading.lang,
        )
    if turn.second_read and body.strip():
        # The second reader runs in the worker; this row makes sure it runs (coach/second_read).
        session.connection().execute(
            _INSERT_PENDING_READ, {"message_id": inbound.id, "created_at": now}
        )
        outcome.second_reads.append(inbound.id)
    # The webhook's one log line (coach/web/receive.py logs only duplicates): a record costs
    # tens of microseconds, masked by coach.logs before any handler sees it.
    log.info(
        "inbound %s (%s) from %s: level=%s flags=%s command=%s reply=%s sends=%d alerts=%d",
        inbound.id,
        sms.sid,
        mask_phone(sender),
        turn.level.value,
        ",".join(outcome.red_flags) or "-",
        reading.command.value if reading.command else "-",
        outcome.reply is not None,
        len(outcome.to_send),
        len(outcome.alerts),
    )
    return outcome


def advice_without_storage(settings: Settings, body: str) -> str | None:
    """The safety answer to a message we could not store (database down): red-flag advice
    needs only the text, so it still goes back in the webhook's reply."""
    reading = understand(_clean(body))
    if reading.level == Level.ROUTINE:
        return None
    decision = decide(
        level=reading.level, red_flags=reading.red_flags, command=reading.command,
        about_other=reading.about_other, pause_for=None, patient=PatientView(None),
    )
    if decision.reply is None:
        return None
    params = _reply_params(settings, None, decision, datetime.now(UTC))
    return render(decision.reply, reading.lang, **params)


def apply_status(
    session: Session,
    *,
    provider_sid: str,
    status: str,
    error_code: str | None = None,
    now: datetime,
    message_id: int | None = None,
) -> bool:
    """A provider status callback. Moves a message's status forward only. `message_id` (from
    the callback URL we gave the provider) finds a row whose provider_sid is not saved yet."""
    message = session.scalar(
        select(Message).where(Message.provider_sid == provider_sid, Message.direction == "out")
    )
    if message is None and message_id is not None:
        candidate = session.get(Message, message_id)
        if (
            candidate is not None
            and candidate.direction == "out"
            and candidate.provider_sid in (None, provider_sid)
        ):
            message = candidate
            message.provider_sid = provider_sid
    if message is None:
        return False
    status = status.strip().lower()[:16]
    record_event(session, message, status, now, error_code)
    if not status_moves_forward(message.status, status):
        return False
    message.status = status
    message.updated_at = now
    if error_code:
        message.error_code = error_code[:16]
        if error_code == "21610" and message.patient_id:
            patient = session.get(Patient, message.patient_id)
            if patient is not None:
                patients.opt_out(session, patient, now=now)
    return True
