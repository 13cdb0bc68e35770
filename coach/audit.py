"""The audit log: who changed what, when, and the state before and after.

Call `record` in the same transaction as the change, so a change and its entry commit (or
roll back) together:

    audit.record(session, principal, "patient.pause", f"patient:{patient.id}",
                 before={"status": "active"}, after={"status": "paused"})

`actor` is a `coach.accounts.Principal` (what the web routes get from their auth dependency)
or a plain string such as "cli:alice". Before/after are JSON-able dicts; phone numbers in them
are masked and message bodies replaced by their length before anything is stored, so the log
can be shown to any admin and exported without leaking health data.
"""

from __future__ import annotations

import getpass
import json
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from coach.db.accounts import AuditEntry
from coach.redact import mask_text, mask_value


class _Actor(Protocol):
    @property
    def audit_name(self) -> str: ...

    @property
    def operator_id(self) -> int | None: ...


def cli_actor() -> str:
    """The actor for a change made with the `coach` command on this machine."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "unknown"
    return f"cli:{user}"


def _dump(value: dict[str, Any] | None) -> str | None:
    if value is None:
        return None
    return json.dumps(mask_value(value), ensure_ascii=False, sort_keys=True, default=str)


def record(
    session: Session,
    actor: _Actor | str,
    action: str,
    target: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    *,
    now: datetime | None = None,
) -> AuditEntry:
    """Add one audit entry to `session` (the caller commits). `action` is a dotted name such
    as "patient.enrol", "schedule.set", "alert.ack", "user.add"; `target` names the object,
    e.g. "patient:12", "alert:3", "user:kim@clinic.org"."""
    from coach.db.models import utcnow

    if isinstance(actor, str):
        name, operator_id = actor, None
    else:
        name, operator_id = actor.audit_name, actor.operator_id
    entry = AuditEntry(
        at=now or utcnow(),
        actor=mask_text(name)[:300],
        operator_id=operator_id,
        action=action[:64],
        target=mask_text(target)[:200],
        before=_dump(before),
        after=_dump(after),
    )
    session.add(entry)
    return entry


def entries(
    session: Session, *, limit: int = 200, before_id: int | None = None,
    action: str | None = None,
) -> list[AuditEntry]:
    """Newest first."""
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if before_id is not None:
        query = query.where(AuditEntry.id < before_id)
    if action:
        query = query.where(AuditEntry.action.startswith(action))
    return list(session.scalars(query))


def entry_json(entry: AuditEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "at": entry.at.isoformat().replace("+00:00", "Z"),
        "actor": entry.actor,
        "operator_id": entry.operator_id,
        "action": entry.action,
        "target": entry.target,
        "before": json.loads(entry.before) if entry.before else None,
        "after": json.loads(entry.after) if entry.after else None,
    }
