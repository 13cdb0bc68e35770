"""ConText-style reading of a symptom mention: is it affirmed, and whose is it?

A trigger term opens a scope (negation, resolved history, hypothetical) that runs over a few
words in one direction and ends at a clause boundary (the tokenizer splits clauses at
punctuation, line breaks, emoji and "but"/"pero") or at a terminator such as "and" or a new
first-person subject ("no pain my face is drooping" affirms the drooping). Only what is
clearly negated, past or hypothetical is set aside: anything uncertain stays affirmed.
"""

from __future__ import annotations

import re
from enum import Enum

from coach.core.triage.lexicon import word_set as _word_set


class Status(Enum):
    AFFIRMED = "affirmed"
    NEGATED = "negated"
    HISTORICAL = "historical"
    HYPOTHETICAL = "hypothetical"


PRE_WINDOW = 6  # words a negation reaches forward, as in NegEx
HYPO_WINDOW = 12

_NEGATIONS: frozenset[tuple[str, ...]] = frozenset(
    tuple(t.split())
    for t in (
        "no", "not", "never", "without", "nor", "neither", "none", "zero", "denies", "deny",
        "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "havent", "hasnt",
        "hadnt", "free of", "nothing", "no longer", "nope", "nah", "negative for", "lack of",
        "sin", "nunca", "ni", "tampoco", "ningun", "ninguna", "ninguno", "nada", "jamas",
        "ya no",
        # Scots: "nae blurriness", "dinnae feel numb"
        "nae", "dinnae", "didnae", "isnae", "wasnae",
        # "cero vision doble", "cero dolor": zero of a thing is none of it
        "cero",
    )
)
# "no idea why my face is drooping" does not negate the drooping.
_PSEUDO_AFTER = frozenset(
    {"idea", "sure", "doubt", "only", "just", "matter", "wonder", "clue", "se", "estoy",
     "know", "think", "joke", "kidding", "lie", "way", "question", "entiendo",
     "change", "better", "improvement",
     # slang: "no cap" and "no lie" mean "honestly"
     "cap", "capping", "lies", "jk", "bs", "manches", "mames", "mamar", "miento"}
)
_CLITICS = frozenset({"me", "le", "te", "nos", "les", "lo", "la", "los", "las"})
# A negation's scope stops at these: a new subject or clause starts.
_TERMINATORS = frozenset(
    {"and", "y", "so", "then", "i", "im", "ive", "my", "yo", "mi", "now", "ahora", "still",
     "todavia", "sigo", "which", "that", "que", "because", "since", "porque", "cause",
     "plus", "also", "tambien", "suddenly", "today", "hoy", "just"}
)
_RECENT = frozenset(
    {"now", "today", "again", "still", "started", "starting", "since", "tonight", "morning",
     "yesterday", "currently", "suddenly", "ahora", "hoy", "otra", "todavia", "sigo",
     "empezo", "ayer", "manana", "new"}
)
_HISTORY_PHRASES: tuple[tuple[str, ...], ...] = tuple(
    tuple(t.split())
    for t in (
        "used to", "years ago", "year ago", "yrs ago", "last year", "long ago",
        "long time ago", "ages ago", "months ago", "as a kid", "as a child", "as a teenager",
        # "when i was" only with an age or a life stage: "when i was reading the menu" is
        # this afternoon
        "when i was little", "when i was young", "when i was younger", "when i was a kid",
        "when i was a child", "when i was a teen", "when i was a teenager", "when i was a baby",
        "when i was pregnant", "when i was in school", "when i was in college",
        "when i was in high school", "when i was at school", "when i was at uni",
        "when i was in uni", "when i was a student", "when i was in my twenties",
        "when i was in my 20s", "when i was in my thirties", "when i was in my 30s",
        "in the past", "history of", "back in", "previously", "years back",
        "once had", "in college", "in high school", "childhood", "solia", "hace anos",
        "hace mucho", "el ano pasado", "de nino", "de nina", "de pequeno", "de pequena",
        "cuando era", "antes tenia", "en el pasado", "hace tiempo", "hace meses",
        "historial de", "antecedentes de", "last spring", "last summer", "last winter",
        "last fall", "last autumn", "last month", "el mes pasado", "la primavera pasada",
        "el verano pasado", "el invierno pasado", "el otono pasado",
        # Family history: a relative's long-standing condition, not a current symptom.
        "runs in the family", "runs in my family", "runs in our family", "runs in the fam",
        "family history", "her whole life", "his whole life", "their whole life",
        "all her life", "all his life", "all their lives", "toda su vida", "de familia",
        "viene de familia", "en mi familia", "en la familia", "es hereditario", "hereditary",
        "es genetico", "its genetic",
        # A relative who has died: what they had is family history ("my late aunt couldnt
        # swallow after her stroke", "mi difunto abuelo no podia hablar").
        "my late", "his late", "her late", "our late", "their late", "passed away",
        "before she passed", "before he passed", "before they passed", "before she died",
        "before he died", "when she died", "when he died", "before passing", "mi difunto",
        "mi difunta", "su difunto", "su difunta", "mi finado", "mi finada", "su finado",
        "su finada", "que en paz descanse", "qepd", "que en gloria este", "antes de morir",
        "antes de fallecer", "fallecio", "murio", "se murio", "month ago", "a month ago",
        "hace un mes", "hace una temporada", "back when", "summers ago", "winters ago",
        "springs ago", "falls ago", "antes era", "antes estaba", "that was years ago",
        # Lifelong: "i cant whistle, never could", "my handwriting was always bad".
        "never could", "never been able", "never have been able", "never was able",
        "nunca he podido", "nunca pude", "nunca supe", "always been", "was always",
        "always was", "always had", "all my life", "my whole life", "my entire life",
        "toda mi vida", "siempre ha sido", "siempre fue", "siempre he tenido", "since birth",
        "desde que naci", "desde nino", "desde nina", "from birth",
        # Childhood: "mi prima tuvo parálisis de Bell de chica", "he had it as a boy".
        "de chica", "de chico", "de chiquita", "de chiquito", "de joven", "de adolescente",
        "de bebe", "de chamaco", "de chamaca", "de escuincle", "de pelado", "de pelada",
        "de cria", "de guagua", "de peque", "cuando chica", "cuando chico", "as a girl",
        "as a boy", "as a baby", "as a toddler", "as a teen", "growing up",
        "when she was little", "when he was little", "when i was little", "when she was young",
        "when he was young", "when she was a kid", "when he was a kid", "in her teens",
        "in his teens",
    )
)
_HYPO_STRONG: tuple[tuple[str, ...], ...] = tuple(
    tuple(t.split())
    for t in (
        "what if", "if", "in case", "should i worry", "should i be worried",
        # "suppose my vision got blurry, is that an emergency?"
        "suppose", "supposing", "imagine", "hypothetically", "say if", "lets say",
        "should i be concerned", "is it possible", "can this cause", "could this cause",
        "can it cause", "could it cause", "does it cause", "will it cause", "can twitching",
        "will i get", "could i get", "might i get", "can i get", "watch for", "watch out for",
        "look out for", "when should", "unless", "what happens if", "afraid of getting",
        "scared of getting", "worried about getting", "prevent", "lead to", "turn into",
        "how do i know", "how would i know", "what are the", "does that mean",
        "que pasa si", "y si", "si", "en caso de", "por si", "deberia preocuparme",
        "puede causar", "puede provocar", "cuando debo", "a menos que", "como se si",
        # a fear of what may come: "tengo miedo de que vuelva la parálisis", "afraid it will"
        "miedo de que vuelva", "miedo a que vuelva", "miedo de que regrese",
        "miedo a que regrese", "miedo de que me vuelva", "miedo de que me de",
        "miedo de que me pase", "afraid it will", "afraid it might", "afraid itll",
        "scared it will", "scared it might", "worried it will", "worried it might",
        "worried itll", "afraid of it coming back", "scared of it coming back",
    )
)
# Weak triggers are overruled by a first-person mention between them and the symptom:
# "worried about blurred vision" is a question, "worried about my blurred vision" is not.
_HYPO_WEAK: tuple[tuple[str, ...], ...] = tuple(
    tuple(t.split())
    for t in (
        "worry about", "worried about", "concerned about", "sign of", "signs of",
        "symptom of", "symptoms of", "risk of", "chance of", "chances of", "me preocupa",
        "sintomas de", "senales de", "riesgo de", "side effect", "side effects",
    )
)
_IF_EXCEPTIONS = frozenset(
    {"sure", "know", "wonder", "wondering", "tell", "unsure", "check", "see", "asking",
     "notice", "as", "even", "se", "saber", "idk", "clue", "idea"}
)
_FIRST_PERSON = frozenset({"my", "i", "im", "ive", "mi", "me", "tengo", "yo"})
_POST_FILLER = frozenset(
    {"is", "are", "was", "were", "seems", "seem", "feels", "feel", "looks", "look", "now",
     "all", "totally", "completely", "has", "have", "been", "back", "to", "pretty", "much",
     "mostly", "-", ":", "esta", "estan", "se", "me", "ya", "todo", "perfectly", "basically",
     "seemed", "ha", "han", "is all", "entirely", "fully", "it", "its"}
)
_POST_RESOLVED = frozenset(
    {"fine", "ok", "okay", "normal", "good", "gone", "resolved", "cleared", "none", "nope",
     "bien", "normales", "perfecta", "perfecto", "perfect", "clear", "nothing", "ninguna",
     "fue", "quito", "paso"}
)
_BARE_ANSWERS = frozenset({"no", "nah", "naw", "nada", "negative", "negativo", "nil", "nop"})
_OTHER_PEOPLE = _word_set(
    """mom moms mother mothers mum mums mama mamas dad dads father fathers papa papas
    husband husbands wife wifes son sons daughter daughters sister sisters brother brothers
    friend friends partner partners boyfriend boyfriends girlfriend girlfriends grandma
    grandmas grandmother grandmothers grandpa grandpas grandfather grandfathers aunt aunts
    uncle uncles kid kids child childs baby babys coworker coworkers colleague colleagues
    neighbor neighbors neighbour neighbours cousin cousins he she his her hes shes him they
    their theyre hubby nana granny madre padre esposo esposa marido mujer hijo hija hermano
    hermana abuela abuelo amigo amiga novio novia tia tio prima primo vecino vecina bebe
    companero companera suegra suegro ella su le"""
)
_SELF = frozenset({"i", "im", "ive", "my", "me", "myself", "mine", "yo", "mi", "tengo", "estoy"})


def _ends_with(toks: list[str], end: int, phrase: tuple[str, ...]) -> bool:
    start = end - len(phrase)
    return start >= 0 and tuple(toks[start:end]) == phrase


_Phrases = tuple[tuple[str, ...], ...]
_BY_LAST: dict[int, tuple[_Phrases, dict[str, _Phrases]]] = {}


def _by_last(phrases: _Phrases) -> dict[str, _Phrases]:
    """Phrases indexed by their last word, so a scan costs one lookup per token."""
    entry = _BY_LAST.get(id(phrases))
    if entry is None or entry[0] is not phrases:
        grouped: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            grouped.setdefault(phrase[-1], []).append(phrase)
        entry = (phrases, {word: tuple(group) for word, group in grouped.items()})
        _BY_LAST[id(phrases)] = entry
    return entry[1]


def _find(toks: list[str], lo: int, hi: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """Index just past the last phrase ending in toks[lo:hi], or -1."""
    index = _by_last(phrases)
    for end in range(hi, lo, -1):
        for phrase in index.get(toks[end - 1], ()):
            if end - len(phrase) >= lo and _ends_with(toks, end, phrase):
                return end
    return -1


def status(
    toks: list[str], start: int, end: int, *, fixed_phrase: bool = False,
    never_hypothetical: bool = False,
) -> Status:
    """How the mention toks[start:end] is asserted within its clause `toks`.

    `fixed_phrase` marks mentions whose own words may include a negation ("never stops",
    "without a break"), so only the words around them are read. `never_hypothetical` is for
    talk of self-harm: "if this doesn't stop I'll kill myself" is a threat, not a what-if."""
    if (not fixed_phrase and _negated_inside(toks, start, end)) or _negated_before(
        toks, start, conditional_ok=never_hypothetical
    ):
        return Status.NEGATED
    if _resolved_after(toks, end) and not _inability(toks, start, end):
        return Status.NEGATED
    if _past_episode(toks, start, end) and not recent(toks):
        return Status.HISTORICAL
    if not never_hypothetical and (
        _hypothetical(toks, start) or _find(toks, end, len(toks), _HYPO_AFTER) != -1
    ):
        return Status.HYPOTHETICAL
    if _historical(toks):
        return Status.HISTORICAL
    return Status.AFFIRMED


# The palsy named as the episode a patient is recovering from, or a relative's past one, is
# not a new symptom: "Día 30 tras la parálisis", "3 weeks after my Bell's palsy", "recovering
# from the paralysis", "Mi mamá tuvo parálisis de Bell dos veces".
_EPISODE_NOUNS = frozenset({"paralysis", "palsy", "bells", "bell", "paralisis", "paralizacion"})
_EPISODE_FILLER = frozenset({"the", "my", "her", "his", "la", "mi", "su", "el", "that", "this",
                             "esa", "esta", "una", "a", "facial"})
_AFTER_EPISODE = frozenset({"after", "since", "post", "tras", "desde", "following"})
_RECOVERING = frozenset(
    {"recovering", "recovery", "recovered", "despues", "recuperandome", "recuperacion",
     "recuperando", "recuperada", "recuperado", "recuperarme", "healing", "healed"}
)
_HAD = frozenset({"had", "tuvo", "padecio", "sufrio"})
# "la doctora me dio de alta de la parálisis", "discharged from the palsy clinic"
_DISCHARGED = frozenset({"alta", "discharged", "cleared", "curado", "curada", "cured"})
_CAN_I = frozenset({"can", "could", "should", "may", "ok", "okay", "safe", "puedo", "podria",
                    "debo", "deberia", "conviene", "bueno", "malo", "recomendable"})


def _past_episode(toks: list[str], start: int, end: int) -> bool:
    noun = next((i for i in range(start, min(end, len(toks))) if toks[i] in _EPISODE_NOUNS), -1)
    if noun == -1:
        return False
    j = noun - 1
    while j >= 0 and noun - j <= 3 and toks[j] in _EPISODE_FILLER:
        j -= 1
    if j < 0:
        return False
    word = toks[j]
    if word in ("from", "de"):
        return j > 0 and toks[j - 1] in _RECOVERING | _DISCHARGED
    if word in ("with", "con"):
        # "can I exercise with Bell's palsy?", "¿puedo manejar con la parálisis?": the
        # diagnosis a patient lives with, asked about, is no new symptom
        return not _CAN_I.isdisjoint(toks[:j])
    if word in _HAD:
        # a relative's: "my mum had Bell's palsy twice" (one's own is read by _historical)
        return any(t in _OTHER_PEOPLE for t in toks[max(0, j - 3) : j])
    return word in _AFTER_EPISODE or word in _RECOVERING


# A pattern's gap may swallow a negation ("face is not weak"); these negate from inside the
# match unless the next word makes the negation part of the symptom ("no puedo tragar",
# "not able to", "face isnt moving").
_INSIDE_NEGATIONS = frozenset(
    {"no", "not", "never", "nothing", "without", "sin", "nunca", "ni", "isnt", "arent",
     "wasnt", "werent", "nope"}
)
_SYMPTOM_AFTER_NEGATION = frozenset(
    {"able", "moving", "working", "right", "stopping", "responding", "opening", "closing",
     "move", "close", "puedo", "podia", "pude", "puede", "podemos", "logro", "consigo", "se",
     "me", "le", "siento", "salen", "veo", "pasa", "para", "ha", "deja", "la", "lo", "las",
     "los", "cesa", "fuerza", "aire", "aliento", "razon", "ganas", "motivo", "reason",
     "point", "will", "more", "longer", "vale", "tiene", "quiero", "stop", "stops",
     "stopped", "ending", "parar", "descanso", "detenerse", "worth", "mi", "to", "wake",
     "despertar", "despertara", "despertarme", "despertaria", "existir", "seguir", "estar",
     "vivir", "haber", "volver", "exist", "be", "see", "encuentro", "hay", "deseo",
     "sube", "responde", "funciona", "obedece", "cierra", "levanto", "muevo", "entienden",
     "entiende", "encuentra", "baja", "bajan", "pasan", "entra", "seal", "sealing", "focus",
     "focusing", "way", "hope", "future", "enough", "air", "understand", "lift", "going",
     "parpadea", "parpadean", "pestanea", "pestanean", "cerraba", "cierran", "blink",
     "blinks", "blinking", "amanecer", "amanezca", "amaneciera", "despierte", "van", "vas",
     "va", "voy", "vaya", "stay", "puedes", "pueden", "being",
     # "making no sense", "no habla claro", "like never before"
     "sense", "sentido", "habla", "hablo", "pronuncia", "pronuncio", "before", "antes",
     "making",  # "says i'm not making sense"
     # "casi no respira", "ya no respiraba"
     "respira", "respiraba", "respiro", "respiran", "respirar", "respirando", "breathing",
     # "Swallowing? not good", "la vista no muy bien": a bad state, not a denial
     "good", "great", "bien", "muy", "tan", "normal", "easy", "clear", "claro", "clara",
     "well", "anda",
     # "wish i wasnt alive", "wish i werent born": the wish is the symptom
     "alive", "born", "here", "around"}
)


# "la vista normal, nada borroso", "nothing blurry": these negate only the word they precede,
# so they count inside a mention only right before its last word.
_NOTHING = frozenset({"nada", "nothing"})


def _negated_inside(toks: list[str], start: int, end: int) -> bool:
    # A negation at the very start is the pattern's own ("no puedo tragar").
    if end - start >= 3 and toks[end - 2] in _NOTHING:
        return True
    for i in range(start + 1, end):
        if toks[i] in _INSIDE_NEGATIONS:
            if toks[i] in ("nunca", "never") and (
                {"como", "like"} & set(toks[max(0, i - 3) : i])
            ):
                continue  # "me duele como nunca", "like ive never had": a comparison
            following = toks[i + 1] if i + 1 < len(toks) else ""
            if following not in _SYMPTOM_AFTER_NEGATION:
                return True
            if following == "se" and _denied_sign(toks[i + 2 : i + 4]):
                return True
    return False


# "no se me cae", "no se le tuerce": a sign of weakness denied, unlike "no se me abre", "no se
# mueve" (the inability is the symptom)
_SIGNS = frozenset({"cae", "caen", "cayo", "cayeron", "tuerce", "tuercen", "torcio", "duerme",
                    "duermen", "durmio", "ladea", "ladeo", "afloja", "aflojo", "baja", "bajo"})


def _denied_sign(after_se: list[str]) -> bool:
    verbs = after_se[1:] if after_se[:1] and after_se[0] in _CLITICS else after_se
    return bool(verbs) and verbs[0] in _SIGNS


_INABILITY = frozenset({"no", "cant", "cannot", "couldnt", "unable", "not", "hard", "trouble"})


def _inability(toks: list[str], start: int, end: int) -> bool:
    """"cant breathe well", "no puedo respirar bien": the adverb is part of the symptom."""
    return any(t in _INABILITY for t in toks[start:end])


# "if this doesnt stop ill kms", "si no se me quita me mato": a negation inside the condition
# of a threat does not reach the threat.
_CONDITIONS = frozenset({"if", "unless", "until", "till", "til", "when", "si", "cuando",
                         "hasta", "mientras", "or", "o"})


def _negated_before(toks: list[str], start: int, *, conditional_ok: bool = False) -> bool:
    lo = max(0, start - PRE_WINDOW)
    for end in range(start, lo, -1):
        word = toks[end - 1]
        if word in _TERMINATORS:
            return False
        for size in (2, 1):
            phrase = tuple(toks[end - size : end]) if end - size >= 0 else ()
            if phrase in _NEGATIONS:
                following = toks[end] if end < len(toks) else ""
                if phrase == ("no",) and end >= 3 and toks[end - 2] == "si" and (
                    toks[end - 3] in _AVOIDING
                ):
                    return False  # "porque si no me atoro": "si no" is "otherwise"
                if conditional_ok and _CONDITIONS.intersection(toks[max(0, end - size - 4) : end]):
                    return False
                if following == "se" and end + 1 < len(toks) and toks[end + 1] in _CLITICS:
                    return True  # "no se me cae la cara" is a negation, "no se" alone is not
                return following not in _PSEUDO_AFTER
    return False


def _resolved_after(toks: list[str], end: int) -> bool:
    i = end
    limit = min(len(toks), end + 5)
    while i < limit and toks[i] in _POST_FILLER:
        i += 1
    if i >= limit:
        return False
    word = toks[i]
    if word in _POST_RESOLVED:
        return True
    if word in _BARE_ANSWERS and i == len(toks) - 1:
        return True  # "drooping: no", "vision - nah", "tragar, nada"
    nxt = toks[i + 1] if i + 1 < len(toks) else ""
    return (word, nxt) in {("went", "away"), ("cleared", "up"), ("no", "more"),
                           ("se", "fue"), ("se", "quito"), ("ya", "paso")}


_HYPO_AFTER: tuple[tuple[str, ...], ...] = tuple(
    tuple(t.split())
    for t in (
        "to watch for", "to look out for", "to worry about", "just asking",
        "for the future", "hypothetically", "in general", "por si acaso", "solo pregunto",
        "en general",
    )
)


_REASONS = frozenset({"because", "cause", "cuz", "bc", "coz", "porque", "pq", "xq", "ya que"})
_AVOIDING = frozenset({"porque", "pq", "xq", "que", "q", "pues"})


def _hypothetical(toks: list[str], start: int) -> bool:
    # Every trigger in reach counts, not only the nearest: in "how would i know if it was
    # palsy coming back" the "if" is an exception ("know if") but "how would i know" is not.
    lo = max(0, start - HYPO_WINDOW)
    strong = _by_last(_HYPO_STRONG)
    for end in range(start, lo, -1):
        for phrase in strong.get(toks[end - 1], ()):
            if end - len(phrase) < lo or not _ends_with(toks, end, phrase):
                continue
            word_before_if = toks[end - 2] if end >= 2 else ""
            if phrase in (("if",), ("si",)) and word_before_if in _IF_EXCEPTIONS:
                continue
            if phrase == ("si",) and (
                (word_before_if == "que" and end >= 3 and toks[end - 3] == "lo")
                or word_before_if in ("eso", "esto", "ahora")
                or (end < len(toks) and toks[end] == "que")
            ):
                # "lo que sí tengo es...", "eso sí", "sí que duele": the emphatic "sí" (its
                # accent folded away), a statement, never "if"
                continue
            if phrase == ("si",) and word_before_if in _AVOIDING and end < len(toks) and (
                toks[end] == "no"
            ):
                # "tomo todo a sorbitos pq si no me atoro": what happens whenever they do not
                # take care, said of now, not a hypothetical
                continue
            if _REASONS.intersection(toks[end:start]):
                # "asked if i'd been drinking because i sounded drunk": the reason given for
                # the question is a fact, out of the question's reach
                continue
            return True
    end = _find(toks, lo, start, _HYPO_WEAK)
    return end != -1 and not any(t in _FIRST_PERSON for t in toks[end:start])


_AGO_COUNTS = frozenset(
    {"un", "una", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez",
     "varios", "muchos", "unos", "algunos", "quince", "veinte", "treinta"}
)
_LONG_UNITS = frozenset({"ano", "anos", "mes", "meses"})
_ABOUT = frozenset({"como", "unos", "unas", "mas", "de", "casi", "ya", "aprox", "aproximadamente",
                    "alrededor", "cerca"})


# "none since", "not since", "no problems since then": "since" that closes an episode.
_NONE_BEFORE_SINCE = frozenset({"none", "nothing", "not", "never", "no", "nada", "nope",
                                "zero", "nothin", "clear", "fine", "once"})


def recent(toks: list[str]) -> bool:
    """The words say now, today, again, since...: nothing here is history."""
    for i, tok in enumerate(toks):
        if tok in _RECENT and not (
            tok == "since" and _NONE_BEFORE_SINCE.intersection(toks[max(0, i - 3) : i])
        ) and not _RARELY_NOW.intersection(toks[i + 1 : i + 3]):
            return True
    return False


# "antes era constante, ahora casi nunca", "now hardly ever": now says it is gone, which
# leaves what came before as history.
_RARELY_NOW = frozenset({"nunca", "rarely", "hardly", "never", "barely", "seldom", "rara",
                         "apenas", "none", "nada"})


def historical(toks: list[str]) -> bool:
    """The clause dates what it says long ago (or to a relative who has died)."""
    return _historical(toks)


_NEW_NOW: tuple[tuple[str, ...], ...] = tuple(
    tuple(t.split()) for t in ("never used to", "didnt use to", "didnt used to", "no solia",
                               "nunca solia", "antes no")
)


def _historical(toks: list[str]) -> bool:
    if recent(toks):
        return False
    if _find(toks, 0, len(toks), _NEW_NOW) != -1:
        return False  # "short of breath on the stairs, never used to be": new, not old
    if any(len(t) == 4 and t[:2] in ("19", "20") and t.isdigit() for t in toks):
        return True  # "in 2019"
    for i in range(len(toks) - 3):
        if toks[i : i + 3] == ["when", "i", "was"] and toks[i + 3].isdigit():
            return True  # "when i was 20": an age
    for i in range(len(toks) - 2):
        # "hace 10 anos", "hace dos meses", "hace como 5 anos", "hace mas de un ano" (English
        # "10 years ago" is a phrase above)
        j = i + 1
        while j < len(toks) - 1 and j - i <= 2 and toks[j] in _ABOUT:
            j += 1
        if toks[i] == "hace" and j + 1 < len(toks) and toks[j + 1] in _LONG_UNITS and (
            toks[j].isdigit() or toks[j] in _AGO_COUNTS
        ):
            return True
    return _find(toks, 0, len(toks), _HISTORY_PHRASES) != -1


def subject_before(toks: list[str], start: int, inherited: bool) -> bool:
    """True if the mention at `start` is about someone else. Reads back to the nearest
    person word in the clause; with none, the subject carries over from earlier clauses.
    A Spanish mention that opens with "se le" / "le" is about someone else."""
    opening = toks[start : start + 2]
    if opening[:1] in (["le"], ["les"]) or opening in (["se", "le"], ["se", "les"]):
        return True
    for tok in reversed(toks[max(0, start - 10) : start]):
        if tok in _SELF:
            return False
        if tok in _OTHER_PEOPLE:
            return True
    return inherited


def subject_after(toks: list[str], inherited: bool) -> bool:
    """The subject a clause leaves for the next one."""
    for tok in reversed(toks):
        if tok in _SELF:
            return False
        if tok in _OTHER_PEOPLE:
            return True
    return inherited


# A general question about a symptom ("is blurred vision a side effect of botox?", "¿es
# normal ver borroso con el bótox?") reports nothing, unless the message also says the
# patient (or someone) has it now: a first-person word or a recency marker anywhere.
_GENERAL_CUES = _word_set(
    """side effect effects efecto efectos secundario secundarios normal common comun usual
    cause causes causar causa provoca provocar sign signs signo signos senal senales symptom
    symptoms sintoma sintomas possible posible risk riesgo typical tipico happen pasa mean
    means meaning significa indicate indicates indica reason razon motivo ever dar happens"""
)
# "todavía no me lo ponen", "aún no me la aplican": the treatment not given yet says nothing
# about a symptom now.
_NOT_YET = frozenset({"todavia", "aun"})
_GIVEN = _word_set(
    """ponen pongan pone ponga pusieron aplican apliquen aplica inyectan inyecten inyecta
    hacen hagan"""
)
_PERSONAL = _word_set(
    """i im ive id ill my me mine myself we our us mi mis yo tengo estoy veo siento noto
    llevo ando puedo nos mio mia since yesterday today now tonight morning again still
    currently started desde ayer hoy ahora anoche otra todavia sigo empece empezo
    he she his her him hes shes mom mum dad husband wife sons daughter mama papa esposo
    esposa marido hijo hija su le"""
)


# "asking before my appointment", "pregunto antes de mi cita": a possessive before a word
# about care makes nobody's symptom personal.
_CARE_NOUNS = _word_set(
    """appointment appt doctor doctors dr neurologist neuro injection injections botox shot
    shots next visit session treatment dentist clinic nurse cita doctora medico medica
    neurologo neurologa consulta inyeccion inyecciones tratamiento sesion dentista clinica
    enfermera proxima"""
)
_POSSESSIVES = frozenset({"my", "mi", "mis", "our", "his", "her", "su", "sus"})


# "me dio miedo", "me preocupa", "i'm scared", "i read": the patient's fear or reading about
# a symptom is no report of having it.
_FEELING_ES = frozenset(
    {"miedo", "pendiente", "cosa", "nervios", "ansiedad", "panico", "curiosidad"}
)
_FEELING_VERBS_ES = frozenset({"da", "dio", "daba", "dan", "dieron"})
_FELT_ES = frozenset({"preocupa", "preocupo", "asusta", "asusto", "angustia", "angustio",
                      "inquieta", "intriga"})
_FEELING_EN = frozenset({"scared", "worried", "afraid", "nervous", "anxious", "curious",
                         "wondering", "terrified", "freaked", "concerned"})
_I_VERBS_EN = frozenset({"worry", "wonder", "read", "heard", "saw", "fear"})


def _feeling(message: list[str], i: int) -> bool:
    tok, nxt = message[i], message[i + 1 : i + 3]
    if tok == "me" and nxt:
        if nxt[0] in _FELT_ES:
            return True
        if nxt[0] in _FEELING_VERBS_ES and len(nxt) > 1 and nxt[1] in _FEELING_ES:
            return True
    if tok in ("im", "i") and nxt:
        rest = nxt[1:] if nxt[0] in ("am", "was", "get", "got", "feel", "so", "really") else nxt
        if rest and (rest[0] in _FEELING_EN or (tok == "i" and nxt[0] in _I_VERBS_EN)):
            return True
    return False


def personal(message: list[str]) -> bool:
    """The message says someone has something now (see general_question)."""
    for i, tok in enumerate(message):
        if tok in _PERSONAL:
            if _feeling(message, i):
                continue
            if tok in _POSSESSIVES and i + 1 < len(message) and message[i + 1] in _CARE_NOUNS:
                continue
            if tok in _NOT_YET and message[i + 1 : i + 2] == ["no"]:
                continue
            if tok == "me" and message[i + 2 : i + 3] and message[i + 1] in _CLITICS and (
                message[i + 2] in _GIVEN
            ):
                continue
            return True
    return False


# "lei que a veces se nubla la vista con el tic, ¿es cierto?", "I read that botox can cause
# double vision, is that true?", "dicen que...": something read or heard, then asked about,
# reports nothing (unless the message says it is happening now).
_HEARSAY = tuple(
    tuple(t.split()) for t in (
        "lei que", "lei en", "lei", "dicen que", "me dijeron que", "escuche que", "oi que",
        "vi en", "vi que", "supe que", "me contaron que", "i read", "read that", "read online",
        "i heard", "heard that", "they say", "people say", "someone said", "saw online",
        "i saw online", "saw on", "i saw on", "apparently",
    )
)


def hearsay(toks: list[str]) -> bool:
    """The clause opens by saying its content was read or heard."""
    return any(tuple(toks[: len(p)]) == p for p in _HEARSAY)


def general_question(toks: list[str], is_question: bool, personal_message: bool) -> bool:
    """The clause asks about a symptom in general, and the message never makes it personal."""
    if personal_message or not is_question:
        return False
    return any(t in _GENERAL_CUES for t in toks)


# A general question about what a treatment can do ("does the injection ever weaken the
# cheek?", "can botox make my eyelid droop?", "¿el botox puede hacer que se caiga el
# párpado?", "is there a risk my face gets paralysed?") asks about a possibility, even with
# "my" in it. A question that reveals the symptom now ("is it normal that my eyelid droops
# since the shot?", "can botox make my eyelid droop like this?") is a report.
_TREATMENT = (
    r"(?:botox|botulinum|toxin|dysport|xeomin|injections?|shots?|jabs?|the jab|treatments?|"
    r"medications?|meds|drops|procedure|fillers?|surgery|the drug|pills?|it|they|this|that|"
    r"toxina|toxina botulinica|inyeccion\w*|tratamiento|medicamento\w*|medicina\w*|pastillas?|"
    r"gotas|piquetes?|aplicacion|procedimiento|cirugia|eso|esto|la|el)"
)
_EFFECT_EN = (
    r"(?:make|makes|cause|causes|give|gives|weaken|weakens|lead to|leads to|result in|leave|"
    r"leaves|affect|affects|spread|spreads|droop|paralyze|paralyse|numb|blur|hurt|damage|"
    r"trigger|triggers|bring on)"
)
_EFFECT_ES = (
    r"(?:hacer|hace|causar|causa|provocar|provoca|dar|da|dejar|deja|debilitar|debilita|"
    r"paralizar|paraliza|afectar|afecta|producir|produce|generar|genera|traer|trae)"
)
_SIDE_EFFECT_QUESTION = re.compile(
    r"^(?:\S+ ){0,3}(?:can|could|does|do|will|would|might|may|is it (?:possible|true|common) "
    r"(?:that )?|how (?:often|common|likely) (?:does|do|is it that|can)?|what are the chances|"
    r"any chance|is there (?:a|any) (?:risk|chance)|whats the risk) ?(?:\S+ ){0,3}"
    + _TREATMENT + r" (?:\S+ ){0,2}(?:ever |sometimes |also |actually |really |usually |still )?"
    + r"(?:" + _EFFECT_EN + r"|" + r"(?:can|could|might|may|will) " + _EFFECT_EN + r")\b"
    r"|^(?:\S+ ){0,2}(?:is there (?:a|any) (?:risk|chance)|any risk|whats the risk|is it "
    r"possible) (?:of|that)\b"
    # Spanish: the treatment before or after the modal
    r"|^(?:\S+ ){0,3}" + _TREATMENT + r" (?:\S+ ){0,2}(?:puede|pueden|podria|podrian|suele|"
    r"suelen|llega a|llegan a|a veces|alguna vez)? ?(?:\S+ )?" + _EFFECT_ES + r"\b"
    r"|^(?:\S+ ){0,2}(?:puede|pueden|podria|podrian|suele|suelen|es posible que|es verdad que|es "
    r"cierto que|es comun que|hay riesgo de que|hay riesgo de|hay posibilidad de que|que tan "
    r"comun es que|cada cuanto) (?:\S+ ){0,4}(?:" + _TREATMENT + r"|se|me|le|te)\b"
)
# "is it normal for botox to...", "es normal que el botox deje...": only with the treatment
# named ("es normal que se me caiga el parpado?" reveals the symptom)
_NORMAL_THAT = re.compile(
    r"^(?:\S+ ){0,2}(?:is it (?:normal|usual|common) (?:that|for)|es (?:normal|habitual) que) "
    r"(?:\S+ ){0,3}(?:botox|botulinum|toxin|dysport|xeomin|injections?|shots?|the jab|"
    r"treatments?|fillers?|surgery|toxina|inyeccion\w*|tratamiento|piquetes?|relleno|cirugia|"
    r"procedimiento)\b"
)
_NOW = _word_set(
    """now since already again still currently today yesterday tonight ahora desde ya
    todavia aun hoy ayer anoche ahorita sigue sigo lately recently"""
)
_LIKE_THIS = re.compile(r"\b(?:like (?:this|mine|it is|it does)|como (?:ahora|esta|ahorita|"
                        r"me pasa|el mio|la mia)|asi)\b")


# Words anywhere in the message that tie a side-effect question to a symptom now ("¿puede
# el botox...? se me cayó desde ayer").
_NOW_MESSAGE = _word_set(
    """now since currently today yesterday tonight started ahora desde hoy ayer anoche
    ahorita empezo empece sigue sigo todavia lately recently llevo lleva llevamos asi"""
)


def current(message: list[str]) -> bool:
    """The message ties what it says to now (for side_effect_question)."""
    return not _NOW_MESSAGE.isdisjoint(message)


def side_effect_question(toks: list[str], is_question: bool, current_message: bool) -> bool:
    """The clause asks what a treatment can do, and the message says nothing of a symptom
    now."""
    if not is_question or current_message or not _NOW.isdisjoint(toks):
        return False
    text = " ".join(toks)
    return bool(_SIDE_EFFECT_QUESTION.search(text) or _NORMAL_THAT.search(text)) and not (
        _LIKE_THIS.search(text)
    )
