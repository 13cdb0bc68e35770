"""The reply reader on a second blind set, the final exam.

exam.jsonl (300 replies, 165 English and 135 Spanish from Mexico, Spain, Argentina, Colombia
and the Caribbean) was written and committed before its author ran or read the reader,
docs/triage.md, corpus.jsonl or holdout.jsonl, and follows the labelling rules in
tests/data/triage/README.md. It leans on replies that describe a symptom without naming it
(a cup spilling from one side of the mouth, food pocketing in the cheek, an eye that stays
open on blinking, needing to sit up to breathe), on minimising, bystanders, recent transient
episodes, figurative speech, commands inside longer messages and ratings written in words.
Do not tune its labels to the reader; fix the reader, or a label only when it breaks the
README rules.

Run `python -m coach.evaluate tests/data/triage/exam.jsonl` for every miss.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from coach.core.triage import understand
from coach.core.types import RedFlag
from coach.evaluate import Figures, evaluate, load_cases

DATA = Path(__file__).resolve().parents[1] / "data" / "triage"
EXAM = DATA / "exam.jsonl"
DEV = DATA / "dev.jsonl"

# Never looser on safety (no red flag missed, no reply under-triaged); looser than the
# corpus targets on precision and accuracy because nobody tuned the reader on this language.
MIN_PRECISION = 0.90
MIN_SEVERITY_ACCURACY = 0.95
MIN_COMMAND_ACCURACY = 0.95


def _shortfalls(name: str, figures: Figures) -> list[str]:
    problems = []
    if figures.flag_fn:
        problems.append(f"{name}: {figures.flag_fn} red-flag replies missed")
    if figures.under_triage:
        problems.append(f"{name}: {figures.under_triage} replies under-triaged")
    for code, recall in sorted(figures.category_recall.items()):
        if recall < 1.0:
            problems.append(f"{name}: {code} recall {recall:.3f}")
    checks: list[tuple[str, float | None, float]] = [
        ("precision", figures.precision, MIN_PRECISION),
        ("severity accuracy", figures.severity_accuracy, MIN_SEVERITY_ACCURACY),
        ("command accuracy", figures.command_accuracy, MIN_COMMAND_ACCURACY),
    ]
    for label, value, target in checks:
        if value is None or value < target:
            problems.append(f"{name}: {label} {value} < {target}")
    return problems


def test_reader_passes_the_exam() -> None:
    report = evaluate(load_cases(EXAM), understand)

    problems = _shortfalls("overall", report.overall)
    for lang, figures in sorted(report.by_lang.items()):
        problems += _shortfalls(lang, figures)
    assert not problems, "\n".join(problems) + "\n" + report.summary()


# The exam itself: these hold whatever the reader does.


def test_exam_lines_are_consistent_unique_and_split_by_language() -> None:
    cases = load_cases(EXAM)  # refuses any line that breaks the labelling rules

    assert len(cases) == 300
    langs = Counter(c["lang"] for c in cases)
    assert set(langs) == {"en", "es"}
    assert 0.40 <= langs["es"] / len(cases) <= 0.50
    texts = [c["text"].casefold() for c in cases]
    assert len(texts) == len(set(texts))
    assert all("command" in c for c in cases)
    assert all(("level" in c) == (c["flag"] is not None) for c in cases)


def test_exam_shares_no_line_with_the_dev_set() -> None:
    dev = {c["text"].casefold() for c in load_cases(DEV)}

    assert not dev & {c["text"].casefold() for c in load_cases(EXAM)}


def test_exam_covers_every_code_negations_commands_and_severities() -> None:
    cases = load_cases(EXAM)
    for lang in ("en", "es"):
        mine = [c for c in cases if c["lang"] == lang]
        flagged = Counter(code for c in mine for code in c["red_flags"])
        assert set(flagged) == {flag.value for flag in RedFlag}
        assert min(flagged.values()) >= 5, (lang, flagged)
        assert sum(1 for c in mine if c["flag"] is False) >= 60
        assert sum(1 for c in mine if c["flag"] is None) >= 3
        assert sum(1 for c in mine if c["flag"] and c["command"]) >= 2
        assert {c["command"] for c in mine} == {None, "stop", "start", "help", "pause", "resume"}
        severities = {c["severity"] for c in mine if "severity" in c}
        assert {None, 0, 10} <= severities
        assert any(c["flag"] and c.get("severity") is not None for c in mine)
