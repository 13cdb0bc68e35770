"""Combining the two readers: advice when sure, a question when not.

- Advice stays the lexicon's (reader.py): its affirmed red flags are precise enough to act on
  at once, and it answers in milliseconds with nothing else running.
- The learned reader (learned.py) only adds `check`: codes it suspects that the lexicon did
  not affirm. Those get one short clarifying question and a review item, never advice on a
  guess.
- Where the lexicon disagrees, its scope rules outrank the learned reader's sense of meaning,
  which cannot see a negation well, and a code is checked only when the learned score is very
  high (the model's `veto_threshold`): the lexicon found words for the code and read them as
  not affirmed (negated, asked, past, figurative: "no drooping at all"), or found a figure or
  a benign cause for it ("este proyecto me esta matando", "numb from the dentist"); the reply
  says the function works ("breathing is normal", "trago bien") or denies the
  code's topic outright ("9 today but no pain", "sin dolor", "no veo borroso") or plays it
  down (a spasm that comes and goes, pain "un poquito" or "4/10"; `learned.played_down`); the
  reply rates the twitch none (no spasm that never stops: "not a single flicker all day"); or
  the lexicon read the reply as a command ("I don't want these texts anymore", "quiero
  unirme otra vez" sound like despair to an encoder, and are not).
- One threshold for every code, chosen by cross-validation grouped by source file
  (coach/train.py, docs/model-card.md): per-code thresholds fitted on a few hundred red flags
  moved from one retraining to the next without asking less on new replies.
- A command the lexicon did not see is taken from the learned reader only above the
  model's command threshold (left at "never" when cross-validation showed harm).
- If the learned reader cannot run (model file or encoder missing or broken), the lexicon's
  reading stands alone with no check: a second opinion failing must never cost the first.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from coach.core.triage import reader
from coach.core.triage.figures import FIGURE_SPANS
from coach.core.triage.normalize import tokens
from coach.core.triage.reader import understand
from coach.core.triage.reading import Reading
from coach.core.types import Command, RedFlag

if TYPE_CHECKING:
    from coach.core.triage.learned import Scores

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Assessment:
    reading: Reading  # the lexicon's: its level and red_flags get advice at once
    check: tuple[RedFlag, ...]  # suspected, not affirmed: ask, do not advise (RedFlag order)
    scores: dict[str, float] = field(default_factory=dict)  # flag code -> learned probability
    learned: bool = True  # False when the learned reader could not run

    def to_json(self) -> dict[str, object]:
        """The reading's JSON with "check" after "command" (the `coach triage` contract)."""
        data = self.reading.to_json()
        out: dict[str, object] = {}
        for key, value in data.items():
            out[key] = value
            if key == "command":
                out["check"] = [flag.value for flag in self.check]
        return out


def mentioned(text: str) -> frozenset[RedFlag]:
    """Codes the lexicon has words for somewhere in `text`, affirmed or not, or a figure or
    a benign cause for ("this project is killing me", "me quede sin palabras", "numb from
    the dentist": figures.FIGURE_SPANS)."""
    joined = " ".join(tokens(text))
    heard = {
        flag for flag, pattern in getattr(reader, "_FLAG_REGEXES", ()) if pattern.search(joined)
    }
    heard.update(flag for flag, pattern in FIGURE_SPANS.items() if pattern.search(joined))
    return frozenset(heard)


def disagreements(reading: Reading, heard: frozenset[RedFlag],
                  denied: frozenset[str]) -> frozenset[RedFlag]:
    """The codes where the lexicon disagrees with a suspicion, so only the veto score asks
    (coach/train.py chooses the policy on the same): every code when the reply is a command;
    else the codes it has words for (`heard`) or that are denied or played down (`denied`),
    and a spasm that never stops when the reply rates the twitch none ("not a single flicker
    all day")."""
    if reading.command is not None:
        return frozenset(RedFlag)
    codes = set(heard) | {flag for flag in RedFlag if flag.value in denied}
    if reading.severity == 0:
        codes.add(RedFlag.PROLONGED)
    return frozenset(codes)


def combine(reading: Reading, scores: Scores, heard: frozenset[RedFlag],
            veto_threshold: float, denied: frozenset[str] = frozenset()) -> Assessment:
    """The policy, on one reply's two readings; `heard` is `mentioned(text)`, `denied` is
    `learned.played_down(text)`."""
    affirmed = set(reading.red_flags)
    suspected = set(scores.suspected)
    disagreed = disagreements(reading, heard, denied)
    check = tuple(
        flag for flag in RedFlag
        if flag.value in suspected and flag not in affirmed
        and (flag not in disagreed or scores.flags[flag.value] >= veto_threshold)
    )
    if reading.command is None and scores.command is not None:
        reading = dataclasses.replace(reading, command=Command(scores.command), pause_for=None)
    return Assessment(reading=reading, check=check, scores=dict(scores.flags))


def assess(text: str, lang: str | None = None) -> Assessment:
    """Both readers on one reply."""
    reading = understand(text, lang)
    try:
        # Imported here, not at the top: the lexicon (and so the webhook) must keep working
        # on an install where numpy or the encoder is missing.
        from coach.core.triage import learned

        weights = learned.model()
        scores = learned.score(text, weights)
    except Exception:  # the model or encoder is unavailable: the lexicon still answers
        log.exception("second reader unavailable; lexicon reading only")
        return Assessment(reading=reading, check=(), scores={}, learned=False)
    return combine(reading, scores, mentioned(text), weights.veto_threshold,
                   learned.played_down(text))
