"""The clarifying question: when to ask it, and how to read the answer. Pure.

When the second reader suspects a red flag the lexicon did not affirm, coach does not send
emergency advice on a guess: it asks one short question ("To be safe: is this new, or is it
severe? Reply YES or NO") and an operator reviews the reply. YES gets the advice of the
suspected codes' level; NO closes the question; silence raises an alert (coach/dialogue.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum

from coach.core.triage.normalize import fold
from coach.core.types import Command, Level, PatientStatus, RedFlag

__all__ = ["Answer", "highest_level", "question_key", "read_answer", "should_ask"]


class Answer(StrEnum):
    YES = "yes"
    NO = "no"


# Only short replies are answers: a long one is read as a new message (and may be a red
# flag in its own words, which always wins).
MAX_ANSWER_WORDS = 8
_YES = frozenset(
    {"yes", "y", "yeah", "yea", "yep", "yup", "ya", "yes it is", "it is", "si", "sii", "s",
     "claro", "correcto", "asi es", "si es", "si lo es", "afirmativo", "sure", "i think so",
     "creo que si", "new", "its new", "it is new", "severe", "its severe", "it is severe",
     "both", "nuevo", "es nuevo", "fuerte", "muy fuerte", "grave", "es grave", "las dos",
     "ambas", "ambos", "los dos", "yes both", "si ambas", "si las dos", "yes new",
     "yes severe", "si nuevo", "si es nuevo", "si fuerte", "kind of", "maybe", "not sure",
     "no se", "quizas", "tal vez", "puede ser", "unsure", "i dont know", "dont know", "idk"}
)
_NO = frozenset(
    {"no", "n", "nope", "nah", "no it is not", "no its not", "its not", "it is not",
     "not really", "neither", "no neither", "no para nada", "para nada", "nada", "ninguno",
     "ninguna", "no es nuevo", "no es grave", "no no", "no gracias", "no thanks",
     "no thank you", "im fine", "i am fine", "im ok", "im okay", "all good", "estoy bien",
     "todo bien", "no nothing new", "nothing new", "nada nuevo", "same as always",
     "como siempre", "igual que siempre", "lo de siempre", "its old", "es viejo"}
)
_FILLER = frozenset({"please", "pls", "thanks", "thank", "you", "ok", "okay", "gracias",
                     "por", "favor", "hi", "hola", "well", "bueno", "pues", "um", "uh"})
_NON_WORD = re.compile(r"[^a-z]+")


def read_answer(text: str) -> Answer | None:
    """YES or NO to the clarifying question, or None when the reply is something else.

    Doubt ("not sure", "no sé", "maybe") is read as YES: the question exists because we
    were unsure, and an unsure patient gets the advice."""
    words = _NON_WORD.sub(" ", fold(text[:200]).replace("'", "")).split()
    if not words or len(words) > MAX_ANSWER_WORDS:
        return None
    core = [w for w in words if w not in _FILLER] or words
    phrase = " ".join(core)
    if phrase in _YES:
        return Answer.YES
    if phrase in _NO:
        return Answer.NO
    if core[:2] == ["no", "se"] or core[:3] == ["not", "sure", "if"]:
        return Answer.YES  # "no sé si es nuevo": doubt
    # "yes, since this morning", "no, it's the usual": the first word decides when the
    # rest is short.
    if core[0] in ("yes", "si", "yeah", "yep", "yup") and len(core) <= 5:
        return Answer.YES
    if core[0] in ("no", "nope", "nah") and len(core) <= 5 and not _YES.intersection(core[1:2]):
        return Answer.NO
    return None


def highest_level(codes: Iterable[RedFlag]) -> Level:
    level = Level.ROUTINE
    for code in codes:
        if code.level.rank > level.rank:
            level = code.level
    return level


def should_ask(
    *,
    check: Iterable[RedFlag],
    advised_level: Level,
    command: Command | None,
    status: PatientStatus | None,
    question_open: bool,
) -> bool:
    """Ask the question only if it can change what the patient hears: a suspected code of a
    higher level than the advice the lexicon already gave. Never to an unknown number, a
    patient who opted out or just said STOP, nor a second question while one is open."""
    if status is None or status == PatientStatus.OPTED_OUT or command is Command.STOP:
        return False
    if question_open:
        return False
    return highest_level(check).rank > advised_level.rank


def question_key(check: Iterable[RedFlag]) -> str:
    """The message to ask with. A suspicion of self-harm is never asked about as "new or
    severe": the question names it and carries the crisis line, which a patient in crisis
    may need more than our follow-up (and gets even if they never answer)."""
    return "check.self_harm" if RedFlag.SELF_HARM in set(check) else "check.question"
