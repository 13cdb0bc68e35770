"""The twitch rating on the severity stress set (tests/data/severity/README.md) and the kinds
of rating it taught, with sentences of our own and their contrasts."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.core.triage import understand
from coach.evaluate import evaluate, load_cases

STRESS = Path(__file__).resolve().parents[1] / "data" / "severity" / "stress.jsonl"


def test_the_stress_set_keeps_its_severity() -> None:
    report = evaluate(load_cases(STRESS), understand)
    assert (report.overall.severity_accuracy or 0) >= 0.975, report.summary()
    for lang in ("en", "es"):
        assert (report.by_lang[lang].severity_accuracy or 0) >= 0.96, report.summary()


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        # a lone number nothing claims is the answer to "rate it 0-10"
        ("Sir today the twitching is 3 only", 3),
        ("for today i will give 2, not bad", 2),
        ("dos nomas, tranquilo", 2),
        ("hoy le pongo siete", 7),
        ("hoy fue 4 el parpado", 4),
        ("anda como en cinco", 5),
        # ... unless a count, a time, a span, a week or another scale claims it
        ("2 naps and 3 coffees", None),
        ("my son turns 9 tomorrow", None),
        ("week 4 of the breaks", None),
        ("trabaje de 9 a 6", None),
        ("stress 8/10 today", None),
        ("animo 6, energia 4", None),
        ("what does 10 mean?", None),
        ("walked 10,000 steps", None),
        # a correction or a summing-up later in the reply stands
        ("7, no wait, more like 5", 5),
        ("primero dije 8 pero fue mas bien un 4", 4),
        ("morning a 2, then my boss called, so I'd call the day a 5", 5),
        # ranges take their top, however they are joined
        ("like a six maybe a seven", 7),
        ("un 3 u 4", 4),
        ("between 5 and 6", 6),
        ("four. maybe five", 5),
        # nones said in words, not "none since" or "almost none"
        ("happy to say none", 0),
        ("ni rastro del tic hoy", 0),
        ("totally twitch free, completely calm eyelid", 0),
        ("nada de brincos hoy", 0),
        ("casi nada de tic", None),
        ("had double vision years ago, none since", None),
        ("didnt have any today", 0),
    ],
)
def test_rating_kinds_from_the_stress_set(text: str, severity: int | None) -> None:
    assert understand(text).severity == severity


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        # exam18's kinds, in sentences of our own
        ("ni un saltito en todo el dia", 0),
        ("ayer 6 hoy 3 seguimos mejorando", 3),
        ("4 feels better than yesterday", 4),
        ("todo bien, tic en uno", 1),
        ("el parpado en 6 del estres del trabajo", 6),
        ("me desperte a las 5 de la tarde", None),
        ("el martes 5, el jueves 3 y hoy viernes 2", 2),
        ("spasms? what spasms", 0),
        ("slept badly, twitching none", 0),
        ("twitch none of the usual", None),
    ],
)
def test_rating_kinds_from_exam18(text: str, severity: int | None) -> None:
    assert understand(text).severity == severity
