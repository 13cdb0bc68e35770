"""Phone numbers: E.164 in, masked in logs."""

from __future__ import annotations

import phonenumbers


class PhoneError(ValueError):
    pass


def normalize_phone(text: str, default_region: str = "US") -> str:
    """E.164 for a number a person typed, or PhoneError with a one-line reason."""
    raw = (text or "").strip()
    if not raw or len(raw) > 32:
        raise PhoneError(f"not a phone number: {raw[:32]!r}")
    try:
        parsed = phonenumbers.parse(raw, default_region)
    except phonenumbers.NumberParseException:
        raise PhoneError(f"not a phone number: {raw!r}") from None
    if not phonenumbers.is_valid_number(parsed):
        raise PhoneError(f"not a valid phone number: {raw!r}")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def mask_phone(number: str | None) -> str:
    """Enough to tell numbers apart in a log, not enough to identify a person."""
    if not number:
        return "-"
    digits = [c for c in number if c.isdigit()]
    return "***" + "".join(digits[-2:]) if len(digits) >= 4 else "***"
