"""`coach train`: rebuild the second reader's model file and model card (coach/train.py)."""

from __future__ import annotations

import argparse
import importlib
from typing import Any

from coach.cli.common import Context, Failure


def register(commands: Any) -> None:
    train = commands.add_parser(
        "train",
        help="rebuild the second reader's model from the labelled replies",
        description="Cross-validates, chooses the thresholds, fits on every training set and "
        "writes coach/core/triage/model/second_reader.npz and docs/model-card.md. "
        "Needs scikit-learn (pip install -e '.[train]').",
    )
    train.add_argument("--data", metavar="DIR", help="labelled sets (tests/data/triage)")
    train.add_argument("--out", metavar="FILE", help="model file to write")
    train.add_argument("--card", metavar="FILE", help="model card to write")
    train.add_argument("--no-card", action="store_true", help="write no model card")
    train.add_argument("--json", action="store_true", help="print the figures as JSON")
    train.set_defaults(handler=run_train)


def run_train(args: argparse.Namespace, ctx: Context) -> int:
    try:
        module = importlib.import_module("coach.train")
        importlib.import_module("sklearn")
    except ImportError as exc:
        raise Failure(f"coach train needs the train extra (scikit-learn): {exc}") from None
    argv = [
        *(["--data", args.data] if args.data else []),
        *(["--out", args.out] if args.out else []),
        *(["--card", args.card] if args.card else []),
        *(["--no-card"] if args.no_card else []),
        *(["--json"] if args.json else []),
    ]
    code = module.main(argv)
    return code if isinstance(code, int) else 0
