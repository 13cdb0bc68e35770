"""Possible triggers in diary notes, and what a patient's own ratings say about them.

`tags_for(note)` reads which possible triggers a free-text note mentions, in English and
Spanish (caffeine, poor sleep, screens, stress, alcohol, exercise, and any extras a
programme defines). A mention that is denied ("no coffee today", "sin cafe") is not a tag;
a question ("does coffee make it worse?") reports nothing the patient did.

`compare(days, tag)` and `finding(days, rule)` apply the documented rule (docs/faq.md) that
decides whether the weekly summary may say "your twitching was about 2 points higher on days
you mentioned coffee": enough rated days, enough days on each side, a difference of at least
`min_effect` points, and a two-sided permutation test on the difference of the day means
below `alpha` after a Bonferroni correction over the tags tested. The line describes an
association in the patient's own diary; it never says the tag is the cause.

Pure: standard library and numpy; no database.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import combinations
from zoneinfo import ZoneInfo

import numpy as np

BUILTIN = ("caffeine", "sleep", "screens", "stress", "alcohol", "exercise")

# Word patterns over folded text (lower case, no accents). Each is a whole-word regex.
_PATTERNS: dict[str, tuple[str, ...]] = {
    "caffeine": (
        r"coffees?", r"caffeine", r"caffein\w*", r"espressos?", r"lattes?", r"cappuccinos?",
        r"energy drinks?", r"red ?bull", r"colas?", r"coke", r"pepsi", r"teas?",
        r"matcha", r"cafes?", r"cafecitos?", r"cafeina", r"expresso", r"refrescos? de cola",
        r"coca ?cola", r"bebidas? energeticas?", r"un te", r"tes", r"te (?:negro|verde)",
    ),
    "sleep": (
        r"slept (?:badly|poorly|little|bad|terribly|\d(?:\.\d)? ?(?:h|hrs?|hours?))",
        r"(?:didnt|did not|couldnt|could not|cant|barely|hardly) (?:sleep|slept)",
        r"(?:no|little|poor|bad|short|broken|not enough|lack of) sleep", r"insomnia",
        r"sleepless", r"tired", r"exhausted", r"knackered", r"fatigued?", r"up all night",
        r"no sleep", r"sleep deprived", r"(?:late|long) night", r"woke up (?:a lot|often)",
        r"dormi (?:mal|poco|fatal|\d ?(?:h|horas?))", r"no (?:pude )?dormi\w*", r"mal dormid[oa]",
        r"desvelad[oa]s?", r"desvelo", r"me desvele", r"insomnio", r"cansad[oa]s?",
        r"cansancio", r"agotad[oa]s?", r"trasnoch\w*", r"dormir poco", r"sin dormir",
    ),
    "screens": (
        r"screens?", r"computers?", r"laptops?", r"monitors?", r"phone", r"iphone",
        r"ipad", r"tv", r"television", r"netflix", r"gaming", r"video ?games?", r"emails?",
        r"spreadsheets?", r"zoom", r"pantallas?", r"computadora", r"compu", r"ordenador",
        r"celular", r"movil", r"telefono", r"tele", r"television", r"videojuegos?",
        r"correos?",
    ),
    "stress": (
        r"stress\w*", r"anxious", r"anxiety", r"worried", r"worry", r"nervous", r"panic\w*",
        r"deadlines?", r"overwhelmed", r"tense", r"argument", r"fight with", r"upset",
        r"estres\w*", r"ansiedad", r"ansios[oa]", r"nervios\w*", r"preocupad[oa]",
        r"preocupacion\w*", r"angusti\w*", r"agobiad[oa]", r"tension", r"pelea", r"discusion",
    ),
    "alcohol": (
        r"alcohol", r"beers?", r"wine", r"drinks?", r"drinking", r"drank", r"cocktails?",
        r"vodka", r"whisky", r"whiskey", r"tequila", r"rum", r"gin", r"hangover", r"hungover",
        r"cervezas?", r"vino", r"copas?", r"tragos?", r"chelas?", r"ron", r"resaca", r"cruda",
        r"borrach\w*", r"bebi", r"tome (?:unas|unos|vino|cerveza)",
    ),
    "exercise": (
        r"exercis\w*", r"workout", r"worked out", r"work out", r"gym", r"ran", r"run", r"running",
        r"jog\w*", r"swim\w*", r"yoga", r"walk(?:ed)? for", r"long walk", r"hike\w*", r"cycl\w*",
        r"bike ride", r"ejercicio", r"gimnasio", r"gym", r"corri", r"correr", r"trote",
        r"nade", r"nadar", r"camine", r"caminata", r"bici\w*", r"entrene", r"entrenamiento",
    ),
}

# A denial right before a mention ("no coffee", "sin cafe", "skipped my coffee") is no tag.
# Poor sleep is partly said with negations ("didnt sleep"), so those patterns carry it.
_NEGATION = re.compile(
    r"\b(?:no|not|without|skipped|avoided|cut out|quit|zero|sin|nada de|ni|dejo el|deje el|"
    r"cero)\s+(?:\w+\s+){0,2}$"
)
_QUESTION = re.compile(
    r"^(?:what|why|how|when|is|are|does|do|can|could|should|will|would|que|por que|como|"
    r"cuando|cuanto|es|puede|debo)\b"
)


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.replace("'", "").split())


@dataclass(frozen=True)
class Vocabulary:
    """Tag name → compiled pattern; built-in tags plus a programme's extras."""

    patterns: Mapping[str, re.Pattern[str]]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self.patterns)


def vocabulary(extras: Mapping[str, Sequence[str]] | None = None) -> Vocabulary:
    """The built-in tags, plus `extras`: {tag name: [words or phrases, any language]}.
    An extra with a built-in name adds words to it."""
    words: dict[str, list[str]] = {name: list(p) for name, p in _PATTERNS.items()}
    for name, phrases in (extras or {}).items():
        key = fold(name).replace(" ", "_")[:32]
        if not key:
            continue
        words.setdefault(key, []).extend(re.escape(fold(p)) for p in phrases if fold(p))
    return Vocabulary(
        patterns={
            name: re.compile(r"\b(?:" + "|".join(alts) + r")\b")
            for name, alts in words.items()
            if alts
        }
    )


DEFAULT = vocabulary()

_SENTENCES = re.compile(r"(?<=[.!?\n;])\s*|\s*[¿]")


def _statements(folded: str) -> list[str]:
    """Sentences that report something: questions ask, they do not tell."""
    out = []
    for part in _SENTENCES.split(folded):
        part = part.strip()
        if not part or part.endswith("?") or _QUESTION.match(part):
            continue
        out.append(part)
    return out


def tags_for(note: str | None, vocab: Vocabulary = DEFAULT) -> tuple[str, ...]:
    """The possible triggers `note` mentions, in vocabulary order."""
    if not note:
        return ()
    found: list[str] = []
    statements = _statements(fold(note))
    for name, pattern in vocab.patterns.items():
        for sentence in statements:
            if any(
                not _NEGATION.search(sentence[: m.start()]) or name == "sleep"
                for m in pattern.finditer(sentence)
            ):
                found.append(name)
                break
    return tuple(found)


@dataclass(frozen=True)
class Day:
    """One local day of the diary: its mean rating and the tags its notes mention."""

    day: date
    rating: float
    tags: frozenset[str]


@dataclass(frozen=True)
class Note:
    at: datetime  # aware, UTC
    severity: int | None
    tags: tuple[str, ...]


def days(notes: Iterable[Note], zone: ZoneInfo) -> list[Day]:
    """Group diary entries by the patient's local day; only days with a rating count. A tag
    from an unrated entry that day still marks the day ("coffee" at noon, "twitch 6" later)."""
    ratings: dict[date, list[int]] = {}
    tags: dict[date, set[str]] = {}
    for note in notes:
        local = note.at.astimezone(zone).date()
        if note.severity is not None:
            ratings.setdefault(local, []).append(note.severity)
        tags.setdefault(local, set()).update(note.tags)
    return [
        Day(day=d, rating=sum(r) / len(r), tags=frozenset(tags.get(d, ())))
        for d, r in sorted(ratings.items())
    ]


@dataclass(frozen=True)
class Rule:
    """The documented rule for a trigger line (docs/faq.md); each part is configurable."""

    min_days: int = 14  # rated days in the window before any line
    min_each_side: int = 4  # rated days with the tag, and without it
    min_effect: float = 1.0  # points on the 0-10 scale, difference of day means
    alpha: float = 0.05  # family-wise: divided by the number of tags tested
    permutations: int = 20000  # exact test when the arrangements are fewer than this


@dataclass(frozen=True)
class Comparison:
    tag: str
    with_days: int
    without_days: int
    mean_with: float
    mean_without: float
    p_value: float | None  # None when a side is too small to test
    tested: bool

    @property
    def difference(self) -> float:
        return self.mean_with - self.mean_without

    def passes(self, rule: Rule, tests: int) -> bool:
        return (
            self.tested
            and self.p_value is not None
            and abs(self.difference) >= rule.min_effect
            and self.p_value < rule.alpha / max(tests, 1)
        )


def permutation_p(with_values: Sequence[float], without_values: Sequence[float],
                  permutations: int = 20000) -> float:
    """Two-sided permutation test on the difference of means: exact over every arrangement
    when there are at most `permutations` of them, otherwise that many random ones from a
    fixed seed (so the same diary always gives the same answer)."""
    pooled = np.asarray([*with_values, *without_values], dtype=np.float64)
    k, n = len(with_values), len(pooled)
    observed = abs(float(np.mean(with_values)) - float(np.mean(without_values)))
    total = pooled.sum()
    tolerance = 1e-9
    if math.comb(n, k) <= permutations:
        extreme = count = 0
        for chosen in combinations(range(n), k):
            s = pooled[list(chosen)].sum()
            diff = abs(s / k - (total - s) / (n - k))
            extreme += diff >= observed - tolerance
            count += 1
        return extreme / count
    rng = np.random.default_rng(0)
    sums = np.empty(permutations)
    for i in range(permutations):
        sums[i] = pooled[rng.permutation(n)[:k]].sum()
    diffs = np.abs(sums / k - (total - sums) / (n - k))
    # Counting the observed arrangement itself keeps the estimate valid (never 0).
    return float((np.sum(diffs >= observed - tolerance) + 1) / (permutations + 1))


def compare(diary: Sequence[Day], tag: str, rule: Rule) -> Comparison:
    with_values = [d.rating for d in diary if tag in d.tags]
    without_values = [d.rating for d in diary if tag not in d.tags]
    mean_with = sum(with_values) / len(with_values) if with_values else 0.0
    mean_without = sum(without_values) / len(without_values) if without_values else 0.0
    tested = len(with_values) >= rule.min_each_side and len(without_values) >= rule.min_each_side
    p = permutation_p(with_values, without_values, rule.permutations) if tested else None
    return Comparison(tag, len(with_values), len(without_values), mean_with, mean_without, p,
                      tested)


@dataclass(frozen=True)
class Analysis:
    rated_days: int
    comparisons: tuple[Comparison, ...]  # every tag mentioned at least once
    tests: int  # how many comparisons were tested (the Bonferroni divisor)
    finding: Comparison | None  # the one line the summary may carry


def analyse(diary: Sequence[Day], rule: Rule | None = None) -> Analysis:
    """Every tag's comparison, and the single strongest one that passes the rule (smallest
    p, then largest difference), if the patient has enough rated days."""
    rule = rule or Rule()
    mentioned = sorted({t for d in diary for t in d.tags})
    comparisons = tuple(compare(diary, tag, rule) for tag in mentioned)
    if len(diary) < rule.min_days:
        return Analysis(len(diary), comparisons, 0, None)
    tests = sum(1 for c in comparisons if c.tested)
    passing = [c for c in comparisons if c.passes(rule, tests)]
    passing.sort(key=lambda c: (c.p_value or 1.0, -abs(c.difference), c.tag))
    return Analysis(len(diary), comparisons, tests, passing[0] if passing else None)


def rounded_points(difference: float) -> float:
    """How the line states a difference: "about" to the nearest half point."""
    return round(abs(difference) * 2) / 2
