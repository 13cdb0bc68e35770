"""Domain vocabulary shared by the core and the adapters."""

from __future__ import annotations

from enum import StrEnum


class ReminderKind(StrEnum):
    SCREEN_BREAK = "screen_break"
    EYE_REST = "eye_rest"
    RELAXATION = "relaxation"
    CHECK_IN = "check_in"
    SCREEN = "screen"  # the weekly red-flag screen; its reply is read as an answer to it


class PatientStatus(StrEnum):
    PENDING = "pending"  # enrolled, invitation sent, no YES/START yet
    ACTIVE = "active"
    PAUSED = "paused"
    OPTED_OUT = "opted_out"


class Level(StrEnum):
    ROUTINE = "routine"
    URGENT = "urgent"
    EMERGENCY = "emergency"

    @property
    def rank(self) -> int:
        return _LEVEL_RANK[self]


_LEVEL_RANK = {Level.ROUTINE: 0, Level.URGENT: 1, Level.EMERGENCY: 2}


class Command(StrEnum):
    STOP = "stop"
    START = "start"
    HELP = "help"
    PAUSE = "pause"
    RESUME = "resume"


class RedFlag(StrEnum):
    WEAKNESS = "weakness"
    SPEECH = "speech"
    SWALLOWING = "swallowing"
    BREATHING = "breathing"
    SELF_HARM = "self_harm"
    VISION = "vision"
    SEVERE_PAIN = "severe_pain"
    PROLONGED = "prolonged"

    @property
    def level(self) -> Level:
        return Level.EMERGENCY if self in EMERGENCY_FLAGS else Level.URGENT


EMERGENCY_FLAGS = frozenset(
    {RedFlag.WEAKNESS, RedFlag.SPEECH, RedFlag.SWALLOWING, RedFlag.BREATHING, RedFlag.SELF_HARM}
)
URGENT_FLAGS = frozenset({RedFlag.VISION, RedFlag.SEVERE_PAIN, RedFlag.PROLONGED})


class MessageStatus(StrEnum):
    """Life of a message row. Outbound moves forward only (see `STATUS_RANK`)."""

    QUEUED = "queued"
    CLAIMED = "claimed"  # held by a worker; provably not handed to the provider yet
    SENDING = "sending"  # the provider request has started (at most once from here)
    SENT = "sent"
    DELIVERED = "delivered"
    UNDELIVERED = "undelivered"
    FAILED = "failed"
    SKIPPED = "skipped"  # a slot that was not sent: missed grace, quiet hours, cap, pause
    RECEIVED = "received"  # inbound


# Provider statuses map onto these ranks; a callback only ever raises the rank.
STATUS_RANK: dict[str, int] = {
    "queued": 0,
    "accepted": 0,
    "scheduled": 0,
    "claimed": 0,
    "sending": 1,
    "sent": 2,
    "receiving": 2,
    "received": 3,
    "delivered": 4,
    "read": 5,
    "undelivered": 4,
    "failed": 4,
    "canceled": 4,
    "skipped": 4,
}


def status_moves_forward(current: str, new: str) -> bool:
    """True if `new` may replace `current` (a late "sent" never overwrites "delivered")."""
    return STATUS_RANK.get(new, -1) > STATUS_RANK.get(current, -1)
