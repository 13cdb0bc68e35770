from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coach.core.segments import SegmentInfo, fold_to_gsm7, is_gsm7, segment_info


def test_plain_ascii_is_gsm7_one_segment() -> None:
    assert segment_info("Time for a screen break.") == SegmentInfo("GSM-7", 1, 24)


def test_empty_text_is_one_segment() -> None:
    assert segment_info("") == SegmentInfo("GSM-7", 1, 0)


def test_160_gsm_chars_is_one_segment_161_is_two() -> None:
    assert segment_info("a" * 160) == SegmentInfo("GSM-7", 1, 160)
    assert segment_info("a" * 161) == SegmentInfo("GSM-7", 2, 161)


def test_concatenated_gsm_segments_hold_153() -> None:
    assert segment_info("a" * 306).segments == 2
    assert segment_info("a" * 307).segments == 3
    assert segment_info("a" * 153 * 3).segments == 3
    assert segment_info("a" * (153 * 3 + 1)).segments == 4


@pytest.mark.parametrize("ch", ["€", "{", "}", "[", "]", "~", "\\", "^", "|", "\f"])
def test_extension_characters_cost_two_septets(ch: str) -> None:
    info = segment_info(ch)
    assert info == SegmentInfo("GSM-7", 1, 2)


def test_extension_characters_push_over_160() -> None:
    assert segment_info("a" * 158 + "€").segments == 1
    assert segment_info("a" * 159 + "€") == SegmentInfo("GSM-7", 2, 161)


def test_extension_escape_is_not_split_across_segments() -> None:
    # 152 septets, then "€" (2) would straddle the 153 boundary: it moves to part two.
    text = "a" * 152 + "€" + "a" * 152
    assert segment_info(text).units == 306
    # Naively 306 septets fit in 2 x 153, but the unsplit escape needs a third part.
    assert segment_info(text).segments == 3
    assert segment_info("a" * 151 + "€" + "a" * 153).segments == 2


def test_spanish_gsm_letters_stay_gsm7() -> None:
    text = "¿Qué tal? ¡Señor Müller! Ñandú É"
    assert not is_gsm7(text)  # ú is not GSM
    assert is_gsm7("¿Qué tal? ¡Señor Müller! Ñandu É à è ì ò ù Ç")


@pytest.mark.parametrize("ch", ["á", "í", "ó", "ú", "Á", "–", "’", "“", "ç", "`"])
def test_common_non_gsm_characters(ch: str) -> None:
    assert not is_gsm7(ch)
    assert segment_info(ch).encoding == "UCS-2"


def test_70_ucs2_units_is_one_segment_71_is_two() -> None:
    assert segment_info("á" * 70) == SegmentInfo("UCS-2", 1, 70)
    assert segment_info("á" * 71) == SegmentInfo("UCS-2", 2, 71)
    assert segment_info("á" * 134).segments == 2
    assert segment_info("á" * 135).segments == 3


def test_one_non_gsm_character_switches_the_whole_text() -> None:
    text = "a" * 100 + "á"
    assert segment_info(text) == SegmentInfo("UCS-2", 2, 101)


def test_emoji_counts_two_utf16_units() -> None:
    assert segment_info("🙂") == SegmentInfo("UCS-2", 1, 2)
    assert segment_info("a" * 68 + "🙂").segments == 1
    assert segment_info("a" * 69 + "🙂") == SegmentInfo("UCS-2", 2, 71)


def test_surrogate_pair_is_not_split_across_segments() -> None:
    text = "a" * 66 + "🙂" + "a" * 66
    assert segment_info(text).units == 134
    assert segment_info(text).segments == 3
    assert segment_info("a" * 65 + "🙂" + "a" * 67).segments == 2


def test_fold_removes_accents_gsm_lacks_and_keeps_those_it_has() -> None:
    assert fold_to_gsm7("Clínica Neurológica San José, Bogotá") == (
        "Clinica Neurologica San José, Bogota"
    )
    assert fold_to_gsm7("Ñandú Müller àèìò") == "Ñandu Müller àèìò"
    assert fold_to_gsm7("“quoted” – it’s…") == '"quoted" - it\'s...'


def test_fold_keeps_what_it_cannot_fold() -> None:
    assert fold_to_gsm7("ok 🙂 中") == "ok 🙂 中"


@given(st.text(max_size=400))
def test_segments_never_fewer_than_units_allow(text: str) -> None:
    info = segment_info(text)
    per_part = 153 if info.encoding == "GSM-7" else 67
    single = 160 if info.encoding == "GSM-7" else 70
    assert info.segments >= 1
    if info.units <= single:
        assert info.segments == 1
    else:
        assert info.segments * per_part >= info.units
        # At most one unit lost per part to an unsplit pair.
        assert (info.segments - 1) * (per_part - 1) < info.units


@given(st.text(max_size=200))
def test_fold_leaves_gsm7_text_alone(text: str) -> None:
    if is_gsm7(text):
        assert fold_to_gsm7(text) == text
