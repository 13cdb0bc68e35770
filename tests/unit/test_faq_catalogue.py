"""The vetted answer catalogue (messages/faq): complete in both languages and safe to send."""

from __future__ import annotations

import re

import pytest

from coach.core.segments import segment_info
from messages import budget, render
from messages.faq import LANGS, MIN_PARAPHRASES, answer_ids, answers

TOPICS_IDS = re.compile(r"^\| `([a-z0-9_]+)` \|", re.M)


def test_both_languages_have_the_same_answers() -> None:
    assert list(answers("es")) == list(answers("en"))
    assert len(answer_ids()) >= 20


def test_the_topics_file_lists_exactly_the_catalogue() -> None:
    from pathlib import Path

    topics = Path(__file__).parents[1] / "data" / "faq" / "TOPICS.md"
    assert TOPICS_IDS.findall(topics.read_text("utf-8")) == answer_ids()


@pytest.mark.parametrize("lang", LANGS)
def test_every_answer_is_reviewed_versioned_and_has_paraphrases(lang: str) -> None:
    for answer in answers(lang).values():
        assert answer.reviewed_by.strip() and answer.version >= 1, answer.id
        assert len(set(answer.paraphrases)) >= MIN_PARAPHRASES, (answer.id, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_every_answer_ends_by_pointing_to_the_care_team(lang: str) -> None:
    team = "care team" if lang == "en" else "equipo de salud"
    for answer_id in answer_ids():
        text = render(f"faq.answer.{answer_id}", lang, emergency_number="911")
        last_sentence = text.rstrip(".").rsplit(". ", 1)[-1]
        assert team in last_sentence, (answer_id, lang, last_sentence)


@pytest.mark.parametrize("lang", LANGS)
def test_no_answer_names_a_dose_or_a_specific_medicine(lang: str) -> None:
    dose = re.compile(r"\b\d+\s*(mg|ml|units?|unidades|pills?|pastillas|tablets?)\b", re.I)
    drugs = ["clonazepam", "carbamazepine", "carbamazepina", "gabapentin", "baclofen",
             "ibuprofen", "magnesium", "magnesio", "prednison", "aciclovir", "acyclovir"]
    for answer_id in answer_ids():
        text = render(f"faq.answer.{answer_id}", lang, emergency_number="911").lower()
        assert not dose.search(text), (answer_id, lang)
        assert not [d for d in drugs if d in text], (answer_id, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_answers_fit_two_segments_and_the_hand_over_one(lang: str) -> None:
    for answer_id in answer_ids():
        key = f"faq.answer.{answer_id}"
        info = segment_info(render(key, lang, emergency_number="1-800-273-8255"))
        assert info.segments <= budget(key) <= 2, (answer_id, lang)
        assert info.encoding == "GSM-7", (answer_id, lang)
    assert segment_info(render("faq.handover", lang)).segments == 1


def test_seek_care_answer_names_the_configured_number() -> None:
    for lang in LANGS:
        assert "112" in render("faq.answer.when_seek_care", lang, emergency_number="112")
