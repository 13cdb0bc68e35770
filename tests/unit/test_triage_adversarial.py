"""Hostile and huge inputs: understand() always returns, and never loses a flag."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from coach.core.triage import Reading, understand
from coach.core.types import RedFlag

JUNK = [
    "a" * 10_000, "a" * 100_000, "no " * 5_000, "no " * 50_000, "😂🙏🏽👁️" * 3_000,
    "\x00" * 10_000, bytes(range(256)).decode("latin-1") * 40, "'" * 10_000,
    "?" * 10_000, "1/" * 5_000, "if " * 10_000, "ab" * 50_000, " " * 100_000,
    "\n" * 10_000, "droop" * 2_000,
]


def test_junk_returns_a_reading() -> None:
    for text in JUNK:
        assert isinstance(understand(text), Reading)


def test_flag_at_the_end_of_a_long_message_is_kept() -> None:
    filler = "did my exercises and the twitch was fine. " * 2_500  # ~100 KB
    reading = understand(filler + "now my face is drooping")
    assert RedFlag.WEAKNESS in reading.red_flags


def test_flag_after_a_long_negation_run_is_kept() -> None:
    assert RedFlag.SWALLOWING in understand("no " * 5_000 + ". cant swallow").red_flags


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_never_raises_on_arbitrary_text(text: str) -> None:
    reading = understand(text)
    assert reading.lang in ("en", "es")
    assert reading.severity is None or 0 <= reading.severity <= 10
    assert list(reading.red_flags) == sorted(set(reading.red_flags), key=list(RedFlag).index)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200), st.text(max_size=200))
def test_affirmed_flag_survives_any_surrounding_text(before: str, after: str) -> None:
    reading = understand(before + "\n. my face is drooping.\n" + after)
    # Surrounding text may add flags, or make it hypothetical only if it reaches into the
    # clause, which the line breaks and full stops prevent.
    assert RedFlag.WEAKNESS in reading.red_flags
