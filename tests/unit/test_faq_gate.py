"""coach.core.question_gate: the learned half of the question gate, and how it joins the rules."""

from __future__ import annotations

import numpy as np
import pytest

from coach.core import faq
from coach.core import question_gate as qg


def _norm(text: str) -> str:
    return faq.gate_text(text)


def test_the_committed_gate_loads_and_says_what_it_was_trained_on() -> None:
    gate = qg.gate()
    assert gate is not None and gate.weights.shape == (qg.DIM,)
    assert 0.5 <= gate.threshold < 1.0 and gate.min_words >= 3
    assert gate.meta["threshold"] == gate.threshold
    assert "blind5" in gate.meta["trained_on"] and gate.meta["questions"] > 1000
    assert qg.MODEL_PATH.stat().st_size < 200_000  # a small file


def test_features_are_stable_and_ignore_marks_and_numbers() -> None:
    index, values = qg.features(_norm("how long does it last"))
    again = qg.features(_norm("how long does it last???"))
    assert np.array_equal(index, again[0]) and np.allclose(values, again[1])
    assert np.array_equal(qg.features("slept 4 hours")[0], qg.features("slept 7 hours")[0])
    assert qg.features("")[0].size == 0


@pytest.mark.parametrize(
    "text",
    ["worse after coffee", "slept 4 hours, twitch 6", "long day at the screen",
     "coffee made it worse today", "coffee makes it worse", "twitch 4 after 2 coffees",
     "did the breathing exercise, felt calm", "ok will do", "the warm compress helped my "
     "eyelid twitch today", "el cafe me empeora el tic", "el tic se quita cuando descanso",
     "probe los lentes de luz azul, no se si sirven", "that's what i thought, twitch 3 today",
     "stress", "pantallas", "estrés", "screens", "too much coffee", "poco sueño"],
)
def test_diary_notes_stay_notes(text: str) -> None:
    assert not faq.looks_like_question(text)


@pytest.mark.parametrize("text", ["stress", "pantallas", "bad sleep", "estres laboral"])
def test_short_topics_are_never_the_models_to_call(text: str) -> None:
    gate = qg.gate()
    assert gate is not None
    always = qg.Gate(weights=gate.weights, bias=50.0, threshold=0.5, min_words=gate.min_words)
    with qg.override(always):
        assert not faq.looks_like_question(text)


@pytest.mark.parametrize(
    "text",
    ["its been 2 weeks of eyelid twitching how long is normal",
     "my dog twitches in his sleep does that mean anything"],
)
def test_the_gate_reads_questions_the_rules_have_no_shape_for(text: str) -> None:
    with qg.override(None):
        assert not faq.looks_like_question(text)  # the rules alone miss it
    assert faq.looks_like_question(text)


def test_the_gate_only_adds_questions_to_the_rules() -> None:
    never = qg.Gate(weights=np.zeros(qg.DIM, dtype=np.float32), bias=-50.0, threshold=0.5,
                    min_words=3)
    with qg.override(never):
        assert faq.looks_like_question("can stress cause this")
        assert faq.looks_like_question("worse after coffee?")
        assert not faq.looks_like_question("its been 2 weeks of eyelid twitching how long is "
                                           "normal")
