"""The pool of senders: COACH_SENDERS, or the single TWILIO_FROM_NUMBER /
TWILIO_MESSAGING_SERVICE_SID, each with its own messages per second.

COACH_SENDERS="+15550001111:1,+15550002222:1,MG0123...:10" lists from-numbers and Messaging
Service SIDs, each with an optional ":rate" (default COACH_SEND_RATE). Every recipient keeps
one sender (coach.core.senders.pick), so a patient sees the same number every time.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass

from prometheus_client import Gauge

from coach.core.capacity import capacity
from coach.core.senders import Sender, pick
from coach.phone import PhoneError, mask_phone, normalize_phone

log = logging.getLogger(__name__)

_SERVICE_SID = re.compile(r"MG[0-9a-fA-F]{32}")
OUTBOX = "outbox"

SHORTFALL = Gauge(
    "coach_sender_shortfall",
    "Reminders of the latest enqueued batch that a sender cannot send within the grace period",
    ["sender"],
)


class SenderConfigError(ValueError):
    pass


def parse_senders(spec: str, default_rate: float, region: str = "US") -> tuple[Sender, ...]:
    """COACH_SENDERS as Senders, or SenderConfigError with a one-line reason."""
    senders: list[Sender] = []
    for raw in spec.split(","):
        item = raw.strip()
        if not item:
            continue
        key, rate = item, default_rate
        if ":" in item:
            key, _, rate_text = item.rpartition(":")
            try:
                rate = float(rate_text)
            except ValueError:
                raise SenderConfigError(
                    f"COACH_SENDERS: rate of {_shown(key)} must be a number, got {rate_text!r}"
                ) from None
            if not rate > 0 or rate != rate or rate == float("inf"):
                raise SenderConfigError(f"COACH_SENDERS: rate of {_shown(key)} must be positive")
        key = key.strip()
        if key.startswith("MG"):
            if not _SERVICE_SID.fullmatch(key):
                raise SenderConfigError(
                    f"COACH_SENDERS: {key[:8]}… is not a Messaging Service SID (MG + 32 hex)"
                )
        else:
            try:
                key = normalize_phone(key, region)
            except PhoneError:
                raise SenderConfigError(
                    f"COACH_SENDERS: {_shown(key)} is neither an E.164 number nor an MG… SID"
                ) from None
        if any(s.key == key for s in senders):
            raise SenderConfigError(f"COACH_SENDERS lists {_shown(key)} twice")
        senders.append(Sender(key, rate))
    if not senders:
        raise SenderConfigError("COACH_SENDERS is set but lists no sender")
    return tuple(senders)


def _shown(key: str) -> str:
    return key[:8] + "…" if key.startswith("MG") else mask_phone(key)


def shown(sender: Sender | str) -> str:
    """A sender as logs may name it (numbers masked)."""
    return _shown(sender.key if isinstance(sender, Sender) else sender)


@dataclass(frozen=True)
class SenderPool:
    senders: tuple[Sender, ...]

    def for_number(self, number: str | None) -> Sender:
        return pick(number or "", self.senders)

    def get(self, key: str) -> Sender | None:
        return next((s for s in self.senders if s.key == key), None)


def pool_from(
    env: Mapping[str, str], *, use_twilio: bool, from_number: str | None,
    messaging_service_sid: str | None, default_rate: float, region: str = "US",
) -> SenderPool:
    spec = env.get("COACH_SENDERS")
    if spec:
        return SenderPool(parse_senders(spec, default_rate, region))
    if use_twilio:
        key = from_number or messaging_service_sid or "twilio"
        return SenderPool((Sender(key, default_rate),))
    return SenderPool((Sender(OUTBOX, default_rate),))


def pool_for(settings: object) -> SenderPool:
    """The pool of a coach Settings (duck-typed so config.py can validate with it)."""
    return pool_from(
        getattr(settings, "extra", {}),
        use_twilio=bool(getattr(settings, "use_twilio", False)),
        from_number=getattr(settings, "twilio_from_number", None),
        messaging_service_sid=getattr(settings, "twilio_messaging_service_sid", None),
        default_rate=float(getattr(settings, "send_rate_per_second", 1.0)),
        region=str(getattr(settings, "default_region", "US")),
    )


def warn_shortfalls(backlog: Mapping[str, int], pool: SenderPool, grace_seconds: float) -> int:
    """Says (a warning and the coach_sender_shortfall gauge) which senders cannot send their
    share of a slot in time. Returns the total shortfall."""
    total = 0
    for key, count in backlog.items():
        sender = pool.get(key)
        if sender is None:
            continue
        cap = capacity(count, sender.per_second, grace_seconds)
        SHORTFALL.labels(sender=shown(sender)).set(cap.shortfall)
        if cap.shortfall:
            total += cap.shortfall
            log.warning(
                "sender %s cannot send %d of %d reminders within the %.0f-minute grace period "
                "at %g/s (it needs %.0f s); they will be skipped as late. Add senders or raise "
                "COACH_SEND_RATE / COACH_SENDERS rates", shown(sender), cap.shortfall, count,
                grace_seconds / 60, sender.per_second, cap.drain_seconds,
            )
    return total
