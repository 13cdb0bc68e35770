"""The `coach` command line. `main(argv)` returns the exit code; the console script exits with it.

Each command group lives in its own module and registers its sub-parsers; this module only
builds the parser and turns every expected error into one line on stderr:
exit 2 for input that cannot be used, 1 for run-time failures. Set COACH_DEBUG=1 to see the
traceback of an unexpected error.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Sequence

from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from coach.cli.clinic import register as register_clinic
from coach.cli.common import (
    EXIT_FAILURE,
    EXIT_USAGE,
    Context,
    Failure,
    Parser,
    UsageError,
    first_line,
)
from coach.cli.faq import register as register_faq
from coach.cli.messaging import register as register_messaging
from coach.cli.patients import register as register_patients
from coach.cli.review import register as register_review
from coach.cli.runtime import register as register_runtime
from coach.cli.schedules import register as register_schedules
from coach.cli.tools import register as register_tools
from coach.cli.train import register as register_train
from coach.cli.users import register as register_users
from coach.config import ConfigError, get_settings, reset_settings_cache
from coach.core.schedule import ScheduleError
from coach.errors import CoachError
from coach.phone import PhoneError

__all__ = ["build_parser", "main"]


def build_parser() -> Parser:
    parser = Parser(
        prog="coach",
        description="An SMS self-care coach for people with facial twitching or spasms.",
        epilog=f"Database: {_which_database()}. Settings come from the environment "
        "(COACH_DATA_DIR, COACH_DATABASE_URL, COACH_BROKER_URL, TWILIO_*). See docs/cli.md.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for register in (
        register_runtime,
        register_patients,
        register_schedules,
        register_messaging,
        register_tools,
        register_train,
        register_users,
        register_clinic,
        register_review,
        register_faq,
    ):
        register(commands)
    return parser


def _which_database() -> str:
    """The database every command (and `coach up`) opens, wherever it is run from."""
    from coach.cli.common import safe_url
    from coach.config import Settings

    try:
        settings = Settings.from_env()
    except ConfigError as exc:
        return f"(settings are invalid: {exc})"
    url = safe_url(settings.database_url)
    if settings.database_url.startswith("sqlite:///"):
        source = "COACH_DATABASE_URL" if "COACH_DATABASE_URL" in settings.extra else (
            "COACH_DATA_DIR" if "COACH_DATA_DIR" in settings.extra else "the default data folder")
        return f"{url} (from {source}; created on first use)"
    return url


def main(argv: Sequence[str] | None = None) -> int:
    from coach import logs

    logs.install()
    args_list = list(sys.argv[1:] if argv is None else argv)
    context: Context | None = None
    try:
        try:
            args = build_parser().parse_args(args_list)
        except SystemExit as done:  # --help and --version exit through argparse
            return done.code if isinstance(done.code, int) else 0
        # A long-lived process may have read other settings before: read them now.
        reset_settings_cache()
        context = Context(get_settings(), args)
        return int(args.handler(args, context))
    except (UsageError, CoachError, PhoneError, ConfigError, ScheduleError) as exc:
        return _fail(str(exc), EXIT_USAGE)
    except Failure as exc:
        return _fail(str(exc), EXIT_FAILURE)
    except DBAPIError as exc:
        return _fail(f"database error: {first_line(exc)}", EXIT_FAILURE)
    except SQLAlchemyError as exc:
        return _fail(f"database error: {first_line(exc)}", EXIT_FAILURE)
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    except BrokenPipeError:
        # `coach messages --json | head`: the reader left; that is not our error.
        _silence_stdout()
        return EXIT_FAILURE
    except Exception as exc:
        if os.environ.get("COACH_DEBUG") == "1":
            traceback.print_exc()
        return _fail(
            f"unexpected {type(exc).__name__}: {first_line(exc)} "
            "(set COACH_DEBUG=1 for the traceback)",
            EXIT_FAILURE,
        )
    finally:
        if context is not None:
            context.close()


def _fail(message: str, code: int) -> int:
    print(f"coach: error: {message}", file=sys.stderr)
    return code


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass
