"""The reply reader scored on every labelled set in tests/data/triage/ (see its README).

The held-out sets (holdout, exam, exam2, exam3, exam4) were each written blind, without
reading the reader, and scored before the reader was widened with what they taught; their
first scores are in README.md. They stay here so no later change loses that ground. Targets
(coach.evaluate): no red flag missed, no under-triage, precision >= 0.95, severity and command
accuracy >= 0.98, overall and in each language.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from coach.core.triage import understand
from coach.core.types import RedFlag
from coach.evaluate import evaluate, load_cases

DATA = Path(__file__).resolve().parents[1] / "data" / "triage"
BLIND = ("holdout", "exam", "exam2", "exam3", "exam4", "exam5")
ALL_CODES = {flag.value for flag in RedFlag}


def _cases(name: str) -> list[dict]:
    return load_cases(DATA / f"{name}.jsonl")


@pytest.mark.parametrize("name", ["dev", "corpus", *BLIND])
def test_reader_meets_the_targets(name: str) -> None:
    report = evaluate(_cases(name), understand)
    assert report.meets_targets(), "\n" + report.summary()


@pytest.mark.parametrize("name", BLIND)
def test_blind_set_covers_every_code_in_both_languages(name: str) -> None:
    cases = _cases(name)
    assert len(cases) >= 200
    for lang in ("en", "es"):
        flagged = Counter(
            code for case in cases if case["lang"] == lang for code in case["red_flags"]
        )
        assert set(flagged) == ALL_CODES, (lang, flagged)
        mine = [case for case in cases if case["lang"] == lang]
        assert any(case["flag"] is False for case in mine)
        assert {c["command"] for c in mine} >= {None, "stop", "pause"}


@pytest.mark.parametrize("name", ["corpus", *BLIND])
def test_sets_share_no_line_with_the_dev_set_or_repeat_themselves(name: str) -> None:
    dev = {case["text"].casefold() for case in _cases("dev")}
    texts = [case["text"] for case in _cases(name)]
    assert not dev & {text.casefold() for text in texts}
    assert len(texts) == len(set(texts))  # "SI" and "si" may both appear: case is a variant
