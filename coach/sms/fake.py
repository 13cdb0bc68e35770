"""An SMS backend that only records what it is asked to send: for tests and the demo."""

from __future__ import annotations

import threading
from collections import deque

from coach.sms.base import OutgoingSms, SendResult, SmsError


class RecordingBackend:
    name = "fake"

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sent: list[OutgoingSms] = []
        self._attempts: list[OutgoingSms] = []
        self._failures: deque[SmsError] = deque()

    @property
    def sent(self) -> list[OutgoingSms]:
        """Messages accepted, in order (a copy: safe to read while others send)."""
        with self._lock:
            return list(self._sent)

    @property
    def attempts(self) -> list[OutgoingSms]:
        """Every send asked for, failed ones included."""
        with self._lock:
            return list(self._attempts)

    def fail_next(self, error: SmsError, times: int = 1) -> None:
        """Makes the next `times` sends raise `error` instead of recording the message."""
        if times < 1:
            raise ValueError(f"times must be at least 1, got {times}")
        with self._lock:
            self._failures.extend([error] * times)

    def send(self, sms: OutgoingSms) -> SendResult:
        with self._lock:
            self._attempts.append(sms)
            if self._failures:
                raise self._failures.popleft()
            self._sent.append(sms)
            return SendResult(provider_sid=f"SMfake{len(self._sent):04d}", status="queued")

    def clear(self) -> None:
        with self._lock:
            self._sent.clear()
            self._attempts.clear()
            self._failures.clear()
