"""The 0-10 rating in a reply, if the patient gave one.

A number only counts as a rating when nothing says it is something else: "for 5 days",
"at 3pm", "2 cups", "20-20-20" and "day 3" are durations, times, counts and names.
"""

from __future__ import annotations

import re

from coach.core.triage.normalize import BOUNDARY, QUESTION

_WORDS = {
    "zero": 0, "none": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "cero": 0, "ninguno": 0, "ninguna": 0,
    "uno": 1, "una": 1, "un": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10,
    # misspelt on a phone keyboard
    "eigth": 8, "eigt": 8, "thre": 3, "fiv": 5, "sevn": 7, "seiss": 6, "sinco": 5, "cinko": 5,
    "nuebe": 9, "siette": 7, "cuatroo": 4,
    # diminutives: "un ochito", "cinquito"
    "dosito": 2, "tresito": 3, "cuatrito": 4, "cinquito": 5, "seisito": 6, "sietito": 7,
    "ochito": 8, "nuevito": 9,
}
# Words that double as articles or counts: a rating only when they stand alone.
_ONLY_ALONE = frozenset({"one", "uno", "una", "un", "none", "ninguno", "ninguna"})
_CUES = frozenset(
    {"a", "about", "around", "maybe", "like", "its", "is", "was", "level", "severity", "rate",
     "rating", "rated", "un", "una", "como", "es", "nivel", "twitch", "twitching", "twitches",
     "eyelid", "lid", "eye", "spasm", "spasms", "today", "hoy", "score", "probably", "prob",
     "approx", "roughly", "solid", "tic", "tics", "espasmo", "espasmos", "parpado", "ojo",
     "quizas", "quiza", "tal", "vez", "unos", "esta", "pain", "dolor", "intensity",
     "intensidad", "puntaje", "calificacion", "ish", "yesterday", "ayer", "again", "still",
     "now", "ahora", "am", "im", "feel", "feels", "been", "be", "say", "id", "diria",
     "side", "lado", "left", "right", "izquierdo", "derecho", "cheek", "jaw", "mouth"}
)
_BLOCKERS = frozenset(
    {"for", "since", "every", "x", "after", "before", "by", "until", "till", "til", "in",
     "last", "past", "per", "than", "top", "number", "#", "las", "la", "por", "hace",
     "cada", "desde", "durante", "hasta", "day", "days", "week", "weeks", "step", "steps",
     "dia", "dias", "semana", "paso", "took", "drank", "had", "ate", "slept", "did", "done",
     "made", "only", "just", "next", "first", "within", "over", "under", "-", ":", "/",
     "near", "del", "el", "los", "tome", "dormi", "hice", "de", "page", "room",
     "pause", "pausa", "chapter", "version", "v", "age", "aged", "edad", "mg", "plus", "+",
     "minus", "at", "a las", "twice", "times"}
)
_FOLLOW_OK = frozenset(
    {"today", "now", "tonight", "this", "right", "so", "and", "i", "im", "its", "it", "ish",
     "or", "max", "hoy", "ahora", "y", "esta", "maybe", "pretty", "at", "rn", "again",
     "still", "though", "lol", "thanks", "thx", "gracias", "ok", "okay", "tops", "o", "pain",
     "dolor", "twitch", "twitching", "twitches", "spasm", "spasms", "out",
     # slang and asides after a rating: "a solid 8 ngl", "un 7 la neta"
     "ngl", "tbh", "fr", "frfr", "honestly", "lowkey", "highkey", "imo", "srsly", "neta",
     "jaja", "jajaja", "haha", "lmao", "tho", "fyi", "btw", "atm", "nomas",
     "aprox", "approx", "approximately", "aproximadamente", "overall", "total",
     # a vocative after a rating: "hoy 5 mano", "un 7 wn", "6 bro", "un 4 che"
     "mano", "wn", "weon", "guey", "wey", "bro", "bruh", "dude", "man", "girl", "sis", "che",
     "boludo", "boluda", "parce", "parcero", "pana", "chamo", "chama", "mija", "mijo",
     "amiga", "amigo", "hermano", "hermana", "compa", "carnal", "tio", "tia", "loco", "loca",
     # a comparison: "4 vs yesterdays 6" (the first number is today's)
     "vs", "versus",
     # belittled or counted in points: "5 only", "dos nomas", "unos 8 puntos"
     "only", "solamente", "puntos", "points", "pts"}
)
_TEN = frozenset({"10", "ten", "diez"})
_ZERO_PHRASES: tuple[tuple[str, ...], ...] = tuple(
    tuple(p.split())
    for p in (
        "no twitch", "no twitching", "no twitches", "no spasm", "no spasms", "no tics",
        "no tic", "none today", "nothing today", "zero today", "twitch free",
        "spasm free", "ninguno hoy", "nada hoy", "ninguna hoy", "sin tics", "sin tic",
        "sin espasmos", "no twitching today", "no he tenido tics", "cero hoy",
        "not a single twitch", "not one twitch", "ni un tic", "cero tics", "zero twitches",
        "ni un solo tic", "no twitches today", "not a twitch",
        # a zero said in words: "nada today", "not a single flicker", "ni uno hoy"
        "nada today", "nada de nada", "nothing at all", "not a single", "not one single",
        "not even one", "ni un solo", "ni una sola", "ni uno hoy", "ni una hoy",
        "ni uno solo", "ni una sola", "ni siquiera uno", "no flickers", "no flicker",
        "no flickering", "no jumps", "no jumping", "no flutter", "no flutters",
        "no fluttering", "no twitchin", "zero spasms", "zero tics", "zero twitching",
        "sin temblor", "sin temblores", "sin brincos", "sin saltos", "ningun tic",
        "ningun espasmo", "ningun temblor", "ningun brinco", "ningun salto", "ningun saltito",
        "ningun brinquito", "nada de tic", "nada de tics", "nada de temblor",
        "nada de espasmos", "cero espasmos", "cero temblores", "no twitch at all",
        "none at all", "nothing today", "nil today", "zip today", "nada hoy",
        # a zero written as a digit: "0 tics hoy", "0 twitches"
        "0 tics", "0 tic", "0 twitches", "0 twitch", "0 twitching", "0 spasms", "0 espasmos",
        "0 temblores", "0 flickers", "cero tic", "cero temblor", "cero espasmo", "zero twitch",
        "zero spasm", "nada de twitch", "no twitch whatsoever", "ni un brinco",
        "ni un solo brinco", "ni un temblor", "not a flicker", "not a peep",
        "cero brincos", "cero saltos", "cero saltitos", "cero brinquitos", "cero parpadeos",
        "zero flickers", "zero jumps", "zero flutters",
    )
)
# "el tic ni aparecio", "el ojo ni se movio", "the twitch didnt show up at all": the twitch
# named, then said not to have appeared.
_TWITCH_SUBJECTS = frozenset(
    {"twitch", "twitching", "twitches", "spasm", "spasms", "eye", "eyelid", "lid", "tic", "tics",
     "ojo", "parpado", "espasmo", "espasmos", "temblor", "flutter", "it"}
)
_DID_NOT = frozenset({"ni", "no", "nunca", "never", "didnt", "hasnt", "havent", "wasnt",
                      "doesnt", "not", "jamas"})
_SHOWED = frozenset(
    {"aparecio", "aparece", "aparecido", "movio", "mueve", "movido", "asomo", "asomado",
     "brinco", "brincado", "salto", "saltado", "molesto", "molestado", "temblo", "pestaneo",
     "parpadeo", "show", "showed", "shown",
     "appear", "appeared", "move", "moved", "budge", "budged", "twitch", "twitched", "flicker",
     "flickered", "bother", "bothered", "happen", "happened", "jump", "jumped", "acted",
     "act", "pio", "chisto", "dio", "se", "me", "ha", "once", "a", "peep"}
)
_SHOWED_VERBS = _SHOWED - {"se", "me", "ha", "a"}


def _did_not_show(toks: list[str]) -> int | None:
    """Index of a twitch said not to have appeared at all, or None."""
    for i, tok in enumerate(toks):
        if tok not in _DID_NOT or i == 0:
            continue
        if not any(t in _TWITCH_SUBJECTS for t in toks[max(0, i - 3) : i]):
            continue
        if "it" in toks[max(0, i - 3) : i] and not any(
            t in _TWITCH_SUBJECTS - {"it"} for t in toks[max(0, i - 12) : i]
        ):
            continue
        j = i + 1
        while j < len(toks) and j <= i + 3 and toks[j] in _SHOWED:
            if toks[j] in _SHOWED_VERBS:
                return i
            j += 1
    return None
# Said as an absence rather than a number ("dejé el café y ya no tengo tic", "no more
# twitching"): a zero only when the reply gives no rating of its own.
_SOFT_ZERO_PHRASES: tuple[tuple[str, ...], ...] = tuple(
    tuple(p.split())
    for p in (
        "no tengo tic", "no tengo tics", "no tuve tic", "no tuve tics", "no he tenido tic",
        "no tengo el tic", "no hubo tic", "no hubo tics", "se me quito el tic", "se fue el tic",
        "el tic se fue", "el tic desaparecio", "se quito el tic", "ya no me brinca",
        "ya no brinca", "ya no me salta", "no me ha brincado", "no me brinco", "ya no tiembla",
        "no more twitching", "no more twitches", "no more twitch", "twitch is gone",
        "twitching is gone", "twitch has gone", "twitching has gone", "havent twitched today",
        "hasnt twitched today", "didnt twitch today", "didnt twitch at all", "didnt twitch once",
        "hasnt twitched once", "hasnt twitched at all", "havent twitched at all",
        "no twitching at all", "not twitching anymore", "not twitching at all",
        "ya no tengo tic", "ya no tengo tics",
        # "creo que no hubo" (I think there was none), after the twitch is named
        "creo que no hubo", "i think there was none", "i think there were none",
    )
)
# "ya no me brinca tanto", "no more twitching like before": less, not none
_DEGREE = frozenset({"tanto", "tan", "mucho", "as", "so", "much", "like", "como", "igual",
                     "seguido", "often", "casi"})
# A reply that opens with one of these and says nothing more ("nada 🙌", "nothing today")
# answers the twitch question with a zero.
_ZERO_OPENERS = frozenset({"nada", "nothing", "nil", "zip", "zilch", "ninguno", "ninguna",
                           "nothin", "nuthin", "nuffin", "nothng", "nadita"})
_ZERO_OPENER_FOLLOW = frozenset({"today", "hoy", "tonight", "so", "far", "yet", "at", "all",
                                 "gracias", "thanks", "thx", "lol", "jaja",
                                 # "nothin today thank god", "nada hoy gracias a dios"
                                 "thank", "god", "dios", "a", "goodness", "heavens"})

_ZERO_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _phrase in _ZERO_PHRASES:
    _ZERO_BY_FIRST.setdefault(_phrase[0], []).append(_phrase)
_SOFT_ZERO_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _phrase in _SOFT_ZERO_PHRASES:
    _SOFT_ZERO_BY_FIRST.setdefault(_phrase[0], []).append(_phrase)
_EDGES = (BOUNDARY, QUESTION)


def _value(tok: str) -> int | None:
    if tok.isdigit() and len(tok) <= 2 and tok.isascii():  # never "❶"
        n = int(tok)
        return n if n <= 10 else None
    if tok.endswith("ish") and len(tok) > 3 and tok[:-3] not in _ONLY_ALONE:
        return _value(tok[:-3])  # "fourish", "6ish"
    return _WORDS.get(tok)


def _at(toks: list[str], i: int) -> str:
    return toks[i] if 0 <= i < len(toks) else BOUNDARY


def _scale_after(toks: list[str], i: int) -> int:
    """How many tokens of "/10", "out of 10", "of 10", "de 10" or "sobre 10" follow toks[i]
    (0 when none do)."""
    a, b, c = _at(toks, i + 1), _at(toks, i + 2), _at(toks, i + 3)
    if a in ("/", "of", "de", "sobre") and b in _TEN:
        return 2
    return 3 if a == "out" and b == "of" and c in _TEN else 0


def _explicit_scale(toks: list[str], i: int) -> bool:
    """toks[i] is followed by "/10", "out of 10", "of 10", "de 10" or "sobre 10"."""
    return _scale_after(toks, i) > 0


_PAST = frozenset({"yesterday", "ayer", "anoche", "earlier", "antes", "before", "antier",
                   "anteayer", "lastnight",
                   # a named weekday is that day's ("Tuesday was a 2 and today is a 7")
                   "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                   "sunday", "lunes", "martes", "miercoles", "jueves", "viernes", "sabado",
                   "domingo"})
_NOW = frozenset({"today", "now", "hoy", "ahora", "tonight", "currently", "ahorita"})
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                       "sunday", "lunes", "martes", "miercoles", "jueves", "viernes", "sabado",
                       "domingo"})


_JOINING = frozenset({"and", "y", "then", "luego", "but", "pero", "while"})


def _past(toks: list[str], i: int) -> bool:
    """The rating at toks[i] is dated before today ("a 6 yesterday", "ayer 7")."""
    # The nearest day word decides, whichever side it is on, and a joining word ends a
    # rating's reach: in "a 4 yesterday and 3 today" and "ayer fue un 5 y hoy un 3" the 3 is
    # today's although the day before is named within three words.
    open_sides = {-1: True, 1: True}
    for distance in range(1, 4):
        for step in (-1, 1):
            j = i + step * distance
            if not open_sides[step] or not 0 <= j < len(toks) or toks[j] in _EDGES or (
                toks[j] in _JOINING
            ):
                open_sides[step] = False
                continue
            if toks[j] in _NOW:
                return False
            if toks[j] in _PAST:
                # "hoy miercoles 3", "today wednesday 3": the weekday named is today's
                return not (toks[j] in _WEEKDAYS and _at(toks, j - 1) in _NOW)
    return False


def _latest(found: list[tuple[int, int]], toks: list[str]) -> tuple[int, int] | None:
    """The first rating, unless it is dated to an earlier day and a later one follows
    ("rated it a 6 yesterday, today more like 4")."""
    if not found:
        return None
    # "un 6 casi todos los dias ... y hoy 2": the one said of today, when one is
    for value, i in found if len(found) > 1 else ():
        if _at(toks, i - 1) in _NOW or (
            _at(toks, i - 2) in _NOW and (
                _at(toks, i - 1) in ("a", "un", "en", "at", "like") or _at(toks, i - 1) in _WEEKDAYS
            )
        ):
            return value, i
    for value, i in found:
        if not _past(toks, i):
            return value, i
    return found[0]


def _scale_end(toks: list[str], i: int) -> bool:
    """toks[i] names a scale rather than a rating: "de 0 a 10", "from 1 to 10", "1-10"."""
    before, after = _at(toks, i - 1), _at(toks, i + 1)
    if toks[i] in _TEN and before in ("a", "to", "al", "-", "thru", "through", "hasta"):
        return _at(toks, i - 2) in ("0", "1", "zero", "one", "cero", "uno")
    if toks[i] in ("0", "1", "zero", "one", "cero", "uno") and after in (
        "a", "to", "al", "-", "thru", "through", "hasta"
    ):
        return _at(toks, i + 2) in _TEN
    return False


_TWITCH_LABELS = frozenset(
    {"twitch", "twitching", "twitches", "tic", "tics", "spasm", "spasms", "espasmo",
     "espasmos", "eyelid", "lid", "parpado", "temblor", "flutter", "eye", "ojo", "myokymia"}
)
_PAIN_LABELS = frozenset({"pain", "dolor", "ache", "headache", "hurts", "duele", "jaqueca",
                          "migraine", "migrana", "sore", "soreness"})


# Other things patients rate beside the twitch: "stress 8, twitch 3", "sueño 4 tic 6"
_OTHER_LABELS = frozenset({"stress", "stressed", "anxiety", "mood", "energy", "sleep",
                           "fatigue", "tiredness", "estres", "ansiedad", "animo", "energia",
                           "sueno", "cansancio", "nervios", "focus", "tension", "worry",
                           "preocupacion", "quality", "calidad"})
_LABEL_REACH = 4  # "dolor de quijada como 4/10": the part named between label and number


# Twitch labels that are also the place a pain is in: "el dolor del ojo", "eye pain"
_PAIN_PLACES = frozenset({"eye", "ojo", "eyelid", "lid", "parpado"})
_PLACE_LINKS = frozenset({"del", "de", "en", "el", "la", "in", "my", "the", "around", "behind",
                          "detras", "alrededor"})


def _pain_place(toks: list[str], j: int) -> bool:
    """toks[j] (an eye word) is where a pain is, not the twitch: "dolor del ojo",
    "pain in my eye", "eye pain"."""
    if toks[j] not in _PAIN_PLACES:
        return False
    if _at(toks, j + 1) in _PAIN_LABELS:
        return True
    k = j - 1
    while k > j - 3 and _at(toks, k) in _PLACE_LINKS:
        k -= 1
    return k < j - 1 and _at(toks, k) in _PAIN_LABELS


def _label(toks: list[str], i: int) -> str | None:
    """What the rating at toks[i] is of, by the nearest word before it in its clause."""
    for j in range(i - 1, max(i - _LABEL_REACH - 1, -1), -1):
        if toks[j] in _EDGES:
            return None
        if toks[j] in _TWITCH_LABELS:
            return "pain" if _pain_place(toks, j) else "twitch"
        if toks[j] in _PAIN_LABELS:
            return "pain"
        if toks[j] in _OTHER_LABELS:
            return "other"
    return None


_PAIN_REACH = 6  # "el dolor de muelas es como un 5", "me duele la cara como un 4 de 10"
_PAIN_AFTER = frozenset({"pain", "painwise", "dolor", "ache"})


def _of_pain(toks: list[str], i: int) -> bool:
    """The rating at toks[i] rates pain, not the twitch: a pain word before it in its clause
    with no twitch word nearer ("the headache was like a 3"), or right after it or its scale
    ("maybe a 4 pain wise", "10 out of 10 pain", "como un 3 de dolor")."""
    label = _label(toks, i)
    if label is not None:
        return label == "pain"
    for j in range(i - 1, max(i - _PAIN_REACH - 1, -1), -1):
        if toks[j] in _EDGES or toks[j] in _TWITCH_LABELS:
            break
        if toks[j] in _PAIN_LABELS or toks[j] in ("duelen", "dolia", "hurt", "aching"):
            return True
    end = i + _scale_after(toks, i)
    after = _at(toks, end + 1)
    return after in _PAIN_AFTER or (
        after in ("de", "of") and _at(toks, end + 2) in ("dolor", "pain")
    )


def _twitch_first(found: list[tuple[int, int]], toks: list[str]) -> list[tuple[int, int]]:
    """"pain 3/10, twitch 5/10", "stress at work 8 but twitch only 3": the twitch's own
    rating is the diary's severity."""
    labels = [_label(toks, i) for _, i in found]
    if "twitch" in labels and ("pain" in labels or "other" in labels):
        return [f for f, label in zip(found, labels, strict=True) if label == "twitch"]
    return found


def _scale_ten(toks: list[str], i: int) -> bool:
    """toks[i] is the scale's 10 in "3/10", "3 de 10", "3 out of 10" (not "dolor de 10")."""
    if toks[i] not in _TEN or _at(toks, i - 1) not in ("/", "of", "de", "sobre"):
        return False
    j = i - 3 if _at(toks, i - 2) == "out" else i - 2
    return _value(_at(toks, j)) is not None


# A range gives two ratings, "about 6 or 7", "a 2 maybe 3", "3-4", "un 5 o 6", "entre 4 y 5":
# the diary takes the top one (the safer reading). Its numbers are close, which tells it from
# a scale ("1 to 10") or counted steps ("4 in 7 hold 8").
_RANGE_JOINS = frozenset({"or", "o", "to", "-", "maybe", "a", "al", "u", "thru", "through"})
_RANGE_SPREAD = 3


_SECOND_THOUGHTS = frozenset({"maybe", "perhaps", "possibly", "quizas", "quiza", "or", "o"})


def _range_end(toks: list[str], i: int) -> int | None:
    """Index of the top of a range whose low end is toks[i], or None: "6 or 7", "3-4",
    "between 3 and 4", "un 7 u 8", "a nine maybe a ten", "five. perhaps six"."""
    k = i + 1
    if _at(toks, k) in _EDGES and _at(toks, k + 1) in _SECOND_THOUGHTS:
        k += 1
    join = _at(toks, k)
    if join not in _RANGE_JOINS and join != "you" and not (
        join in ("y", "and") and _at(toks, i - 1) in ("entre", "between")
    ):
        return None
    if not toks[i].isdigit() and toks[i] in _ONLY_ALONE:
        return None  # "one or two" is a count
    end = k + 1
    if _at(toks, end) in _SINGULAR_ARTICLES:
        end += 1
    low, high = _value(toks[i]), _value(_at(toks, end))
    if low is None or high is None or not 0 < high - low <= _RANGE_SPREAD:
        return None
    return end


def _range_top(toks: list[str], i: int) -> bool:
    """toks[i] is the top of a range: its low end speaks for the pair."""
    return any(_range_end(toks, k) == i for k in range(max(i - 4, 0), i - 1))


def _top(toks: list[str], value: int, i: int) -> tuple[int, int]:
    end = _range_end(toks, i)
    if end is None:
        return value, i
    high = _value(toks[end])
    return (value if high is None else high), i


def ratings(toks: list[str], minimum: int = 0) -> list[tuple[int, int]]:
    """Every number of at least `minimum` read as a rating, explicit or not: (value, index)."""
    return [
        _top(toks, value, i) for i, tok in enumerate(toks)
        if (tok.isdigit() or tok in _WORDS) and (value := _value(tok)) is not None
        and _top(toks, value, i)[0] >= minimum
        # the scale's 10 in "3/10", "3 de 10" (but "dolor de 10" is a rating)
        and not _scale_ten(toks, i)
        and (
            (_explicit_scale(toks, i) and _at(toks, i - 1) != "/")
            or (not _scale_end(toks, i) and _is_rating(toks, i))
        )
    ]


def find(toks: list[str]) -> tuple[int, int] | None:
    """(rating, token index) of the rating in `toks`, or None.

    Two passes: the strict one (_find_strict) counts a number only with words that make it
    a rating; when it finds none, the lenient one (_lenient) counts any 0-10 number that
    nothing marks as something else, since the reply answers "rate it 0-10". Then a rating
    corrected later in the reply ("6, no wait, more like 4") gives way to the correction."""
    found = _find_strict(toks)
    if found is not None and _value(toks[found[1]]) is not None and (
        _label(toks, found[1]) == "other" or (
            _at(toks, found[1] + 1) in _EDGES and len(_at(toks, found[1] + 2)) == 3
            and _at(toks, found[1] + 2).isdigit()
        )
    ):
        # "stress 7/10", "mood 6": another scale rated, the twitch not; "10,000 steps"
        found = None
    if found is None:
        found = _lenient(toks)
    elif _value(toks[found[1]]) is not None and _past(toks, found[1]):
        # "ayer 4 hoy 2 vamos mejorando": the strict pass knew only yesterday's
        today = [(v, i) for v, i in _lenient_all(toks)
                 if i > found[1] and (_at(toks, i - 1) in _NOW or _at(toks, i - 2) in _NOW)]
        if today:
            found = today[-1]
        else:
            # "ayer un 8 y hoy ni se asomo, cero absoluto": today's none after it
            later = _said_none(toks[found[1] + 1 :])
            if later is not None:
                return 0, found[1] + 1 + later[1]
    if found is None:
        return _said_none(toks)
    if _value(toks[found[1]]) is not None:
        found = _corrected(toks, found)
    return found


def _find_strict(toks: list[str]) -> tuple[int, int] | None:
    # A pain rating is never the diary's twitch rating; it stays for the red-flag rules.
    explicit_found = _twitch_first([
        (value, i) for i, tok in enumerate(toks)
        if (value := _value(tok)) is not None and _explicit_scale(toks, i)
        and _at(toks, i - 1) != "/" and not _of_pain(toks, i)
    ], toks)
    if explicit_found and all(_label(toks, i) == "pain" for _, i in explicit_found):
        # "pain maybe 4/10 in my jaw, twitch 6": the twitch's own rating, even said without
        # a scale, is the diary's; the pain's stays for the red-flag rules.
        twitch = [(v, i) for v, i in _implicit(toks) if _label(toks, i) == "twitch"]
        if twitch:
            return _latest(twitch, toks)
    explicit = _latest(explicit_found, toks)
    if explicit is not None:
        return explicit
    for i, tok in enumerate(toks):
        for phrase in _ZERO_BY_FIRST.get(tok, ()):
            if tuple(toks[i : i + len(phrase)]) == phrase and _at(toks, i - 1) not in _ALMOST:
                # "medio dia sin tic y en la noche volvio, le doy un 3": a rating given
                # after the none sums the day up
                given = [(v, j) for v, j in _implicit(toks) if j > i and (
                    _at(toks, j - 1) in _SINGULAR_ARTICLES or _summary(toks, j)
                    or _label(toks, j) == "twitch"
                ) and not _of_pain(toks, j)]
                if given:
                    return given[-1]
                if phrase[0] == "nada" and _at(toks, i - 1) == "de":
                    continue  # "no tengo ganas de nada hoy": no twitch word at all
                return 0, i
    if toks[:1] in (["hoy"], ["today"]) and _at(toks, 1) in _ZERO_OPENERS and (
        _at(toks, 2) in _EDGES
    ):
        return 0, 1  # "hoy nada, tranquilo todo el dia", "today nothing."
    if toks and toks[0] in _ZERO_OPENERS and all(
        t in _ZERO_OPENER_FOLLOW or t in _EDGES for t in toks[1:4]
    ) and (len(toks) < 2 or toks[1] in _EDGES or toks[1] in _ZERO_OPENER_FOLLOW):
        return 0, 0
    implicit = [(v, i) for v, i in _implicit(toks) if not _of_pain(toks, i)]
    summary = [(v, i) for v, i in implicit if _summary(toks, i)]
    rated = _latest(_twitch_first(summary or implicit, toks), toks)
    if rated is not None:
        return rated
    if _answered_none(toks):
        return 0, 0
    for i, tok in enumerate(toks):
        for phrase in _SOFT_ZERO_BY_FIRST.get(tok, ()):
            if tuple(toks[i : i + len(phrase)]) == phrase and (
                _at(toks, i + len(phrase)) not in _DEGREE
            ):
                return 0, i
    absent = _did_not_show(toks)
    if absent is None:
        absent = _not_noticed(toks)
    return None if absent is None else (0, absent)


# "Morning: 2, Evening: 6, so call it a 6 for today", "id say 3 overall", "en total un 5":
# a rating said to sum up the day is the diary's.
_SUMMING_BEFORE = frozenset({"call", "overall", "total", "entonces", "average", "promedio",
                             "general", "altogether", "so"})
_SUMMING_AFTER = frozenset({"overall", "total", "altogether", "general", "average", "promedio"})
# where the day went: "mostly 2 but spiked to 6", "started at 2, ended at 5", "subio a 7"
_CHANGE_TO = frozenset({"spiked", "peaked", "rose", "climbed", "jumped", "reached", "ended",
                        "hit", "subio", "llego", "termino", "acabo", "escalo", "brinco", "now",
                        "ahora", "currently", "ahorita"})


def _summary(toks: list[str], i: int) -> bool:
    window = toks[max(i - 3, 0) : i]
    if any(t in _EDGES for t in window):
        window = window[max(j for j, t in enumerate(window) if t in _EDGES) + 1 :]
    after = toks[i + 1 : i + 3]
    # "went from a 6 to a 3", "de un 6 a un 3"
    went_to = _at(toks, i - 1) in ("to", "a") or toks[max(i - 2, 0) : i] in (
        ["to", "a"], ["a", "un"], ["to", "like"]
    )
    went_from = any(t in ("from", "de") for t in toks[max(i - 7, 0) : max(i - 2, 0)])
    return bool(
        _SUMMING_BEFORE.intersection(window) or _SUMMING_AFTER.intersection(after)
        or _CHANGE_TO.intersection(window) or (went_to and went_from)
    )


# "nope none", "no, nada", "nada, como si nunca hubiera pasado": an answer of none, after a
# "no" or set off by punctuation, when no rating is given.
_ANSWER_NO = frozenset({"no", "nope", "nah", "nop", "naa", "na"})
_NONE_WORDS = frozenset({"none", "nada", "nothing", "zero", "cero", "ninguno", "ninguna",
                         "nil", "zilch", "zip"})


def _answered_none(toks: list[str]) -> bool:
    j = 0
    while j < len(toks) and (toks[j] in _ANSWER_NO or toks[j] in _EDGES):
        j += 1
    if toks[j : j + 2] in (["ni", "uno"], ["ni", "una"], ["not", "one"]):
        j += 1  # "ni uno", "not one"
    elif j >= len(toks) or toks[j] not in _NONE_WORDS:
        return False
    # "nope none", "no, nada": not "nope none of those" (none of the symptoms asked about)
    follow = _at(toks, j + 1)
    return follow in _EDGES or (j > 0 and follow in _ZERO_OPENER_FOLLOW)


def _implicit(toks: list[str]) -> list[tuple[int, int]]:
    """Ratings said without a scale: (value, index), a range giving its top."""
    return [
        _top(toks, value, i) for i, tok in enumerate(toks)
        if (value := _value(tok)) is not None and not _scale_end(toks, i)
        and not _scale_ten(toks, i)  # "9 out of 10": the scale's 10 is no second rating
        and _is_rating(toks, i)
    ]


# Not even noticing the twitch is a zero: "didnt notice any twitch today", "didn't feel a
# single flicker", "hoy ni lo senti", "no lo note en todo el dia". Not "barely noticed it"
# or "casi ni lo senti" (a little is not none).
_PERCEIVE = frozenset(
    {"notice", "noticed", "noticing", "feel", "felt", "see", "saw", "senti", "siento",
     "sentido", "note", "notado", "noto", "vi", "visto", "sentia", "notaba"}
)
_ANY = frozenset({"any", "a", "the", "one", "single", "my", "even", "ningun", "ninguna",
                  "el", "la", "un", "una", "nada", "de"})
_ALMOST = frozenset({"barely", "hardly", "almost", "casi", "apenas", "scarcely"})
_PRONOUNS = frozenset({"lo", "la", "los", "las", "it", "them"})
_IDLE = frozenset({"today", "hoy", "at", "all", "en", "todo", "el", "dia", "whole", "day",
                   "tbh", "honestly", "lol", "jaja", "even", "nada", "so", "far", "yet",
                   "ngl", "tonight", "this", "time", "once", "ni", "cuenta", "me", "di"})


def _not_noticed(toks: list[str]) -> int | None:
    for i, tok in enumerate(toks):
        if tok not in _DID_NOT or _at(toks, i - 1) in _ALMOST or _at(toks, i - 2) in _ALMOST:
            continue
        j = i + 1
        pronoun = _at(toks, j) in _PRONOUNS and _at(toks, j + 1) in _PERCEIVE
        even = _at(toks, j) in ("even", "siquiera") and _at(toks, j + 1) in _PERCEIVE
        if pronoun or even:  # "ni lo senti", "didnt even notice"
            j += 2
        elif _at(toks, j) in _PERCEIVE:
            j += 1
        else:
            continue
        rest = toks[j : j + 6]
        if not pronoun and rest and rest[0] in _PRONOUNS:
            pronoun, rest = True, rest[1:]  # "didnt notice it today"
        words = [t for t in rest if t not in _ANY]
        if words and words[0] in _TWITCH_LABELS:
            return i
        end = next((k for k, t in enumerate(rest) if t in _EDGES), len(rest))
        if pronoun and all(t in _IDLE for t in rest[:end]):
            # the pronoun must stand for the twitch: nothing else named before it
            before = [t for t in toks[:i] if t not in _EDGES]
            if not before or set(before) <= _IDLE | _TWITCH_LABELS | {"y", "and", "pues"}:
                return i
    return None


# "estuvo en 6", "anda por el 7", "tic de 10", "sigue en un 5": a state verb or the twitch
# itself, then a preposition or article, then the number.
_STATE_CUES = frozenset(
    {"estuvo", "esta", "estaba", "anda", "andaba", "andaria", "va", "iba", "sigue", "seguia",
     "queda", "quedo", "ronda", "rondaba", "rondando", "andando", "tic", "tics", "espasmo",
     "espasmos", "temblor", "nivel", "parpado", "ojo", "dolor", "was", "is", "stayed",
     "sat", "sits", "hovering", "hovered", "stuck", "twitch", "twitching", "level",
     # "hoy amanecio en 5", "arranco en 3", "started at a 4"
     "amanecio", "amaneci", "amanece", "amanecimos", "arranco", "arranque", "empezo", "empece",
     "termino", "termine", "anduvo", "estuve", "estoy", "sigo", "started", "ended",
     "finished", "peaked", "began",
     # "el tic hoy fue de 2", "hoy fue de 8"
     "fue", "fueron", "era",
     # "como en cinco", "anduvo como en 7"
     "como"}
)
_STATE_LINKS = frozenset({"en", "el", "de", "por", "un", "una", "a", "at", "around", "about",
                          "como"})
# After a cued rating, words that go on with the sentence rather than name a unit.
_FOLLOW_AFTER_CUE = frozenset(
    {"in", "en", "mas", "more", "or", "nomas", "casi", "todo", "toda", "most", "all", "but",
     "pero", "when", "cuando", "after", "despues", "during", "durante", "earlier", "later",
     "until", "hasta", "then", "luego", "tops", "max", "at", "by", "for", "que", "con",
     "with", "because", "porque", "since", "desde", "nada", "solo", "yesterday", "ayer",
     "this", "esta", "este", "la", "el", "por", "as", "like", "give", "i", "menos",
     "less", "if", "si", "which", "though", "aunque", "y", "and", "del", "around", "alrededor",
     "from", "due", "cause", "cuz", "bc", "thanks"}
)


_ARTICLES = frozenset({"a", "un", "una", "about", "around", "like", "maybe", "prob", "probably"})
# After "a"/"un" a number is a rating however the sentence goes on ("a 6 the whole time",
# "about a four period", "como un ocho la neta"), unless a unit or count noun follows
# ("a 5 minute walk", "a 3 year old", "un 5 de mayo").
_SINGULAR_ARTICLES = frozenset({"a", "an", "un", "una"})
_UNITS_AFTER = frozenset(
    {"minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "h", "day", "days",
     "week", "weeks", "wk", "wks", "month", "months", "year", "years", "yr", "yrs", "yo",
     "old", "pm", "am", "oclock", "o", "clock", "mile", "miles", "km", "block",
     "blocks", "pack", "packs", "percent", "pound", "pounds", "lb", "lbs", "kg", "kilo",
     "kilos", "inch", "inches", "foot", "feet", "ft", "cm", "mm", "m", "meter", "meters",
     "metre", "metres", "step", "steps", "star", "stars", "leaf", "person", "people",
     "course", "way", "piece", "pieces", "part", "parts", "seater", "door", "doors",
     "dollar", "dollars", "buck", "bucks", "euro", "euros", "peso", "pesos", "dias", "dia",
     "horas", "hora", "minutos", "minuto", "semanas", "semana", "meses", "mes", "anos", "ano",
     "de", "del", "cups", "cup", "glass", "glasses", "times", "time", "x", "nd", "st", "rd",
     "th", "page", "pages", "chapter", "mg", "ml", "oz", "cal", "calories", "kilometros",
     "metros", "cuadras", "tazas", "vasos", "veces", "pastillas", "pills", "tablets", "secs",
     "seconds", "second", "segundos", "sec", "shot", "shots", "series", "set", "sets", "rep",
     "reps", "round", "rounds", "night", "nights", "noches", "noche", "-", ":", "/", "%",
     "cafes", "coffees", "beers", "drinks",
     # one of a thing taken: "1 pastilla en la noche", "1 pill at night"
     "pastilla", "pill", "tablet", "tableta", "capsula", "capsule", "dose", "dosis", "gota",
     "gotas", "drop", "drops"}
)


_SAY = frozenset({"diria", "digo", "diriamos", "pondria", "calificaria", "daria", "creo",
                  "dijera", "pongo", "le", "seria"})


def _state_cued(toks: list[str], i: int) -> bool:
    j = i - 1
    steps = 0
    while steps < 3 and _at(toks, j) in _STATE_LINKS:
        j -= 1
        steps += 1
    return steps > 0 and _at(toks, j) in _STATE_CUES


# A number that is a date ("March 3", "3 de marzo", "on the 3rd of May") or a rate ("10 por
# dia", "3 a day", "2 per week", "5 diarios") is never a rating.
_MONTHS = frozenset(
    {"january", "february", "march", "april", "june", "july", "august", "september",
     "october", "november", "december", "jan", "feb", "apr", "jun", "jul", "aug", "sep",
     "sept", "oct", "nov", "dec", "enero", "febrero", "marzo", "abril", "mayo", "junio",
     "julio", "agosto", "septiembre", "setiembre", "octubre", "noviembre", "diciembre"}
)
_PER = frozenset({"por", "per", "a", "an", "al", "each", "every", "cada", "x"})
_PERIODS = frozenset(
    {"day", "dia", "week", "semana", "hour", "hora", "night", "noche", "month", "mes",
     "morning", "manana", "evening", "tarde"}
)
_RATE_WORDS = frozenset({"daily", "diarios", "diarias", "diario", "diaria", "nightly",
                         "weekly", "semanales", "hourly"})


def _date_or_rate(toks: list[str], i: int) -> bool:
    before, after = _at(toks, i - 1), _at(toks, i + 1)
    if before in _MONTHS or after in _RATE_WORDS:
        return True
    if after in ("de", "of") and _at(toks, i + 2) in _MONTHS:
        return True
    return after in _PER and _at(toks, i + 2) in _PERIODS


_AT_LEVEL = frozenset({"peaked", "stayed", "sat", "sits", "hovering", "hovered", "stuck",
                       "started", "ended", "began", "finished", "topped", "maxed"})
_WENT = frozenset({"up", "down", "went", "got", "bajo", "go", "goes", "back"})
_REASON_AFTER = frozenset(
    {"cause", "cos", "coz", "cuz", "because", "bc", "after", "from", "due", "thanks", "with",
     "por", "porque", "pq", "xq", "despues", "tras", "gracias", "con", "en", "-", "/",
     "since", "desde", "all", "todo", "toda", "mostly", "sobre", "this", "esta", "este"}
)
_COUNTING = frozenset(
    {"hold", "holding", "inhale", "exhale", "breathe", "breath", "breaths", "count", "counted",
     "counting", "inhala", "exhala", "respira", "aguanta", "sosten", "manten", "conte"}
)
_HALF = frozenset({"half", "media", "medio", "pico", "quarter"})
# Said right after an opening number: a sigh, or how the twitch felt.
_OPENING_ASIDES = frozenset(
    {"ugh", "uf", "uff", "ufff", "meh", "argh", "ay", "ayy", "ayyy", "uy", "sigh",
     "yikes", "ouch", "oof", "smh", "blah", "bleh", "hmm", "hm", "jeez", "geez", "dang",
     "damn", "ugg", "ughh", "puf", "buf", "uyy", "chale", "nope", "yay", "woo",
     # an apology or "again" for answering late or the same: "6 sorry for the late reply",
     # "5 perdon por no contestar" (and "6 otra vez", in _is_rating)
     "sorry", "sry", "srry", "soz", "apologies", "oops", "perdon", "perdona", "disculpa",
     "disculpe", "disculpen", "again"}
)
_INTENSITY_WORDS = frozenset(
    {"hardly", "barely", "mild", "mildly", "pretty", "really", "super", "very", "rough",
     "bad", "awful", "terrible", "horrible", "annoying", "better", "worse", "not", "light",
     "slight", "casi", "apenas", "leve", "fuerte", "peor", "mejor", "bastante", "muy",
     "poquito", "poco", "tranqui", "tranquilo", "feo", "molesto"}
)
# A number after one of these counts something: "coffee count: 4", "horas de sueño: 6".
_COUNTED = frozenset(
    {"count", "coffee", "coffees", "cups", "cup", "hours", "hrs", "sleep", "slept", "water",
     "glasses", "breaks", "steps", "drinks", "beers", "cafe", "cafes", "horas", "sueno",
     "vasos", "tazas", "pasos", "descansos", "pausas", "screen", "pantalla", "tally",
     "conteo", "cigs", "cigarettes", "cigarros", "naps", "siestas", "meds", "pills"}
)


# "twitch only 2", "tic solo un 3": a word that belittles the number after a twitch label
_ONLY = frozenset({"only", "just", "solo", "nomas", "apenas", "barely"})
# The rating named just before a dash: "rating 8 - deadline week"
_RATING_NAMES = frozenset({"rating", "rated", "rate", "twitch", "twitching", "tic", "tics",
                           "level", "nivel", "score", "today", "hoy", "severity"})


def _is_rating(toks: list[str], i: int, *, in_range: bool = False) -> bool:
    if _at(toks, i - 1) in ("a", "to", "til", "till", "until", "hasta") and _at(
        toks, i - 2
    ).isdigit() and _at(toks, i - 3) in ("de", "from", "desde", "between", "entre"):
        return False  # "dormi de 11 a 6", "from 10 to 6": a span of hours
    if _at(toks, i + 1) in ("punto", "period") and _value(_at(toks, i + 2)) is None and (
        toks[i] not in _ONLY_ALONE
    ):
        # dictated punctuation: "el tic estuvo en cuatro punto dormi bien"
        toks = [*toks[: i + 1], BOUNDARY, *toks[i + 2 :]]
    label_at = i - 2 if _at(toks, i - 1) in (":", "=") else i - 1  # "tic: 1 sueno: 7h"
    if _at(toks, label_at) in _TWITCH_LABELS and _at(toks, label_at) not in ("eye", "ojo") and (
        _at(toks, i + 1) not in _UNITS_AFTER and not _at(toks, i + 1).isdigit()
        and _at(toks, i + 1) not in ("y", "and", "or", "o", "a", "to")
        and toks[i].isdigit()
    ):
        return True  # "tic 4 dormi 6 hrs 2 cafes": a label then its number, however it goes on
    if not in_range:
        if _range_top(toks, i):
            return False  # the range's low end speaks for both numbers
        end = _range_end(toks, i)
        if end is not None:
            # the range reads as one number followed by what follows its top
            return _is_rating([*toks[: i + 1], *toks[end + 1 :]], i, in_range=True)
    tok = toks[i]
    before, after = _at(toks, i - 1), _at(toks, i + 1)
    if before in ("or", "o", "u") and _at(toks, i - 3) in _SINGULAR_ARTICLES and (
        _value(_at(toks, i - 2)) is None
    ):
        return False  # "a drink or two", "a day or two", "un dia o dos": a rough count
    if any(toks[j : j + 2] in (["instead", "of"], ["rather", "than"], ["en", "vez"],
                               ["vez", "de"], ["lugar", "de"])
           for j in range(max(i - 4, 0), i - 1)) and all(
        t not in _EDGES for t in toks[max(i - 3, 0) : i]
    ):
        # "1 coffee instead of 3", "instead of my usual 4", "a las 9 en vez de 8"
        return False
    if before in ("to", "a", "en") and _at(toks, i - 2) in _CHANGE_TO | _WENT and (
        after in _EDGES or after in _FOLLOW_OK or after in _FOLLOW_AFTER_CUE
    ) and tok not in _ONLY_ALONE:
        return True  # "it spiked to 5 after lunch", "subió a 6 en la tarde"
    if after == "mas" and _at(toks, i + 2) == "o" and _at(toks, i + 3) == "menos":
        return True  # "cinco mas o menos"
    if (after in ("de", "of") and _at(toks, i + 2) in ("intensidad", "intensity")) or (
        after in ("intensity", "intensidad")
    ):
        return True  # "nueve de intensidad el tic hoy", "a 6 intensity"
    if after in ("like", "como") and _at(toks, i + 2) in (
        "always", "usual", "normal", "yesterday", "siempre", "ayer", "de", "every"
    ) and before not in _BLOCKERS:
        return True  # "5 like always", "un 4 como siempre", "3 como de costumbre"
    if i == 0 and tok.isdigit() and after == "otra" and _at(toks, i + 2) == "vez":
        return True  # "6 otra vez"
    if before in ("dia", "day") and _at(toks, i - 2) in _SINGULAR_ARTICLES and (
        after in _EDGES or after in _FOLLOW_OK
    ):
        return True  # "hoy fue un dia 3", "a day 6 kind of day": the day rated, not day 3
    if before in _ONLY and (
        not _TWITCH_LABELS.isdisjoint(toks[max(i - 4, 0) : i - 1]) or _at(toks, i - 2) in _NOW
    ) and (
        after in _EDGES or after in _FOLLOW_OK
    ) and tok not in _ONLY_ALONE:
        # "twitch only 2", "twitch was only 3", "hoy solo 3": not "only 2 coffees" (no label)
        return True
    if before in _SINGULAR_ARTICLES and after in ("de", "of") and _at(toks, i + 2) in (
        "los", "las", "the"
    ) and _at(toks, i + 3).isalpha() and _at(toks, i + 3) not in _UNITS_AFTER:
        return True  # "un 10 de los feos", "un 8 de los buenos", "a 10 of the bad kind"
    if after == "-" and before in _RATING_NAMES and _at(toks, i + 2).isalpha():
        return True  # "rating 8 - deadline week", "hoy 6 - mucho estres"
    if i == 0 and tok.isdigit() and (after in _OPENING_ASIDES or (
        after in _INTENSITY_WORDS and _at(toks, i + 2) not in _UNITS_AFTER
    )):
        # The reply opens with the number, then a sigh or a word on how it felt: "8 ugh",
        # "8 uf", "1 hardly any flickers", "6 pretty rough", "3 meh": it answers the daily
        # question. Not "2 hardly slept" (the verb after it is counted by _UNITS_AFTER).
        return True
    if i == 0 and after in _REASON_AFTER and not (
        after == "/" and _at(toks, i + 2).isdigit()
    ) and not (after in ("en", "in") and _at(toks, i + 2).isdigit()):
        # The reply opens with the number, then why or when: "5 cause I had an energy
        # drink", "6 after the long drive", "8 por la bebida", "7 - 3 exams this week",
        # "7 en la mañana": it answers the daily question.
        return True
    if after in ("and", "y") and (
        _at(toks, i + 2) in _HALF or (_at(toks, i + 2) == "a" and _at(toks, i + 3) in _HALF)
    ):
        return False  # "5 and a half hours", "2 y media": a quantity, ratings are whole
    if before in _EDGES or before in ("and", "y", "&"):
        j = i - 1
        while j >= 0 and (toks[j] in _EDGES or toks[j] in ("and", "y", "&") or (
            toks[j].isdigit() and len(toks[j]) <= 2
        )):
            j -= 1
        if j < i - 2 and _at(toks, j) in ("at", "las", "around") and (
            _at(toks, j + 1).isdigit()
        ):
            return False  # "breaks at 10, 1 and 4", "a las 9, 12 y 3": a list of times
    if before in ("of", "de") and _at(toks, i - 2) in _UNITS_AFTER and (
        _at(toks, i - 2).isalpha() and _at(toks, i - 2) not in ("de", "del", "o", "x")
    ):
        return False  # "4 sets of 10", "3 series de 12": a count of the unit
    if before in _COUNTING or (after == "in" and _at(toks, i + 2).isdigit()):
        return False  # "breathe 4 in, 7 hold, 8 out": counted breaths
    if (
        after in ("de", "of") and _at(toks, i + 2) in _TWITCH_LABELS | _PAIN_LABELS
        and before not in _BLOCKERS
    ):
        return True  # "un 9 de tic", "a 6 of twitching"
    if (before in _MONTHS or after in _PER or after in _RATE_WORDS or after in ("de", "of")) and (
        _date_or_rate(toks, i)
    ):
        return False
    alone = before in _EDGES and after in _EDGES
    if tok in ("uno", "one") and before in ("un", "a") and (
        after in _EDGES or after in _FOLLOW_OK
    ):
        return True  # "hoy un uno", "today a one"
    if tok in _ONLY_ALONE:
        return alone
    if (
        before in _SINGULAR_ARTICLES
        and after not in _UNITS_AFTER
        and not after.isdigit()
        and not (after == "por" and _at(toks, i + 2) == "ciento")
        # "a 10 of the 12 breaks": a part of a count
        and not (after in ("of", "de") and any(t.isdigit() for t in toks[i + 2 : i + 4]))
        and _at(toks, i - 2) not in ("for", "at", "since", "until", "til", "till", "by")
    ):
        return True
    if after in _EDGES or after in _FOLLOW_OK:
        # "I would put it at 9", "le pongo un 8", "diría que 3"
        if before == "at" and _at(toks, i - 2) in ("it", "its", "that", "this", "them", "pain"):
            return True
        # "the twitch at 3", "twitching at a 4 today"
        if before == "at" and _at(toks, i - 2) in _TWITCH_LABELS and after not in (
            "pm", "am", "oclock", "o", "in"
        ):
            return True
        if before == "que" and _at(toks, i - 2) in _SAY:
            return True
    cued = before in _CUES or _state_cued(toks, i)
    if after in ("in", "en") and not (before in _ARTICLES or _state_cued(toks, i)):
        cued = False  # "it was 2 in the morning" is a time
    if cued and (tok.isdigit() or _state_cued(toks, i)) and (
        after in _EDGES or after in _FOLLOW_OK or after in _FOLLOW_AFTER_CUE
    ) and (before not in ("for", "since", "at", "by", "until", "till", "in", "x") or (
        before == "at" and _state_cued(toks, i) and after not in ("pm", "am", "oclock") and (
            _at(toks, i - 2) in _AT_LEVEL
            or not _TWITCH_LABELS.isdisjoint(toks[max(i - 4, 0) : i - 1])
        )
    )):  # "peaked at 8", "eye was at 7": not "my appointment is at 4"
        return True  # "about a 5 in the afternoon", "un 6 mas o menos", "estuvo en 6 casi"
    if before in (":", "-") and _at(toks, i - 2).isalpha() and after in _EDGES and (
        _COUNTED.isdisjoint(toks[max(i - 4, 0) : i - 1])
    ):
        return True  # "Monday: 3", not "coffee count: 4" or "hours slept: 6"
    if after == "-" and before in _EDGES and _at(toks, i + 2).isalpha():
        return True  # "6 - stressful day"
    if before in _BLOCKERS or after in ("-", ":", "/", "%"):
        return False
    if after == "on":
        # "4 on the left side" is a rating; "2 on the bus" is not worth the risk.
        if _at(toks, i + 2) not in ("the", "my", "left", "right", "both"):
            return False
    elif after not in _EDGES and after not in _FOLLOW_OK:
        return False  # "5 days", "3 pm", "2 cups", "20 20 20"
    if tok.isdigit():
        return True
    # Spelled-out numbers need a cue or to stand alone ("seven", "its a seven", "el tic
    # estuvo en cuatro").
    return alone or before in _CUES or after in _FOLLOW_OK or _state_cued(toks, i)


# --- The lenient pass: any 0-10 number nothing marks as something else -----------------------
# The reply answers "rate it 0-10", so a number there is the rating unless a unit, a time, a
# date, a count or another scale claims it ("Madam today twitching is 5 only", "uno nomas",
# "Today is number 4 sir", "hoy fue 6 el tic"). Used only when the strict pass found none.
_LENIENT_BLOCKERS = frozenset(
    {"for", "since", "by", "until", "till", "til", "in", "last", "past", "per", "every",
     "cada", "desde", "hasta", "durante", "hace", "x", "#", "page", "room", "day", "dia",
     "step", "paso", "chapter", "version", "v", "age", "aged", "edad", "mg", "las", "top",
     "than", "over", "under", "within", "next", "first", "took", "drank", "had", "ate",
     "slept", "dormi", "tome", "plus", "+", "minus", "times", "twice", "around", "near",
     "bus", "route", "line", "linea", "ruta", "channel", "canal", "floor", "piso", "grade",
     "grado", "size", "talla", "level", "nivel", "gate", "seat", "apt", "unit", "no", "ni",
     "not", "sin", "without", "the", "el", "los", "my", "mi", "mis", "these", "those",
     "esos", "esas", "other", "otro", "otra", "otros", "otras", "turns", "turned", "turning",
     "cumple", "cumplio", "cumplir", "week", "semana", "month", "mes", "round", "session",
     "sesion", "after", "before", "despues", "antes", "lesson", "leccion", "module", "modulo",
     "phase", "fase", "stage", "etapa"}
)
# "a las 6", "at 3", "a eso de las 5": a time, unless "at" follows it/its ("its at 6")
_TIME_BEFORE = frozenset({"at"})
_DAY_PARTS = frozenset({"the", "la", "el", "morning", "afternoon", "evening", "night",
                        "manana", "tarde", "noche", "madrugada"})
# Words ending in s after a rating that count nothing: verbs ("4 feels better", "2 vamos
# mejorando") and adverbs.
_NOT_PLURALS = frozenset(
    {"feels", "seems", "looks", "gets", "goes", "keeps", "comes", "stays", "means", "makes",
     "takes", "lasts", "says", "does", "this", "thus", "plus", "less", "unless", "always",
     "perhaps", "sometimes", "afterwards", "pues", "ademas", "entonces", "despues", "antes",
     "menos", "apenas", "quizas", "estas", "estes", "sigues", "vienes", "tienes", "eres"}
)
_FILLERS = frozenset({"hmm", "hm", "hmmm", "um", "umm", "uh", "eh", "mmm", "mm", "pues",
                      "bueno", "well", "ok", "okay", "so", "este", "ehh"})


def _lenient_candidate(toks: list[str], i: int) -> bool:
    tok, before, after = toks[i], _at(toks, i - 1), _at(toks, i + 1)
    if tok in _ONLY_ALONE:
        # "uno nomas", "un uno chiquito", "a one": the word is the number only like this
        if tok in ("un", "una", "none", "ninguno", "ninguna"):
            return False
        if not (before in ("un", "a") or (before in _EDGES and (
            after in _EDGES or after in _FOLLOW_OK
        )) or (before in ("en", "at") and _at(toks, i - 2) in _TWITCH_LABELS)):
            return False  # not "one of those days"; yes "un uno", "uno nomas", "tic en uno"
    if _scale_end(toks, i) or _scale_ten(toks, i) or _range_top(toks, i):
        return False
    if after.isdigit() or (after in _EDGES and _at(toks, i + 2).isdigit() and (
        len(_at(toks, i + 2)) == 3 or (before in _EDGES and _at(toks, i - 2).isdigit())
    )):
        return False  # "10,000 steps", "1,60 m", "2.5": one larger number, not a rating
    if after in _UNITS_AFTER and not _explicit_scale(toks, i) and not (
        after in ("de", "of") and _at(toks, i + 2) in ("intensidad", "intensity")
    ) and not (
        # "el ojo en 5 de los nervios", "un 6 del estres": why, not what is counted
        (after in ("de", "del") and _at(toks, i + 2) in ("los", "las", "la", "el", "tanto")
        and _at(toks, i + 3).isalpha() and _at(toks, i + 3) not in _UNITS_AFTER
        and _at(toks, i + 3) not in _DAY_PARTS and _at(toks, i + 3) not in _MONTHS)
        or (after == "del" and _at(toks, i + 2) in ("estres", "cansancio", "sueno", "susto"))
    ):
        return False
    if before in _LENIENT_BLOCKERS and not (before == "no" and _at(toks, i - 2) in _EDGES):
        return False
    if before in _TIME_BEFORE and _at(toks, i - 2) not in ("it", "its", "like", "como"):
        return False
    if before in _MONTHS or _date_or_rate(toks, i) or before in _COUNTING:
        return False
    if after in ("in", "en", "por") and _at(toks, i + 2) in _DAY_PARTS:
        return False  # "2 in the morning", "3 por la tarde": a time
    if before in ("or", "o", "u") and _at(toks, i - 3) in _SINGULAR_ARTICLES and (
        _value(_at(toks, i - 2)) is None
    ):
        return False  # "a drink or two", "un dia o dos": a rough count
    if any(toks[j : j + 2] in (["instead", "of"], ["rather", "than"], ["en", "vez"],
                               ["vez", "de"], ["lugar", "de"])
           for j in range(max(i - 4, 0), i - 1)):
        return False  # "one beer instead of my normal 3"
    if before in ("de", "from", "desde", "between", "entre") and after in (
        "a", "to", "til", "till", "until", "hasta", "-"
    ) and _at(toks, i + 2).isdigit():
        return False  # "trabaje de 8 a 5", "from 9 to 5": a span of hours
    if before in ("a", "to", "til", "till", "until", "hasta", "-") and _at(
        toks, i - 2
    ).isdigit() and _at(toks, i - 3) in ("de", "from", "desde", "between", "entre"):
        return False
    top = _range_end(toks, i) or i
    for k in (top + 1, top + 2):
        word = _at(toks, k)
        if word in _EDGES:
            break
        if word.isalpha() and len(word) > 3 and word.endswith("s") and word not in _FOLLOW_OK \
                and word not in _FOLLOW_AFTER_CUE and word not in _FILLERS \
                and word not in _TWITCH_LABELS and word not in _NOT_PLURALS \
                and not word.endswith("mos"):
            return False  # "2 naps", "3 short bursts", "2 energy drinks": a count
    end = i
    while end < len(toks) and toks[end] not in _EDGES:
        end += 1
    if _at(toks, end) == QUESTION:
        return False  # "What does 10 mean again?": asked about, not given
    start = i
    while start > max(i - 4, 0) and toks[start - 1] not in _EDGES:
        start -= 1
    if not _COUNTED.isdisjoint(toks[start:i]):
        return False  # "coffee count 4", "horas de sueno 6"
    return _label(toks, i) not in ("pain", "other") and not _of_pain(toks, i)


def _lenient_all(toks: list[str]) -> list[tuple[int, int]]:
    return [
        _top(toks, value, i) for i, tok in enumerate(toks)
        if (value := _value(tok)) is not None and _lenient_candidate(toks, i)
    ]


def _lenient(toks: list[str]) -> tuple[int, int] | None:
    found = _lenient_all(toks)
    rated = {i for _, i in found}
    # a number the reply gives as something else: a count, a time, a unit
    claimed = any(
        i not in rated and (tok.isdigit() or (_value(tok) is not None and tok not in _ONLY_ALONE))
        and not (_range_top(toks, i) or _scale_ten(toks, i))
        for i, tok in enumerate(toks)
    )
    if not found:
        return None
    twitch = [(v, i) for v, i in found if _label(toks, i) == "twitch"]
    if twitch:
        return _latest(twitch, toks)
    if claimed:
        return None  # "2 cafes, 1 monster y 6 horas": a list of counts, not a rating in it
    if len({v for v, _ in found}) == 1:
        return found[0]
    return _latest(found, toks)


# --- A rating corrected or summed up later in the reply ----------------------------------------
# "6, no wait, more like 4", "un 6... no, mejor dicho un 3", "dije 8 pero fue mas bien un 5",
# "primero un 3, luego un 7, asi que 7": the later number stands.
_CORRECTIONS: tuple[tuple[str, ...], ...] = tuple(
    tuple(p.split())
    for p in (
        "no wait", "actually", "i mean", "more like", "more of a", "more of", "rather",
        "scratch that", "make that", "correction", "mejor dicho", "mas bien", "bueno no",
        "en realidad", "corrijo", "asi que", "so its", "so a", "so like", "call it",
        "call the day", "call today", "le pongo", "le doy", "ill say", "ill give",
        "id give the day", "final answer", "digamos", "or rather",
    )
)
_CORRECTION_REACH = 5


def _corrected(toks: list[str], found: tuple[int, int]) -> tuple[int, int]:
    value, at = found
    for j in range(at + 1, len(toks)):
        later = _value(toks[j])
        if later is None or toks[j] in ("un", "una", "a") or not _lenient_candidate(toks, j):
            continue
        window = toks[max(at + 1, j - _CORRECTION_REACH) : j]
        joined = f" {' '.join(window)} "
        if any(f" {' '.join(p)} " in joined for p in _CORRECTIONS) or (
            toks[j - 1] == "so" and _at(toks, j - 2) in _EDGES
        ):
            value, at = _top(toks, later, j)
    return value, at


# --- None, said in words the strict pass does not list ------------------------------------------
# "Happy to say none", "a big fat zero", "free of twitching", "ni rastro del tic",
# "hoy estuvo quieto el parpado", "el tic no vino hoy": a zero when the reply gives no number.
_TWITCH_NOUNS = (
    r"(?:twitch\w*|spasm\w*|flutter\w*|flicker\w*|jump\w*|tics?|espasmos?|brinc\w*|brinqu\w*|"
    r"salt\w*|"
    r"temblor\w*|movimientos?|parpadeos?|eye jumping|eyelid jumping)"
)
_STILL = r"(?:still|quiet|calm|calmo|calmado|calmada|quieto|quieta|tranquilo|tranquila)"
_BODY = r"(?:eye|eyelid|lid|face|ojo|parpado|cara)"
_SAID_NONE = re.compile(
    "|".join((
        # "none" as the answer, not "none of the exercises"
        r"(?:^|\| |\b(?:say|absolutely|just|so far|honestly|today|hoy|zero|nope)\b )none"
        r"(?! (?:of|de|left|needed|since|after|before|until|till|yet)\b)"
        r"(?: that i (?:noticed|saw|felt)|\b)",
        r"\bnone that i (?:noticed|saw|felt|could tell)\b",
        # the eye named, then not felt or not moved at all: "el ojo ni lo senti", "no le
        # brinco nada el ojo"
        r"\b(?:ojo|parpado|eye|eyelid|tic|twitch) (?:ni|no) (?:lo |la )?(?:senti|"
        r"sentido)\b",
        r"\bno (?:me |le |se me |se le )?(?:brinco|salto|temblo|movio|molesto|dio|tiro) (?:nada|"
        r"para nada|en todo el dia|ni un poco)\b",
        # the twitch named, then none: "twitch none", "tic: nada", "spasms zero"
        r"\b(?:twitch\w*|tics?|spasms?|espasmos?|eyelid|parpado)(?: (?:was|is|level|today|hoy|"
        r"fue|:))? (?:none|nada|nil|zilch|ninguno)\b(?! (?:of|de|mas|more)\b)",
        # "ni un brinquito", "not one tiny twitch": not a single one, diminutives too
        r"\bni (?:un|una) (?:solo |sola )?(?:brinc\w*|brinqu\w*|saltit\w*|temblorcit\w*|tiquit\w*|"
        r"espasmit\w*|movimientit\w*)\b",
        # "twitching? what twitching": none, said as a shrug
        r"\bwhat (?:twitch\w*|spasms?|tics?|flutter\w*)(?: [?|])*$",
        r"\b(?:que|cual) (?:tic|espasmo|temblor)(?: [?|])*$",
        r"^(?:i )?(?:didnt|did not|havent|hasnt|havnt) (?:have|had|get|got|feel|felt|notice|"
        r"noticed|see|seen) (?:a single one|any|one)(?: (?:today|at all|so far|tonight))*(?: \||$)",
        r"\b(?:a )?big fat (?:zero|0)\b", r"\bcero (?:patatero|absoluto|total|pelotero)\b",
        r"^(?:nought|naught|zilch|nadita|nadota|nadina)\b",
        # "nada parce, dia perfecto", "nothing mate": none, then who is told
        r"^(?:nada|nadita|nothing|nil|zilch) (?:mano|wn|weon|guey|wey|bro|bruh|dude|man|mate|"
        r"girl|sis|che|boludo|boluda|parce|parcero|pana|chamo|chama|mija|mijo|amiga|amigo|"
        r"hermano|hermana|compa|carnal|doc|doctor|doctora|senora|senor|loco|loca)\b",
        r"\b(?:free of|libre de|sin (?:ningun|nada de)) " + _TWITCH_NOUNS,
        r"\btwitch ?less\b",
        r"\b(?:ni|no hay|no quedo) rastro (?:del?|de los) " + _TWITCH_NOUNS,
        r"(?<!casi )(?<!almost )(?<!apenas )\b(?:nada|na) de " + _TWITCH_NOUNS,
        r"\bsin (?:ningun|ni un) (?:movimiento|brinco|salto|tic)\b",
        r"\b(?:had|have|got|hubo|tuve|hay) no " + _TWITCH_NOUNS,
        r"\bno (?:hubo|tuve|he tenido|senti) (?:ni un |ningun |nada de )?" + _TWITCH_NOUNS,
        r"\bno (?:me )?(?:dio|dieron|tuve|paso) nada\b",
        r"^(?:hoy )?no me (?:dio|ha dado|vino)\b(?! (?:tiempo|chance|ganas|hambre|risa))",
        r"\b(?:el tic|el espasmo|the twitch|it) (?:no|ni) (?:se )?(?:vino|vino hoy|aparecio|"
        r"asomo|dio)\b",
        r"^(?:hoy )?ni se (?:aparecio|asomo|movio|sintio)\b",
        r"\bni se (?:aparecio|asomo) (?:el|la) (?:tic|espasmo|parpado|temblor)\b",
        r"\b(?:didnt|did not|never) (?:happen|show|come)\b(?: (?:up|on|at all|today|once))",
        r"\bnot (?:even )?(?:once|one|a (?:little|tiny|single|small)) ?(?:twitch|jump|flicker|"
        r"flutter|spasm)?\b(?! (?:of|coffee|cup|break|day|time|hour))",
        r"\bno se (?:me )?movio (?:el |mi )?(?:ojo|parpado) (?:para nada|en todo el dia|nada)\b",
        # still all day: "my eye was quiet the whole day", "estuvo quieto el parpado"
        r"\b" + _BODY + r" (?:was|stayed|has been|estuvo|se quedo|se mantuvo) (?:totally |"
        r"completely |perfectly |super |bien )?" + _STILL + r"\b(?: (?:the whole|all) day|"
        r" todo el dia)",
        r"\b(?:estuvo|se quedo|se mantuvo) " + _STILL + r" (?:el|mi) (?:ojo|parpado) (?:todo el "
        r"dia|para nada)\b",
    ))
)
# "completely calm, eyelid behaved": calm said of the day, when the eye is named
_CALM = re.compile(r"\b(?:totally|completely|perfectly|todo|toda) " + _STILL + r"\b")
_NAMES_THE_EYE = re.compile(r"\b" + _BODY + r"s?\b|\b" + _TWITCH_NOUNS + r"\b")


def _said_none(toks: list[str]) -> tuple[int, int] | None:
    joined = " ".join(toks)
    match = _SAID_NONE.search(joined)
    if match is None and _NAMES_THE_EYE.search(joined):
        match = _CALM.search(joined)
    if match is None:
        return None
    return 0, joined[: match.start()].count(" ")
