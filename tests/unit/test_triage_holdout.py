"""The reply reader on a blind held-out set: language it was not tuned on.

holdout.jsonl (350 replies, about 55% English and 45% Spanish) was written and committed
before its author read the reader, docs/triage.md or corpus.jsonl, and follows the labelling
rules in tests/data/triage/README.md. It measures how the reader generalises to phrasings a
pattern list may not anticipate (regional Spanish, typos, voice-to-text, bystanders,
negations, figurative speech, symptoms buried in long messages). Do not tune its labels to
the reader; fix the reader, or a label only when it breaks the README rules.

Run `python -m coach.evaluate tests/data/triage/holdout.jsonl` for every miss.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from coach.core.triage import understand
from coach.core.types import RedFlag
from coach.evaluate import Figures, evaluate, load_cases

DATA = Path(__file__).resolve().parents[1] / "data" / "triage"
HOLDOUT = DATA / "holdout.jsonl"
DEV = DATA / "dev.jsonl"

# Looser than the corpus targets for precision and accuracy, since nobody tuned the reader
# on this language; never looser on safety: no red flag missed, no reply under-triaged.
MIN_PRECISION = 0.90
MIN_SEVERITY_ACCURACY = 0.95
MIN_COMMAND_ACCURACY = 0.95


def _shortfalls(name: str, figures: Figures) -> list[str]:
    problems = []
    if figures.flag_fn:
        problems.append(f"{name}: {figures.flag_fn} red-flag replies missed")
    if figures.under_triage:
        problems.append(f"{name}: {figures.under_triage} replies under-triaged")
    for code, recall in figures.category_recall.items():
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


def test_reader_meets_safety_targets_on_the_held_out_set() -> None:
    report = evaluate(load_cases(HOLDOUT), understand)

    problems = _shortfalls("overall", report.overall)
    for lang, figures in sorted(report.by_lang.items()):
        problems += _shortfalls(lang, figures)
    assert not problems, "\n".join(problems) + "\n" + report.summary()


# The held-out set itself: these hold whatever the reader does.


def test_held_out_lines_are_consistent_and_split_by_language() -> None:
    cases = load_cases(HOLDOUT)  # refuses any line that breaks the labelling rules

    assert len(cases) == 350
    langs = Counter(c["lang"] for c in cases)
    assert set(langs) == {"en", "es"}
    assert 0.40 <= langs["es"] / len(cases) <= 0.50
    texts = [c["text"].casefold() for c in cases]
    assert len(texts) == len(set(texts))


def test_held_out_set_shares_no_line_with_the_dev_set() -> None:
    dev = {c["text"].casefold() for c in load_cases(DEV)}

    assert not dev & {c["text"].casefold() for c in load_cases(HOLDOUT)}


def test_held_out_set_covers_every_code_negations_commands_and_severities() -> None:
    cases = load_cases(HOLDOUT)
    for lang in ("en", "es"):
        mine = [c for c in cases if c["lang"] == lang]
        flagged = Counter(code for c in mine for code in c["red_flags"])
        assert set(flagged) == {flag.value for flag in RedFlag}
        assert min(flagged.values()) >= 8, (lang, flagged)
        assert sum(1 for c in mine if c["flag"] is False) >= 60
        assert {c["command"] for c in mine} == {None, "stop", "start", "help", "pause", "resume"}
        severities = {c["severity"] for c in mine if "severity" in c}
        assert {None, 0, 10} <= severities
