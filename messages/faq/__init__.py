"""The vetted answer catalogue: each answer's text, who approved it, its version, and the ways
patients ask it (paraphrases, used only for matching). See docs/faq.md.

The texts are also ordinary messages (`faq.answer.<id>`), so the segment-budget test covers
them; this module adds what matching and review need.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

LANGS = ("en", "es")
REQUIRED = ("text", "reviewed_by", "version", "paraphrases")
MIN_PARAPHRASES = 8


@dataclass(frozen=True)
class Answer:
    id: str
    lang: str
    text: str
    reviewed_by: str
    version: int
    paraphrases: tuple[str, ...]


@cache
def answers(lang: str) -> dict[str, Answer]:
    """Every answer in `lang` ("en" or "es"), by id, in file order."""
    if lang not in LANGS:
        raise ValueError(f"no FAQ catalogue for {lang!r}")
    where = f"faq/{lang}.toml"
    data = tomllib.loads(resources.files("messages").joinpath(where).read_text("utf-8"))
    out: dict[str, Answer] = {}
    for answer_id, table in data.get("answer", {}).items():
        missing = [name for name in REQUIRED if name not in table]
        if missing:
            raise ValueError(f"{where}: answer {answer_id!r} lacks {', '.join(missing)}")
        paraphrases = table["paraphrases"]
        if not isinstance(paraphrases, list) or not all(
            isinstance(p, str) and p.strip() for p in paraphrases
        ):
            raise ValueError(f"{where}: answer {answer_id!r} needs non-empty paraphrases")
        if type(table["version"]) is not int or not str(table["reviewed_by"]).strip():
            raise ValueError(f"{where}: answer {answer_id!r} needs reviewed_by and an int version")
        out[answer_id] = Answer(
            id=answer_id,
            lang=lang,
            text=str(table["text"]),
            reviewed_by=str(table["reviewed_by"]),
            version=int(table["version"]),
            paraphrases=tuple(p.strip() for p in paraphrases),
        )
    return out


def answer_ids() -> list[str]:
    return list(answers("en"))


@cache
def elsewhere(lang: str) -> tuple[str, ...]:
    """Questions never answered from the catalogue: matching's decoys (see en.toml)."""
    if lang not in LANGS:
        raise ValueError(f"no FAQ catalogue for {lang!r}")
    where = f"faq/{lang}.toml"
    data = tomllib.loads(resources.files("messages").joinpath(where).read_text("utf-8"))
    return tuple(str(p).strip() for p in data.get("elsewhere", {}).get("paraphrases", []))


def paraphrases() -> dict[str, list[str]]:
    """Every answer's paraphrases in both languages, pooled (the encoder is multilingual)."""
    pooled: dict[str, list[str]] = {}
    for lang in LANGS:
        for answer in answers(lang).values():
            pooled.setdefault(answer.id, []).extend(answer.paraphrases)
    return pooled
