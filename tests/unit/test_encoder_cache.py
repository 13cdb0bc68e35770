"""The encoder remembers single texts (the webhook's FAQ question) and nothing else."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from coach.core.triage.learned import EMBED_DIM, Encoder


class CountingEncoder(Encoder):
    def __init__(self) -> None:
        super().__init__()
        self.calls: list[list[str]] = []

    def _encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(list(texts))
        return np.full((len(texts), EMBED_DIM), float(len(self.calls)), dtype=np.float32)


def test_a_single_text_is_encoded_once_and_callers_get_their_own_copy() -> None:
    encoder = CountingEncoder()
    first = encoder.encode(["how long does it last?"])
    first[0, 0] = -1.0  # a caller scribbling on its result must not change the next answer
    again = encoder.encode(["how long does it last?"])
    assert encoder.calls == [["how long does it last?"]]
    assert again[0, 0] == 1.0


def test_batches_are_never_served_from_the_cache() -> None:
    encoder = CountingEncoder()
    encoder.encode(["a"])
    encoder.encode(["a", "b"])
    encoder.encode(["a", "b"])
    assert encoder.calls == [["a"], ["a", "b"], ["a", "b"]]


def test_the_cache_forgets_the_least_recent_text() -> None:
    encoder = CountingEncoder()
    encoder.CACHE_SIZE = 2
    for text in ("a", "b", "a", "c", "a", "b"):
        encoder.encode([text])
    assert encoder.calls == [["a"], ["b"], ["c"], ["b"]]
