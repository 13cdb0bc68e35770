"""Phone numbers typed by operators and in CSV files: E.164, or a one-line reason."""

from __future__ import annotations

import pytest

from coach.phone import PhoneError, mask_phone, normalize_phone


@pytest.mark.parametrize(
    ("typed", "e164"),
    [("+1 202 555 0101", "+12025550101"), ("(202) 555-0101", "+12025550101"),
     ("tel:+12025550101", "+12025550101"), ("TEL: +34 612 345 678", "+34612345678")],
)
def test_typed_numbers_become_e164(typed: str, e164: str) -> None:
    assert normalize_phone(typed) == e164


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        # another channel's address is not silently turned into an SMS number
        ("whatsapp:+12025550101", "whatsapp: is not an SMS number"),
        ("messenger:+12025550101", "messenger: is not an SMS number"),
        ("sip:+12025550101", "sip: is not an SMS number"),
        # a desk phone's extension cannot receive texts
        ("+1 202 555 0101 ext 5", "extension"),
        ("202-555-0101 x12", "extension"),
        ("abc", "not a phone number"), ("+1", "not"), ("", "not a phone number"),
        ("<b>+12025550101</b>", "not"),
    ],
)
def test_what_cannot_be_texted_is_refused_with_a_reason(typed: str, reason: str) -> None:
    with pytest.raises(PhoneError, match=reason):
        normalize_phone(typed)


def test_masking_keeps_two_digits() -> None:
    assert mask_phone("+12025550101") == "***01"
    assert mask_phone(None) == "-"
