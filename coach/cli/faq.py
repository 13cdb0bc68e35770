"""`coach eval-faq`, `coach faq ask|questions|triggers`: the answer catalogue and diary lines."""

from __future__ import annotations

import argparse
import sys
from datetime import timedelta
from typing import Any

from coach.cli.common import Context, Failure, UsageError, json_flag, now, out, print_json


def register(commands: Any) -> None:
    evaluate = commands.add_parser(
        "eval-faq",
        help="score the FAQ against labelled questions (JSON Lines)",
        description='Each line is {"text": "...", "lang": "en"|"es", "answer": "<id>"|null}. '
        "Exit 0 when right answer or hand-over >= 97%% and wrong answers <= 1%%.",
    )
    evaluate.add_argument("files", nargs="+", metavar="FILE", help="labelled .jsonl files")
    evaluate.add_argument("--json", action="store_true", help="print machine-readable JSON")
    evaluate.add_argument("--cv", type=int, default=0, metavar="K",
                          help="choose per-language thresholds and margins by K-fold "
                               "cross-validation over all FILEs; print held-out and tuned "
                               "figures")
    evaluate.add_argument("--by-file", action="store_true",
                          help="leave one FILE out in turn: thresholds and margins chosen on "
                               "the other FILEs, scored on it")
    evaluate.set_defaults(handler=run_eval_faq)

    faq = commands.add_parser(
        "faq", help="the answer catalogue: try a question, see what is asked, diary lines"
    )
    actions = faq.add_subparsers(dest="action", metavar="ACTION", required=True)
    ask = actions.add_parser("ask", parents=[json_flag()], help="what coach would answer")
    ask.add_argument("text", metavar="TEXT", help="the question, as a patient would text it")
    ask.add_argument("--lang", choices=("en", "es"), default="en", help="answer language")
    ask.set_defaults(handler=run_ask)

    questions = actions.add_parser(
        "questions", parents=[json_flag()],
        help="what patients ask most, and what went unanswered",
    )
    questions.add_argument("--programme", type=int, metavar="ID", help="one programme only")
    questions.add_argument("--days", type=int, default=30, metavar="N", help="default 30")
    questions.add_argument("--limit", type=int, default=20, metavar="N",
                           help="unanswered questions to list (default 20)")
    questions.set_defaults(handler=run_questions)

    table = actions.add_parser(
        "triggers", parents=[json_flag()],
        help="a patient's trigger table: the numbers behind the weekly diary line",
    )
    table.add_argument("patient", metavar="PATIENT", type=int, help="patient id")
    table.set_defaults(handler=run_triggers)


def run_eval_faq(args: argparse.Namespace, ctx: Context) -> int:
    from coach.faq_eval import LabelError, main

    try:
        cv = getattr(args, "cv", 0) or 0
        return main([*args.files, *(["--json"] if args.json else []),
                     *([f"--cv={cv}"] if cv else []),
                     *(["--by-file"] if getattr(args, "by_file", False) else [])],
                    out=sys.stdout)
    except LabelError as exc:
        raise UsageError(str(exc)) from None


def run_ask(args: argparse.Namespace, ctx: Context) -> int:
    from coach import faq
    from coach.faq_eval import outcome_of
    from messages import render

    if not args.text.strip():
        raise UsageError("the question is empty")
    found = faq.MATCHER.match_many([args.text], faq.policy(ctx.settings), langs=[args.lang])[0]
    outcome, reason = outcome_of(args.text, args.lang, found)
    if outcome == "answer" and found.answer_id is not None:
        reply: str | None = render(f"faq.answer.{found.answer_id}", args.lang,
                                   emergency_number=ctx.settings.emergency_number)
    elif outcome == "handover":
        reply = render("faq.handover", args.lang)
    else:
        reply = None  # seek-care advice, a command or a diary note: not the FAQ's to answer
    result = {
        "outcome": outcome,
        "reason": reason,
        "answer_id": found.answer_id if outcome == "answer" else None,
        "closest_answer": found.best_id,
        "score": round(found.score, 3),
        "runner_up": found.runner_up_id,
        "runner_up_score": round(found.runner_up_score, 3),
        "reply": reply,
    }
    if ctx.json:
        print_json(result)
    else:
        out(f"{outcome} ({reason}; closest {found.best_id} {found.score:.2f}, "
            f"then {found.runner_up_id} {found.runner_up_score:.2f})")
        if reply:
            out(reply)
    return 0


def run_questions(args: argparse.Namespace, ctx: Context) -> int:
    from coach import faq

    if args.days < 1 or args.limit < 1:
        raise UsageError("--days and --limit must be at least 1")
    with ctx.factory() as session:
        stats = faq.question_stats(session, since=now() - timedelta(days=args.days),
                                   programme_id=args.programme, limit=args.limit)
    if ctx.json:
        print_json(stats)
        return 0
    out(f"{stats['questions']} questions in {args.days} days: {stats['answered']} answered, "
        f"{stats['handed_over']} passed to the care team")
    for row in stats["most_asked"]:
        out(f"  {row['count']:>5}  {row['answer_id']}")
    if stats["unanswered"]:
        out("unanswered (newest first):")
    for row in stats["unanswered"]:
        text = " ".join(str(row["text"] or "").split())[:70]
        out(f"  {row['created_at']}  #{row['patient_id']}  {row['reason']:<14} {text}")
    return 0


def run_triggers(args: argparse.Namespace, ctx: Context) -> int:
    from coach import faq
    from coach.db.models import Patient

    with ctx.factory() as session:
        patient = session.get(Patient, args.patient)
        if patient is None:
            raise Failure(f"no patient {args.patient}")
        report = faq.trigger_analysis(session, ctx.settings, patient, now=now())
        table = report.to_json()
        table["line"] = faq.trigger_line(report, patient.lang)
    if ctx.json:
        print_json(table)
        return 0
    rule = table["rule"]
    out(f"{table['rated_days']} rated days (a line needs {rule['min_days']}, "
        f"{rule['min_each_side']} each side, {rule['min_effect']} points, "
        f"p < {rule['alpha_per_test']})")
    for row in table["tags"]:
        p = "-" if row["p_value"] is None else f"{row['p_value']:.4f}"
        out(f"  {row['tag']:<12} with {row['with_days']:>3} d mean {row['mean_with']:>5}  "
            f"without {row['without_days']:>3} d mean {row['mean_without']:>5}  "
            f"diff {row['difference']:>5}  p {p:<7} {'passes' if row['passes'] else ''}")
    out(f"line: {table['line'] or '(none)'}")
    return 0
