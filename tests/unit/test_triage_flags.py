"""Red flags in contrast pairs: the same symptom affirmed, negated, past, hypothetical,
someone else's and misspelt, in English and Spanish."""

from __future__ import annotations

import pytest

from coach.core.triage import understand
from coach.core.types import Level, RedFlag

W, SP, SW, BR, SH = (RedFlag.WEAKNESS, RedFlag.SPEECH, RedFlag.SWALLOWING, RedFlag.BREATHING,
                     RedFlag.SELF_HARM)
VI, PA, PR = RedFlag.VISION, RedFlag.SEVERE_PAIN, RedFlag.PROLONGED

AFFIRMED = [
    ("face droopy", W), ("cant smile on one side", W), ("my face feels heavy", W),
    ("crooked smile since lunch", W), ("left arm is numbb", W), ("face is droping", W),
    ("i cant close my left eye", W), ("words coming out wrong", SP), ("speech is slured", SP),
    ("i cant get my words out", SP), ("cnt swalow", SW), ("choking on water", SW),
    ("trouble swallowing since lunch", SW), ("cant brethe", BR), ("short of breath", BR),
    ("my throat is closing", BR), ("chest tight and i cant breathe", BR),
    ("I want to die", SH), ("thinking about killing myself", SH), ("no reason to live", SH),
    ("sooo blurryyy", VI), ("seeing double", VI), ("blury vission", VI),
    ("I cant see out of one eye", VI), ("worst headache of my life", PA),
    ("excruciating pain in my cheek", PA), ("pain is 9/10", PA),
    ("twitching constantly for 5 days", PR), ("hasnt stopped since monday", PR),
    ("my eye wont open, the spasm wont let go", PR),
    ("se me cae la cara de un lado", W), ("no puedo tragar", SW), ("no puedo respirar", BR),
    ("hablo raro", SP), ("arrastro las palabras", SP), ("veo doble", VI),
    ("tengo la vista borrosa", VI), ("dolor insoportable", PA), ("lleva 5 días sin parar", PR),
    ("quiero morirme", SH), ("no quiero vivir", SH),
]


@pytest.mark.parametrize(("text", "flag"), AFFIRMED)
def test_affirmed_symptom_raises_its_flag(text: str, flag: RedFlag) -> None:
    reading = understand(text)
    assert flag in reading.red_flags
    assert reading.level is max((f.level for f in reading.red_flags), key=lambda lv: lv.rank)


NOT_FLAGGED = [
    "no trouble swallowing", "vision is fine", "not weak", "no drooping",
    "without any pain", "never had double vision", "no slurred speech",
    "had blurry vision last year, fine now", "used to have double vision, gone now",
    "what if my face droops?", "should I worry about blurred vision?",
    "if I get double vision should I call?", "killing it today", "dying to try the new stretch",
    "I could die laughing", "this traffic is killing me", "my boss is a pain",
    "my sister had Bell's palsy years ago", "a bit sore today", "twitchy again, about a 4",
    "no tengo problemas para tragar", "no veo doble", "sin dolor", "me muero de risa",
    "la vista bien", "el año pasado tenía la vista borrosa",
]


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_negated_past_hypothetical_and_figurative_are_routine(text: str) -> None:
    reading = understand(text)
    assert reading.red_flags == ()
    assert reading.level is Level.ROUTINE


@pytest.mark.parametrize(
    "text",
    ["my mom's face is drooping", "my husband's face is drooping on one side",
     "mi mamá tiene la cara caída", "my dad cant swallow"],
)
def test_someone_elses_symptom_still_counts(text: str) -> None:
    reading = understand(text)
    assert reading.level is Level.EMERGENCY
    assert reading.about_other


def test_own_symptom_is_not_about_other() -> None:
    assert not understand("my face is drooping").about_other


def test_affirmed_flag_wins_over_negation_elsewhere() -> None:
    assert understand("no pain but my face is drooping").red_flags == (W,)
    assert understand("no pain my face is drooping").red_flags == (W,)
    assert understand("no blurry vision. slurred speech though").red_flags == (SP,)


def test_negation_scope_ends_at_clause_boundary() -> None:
    assert understand("not sure, face drooping").red_flags == (W,)
    assert understand("no drooping\nseeing double").red_flags == (VI,)


def test_flags_are_unique_and_in_declaration_order() -> None:
    reading = understand("seeing double, cant swallow, face droopy, face droopy")
    assert reading.red_flags == (W, SW, VI)
    assert reading.level is Level.EMERGENCY


def test_plain_twitch_is_routine() -> None:
    for text in ("eyelid twitching again", "twitch 5", "spasm in my cheek this morning"):
        assert understand(text).red_flags == ()


def test_situational_wont_stop_is_not_prolonged() -> None:
    reading = understand("it just won't stop twitching when I read (a 6)")
    assert PR not in reading.red_flags
    assert reading.severity == 6


def test_caps_and_emoji() -> None:
    assert understand("MY FACE IS DROOPING 😱😱").red_flags == (W,)
    assert understand("😩😩 can't swallow 😩").red_flags == (SW,)


def test_language_is_given_or_detected() -> None:
    assert understand("veo doble").lang == "es"
    assert understand("seeing double").lang == "en"
    assert understand("ok", lang="es").lang == "es"
    # A mis-detected or mixed message still raises the flag.
    assert understand("no puedo tragar", lang="en").red_flags == (SW,)


def test_to_json_shape() -> None:
    data = understand("pause 2 days").to_json()
    assert list(data)[:4] == ["level", "red_flags", "severity", "command"]
    assert data["command"] == "pause"
    assert data["pause_for_minutes"] == 2 * 24 * 60
