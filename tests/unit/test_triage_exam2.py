"""The reply reader on a third blind set, in registers nobody tuned it on.

exam2.jsonl (300 replies, 165 English and 135 Spanish) was written and committed before its
author ran or read the reader, docs/triage.md or any labelled set other than dev.jsonl, and
follows the labelling rules in tests/data/triage/README.md. It leans on how people really
write rather than on symptom words: older adults texting formally or in fragments ("Vision.
Right half. Gone."), teenagers' slang ("ngl my face lowkey droopy rn", "kms"), caregivers
about a child, parent or partner, function instead of symptoms (can't blow out candles,
water leaks when rinsing, a shoe that falls off one foot, a pen that slips, three pillows to
breathe, coughing at every meal), indirect self-harm (giving things away, goodbyes, saved
pills), Spanish from Mexico, Argentina, Colombia, Venezuela, Spain and the Caribbean with
Spanglish and misspellings, and look-alikes for every one of those (a pun on "seeing
double", a foot asleep after sitting, "no quiero seguir con el café", "si algún día...").
Do not tune its labels to the reader; fix the reader, or a label only when it breaks the
README rules.

Run `python -m coach.evaluate tests/data/triage/exam2.jsonl` for every miss.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from coach.core.triage import understand
from coach.core.types import RedFlag
from coach.evaluate import Figures, evaluate, load_cases

DATA = Path(__file__).resolve().parents[1] / "data" / "triage"
EXAM2 = DATA / "exam2.jsonl"
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


def test_reader_passes_exam2() -> None:
    report = evaluate(load_cases(EXAM2), understand)

    problems = _shortfalls("overall", report.overall)
    for lang, figures in sorted(report.by_lang.items()):
        problems += _shortfalls(lang, figures)
    assert not problems, "\n".join(problems) + "\n" + report.summary()


# The set itself: these hold whatever the reader does.


def test_exam2_lines_are_consistent_unique_and_split_by_language() -> None:
    cases = load_cases(EXAM2)  # refuses any line that breaks the labelling rules

    assert len(cases) == 300
    langs = Counter(c["lang"] for c in cases)
    assert set(langs) == {"en", "es"}
    assert 0.40 <= langs["es"] / len(cases) <= 0.50
    texts = [c["text"].casefold() for c in cases]
    assert len(texts) == len(set(texts))
    assert all("command" in c for c in cases)
    assert all(("level" in c) == (c["flag"] is not None) for c in cases)


def test_exam2_shares_no_line_with_the_dev_set() -> None:
    dev = {c["text"].casefold() for c in load_cases(DEV)}

    assert not dev & {c["text"].casefold() for c in load_cases(EXAM2)}


def test_exam2_covers_every_code_negations_commands_and_severities() -> None:
    cases = load_cases(EXAM2)
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


def test_exam2_pairs_alarming_words_with_harmless_look_alikes() -> None:
    # The set is meant to punish a reader that flags on words alone: each of these words
    # appears both in a red-flag reply and in a routine one.
    cases = load_cases(EXAM2)
    for word in ("whistle", "breathe", "double", "goodbye", "zigzag", "enjuagarme", "seguir"):
        holders = [c for c in cases if word in c["text"].casefold()]
        assert any(c["flag"] for c in holders), word
        assert any(c["flag"] is False for c in holders), word
