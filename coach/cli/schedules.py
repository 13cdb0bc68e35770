"""`coach schedule set|preview`."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import Any

from coach.cli.common import Context, UsageError, json_flag, now, out, print_json
from coach.core.types import ReminderKind
from coach.db.engine import transaction

KINDS = tuple(kind.value for kind in ReminderKind)


def register(commands: Any) -> None:
    schedule = commands.add_parser("schedule", help="set and preview reminder schedules")
    actions = schedule.add_subparsers(dest="action", metavar="ACTION", required=True)

    set_ = actions.add_parser(
        "set",
        parents=[json_flag()],
        help="create or replace a patient's schedule for one kind of reminder",
        description="Times are the patient's wall clock. Example: "
        "coach schedule set 1 screen_break --every 2h --between 09:00-17:00 --days mon-fri",
    )
    set_.add_argument("patient", metavar="PATIENT", help="patient id or phone number")
    set_.add_argument("kind", metavar="KIND", choices=KINDS, help=" | ".join(KINDS))
    when = set_.add_mutually_exclusive_group(required=True)
    when.add_argument("--every", metavar="DURATION", help="interval, e.g. 45m, 1h30m, 2h")
    when.add_argument("--at", metavar="HH:MM[,HH:MM...]", help="fixed local times")
    set_.add_argument(
        "--between", metavar="HH:MM-HH:MM", help="window for --every (must not wrap midnight)"
    )
    set_.add_argument("--days", metavar="DAYS", help="e.g. mon-fri or mon,wed,fri (default: all)")
    spread = set_.add_mutually_exclusive_group()
    spread.add_argument(
        "--stagger", action="store_true",
        help="with --every: move this patient's slots by their own stable offset inside the "
        "interval, so patients on one rule do not all fire on the same minute",
    )
    spread.add_argument(
        "--spread", metavar="DURATION",
        help="with --at: a stable offset for this patient inside this window (at most 2h)",
    )
    spread.add_argument(
        "--offset", metavar="DURATION", help="move every slot this much later (e.g. 7m; 0 for none)"
    )
    set_.set_defaults(handler=set_schedule)

    preview = actions.add_parser(
        "preview",
        parents=[json_flag()],
        help="the next reminders after quiet hours, pauses and caps",
        description="For a patient still pending opt-in: what would be sent once they opt in.",
    )
    preview.add_argument("patient", metavar="PATIENT", help="patient id or phone number")
    preview.add_argument(
        "--from",
        dest="start",
        metavar="ISO8601",
        help="start here instead of now, e.g. 2025-06-11T09:00-04:00 or 2025-06-11T13:00Z; "
        "a time without an offset is read as UTC",
    )
    preview.add_argument("--count", type=int, default=10, metavar="N", help="default 10")
    preview.set_defaults(handler=preview_schedule)


def parse_start(text: str | None) -> datetime:
    """--from as an aware UTC datetime; naive input is UTC, a trailing Z is accepted."""
    if text is None:
        return now()
    raw = text.strip()
    if raw[-1:] in ("z", "Z"):
        raw = raw[:-1] + "+00:00"
    try:
        value = datetime.fromisoformat(raw)
    except ValueError:
        raise UsageError(
            f"--from: not an ISO 8601 time: {text!r} (e.g. 2025-06-11T09:00-04:00)"
        ) from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def set_schedule(args: argparse.Namespace, ctx: Context) -> int:
    from coach.patients import get_patient
    from coach.schedules import rule_of, schedule_json
    from coach.schedules import set_schedule as save

    if args.between is not None and args.every is None:
        raise UsageError("--between only goes with --every")
    with transaction(ctx.factory) as session:
        patient = get_patient(session, args.patient)
        schedule = save(
            session,
            patient,
            args.kind,
            now=now(),
            every=args.every,
            between=args.between,
            at=args.at,
            days=args.days,
            offset=args.offset,
            stagger=args.stagger,
            spread=args.spread,
        )
        data = schedule_json(schedule)
        text = rule_of(schedule).describe()
        status = patient.status
    if ctx.json:
        print_json(data)
        return 0
    line = f"patient {data['patient_id']}: {text}"
    if data.get("next_due_at"):
        line += f"; next {data['next_due_at']}"
    elif status == "pending":
        line += "; starts when the patient opts in"
    out(line)
    return 0


def preview_schedule(args: argparse.Namespace, ctx: Context) -> int:
    from coach.patients import get_patient
    from coach.schedules import preview_for

    start = parse_start(args.start)
    if not 1 <= args.count <= 1000:
        raise UsageError("--count must be between 1 and 1000")
    with ctx.factory() as session:
        patient = get_patient(session, args.patient)
        found = preview_for(session, patient, start=start, count=args.count)
        items = [item.to_json() for item in found]
    if ctx.json:
        print_json(items)
    elif not items:
        out("nothing would be sent (no schedules, opted out, or blocked by policy)")
    else:
        for item in items:
            out(f"{item['local']}  {item['kind']}  ({item['at']})")
    return 0
