"""The interface every SMS backend implements."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class OutgoingSms:
    to: str  # E.164
    body: str
    message_id: int | None = None  # our outbox row id, for correlation only
    status_callback: str | None = None
    sender: str | None = None  # from-number or Messaging Service SID; None: the backend's own


@dataclass(frozen=True)
class SendResult:
    provider_sid: str
    status: str  # provider's status at accept time, e.g. "queued" or "sent"


class SmsError(Exception):
    """A send that failed. `permanent` tells the caller to stop (and record) rather than retry.

    `code` is the provider's error code when there is one (Twilio: 21610 unsubscribed,
    21211/21614 invalid number, 20429 too many requests).
    """

    def __init__(self, message: str, *, code: int | None = None, permanent: bool = False):
        super().__init__(message)
        self.code = code
        self.permanent = permanent

    @property
    def opted_out(self) -> bool:
        return self.code == 21610

    @property
    def invalid_number(self) -> bool:
        return self.code in (21211, 21614, 21217, 21401, 21407, 21408, 21612)


class SmsBackend(Protocol):
    name: str

    def send(self, sms: OutgoingSms) -> SendResult: ...
