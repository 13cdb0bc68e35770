"""`coach triage`, `coach eval`, `coach bench`: thin doors onto modules that do the work."""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import json
import sys
from collections.abc import Iterable
from typing import Any

from coach.cli.common import Context, Failure, UsageError, out

# Lazy: a bench's imports (and its cost) only matter when it runs.
BENCHES: dict[str, str] = {
    "dialogue": "coach.benches.dialogue",
    "duplicates": "coach.benches.duplicates",
    "dispatch": "coach.benches.dispatch",
    "inbound": "coach.benches.inbound",
    "import": "coach.benches.importer",
    "tick": "coach.benches.tick",
    "triage": "coach.benches.triage",
}


def register(commands: Any) -> None:
    triage = commands.add_parser(
        "triage",
        help="read JSON Lines {\"text\": ...} on stdin, write one reading a line",
        description='Each input line is {"text": "..."}; each output line is {"level", '
        '"red_flags", "severity", "command", ...}, in order.',
    )
    # Its output is always JSON; --json is accepted so every data command takes it.
    triage.add_argument("--json", action="store_true", help="(always JSON Lines)")
    triage.set_defaults(handler=run_triage)

    evaluate = commands.add_parser(
        "eval", help="score triage against labelled JSON Lines files"
    )
    evaluate.add_argument("files", nargs="*", metavar="FILE", help="labelled .jsonl files")
    evaluate.add_argument("--json", action="store_true", help="print machine-readable JSON")
    evaluate.add_argument("--faq", action="append", metavar="FILE", default=[],
                          help="score the FAQ on labelled questions instead (as coach eval-faq)")
    evaluate.set_defaults(handler=run_eval)

    bench = commands.add_parser(
        "bench", help="print JSON Lines of figures {name, value, unit}"
    )
    bench.add_argument("name", metavar="NAME", help=" | ".join(sorted(BENCHES)))
    # Each bench parses its own options (`coach bench tick --help`).
    bench.add_argument("options", nargs=argparse.REMAINDER, help="options of the bench")
    bench.set_defaults(handler=run_bench)


def _load(module: str, what: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise Failure(f"{what} is not available: {exc}") from None


def run_triage(args: argparse.Namespace, ctx: Context) -> int:
    triage_io = _load("coach.triage_io", "coach triage")
    code = triage_io.run(sys.stdin, sys.stdout)
    return code if isinstance(code, int) else 0


def run_eval(args: argparse.Namespace, ctx: Context) -> int:
    if args.faq:
        from coach.cli.faq import run_eval_faq

        args.files = [*args.faq, *args.files]
        return run_eval_faq(args, ctx)
    if not args.files:
        raise UsageError("coach eval needs at least one FILE (or --faq FILE)")
    evaluate = _load("coach.evaluate", "coach eval")
    try:
        code = evaluate.main([*args.files, *(["--json"] if args.json else [])])
    except SystemExit as done:
        code = done.code
    return code if isinstance(code, int) else 0


def run_bench(args: argparse.Namespace, ctx: Context) -> int:
    module = BENCHES.get(args.name)
    if module is None:
        raise UsageError(f"unknown bench {args.name!r} (known: {', '.join(sorted(BENCHES))})")
    bench = _load(module, f"bench {args.name!r}")
    options = [o for o in args.options if o != "--json"]  # bench output is always JSON
    main = getattr(bench, "main", None)
    if main is not None:
        figures = main(options)
    elif options:
        raise UsageError(f"bench {args.name!r} takes no options")
    else:
        figures = bench.run()
    # A bench either prints its own lines or returns the figures for us to print.
    if figures is not None:
        for figure in _as_list(figures):
            out(json.dumps(figure, ensure_ascii=False))
    return 0


def _as_list(figures: Any) -> Iterable[dict[str, Any]]:
    if isinstance(figures, dict):
        return [figures]
    result = []
    for figure in figures:
        to_json = getattr(figure, "to_json", None)
        if callable(to_json):
            result.append(to_json())
        elif dataclasses.is_dataclass(figure) and not isinstance(figure, type):
            result.append(dataclasses.asdict(figure))
        else:
            result.append(dict(figure))
    return result
