"""`coach review list|label`, `coach export-labels`."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from coach.cli.common import Context, Failure, err, json_flag, now, out, print_json
from coach.db.engine import transaction


def register(commands: Any) -> None:
    review = commands.add_parser(
        "review", parents=[json_flag()],
        help="the review queue: replies a reader was unsure of",
        description="Replies the second reader suspected of a red flag the lexicon did not "
        "affirm, and replies no reader could place, newest first. Label each with the right "
        "codes, or as no red flag; `coach export-labels` writes the labels as training data.",
    )
    # Alone, `coach review` lists the open queue, as `coach alerts` lists the alerts.
    review.set_defaults(handler=list_review, status="open", limit=50)
    actions = review.add_subparsers(dest="action", metavar="ACTION")
    listing = actions.add_parser("list", parents=[json_flag()], help="items, newest first")
    listing.add_argument(
        "--status", choices=("open", "labelled", "all"), default="open", help="default open"
    )
    listing.add_argument("--limit", type=int, default=50, metavar="N", help="default 50")
    listing.set_defaults(handler=list_review)

    labelling = actions.add_parser("label", parents=[json_flag()], help="label one item")
    labelling.add_argument("item_id", metavar="ID", type=int, help="review item id")
    which = labelling.add_mutually_exclusive_group(required=True)
    which.add_argument("--codes", metavar="CODES", help="red-flag codes, comma-separated")
    which.add_argument("--none", action="store_true", help="the reply has no red flag")
    labelling.add_argument("--command", metavar="CMD", help="the command it states, if any")
    labelling.add_argument("--by", metavar="NAME", help="who labels (default: your user name)")
    labelling.set_defaults(handler=label_review)

    export = commands.add_parser(
        "export-labels",
        help="labelled review items as JSON Lines (the corpus format)",
        description="Writes one {text, lang, flag, red_flags, level, command} object a line, "
        "the format of tests/data/triage/. No phone number is written, and phone-like digits "
        "in a reply are replaced by [phone].",
    )
    export.add_argument("--out", metavar="FILE", help="write here instead of stdout")
    export.set_defaults(handler=export_labels)


def _line(item: dict[str, Any]) -> str:
    codes = ",".join(item["suspected"]) or "-"
    text = " ".join(str(item.get("text") or "").split())
    if len(text) > 60:
        text = text[:59] + "…"
    patient = f"#{item['patient_id']}" if item["patient_id"] else "unknown"
    state = item["status"]
    if item["label"] is not None:
        state = "labelled:" + (",".join(item["label"]["red_flags"]) or "none")
    return (f"#{item['id']:<4} {item['created_at'] or '':20} {patient:<8} {item['reason']:<14} "
            f"{codes:<20} {item['dialogue']:<9} {state:<18} {text}")


def list_review(args: argparse.Namespace, ctx: Context) -> int:
    from coach.review import item_json, list_items

    with ctx.factory() as session:
        rows = [item_json(i) for i in list_items(session, status=args.status, limit=args.limit)]
    if ctx.json:
        print_json(rows)
    elif not rows:
        out("nothing to review" if args.status == "open" else f"no {args.status} items")
    else:
        for row in rows:
            out(_line(row))
    return 0


def label_review(args: argparse.Namespace, ctx: Context) -> int:
    from coach.cli.messaging import _user
    from coach.review import item_json, label

    by = (args.by or _user()).strip()[:100] or "operator"
    with transaction(ctx.factory) as session:
        item = label(
            session, args.item_id, red_flags=[args.codes] if args.codes else [],
            no_red_flag=args.none, command=args.command, by=by, now=now(),
        )
        data = item_json(item)
    if ctx.json:
        print_json(data)
    else:
        codes = ",".join(data["label"]["red_flags"]) or "no red flag"
        out(f"review item {data['id']} labelled {codes} by {by}")
    return 0


def export_labels(args: argparse.Namespace, ctx: Context) -> int:
    from coach.review import export_labels as rows

    count = 0
    with ctx.factory() as session:
        if not args.out:
            for row in rows(session):
                sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
                count += 1
            return 0
        target = Path(args.out)
        if not target.parent.exists():
            raise Failure(f"no such folder: {target.parent}")
        # Written beside the target and renamed: a failed export never leaves half a file.
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".export-", suffix=".jsonl")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                for row in rows(session):
                    handle.write(json.dumps(row, ensure_ascii=False) + "\n")
                    count += 1
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    err(f"{count} labelled replies written to {target}")
    return 0
