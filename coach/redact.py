"""Masking of phone numbers and message bodies, for logs and the audit log.

Phone numbers are health data here (a number enrolled in a facial-spasm coach says something
about its owner), and so is what patients write. Both are masked wherever text leaves the
database for a person to read: `***01` for a number, `[body: N chars]` for a message.
"""

from __future__ import annotations

import re
from typing import Any

from coach.phone import mask_phone

# +E.164, also percent-encoded (%2B) as in a request path, with or without separators as a
# person types them ("+1 415-555 0101"), and the tel:/sms: forms.
PHONE = re.compile(
    r"(?:\+|%2[bB])(?:[1-9](?:[ .\-()]{0,2}[0-9]){6,14})(?![0-9])"
)
# A long bare run of digits in a request path (a phone number typed without +).
BARE_DIGITS = re.compile(r"(?<![0-9A-Za-z])[0-9]{10,15}(?![0-9])")
# Message bodies as libraries log them: a form field (Twilio's SDK logs its request body at
# DEBUG), JSON or Python reprs.
FORM_BODY = re.compile(r"(?<![A-Za-z])(Body|body)=[^&\s'\"]*")
QUOTED_BODY = re.compile(r"""(["'](?:body|Body|text|note)["']\s*:\s*)(["'])(?:\\.|(?!\2).)*\2""")
# SQLAlchemy errors carry their parameters unless hide_parameters; PostgreSQL's DETAIL
# repeats the conflicting key value.
SQL_PARAMETERS = re.compile(r"\[parameters: .*?\](?=\s*(?:\n|\(Background|$))", re.S)
KEY_DETAIL = re.compile(r"(Key \([^)]*\)=\()[^)]*(\))")

BODY_KEYS = frozenset({"body", "text", "note", "message_body", "reply"})
PHONE_KEYS = frozenset({"phone", "from", "to", "from_number", "to_number", "oncall_number"})


def mask_text(text: str) -> str:
    """`text` with every phone number masked and message bodies in known shapes dropped."""
    if not text:
        return text
    text = PHONE.sub(lambda m: mask_phone(m.group(0).replace("%2B", "+").replace("%2b", "+")),
                     text)
    if "=" in text:
        text = FORM_BODY.sub(lambda m: m.group(1) + "=[redacted]", text)
    if ":" in text:
        text = QUOTED_BODY.sub(lambda m: m.group(1) + '"[redacted]"', text)
    if "[parameters:" in text:
        text = SQL_PARAMETERS.sub("[parameters hidden]", text)
    if "Key (" in text:
        text = KEY_DETAIL.sub(lambda m: m.group(1) + "***" + m.group(2), text)
    return text


def mask_path(path: str) -> str:
    """A request path fit for the access log: numbers masked, bare or encoded."""
    return BARE_DIGITS.sub(lambda m: mask_phone(m.group(0)), mask_text(path))


def body_placeholder(value: str) -> str:
    return f"[body: {len(value)} chars]"


def mask_value(value: Any, key: str | None = None) -> Any:
    """A JSON-able copy of `value` for the audit log: phone fields masked, bodies replaced by
    their length, and any phone number inside other strings masked."""
    lowered = (key or "").lower()
    if isinstance(value, dict):
        return {str(k): mask_value(v, str(k)) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [mask_value(v, key) for v in value]
    if isinstance(value, str):
        if lowered in BODY_KEYS:
            return body_placeholder(value)
        if lowered in PHONE_KEYS:
            return mask_phone(value)
        return mask_text(value)
    if value is None or isinstance(value, bool | int | float):
        return value
    return mask_text(str(value))
