"""The message log (in and out) as operators and the CLI see it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coach.core.localtime import iso_utc
from coach.db.models import Message, MessageEvent


def list_messages(
    session: Session, *, patient_id: int | None = None, limit: int = 200
) -> list[Message]:
    query = select(Message).order_by(Message.id.desc()).limit(max(1, min(limit, 5000)))
    if patient_id is not None:
        query = query.where(Message.patient_id == patient_id)
    return list(reversed(list(session.scalars(query))))


def message_json(message: Message) -> dict[str, Any]:
    return {
        "id": message.id,
        "direction": message.direction,
        "kind": message.kind,
        "status": message.status,
        "provider_sid": message.provider_sid,
        "body": message.body,
        "created_at": iso_utc(message.created_at),
        "sent_at": iso_utc(message.sent_at),
        "patient_id": message.patient_id,
        "slot_at": iso_utc(message.slot_at),
        "skip_reason": message.skip_reason,
        "error_code": message.error_code,
    }


def record_event(
    session: Session, message: Message, status: str, now: datetime, detail: str | None = None
) -> None:
    session.add(MessageEvent(message_id=message.id, status=status, detail=detail, at=now))
