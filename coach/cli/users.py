"""`coach user add|list|disable|token|password` and `coach audit`."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from coach.cli.common import Context, UsageError, json_flag, now, out, print_json
from coach.db.engine import transaction


def register(commands: Any) -> None:
    user = commands.add_parser(
        "user", help="operator accounts for the dashboard and API",
        description="Accounts sign in to the dashboard; their API tokens are for scripts. "
        "Roles: admin (everything, user management, audit log), operator (enrol, schedule, "
        "pause, send, acknowledge), viewer (reads only).",
    )
    actions = user.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser(
        "add", parents=[json_flag()], help="create an account and print its password once"
    )
    add.add_argument("email", metavar="EMAIL")
    add.add_argument("--role", required=True, choices=("admin", "operator", "viewer"))
    add.add_argument(
        "--password-stdin", action="store_true",
        help="read the password from stdin (first line) instead of generating one",
    )
    add.set_defaults(handler=add_user)

    listing = actions.add_parser("list", parents=[json_flag()], help="every account")
    listing.set_defaults(handler=list_users)

    disable = actions.add_parser(
        "disable", parents=[json_flag()],
        help="refuse sign-in, end its sessions and revoke its API tokens",
    )
    disable.add_argument("email", metavar="EMAIL")
    disable.set_defaults(handler=disable_user)

    token = actions.add_parser(
        "token", parents=[json_flag()],
        help="a new API token for the account (printed once; send as Authorization: Bearer)",
    )
    token.add_argument("email", metavar="EMAIL")
    token.set_defaults(handler=new_token)

    password = actions.add_parser(
        "password", parents=[json_flag()],
        help="set a new password (generated, or --password-stdin); ends its sessions",
    )
    password.add_argument("email", metavar="EMAIL")
    password.add_argument("--password-stdin", action="store_true")
    password.set_defaults(handler=reset_password)

    log = commands.add_parser(
        "audit", parents=[json_flag()], help="the audit log: who changed what, newest first"
    )
    log.add_argument("--limit", type=int, default=100, metavar="N", help="default 100")
    log.add_argument("--action", metavar="PREFIX", help="only actions starting with this")
    log.set_defaults(handler=show_audit)


def _read_password(args: argparse.Namespace) -> tuple[str, bool]:
    from coach import accounts

    if not args.password_stdin:
        return accounts.generate_password(), True
    line = sys.stdin.readline().rstrip("\r\n")
    if not line:
        raise UsageError("--password-stdin: no password on stdin")
    return line, False


def add_user(args: argparse.Namespace, ctx: Context) -> int:
    from coach import accounts, audit

    password, generated = _read_password(args)
    with transaction(ctx.factory) as session:
        operator = accounts.create(session, args.email, args.role, password, now=now())
        audit.record(session, audit.cli_actor(), "user.add", f"user:{operator.email}",
                     after={"role": operator.role})
        shown = accounts.operator_json(operator)
    if ctx.json:
        print_json(shown | ({"password": password} if generated else {}))
    else:
        out(f"account #{shown['id']} {shown['email']} ({shown['role']})")
        if generated:
            out(f"password: {password}")
            out("(shown once: give it to them; they can change it on the dashboard's account "
                "page)")
    return 0


def list_users(args: argparse.Namespace, ctx: Context) -> int:
    from coach import accounts

    with ctx.factory() as session:
        rows = [accounts.operator_json(o) for o in accounts.list_operators(session)]
    if ctx.json:
        print_json(rows)
        return 0
    if not rows:
        out("no accounts (create one: coach user add EMAIL --role admin)")
    for row in rows:
        state = "disabled" if row["disabled"] else "active"
        out(f"#{row['id']:<4} {row['email']:<40} {row['role']:<9} {state:<9} "
            f"last sign-in {row['last_login_at'] or 'never'}")
    return 0


def disable_user(args: argparse.Namespace, ctx: Context) -> int:
    from coach import accounts, audit

    with transaction(ctx.factory) as session:
        operator = accounts.get(session, args.email)
        was = operator.disabled_at is None
        accounts.disable(session, operator, now=now())
        audit.record(session, audit.cli_actor(), "user.disable", f"user:{operator.email}",
                     before={"disabled": not was}, after={"disabled": True})
        shown = accounts.operator_json(operator)
    if ctx.json:
        print_json(shown)
    else:
        out(f"{shown['email']} disabled: sessions ended, API tokens revoked")
    return 0


def new_token(args: argparse.Namespace, ctx: Context) -> int:
    from coach import accounts, audit

    with transaction(ctx.factory) as session:
        operator = accounts.get(session, args.email)
        token = accounts.new_token(session, operator, now=now())
        audit.record(session, audit.cli_actor(), "user.token", f"user:{operator.email}",
                     after={"token_prefix": token[:10]})
        email = operator.email
    if ctx.json:
        print_json({"email": email, "token": token})
    else:
        out(token)
        out(f"(an API token for {email}, shown once: send it as Authorization: Bearer <token>)",
            )
    return 0


def reset_password(args: argparse.Namespace, ctx: Context) -> int:
    from coach import accounts, audit

    password, generated = _read_password(args)
    with transaction(ctx.factory) as session:
        operator = accounts.get(session, args.email)
        accounts.change_password(session, operator, password, now=now())
        audit.record(session, audit.cli_actor(), "user.password", f"user:{operator.email}")
        email = operator.email
    if ctx.json:
        print_json({"email": email} | ({"password": password} if generated else {}))
    else:
        out(f"new password for {email}" + (f": {password}" if generated else " set"))
    return 0


def show_audit(args: argparse.Namespace, ctx: Context) -> int:
    from coach import audit

    if not 1 <= args.limit <= 100_000:
        raise UsageError("--limit must be between 1 and 100000")
    with ctx.factory() as session:
        rows = [audit.entry_json(e)
                for e in audit.entries(session, limit=args.limit, action=args.action)]
    if ctx.json:
        print_json(rows)
        return 0
    if not rows:
        out("nothing recorded yet")
    for row in rows:
        change = ""
        if row["before"] is not None or row["after"] is not None:
            change = f" {row['before'] or {}} -> {row['after'] or {}}"
        out(f"#{row['id']:<5} {row['at']} {row['actor']:<28} {row['action']:<18} "
            f"{row['target']}{change}")
    return 0


FIRST_ADMIN = "admin@localhost"


def ensure_first_admin(ctx: Context) -> tuple[str, str] | None:
    """On the embedded defaults (no COACH_DATABASE_URL) with no account yet, create an admin
    and return (email, password) to print once; otherwise None."""
    from coach import accounts, audit

    if "COACH_DATABASE_URL" in ctx.settings.extra:
        return None
    with transaction(ctx.factory) as session:
        if accounts.count(session) > 0:
            return None
        password = accounts.generate_password()
        accounts.create(session, FIRST_ADMIN, "admin", password, now=now())
        audit.record(session, "coach up", "user.add", f"user:{FIRST_ADMIN}",
                     after={"role": "admin", "first_start": True})
    return FIRST_ADMIN, password
