"""API request and response shapes, separate from the ORM tables.

Responses are built from the service layer's `*_json` dicts (the same JSON the CLI prints);
`extra="allow"` lets a field the service adds later pass through without a change here.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class _Out(BaseModel):
    model_config = ConfigDict(extra="allow")


class PatientIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    phone: str = Field(max_length=40, examples=["+1 415 555 0101"])
    tz: str = Field(max_length=64, examples=["America/New_York"])
    name: str | None = Field(default=None, max_length=100)
    lang: str = Field(default="en", max_length=5)
    quiet: str | None = Field(default=None, max_length=20, examples=["22:00-07:00"])
    daily_cap: int | None = None


class PatientOut(_Out):
    id: int
    status: str
    phone: str
    name: str | None
    lang: str
    tz: str
    quiet: str | None
    daily_cap: int | None
    paused_until: str | None
    consent_at: str | None


class PauseIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    duration: str | None = Field(
        default=None, max_length=20, description='e.g. "2d" or "1w"; null pauses until resumed'
    )


class ScheduleIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    every: str | None = Field(default=None, max_length=20, examples=["45min"])
    between: str | None = Field(default=None, max_length=20, examples=["09:00-17:00"])
    at: str | None = Field(default=None, max_length=200, examples=["09:00,13:00"])
    days: str | None = Field(default=None, max_length=40, examples=["mon-fri"])
    offset: str | None = Field(default=None, max_length=20, examples=["7m"])
    stagger: bool = False
    spread: str | None = Field(default=None, max_length=20, examples=["30m"])


class ScheduleOut(_Out):
    id: int
    patient_id: int
    kind: str
    rule: dict[str, Any]
    active: bool
    next_due_at: str | None


class PreviewOut(_Out):
    kind: str
    at: str = Field(description="UTC, ISO 8601")
    local: str = Field(description="patient's local time with offset")


class MessageOut(_Out):
    id: int
    direction: str
    kind: str
    status: str
    provider_sid: str | None
    body: str
    created_at: str | None
    sent_at: str | None
    patient_id: int | None


class AlertOut(_Out):
    id: int
    patient_id: int | None
    sender: str | None = None  # the number, when no enrolled patient sent it
    level: str
    codes: list[str]
    status: str
    message: str | None
    notified_count: int
    created_at: str | None
    acknowledged_at: str | None
    acknowledged_by: str | None


class AckIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    by: str = Field(min_length=1, max_length=100)


class DiaryOut(_Out):
    id: int
    patient_id: int
    at: str
    severity: int | None
    note: str | None


class SendIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: str = Field(max_length=32, examples=["eye_rest"])


class Problem(BaseModel):
    detail: str
