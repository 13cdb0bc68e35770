"""Phone numbers: E.164 in, masked in logs."""

from __future__ import annotations

import re

import phonenumbers

# "whatsapp:+1…", "messenger:…": another channel's address, which SMS cannot reach. "tel:" is a
# link to the same number, pasted from a web page.
_CHANNEL = re.compile(r"^([a-z][a-z0-9+.-]*):", re.IGNORECASE)


class PhoneError(ValueError):
    pass


def normalize_phone(text: str, default_region: str = "US") -> str:
    """E.164 for a number a person typed, or PhoneError with a one-line reason."""
    raw = (text or "").strip()
    if not raw or len(raw) > 32:
        raise PhoneError(f"not a phone number: {raw[:32]!r}")
    channel = _CHANNEL.match(raw)
    if channel is not None:
        if channel.group(1).lower() != "tel":
            raise PhoneError(
                f"{channel.group(1).lower()}: is not an SMS number: give the mobile number alone")
        raw = raw[channel.end():].strip()
    try:
        parsed = phonenumbers.parse(raw, default_region)
    except phonenumbers.NumberParseException:
        raise PhoneError(f"not a phone number: {raw!r}") from None
    if not phonenumbers.is_valid_number(parsed):
        raise PhoneError(f"not a valid phone number: {raw!r}")
    if parsed.extension:
        raise PhoneError("a number with an extension cannot receive texts: give a mobile number")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def mask_phone(number: str | None) -> str:
    """Enough to tell numbers apart in a log, not enough to identify a person."""
    if not number:
        return "-"
    digits = [c for c in number if c.isdigit()]
    return "***" + "".join(digits[-2:]) if len(digits) >= 4 else "***"
