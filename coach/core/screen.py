"""The weekly red-flag screen: one numbered question, and its answer read as an answer to
that question (in both languages: "1 y 3", "none", "ninguno", "2, not sure", "0"). Pure.

A reply after the screen is an answer only when it is made of item numbers, "none" words,
joining words and hedges; anything else is unclear (asked again once, then reviewed by an
operator). A hedge never cancels an item: "2, not sure" is item 2.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coach.core.triage.normalize import fold
from coach.core.types import RedFlag

__all__ = ["ITEMS", "ScreenAnswer", "read_screen_answer"]

# The numbered items of messages/ `reminder.screen`, in order.
ITEMS: dict[int, tuple[RedFlag, ...]] = {
    1: (RedFlag.WEAKNESS,),
    2: (RedFlag.SPEECH, RedFlag.SWALLOWING),
    3: (RedFlag.VISION,),
    4: (RedFlag.SEVERE_PAIN,),
    5: (RedFlag.PROLONGED,),
}


@dataclass(frozen=True)
class ScreenAnswer:
    items: frozenset[int]  # empty: none of them

    @property
    def red_flags(self) -> tuple[RedFlag, ...]:
        codes = {code for item in self.items for code in ITEMS[item]}
        return tuple(flag for flag in RedFlag if flag in codes)


_NUMBER_WORDS = {
    "one": 1, "uno": 1, "una": 1, "two": 2, "dos": 2, "three": 3, "tres": 3, "four": 4,
    "cuatro": 4, "five": 5, "cinco": 5, "zero": 0, "cero": 0, "first": 1, "second": 2,
    "third": 3, "fourth": 4, "fifth": 5, "primero": 1, "segundo": 2, "tercero": 3,
    "cuarto": 4, "quinto": 5, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5,
}
_NONE = frozenset(
    {"none", "nothing", "no", "nope", "nah", "ninguno", "ninguna", "ningun", "nada", "neither",
     "nones"}
)
_ALL = frozenset({"all", "todos", "todas", "everything"})
# Phrases that say "none" with words that alone would mean something else.
_NONE_PHRASES = re.compile(
    r"\b(?:not at all|at all|all good|all fine|all ok|todo bien|todo normal|im fine|"
    r"estoy bien|none of them|none of those|ninguna de esas|ninguno de esos|nada de eso)\b"
)
# Words that may surround the numbers without changing what they say.
_GLUE = frozenset(
    {"and", "y", "e", "also", "too", "tambien", "only", "solo", "just", "number", "numbers",
     "numero", "numeros", "num", "no", "of", "them", "these", "those", "de", "las", "los",
     "esas", "esos", "estas", "estos", "the", "a", "bit", "little", "un", "poco", "maybe",
     "not", "sure", "i", "think", "creo", "que", "quizas", "tal", "vez", "veces",
     "sometimes", "kind", "sort", "yes", "si", "ok", "okay", "thanks", "thank", "you",
     "gracias", "please", "por", "favor", "hmm", "um", "probably", "probablemente", "or",
     "o", "u", "mostly", "week", "semana", "this", "esta", "past", "pasada",
     "en", "in", "for", "me", "mi", "my", "item", "items", "option", "options", "opcion",
     "opciones", "se", "dunno", "idk", "like", "pues", "bueno", "well", "yeah", "ya", "el",
     "la", "lo", "then"}
)
_TOKEN = re.compile(r"[a-z]+|[0-9]+(?:st|nd|rd|th)?")
MAX_WORDS = 16


def read_screen_answer(text: str) -> ScreenAnswer | None:
    """The items a reply to the screen names, or None when it is not clearly an answer."""
    folded = _NONE_PHRASES.sub(" none ", fold(text[:300]).replace("'", ""))
    toks = _TOKEN.findall(folded)
    if not toks or len(toks) > MAX_WORDS:
        return None
    items: set[int] = set()
    said_none = False
    for tok in toks:
        if tok in _NUMBER_WORDS:
            number = _NUMBER_WORDS[tok]
            if number == 0:
                said_none = True
            else:
                items.add(number)
        elif tok.isdigit():
            digits = set(tok)
            if tok == "0":
                said_none = True
            elif digits <= set("12345") and len(tok) == len(digits) <= 5:
                items.update(int(d) for d in tok)  # "13": items 1 and 3, run together
            else:
                return None  # "7", "10": not an item on the list
        elif tok in _ALL and not items:
            items.update(ITEMS)
        elif tok in _NONE:
            said_none = True
        elif tok not in _GLUE:
            return None
    if items:
        return ScreenAnswer(frozenset(items))
    if said_none:
        return ScreenAnswer(frozenset())
    return None
