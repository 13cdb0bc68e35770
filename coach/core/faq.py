"""Matching a patient's question to a vetted answer, or handing it to the care team.

Nearest neighbour over the paraphrases of every answer (both languages pooled: the encoder is
multilingual, so a Spanish question may land on an English paraphrase of the right answer).
An answer's score is its best paraphrase's cosine similarity. coach answers only when the best
answer's score reaches `threshold` AND beats the best other answer by `margin`: a wrong answer
is worse than no answer, so anything unsure goes to the care team.

Before any embedding, three rules hand a question over whatever its score: a request for a
diagnosis ("do I have hemifacial spasm?"), a question about a specific medicine, supplement or
dose ("can I take magnesium?", "how many units of botox?"), and text that is not a question
at all (a diary note such as "worse after coffee" is not asking anything).

Pure: numpy and an `Encoder` passed in; no database, web or queue.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

# Tuned on tests/data/faq/tuning.jsonl (docs/faq.md has the figures and the sweep).
THRESHOLD = 0.55
MARGIN = 0.08


class Encoder(Protocol):
    """A sentence encoder: one L2-normalised row per text."""

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


@dataclass(frozen=True)
class Policy:
    threshold: float = THRESHOLD
    margin: float = MARGIN


# Why a question was (not) answered; stored with each question for operators.
ANSWERED = "answered"
LOW_CONFIDENCE = "low_confidence"  # nothing close enough
AMBIGUOUS = "ambiguous"  # two answers about as close
DIAGNOSIS = "diagnosis"  # asks what the patient has
MEDICINE = "medicine"  # a specific medicine, supplement or dose
NOT_A_QUESTION = "not_a_question"
ELSEWHERE = "elsewhere"  # closest to a question the catalogue never answers

# The id under which `Index.build` keeps the decoys (questions never answered here).
DECOY = "_elsewhere"


@dataclass(frozen=True)
class Match:
    answer_id: str | None  # None: hand the question to the care team
    reason: str
    score: float = 0.0
    best_id: str | None = None  # the closest answer even when not given
    runner_up_id: str | None = None
    runner_up_score: float = 0.0

    @property
    def answered(self) -> bool:
        return self.answer_id is not None


def fold(text: str) -> str:
    """Lower case, accents folded, curly apostrophes straightened, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.split())


_QUESTION_START = re.compile(
    r"^(?:hi|hello|hey|hola|ok|okay|oye|doctor|doc|buenas|buenos dias|buenas tardes)?[ ,.!]*"
    r"(?:a que|en que|what|whats|what's|why|how|when|where|who|which|is|are|does|do|did|can|"
    r"could|should|will|would|may|might|any|anything|que|por que|porque|como|cuando|cuanto|"
    r"cuanta|cuantos|cuantas|cual|cuales|donde|quien|sirve|sirven|existe|existen|hay algo|"
    r"hay alguna?|"
    r"se puede|se quita|debo|deberia|tengo que|me conviene|ayuda|ayudan)\b"
)


_MARKS = re.compile(r"[?¿!¡]+")


def for_encoding(text: str) -> str:
    """What the encoder reads: folded, without question or exclamation marks (the
    paraphrases have none, and "is it bad???" asks what "is it bad" asks)."""
    return " ".join(_MARKS.sub(" ", fold(text)).split())


def looks_like_question(text: str) -> bool:
    """A question mark anywhere, or a sentence that opens like a question."""
    if "?" in text or "¿" in text:
        return True
    folded = fold(text)
    return any(_QUESTION_START.match(part.strip()) for part in re.split(r"[.!\n]+", folded))


_CONDITIONS = (
    r"(?:bell'?s?|palsy|paralisis|hemi ?facial|myokymia|mioquimia|miokimia|blepharospasm|"
    r"blefaroespasmo|dystonia|distonia|tourette|multiple sclerosis|esclerosis|\bms\b|"
    r"parkinson|tumou?r|stroke|ictus|derrame|embolia|espasmo|spasm|tic)"
)
_DIAGNOSIS = (
    re.compile(r"\b(?:do|did|could|might|can|would) i (?:have|got|be having)\b(?! to\b)"),
    re.compile(r"\bhave i got\b"),
    re.compile(r"\b(?:am i|i am|im|i'm) (?:having|getting)\b.{0,20}" + _CONDITIONS),
    re.compile(r"\b(?:is|could|might|would) (?:this|it|mine|that|my \w+) (?:be )?"
               r"(?:a |an )?(?:case of |sign of |form of )?" + _CONDITIONS),
    re.compile(r"\b(?:tengo|tendre|tendria|tendra|padezco|sufro de)\b(?! que\b).{0,12}"
               + _CONDITIONS),
    re.compile(r"\blo mio\b"),
    re.compile(r"\b(?:sera|seria|es|puede ser) (?:esto|eso )?(?:un |una )?(?:caso de |"
               r"principio de |inicio de )?" + _CONDITIONS + r".{0,20}\b(?:lo que tengo|esto)\b"),
    re.compile(r"\bsera que (?:tengo|es)\b"),
)

_DRUGS = (
    r"ibuprofen\w*|advil|motrin|tylenol|paracetamol|acetaminophen|aspirin\w*|naproxen\w*|"
    r"magnesi\w*|vitamin\w*|\bb ?12\b|\bb ?6\b|potassium|potasio|calcium|calcio|zinc|"
    r"supplement\w*|suplement\w*|clonazepam|klonopin|rivotril|carbamazepin\w*|tegretol|"
    r"gabapentin\w*|neurontin|baclofen\w*|lioresal|prednis\w*|steroid\w*|esteroid\w*|"
    r"cortison\w*|valacyclovir|valaciclovir|acyclovir|aciclovir|xanax|alprazolam|diazepam|"
    r"valium|lorazepam|melatonin\w*|benadryl|antihistamin\w*|antihistaminico\w*|"
    r"haloperidol|levetiracetam|keppra|topiramat\w*|propranolol|artane|trihexyphenidyl|"
    r"cbd|cannabis|marijuana|mota|weed|sertralin\w*|zoloft|fluoxetin\w*|prozac|"
    r"amitriptylin\w*|amitriptilin\w*|tramadol|ozempic|antibiotic\w*|antibiotico\w*|"
    r"quinine|quinina|tonic water|drops? (?:called|named)"
)
_MEDICINE = (
    re.compile(r"\b\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|ml|g|iu|ui|units?|unidades|u|pills?|"
               r"tablets?|tabs?|capsules?|capsulas?|pastillas?|tabletas?|gotas|drops)\b"),
    re.compile(r"\b(?:" + _DRUGS + r")"),
    re.compile(r"\b(?:dose|doses|dosage|dosing|dosis|dosificacion|double up|overdose|"
               r"how many units|cuantas unidades|how much (?:\w+ )?should i take|"
               r"how much can i take|cuanto (?:\w+ )?(?:debo|puedo) tomar)\b"),
    re.compile(r"\b(?:my|mis?) (?:meds|medication|medications|medicine|medicines|pills|"
               r"prescription|medicina|medicinas|medicamento|medicamentos|pastillas?|receta)\b"),
    re.compile(r"\b(?:stop|quit|skip|increase|decrease|lower|raise|change|dejar|suspender|"
               r"subir|bajar|aumentar|cambiar|doblar|duplicar) (?:taking |de tomar )?"
               r"(?:the |la |el |las |los |my |mi |mis )?(?:meds|medication|medicine|pills|"
               r"dose|medicina|medicamento|pastillas?|dosis)\b"),
)


def asks_diagnosis(text: str) -> bool:
    folded = fold(text)
    return any(p.search(folded) for p in _DIAGNOSIS)


def asks_specific_medicine(text: str) -> bool:
    folded = fold(text)
    return any(p.search(folded) for p in _MEDICINE)


@dataclass(frozen=True)
class Index:
    """Paraphrase embeddings of every answer: row i of `vectors` belongs to `ids[labels[i]]`."""

    ids: tuple[str, ...]
    labels: np.ndarray  # (P,) int
    vectors: np.ndarray  # (P, D) float32, rows L2-normalised

    @classmethod
    def build(
        cls,
        paraphrases: Mapping[str, Sequence[str]],
        encoder: Encoder,
        decoys: Sequence[str] = (),
    ) -> Index:
        groups = dict(paraphrases)
        if decoys:
            groups[DECOY] = list(decoys)
        ids = tuple(groups)
        texts: list[str] = []
        labels: list[int] = []
        for i, answer_id in enumerate(ids):
            for text in groups[answer_id]:
                texts.append(for_encoding(text))
                labels.append(i)
        if not texts:
            raise ValueError("an FAQ index needs at least one paraphrase")
        vectors = _normalised(encoder.encode(texts))
        return cls(ids=ids, labels=np.asarray(labels, dtype=np.int64), vectors=vectors)

    def answer_scores(self, vectors: np.ndarray) -> np.ndarray:
        """(Q, A): for each question, each answer's best paraphrase similarity."""
        sims = vectors @ self.vectors.T  # (Q, P)
        out = np.full((sims.shape[0], len(self.ids)), -1.0, dtype=np.float32)
        for i in range(len(self.ids)):
            out[:, i] = sims[:, self.labels == i].max(axis=1)
        return out


def _normalised(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1.0, norms)


def rule_reason(text: str, *, require_question: bool = True) -> str | None:
    """The rule that hands `text` over before any matching, if one does."""
    if not text.strip():
        return LOW_CONFIDENCE
    if require_question and not looks_like_question(text):
        return NOT_A_QUESTION
    if asks_diagnosis(text):
        return DIAGNOSIS
    if asks_specific_medicine(text):
        return MEDICINE
    return None


def match_many(
    texts: Sequence[str],
    index: Index,
    encoder: Encoder,
    policy: Policy | None = None,
    *,
    require_question: bool = True,
) -> list[Match]:
    """One `Match` per text, in order; the texts the rules do not settle are encoded at once."""
    policy = policy or Policy()
    results: list[Match | None] = []
    pending: list[int] = []
    for i, text in enumerate(texts):
        reason = rule_reason(text, require_question=require_question)
        results.append(None if reason is None else Match(answer_id=None, reason=reason))
        if reason is None:
            pending.append(i)
    if pending:
        vectors = _normalised(encoder.encode([for_encoding(texts[i]) for i in pending]))
        scores = index.answer_scores(vectors)
        for row, i in enumerate(pending):
            results[i] = decide(scores[row], index.ids, policy)
    return [r for r in results if r is not None]


def match(
    text: str, index: Index, encoder: Encoder, policy: Policy | None = None,
    *, require_question: bool = True,
) -> Match:
    return match_many([text], index, encoder, policy, require_question=require_question)[0]


def decide(scores: np.ndarray, ids: Sequence[str], policy: Policy) -> Match:
    """The answer for one question's per-answer scores, or a hand-over."""
    order = np.argsort(-scores)
    best = int(order[0])
    second = int(order[1]) if len(order) > 1 else None
    best_score = float(scores[best])
    second_score = float(scores[second]) if second is not None else -1.0
    def result(answer_id: str | None, reason: str) -> Match:
        return Match(
            answer_id=answer_id,
            reason=reason,
            score=best_score,
            best_id=ids[best],
            runner_up_id=ids[second] if second is not None else None,
            runner_up_score=second_score,
        )

    if ids[best] == DECOY:
        return result(None, ELSEWHERE)
    if best_score < policy.threshold:
        return result(None, LOW_CONFIDENCE)
    if best_score - second_score < policy.margin:
        return result(None, AMBIGUOUS)
    return result(ids[best], ANSWERED)


@dataclass(frozen=True)
class Labelled:
    text: str
    lang: str
    answer: str | None


@dataclass(frozen=True)
class Score:
    """How a labelled set fared: right = the labelled answer given, or a hand-over when the
    label is null; handed_over = a covered question handed over (safe, not counted wrong);
    wrong = an answer given that is not the label (the failure that matters)."""

    total: int
    right: int
    handed_over: int
    wrong: int

    @property
    def right_or_handover(self) -> float:
        return (self.right + self.handed_over) / self.total if self.total else 0.0

    @property
    def wrong_rate(self) -> float:
        return self.wrong / self.total if self.total else 0.0


def score(items: Sequence[Labelled], matches: Sequence[Match]) -> Score:
    right = handed = wrong = 0
    for item, found in zip(items, matches, strict=True):
        if found.answer_id == item.answer:
            right += 1
        elif found.answer_id is None:
            handed += 1
        else:
            wrong += 1
    return Score(total=len(items), right=right, handed_over=handed, wrong=wrong)
