"""The review queue: replies a reader flagged as uncertain or could not place, labelled by an
operator with the right red-flag codes (or "no red flag"), and exported as training data.

`export_labels` writes the corpus format of tests/data/triage/README.md (text, lang, flag,
red_flags, level, command) and nothing else: no phone number, no patient id, and digits in
the text that look like a phone number are replaced.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from coach.core.dialogue import highest_level
from coach.core.localtime import iso_utc
from coach.core.types import Command, RedFlag
from coach.db.review import ReviewItem
from coach.errors import CoachError, NotFound

STATUSES = ("open", "labelled", "all")
MAX_LIST = 500
CODES = tuple(flag.value for flag in RedFlag)
COMMANDS = tuple(command.value for command in Command)

# Seven or more digits, optionally led by "+" and broken by spaces, dots, dashes or brackets:
# "+1 (202) 555-0101", "202.555.0101", "5550101". Ratings ("7/10"), dates ("3/12") and
# times are shorter and stay.
_PHONE_LIKE = re.compile(r"(?<![\w+])\+?\d(?:[\s().-]{0,2}\d){6,}(?!\w)")
PHONE_MASK = "[phone]"


def scrub_phone_numbers(text: str) -> str:
    return _PHONE_LIKE.sub(PHONE_MASK, text)


def _codes(text: str | None) -> list[str]:
    wanted = {c for c in (text or "").split(",") if c}
    return [code for code in CODES if code in wanted]


def list_items(
    session: Session, *, status: str = "open", limit: int = 100, before: int | None = None
) -> list[ReviewItem]:
    """Newest first. `before` (an item id) pages back."""
    if status not in STATUSES:
        raise CoachError(f"status must be one of {', '.join(STATUSES)}")
    query = (
        select(ReviewItem)
        .options(selectinload(ReviewItem.message))
        .order_by(ReviewItem.id.desc())
        .limit(max(1, min(limit, MAX_LIST)))
    )
    if status != "all":
        query = query.where(ReviewItem.status == status)
    if before is not None:
        query = query.where(ReviewItem.id < before)
    return list(session.scalars(query))


def get_item(session: Session, item_id: int) -> ReviewItem:
    item = session.get(ReviewItem, item_id)
    if item is None:
        raise NotFound(f"unknown review item: {item_id}")
    return item


def parse_codes(values: Iterable[str]) -> list[str]:
    """Red-flag codes from a list that may hold comma-separated parts; unknown ones refused."""
    codes: set[str] = set()
    for value in values:
        for part in str(value).split(","):
            code = part.strip().lower()
            if not code:
                continue
            if code not in CODES:
                raise CoachError(f"unknown red-flag code {code!r}: use {', '.join(CODES)}")
            codes.add(code)
    return [code for code in CODES if code in codes]


def label(
    session: Session,
    item_id: int,
    *,
    red_flags: Iterable[str] = (),
    no_red_flag: bool = False,
    command: str | None = None,
    by: str,
    now: datetime,
) -> ReviewItem:
    """Mark what the reply really says: its codes, or "no red flag". A later label replaces
    an earlier one (an operator may correct a colleague)."""
    codes = parse_codes(red_flags)
    if codes and no_red_flag:
        raise CoachError("choose red-flag codes or 'no red flag', not both")
    if not codes and not no_red_flag:
        raise CoachError("choose at least one red-flag code, or 'no red flag'")
    if command is not None:
        command = command.strip().lower() or None
        if command is not None and command not in COMMANDS:
            raise CoachError(f"unknown command {command!r}: use {', '.join(COMMANDS)}")
    item = get_item(session, item_id)
    item.status = "labelled"
    item.label_flag = bool(codes)
    item.label_codes = ",".join(codes)
    item.label_command = command
    item.labelled_by = (by or "operator").strip()[:100] or "operator"
    item.labelled_at = now
    return item


def item_json(item: ReviewItem) -> dict[str, Any]:
    """An item for operators: never the patient's phone number."""
    scores: dict[str, float] = {}
    if item.scores:
        try:
            scores = {str(k): float(v) for k, v in json.loads(item.scores).items()}
        except (ValueError, TypeError, AttributeError):
            scores = {}
    labelled = item.status == "labelled"
    return {
        "id": item.id,
        "patient_id": item.patient_id,
        "message_id": item.message_id,
        "text": item.message.body if item.message is not None else None,
        "lang": item.lang,
        "reason": item.reason,
        "suspected": _codes(item.suspected),
        "scores": scores,
        "dialogue": item.dialogue,
        "question": item.question,
        "asked_at": iso_utc(item.asked_at),
        "expires_at": iso_utc(item.expires_at),
        "answered_at": iso_utc(item.answered_at),
        "alert_id": item.alert_id,
        "status": item.status,
        "label": {
            "flag": item.label_flag,
            "red_flags": _codes(item.label_codes),
            "command": item.label_command,
        } if labelled else None,
        "labelled_by": item.labelled_by,
        "labelled_at": iso_utc(item.labelled_at),
        "created_at": iso_utc(item.created_at),
    }


def export_labels(session: Session) -> Iterator[dict[str, Any]]:
    """Labelled items in the corpus format, oldest first, one object per reply."""
    query = (
        select(ReviewItem)
        .options(selectinload(ReviewItem.message))
        .where(ReviewItem.status == "labelled")
        .order_by(ReviewItem.id)
        .execution_options(yield_per=500)
    )
    for item in session.scalars(query):
        if item.message is None or not item.message.body.strip():
            continue
        codes = _codes(item.label_codes)
        flags = [RedFlag(code) for code in codes]
        yield {
            "text": scrub_phone_numbers(item.message.body),
            "lang": item.lang if item.lang in ("en", "es") else "en",
            "flag": bool(codes),
            "red_flags": codes,
            "level": highest_level(flags).value,
            "command": item.label_command,
        }
