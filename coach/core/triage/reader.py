"""understand(): from the text of a reply to a Reading.

Red flags are looked for in every reply in both languages' vocabularies (patients switch
language mid-message, and a mis-detected language must never hide a red flag). Each mention
found is read in its clause by context.status(); the first affirmed mention of a flag wins
over any number of negated ones ("no pain but my face is drooping").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from itertools import pairwise

from coach.core.triage import commands, context, figures, language, severity
from coach.core.triage.context import Status
from coach.core.triage.figures import FIGURE_SPANS, LAUGHTER, NOT_LITERALLY
from coach.core.triage.flags import PATTERNS, prolonged
from coach.core.triage.normalize import BOUNDARY, QUESTION, clauses, tokens
from coach.core.triage.reading import Reading
from coach.core.triage.vocab import time
from coach.core.types import Command, Level, RedFlag

_FLAG_REGEXES: tuple[tuple[RedFlag, re.Pattern[str]], ...] = tuple(
    (flag, re.compile("|".join(f"(?:{p})" for p in patterns)))
    for flag, patterns in PATTERNS.items()
)
_CONTINUOUS = re.compile(
    "|".join(
        f"(?:{p})"
        for p in (prolonged.CONTINUOUS_EN, prolonged.CONTINUOUS_ES, prolonged.CONTINUOUS_BOTH)
    )
)
_CLOSURE = re.compile(
    "|".join(
        f"(?:{p})" for p in prolonged.CLOSURE_EN + prolonged.CLOSURE_ES + prolonged.CLOSURE_BOTH
    )
)
_SPASM = re.compile(
    "|".join(f"(?:{p})" for p in (prolonged.SPASM_EN, prolonged.SPASM_ES, prolonged.SPASM_BOTH))
)
_MULTI_DAY = re.compile("|".join(f"(?:{p})" for p in time.MULTI_DAY_EN + time.MULTI_DAY_ES))
_INTERMITTENT = re.compile(f"(?:{time.INTERMITTENT_EN})|(?:{time.INTERMITTENT_ES})")
_SITUATIONAL = re.compile(f"(?:{time.SITUATIONAL_EN})|(?:{time.SITUATIONAL_ES})")
_UNIT_DAYS = {**time.DURATION_UNITS_EN, **time.DURATION_UNITS_ES}
_HOURS = frozenset({"hours", "hour", "horas", "hora", "h"})
_DURATION_COUNTS = {
    **{k: v for k, v in severity._WORDS.items() if v > 0},
    "a": 1, "an": 1, "couple": 2, "few": 3, "several": 3, "varios": 3, "varias": 3,
    "unos": 3, "unas": 3, "many": 3, "muchos": 3,
}
_PAIN_WORDS = frozenset(
    {"pain", "painful", "pains", "hurts", "hurt", "hurting", "headache", "ache", "aches",
     "dolor", "duele", "migraine", "jaqueca"}
)
SEVERE_PAIN_RATING = 8


_TAIL_WORDS = 4
_LISTED_WORDS = 5
_CAUSE_REACH = 4  # words either side of a mention where a cause's part or symptom may be named
# "my face is drooping. hereditary", "... mi finada": a word about family or a relative who
# died, after a symptom, does not date the symptom
_FAMILY_WORDS = frozenset(
    {"hereditary", "hereditario", "hereditaria", "genetic", "genetico", "family", "fam",
     "familia", "late", "passed", "died", "finado", "finada", "difunto", "difunta", "murio",
     "fallecio", "qepd", "descanse", "gloria", "mi", "my", "his", "her", "su", "our"}
)


@dataclass
class _Clause:
    toks: list[str]
    text: str
    starts: list[int]
    about_other: bool  # the subject inherited from earlier clauses
    general: bool = False  # a general question about a symptom, not a report
    past_tail: bool = False  # followed by a short "never could" / "hace años" clause
    follow: str = ""  # the next clause's first words, for figures that straddle a boundary
    lead: str = ""  # the previous clause's last words, likewise ("driving, cant talk")
    question: bool = False
    denied: bool = False  # a fragment question answered no: "Drooping? Nope."
    answer: bool = False  # that answer
    family_past: bool = False  # told in the past of a relative who "had" a condition

    def mentions(
        self, pattern: re.Pattern[str], figure: re.Pattern[str] | None = None
    ) -> Iterator[tuple[int, int]]:
        spans: list[tuple[int, int]] | None = None  # found only once a mention is
        for match in pattern.finditer(self.text):
            if spans is None:
                spans = [] if figure is None else self._figure_spans(figure)
            if any(lo < match.end() and match.start() < hi for lo, hi in spans):
                continue
            first = bisect_right(self.starts, match.start()) - 1
            last = bisect_right(self.starts, max(match.end() - 1, match.start()))
            yield first, last

    def _figure_spans(self, figure: re.Pattern[str]) -> list[tuple[int, int]]:
        shift = len(self.lead) + 1 if self.lead else 0
        text = f"{self.lead} {self.text}" if self.lead else self.text
        if self.follow:
            text = f"{text} {self.follow}"
        return [(lo - shift, hi - shift) for lo, hi in (m.span() for m in figure.finditer(text))]

    def affirmed(
        self, pattern: re.Pattern[str], *, fixed_phrase: bool = False,
        figure: re.Pattern[str] | None = None, never_hypothetical: bool = False,
        explained: Callable[[str], bool] | None = None,
    ) -> int | None:
        """Start of the first affirmed mention of `pattern`, or None. `explained` is given
        the mention and a few words around it, and sets aside one a stated cause accounts
        for."""
        if self.denied or (self.general and not never_hypothetical):
            return None
        for first, last in self.mentions(pattern, figure):
            if context.status(
                self.toks, first, last, fixed_phrase=fixed_phrase,
                never_hypothetical=never_hypothetical,
            ) is Status.AFFIRMED and not (
                self.past_tail and not never_hypothetical and not context.recent(self.toks)
                and not _ongoing(self.toks)
            ) and not (
                explained is not None and explained(
                    " ".join(self.toks[max(first - _CAUSE_REACH, 0) : last + _CAUSE_REACH])
                )
            ):
                return first
        return None

    def other(self, at: int) -> bool:
        return context.subject_before(self.toks, at, self.about_other)


# "my face is drooping. en el pasado": a symptom said to be going on now is not dated by a
# short tail the way "i cant whistle, never could" is.
_NOW_VERBS = frozenset({"is", "are", "am", "im", "keeps", "esta", "estan", "estoy", "sigue"})


def _ongoing(toks: list[str]) -> bool:
    return any(
        tok in _NOW_VERBS and nxt.endswith(("ing", "ando", "iendo", "yendo"))
        for tok, nxt in pairwise(toks)
    )


def _starts(toks: list[str]) -> list[int]:
    """Where each token begins in " ".join(toks)."""
    starts: list[int] = []
    pos = 0
    for tok in toks:
        starts.append(pos)
        pos += len(tok) + 1
    return starts


def _clauses(toks: list[str]) -> list[_Clause]:
    result: list[_Clause] = []
    about_other = False
    personal = context.personal(toks)
    now = context.current(toks)
    for clause_toks, question in clauses(toks):
        general = context.general_question(
            clause_toks, question, personal
        ) or context.side_effect_question(clause_toks, question, now)
        result.append(
            _Clause(
                clause_toks, " ".join(clause_toks), _starts(clause_toks), about_other, general,
                question=question,
            )
        )
        about_other = context.subject_after(clause_toks, about_other)
    for before, after in pairwise(result):
        # "what are the side effects? like weakness?": a short question listing symptoms
        # after a general one asks the same thing
        if before.general and after.question and len(after.toks) <= _LISTED_WORDS and not (
            context.recent(after.toks)
        ):
            after.general = True
        # "i cant whistle, never could": a short trailing clause that dates the one before
        if (
            len(after.toks) <= _TAIL_WORDS and context.historical(after.toks)
            and not _FAMILY_WORDS.intersection(after.toks)
        ):
            before.past_tail = True
        before.follow = " ".join(after.toks[:_FOLLOW_WORDS])
        after.lead = " ".join(before.toks[-_FOLLOW_WORDS:])
        before.denied = before.question and len(before.toks) <= _ASKED_WORDS and _answer_no(
            after.toks
        )
        after.answer = before.denied
    if any(clause.question for clause in result) and not now:
        for clause in result:
            if context.hearsay(clause.toks) and not context.recent(clause.toks):
                clause.general = True
    relative_had = False
    recent_message = context.recent(toks)
    for clause in result:
        clause.denied = clause.denied or _labelled_no(clause.toks)
        # "mom had trigeminal neuralgia, said the pain was awful": family history, told in
        # the past; a recency word ("now", "yesterday") or present tense keeps it current.
        relative_had = relative_had or (
            not _SELF_WORDS.intersection(clause.toks)
            and any(
                t in _HAD_VERBS and context.subject_before(clause.toks, i, False)
                for i, t in enumerate(clause.toks)
            )
        )
        clause.family_past = (
            relative_had and _TOLD_PAST.intersection(clause.toks) != set()
            and not _PRESENT_WORDS.intersection(clause.toks) and not recent_message
        )
    return result + _telegraphic(result, personal)


_HAD_VERBS = frozenset({"had", "tuvo", "padecio", "sufrio"})
_SELF_WORDS = frozenset({"i", "im", "ive", "me", "yo", "tengo", "estoy"})  # not "my mom"
_TOLD_PAST = frozenset({"was", "were", "said", "had", "fue", "era", "dijo", "decia", "tuvo"})
_PRESENT_WORDS = frozenset({"is", "are", "has", "es", "esta", "tiene", "says", "dice"})
_ASKED_WORDS = 6  # "Drooping?", "Any trouble swallowing?": a checklist question
# A fragment question answered by the next clause: "Drooping? Nope.", "Swallowing? Fine.",
# "¿Visión borrosa? Nada.", "Numbness? not really".
_NO_ANSWERS = frozenset(
    {"no", "nope", "nah", "naw", "nop", "nada", "none", "negative", "negativo", "fine", "good",
     "ok", "okay", "normal", "bien", "nothing", "nil", "zero", "cero", "clear", "perfect",
     "perfecto", "perfecta", "tampoco", "ninguno", "ninguna", "not", "all", "para", "todo",
     "nothin", "nunca", "never", "zilch", "zip", "ni"}
)
_ANSWER_FILLER = frozenset(
    {"really", "at", "so", "far", "thankfully", "gracias", "a", "dios", "nada", "lol", "today",
     "hoy", "thank", "god", "sir", "pretty", "much", "still", "too", "either", "de", "momento",
     "por", "ahora", "igual", "normal", "good", "fine", "bien", "clear", "ok", "okay", "all",
     "there", "on", "that", "front", "yet", "aun", "todavia", "as", "usual", "siempre",
     "jaja", "haha", "senor", "una", "vez", "mas", "y", "and", "way", "ever", "i", "can",
     "see", "tell", "notice", "noticed", "think", "dont", "que", "yo", "sepa", "note", "creo"}
)
_POSITIVE = frozenset({"good", "fine", "ok", "okay", "normal", "bien", "clear", "perfect",
                       "perfecto", "perfecta", "great", "right", "well"})
_NOT_SO = frozenset({"not", "nada", "ni", "no"})  # "not good", "nada bien", "no muy bien"


def _labelled_no(toks: list[str]) -> bool:
    """A checklist line answered in place: "drooping: no", "Vision - fine", "habla: bien"."""
    if ":" not in toks and "-" not in toks:
        return False
    for i in range(len(toks) - 1, 0, -1):
        if toks[i] in (":", "-"):
            return i <= _ASKED_WORDS and _answer_no(toks[i + 1 :]) if i + 1 < len(toks) else False
    return False


def _answer_no(toks: list[str]) -> bool:
    if len(toks) > 5 or toks[0] not in _NO_ANSWERS:
        return False
    for i, tok in enumerate(toks):
        if tok not in _NO_ANSWERS and tok not in _ANSWER_FILLER:
            return False
        if tok in _NOT_SO:
            after = [t for t in toks[i + 1 : i + 3] if t not in ("so", "too", "very", "that",
                                                                 "muy", "tan", "really")]
            if after and after[0] in _POSITIVE:
                return False  # "not good", "nada bien", "no muy bien", "no good"
    return True


_SHORT = 3  # words in a telegraphic fragment ("Vision. Right half. Gone.")
_FOLLOW_WORDS = 4
_RUN_WINDOW = 6  # fragments read together; windows overlap by half, so linear


def _telegraphic(parts: list[_Clause], personal: bool) -> list[_Clause]:
    """Runs of very short clauses read together as one: older patients and people in a
    hurry write "Vision. Right half. Gone." or "Coughing. With. Every. Meal." """
    joined: list[_Clause] = []
    run: list[_Clause] = []
    for clause in [*parts, None]:
        if clause is not None and (clause.denied or clause.answer):
            continue  # "Drooping? Nope." is settled; never read it into its neighbours
        if clause is not None and len(clause.toks) <= _SHORT:
            run.append(clause)
            continue
        if len(run) >= 2:
            step = _RUN_WINDOW // 2
            for lo in range(0, max(len(run) - step, 1), step):
                window = run[lo : lo + _RUN_WINDOW]
                toks = [tok for part in window for tok in part.toks]
                general = context.general_question(toks, False, personal)
                joined.append(
                    _Clause(toks, " ".join(toks), _starts(toks), window[0].about_other, general)
                )
        run = []
    return joined


def understand(text: str, lang: str | None = None) -> Reading:
    toks = tokens(text)
    detected = lang if lang in ("en", "es") else language.detect(toks, text)
    command, pause_for = commands.detect(text)
    found: dict[RedFlag, bool] = {}  # flag -> about someone else

    parts = _clauses(toks)
    not_literal = "literally" in toks or "literal" in toks or "literalmente" in toks
    message = " ".join(toks)
    doubted = figures.doubted(message, (clause.text for clause in parts if clause.question))
    spans = figures.FIGURE_SPANS_DOUBTED if doubted else FIGURE_SPANS
    causes = () if doubted else _benign_causes(
        message, parts, skip_durations=command is Command.PAUSE
    )
    explainable = figures.flags_explained(causes)
    for clause in parts:
        for flag, pattern in _FLAG_REGEXES:
            if flag in found and not found[flag]:
                continue
            figurative = LAUGHTER.get(flag)
            if figurative is not None and figurative.search(clause.text):
                continue
            if not_literal and flag is not RedFlag.SELF_HARM and NOT_LITERALLY.search(
                f"{clause.text} {clause.follow}"
            ):
                continue
            at = clause.affirmed(
                pattern, figure=spans.get(flag),
                never_hypothetical=flag is RedFlag.SELF_HARM,
                explained=None if flag not in explainable else partial(
                    figures.explained, causes, flag
                ),
            )
            if at is not None and clause.family_past and clause.other(at):
                continue
            if at is not None:
                found[flag] = found.get(flag, True) and clause.other(at)

    prolonged = _prolonged(parts, skip_durations=command is Command.PAUSE)
    if prolonged is not None:
        found[RedFlag.PROLONGED] = found.get(RedFlag.PROLONGED, True) and prolonged

    rating = None if command is not None else severity.find(toks)
    # Any rating of pain counts, not only the diary's (the twitch's) one: "pain 9/10, twitch 2"
    if command is None and not _PAIN_WORDS.isdisjoint(toks) and any(
        value >= SEVERE_PAIN_RATING and _pain_near(toks, at)
        for value, at in severity.ratings(toks, SEVERE_PAIN_RATING)
    ):
        found.setdefault(RedFlag.SEVERE_PAIN, False)

    flags = tuple(flag for flag in RedFlag if flag in found)
    level = max((flag.level for flag in flags), key=lambda lv: lv.rank, default=Level.ROUTINE)
    return Reading(
        level=level,
        red_flags=flags,
        severity=None if rating is None else rating[0],
        command=command,
        pause_for=pause_for,
        lang=detected,
        about_other=any(found.values()),
    )


def _benign_causes(
    message: str, parts: list[_Clause], *, skip_durations: bool
) -> tuple[figures.Cause, ...]:
    """The benign causes the message states; a cause whose effect lasts hours is doubtful
    once the message speaks of days ("numb since the dentist, 3 days")."""
    causes = figures.causes_stated(message)
    if not causes:
        return causes
    if any(_multi_day(clause) for clause in parts) and not skip_durations:
        causes = tuple(cause for cause in causes if not cause.lasts_hours)
    return causes


def _prolonged(parts: list[_Clause], *, skip_durations: bool) -> bool | None:
    """None if no prolonged spasm is reported, else whether it is someone else's."""
    situational_continuous: bool | None = None
    spasm_for_days: bool | None = None  # a spasm and a multi-day duration in one clause
    long_enough = False
    intermittent = False
    for clause in parts:
        for pattern in (_CLOSURE, _CONTINUOUS):
            at = clause.affirmed(
                pattern, fixed_phrase=True, figure=FIGURE_SPANS[RedFlag.PROLONGED]
            )
            if at is not None:
                if pattern is _CLOSURE or not _SITUATIONAL.search(clause.text):
                    return clause.other(at)
                situational_continuous = clause.other(at)
        clause_days = not skip_durations and _multi_day(clause)
        long_enough = long_enough or clause_days
        if clause_days and spasm_for_days is None:
            at = clause.affirmed(_SPASM)
            if at is not None:
                spasm_for_days = clause.other(at)
        intermittent = intermittent or bool(_INTERMITTENT.search(clause.text))
    if long_enough:
        if situational_continuous is not None:
            return situational_continuous
        if spasm_for_days is not None and not intermittent:
            return spasm_for_days
    return None


def _multi_day(clause: _Clause) -> bool:
    """The clause states a duration of two days or more (but not years: that is the
    patient's long-standing condition, not a new prolonged spasm)."""
    toks = clause.toks
    for i in range(len(toks) - 1):
        unit = toks[i + 1]
        count_word = toks[i]
        count = int(count_word) if count_word.isdigit() and len(count_word) <= 4 else (
            _DURATION_COUNTS.get(count_word)
        )
        if count is None:
            continue
        if unit == "of" and i + 2 < len(toks):  # "a couple of days"
            unit = toks[i + 2]
        if i + 2 < len(toks) and toks[i + 2] in _TIME_AWAY:
            continue  # "came back after 2 days off": the days are the break, not the spasm
        if unit in _HOURS and count >= 48:
            return True
        days = _UNIT_DAYS.get(unit)
        if days is not None and days < 365 and count * days >= 2:
            return True
    return bool(_MULTI_DAY.search(clause.text))


_TIME_AWAY = frozenset({"off", "without", "free", "sin", "libre", "libres", "clean", "away"})
_TWITCH_WORDS = frozenset(
    {"twitch", "twitches", "twitching", "twitched", "spasm", "spasms", "tic", "tics",
     "espasmo", "espasmos", "eyelid", "lid", "parpado", "temblor", "flutter", "fluttering",
     "brinca", "brincando", "salta", "myokymia", "mioquimia"}
)
_PAIN_REACH = 14
_NO_PAIN = frozenset({"no", "not", "without", "sin", "nada", "ni", "zero", "cero", "dont"})


def _pain_near(toks: list[str], at: int) -> bool:
    """A pain word next to the rating in its clause, or, failing that, the topic the rating
    refers back to: "Pain in the jaw this evening. I would put it at 9", "me duele la
    quijada, un 9" (but not "twitching all day, 9. headache though")."""
    if _pain_in_clause(toks, at):
        return True
    i = at - 1
    while i >= 0 and at - i <= _PAIN_REACH:
        if toks[i] in _PAIN_WORDS:
            return not _NO_PAIN.intersection(toks[max(i - 2, 0) : i])
        if toks[i] in _TWITCH_WORDS:
            return False
        i -= 1
    return False


def _pain_in_clause(toks: list[str], at: int) -> bool:
    for step in (-1, 1):
        i = at + step
        while 0 <= i < len(toks) and abs(i - at) <= 5 and toks[i] not in (BOUNDARY, QUESTION):
            if toks[i] in _PAIN_WORDS:
                # "twitch 9 no pain": a pain denied is not the rating's topic
                return not _NO_PAIN.intersection(toks[max(i - 2, 0) : i])
            if toks[i] in _TWITCH_WORDS:
                break  # "pain 3/10 twitch 9/10": the 9 is the twitch's
            i += step
    return False
