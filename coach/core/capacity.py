"""How much of a slot's backlog a sender can send before the grace period runs out.

A sender texting R messages a second drains at most floor(R x grace) reminders of one slot
before the rest would be late (and skipped). The tick and the enqueue step ask this at
schedule time, so an operator hears about a shortfall before it happens, not after.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Capacity:
    backlog: int  # reminders that must go out from this sender within the grace period
    drainable: int  # how many of them it can send in time
    shortfall: int  # backlog - drainable, never negative
    drain_seconds: float  # how long the whole backlog takes at this rate


def capacity(backlog: int, rate_per_second: float, grace_seconds: float) -> Capacity:
    """The sender's allowance over `grace_seconds` against `backlog` (the first message goes
    at once, each next one 1/rate later: the last in-time one leaves at exactly `grace`)."""
    if backlog < 0:
        raise ValueError(f"backlog must not be negative, got {backlog}")
    if rate_per_second <= 0:
        raise ValueError(f"rate must be positive, got {rate_per_second}")
    if grace_seconds < 0:
        raise ValueError(f"grace must not be negative, got {grace_seconds}")
    # A tiny epsilon: 1/3 per second x 600 s is 200, not 199.99999.
    drainable = min(backlog, math.floor(rate_per_second * grace_seconds + 1e-9) + 1)
    drain = max(0, backlog - 1) / rate_per_second
    return Capacity(backlog, drainable, backlog - drainable, drain)


def shortfall(backlog: int, rate_per_second: float, grace_seconds: float) -> int:
    """Reminders of this backlog that the sender cannot send within the grace period."""
    return capacity(backlog, rate_per_second, grace_seconds).shortfall
