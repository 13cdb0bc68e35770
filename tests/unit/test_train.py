"""`coach train` rebuilds the committed second-reader model: same data, same figures."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

from coach.core.triage import learned

train = pytest.importorskip("coach.train")
pytest.importorskip("sklearn")

# Training is deterministic, so on the same files the weights agree to float rounding. The
# figures also depend on the lexicon, which other work keeps changing: a lexicon change moves
# them a little, a change of method or a broken pipeline far more.
TOLERANCE = 0.03
PROBES = [
    "my face is drooping", "twitch 3", "no tengo problemas para tragar",
    "like a blade in my cheek", "ya no quiero vivir", "pause 2 days",
    # issue 9's kinds: told by image or effect, and a benign cause
    "can't sleep from the pain, it's torture", "veo dos de cada cosa desde la comida",
    "blurry for an hour after the eye-exam drops, fine now",
]


def test_training_never_reads_a_blind_set_before_its_first_score() -> None:
    names = {name.split("/")[-1] for name, _ in train.training_files()}
    assert not names & set(train.BLIND_HELD_BACK)
    assert {"corpus", "dev", *train.OLD_BLIND, *train.CHOICE_SETS} <= names


def test_held_back_files_are_refused_even_if_listed(monkeypatch: pytest.MonkeyPatch) -> None:
    # A blind set waiting for its first score is named in BLIND_HELD_BACK (none now); any
    # such name is refused even if listed for training.
    monkeypatch.setattr(train, "BLIND_HELD_BACK", ("exam99",))
    monkeypatch.setattr(train, "TRAINING_SETS", (*train.TRAINING_SETS, "exam99"))
    with pytest.raises(SystemExit, match="held back"):
        train.training_files()


def test_the_committed_model_was_trained_on_the_files_as_they_are() -> None:
    """A labelled file added or edited without retraining leaves the model, its card and
    these figures stale: its digest would no longer match."""
    committed = learned.Model.load()
    assert committed.meta["data"] == train.data_digest(train.training_files())
    assert committed.meta["choice_sets"] == list(train.CHOICE_SETS)


def test_folds_are_whole_source_files() -> None:
    def line(source: str, text: str = "x") -> object:
        return train.Line(text, "en", source, False, frozenset(), None, True)

    assert train.fold_of(line("exam3")) == "exam3"
    # Two lines of one file share a fold whatever their text; two files never do.
    assert train.fold_of(line("train/en_flags", "a")) == train.fold_of(line("train/en_flags", "b"))
    assert train.fold_of(line("corpus")) != train.fold_of(line("dev"))


def _oof(flags: list[float], truth: list[bool], disagrees: list[bool]) -> object:
    n = len(flags)
    codes = len(train.FLAG_CODES)
    lines = [train.Line(f"t{i}", "en", "exam6", truth[i], frozenset({"speech"} if truth[i]
                        else set()), None, False) for i in range(n)]
    column = train.FLAG_CODES.index("speech")
    scores = np.zeros((n, codes))
    scores[:, column] = flags
    mark = np.zeros((n, codes), dtype=bool)
    mark[:, column] = disagrees
    return train.OutOfFold(
        lines=lines, flags=scores, lexicon=np.zeros((n, codes), dtype=bool), disagrees=mark,
        truth=np.array([[t and c == column for c in range(codes)] for t in truth]),
        command=[(learned.NO_COMMAND, 0.0)] * n, lexicon_command=[None] * n,
    )


def test_the_threshold_is_the_highest_that_keeps_every_red_flag() -> None:
    # Red flags at 0.62 and 0.91, routine replies at 0.3, 0.5 and 0.61: 0.6 catches both red
    # flags at the price of one needless question (0.65 would miss one).
    oof = _oof([0.62, 0.91, 0.3, 0.5, 0.61], [True, True, False, False, False], [False] * 5)
    threshold, _ = train.choose_thresholds(oof, ["exam6"])
    assert threshold == pytest.approx(0.6)
    check = train.checks(oof, threshold, 1.01).any(axis=1)
    assert check.tolist() == [True, True, False, False, True]


def _two_writers(second: float) -> object:
    """exam6: 150 red flags scored 0.9 and 20 routine replies at 0.3; exam7: one red flag
    scored `second`."""
    flags = [0.9] * 150 + [second] + [0.3] * 20
    truth = [True] * 151 + [False] * 20
    oof = _oof(flags, truth, [False] * len(flags))
    lines = [line if i != 150 else dataclasses.replace(line, source="exam7")
             for i, line in enumerate(oof.lines)]
    return dataclasses.replace(oof, lines=lines)


def test_the_target_holds_for_each_set_not_only_for_the_pool() -> None:
    # 150 red flags of one writer all score 0.9; the other writer's single red flag scores
    # 0.42. Pooled, 0.9 keeps 150 of 151 (0.993 >= 0.99), but that writer's set would get
    # neither advice nor a question: the threshold must come down to 0.4 for it.
    threshold, _ = train.choose_thresholds(_two_writers(0.42), ["exam6", "exam7"])
    assert threshold == pytest.approx(0.4)


def test_where_the_lexicon_disagrees_only_the_veto_score_asks() -> None:
    oof = _oof([0.7, 0.97], [False, False], [True, True])
    assert train.checks(oof, 0.4, 0.95).any(axis=1).tolist() == [False, True]
    assert train.checks(oof, 0.4, 1.01).any(axis=1).tolist() == [False, False]


@pytest.mark.slow  # the whole cross-validation: minutes
def test_retraining_reproduces_the_committed_model(tmp_path: Path) -> None:
    committed = learned.Model.load()
    out = tmp_path / "model.npz"
    train.train(out=out, card=None)
    rebuilt = learned.Model.load(out)

    for table in ("cv", "tuned"):
        for part, figures in committed.meta[table].items():
            for key, value in figures.items():
                if isinstance(value, float):
                    assert rebuilt.meta[table][part][key] == pytest.approx(
                        value, abs=TOLERANCE
                    ), (table, part, key, "labelled files then and now:",
                        committed.meta["data"], rebuilt.meta["data"])
    for code, threshold in committed.thresholds.items():
        assert rebuilt.thresholds[code] == pytest.approx(threshold, abs=0.051), code
    assert rebuilt.veto_threshold == pytest.approx(committed.veto_threshold, abs=0.051)
    old = learned.score_many(PROBES, committed)
    new = learned.score_many(PROBES, rebuilt)
    for a, b in zip(old, new, strict=True):
        np.testing.assert_allclose(list(a.flags.values()), list(b.flags.values()), atol=0.02)


SCORED = Path(__file__).resolve().parents[1] / "data" / "triage"


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


# Short everyday lines a blind writer wrote again without having seen the training files
# (exam14 and exam16, 3 December 2026); the lexicon reads each the same either way (README).
WRITTEN_TWICE = frozenset({"cant talk right", "slept 6 hrs, twitch 5", "short of breath"})


def test_every_training_file_is_read_and_none_repeats_a_scored_set() -> None:
    """Files added under train/ are trained on (the loader globs the folder), follow the
    labelling rules, and the issue-9 files share no line with any scored set (a blind set's
    lines in training would make its score meaningless)."""
    from coach.evaluate import load_cases

    read = {name for name, _ in train.training_files()}
    scored = {
        _norm(case["text"]) for path in SCORED.glob("*.jsonl") for case in load_cases(path)
    }
    written = sorted((SCORED / "train").glob("*_issue9_*.jsonl"))
    assert len(written) == 6
    total = 0
    for path in sorted((SCORED / "train").glob("*.jsonl")):
        assert f"train/{path.stem}" in read, path.name
        cases = load_cases(path)  # raises on a line that breaks the README's rules
        if path in written:
            texts = [_norm(case["text"]) for case in cases]
            assert len(texts) == len(set(texts)), path.name
            assert not (set(texts) & scored) - WRITTEN_TWICE, path.name
            assert {case["lang"] for case in cases} == {path.name[:2]}
            assert any(case["flag"] is True for case in cases)
            assert any(case["flag"] is False for case in cases)
            total += len(cases)
    assert total >= 1900


def test_a_set_beyond_reach_falls_back_to_the_pooled_target_not_to_the_floor() -> None:
    # The second writer's only red flag scores 0.02, below every threshold on the grid: no pair
    # keeps that set at 0.99, so the target pooled over both sets decides, never the floor.
    oof = _two_writers(0.02)
    chosen = train.choose_thresholds(oof, ["exam6", "exam7"])
    assert chosen[0] >= 0.7 > train.THRESHOLD_GRID[-1]
    assert chosen == train._choose(oof, ["exam6", "exam7"], each_set=False)


def test_the_fold_processes_are_configurable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_TRAIN_WORKERS", "3")
    assert train.fold_workers() == 3
    monkeypatch.delenv("COACH_TRAIN_WORKERS")
    assert train.fold_workers() >= 1
    for bad in ("0", "two", "-1"):
        monkeypatch.setenv("COACH_TRAIN_WORKERS", bad)
        with pytest.raises(SystemExit, match="COACH_TRAIN_WORKERS"):
            train.fold_workers()


def test_folds_in_parallel_processes_score_as_one_process_does() -> None:
    lines = train.load_lines([(name, path) for name, path in train.training_files()
                              if name in ("dev", "exam", "exam2")])
    embeddings = np.random.default_rng(0).normal(size=(len(lines), learned.EMBED_DIM))
    serial = train.cross_validate(lines, embeddings, lambda message: None, workers=1)
    parallel = train.cross_validate(lines, embeddings, lambda message: None, workers=2)
    np.testing.assert_array_equal(serial.flags, parallel.flags)
    assert serial.command == parallel.command
