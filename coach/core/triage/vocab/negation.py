"""Negated abilities and bad answers, for the flag lexicons: "cant", "no puedo", "me cuesta",
formal "difficulty with", and a checklist topic answered badly ("Swallowing? Not good").

Negation of a *mention* (scope, pseudo-negations, terminators) is context.py's job; these are
the words that make an inability part of the symptom itself ("no puedo tragar").
"""

from __future__ import annotations

from coach.core.triage.lexicon import any_of

CANT_EN = any_of(
    "cant", "cannot", "couldnt", "unable to", "not able to", "can barely", "can hardly",
    "barely", "hardly", "trouble", "troubles", "difficulty", "difficult", "hard (?:to|2)",
    "hard time", "struggl\\w*", "problems?", "issues?", "impossible to",
)

NO_PUEDO_ES = r"(?:no (?:puedo|podia|pude|puede|podemos|logro|consigo)|ya no puedo)"

CUESTA_ES = any_of(
    "me cuesta", "le cuesta", "cuesta", "me cueste", "le cueste", "cueste",
    "dificultad para", "dificultades para",
    "problemas? para", "problemas? al", "trabajo para", "me cuesta mucho", "no logro",
    "batallo para", "trabajo al",
    # "se me dificulta tragar", "se le hace dificil tragar"
    "se me dificulta", "se le dificulta", "se me hace dificil", "se le hace dificil",
)

FORMAL_TROUBLE = (
    r"(?:difficult(?:y|ies)|trouble|problems?|issues?|impairment|impaired|changes?|"
    r"disturbances?|dificultad\w*|problemas?|alteraci\w*|cambios?|trastornos?)"
)

# A checklist answered badly: "Swallowing? Not good", "Vision - not great", "¿Tragar? Mal",
# "la respiración no muy bien".
_IS = (
    r"(?:is |was |has been |feels |sounds |seems |esta |estuvo |se siente |se oye |anda |me "
    r"sale )?"
)

_NOT_WELL = (
    r"(?:not (?:so |too |very |that |really )?(?:good|great|right|ok|okay|normal|easy|clear|"
    r"well)|no good|bad|terrible|awful|off|a struggle|rough|nada bien|no (?:muy |tan |anda )?"
    r"(?:bien|normal|claro|clara)|mal|fatal|regular|pesim[oa])$"
)



def answered_badly(*topics: str) -> str:
    return r"\b" + any_of(*topics) + r" " + _IS + _NOT_WELL
