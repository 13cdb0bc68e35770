"""The embedded default: nothing leaves the machine; the message row is the outbox, shown in
the dashboard's phone simulator."""

from __future__ import annotations

import secrets

from coach.sms.base import OutgoingSms, SendResult


class OutboxBackend:
    name = "outbox"
    # Its send is the row itself: coach.send checks and "sends" a batch in one transaction.
    in_database = True

    def send(self, sms: OutgoingSms) -> SendResult:
        return SendResult(provider_sid="OB" + secrets.token_hex(16), status="delivered")
