from __future__ import annotations

import itertools
import tomllib
from collections import Counter
from importlib import resources
from typing import Any

import pytest

import messages
from coach.core.segments import is_gsm7, segment_info
from messages import LANGS, MessageError, budget, keys, placeholders, render, variant_count

ALL_CODES = [
    "weakness",
    "speech",
    "swallowing",
    "breathing",
    "self_harm",
    "vision",
    "severe_pain",
    "prolonged",
]

# Realistic values, the longest first: budgets must hold for all of them.
PARAM_VALUES: dict[str, list[object]] = {
    "clinic": [
        "Riverside Neurology Associates",  # 30 characters
        "Clínica Neurológica San José",  # folded to GSM-7 by render
        "Dr. Lee",
    ],
    "care_line": ["+1 555 010 0000", "555-0100"],
    "emergency_number": ["911", "112"],
    "crisis_line": ["1-800-273-8255", "988", "024"],
    "until": [
        "Wednesday, September 24 at 10:30 PM",
        "miércoles 24 de septiembre, 22:30",
        "Mon 09:00",
    ],
    "severity": [10, 0],
    "days": [14, 3],
    "baseline": [3.3333333, 2.0],
    "recent": [10.0, 6.6666667],
    "average": [10.0, 4.25, 0.0],
    "count": [120, 1],
    "level": ["emergency", "urgent"],
    "patient": ["P-000123 Maria Fernanda Gutierrez", "42"],
    "number": ["***77", "-"],
    "codes": [ALL_CODES, ["weakness"]],
    "minutes": [120, 15],
    # The weekly summary's diary line (messages/faq): a programme's own tag may be long.
    "difference": ["10 puntos", "1 point"],
    "direction": ["higher", "mas bajo"],
    "tag": ["late meals or spicy food", "cafe o cafeina"],
    "with_days": [31, 4],
    "without_days": [31, 4],
}


def _direction_words(lang: str) -> list[str]:
    return [render(f"summary.direction.{d}", lang) for d in ("up", "down", "steady")]


def _param_sets(key: str, lang: str) -> list[dict[str, Any]]:
    """Every combination of representative values for the params `key` uses."""
    names = sorted(placeholders(key, lang))
    choices = [
        _direction_words(lang) if name == "direction_word" else PARAM_VALUES[name]
        for name in names
    ]
    return [dict(zip(names, combo, strict=True)) for combo in itertools.product(*choices)]


def _all_texts() -> list[tuple[str, str, int, str]]:
    out = []
    for key in keys():
        for lang in LANGS:
            for v in range(variant_count(key, lang)):
                for params in _param_sets(key, lang):
                    out.append((key, lang, v, render(key, lang, variant=v, **params)))
    return out


ALL_TEXTS = _all_texts()


def _toml(name: str) -> dict[str, object]:
    return tomllib.loads(resources.files("messages").joinpath(name).read_text("utf-8"))


# Catalog shape ----------------------------------------------------------------------------


def test_every_param_in_the_catalog_has_test_values() -> None:
    used = {p for key in keys() for p in placeholders(key)}
    assert used - {"direction_word"} <= PARAM_VALUES.keys()


def test_languages_have_the_same_keys() -> None:
    en = set(keys())
    for lang in LANGS:
        assert set(messages._catalog(lang)) == en, lang


def test_languages_have_the_same_placeholders_and_variant_counts() -> None:
    for key in keys():
        for lang in LANGS:
            assert placeholders(key, lang) == placeholders(key, "en"), (key, lang)
            assert variant_count(key, lang) == variant_count(key, "en"), (key, lang)


def test_every_key_has_a_budget_and_every_budget_a_key() -> None:
    assert set(_toml("budgets.toml")) == set(keys())
    for key in keys():
        assert budget(key) >= 1


REQUIRED = {
    "invitation": {"clinic"},
    "not_opted_in": set(),
    "opt_in_confirmed": set(),
    "start_confirmed": set(),
    "stop_confirmed": set(),
    "help": {"care_line", "emergency_number"},
    "pause_confirmed": {"until"},
    "pause_confirmed_indefinite": set(),
    "resume_confirmed": set(),
    "reminder.screen_break": set(),
    "reminder.eye_rest": set(),
    "reminder.relaxation": set(),
    "reminder.check_in": set(),
    "diary.ack_severity": {"severity"},
    "diary.ack_note": set(),
    "advice.emergency": {"emergency_number"},
    "advice.emergency_other": {"emergency_number"},
    "advice.self_harm": {"crisis_line", "emergency_number"},
    "advice.urgent": {"emergency_number"},
    "advice.urgent_other": {"emergency_number"},
    "followup.emergency": set(),
    "trend.high_streak": {"days"},
    "trend.rise": {"baseline", "recent"},
    "summary.weekly": {"average", "direction_word", "count"},
    "summary.direction.up": set(),
    "summary.direction.down": set(),
    "summary.direction.steady": set(),
    "operator.alert": {"level", "patient", "codes"},
    "operator.renotify": {"level", "patient", "minutes"},
    "operator.alert_unknown": {"level", "number", "codes"},
    "operator.renotify_unknown": {"level", "number", "minutes"},
}


@pytest.mark.parametrize("key", sorted(REQUIRED))
def test_the_keys_others_code_against_exist_with_these_params(key: str) -> None:
    assert placeholders(key) == REQUIRED[key]


@pytest.mark.parametrize(
    ("key", "minimum"),
    [
        ("reminder.screen_break", 5),
        ("reminder.eye_rest", 5),
        ("reminder.relaxation", 5),
        ("reminder.check_in", 3),
    ],
)
def test_reminders_have_enough_alternatives(key: str, minimum: int) -> None:
    for lang in LANGS:
        assert variant_count(key, lang) >= minimum
        texts = [render(key, lang, variant=v) for v in range(variant_count(key, lang))]
        assert len(set(texts)) == len(texts)


# Segment budgets --------------------------------------------------------------------------


def test_every_text_is_gsm7() -> None:
    bad = [(k, lang, v, t) for k, lang, v, t in ALL_TEXTS if not is_gsm7(t)]
    assert bad == []


def test_every_text_stays_within_its_budget() -> None:
    over = [
        (k, lang, v, segment_info(t), t)
        for k, lang, v, t in ALL_TEXTS
        if segment_info(t).segments > budget(k)
    ]
    assert over == []


def test_every_reminder_is_one_segment() -> None:
    for key in keys():
        if key.startswith("reminder.") and key != "reminder.screen":
            assert budget(key) == 1
    assert budget("reminder.screen") == 2  # the weekly screen's five numbered items


def test_the_clarifying_question_is_one_segment_in_every_language() -> None:
    for lang in LANGS:
        assert segment_info(render("check.question", lang)).segments == 1


def test_advice_fits_two_segments_at_most() -> None:
    for key in keys():
        if key.startswith(("advice.", "trend.")):
            assert budget(key) <= 2
    for lang in LANGS:
        text = render("advice.emergency", lang, emergency_number="911")
        assert segment_info(text).segments == 1


# What the words say -----------------------------------------------------------------------


def test_eye_rest_always_gives_the_20_20_20_rule() -> None:
    for v in range(variant_count("reminder.eye_rest")):
        text = render("reminder.eye_rest", "en", variant=v)
        assert "20 seconds" in text and "20 feet" in text and "6 metres" in text
    for v in range(variant_count("reminder.eye_rest", "es")):
        text = render("reminder.eye_rest", "es", variant=v)
        assert "20 segundos" in text and "6 metros" in text


def test_check_in_asks_for_0_to_10() -> None:
    for lang in LANGS:
        for v in range(variant_count("reminder.check_in", lang)):
            text = render("reminder.check_in", lang, variant=v)
            assert "0" in text and "10" in text


@pytest.mark.parametrize("lang", LANGS)
def test_compliance_keywords_are_named(lang: str) -> None:
    yes = {"en": "YES", "es": "SI"}[lang]
    invitation = render("invitation", lang, clinic="Riverside")
    assert f" {yes} " in invitation and "STOP" in invitation and "HELP" in invitation
    assert "START" in render("stop_confirmed", lang)
    assert "RESUME" in render("pause_confirmed", lang, until="Monday 09:00")
    assert "RESUME" in render("pause_confirmed_indefinite", lang)
    help_text = render("help", lang, care_line="+1 555 010 0000", emergency_number="112")
    assert "+1 555 010 0000" in help_text and "112" in help_text and "STOP" in help_text


@pytest.mark.parametrize("lang", LANGS)
def test_safety_messages_carry_the_numbers(lang: str) -> None:
    for key in ("advice.emergency", "advice.emergency_other", "advice.urgent"):
        assert "112" in render(key, lang, emergency_number="112")
    text = render("advice.self_harm", lang, crisis_line="988", emergency_number="911")
    assert "988" in text and "911" in text


def test_no_text_names_a_condition() -> None:
    # We never tell a patient what they have.
    words = ["diagnos", "myokymia", "mioquimia", "hemifacial", "bell", "stroke", "ictus"]
    words += ["you have a", "usted tiene un"]
    # A vetted FAQ answer explains a condition the patient asked about ("what is hemifacial
    # spasm?"); it still never says the patient has it.
    general = ["diagnos", "stroke", "ictus", "you have a", "usted tiene un", "you have hemi"]
    for key, _lang, _v, text in ALL_TEXTS:
        lowered = text.lower()
        banned = general if key.startswith("faq.answer.") else words
        assert not [w for w in banned if w in lowered], text


def test_operator_texts_take_no_patient_words() -> None:
    assert placeholders("operator.alert") == {"level", "patient", "codes"}
    assert placeholders("operator.renotify") == {"level", "patient", "minutes"}


# Rendering --------------------------------------------------------------------------------


def test_render_fills_params() -> None:
    assert render("diary.ack_severity", severity=7) == (
        "Thank you. We noted 7 out of 10 in your diary."
    )
    assert render("diary.ack_severity", "es", severity=7) == (
        "Gracias. Anotamos 7 de 10 en su diario."
    )


def test_missing_param_raises_and_names_it() -> None:
    with pytest.raises(MessageError, match="emergency_number"):
        render("advice.self_harm", crisis_line="988")
    with pytest.raises(KeyError):  # MessageError is a KeyError
        render("help", "es", care_line="+1 555 010 0000")


def test_extra_params_are_ignored() -> None:
    assert render("stop_confirmed", emergency_number="911") == render("stop_confirmed")


def test_no_placeholder_is_left_unfilled() -> None:
    assert "{" not in "".join(t for *_, t in ALL_TEXTS)


def test_unknown_key_raises() -> None:
    with pytest.raises(MessageError, match="no message"):
        render("reminder.nap")
    with pytest.raises(MessageError):
        variant_count("reminder.nap")
    with pytest.raises(MessageError):
        budget("reminder.nap")


def test_unknown_language_falls_back_to_english_and_regions_are_understood() -> None:
    assert render("stop_confirmed", "fr") == render("stop_confirmed", "en")
    assert render("stop_confirmed", "es-MX") == render("stop_confirmed", "es")
    assert render("stop_confirmed", "ES_419") == render("stop_confirmed", "es")
    assert render("stop_confirmed", "es") != render("stop_confirmed", "en")
    assert variant_count("reminder.check_in", "pt-BR") == variant_count("reminder.check_in")


def test_variant_selects_by_index_modulo_count() -> None:
    n = variant_count("reminder.eye_rest")
    texts = [render("reminder.eye_rest", variant=v) for v in range(n)]
    assert render("reminder.eye_rest") == texts[0]
    assert render("reminder.eye_rest", variant=n + 2) == texts[2]
    assert render("reminder.eye_rest", variant=-1) == texts[-1]


def test_variant_wins_over_seed() -> None:
    assert render("reminder.relaxation", variant=3, seed=12345) == render(
        "reminder.relaxation", variant=3
    )


def test_seed_is_deterministic() -> None:
    for seed in (0, 1, 99, 2**40):
        first = render("reminder.screen_break", seed=seed)
        assert all(render("reminder.screen_break", seed=seed) == first for _ in range(3))


def test_seed_spreads_across_variants() -> None:
    n = variant_count("reminder.screen_break")
    picks = Counter(render("reminder.screen_break", seed=s) for s in range(500))
    assert len(picks) == n
    assert max(picks.values()) < 500 * 2 / n  # no alternative gets twice its share


def test_stable_seed_spreads_one_patients_slots() -> None:
    seeds = [messages.stable_seed("patient-7", f"2026-03-{d:02d}T09:00") for d in range(1, 29)]
    picks = {render("reminder.eye_rest", seed=s) for s in seeds}
    assert len(picks) >= 4
    assert messages.stable_seed("patient-7", "slot") == messages.stable_seed("patient-7", "slot")
    assert messages.stable_seed("patient-7", "slot") != messages.stable_seed("patient-8", "slot")


def test_seed_picks_the_same_alternative_in_every_language() -> None:
    n = variant_count("reminder.relaxation")
    for seed in range(20):
        en = render("reminder.relaxation", "en", seed=seed)
        index = [render("reminder.relaxation", "en", variant=v) for v in range(n)].index(en)
        assert render("reminder.relaxation", "es", seed=seed) == render(
            "reminder.relaxation", "es", variant=index
        )


def test_param_values_are_folded_to_gsm7() -> None:
    text = render("invitation", "es", clinic="Clínica Neurológica San José")
    assert text.startswith("Clinica Neurologica San José le invita")
    assert is_gsm7(text)
    assert segment_info(text).segments <= budget("invitation")


def test_numbers_and_lists_are_shown_plainly() -> None:
    text = render("trend.rise", baseline=2.3333333, recent=6.0)
    assert "about 6 out of 10" in text and "(about 2.3)" in text
    alert = render("operator.alert", level="emergency", patient="P-7", codes=["speech", "weakness"])
    assert alert == "Coach emergency: patient P-7 - speech, weakness. See dashboard."


def test_weekly_summary_reads_with_each_direction() -> None:
    for lang in LANGS:
        for word in _direction_words(lang):
            text = render("summary.weekly", lang, average=4.25, count=5, direction_word=word)
            assert word in text and "4.2" in text
