"""Every word a patient reads, per language, and the SMS budget of each message.

The texts live in `<lang>.toml` beside this file, the segment budgets in `budgets.toml`.
`render("advice.emergency", "es", emergency_number="911")` gives the text to send.
How to add or change a message: docs/messages.md.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from string import Formatter
from typing import Any

from coach.core.segments import fold_to_gsm7

LANGS = ("en", "es")
DEFAULT_LANG = "en"


class MessageError(KeyError):
    """An unknown message key, or a render call missing one of the message's params."""

    def __str__(self) -> str:  # KeyError would show the repr of the message
        return str(self.args[0]) if self.args else ""


@dataclass(frozen=True)
class _Message:
    variants: tuple[str, ...]
    params: frozenset[str]


def keys() -> list[str]:
    return sorted(_catalog(DEFAULT_LANG))


def variant_count(key: str, lang: str = DEFAULT_LANG) -> int:
    return len(_message(key, lang).variants)


def placeholders(key: str, lang: str = DEFAULT_LANG) -> frozenset[str]:
    """The params `render(key, ...)` needs."""
    return _message(key, lang).params


def budget(key: str) -> int:
    """Most SMS segments this message may take, with the longest realistic params."""
    try:
        return _budgets()[key]
    except KeyError:
        raise MessageError(f"no message {key!r}") from None


def render(
    key: str,
    lang: str = DEFAULT_LANG,
    *,
    variant: int | None = None,
    seed: int | None = None,
    **params: object,
) -> str:
    """The text of `key` in `lang` (unknown languages fall back to English).

    `variant` picks an alternative by index (modulo the count); otherwise `seed` picks one
    deterministically, spread across the alternatives (pass `stable_seed(patient_id, slot)`);
    with neither, the first. The same index means the same alternative in every language.

    Params the message does not use are ignored; a missing one raises MessageError. Values
    are folded to GSM-7 where a close letter exists ("Clínica" -> "Clinica"), numbers that
    are floats are shown with one decimal ("4.0" -> "4"), and lists are joined with ", ".
    """
    message = _message(key, lang)
    count = len(message.variants)
    if variant is not None:
        index = variant % count
    elif seed is not None:
        index = _spread(key, seed) % count
    else:
        index = 0
    missing = message.params - params.keys()
    if missing:
        raise MessageError(f"message {key!r} needs {', '.join(sorted(missing))}")
    values = {name: _show(params[name]) for name in message.params}
    return message.variants[index].format_map(values)


def stable_seed(*parts: object) -> int:
    """A seed from e.g. a patient id and a slot that is the same in every process.

    Python's own hash() of a string changes between processes, so a retried task on
    another worker could pick different words.
    """
    joined = "\x1f".join(str(p) for p in parts)
    return int.from_bytes(hashlib.sha256(joined.encode()).digest()[:8], "big")


def normalize_lang(lang: str) -> str:
    """"es-MX", "ES" and "es_419" become "es"; anything not in LANGS becomes "en"."""
    primary = lang.strip().lower().replace("_", "-").split("-", 1)[0]
    return primary if primary in LANGS else DEFAULT_LANG


def _message(key: str, lang: str) -> _Message:
    try:
        return _catalog(normalize_lang(lang))[key]
    except KeyError:
        raise MessageError(f"no message {key!r}") from None


def _spread(key: str, seed: int) -> int:
    digest = hashlib.sha256(f"{key}\x1f{seed}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def _show(value: object) -> str:
    if isinstance(value, bool):
        text = str(value)
    elif isinstance(value, float):
        text = f"{value:.1f}".removesuffix(".0")
    elif isinstance(value, list | tuple):
        text = ", ".join(_show(v) for v in value)
    elif isinstance(value, set | frozenset):
        text = ", ".join(sorted(_show(v) for v in value))
    else:
        text = str(value)
    return fold_to_gsm7(text)


@cache
def _catalog(lang: str) -> dict[str, _Message]:
    data = tomllib.loads(resources.files(__name__).joinpath(f"{lang}.toml").read_text("utf-8"))
    catalog: dict[str, _Message] = {}
    _collect(data, "", catalog, f"{lang}.toml")
    _collect_faq(lang, catalog)
    return catalog


def _collect_faq(lang: str, out: dict[str, _Message]) -> None:
    """messages/faq/<lang>.toml as `faq.*` keys; an answer is `faq.answer.<id>`, its text only
    (its review fields and paraphrases are read by messages.faq)."""
    where = f"faq/{lang}.toml"
    data = tomllib.loads(resources.files(__name__).joinpath(where).read_text("utf-8"))
    answers = data.pop("answer", {})
    data.pop("elsewhere", None)  # matching data, not a message
    _collect(data, "faq", out, where)
    for answer_id, table in answers.items():
        key = f"faq.answer.{answer_id}"
        out[key] = _parse_message({"text": table.get("text")}, key, where)


@cache
def _budgets() -> dict[str, int]:
    data = tomllib.loads(resources.files(__name__).joinpath("budgets.toml").read_text("utf-8"))
    for key, value in data.items():
        if type(value) is not int or value < 1:
            raise ValueError(f"budgets.toml: {key!r} must be a positive integer")
    return data


def _collect(table: Mapping[str, Any], prefix: str, out: dict[str, _Message], where: str) -> None:
    if "text" in table or "variants" in table:
        out[prefix] = _parse_message(table, prefix, where)
        return
    for name, value in table.items():
        if not isinstance(value, Mapping):
            raise ValueError(f"{where}: {prefix}.{name} is neither a message nor a group")
        _collect(value, f"{prefix}.{name}" if prefix else name, out, where)


def _parse_message(table: Mapping[str, Any], key: str, where: str) -> _Message:
    if set(table) not in ({"text"}, {"variants"}):
        raise ValueError(f"{where}: {key!r} needs exactly one of text or variants")
    raw = [table["text"]] if "text" in table else table["variants"]
    if not isinstance(raw, list) or not raw or not all(isinstance(t, str) and t for t in raw):
        raise ValueError(f"{where}: {key!r} needs non-empty strings")
    params = [_params_of(t, key, where) for t in raw]
    if any(p != params[0] for p in params):
        raise ValueError(f"{where}: every variant of {key!r} must use the same placeholders")
    return _Message(tuple(raw), params[0])


def _params_of(template: str, key: str, where: str) -> frozenset[str]:
    names: set[str] = set()
    for _literal, name, spec, conversion in Formatter().parse(template):
        if name is None:
            continue
        # Plain {name} only: no {0}, {a.b}, {a[0]}, {a!r} or {a:>5} in patient texts.
        if not name.isidentifier() or spec or conversion:
            raise ValueError(f"{where}: {key!r} has an unsupported placeholder {{{name}}}")
        names.add(name)
    return frozenset(names)
