"""The learned half of the question gate: does a reply ask something, or report something?

coach.core.faq.looks_like_question reads a reply with rules first (a question mark, a
question's opening, a wondering, a request...). Rules recognise sentences; patients keep
finding new ones ("i game like 8 hours a day could my monitor be making my eye twitch"), and
each blind set showed a new batch. This reader is trained on classes of lines instead: the
FAQ sets' questions (tests/data/faq/*.jsonl, marks taken off) against the diary notes and
reports of the triage sets (their routine replies with no mark that the rules leave as notes)
and the notes written for it (scripts/train_question_gate.py, which writes the weights).

Features, the same at training and here: the reply folded and text-speak spelled out (by the
caller), marks dropped, digits read as one digit; character n-grams (2 to 5 letters inside
word boundaries), word unigrams and bigrams with the message's first and last words marked,
hashed into `DIM` buckets (crc32, stable across processes and machines), each group
L2-normalised. One logistic regression on top. A reply is a question when its probability
reaches `threshold` and it has at least `min_words` words: one- and two-word topics ("stress",
"pantallas") are diary notes on purpose (as an answer to the daily check-in they name a
trigger), whatever the model thinks.

The learned reader can only add questions to what the rules find; it never turns a question
the rules recognise into a note.

Pure: numpy only; the weights are one small file, question_gate.npz, loaded once on first use.
"""

from __future__ import annotations

import json
import re
import threading
import zlib
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np

MODEL_PATH = Path(__file__).with_name("question_gate.npz")
DIM = 1 << 15  # hashed feature buckets
NGRAM_MIN, NGRAM_MAX = 2, 5
CHAR_WEIGHT = 1.0  # each group's share of the feature vector (both L2-normalised)
WORD_WEIGHT = 1.0

_TOKEN = re.compile(r"[a-z0-9']+|[^\sa-z0-9'?¿!¡.,;:()\"-]")
_DIGITS = re.compile(r"\d+")


def tokens(normalised: str) -> list[str]:
    """The words of a reply already folded and expanded (coach.core.faq.expand(fold(...))),
    without marks; every number is "0" (a number is a report whatever its value)."""
    return [_DIGITS.sub("0", t).strip("'") or "'" for t in _TOKEN.findall(normalised)]


def _bucket(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) % DIM


def _group(grams: Sequence[str]) -> Counter[int]:
    return Counter(_bucket(g) for g in grams)


def features(normalised: str) -> tuple[np.ndarray, np.ndarray]:
    """Sparse features of one reply: (bucket indices, values)."""
    words = tokens(normalised)
    if not words:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    chars: list[str] = []
    for word in words:
        padded = f" {word} "
        for n in range(NGRAM_MIN, NGRAM_MAX + 1):
            if len(padded) <= n:
                chars.append("c" + padded)
                break
            chars.extend("c" + padded[i : i + n] for i in range(len(padded) - n + 1))
    marked = ["<s>", *words, "</s>"]
    grams = [f"w {w}" for w in words]
    grams += [f"b {a} {b}" for a, b in pairwise(marked)]
    if words:
        grams.append("f " + " ".join(words[:2]))  # how it opens
        grams.append("l " + " ".join(words[-2:]))  # how it ends
        grams.append(f"n {min(len(words), 12)}")  # how long it is
    values: dict[int, float] = {}
    for counts, weight in ((_group(chars), CHAR_WEIGHT), (_group(grams), WORD_WEIGHT)):
        if not counts:
            continue
        tf = {k: 1.0 + np.log(v) for k, v in counts.items()}  # sublinear
        norm = float(np.sqrt(sum(v * v for v in tf.values())))
        for k, v in tf.items():
            values[k] = values.get(k, 0.0) + weight * v / norm
    index = np.fromiter(values.keys(), dtype=np.int64, count=len(values))
    return index, np.fromiter(values.values(), dtype=np.float32, count=len(values))


@dataclass(frozen=True)
class Gate:
    """Weights of the learned question reader, as scripts/train_question_gate.py writes them."""

    weights: np.ndarray  # (DIM,)
    bias: float
    threshold: float  # a probability at or above it is a question ...
    min_words: int  # ... when the reply has at least this many words
    meta: dict[str, Any] = field(default_factory=dict)  # what it was trained on, its figures

    def probability(self, normalised: str) -> float:
        index, values = features(normalised)
        z = float(values @ self.weights[index]) + self.bias if len(index) else self.bias
        return float(1.0 / (1.0 + np.exp(-z)))

    def asks(self, normalised: str) -> bool:
        if len(tokens(normalised)) < self.min_words:
            return False
        return self.probability(normalised) >= self.threshold

    def save(self, path: Path = MODEL_PATH) -> None:
        with path.open("wb") as handle:
            np.savez_compressed(
                handle, weights=self.weights.astype(np.float16), bias=np.float64(self.bias),
                threshold=np.float64(self.threshold), min_words=np.int64(self.min_words),
                dim=np.int64(DIM), meta=np.asarray(json.dumps(self.meta, sort_keys=True)),
            )

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> Gate:
        with np.load(path, allow_pickle=False) as data:
            if int(data["dim"]) != DIM:
                raise ValueError(f"{path}: {int(data['dim'])} buckets, this code hashes into {DIM}")
            return cls(weights=data["weights"].astype(np.float32), bias=float(data["bias"]),
                       threshold=float(data["threshold"]), min_words=int(data["min_words"]),
                       meta=json.loads(str(data["meta"])))


_LOCK = threading.Lock()
_GATE: list[Gate | None] = []  # [] until loaded; [None] when switched off (`override`)


def gate() -> Gate | None:
    """The committed gate, loaded on first use; None while `override(None)` is in force."""
    if not _GATE:
        with _LOCK:
            if not _GATE:
                _GATE.append(Gate.load())
    return _GATE[-1]


@contextmanager
def override(replacement: Gate | None) -> Iterator[None]:
    """Use `replacement` (None: rules alone) instead of the committed gate, for training and
    evaluation (leave-one-set-out); not thread-safe, never used by the webhook."""
    gate()
    _GATE.append(replacement)
    try:
        yield
    finally:
        _GATE.pop()


def asks(normalised: str) -> bool:
    """The learned reader's verdict on a folded, expanded reply (see the module docstring)."""
    found = gate()
    return found is not None and found.asks(normalised)
