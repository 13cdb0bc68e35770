"""`coach patient add|list|show`."""

from __future__ import annotations

import argparse
from typing import Any

from coach.cli.common import Context, UsageError, json_flag, now, out, print_json
from coach.db.engine import transaction


def register(commands: Any) -> None:
    patient = commands.add_parser("patient", help="enrol patients and look them up")
    actions = patient.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser(
        "add",
        parents=[json_flag()],
        help="enrol a patient and send the opt-in invitation",
        description="Enrol a patient (status pending) and queue the invitation; nothing else "
        "is sent until the patient replies YES or START.",
    )
    add.add_argument("phone", metavar="PHONE", help="mobile number, e.g. +12025550143")
    add.add_argument("--tz", required=True, metavar="ZONE", help="IANA zone, e.g. America/New_York")
    add.add_argument("--name", help="how the clinic refers to the patient")
    add.add_argument("--lang", choices=("en", "es"), default="en", help="message language")
    add.add_argument("--quiet", metavar="HH:MM-HH:MM", help="quiet hours in the patient's zone")
    add.add_argument("--cap", type=int, metavar="N", help="at most N reminders a local day")
    add.set_defaults(handler=add_patient)

    listing = actions.add_parser("list", parents=[json_flag()], help="list patients")
    listing.set_defaults(handler=list_patients)

    show = actions.add_parser(
        "show", parents=[json_flag()], help="a patient with schedules and recent diary"
    )
    show.add_argument("patient", metavar="PATIENT", help="patient id or phone number")
    show.set_defaults(handler=show_patient)


def summary(patient: dict[str, Any]) -> str:
    bits = [f"patient {patient['id']}", patient["status"], patient["phone"], patient["tz"]]
    if patient.get("name"):
        bits.insert(1, repr(patient["name"]))
    if patient.get("quiet"):
        bits.append(f"quiet {patient['quiet']}")
    return "  ".join(str(bit) for bit in bits)


def add_patient(args: argparse.Namespace, ctx: Context) -> int:
    from coach import enqueue
    from coach.patients import enroll, patient_json

    if args.cap is not None and args.cap < 1:
        raise UsageError("--cap must be 1 or more")
    with transaction(ctx.factory) as session:
        patient, invitation = enroll(
            session,
            ctx.settings,
            phone=args.phone,
            tz=args.tz,
            now=now(),
            name=args.name,
            lang=args.lang,
            quiet=args.quiet,
            daily_cap=args.cap,
        )
        data = patient_json(patient)
        invitation_id = invitation.id
    enqueue.enqueue_sends([invitation_id])  # after commit: the worker must see the row
    if ctx.json:
        print_json(data)
    else:
        out(f"{summary(data)}  (invitation queued as message {invitation_id})")
    return 0


def list_patients(args: argparse.Namespace, ctx: Context) -> int:
    from coach.patients import list_patients as all_patients
    from coach.patients import patient_json

    with ctx.factory() as session:
        rows = [patient_json(p) for p in all_patients(session)]
    if ctx.json:
        print_json(rows)
    elif not rows:
        out("no patients yet: add one with `coach patient add PHONE --tz ZONE`")
    else:
        for row in rows:
            out(summary(row))
    return 0


def show_patient(args: argparse.Namespace, ctx: Context) -> int:
    from coach.diary import diary_json, entries_for
    from coach.patients import get_patient, patient_json
    from coach.schedules import rule_of, schedule_json, schedules_of

    with ctx.factory() as session:
        patient = get_patient(session, args.patient)
        schedules = schedules_of(session, patient)
        data = patient_json(patient)
        data["schedules"] = [schedule_json(s) for s in schedules]
        data["diary"] = [diary_json(e) for e in entries_for(session, patient, limit=20)]
        described = [(rule_of(s).describe(), s.next_due_at) for s in schedules]
    if ctx.json:
        print_json(data)
        return 0
    out(summary(data))
    if data.get("consent_at"):
        out(f"  opted in {data['consent_at']}")
    for text, next_due in described:
        due = next_due.isoformat().replace("+00:00", "Z") if next_due else "-"
        out(f"  schedule: {text} (next {due})")
    if not described:
        out("  no schedules: set one with `coach schedule set`")
    for entry in data["diary"]:
        severity = entry.get("severity")
        note = entry.get("note") or ""
        level = f"severity {severity}" if severity is not None else "note"
        out(f"  diary {entry.get('at')}: {level} {note}".rstrip())
    return 0
