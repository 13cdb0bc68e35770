"""Scores the reply reader on exam4.jsonl, a blind set written without looking at the reader.

The set is a month of replies from 25 invented patients (140 English, 110 Spanish lines), so
its figures estimate how the reader does on a real reply stream. The safety figures are the
release bar; the others allow a little slack, since a blind set is never tuned to.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.core.triage import understand
from coach.evaluate import Figures, Report, evaluate, load_cases

EXAM = Path(__file__).resolve().parents[1] / "data" / "triage" / "exam4.jsonl"

MIN_PRECISION = 0.90
MIN_SEVERITY_ACCURACY = 0.95
MIN_COMMAND_ACCURACY = 0.95


@pytest.fixture(scope="module")
def report() -> Report:
    return evaluate(load_cases(EXAM), understand)


def _slices(report: Report) -> list[tuple[str, Figures]]:
    return [("overall", report.overall), *sorted(report.by_lang.items())]


def _misses(report: Report, kind_prefix: str) -> list[str]:
    return [
        f"{miss.text!r} ({miss.lang}): {', '.join(miss.kinds)}"
        for miss in report.misses
        if any(kind.startswith(kind_prefix) for kind in miss.kinds)
    ]


def test_exam_covers_every_code_in_both_languages() -> None:
    cases = load_cases(EXAM)
    assert len(cases) == 250
    for lang in ("en", "es"):
        codes = {code for case in cases if case["lang"] == lang for code in case["red_flags"]}
        assert codes == {
            "weakness",
            "speech",
            "swallowing",
            "breathing",
            "self_harm",
            "vision",
            "severe_pain",
            "prolonged",
        }


def test_no_red_flag_is_missed(report: Report) -> None:
    for name, figures in _slices(report):
        assert figures.flag_fn == 0, (name, _misses(report, "missed_"))
        assert all(value == 1.0 for value in figures.category_recall.values()), (
            name,
            figures.category_recall,
        )


def test_no_reply_is_under_triaged(report: Report) -> None:
    for name, figures in _slices(report):
        assert figures.under_triage == 0, (name, _misses(report, "under_triage"))


def test_precision_is_high_enough(report: Report) -> None:
    for name, figures in _slices(report):
        assert figures.precision is not None
        assert figures.precision >= MIN_PRECISION, (name, _misses(report, "false_flag"))


def test_severity_is_read_accurately(report: Report) -> None:
    for name, figures in _slices(report):
        assert figures.severity_accuracy is not None
        assert figures.severity_accuracy >= MIN_SEVERITY_ACCURACY, (
            name,
            _misses(report, "severity"),
        )


def test_commands_are_read_accurately(report: Report) -> None:
    for name, figures in _slices(report):
        assert figures.command_accuracy is not None
        assert figures.command_accuracy >= MIN_COMMAND_ACCURACY, (
            name,
            _misses(report, "command"),
        )
