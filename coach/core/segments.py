"""SMS segment arithmetic: which encoding a text needs and how many segments it costs.

A text that uses only the GSM 03.38 default alphabet (plus its extension table) goes as
GSM-7: 160 septets in one segment, 153 per segment once concatenated (the user data header
takes the rest). Any other character forces UCS-2 for the whole message: 70 UTF-16 code units
in one segment, 67 per segment once concatenated. One non-GSM letter therefore more than
halves the room and can double the price, which is why `fold_to_gsm7` exists.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

GSM7 = "GSM-7"
UCS2 = "UCS-2"

# GSM 03.38 default alphabet, in table order (0x00-0x7F) without the escape at 0x1B.
_GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅå"
    "Δ_ΦΓΛΩΠΨΣΘΞÆæßÉ"
    " !\"#¤%&'()*+,-./"
    "0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNO"
    "PQRSTUVWXYZÄÖÑÜ§"
    "¿abcdefghijklmno"
    "pqrstuvwxyzäöñüà"
)
# Extension table: each is sent as ESC + char, so it costs two septets.
_GSM_EXTENSION = frozenset("\f^{}\\[~]|€")

_SINGLE_GSM7 = 160
_CONCAT_GSM7 = 153
_SINGLE_UCS2 = 70
_CONCAT_UCS2 = 67

# Look-alikes that would otherwise force UCS-2; typed by phones and word processors.
_FOLDS = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u00b4": "'",
    "\u0060": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2212": "-",
    "\u2026": "...",
    "\u00a0": " ",
    "\u2007": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\t": " ",
    "ç": "Ç",  # GSM has only the capital; phones show it as ç in context anyway
}


@dataclass(frozen=True)
class SegmentInfo:
    encoding: str  # "GSM-7" | "UCS-2"
    segments: int
    units: int  # GSM-7 septets (extension characters count 2) or UTF-16 code units


def is_gsm7(text: str) -> bool:
    return all(ch in _GSM_BASIC or ch in _GSM_EXTENSION for ch in text)


def segment_info(text: str) -> SegmentInfo:
    """Encoding, segment count and length of `text` as a carrier would send it.

    An empty text counts as one segment: it would still be one message if sent.
    """
    if is_gsm7(text):
        sizes = [2 if ch in _GSM_EXTENSION else 1 for ch in text]
        return SegmentInfo(GSM7, _count(sizes, _SINGLE_GSM7, _CONCAT_GSM7), sum(sizes))
    sizes = [2 if ord(ch) > 0xFFFF else 1 for ch in text]
    return SegmentInfo(UCS2, _count(sizes, _SINGLE_UCS2, _CONCAT_UCS2), sum(sizes))


def _count(sizes: list[int], single: int, per_part: int) -> int:
    if sum(sizes) <= single:
        return 1
    # An escape pair or a surrogate pair is never split, so a part may end one unit short.
    parts, room = 1, per_part
    for size in sizes:
        if size > room:
            parts += 1
            room = per_part
        room -= size
    return parts


def fold_to_gsm7(text: str) -> str:
    """Best-effort rewrite of `text` into the GSM-7 alphabet, keeping its meaning.

    Accented letters that GSM lacks lose their accent (á -> a, Í -> I), while those it has
    stay (é, ñ, ü, à). Curly quotes, dashes and odd spaces become their plain forms.
    Characters with no close equivalent (emoji, other scripts) are kept, so the result may
    still need UCS-2.
    """
    out: list[str] = []
    for ch in text:
        if ch in _GSM_BASIC or ch in _GSM_EXTENSION:
            out.append(ch)
        elif ch in _FOLDS:
            out.append(_FOLDS[ch])
        else:
            base = "".join(
                c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c)
            )
            out.append(base if base and is_gsm7(base) else ch)
    return "".join(out)
