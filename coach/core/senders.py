"""Which sender of a pool texts a given number: stable, and in proportion to each sender's
messages per second (weighted rendezvous hashing: adding a sender moves only the numbers it
takes over; a patient keeps seeing the same number otherwise)."""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Sender:
    key: str  # E.164 from-number, or a Messaging Service SID (MG...), or "outbox"
    per_second: float

    @property
    def is_service(self) -> bool:
        return self.key.startswith("MG")


def _unit(number: str, sender: str) -> float:
    digest = hashlib.blake2b(f"{sender}|{number}".encode(), digest_size=8).digest()
    # (0, 1): never exactly 0 or 1, so the log below is finite and negative.
    return (int.from_bytes(digest, "big") + 0.5) / 2**64


def pick(number: str, senders: Sequence[Sender]) -> Sender:
    """The sender for `number` (a recipient's E.164 or any stable key)."""
    if not senders:
        raise ValueError("no senders configured")
    if len(senders) == 1:
        return senders[0]
    return max(senders, key=lambda s: -s.per_second / math.log(_unit(number, s.key)))
