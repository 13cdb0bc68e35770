"""`coach import FILE`, `coach programme add|list|show|set`, `coach nonresponders`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from coach.cli.common import (
    EXIT_USAGE,
    Context,
    UsageError,
    err,
    json_flag,
    now,
    out,
    print_json,
)
from coach.db.engine import transaction


def register(commands: Any) -> None:
    imp = commands.add_parser(
        "import",
        parents=[json_flag()],
        help="enrol patients from a CSV file (all or nothing)",
        description="Enrol every row of a CSV file with the header phone,tz,lang,name,programme "
        "(lang, name and programme may be empty or left out). Every row is checked first: if "
        "any is bad, nothing is imported, each bad row is reported with its reason, and the "
        "exit code is 2. Each imported patient is pending and gets the opt-in invitation "
        "(held until their quiet hours end) and their programme's schedules.",
    )
    imp.add_argument("file", metavar="FILE", help="the CSV file ('-' for stdin)")
    imp.add_argument("--dry-run", action="store_true", help="check every row, import nothing")
    imp.set_defaults(handler=run_import)

    programme = commands.add_parser(
        "programme", help="programmes: the defaults new patients start with"
    )
    actions = programme.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", parents=[json_flag()], help="create a programme")
    add.add_argument("name", metavar="NAME")
    _programme_options(add)
    add.set_defaults(handler=run_programme_add)

    listing = actions.add_parser("list", parents=[json_flag()], help="list programmes")
    listing.set_defaults(handler=run_programme_list)

    show = actions.add_parser("show", parents=[json_flag()], help="one programme")
    show.add_argument("name", metavar="PROGRAMME", help="name or id")
    show.set_defaults(handler=run_programme_show)

    change = actions.add_parser(
        "set",
        parents=[json_flag()],
        help="change a programme; preview (or --apply) the change to its patients",
        description="Changes the programme's defaults, then shows what would change for the "
        "patients who follow it. With --apply their quiet hours, cap, language and schedules "
        "are brought in line as well.",
    )
    change.add_argument("name", metavar="PROGRAMME", help="name or id")
    _programme_options(change)
    change.add_argument("--no-schedule", action="append", default=[], metavar="KIND",
                        help="drop this kind from the programme (repeatable)")
    change.add_argument("--apply", action="store_true",
                        help="also apply the programme to its patients")
    change.set_defaults(handler=run_programme_set)

    reply = commands.add_parser(
        "reply",
        parents=[json_flag()],
        help="reply as the patient (outbox mode: the phone simulator on the command line)",
        description="Runs TEXT through exactly what a patient's SMS goes through (red flags, "
        "commands, diary) and prints coach's immediate answer. Only with the outbox backend "
        "(TWILIO_ACCOUNT_SID unset): real patients text from their phones.",
    )
    reply.add_argument("patient", metavar="PATIENT", help="patient id or phone number")
    reply.add_argument("text", metavar="TEXT", help="what the patient texts")
    reply.set_defaults(handler=run_reply)

    silent = commands.add_parser(
        "nonresponders",
        parents=[json_flag()],
        help="patients who have not answered their check-ins for N days",
    )
    silent.add_argument("--days", type=int, metavar="N",
                        help="default COACH_NONRESPONDER_DAYS (3)")
    silent.add_argument("--alert", action="store_true",
                        help="open a low-priority alert for each one who has none open")
    silent.set_defaults(handler=run_nonresponders)


def _programme_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--description", help="a line for operators")
    parser.add_argument("--lang", choices=("en", "es"), help="message language")
    parser.add_argument("--quiet", metavar="HH:MM-HH:MM",
                        help="quiet hours in the patient's zone ('' for none)")
    parser.add_argument("--cap", type=int, metavar="N", help="at most N reminders a local day")
    screen = parser.add_mutually_exclusive_group()
    screen.add_argument("--screen", dest="screen", action="store_const", const=True,
                        help="the weekly red-flag screen on (default on)")
    screen.add_argument("--no-screen", dest="screen", action="store_const", const=False,
                        help="the weekly red-flag screen off")
    parser.add_argument("--target", metavar="LOW-HIGH",
                        help="the severity band aimed for, on 0-10 (default 0-3)")
    parser.add_argument(
        "--schedule", action="append", default=[], metavar="KIND=SPEC",
        help="a default schedule, e.g. 'eye_rest=every 20m between 09:00-17:00 days mon-fri' "
        "or 'check_in=at 19:00' (repeatable)",
    )


# ---------------------------------------------------------------------------- import


@contextmanager
def _progress_bar(enabled: bool) -> Iterator[Any]:
    """A rich progress bar on stderr when it is a terminal; a no-op callback otherwise."""
    if not enabled:
        yield lambda stage, done, total: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    bar = Progress(TextColumn("{task.description:<11}"), BarColumn(), MofNCompleteColumn(),
                   console=Console(stderr=True), transient=False)
    tasks: dict[str, Any] = {}

    def update(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = bar.add_task(stage, total=total)
        bar.update(tasks[stage], completed=done, total=total)

    with bar:
        yield update


def _read_file(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    path = Path(name)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"no such file: {name}") from None
    except IsADirectoryError:
        raise UsageError(f"{name} is a folder, not a CSV file") from None
    except OSError as exc:
        raise UsageError(f"cannot read {name}: {exc.strerror}") from None


def run_import(args: argparse.Namespace, ctx: Context) -> int:
    from coach import audit, enqueue, importer

    data = _read_file(args.file)
    with _progress_bar(sys.stderr.isatty()) as progress, transaction(ctx.factory) as session:
        report = importer.run(session, ctx.settings, data, now=now(), actor=audit.cli_actor(),
                              dry_run=args.dry_run, progress=progress)
    if report.ok and not args.dry_run and report.invitations:
        enqueue.enqueue_sends(report.invitations)
    if ctx.json:
        print_json(report.to_json())
    else:
        for bad in report.rejected:
            detail = f" ({bad.detail})" if bad.detail else ""
            out(f"row {bad.row}: {bad.reason}{detail}")
        if report.rejected:
            out(f"{len(report.rejected)} of {report.rows} rows rejected: nothing imported")
        elif args.dry_run:
            out(f"{report.rows} rows checked, all good: nothing imported (dry run)")
        else:
            out(f"{report.imported} patients imported (invitations queued; reminders start "
                "when each replies YES)")
    return EXIT_USAGE if report.rejected else 0


# ---------------------------------------------------------------------------- programmes


def _input(args: argparse.Namespace) -> Any:
    from coach.programmes import ProgrammeInput, parse_spec

    if args.cap is not None and args.cap < 1:
        raise UsageError("--cap must be 1 or more")
    schedules: dict[str, dict[str, Any] | None] = {}
    for item in args.schedule:
        kind, sep, spec = item.partition("=")
        if not sep or not kind.strip():
            raise UsageError(f"--schedule {item!r}: use KIND=SPEC, e.g. 'check_in=at 19:00'")
        schedules[kind.strip()] = parse_spec(spec)
    for kind in getattr(args, "no_schedule", []):
        schedules[kind.strip()] = None
    return ProgrammeInput(
        description=args.description, lang=args.lang, quiet=args.quiet, daily_cap=args.cap,
        weekly_screen=args.screen, target=args.target, schedules=schedules,
    )


def _describe(data: dict[str, Any]) -> list[str]:
    from coach.programmes import spec_text

    lines = [f"programme {data['id']} {data['name']!r}  lang {data['lang']}  "
             f"quiet {data['quiet'] or 'none'}  cap {data['daily_cap'] or 'default'}  "
             f"screen {'on' if data['weekly_screen'] else 'off'}  "
             f"target {data['target'][0]}-{data['target'][1]}"
             + (f"  patients {data['patients']}" if "patients" in data else "")]
    for kind, spec in sorted(data["schedules"].items()):
        lines.append(f"  {kind}: {spec_text(spec)}")
    return lines


def run_programme_add(args: argparse.Namespace, ctx: Context) -> int:
    from coach import audit
    from coach.programmes import add_programme, programme_json

    with transaction(ctx.factory) as session:
        programme = add_programme(session, args.name, _input(args), now=now())
        data = programme_json(programme)
        audit.record(session, audit.cli_actor(), "programme.add", f"programme:{programme.id}",
                     after=data)
    if ctx.json:
        print_json(data)
    else:
        for line in _describe(data):
            out(line)
    return 0


def run_programme_list(args: argparse.Namespace, ctx: Context) -> int:
    from coach.programmes import list_programmes, patient_counts, programme_json

    with ctx.factory() as session:
        counts = patient_counts(session)
        rows = [programme_json(p, counts.get(p.id, 0)) for p in list_programmes(session)]
    if ctx.json:
        print_json(rows)
    elif not rows:
        out("no programmes yet: add one with `coach programme add NAME --schedule ...`")
    else:
        for row in rows:
            out(_describe(row)[0])
    return 0


def run_programme_show(args: argparse.Namespace, ctx: Context) -> int:
    from coach.programmes import get_programme, patient_counts, programme_json

    with ctx.factory() as session:
        programme = get_programme(session, args.name)
        data = programme_json(programme, patient_counts(session).get(programme.id, 0))
    if ctx.json:
        print_json(data)
    else:
        for line in _describe(data):
            out(line)
    return 0


def run_programme_set(args: argparse.Namespace, ctx: Context) -> int:
    from coach import audit
    from coach.programmes import apply_to_patients, get_programme, preview_apply, set_programme

    moment = now()
    with transaction(ctx.factory) as session:
        programme = get_programme(session, args.name)
        before, after = set_programme(session, programme, _input(args), now=moment)
        if before != after:
            audit.record(session, audit.cli_actor(), "programme.set",
                         f"programme:{programme.id}", before=before, after=after, now=moment)
        preview = preview_apply(session, programme)
        applied = 0
        if args.apply and preview.changing:
            applied = apply_to_patients(session, programme, now=moment)
            audit.record(session, audit.cli_actor(), "programme.apply",
                         f"programme:{programme.id}", after={"patients": applied}, now=moment)
    result = {"programme": after, "preview": preview.to_json(), "applied": applied}
    if ctx.json:
        print_json(result)
        return 0
    for line in _describe(after):
        out(line)
    if not preview.changing:
        out(f"its {preview.patients} patient(s) already match it")
        return 0
    verb = "changed" if args.apply else "would change"
    out(f"{preview.changing} of {preview.patients} patient(s) {verb}:")
    for change in preview.sample[:20]:
        out(f"  #{change.patient_id} {change.name or ''}: {'; '.join(change.changes)}")
    if preview.changing > 20:
        out(f"  … and {preview.changing - 20} more")
    if not args.apply:
        err("apply it to them with the same command and --apply")
    return 0


# ---------------------------------------------------------------------------- reply


def run_reply(args: argparse.Namespace, ctx: Context) -> int:
    import secrets

    from coach import enqueue
    from coach.inbound import InboundSms, handle_inbound
    from coach.patients import get_patient

    if ctx.settings.use_twilio:
        raise UsageError("coach reply only works with the outbox backend (TWILIO_ACCOUNT_SID "
                         "is set: patients reply from their phones)")
    if len(args.text) > 1600:
        raise UsageError("TEXT is longer than an SMS can be (1600 characters)")
    with transaction(ctx.factory) as session:
        patient = get_patient(session, args.patient)
        sms = InboundSms(sid="SM" + secrets.token_hex(16), from_number=patient.phone,
                         to_number=ctx.settings.twilio_from_number, body=args.text)
        outcome = handle_inbound(session, ctx.settings, sms, now=now())
        patient_id = patient.id
    if outcome.to_send:
        enqueue.enqueue_sends(outcome.to_send)
    if outcome.alerts:
        enqueue.enqueue_alert_notifications(outcome.alerts)
    if outcome.second_reads:
        from coach.second_read import enqueue_reads

        enqueue_reads(outcome.second_reads)
    data = {"patient_id": patient_id, "reply": outcome.reply, "level": outcome.level,
            "red_flags": outcome.red_flags, "alerts": outcome.alerts}
    if ctx.json:
        print_json(data)
    else:
        out(f"coach answers: {outcome.reply}" if outcome.reply else "(no immediate answer)")
        for alert_id in outcome.alerts:
            out(f"alert {alert_id} opened ({outcome.level}): see `coach alerts`")
    return 0


# ---------------------------------------------------------------------------- non-responders


def run_nonresponders(args: argparse.Namespace, ctx: Context) -> int:
    from coach import nonresponders

    days = args.days if args.days is not None else None
    if days is not None and days < 1:
        raise UsageError("--days must be 1 or more")
    moment = now()
    with transaction(ctx.factory) as session:
        rows = nonresponders.find(session, ctx.settings, now=moment, days=days)
        opened: list[int] = []
        if args.alert:
            opened = nonresponders.open_alerts(session, ctx.settings, rows, now=moment)
    data = [row.to_json() for row in rows]
    if ctx.json:
        print_json(data)
        return 0
    if not data:
        out("nobody has missed their check-ins")
    for row in data:
        out(f"patient {row['patient_id']} {row['name'] or ''}  silent {row['days_silent']} d "
            f"(unanswered check-ins since {row['since']}, {row['unanswered']} unanswered)")
    if args.alert:
        out(f"{len(opened)} alert(s) opened")
    return 0
