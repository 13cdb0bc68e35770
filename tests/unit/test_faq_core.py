"""coach.core.faq: rules that hand a question over, and the threshold and margin."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from coach.core import faq


class WordsEncoder:
    """A fake encoder: a bag of hashed words (stable across processes)."""

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), 64), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in text.split():
                out[row, sum(map(ord, word)) % 64] += 1.0
        return out


ENC = WordsEncoder()
INDEX = faq.Index.build(
    {
        "caffeine": ["does coffee make twitching worse", "is caffeine bad"],
        "sleep": ["does poor sleep make twitching worse", "will more sleep help"],
    },
    ENC,
    decoys=["when is my appointment"],
)


def test_a_close_question_gets_its_answer() -> None:
    found = faq.match("is caffeine bad?", INDEX, ENC)
    assert found.answer_id == "caffeine" and found.reason == faq.ANSWERED
    assert found.score == pytest.approx(1.0)


def test_two_answers_about_as_close_hand_over() -> None:
    # "does x make twitching worse" is as close to both answers.
    found = faq.match("does it make twitching worse?", INDEX, ENC)
    assert found.answer_id is None and found.reason == faq.AMBIGUOUS
    assert {found.best_id, found.runner_up_id} == {"caffeine", "sleep"}


def test_nothing_close_hands_over() -> None:
    found = faq.match("what colour is the sky?", INDEX, ENC)
    assert found.answer_id is None and found.reason == faq.LOW_CONFIDENCE


def test_closest_to_a_decoy_hands_over() -> None:
    found = faq.match("when is my appointment?", INDEX, ENC)
    assert found.answer_id is None and found.reason == faq.ELSEWHERE


def test_threshold_and_margin_come_from_the_policy() -> None:
    strict = faq.Policy(threshold=1.01, margin=0.0)
    assert faq.match("is caffeine bad?", INDEX, ENC, strict).reason == faq.LOW_CONFIDENCE


@pytest.mark.parametrize(
    "text",
    ["worse after coffee", "slept 4 hours", "twitch 5 today", "me tiembla el ojo", ""],
)
def test_a_diary_note_is_not_a_question(text: str) -> None:
    assert faq.match(text, INDEX, ENC).answer_id is None


@pytest.mark.parametrize(
    "text",
    ["does coffee make it worse?", "what is hemifacial spasm", "Hi, how long does it last",
     "¿es grave?", "cuanto dura esto", "por que me tiembla el ojo", "es grave?"],
)
def test_questions_are_recognised(text: str) -> None:
    assert faq.looks_like_question(text)


@pytest.mark.parametrize(
    "text",
    ["do I have hemifacial spasm?", "Could this be Bell's palsy?", "is mine a tic?",
     "¿tengo espasmo hemifacial?", "lo mío es parálisis de Bell?", "será que tengo algo malo?"],
)
def test_a_request_for_a_diagnosis_is_handed_over(text: str) -> None:
    assert faq.asks_diagnosis(text)
    assert faq.match(text, INDEX, ENC).reason == faq.DIAGNOSIS


@pytest.mark.parametrize(
    "text",
    ["do I have to stop coffee?", "tengo que dejar el cafe?", "is it serious?",
     "tengo los ojos secos, eso causa el tic?", "what is hemifacial spasm?"],
)
def test_ordinary_questions_are_not_diagnosis_requests(text: str) -> None:
    assert not faq.asks_diagnosis(text)


@pytest.mark.parametrize(
    "text",
    ["can I take magnesium?", "how many units of botox should I get?", "can i take 2 advil?",
     "should I stop my meds?", "puedo tomar 400 mg de ibuprofeno?", "qué dosis de clonazepam?",
     "¿puedo dejar de tomar las pastillas?", "does vitamin b12 help?"],
)
def test_a_specific_medicine_or_dose_is_handed_over(text: str) -> None:
    assert faq.asks_specific_medicine(text)
    assert faq.match(text, INDEX, ENC).reason == faq.MEDICINE


@pytest.mark.parametrize(
    "text", ["will botox help?", "is there a medicine for twitching?", "puedo tomar vino?",
             "does coffee make it worse?"],
)
def test_general_treatment_questions_are_not_medicine_advice(text: str) -> None:
    assert not faq.asks_specific_medicine(text)


def test_scoring_counts_wrong_answers_apart_from_hand_overs() -> None:
    items = [faq.Labelled("a", "en", "x"), faq.Labelled("b", "en", None),
             faq.Labelled("c", "en", "x"), faq.Labelled("d", "en", None)]
    found = [faq.Match("x", faq.ANSWERED), faq.Match(None, faq.LOW_CONFIDENCE),
             faq.Match(None, faq.AMBIGUOUS), faq.Match("x", faq.ANSWERED)]
    result = faq.score(items, found)
    assert (result.right, result.handed_over, result.wrong) == (2, 1, 1)
    assert result.right_or_handover == 0.75 and result.wrong_rate == 0.25
