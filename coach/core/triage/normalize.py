"""Turn an SMS into a flat list of canonical tokens.

Everything downstream works on these tokens, so the messy parts of SMS (case, accents, curly
apostrophes, "sooo", "cnt", emoji, run-on sentences) are dealt with once, here. The work is a
single pass per character and per token: cost is linear in the message length.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from coach.core.triage.fuzzy import correct

# A clause boundary. Emitted for sentence punctuation, line breaks, commas, emoji and for
# contrastive conjunctions, which limit how far a negation or a hypothetical reaches.
BOUNDARY = "|"
QUESTION = "?"

MAX_TOKEN = 30  # longer "words" are junk; capping them keeps regex work per token bounded

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
# An ordinal ("2nd", "3rd") is one token, so its digit is never read as a rating.
# "5k", "10k" (a race, a sum) stay one token, so never read as a rating.
# "2day", "2nite", "2moro" are one word each, never the number 2 and a unit.
_RAW_TOKEN = re.compile(
    r"2(?:day|dy|nite|night|morrow|moro|mrw)(?![a-z])|[a-z]+(?:'[a-z]+)*|[0-9]+(?:st|nd|rd|th|k)(?![a-z])|[0-9]+|\n|[^\sa-z0-9]"
)
_INNER_HYPHEN = re.compile(r"(?<=[a-z])-(?=[a-z])")
_RUNS = re.compile(r"([a-z])\1\1+")

# SMS shorthand and contractions written in full, mapped to one canonical spelling.
_SHORTHAND: dict[str, tuple[str, ...]] = {
    "cnt": ("cant",), "cannt": ("cant",), "cannot": ("cant",), "caint": ("cant",),
    "dnt": ("dont",), "dont": ("dont",), "wnt": ("wont",), "doesnt": ("doesnt",),
    "idk": ("i", "dont", "know"), "im": ("im",), "ive": ("ive",), "id": ("id",),
    "u": ("you",), "ur": ("your",), "r": ("are",), "pls": ("please",), "plz": ("please",),
    "plez": ("please",), "msg": ("message",), "msgs": ("messages",), "txt": ("text",),
    "txts": ("texts",), "txting": ("texting",), "thx": ("thanks",), "tnx": ("thanks",),
    "bc": ("because",), "cuz": ("because",), "coz": ("because",), "b4": ("before",),
    "rn": ("right", "now"), "tmrw": ("tomorrow",), "2day": ("today",), "2dy": ("today",),
    "tday": ("today",), "tdy": ("today",), "tonite": ("tonight",), "2nite": ("tonight",),
    "2night": ("tonight",), "tnite": ("tonight",), "2morrow": ("tomorrow",),
    "2moro": ("tomorrow",), "2mrw": ("tomorrow",), "tmr": ("tomorrow",), "yr": ("year",),
    "yrs": ("years",), "wk": ("week",), "wks": ("weeks",), "hrs": ("hours",),
    "hr": ("hour",), "mins": ("minutes",), "min": ("minutes",), "sec": ("second",),
    "prob": ("probably",), "xq": ("porque",), "pq": ("porque",), "q": ("que",),
    "k": ("que",), "tb": ("tambien",), "tmb": ("tambien",), "x": ("x",),
    "nd": ("and",), "n": ("and",), "w": ("with",), "wo": ("without",),
    "breth": ("breath",), "brethe": ("breathe",), "outta": ("out", "of"),
    "outa": ("out", "of"), "otta": ("out", "of"), "lao": ("lado",), "lao'": ("lado",),
}
# Spanish written as it sounds (k for c/qu, b and v swapped): only spellings that are not
# English words.
_SHORTHAND.update({
    "kara": ("cara",), "voca": ("boca",), "vrazo": ("brazo",), "bracito": ("brazo",),
    "beo": ("veo",), "kiero": ("quiero",), "kiere": ("quiere",), "kieres": ("quieres",),
    "keda": ("queda",), "kedo": ("quedo",), "kedan": ("quedan",), "kede": ("quede",),
    "bida": ("vida",), "bivir": ("vivir",), "lebantar": ("levantar",), "muebo": ("muevo",),
    "mueb": ("mueve",), "kabeza": ("cabeza",), "kuerpo": ("cuerpo",), "lavio": ("labio",),
    "lavios": ("labios",), "kachete": ("cachete",), "kil": ("kill",), "kms": ("kms",),
    "bista": ("vista",), "nuvlada": ("nublada",), "yebo": ("llevo",), "yeva": ("lleva",),
    "oy": ("hoy",), "kmss": ("kms",),
})
_AO_WORDS = frozenset({"bacalao", "cacao", "callao", "macao", "curacao", "cardao"})
# Two-word negated verbs written out in full become the one-word contraction.
_JOIN = {
    ("can", "not"): "cant", ("do", "not"): "dont", ("does", "not"): "doesnt",
    ("did", "not"): "didnt", ("will", "not"): "wont", ("is", "not"): "isnt",
    ("are", "not"): "arent", ("was", "not"): "wasnt", ("were", "not"): "werent",
    ("could", "not"): "couldnt", ("would", "not"): "wouldnt", ("have", "not"): "havent",
    ("has", "not"): "hasnt", ("had", "not"): "hadnt", ("should", "not"): "shouldnt",
    ("non", "stop"): "nonstop", ("opt", "out"): "optout", ("stop", "all"): "stopall",
}
_CLAUSE_WORDS = frozenset(
    {"but", "however", "though", "although", "except", "otherwise", "pero", "aunque",
     "excepto", "sino"}
)
# "el parpado no a parado", "se me a caido": "a" written for "ha" before a participle.
_HA_BEFORE = frozenset({"no", "se", "me", "le", "te", "lo", "la", "nos", "les", "ya", "nunca",
                        "que", "jamas", "tambien"})
_LAUGH_EMOJI = frozenset("\U0001F602\U0001F923\U0001F606\U0001F639")  # 😂 🤣 😆 😹
_KEEP_PUNCT = {"/": "/", "-": "-", ":": ":", "%": "%", "#": "#"}
_BOUNDARY_PUNCT = frozenset(".!;,\n()[]{}\"…¡")


def fold(text: str) -> str:
    """Lower-case, strip accents, straighten apostrophes; keep everything else."""
    if text.isascii():
        return text.lower()  # most replies: nothing to fold, skip the per-character pass
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.lower()


@lru_cache(maxsize=8192)
def _canonical_word(raw: str) -> tuple[str, ...]:
    word = raw.replace("'", "")
    word = _RUNS.sub(r"\1", word)[:MAX_TOKEN]
    if word in _SHORTHAND:
        return _SHORTHAND[word]
    if len(word) >= 5 and word.endswith("ao") and word not in _AO_WORDS:
        word = word[:-2] + "ado"  # Caribbean and Andalusian "pesao", "jalao", "ahogao"
    return (correct(word),)


def tokens(text: str) -> list[str]:
    """Canonical tokens of `text`, with BOUNDARY and QUESTION marks between clauses."""
    out: list[str] = []
    for raw in _RAW_TOKEN.findall(_INNER_HYPHEN.sub(" ", fold(text))):
        first = raw[0]
        if "a" <= first <= "z":
            for word in _canonical_word(raw):
                prev = out[-1] if out else ""
                joined = _JOIN.get((prev, word))
                if joined is not None:
                    out[-1] = joined
                elif word == "though" and prev == "as":
                    out.append("if")  # "as though" is "as if", not a contrast
                elif (
                    prev == "a" and len(word) > 4 and word.endswith(("ado", "ido"))
                    and len(out) > 1 and out[-2] in _HA_BEFORE
                ):
                    out[-1] = "ha"
                    out.append(word)
                elif word in _CLAUSE_WORDS:
                    _boundary(out)
                else:
                    out.append(word)
        elif "0" <= first <= "9":  # ASCII only: "❶".isdigit() is true too
            out.extend(_SHORTHAND.get(raw, (raw[:MAX_TOKEN],)))
        elif raw in _KEEP_PUNCT:
            out.append(_KEEP_PUNCT[raw])
        elif raw in "?¿":
            if out and out[-1] in (BOUNDARY, QUESTION):
                out[-1] = QUESTION
            else:
                out.append(QUESTION)
        elif raw in _BOUNDARY_PUNCT or not raw.isascii():
            # Emoji and other symbols usually end a thought in SMS; a laughing one is a "lol"
            # said about that thought.
            if raw in _LAUGH_EMOJI and out and out[-1] not in (BOUNDARY, QUESTION, "lol"):
                out.append("lol")
            _boundary(out)
        # Any other ASCII symbol ('*', '+', '=', ...) is dropped.
    return out


def _boundary(out: list[str]) -> None:
    if out and out[-1] not in (BOUNDARY, QUESTION):
        out.append(BOUNDARY)


def clauses(toks: list[str]) -> list[tuple[list[str], bool]]:
    """Split tokens at boundaries; each clause comes with whether it ended in a question."""
    result: list[tuple[list[str], bool]] = []
    current: list[str] = []
    for tok in toks:
        if tok in (BOUNDARY, QUESTION):
            if current:
                result.append((current, tok == QUESTION))
                current = []
        else:
            current.append(tok)
    if current:
        result.append((current, False))
    return result
