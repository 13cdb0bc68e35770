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


# --- what every /api operation may answer besides success ---------------------------------

# Ids are 32-bit integer columns: a larger one names nothing (and PostgreSQL would refuse to
# compare it with the column), so the schema says so and FastAPI answers 422.
MAX_ID = 2**31 - 1


class ValidationIssue(BaseModel):
    loc: list[str | int]
    msg: str
    type: str


class Invalid(BaseModel):
    """422: a string for a service's reason, a list for a request that fails the schema."""

    detail: str | list[ValidationIssue]


API_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": Problem, "description": "the body could not be read (not UTF-8, not JSON)"},
    401: {"model": Problem, "description": "no valid bearer token"},
    403: {"model": Problem, "description": "the token's role cannot do this"},
    404: {"model": Problem, "description": "no such patient, programme, alert or item"},
    409: {"model": Problem, "description": "conflicts with the current state"},
    413: {"model": Problem, "description": "request body too large"},
    422: {"model": Invalid, "description": "bad input"},
}


# --- clinic, review and FAQ responses -------------------------------------------------------


class PatientRow(_Out):
    id: int
    name: str | None
    status: str


class PatientPage(_Out):
    total: int
    page: int
    per_page: int
    pages: int
    patients: list[PatientRow]


class NonResponderOut(_Out):
    patient_id: int
    name: str | None
    programme_id: int | None
    since: str | None
    unanswered: int
    last_reply: str | None
    days_silent: int | None


class RejectedRow(BaseModel):
    row: int
    reason: str


class ImportReport(_Out):
    rows: int
    imported: int
    rejected: list[RejectedRow]


class ProgrammeOut(_Out):
    id: int
    name: str
    description: str | None
    lang: str | None
    quiet: str | None
    daily_cap: int | None
    weekly_screen: bool | None
    schedules: dict[str, Any]
    target: list[int | float | None]
    patients: int | None = None


class ProgrammeDetail(ProgrammeOut):
    overview: dict[str, Any]


class PatientChange(_Out):
    patient_id: int
    name: str | None
    changes: list[str]


class ApplyPreview(_Out):
    programme_id: int
    patients: int
    changing: int
    changes: list[PatientChange]


class ProgrammeSetOut(_Out):
    programme: dict[str, Any]
    preview: ApplyPreview


class ApplyOut(_Out):
    programme_id: int
    applied: int


class FaqQuestions(_Out):
    programme_id: int | None
    questions: int
    answered: int
    handed_over: int
    most_asked: list[dict[str, Any]]
    unanswered_reasons: dict[str, int]
    unanswered: list[dict[str, Any]]
    days: int


class FaqAnswer(_Out):
    id: str


class TriggerReport(_Out):
    patient_id: int
    since: str | None
    until: str | None
    rated_days: int
    line: str | None


class Health(BaseModel):
    status: str = Field(examples=["ok"])
    database: str = Field(examples=["ok"])
    broker: str = Field(examples=["ok"])
