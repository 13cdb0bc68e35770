"""`coach send`, `coach messages`, `coach alerts [ack]`."""

from __future__ import annotations

import argparse
import getpass
from typing import Any

from coach.cli.common import Context, Failure, json_flag, now, out, print_json
from coach.cli.schedules import KINDS
from coach.db.engine import transaction


def register(commands: Any) -> None:
    send = commands.add_parser(
        "send",
        parents=[json_flag()],
        help="send one reminder now",
        description="Queue one reminder for the worker (started by `coach up`); with --sync, "
        "send it from this process through the configured SMS backend.",
    )
    send.add_argument("patient", metavar="PATIENT", help="patient id or phone number")
    send.add_argument("kind", metavar="KIND", choices=KINDS, help=" | ".join(KINDS))
    send.add_argument("--sync", action="store_true", help="send now, without the worker")
    send.set_defaults(handler=send_reminder)

    messages = commands.add_parser(
        "messages", parents=[json_flag()], help="the message log, oldest first"
    )
    messages.add_argument("--patient", metavar="PATIENT", help="only this patient (id or phone)")
    messages.add_argument("--limit", type=int, default=200, metavar="N", help="default 200")
    messages.set_defaults(handler=list_messages)

    alerts = commands.add_parser(
        "alerts", parents=[json_flag()], help="red-flag and trend alerts for operators"
    )
    alerts.add_argument(
        "--status", choices=("open", "acknowledged", "all"), default="all", help="default all"
    )
    alerts.set_defaults(handler=list_alerts)
    actions = alerts.add_subparsers(dest="action", metavar="ACTION")
    ack = actions.add_parser("ack", parents=[json_flag()], help="acknowledge an alert")
    ack.add_argument("alert_id", metavar="ID", type=int, help="alert id")
    ack.add_argument("--by", metavar="NAME", help="who acknowledges (default: your user name)")
    ack.set_defaults(handler=ack_alert)


def message_line(m: dict[str, Any]) -> str:
    arrow = "->" if m["direction"] == "out" else "<-"
    body = " ".join(str(m.get("body") or "").split())
    if len(body) > 70:
        body = body[:69] + "…"
    when = m.get("sent_at") or m.get("created_at") or ""
    return f"#{m['id']:<4} {when:20} {arrow} {m['kind']:<16} {m['status']:<10} {body}"


def send_reminder(args: argparse.Namespace, ctx: Context) -> int:
    from coach.db.models import Message
    from coach.dispatch import send_message, send_now
    from coach.outbox import message_json
    from coach.patients import get_patient

    with transaction(ctx.factory) as session:
        patient = get_patient(session, args.patient)
        message_id = send_now(session, ctx.settings, patient, args.kind, now=now()).id
    if args.sync:
        from coach.sms.factory import build_backend

        backend = build_backend(ctx.settings)
        outcome = send_message(ctx.factory, ctx.settings, backend, message_id, now=now())
    else:
        from coach import enqueue

        enqueue.enqueue_sends([message_id])
        outcome = "queued"
    with ctx.factory() as session:
        row = session.get(Message, message_id)
        assert row is not None
        data = message_json(row)
    if ctx.json:
        print_json(data)
    else:
        out(message_line(data))
        if outcome == "queued":
            out("queued: the worker sends it (start one with `coach up`, or use --sync)")
    if args.sync and outcome != "sent":
        detail = data.get("skip_reason") or data.get("error_code") or data["status"]
        raise Failure(f"message {message_id} was not sent: {outcome} ({detail})")
    return 0


def list_messages(args: argparse.Namespace, ctx: Context) -> int:
    from coach.outbox import list_messages as log
    from coach.outbox import message_json
    from coach.patients import get_patient

    with ctx.factory() as session:
        patient_id = get_patient(session, args.patient).id if args.patient else None
        rows = [message_json(m) for m in log(session, patient_id=patient_id, limit=args.limit)]
    if ctx.json:
        print_json(rows)
    elif not rows:
        out("no messages")
    else:
        for row in rows:
            out(message_line(row))
    return 0


def _who(a: dict[str, Any]) -> str:
    if a.get("patient_id") is not None:
        return f"patient {a['patient_id']}"
    return f"unknown sender {a['sender']}" if a.get("sender") else "unknown sender"


def alert_line(a: dict[str, Any]) -> str:
    codes = ",".join(a.get("codes") or []) or "-"
    text = " ".join(str(a.get("message") or "").split())
    if len(text) > 60:
        text = text[:59] + "…"
    return (
        f"#{a['id']:<4} {a['created_at']:20} {a['level']:<9} {codes:<18} {a['status']:<12} "
        f"{_who(a)}  {text}"
    ).rstrip()


def list_alerts(args: argparse.Namespace, ctx: Context) -> int:
    from coach.alerts import alert_json
    from coach.alerts import list_alerts as alerts_of

    status = None if args.status == "all" else args.status
    with ctx.factory() as session:
        rows = [alert_json(a) for a in alerts_of(session, status=status)]
    if ctx.json:
        print_json(rows)
    elif not rows:
        out("no alerts" if status is None else f"no {status} alerts")
    else:
        for row in rows:
            out(alert_line(row))
    return 0


def ack_alert(args: argparse.Namespace, ctx: Context) -> int:
    from coach.alerts import acknowledge, alert_json

    by = (args.by or _user()).strip()[:100] or "operator"
    with transaction(ctx.factory) as session:
        data = alert_json(acknowledge(session, args.alert_id, by=by, now=now()))
    if ctx.json:
        print_json(data)
    else:
        out(f"alert {data['id']} acknowledged by {data.get('acknowledged_by') or by}")
    return 0


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "operator"
