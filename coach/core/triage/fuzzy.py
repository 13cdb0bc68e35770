"""Spelling tolerance for the few words a red flag hangs on.

A misspelt key word ("swalow", "brethe", "slured", "vission") is mapped back to the word it
was meant to be when the two are one edit apart. Lookups use a deletion index (the SymSpell
idea): every vocabulary word is stored under each of its one-letter deletions, so a token
costs O(len) dictionary probes, not a comparison with every word.

Real words that sit one edit from a key word ("dropping", "breath", "dumb") are listed in
_REAL_WORDS so they are never "corrected" into a symptom.
"""

from __future__ import annotations

from functools import lru_cache

from coach.core.triage.lexicon import word_set as _word_set

# Words worth rescuing: those that carry a red flag or its context, in both languages.
VOCABULARY = _word_set(
    """
    swallow swallowing swallowed breathe breathing drooping droopy droop drooped
    slurred slurring slurry blurry blurred blurring blurriness vision double numb numbness
    paralyzed paralysis paralysed choking excruciating unbearable horrible terrible severe
    suicidal suicide twitching twitch constantly constant nonstop spasm spasms eyelid
    headache weakness crooked lopsided struggling trouble difficulty seeing speech
    unsubscribe stop pause resume cancel
    tragar respirar borrosa borroso insoportable adormecida adormecido entumecida
    entumecido paralizada paralizado morirme matarme suicidarme vista parpado espasmo
    espasmos palabras arrastro hablar puedo cara hablo habla ahogo ahogando hormigueo
    """
)

# Real words within one edit of a vocabulary word: leave them alone.
_REAL_WORDS = _word_set(
    """
    dropping dropped drop drops breath breaths dumb numbs thumb vis visit visions version
    double doubled doubles trouble troubled slurp slurps blurt blurts blurb blue blur
    stomp stoop stops stopped top shop step spot pose poise posed cause pauses paused
    resumes resumed resume cancel canceled cancelled twitchy twitches twitched
    spam spasm seeding sleeping weeing peeing severed several sever seven swallows
    sallow shallow hallow swallows horribly terribly constants choking joking smoking
    croaking cooking poking stoking crooks crooner lopside eyelids headaches speeds
    speeches struggle struggles troubles droops drooling hablan hablas hablo hablamos
    vistas vistos visto parpados tragas traga trago tragos respira respiro paused
    suicides numbers number nub numbed visita visitas habla hable hables matarte matarle
    matarlo matarla blurted blunted doble dobles caro caras carta vino morirse
    parado parada parados paradas quedo queda quedan quedas quede puede puedes pueden
    sever severs severed several breather breathers constante constantes cada cuna
    carga cargas cargo ahora ahorra
    """
)

MIN_LENGTH = 4


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _build_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for word in sorted(VOCABULARY):
        for key in _deletions(word):
            index.setdefault(key, word)
    return index


_INDEX = _build_index()


@lru_cache(maxsize=16384)
def correct(word: str) -> str:
    """`word`, or the vocabulary word one edit away from it (insertion, deletion, or, for
    words of five letters or more, substitution or adjacent swap)."""
    if len(word) < MIN_LENGTH or word in VOCABULARY or word in _REAL_WORDS:
        return word
    if not word.isalpha():
        return word
    # The token has one letter too many: one of its deletions is a vocabulary word.
    for key in _deletions(word):
        if key in VOCABULARY:
            return key
    # One letter too few: the token is a deletion of a vocabulary word.
    hit = _INDEX.get(word)
    if hit is not None and len(hit) >= MIN_LENGTH + 1:
        return hit
    if len(word) >= 5:
        # Substitution or swap: the token and a vocabulary word share a deletion.
        for key in _deletions(word):
            hit = _INDEX.get(key)
            if hit is not None and len(hit) == len(word) and _close(word, hit):
                return hit
    return word


def _close(a: str, b: str) -> bool:
    diffs = [i for i in range(len(a)) if a[i] != b[i]]
    if len(diffs) == 1:
        return True
    return len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]]
