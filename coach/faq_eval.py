"""Score the FAQ against a labelled question set (`coach eval-faq FILE`, `coach eval --faq FILE`).

Each line: {"text": "...", "lang": "en"|"es", "answer": "<answer id>"|null}. Every question
goes the way an SMS goes (coach/inbound.py): the lexicon reader first (a red flag gets advice,
a command is a command, a rating is a diary entry), then the FAQ. The outcome of each is:

- `answer`: coach sent an answer (right when it is the label, otherwise **wrong**);
- `handover`: coach said it would pass the question to the care team;
- `advice`: the question carried a red flag and got seek-care advice (safety first);
- `diary`: coach took it as a diary note or a command, not a question (a miss).

Targets (issue 10): right answer, hand-over or advice for at least 97 % of questions, a wrong
answer for at most 1 %. `coverage` (right answers among covered questions) is reported too,
so that handing everything over cannot pass unnoticed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from coach.core import faq as core
from coach.core.triage import understand
from coach.core.types import Level
from messages.faq import answer_ids

TARGET_OK = 0.97
TARGET_WRONG = 0.01


class LabelError(ValueError):
    pass


def load(path: Path) -> list[core.Labelled]:
    known = set(answer_ids())
    items: list[core.Labelled] = []
    try:
        lines = path.read_text("utf-8").splitlines()
    except OSError as exc:
        raise LabelError(f"{path}: {exc.strerror or exc}") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise LabelError(f"{path}:{number}: not JSON ({exc.msg})") from None
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            raise LabelError(f"{path}:{number}: needs a \"text\" string")
        lang = row.get("lang", "en")
        if lang not in ("en", "es"):
            raise LabelError(f"{path}:{number}: lang must be \"en\" or \"es\", got {lang!r}")
        answer = row.get("answer")
        if answer is not None and answer not in known:
            raise LabelError(f"{path}:{number}: unknown answer id {answer!r}")
        items.append(core.Labelled(text=row["text"], lang=lang, answer=answer))
    if not items:
        raise LabelError(f"{path}: no labelled questions")
    return items


@dataclass
class Tally:
    total: int = 0
    right: int = 0
    handover: int = 0
    advice: int = 0
    diary: int = 0
    wrong: int = 0
    covered: int = 0
    covered_right: int = 0
    reasons: Counter[str] = field(default_factory=Counter)

    def add(self, item: core.Labelled, outcome: str, answer: str | None, reason: str) -> str:
        self.total += 1
        self.reasons[reason] += 1
        if item.answer is not None:
            self.covered += 1
        if outcome == "answer":
            verdict = "right" if answer == item.answer else "wrong"
        elif item.answer is None:
            verdict = "right"  # anything but an answer is right for an uncovered question
        else:
            verdict = outcome
        if verdict == "right":
            self.right += 1
            if item.answer is not None:
                self.covered_right += 1
        elif verdict == "wrong":
            self.wrong += 1
        elif verdict == "handover":
            self.handover += 1
        elif verdict == "advice":
            self.advice += 1
        else:
            self.diary += 1
        return verdict

    def to_json(self) -> dict[str, Any]:
        ok = (self.right + self.handover + self.advice) / self.total if self.total else 0.0
        return {
            "questions": self.total,
            "right": self.right,
            "handed_over": self.handover,
            "advice": self.advice,
            "not_taken_as_question": self.diary,
            "wrong": self.wrong,
            "right_or_handover": round(ok, 4),
            "wrong_rate": round(self.wrong / self.total, 4) if self.total else 0.0,
            "coverage": round(self.covered_right / self.covered, 4) if self.covered else None,
            "reasons": dict(sorted(self.reasons.items())),
        }


def outcome_of(text: str, lang: str, found: core.Match | None) -> tuple[str, str]:
    """(outcome, reason) for one question, the way the webhook would treat it."""
    reading = understand(text, lang=lang)
    if reading.level != Level.ROUTINE:
        return "advice", "red_flag"
    if reading.command is not None:
        return "diary", "command"
    if reading.severity is not None:
        return "diary", "rating"
    if found is None or found.reason == core.NOT_A_QUESTION:
        return "diary", core.NOT_A_QUESTION
    return ("answer" if found.answered else "handover"), found.reason


def evaluate(
    items: Sequence[core.Labelled], matcher: Any = None, policy: core.Policy | None = None
) -> dict[str, Any]:
    from coach.faq import MATCHER

    matcher = matcher or MATCHER
    found = matcher.match_many([i.text for i in items], policy)
    overall, by_lang = Tally(), {"en": Tally(), "es": Tally()}
    mistakes: list[dict[str, Any]] = []
    for item, match in zip(items, found, strict=True):
        outcome, reason = outcome_of(item.text, item.lang, match)
        answer = match.answer_id if outcome == "answer" else None
        verdict = overall.add(item, outcome, answer, reason)
        by_lang[item.lang].add(item, outcome, answer, reason)
        if verdict in ("wrong", "diary"):
            mistakes.append({"text": item.text, "lang": item.lang, "label": item.answer,
                             "got": answer, "outcome": outcome, "reason": reason,
                             "score": round(match.score, 3)})
    report = overall.to_json()
    report["by_lang"] = {lang: t.to_json() for lang, t in by_lang.items() if t.total}
    report["targets"] = {"right_or_handover": TARGET_OK, "wrong_rate": TARGET_WRONG}
    report["meets_targets"] = (
        report["right_or_handover"] >= TARGET_OK and report["wrong_rate"] <= TARGET_WRONG
    )
    report["mistakes"] = mistakes
    return report


def _print(report: dict[str, Any], name: str, out: TextIO) -> None:
    def line(label: str, t: dict[str, Any]) -> str:
        coverage = "-" if t["coverage"] is None else f"{100 * t['coverage']:.1f}%"
        return (f"{label:<8} {t['questions']:>4} questions  right or hand-over "
                f"{100 * t['right_or_handover']:.1f}%  wrong {t['wrong']} "
                f"({100 * t['wrong_rate']:.1f}%)  handed over {t['handed_over']}  "
                f"coverage {coverage}")

    print(f"{name}", file=out)
    print(line("all", report), file=out)
    for lang, t in report["by_lang"].items():
        print(line(lang, t), file=out)
    for m in report["mistakes"]:
        print(f"  {m['outcome']:<7} label={m['label']} got={m['got']} ({m['reason']}) "
              f"[{m['lang']}] {m['text']}", file=out)
    verdict = "meets" if report["meets_targets"] else "MISSES"
    print(f"{verdict} the targets (>= {100 * TARGET_OK:.0f}% right or hand-over, "
          f"<= {100 * TARGET_WRONG:.0f}% wrong)", file=out)


def main(argv: Sequence[str] | None = None, out: TextIO = sys.stdout) -> int:
    parser = argparse.ArgumentParser(prog="coach eval-faq", description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    reports = {}
    for name in args.files:
        reports[name] = evaluate(load(Path(name)))
    if args.json:
        json.dump(reports if len(reports) > 1 else next(iter(reports.values())), out,
                  indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        for name, report in reports.items():
            _print(report, name, out)
    return 0 if all(r["meets_targets"] for r in reports.values()) else 1
