from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from coach import evaluate as ev


@dataclass
class FakeReading:
    level: str = "routine"
    red_flags: tuple[str, ...] = ()
    severity: int | None = None
    command: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "red_flags": list(self.red_flags),
            "severity": self.severity,
            "command": self.command,
            **self.extra,
        }


def reader_from(answers: dict[str, FakeReading]) -> ev.Reader:
    calls: list[tuple[str, str | None]] = []

    def read(text: str, lang: str | None) -> FakeReading:
        calls.append((text, lang))
        return answers.get(text, FakeReading())

    read.calls = calls  # type: ignore[attr-defined]
    return read


def case(text: str, **labels: Any) -> dict[str, Any]:
    return {"text": text, **labels}


DROOP = case("face drooping", lang="en", flag=True, red_flags=["weakness"], level="emergency")
BLUR = case("veo borroso", lang="es", flag=True, red_flags=["vision"], level="urgent")
FINE = case("all good, 3", lang="en", flag=False, red_flags=[], level="routine", severity=3)
STOP = case("STOP", lang="en", flag=False, red_flags=[], level="routine", command="stop")


def perfect() -> ev.Reader:
    return reader_from(
        {
            "face drooping": FakeReading("emergency", ("weakness",)),
            "veo borroso": FakeReading("urgent", ("vision",)),
            "all good, 3": FakeReading(severity=3),
            "STOP": FakeReading(command="stop"),
        }
    )


def test_a_perfect_reader_meets_every_target() -> None:
    report = ev.evaluate([DROOP, BLUR, FINE, STOP], perfect())

    assert report.meets_targets()
    assert report.misses == []
    overall = report.overall
    assert (overall.flag_tp, overall.flag_fn, overall.flag_fp, overall.flag_tn) == (2, 0, 0, 2)
    assert overall.recall == 1.0
    assert overall.precision == 1.0
    assert overall.category_recall == {"vision": 1.0, "weakness": 1.0}
    assert overall.severity_accuracy == 1.0
    assert overall.command_accuracy == 1.0
    assert (overall.under_triage, overall.over_triage) == (0, 0)


def test_reader_is_called_with_the_case_language() -> None:
    reader = perfect()
    ev.evaluate([DROOP, BLUR, case("hola")], reader)

    assert reader.calls == [  # type: ignore[attr-defined]
        ("face drooping", "en"),
        ("veo borroso", "es"),
        ("hola", None),
    ]


def test_a_missed_red_flag_fails_recall_and_is_under_triage() -> None:
    reader = reader_from({"veo borroso": FakeReading("urgent", ("vision",))})
    report = ev.evaluate([DROOP, BLUR], reader)

    assert report.overall.recall == 0.5
    assert report.overall.category_recall == {"vision": 1.0, "weakness": 0.0}
    assert report.overall.under_triage == 1
    assert not report.meets_targets()
    assert report.by_lang["en"].recall == 0.0
    assert report.by_lang["es"].meets_targets()
    [miss] = report.misses
    assert miss.text == "face drooping"
    assert set(miss.kinds) == {
        "missed_flag", "missed_weakness", "under_triage", "unasked", "unasked_weakness"
    }
    assert miss.expected["red_flags"] == ["weakness"]
    assert miss.got["red_flags"] == []


def test_the_wrong_code_still_counts_as_flagged_but_misses_the_category_and_level() -> None:
    reader = reader_from({"face drooping": FakeReading("urgent", ("vision",))})
    report = ev.evaluate([DROOP], reader)

    assert report.overall.recall == 1.0
    assert report.overall.category_recall == {"weakness": 0.0}
    assert report.overall.under_triage == 1
    assert not report.meets_targets()


def test_false_alarms_lower_precision_and_count_as_over_triage() -> None:
    alarms = {
        "routine 0": FakeReading("urgent", ("prolonged",)),
        "face drooping": FakeReading("emergency", ("weakness",)),
    }
    cases = [DROOP] + [
        case(f"routine {i}", flag=False, red_flags=[], level="routine") for i in range(3)
    ]
    report = ev.evaluate(cases, reader_from(alarms))

    assert report.overall.precision == 0.5
    assert report.overall.recall == 1.0
    assert report.overall.over_triage == 1
    assert report.overall.under_triage == 0
    assert any("precision" in s for s in report.overall.shortfalls())
    assert not report.meets_targets()


def test_precision_target_is_met_at_exactly_the_threshold() -> None:
    flagged = [
        case(f"bad {i}", flag=True, red_flags=["breathing"], level="emergency") for i in range(19)
    ]
    answers = {c["text"]: FakeReading("emergency", ("breathing",)) for c in flagged}
    answers["fine"] = FakeReading("emergency", ("breathing",))
    cases = [*flagged, case("fine", flag=False, red_flags=[])]

    report = ev.evaluate(cases, reader_from(answers))

    assert report.overall.precision == pytest.approx(0.95)
    assert report.meets_targets()


def test_emergency_read_as_urgent_is_under_triage_even_with_all_codes_found() -> None:
    reader = reader_from({"face drooping": FakeReading("urgent", ("weakness",))})
    report = ev.evaluate([DROOP], reader)

    assert report.overall.under_triage == 1
    assert report.misses[0].kinds == ("under_triage",)
    assert not report.meets_targets()


def test_a_missing_or_unknown_level_counts_as_routine() -> None:
    reader = reader_from({"face drooping": FakeReading("sky-high", ("weakness",))})
    report = ev.evaluate([DROOP], reader)

    assert report.overall.under_triage == 1


def test_null_flag_lines_are_left_out_of_recall_and_precision() -> None:
    ambiguous = case("it won't stop (a 6)", flag=None, red_flags=[], command=None)
    reader = reader_from({ambiguous["text"]: FakeReading("urgent", ("prolonged",))})
    report = ev.evaluate([ambiguous], reader)

    overall = report.overall
    assert (overall.flag_tp, overall.flag_fn, overall.flag_fp, overall.flag_tn) == (0, 0, 0, 0)
    assert overall.recall is None
    assert overall.precision is None
    assert overall.triage_total == 0
    assert overall.command_total == 1
    assert report.meets_targets()


def test_severity_is_scored_only_where_labelled_and_null_must_stay_null() -> None:
    cases = [
        case("slept 5 hours", severity=None),
        case("about a 5", severity=5),
        case("zero today", severity=0),
        case("no severity key here"),
    ]
    reader = reader_from(
        {
            "slept 5 hours": FakeReading(severity=5),
            "about a 5": FakeReading(severity=5),
            "zero today": FakeReading(severity=None),
            "no severity key here": FakeReading(severity=9),
        }
    )
    report = ev.evaluate(cases, reader)

    assert report.overall.severity_total == 3
    assert report.overall.severity_right == 1
    assert {m.text for m in report.misses} == {"slept 5 hours", "zero today"}
    assert not report.meets_targets()


def test_command_accuracy_includes_lines_labelled_null() -> None:
    cases = [
        case("STOP", command="stop"),
        case("the twitching won't stop", command=None),
        case("no command key"),
    ]
    reader = reader_from(
        {
            "STOP": FakeReading(command="stop"),
            "the twitching won't stop": FakeReading(command="stop"),
            "no command key": FakeReading(command="help"),
        }
    )
    report = ev.evaluate(cases, reader)

    assert report.overall.command_total == 2
    assert report.overall.command_accuracy == 0.5
    [miss] = report.misses
    assert miss.kinds == ("command",)
    assert miss.got["command"] == "stop"


def test_each_language_must_meet_targets_on_its_own() -> None:
    english = [
        case(f"STOP {i}", lang="en", command="stop") for i in range(99)
    ]
    spanish = [case("BAJA", lang="es", command="stop")]
    answers = {c["text"]: FakeReading(command="stop") for c in english}
    report = ev.evaluate([*english, *spanish], reader_from(answers))

    assert report.overall.command_accuracy == pytest.approx(0.99)
    assert report.overall.meets_targets()
    assert report.by_lang["es"].command_accuracy == 0.0
    assert not report.meets_targets()


def test_cases_without_a_language_are_grouped_as_unspecified() -> None:
    report = ev.evaluate([case("hi", command=None)], reader_from({}))

    assert set(report.by_lang) == {ev.UNSPECIFIED_LANG}


def test_reader_returning_json_text_is_accepted() -> None:
    class TextReading:
        def to_json(self) -> str:
            return json.dumps({"level": "emergency", "red_flags": ["speech"], "command": None})

    report = ev.evaluate(
        [case("slurring", flag=True, red_flags=["speech"], level="emergency")],
        lambda text, lang: TextReading(),
    )

    assert report.meets_targets()


def test_report_json_is_serialisable_and_carries_figures_and_misses() -> None:
    report = ev.evaluate([DROOP, BLUR, FINE, STOP], reader_from({}))
    data = json.loads(json.dumps(report.to_json()))

    assert data["meets_targets"] is False
    assert data["overall"]["flag"]["recall"] == 0.0
    assert data["overall"]["triage"]["under"] == 2
    assert data["by_lang"]["es"]["category_recall"] == {"vision": 0.0}
    missed = {m["text"] for m in data["misses"]}
    assert missed == {"face drooping", "veo borroso", "all good, 3", "STOP"}
    assert data["targets"]["precision"] == ev.TARGET_PRECISION


def test_summary_names_the_missed_targets_and_the_misses() -> None:
    report = ev.evaluate([DROOP], reader_from({}))
    text = report.summary()

    assert "red-flag recall 0.000 < 1.0" in text
    assert "'face drooping'" in text
    assert text.endswith("targets NOT met")


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ({"text": "x", "flag": True, "red_flags": []}, "disagrees"),
        ({"text": "x", "flag": False, "red_flags": ["vision"]}, "disagrees"),
        ({"text": "x", "flag": True, "red_flags": ["vision"], "level": "emergency"}, "level"),
        ({"text": "x", "flag": True, "red_flags": ["stroke"]}, "red_flags"),
        ({"text": "x", "severity": 11}, "severity"),
        ({"text": "x", "severity": "5"}, "severity"),
        ({"text": "x", "command": "unsubscribe"}, "command"),
        ({"text": "x", "lang": "fr"}, "lang"),
        ({"text": ""}, "text"),
    ],
)
def test_inconsistent_labels_are_refused(line: dict[str, Any], problem: str) -> None:
    problems = ev.case_problems(line)

    assert problems
    assert any(problem in p for p in problems)


def test_consistent_labels_pass() -> None:
    for good in (DROOP, BLUR, FINE, STOP, case("x", flag=None, red_flags=[], command=None)):
        assert ev.case_problems(good) == []
    both = case("x", flag=True, red_flags=["vision", "speech"], level="emergency")
    assert ev.case_problems(both) == []


def test_load_cases_reads_jsonl_skipping_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "cases.jsonl"
    path.write_text(json.dumps(DROOP) + "\n\n" + json.dumps(STOP) + "\n", encoding="utf-8")

    assert ev.load_cases(path) == [DROOP, STOP]


def test_load_cases_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "cases.jsonl"
    path.write_text(json.dumps(DROOP) + "\n{not json\n", encoding="utf-8")

    with pytest.raises(ValueError, match=r"cases.jsonl:2"):
        ev.load_cases(path)


def test_main_exit_codes_follow_the_targets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    triage = pytest.importorskip("coach.core.triage")
    path = tmp_path / "cases.jsonl"
    path.write_text(json.dumps(DROOP) + "\n", encoding="utf-8")

    for name in ("understand", "assess"):  # --lexicon scores the first, the default both
        monkeypatch.setattr(
            triage, name, lambda text, lang=None: FakeReading("emergency", ("weakness",)),
            raising=False,
        )
    assert ev.main([str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["meets_targets"] is True
    assert ev.main([str(path), "--lexicon"]) == 0
    capsys.readouterr()

    monkeypatch.setattr(triage, "assess", lambda text, lang=None: FakeReading(), raising=False)
    assert ev.main([str(path)]) == 1
    assert "targets NOT met" in capsys.readouterr().out


def test_main_reports_an_unreadable_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert ev.main([str(tmp_path / "missing.jsonl")]) == 2
    assert "missing.jsonl" in capsys.readouterr().err


def test_a_question_counts_for_safety_recall_not_for_advice_recall() -> None:
    asked = FakeReading(extra={"check": ["weakness"]})
    report = ev.evaluate([DROOP], reader_from({"face drooping": asked}))
    figures = report.overall
    assert figures.recall == 0.0 and figures.safety_recall == 1.0
    assert figures.category_safety_recall == {"weakness": 1.0}
    [miss] = report.misses
    assert "missed_flag" in miss.kinds and "unasked" not in miss.kinds
    assert miss.got["check"] == ["weakness"]
    assert report.to_json()["overall"]["safety"]["recall"] == 1.0


def test_a_question_on_the_wrong_code_leaves_that_code_unasked() -> None:
    asked = FakeReading(extra={"check": ["vision"]})
    report = ev.evaluate([DROOP], reader_from({"face drooping": asked}))
    assert report.overall.safety_recall == 1.0  # the reply got a question...
    assert report.overall.category_safety_recall == {"weakness": 0.0}  # ...not about this
    assert "unasked_weakness" in report.misses[0].kinds


def test_questions_on_routine_replies_are_the_check_rate_and_have_a_target() -> None:
    routine = [case(f"fine {i}", lang="en", flag=False, red_flags=[], level="routine")
               for i in range(20)]
    asked = {"fine 0": FakeReading(extra={"check": ["vision"]})}
    report = ev.evaluate(routine, reader_from(asked))
    assert report.overall.check_rate == 0.05
    assert report.meets_targets()  # 5 % is the limit, inclusive
    asked["fine 1"] = FakeReading(extra={"check": ["speech"]})
    report = ev.evaluate(routine, reader_from(asked))
    assert report.overall.check_rate == 0.1
    assert any("check rate" in p for p in report.overall.shortfalls())
    assert report.misses[0].kinds == ("needless_check",)


def test_a_reader_without_check_has_safety_equal_to_advice() -> None:
    report = ev.evaluate([DROOP, BLUR, FINE], perfect())
    assert report.overall.safety_recall == report.overall.recall == 1.0
    assert report.overall.check_rate == 0.0
