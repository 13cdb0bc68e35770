"""The labelled corpus itself (tests/data/triage/README.md): size, balance and coverage.

How the reader scores on it is in test_triage_sets.py; `coach eval tests/data/triage/*.jsonl`
prints the full report.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from coach.core.types import RedFlag
from coach.evaluate import load_cases

DATA = Path(__file__).resolve().parents[1] / "data" / "triage"
DEV = DATA / "dev.jsonl"
CORPUS = DATA / "corpus.jsonl"


# The corpus itself: these hold whatever the reader does.


def test_corpus_lines_are_consistent_and_large_enough() -> None:
    cases = load_cases(CORPUS)  # refuses any inconsistent line

    assert len(cases) >= 450
    langs = Counter(c["lang"] for c in cases)
    assert set(langs) == {"en", "es"}
    assert 0.3 <= langs["es"] / len(cases) <= 0.5


def test_corpus_covers_every_code_and_its_negation_in_both_languages() -> None:
    cases = load_cases(CORPUS)
    for lang in ("en", "es"):
        flagged = Counter(
            code for c in cases if c["lang"] == lang for code in c["red_flags"]
        )
        assert set(flagged) == {flag.value for flag in RedFlag}
        assert min(flagged.values()) >= 10, (lang, flagged)
        unflagged = sum(1 for c in cases if c["lang"] == lang and c["flag"] is False)
        assert unflagged >= 100


def test_corpus_covers_every_command_and_severity_labels_in_both_languages() -> None:
    cases = load_cases(CORPUS)
    for lang in ("en", "es"):
        mine = [c for c in cases if c["lang"] == lang]
        assert {c["command"] for c in mine} == {None, "stop", "start", "help", "pause", "resume"}
        severities = [c["severity"] for c in mine if "severity" in c]
        assert None in severities
        assert {0, 5, 10} <= set(severities)


def test_corpus_shares_no_line_with_the_dev_set() -> None:
    dev = {c["text"].casefold() for c in load_cases(DEV)}
    corpus = [c["text"].casefold() for c in load_cases(CORPUS)]

    assert not dev & set(corpus)
    assert len(corpus) == len(set(corpus))
