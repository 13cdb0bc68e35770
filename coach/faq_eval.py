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
    found = matcher.match_many([i.text for i in items], policy, langs=[i.lang for i in items])
    return _report(items, found)


def _report(items: Sequence[core.Labelled], found: Sequence[core.Match]) -> dict[str, Any]:
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


# Threshold and margin choice. A wrong answer costs WRONG_COST hand-overs: coach should pass
# twenty covered questions to the care team rather than answer one wrongly.
WRONG_COST = 20
THRESHOLDS = tuple(round(0.40 + 0.01 * i, 2) for i in range(41))  # 0.40 .. 0.80
MARGINS = tuple(round(0.01 * i, 2) for i in range(16))  # 0.00 .. 0.15


@dataclass(frozen=True)
class _Scored:
    """One question the rules leave to the encoder: its label and per-answer scores."""

    label: str | None
    lang: str
    scores: Any  # np.ndarray (A,)
    text: str = ""


def _scored(items: Sequence[core.Labelled], matcher: Any) -> tuple[list[_Scored], tuple[str, ...]]:
    pending = [i for i in items
               if outcome_of(i.text, i.lang, core.Match(None, core.LOW_CONFIDENCE))[1]
               == core.LOW_CONFIDENCE and core.rule_reason(i.text) is None]
    if not pending:
        return [], matcher.index.ids
    scores = core.question_scores([i.text for i in pending], matcher.index, matcher.encoder)
    return ([_Scored(i.answer, i.lang, scores[r], i.text) for r, i in enumerate(pending)],
            matcher.index.ids)


def _cost(rows: Sequence[_Scored], ids: Sequence[str], threshold: float, margin: float,
          lang: str) -> tuple[int, int, int]:
    """(cost, wrong, covered questions handed over) for one language's rows."""
    policy = core.Policy(by_lang={lang: (threshold, margin)})
    wrong = handed = 0
    for row in rows:
        found = core.decide(row.scores, ids, policy, lang=lang, text=row.text)
        if found.answer_id is None:
            handed += row.label is not None
        elif found.answer_id != row.label:
            wrong += 1
    return WRONG_COST * wrong + handed, wrong, handed


def choose(rows: Sequence[_Scored], ids: Sequence[str]) -> dict[str, tuple[float, float]]:
    """Per language, the (threshold, margin) of least cost; ties go to the stricter pair."""
    chosen: dict[str, tuple[float, float]] = {}
    for lang in sorted({r.lang for r in rows}):
        mine = [r for r in rows if r.lang == lang]
        best: tuple[int, float, float] | None = None
        for threshold in THRESHOLDS:
            for margin in MARGINS:
                cost = _cost(mine, ids, threshold, margin, lang)[0]
                key = (cost, -threshold, -margin)
                if best is None or key < (best[0], -best[1], -best[2]):
                    best = (cost, threshold, margin)
        assert best is not None
        chosen[lang] = (best[1], best[2])
    return chosen


def cross_validate(
    items: Sequence[core.Labelled], k: int = 5, seed: int = 0, matcher: Any = None
) -> dict[str, Any]:
    """k-fold: choose per-language thresholds and margins on k-1 folds, score the held-out
    fold with them; the figures are the held-out folds' together. Also the tuned figures
    (chosen and scored on everything), which are optimistic."""
    import random

    from coach.faq import MATCHER

    matcher = matcher or MATCHER
    order = list(range(len(items)))
    random.Random(seed).shuffle(order)
    folds = [order[f::k] for f in range(k)]
    held: list[core.Policy | None] = [None] * len(items)
    per_fold = []
    for fold in folds:
        inside = set(fold)
        train = [items[i] for i in order if i not in inside]
        rows, ids = _scored(train, matcher)
        chosen = choose(rows, ids)
        per_fold.append(chosen)
        for i in fold:
            held[i] = core.Policy(by_lang=chosen)
    found: list[core.Match] = []
    for i, item in enumerate(items):
        found.extend(matcher.match_many([item.text], held[i], langs=[item.lang]))
    cv = _report(items, found)
    rows, ids = _scored(items, matcher)
    tuned_policy = core.Policy(by_lang=choose(rows, ids))
    tuned = evaluate(items, matcher, tuned_policy)
    return {
        "k": k, "seed": seed, "wrong_cost": WRONG_COST,
        "per_fold": [{lang: list(v) for lang, v in f.items()} for f in per_fold],
        "tuned_policy": {lang: list(v) for lang, v in tuned_policy.by_lang.items()},
        "cross_validated": cv, "tuned": tuned,
    }


def leave_one_set_out(
    sets: Sequence[tuple[str, Sequence[core.Labelled]]], matcher: Any = None
) -> dict[str, Any]:
    """For each set, thresholds and margins chosen on the other sets, scored on it: how a set
    written apart (another writer, another day) fares with figures it did not shape. Only
    the thresholds are held out; rules and paraphrases were shaped on every set."""
    from coach.faq import MATCHER

    matcher = matcher or MATCHER
    held: dict[str, Any] = {}
    every: list[core.Labelled] = []
    found_all: list[core.Match] = []
    for name, items in sets:
        train = [i for other, rest in sets if other != name for i in rest]
        rows, ids = _scored(train, matcher)
        chosen = choose(rows, ids)
        found = matcher.match_many([i.text for i in items], core.Policy(by_lang=chosen),
                                   langs=[i.lang for i in items])
        report = _report(items, found)
        report["policy"] = {lang: list(v) for lang, v in chosen.items()}
        held[name] = report
        every.extend(items)
        found_all.extend(found)
    return {"wrong_cost": WRONG_COST, "held_out": held, "all": _report(every, found_all)}


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
    parser.add_argument("--cv", type=int, metavar="K", default=0,
                        help="choose thresholds and margins by K-fold cross-validation over "
                             "all FILEs together and print held-out and tuned figures")
    parser.add_argument("--by-file", action="store_true",
                        help="leave one FILE out: choose thresholds and margins on the other "
                             "FILEs and score each FILE with them")
    args = parser.parse_args(argv)
    if args.by_file:
        if len(args.files) < 2:
            parser.error("--by-file needs at least two FILEs")
        result = leave_one_set_out([(name, load(Path(name))) for name in args.files])
        if args.json:
            json.dump(result, out, indent=2, ensure_ascii=False)
            out.write("\n")
        else:
            for name, report in result["held_out"].items():
                _print(report, f"{name} held out, chosen on the others: {report['policy']}", out)
            _print(result["all"], "every set held out in turn, together", out)
        return 0 if result["all"]["meets_targets"] else 1
    if args.cv:
        if args.cv < 2:
            parser.error("--cv needs K >= 2")
        items = [item for name in args.files for item in load(Path(name))]
        result = cross_validate(items, k=args.cv)
        if args.json:
            json.dump(result, out, indent=2, ensure_ascii=False)
            out.write("\n")
        else:
            print(f"{args.cv}-fold cross-validation over {', '.join(args.files)} "
                  f"(a wrong answer costs {WRONG_COST} hand-overs)", file=out)
            print(f"per fold (threshold, margin): {result['per_fold']}", file=out)
            _print(result["cross_validated"], "held-out folds (cross-validated)", out)
            print(f"tuned on everything: {result['tuned_policy']}", file=out)
            _print(result["tuned"], "tuned (chosen and scored on the same questions)", out)
        return 0 if result["cross_validated"]["meets_targets"] else 1
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
