"""The reply reader scored against exam3.jsonl, a blind set written without reading the reader.

300 replies (160 English, 140 Spanish) imagined from 30 patient personas; see
tests/data/triage/README.md for the labelling rules. Safety first: no red flag may be missed
and no reply under-triaged, in either language.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.core.triage import understand
from coach.evaluate import Figures, Report, evaluate, load_cases

EXAM3 = Path(__file__).resolve().parents[1] / "data" / "triage" / "exam3.jsonl"

MIN_PRECISION = 0.90
MIN_SEVERITY_ACCURACY = 0.95
MIN_COMMAND_ACCURACY = 0.95


@pytest.fixture(scope="module")
def report() -> Report:
    return evaluate(load_cases(EXAM3), understand)


def _slices(report: Report) -> list[tuple[str, Figures]]:
    return [("overall", report.overall), *sorted(report.by_lang.items())]


def _misses(report: Report, kind: str, name: str) -> list[str]:
    return [
        miss.text
        for miss in report.misses
        if name in ("overall", miss.lang) and any(k.startswith(kind) for k in miss.kinds)
    ]


def test_exam3_is_the_blind_set_described() -> None:
    cases = load_cases(EXAM3)
    assert len(cases) == 300
    assert {case["lang"] for case in cases} == {"en", "es"}
    codes = {code for case in cases for code in case["red_flags"]}
    assert len(codes) == 8


def test_exam3_no_red_flag_is_missed(report: Report) -> None:
    for name, figures in _slices(report):
        assert figures.recall == 1.0, (name, _misses(report, "missed_", name))
        assert all(value == 1.0 for value in figures.category_recall.values()), (
            name,
            figures.category_recall,
        )


def test_exam3_no_reply_is_under_triaged(report: Report) -> None:
    for name, figures in _slices(report):
        assert figures.under_triage == 0, (name, _misses(report, "under_triage", name))


def test_exam3_red_flag_precision(report: Report) -> None:
    for name, figures in _slices(report):
        assert figures.precision is not None
        assert figures.precision >= MIN_PRECISION, (name, _misses(report, "false_flag", name))


def test_exam3_severity_accuracy(report: Report) -> None:
    for name, figures in _slices(report):
        assert figures.severity_accuracy is not None
        assert figures.severity_accuracy >= MIN_SEVERITY_ACCURACY, (
            name,
            _misses(report, "severity", name),
        )


def test_exam3_command_accuracy(report: Report) -> None:
    for name, figures in _slices(report):
        assert figures.command_accuracy is not None
        assert figures.command_accuracy >= MIN_COMMAND_ACCURACY, (
            name,
            _misses(report, "command", name),
        )
