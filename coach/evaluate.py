"""Score a reply reader against labelled SMS replies (`coach eval FILE [FILE...] [--json]`).

The labelled files are JSON Lines in the format of tests/data/triage/*.jsonl; see
tests/data/triage/README.md for the labelling rules. The reader is any callable
`reader(text, lang)` returning an object with `.to_json()` (the shape `coach triage` prints),
by default `coach.core.triage.assess` (both readers; `--lexicon` for the lexicon alone).

Two kinds of recall are reported. Advice recall ("red flags recall"): the reply got
seek-care advice at once (`red_flags`). Safety recall: it got advice or a clarifying question
(`check`), so no red flag was left with neither. The check rate is the share of routine
replies that would get a question.

`coach eval --cv` cross-validates the second reader instead (leave-one-set-out over the old
blind sets, see coach/train.py) and prints the figures per held-out set and language.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from coach.core.types import Command, Level, RedFlag

# Safety targets: a missed red flag or an under-triaged reply is never acceptable; a few
# needless alerts are the price of that.
TARGET_RECALL = 1.0
TARGET_UNDER_TRIAGE = 0
TARGET_PRECISION = 0.95
TARGET_SEVERITY_ACCURACY = 0.98
TARGET_COMMAND_ACCURACY = 0.98
# With the second reader: no red flag left with neither advice nor a question, and questions
# on few routine replies.
TARGET_SAFETY_RECALL = 0.99
TARGET_CHECK_RATE = 0.05

UNSPECIFIED_LANG = "unspecified"
_FLAG_CODES = {flag.value for flag in RedFlag}
_COMMANDS = {command.value for command in Command}
_LEVELS = {level.value for level in Level}
_READING_KEYS = ("level", "red_flags", "severity", "command")
_GOT_KEYS = (*_READING_KEYS, "check")


class _Reading(Protocol):
    def to_json(self) -> Any: ...


Reader = Callable[[str, str | None], _Reading]


@dataclass
class Figures:
    """Counts for one slice of the cases (all of them, or one language)."""

    cases: int = 0
    flag_tp: int = 0
    flag_fn: int = 0
    flag_fp: int = 0
    flag_tn: int = 0
    category_total: dict[str, int] = field(default_factory=dict)
    category_found: dict[str, int] = field(default_factory=dict)
    triage_total: int = 0
    under_triage: int = 0
    over_triage: int = 0
    severity_total: int = 0
    severity_right: int = 0
    command_total: int = 0
    command_right: int = 0
    safe_tp: int = 0  # red-flag replies given advice or a question
    category_safe: dict[str, int] = field(default_factory=dict)
    checked_routine: int = 0  # routine replies given a question

    @property
    def recall(self) -> float | None:
        return _ratio(self.flag_tp, self.flag_tp + self.flag_fn)

    @property
    def precision(self) -> float | None:
        return _ratio(self.flag_tp, self.flag_tp + self.flag_fp)

    @property
    def safety_recall(self) -> float | None:
        return _ratio(self.safe_tp, self.flag_tp + self.flag_fn)

    @property
    def check_rate(self) -> float | None:
        return _ratio(self.checked_routine, self.flag_fp + self.flag_tn)

    @property
    def category_safety_recall(self) -> dict[str, float]:
        return {
            code: self.category_safe.get(code, 0) / total
            for code, total in sorted(self.category_total.items())
        }

    @property
    def category_recall(self) -> dict[str, float]:
        return {
            code: self.category_found.get(code, 0) / total
            for code, total in sorted(self.category_total.items())
        }

    @property
    def severity_accuracy(self) -> float | None:
        return _ratio(self.severity_right, self.severity_total)

    @property
    def command_accuracy(self) -> float | None:
        return _ratio(self.command_right, self.command_total)

    def shortfalls(self) -> list[str]:
        """The targets this slice misses, in words; empty when all are met.

        A figure with nothing to measure (no flagged lines, no severity labels) passes.
        """
        problems = []
        if not _meets(self.recall, TARGET_RECALL):
            problems.append(f"red-flag recall {_fmt(self.recall)} < {TARGET_RECALL}")
        for code, value in self.category_recall.items():
            if value < TARGET_RECALL:
                problems.append(f"{code} recall {_fmt(value)} < {TARGET_RECALL}")
        if self.under_triage > TARGET_UNDER_TRIAGE:
            problems.append(f"under-triage {self.under_triage} > {TARGET_UNDER_TRIAGE}")
        if not _meets(self.safety_recall, TARGET_SAFETY_RECALL):
            problems.append(
                f"safety recall {_fmt(self.safety_recall)} < {TARGET_SAFETY_RECALL}"
            )
        if self.check_rate is not None and self.check_rate > TARGET_CHECK_RATE:
            problems.append(f"check rate {_fmt(self.check_rate)} > {TARGET_CHECK_RATE}")
        if not _meets(self.precision, TARGET_PRECISION):
            problems.append(f"red-flag precision {_fmt(self.precision)} < {TARGET_PRECISION}")
        if not _meets(self.severity_accuracy, TARGET_SEVERITY_ACCURACY):
            problems.append(
                f"severity accuracy {_fmt(self.severity_accuracy)} < {TARGET_SEVERITY_ACCURACY}"
            )
        if not _meets(self.command_accuracy, TARGET_COMMAND_ACCURACY):
            problems.append(
                f"command accuracy {_fmt(self.command_accuracy)} < {TARGET_COMMAND_ACCURACY}"
            )
        return problems

    def meets_targets(self) -> bool:
        return not self.shortfalls()

    def to_json(self) -> dict[str, Any]:
        return {
            "cases": self.cases,
            "flag": {
                "true_positive": self.flag_tp,
                "false_negative": self.flag_fn,
                "false_positive": self.flag_fp,
                "true_negative": self.flag_tn,
                "recall": self.recall,
                "precision": self.precision,
            },
            "safety": {
                "recall": self.safety_recall,
                "advice_or_question": self.safe_tp,
                "category_recall": self.category_safety_recall,
                "check_rate_routine": self.check_rate,
                "checked_routine": self.checked_routine,
            },
            "category_recall": self.category_recall,
            "category_counts": {
                code: {"found": self.category_found.get(code, 0), "total": total}
                for code, total in sorted(self.category_total.items())
            },
            "triage": {
                "scored": self.triage_total,
                "under": self.under_triage,
                "over": self.over_triage,
            },
            "severity": {
                "scored": self.severity_total,
                "right": self.severity_right,
                "accuracy": self.severity_accuracy,
            },
            "command": {
                "scored": self.command_total,
                "right": self.command_right,
                "accuracy": self.command_accuracy,
            },
            "meets_targets": self.meets_targets(),
            "shortfalls": self.shortfalls(),
        }


@dataclass(frozen=True)
class Miss:
    """One case the reader got wrong; `kinds` names each way it was wrong."""

    text: str
    lang: str | None
    kinds: tuple[str, ...]
    expected: dict[str, Any]
    got: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "lang": self.lang,
            "kinds": list(self.kinds),
            "expected": self.expected,
            "got": self.got,
        }


@dataclass
class Report:
    overall: Figures = field(default_factory=Figures)
    by_lang: dict[str, Figures] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)

    def meets_targets(self) -> bool:
        # Every language must meet the targets on its own: a good English score must not
        # hide a Spanish speaker's missed red flag.
        return self.overall.meets_targets() and all(
            figures.meets_targets() for figures in self.by_lang.values()
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "meets_targets": self.meets_targets(),
            "targets": {
                "recall": TARGET_RECALL,
                "under_triage": TARGET_UNDER_TRIAGE,
                "precision": TARGET_PRECISION,
                "severity_accuracy": TARGET_SEVERITY_ACCURACY,
                "command_accuracy": TARGET_COMMAND_ACCURACY,
                "safety_recall": TARGET_SAFETY_RECALL,
                "check_rate": TARGET_CHECK_RATE,
            },
            "overall": self.overall.to_json(),
            "by_lang": {lang: figures.to_json() for lang, figures in sorted(self.by_lang.items())},
            "misses": [miss.to_json() for miss in self.misses],
        }

    def summary(self) -> str:
        lines = []
        for name, figures in [("overall", self.overall), *sorted(self.by_lang.items())]:
            lines.append(_summary_line(name, figures))
            if figures.category_recall:
                lines.append(
                    "    per code: "
                    + ", ".join(f"{c} {_fmt(v)}" for c, v in figures.category_recall.items())
                )
                lines.append(
                    "    per code, advice or question: "
                    + ", ".join(
                        f"{c} {_fmt(v)}" for c, v in figures.category_safety_recall.items()
                    )
                )
            lines.extend(f"    MISSED TARGET: {problem}" for problem in figures.shortfalls())
        if self.misses:
            lines.append(f"{len(self.misses)} misses:")
            for miss in self.misses:
                lines.append(
                    f"  [{','.join(miss.kinds)}] {miss.text!r} ({miss.lang or '?'})\n"
                    f"      expected {json.dumps(miss.expected, ensure_ascii=False)}\n"
                    f"      got      {json.dumps(miss.got, ensure_ascii=False)}"
                )
        lines.append("targets met" if self.meets_targets() else "targets NOT met")
        return "\n".join(lines)


def evaluate(cases: Iterable[Mapping[str, Any]], reader: Reader) -> Report:
    report = Report()
    for case in cases:
        text = case["text"]
        lang = case.get("lang")
        got = _reading_as_dict(reader(text, lang))
        slices = [
            report.overall,
            report.by_lang.setdefault(lang or UNSPECIFIED_LANG, Figures()),
        ]
        kinds = _score(case, got, slices)
        if kinds:
            report.misses.append(
                Miss(
                    text=text,
                    lang=lang,
                    kinds=tuple(kinds),
                    expected=_labelled_fields(case),
                    got={key: got.get(key) for key in _GOT_KEYS if key in got},
                )
            )
    return report


def _score(case: Mapping[str, Any], got: Mapping[str, Any], slices: list[Figures]) -> list[str]:
    """Adds one case to each slice's counts; returns the kinds of mistake made on it."""
    kinds: list[str] = []
    got_flags = {str(code) for code in got.get("red_flags") or ()}
    checked = {str(code) for code in got.get("check") or ()}
    for figures in slices:
        figures.cases += 1

    expected_flag = case.get("flag")
    if expected_flag is not None:
        got_flag = bool(got_flags)
        attr = {
            (True, True): "flag_tp",
            (True, False): "flag_fn",
            (False, True): "flag_fp",
            (False, False): "flag_tn",
        }[(bool(expected_flag), got_flag)]
        for figures in slices:
            setattr(figures, attr, getattr(figures, attr) + 1)
        safe = bool(expected_flag) and bool(got_flags or checked)
        needless = not expected_flag and bool(checked)
        for figures in slices:
            figures.safe_tp += safe
            figures.checked_routine += needless
        if attr == "flag_fn":
            kinds.extend(["missed_flag"] if safe else ["missed_flag", "unasked"])
        elif attr == "flag_fp":
            kinds.append("false_flag")
        if needless:
            kinds.append("needless_check")

    for code in case.get("red_flags") or ():
        found = code in got_flags
        asked = found or code in checked
        for figures in slices:
            figures.category_total[code] = figures.category_total.get(code, 0) + 1
            figures.category_found[code] = figures.category_found.get(code, 0) + found
            figures.category_safe[code] = figures.category_safe.get(code, 0) + asked
        if not found:
            kinds.append(f"missed_{code}")
            if not asked:
                kinds.append(f"unasked_{code}")

    if case.get("level") is not None:
        expected_rank = Level(case["level"]).rank
        got_rank = _level_rank(got.get("level"))
        for figures in slices:
            figures.triage_total += 1
            figures.under_triage += got_rank < expected_rank
            figures.over_triage += got_rank > expected_rank
        if got_rank < expected_rank:
            kinds.append("under_triage")
        elif got_rank > expected_rank:
            kinds.append("over_triage")

    if "severity" in case:
        right = _same_severity(case["severity"], got.get("severity"))
        for figures in slices:
            figures.severity_total += 1
            figures.severity_right += right
        if not right:
            kinds.append("severity")

    if "command" in case:
        right = case["command"] == _optional_str(got.get("command"))
        for figures in slices:
            figures.command_total += 1
            figures.command_right += right
        if not right:
            kinds.append("command")
    return kinds


def load_cases(path: str | Path) -> list[dict[str, Any]]:
    """Reads a labelled JSON Lines file, refusing any line that breaks the labelling rules."""
    cases = []
    source = Path(path)
    with source.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                case = json.loads(line)
            except json.JSONDecodeError as error:
                raise ValueError(f"{source}:{number}: not JSON: {error}") from None
            problems = case_problems(case)
            if problems:
                raise ValueError(f"{source}:{number}: {'; '.join(problems)}")
            cases.append(case)
    return cases


def case_problems(case: Any) -> list[str]:
    """What is wrong with one labelled case; empty when it is consistent."""
    if not isinstance(case, dict):
        return ["not a JSON object"]
    problems = []
    if not isinstance(case.get("text"), str) or not case["text"].strip():
        problems.append("text must be a non-empty string")
    if case.get("lang") not in (None, "en", "es"):
        problems.append(f"unknown lang {case.get('lang')!r}")
    flags = case.get("red_flags", [])
    if not isinstance(flags, list) or not set(flags) <= _FLAG_CODES:
        problems.append(f"red_flags must be a list of {sorted(_FLAG_CODES)}")
        flags = []
    if len(set(flags)) != len(flags):
        problems.append("red_flags repeats a code")
    flag = case.get("flag")
    if flag not in (True, False, None):
        problems.append("flag must be true, false or null")
    elif flag is not None and flag != bool(flags):
        problems.append(f"flag {flag} disagrees with red_flags {flags}")
    if "level" in case:
        if case["level"] not in _LEVELS:
            problems.append(f"unknown level {case['level']!r}")
        elif flag is not None and case["level"] != _level_of(flags):
            problems.append(f"level {case['level']} disagrees with red_flags {flags}")
    severity = case.get("severity")
    if severity is not None and (
        isinstance(severity, bool) or not isinstance(severity, int) or not 0 <= severity <= 10
    ):
        problems.append(f"severity must be 0-10 or null, not {severity!r}")
    if case.get("command") not in (None, *_COMMANDS):
        problems.append(f"unknown command {case.get('command')!r}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="coach eval",
        description="Score the reply reader against labelled JSON Lines files.",
    )
    parser.add_argument("files", nargs="*", metavar="FILE")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--lexicon", action="store_true",
                        help="score the lexicon reader alone (no second reader, no check)")
    parser.add_argument("--cv", action="store_true",
                        help="cross-validate the second reader (leave-one-set-out over the "
                        "old blind sets) instead of scoring FILEs")
    args = parser.parse_args(argv)
    if args.cv:
        return _cross_validate(args.json)
    if not args.files:
        parser.error("FILE is required (or --cv)")
    try:
        cases = [case for path in args.files for case in load_cases(path)]
    except (OSError, ValueError) as error:
        print(f"coach eval: {error}", file=sys.stderr)
        return 2

    # Imported here so this module (and its tests) work before or without the reader.
    try:
        triage = importlib.import_module("coach.core.triage")
        read = triage.understand if args.lexicon else triage.assess
    except (ImportError, AttributeError) as error:
        print(f"coach eval: cannot load the reader: {error}", file=sys.stderr)
        return 2
    report = evaluate(cases, read)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print(report.summary())
    return 0 if report.meets_targets() else 1


def _cross_validate(as_json: bool) -> int:
    try:
        train = importlib.import_module("coach.train")
        result = train.cross_validated(log=lambda message: print(message, file=sys.stderr))
    except ImportError as error:
        print(f"coach eval --cv needs the train extra (scikit-learn): {error}", file=sys.stderr)
        return 2
    if as_json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(train.cv_summary(result))
    return 0


def _reading_as_dict(reading: Any) -> dict[str, Any]:
    data = reading.to_json() if hasattr(reading, "to_json") else reading
    if isinstance(data, str | bytes):
        data = json.loads(data)
    if not isinstance(data, Mapping):
        raise TypeError(f"reader returned {type(data).__name__}, not a Reading")
    return dict(data)


def _labelled_fields(case: Mapping[str, Any]) -> dict[str, Any]:
    return {
        key: case[key] for key in ("flag", *_READING_KEYS) if key in case
    }


def _level_of(flags: Iterable[str]) -> str:
    levels = [RedFlag(code).level for code in flags]
    return max(levels, key=lambda level: level.rank, default=Level.ROUTINE).value


def _level_rank(value: Any) -> int:
    # A reader that gives no level, or one we do not know, has given no triage at all:
    # count it as routine so it shows up as under-triage rather than being excused.
    try:
        return Level(str(value)).rank
    except ValueError:
        return Level.ROUTINE.rank


def _same_severity(expected: Any, got: Any) -> bool:
    if expected is None or got is None:
        return expected is None and got is None
    try:
        return float(expected) == float(got)
    except (TypeError, ValueError):
        return False


def _optional_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _meets(value: float | None, target: float) -> bool:
    return value is None or value >= target


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _summary_line(name: str, figures: Figures) -> str:
    return (
        f"{name}: {figures.cases} cases | red flags recall {_fmt(figures.recall)} "
        f"precision {_fmt(figures.precision)} "
        f"(tp {figures.flag_tp} fn {figures.flag_fn} fp {figures.flag_fp}) | "
        f"safety recall {_fmt(figures.safety_recall)} (advice or question), "
        f"check rate {_fmt(figures.check_rate)} on routine | "
        f"under-triage {figures.under_triage} over-triage {figures.over_triage} | "
        f"severity {_fmt(figures.severity_accuracy)} ({figures.severity_total}) | "
        f"command {_fmt(figures.command_accuracy)} ({figures.command_total})"
    )


if __name__ == "__main__":
    raise SystemExit(main())
