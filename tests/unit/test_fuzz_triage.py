"""Fuzzing the reply reader (hypothesis): `understand` and `assess` never raise on any text,
and their work grows linearly with the reply's length.

Work is counted, not timed: every Python call and every call into C (each regex search
among them) seen by a profile hook. A regex that backtracks catastrophically does its work
inside one C call, which the count cannot see, so CPU time is compared too, with a bound
ten times looser than linear.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from coach.core.triage import Assessment, Reading, assess, understand

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_any_text = st.text(st.characters(codec=None, exclude_categories=()), max_size=600)
_replies = st.lists(st.sampled_from([
    "twitch 4", "STOP", "yes", "pause 2 days", "cant swallow", "face drooping", "no",
    "worse after coffee", "no puedo tragar", "me quiero morir", "ojo", "10/10", "!!!",
    "not literally dying lol", "my mom's face is droopy", "help", "ayuda", "1", "2",
]), max_size=12).map(" ".join)


@FUZZ
@given(_any_text | _replies)
@example("")
@example("\x00" * 50)
@example("\ud800\udfff")
@example("9" * 400)
@example("stop " * 100)
def test_understand_never_raises(text: str) -> None:
    reading = understand(text)
    assert isinstance(reading, Reading)
    for lang in ("en", "es", "xx", None):
        assert isinstance(understand(text, lang), Reading)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_any_text | _replies)
@example("")
@example("\ufeff\u200b")
def test_assess_never_raises(text: str) -> None:
    result = assess(text)
    assert isinstance(result, Assessment)
    assert isinstance(result.reading, Reading)


def _work(fn: Callable[[str], Any], text: str) -> tuple[int, float]:
    """(calls seen by a profile hook, CPU seconds) for one call of fn(text)."""
    calls = 0

    def hook(_frame: object, _event: str, _arg: object) -> None:
        nonlocal calls
        calls += 1

    started = time.process_time()
    sys.setprofile(hook)
    try:
        fn(text)
    finally:
        sys.setprofile(None)
    return calls, time.process_time() - started


def _sized(seed: str, kb: int) -> str:
    size = kb * 1024
    return (seed * (size // max(len(seed), 1) + 1))[:size]


SEEDS = {
    "reply": "my eye keeps twitching after coffee, twitch 4. cant sleep well. ",
    "spanish": "me tiembla el ojo desde ayer, 6/10, peor con el cafe. ",
    "negations": "no no not never no ",
    "one_word": "twitch",  # no separators: one enormous token
    "punctuation": "!?.,;:-'\"()",
}


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_understand_work_is_linear_in_length(name: str) -> None:
    understand("warm up")
    small_calls, small_cpu = _work(understand, _sized(SEEDS[name], 1))
    large_calls, large_cpu = _work(understand, _sized(SEEDS[name], 100))
    per_kb_small, per_kb_large = small_calls, large_calls / 100
    assert per_kb_large <= 3 * per_kb_small + 200, (name, small_calls, large_calls)
    # CPU time: generous (ten times linear, plus 50 ms) so a busy machine cannot fail it.
    assert large_cpu <= 10 * 100 * small_cpu + 0.05 * 100, (name, small_cpu, large_cpu)


def test_assess_work_is_linear_in_length() -> None:
    assess("warm up")  # loads the model
    small_calls, small_cpu = _work(assess, _sized(SEEDS["reply"], 1))
    large_calls, large_cpu = _work(assess, _sized(SEEDS["reply"], 100))
    assert large_calls / 100 <= 3 * small_calls + 200, (small_calls, large_calls)
    assert large_cpu <= 10 * 100 * small_cpu + 0.05 * 100, (small_cpu, large_cpu)
