"""What to do with a patient's reply: pure policy, given what the reader understood.

Order matters and is the safety contract: red flags first (before commands, pauses, quiet
hours or opt-out), then commands, then the diary.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from coach.core.types import Command, Level, PatientStatus, RedFlag


@dataclass(frozen=True)
class PatientView:
    """What the policy needs to know about the sender. `status` is None for an unknown number."""

    status: PatientStatus | None
    # Advice keys (messages/) already sent since the patient opted out: each at most once.
    advised_since_opt_out: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Decision:
    reply: str | None = None  # a messages/ key
    action: str | None = None  # opt_in | opt_out | pause | resume | pause_coaching
    pause_for: timedelta | None = None
    alert_level: Level | None = None
    red_flags: tuple[RedFlag, ...] = ()
    follow_up: bool = False
    diary: bool = False


def decide(
    *,
    level: Level,
    red_flags: tuple[RedFlag, ...],
    command: Command | None,
    about_other: bool,
    pause_for: timedelta | None,
    patient: PatientView,
) -> Decision:
    status = patient.status
    enrolled_active = status in (PatientStatus.ACTIVE, PatientStatus.PAUSED)
    if level != Level.ROUTINE:
        opted_out = status == PatientStatus.OPTED_OUT
        reply: str | None
        if RedFlag.SELF_HARM in red_flags:
            reply = "advice.self_harm"
        elif level == Level.EMERGENCY:
            reply = "advice.emergency_other" if about_other else "advice.emergency"
        else:
            reply = "advice.urgent_other" if about_other else "advice.urgent"
        if opted_out and reply in patient.advised_since_opt_out:
            reply = None  # each advice once after STOP, never a stream of texts
        action: str | None = None
        if command == Command.STOP:
            action = "opt_out"
        elif RedFlag.SELF_HARM in red_flags and enrolled_active:
            action = "pause_coaching"
        return Decision(
            reply=reply,
            action=action,
            alert_level=level,
            red_flags=red_flags,
            follow_up=level == Level.EMERGENCY and not opted_out and status is not None,
            diary=enrolled_active,
        )
    if command == Command.STOP:
        if status is None or status == PatientStatus.OPTED_OUT:
            return Decision()
        return Decision(reply="stop_confirmed", action="opt_out")
    if command == Command.START:
        if status == PatientStatus.PENDING:
            return Decision(reply="opt_in_confirmed", action="opt_in")
        if status == PatientStatus.OPTED_OUT:
            return Decision(reply="start_confirmed", action="opt_in")
        if status == PatientStatus.PAUSED:
            return Decision(reply="resume_confirmed", action="resume")
        if status == PatientStatus.ACTIVE:
            return Decision(reply="start_confirmed")
        return Decision()
    if command == Command.HELP:
        return Decision(reply="help")
    if status is None or status == PatientStatus.OPTED_OUT:
        return Decision()
    if status == PatientStatus.PENDING:
        return Decision(reply="not_opted_in")
    if command == Command.PAUSE:
        return Decision(
            reply="pause_confirmed" if pause_for else "pause_confirmed_indefinite",
            action="pause",
            pause_for=pause_for,
        )
    if command == Command.RESUME:
        if status == PatientStatus.PAUSED:
            return Decision(reply="resume_confirmed", action="resume")
        return Decision(reply="start_confirmed")
    return Decision(diary=True)
