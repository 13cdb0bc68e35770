"""Messages held for later, with the reason in words: an invitation (or any text) that waits
for the end of the patient's quiet hours shows when it will go and why, instead of nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from coach.db.models import Message, Patient


@dataclass(frozen=True)
class Held:
    message: Message
    due_at: datetime
    local: str  # e.g. "Thu 11 Mar 07:00"
    reason: str  # e.g. "quiet hours 22:00–07:00"

    @property
    def text(self) -> str:
        what = "Invitation" if self.message.kind == "invitation" else "Text"
        return f"{what} held by {self.reason}: goes {self.local}"


def held_messages(patient: Patient, messages: list[Message]) -> list[Held]:
    zone = ZoneInfo(patient.tz)
    held = []
    for m in messages:
        if m.direction != "out" or m.status != "scheduled" or m.due_at is None:
            continue
        local = m.due_at.astimezone(zone)
        if patient.quiet_start and patient.quiet_end and local.strftime("%H:%M") == (
                patient.quiet_end):
            reason = f"quiet hours {patient.quiet_start}–{patient.quiet_end}"
        else:
            reason = "a later send time"
        held.append(Held(m, m.due_at, local.strftime("%a %d %b %H:%M"), reason))
    return held
