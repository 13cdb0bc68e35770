"""The sealed blind sets (tests/data/sealed) are what the first scores were taken on: each
unpacked copy in tests/data/triage or tests/data/faq is byte for byte the sealed file."""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"
SEALED = DATA / "sealed"


def _digests() -> dict[str, str]:
    lines = (SEALED / "SHA256SUMS").read_text().splitlines()
    return {name: digest for digest, name in (line.split() for line in lines if line.strip())}


def test_every_sealed_file_matches_its_digest() -> None:
    digests = _digests()
    assert {p.name.removesuffix(".gz") for p in SEALED.glob("*.jsonl.gz")} == set(digests)
    for name, digest in digests.items():
        assert hashlib.sha256(gzip.decompress((SEALED / f"{name}.gz").read_bytes())).hexdigest() \
            == digest, name


def test_an_unpacked_sealed_set_is_unchanged() -> None:
    unpacked = 0
    for name, digest in _digests().items():
        for path in (DATA / "triage" / name, DATA / "faq" / name.removeprefix("faq_")):
            if path.exists():
                assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, path
                unpacked += 1
    assert unpacked >= 6  # exam9-exam14 and the FAQ sets scored so far
