"""Shared pieces for writing lexicon patterns.

Patterns run on one clause at a time: canonical tokens (see normalize.py) joined by single
spaces. `gap(n)` allows up to n whole words in between. Every repetition is bounded and each
word is at most MAX_TOKEN characters, so matching stays linear in the clause length.
"""

from __future__ import annotations


def gap(n: int) -> str:
    return rf"(?:\S+ ){{0,{n}}}"


def any_of(*words: str) -> str:
    return "(?:" + "|".join(words) + ")"


NUMBER_WORDS_EN = {
    "zero": 0, "none": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "couple": 2, "few": 3, "several": 3,
}
NUMBER_WORDS_ES = {
    "cero": 0, "ninguno": 0, "ninguna": 0, "uno": 1, "una": 1, "un": 1, "dos": 2, "tres": 3,
    "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10,
    "varios": 3, "varias": 3, "unos": 3, "unas": 3,
}
NUMBER_WORDS = {**NUMBER_WORDS_EN, **NUMBER_WORDS_ES}


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of `text`."""
    return frozenset(text.split())
