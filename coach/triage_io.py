"""`coach triage`: JSON Lines in, one reading a line out, in order.

A bad line never stops the stream. A line that is not JSON but is plain text is triaged as
text (a patient's words pasted raw must still be read for red flags); other bad lines get a
routine reading with an "error" key. Blank lines are skipped, as JSON Lines readers do.

Both readers run (`coach.core.triage.assess`): `level` and `red_flags` are the lexicon's
(advice at once), `check` the codes the second reader suspects that the lexicon did not
affirm (a clarifying question). Every object has `check`, an empty list when there is none.
"""

from __future__ import annotations

import json
from typing import TextIO

from coach.core.triage import assess


def _error(reason: str) -> dict[str, object]:
    return {"level": "routine", "red_flags": [], "severity": None, "command": None,
            "check": [], "error": reason}


def read_line(line: str) -> dict[str, object]:
    """The output object for one input line (without its newline)."""
    stripped = line.strip()
    if not stripped:
        return _error("empty line")
    try:
        payload = json.loads(stripped)
    except ValueError:
        return assess(stripped).to_json()
    if not isinstance(payload, dict):
        return _error("not a JSON object")
    text = payload.get("text")
    if "text" not in payload:
        return _error("no text")
    if not isinstance(text, str):
        return _error("text is not a string")
    lang = payload.get("lang")
    return assess(text, lang if isinstance(lang, str) else None).to_json()


def run(stdin: TextIO, stdout: TextIO) -> int:
    for line in stdin:
        if not line.strip():
            continue  # blank lines carry no record in JSON Lines: no output line either
        try:
            result = read_line(line)
        except Exception as exc:  # one reply must never stop the others
            result = _error(f"internal error: {type(exc).__name__}")
        stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        stdout.flush()
    return 0
