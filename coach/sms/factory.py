"""Choose the SMS backend from settings: Twilio when TWILIO_ACCOUNT_SID is set."""

from __future__ import annotations

from coach.config import Settings
from coach.sms.base import SmsBackend
from coach.sms.outbox import OutboxBackend


def build_backend(settings: Settings, factory: object = None) -> SmsBackend:
    if settings.use_twilio:
        from coach.senders import pool_for
        from coach.sms.twilio import TwilioBackend

        assert settings.twilio_account_sid and settings.twilio_auth_token
        from_number = settings.twilio_from_number
        service = None if from_number else settings.twilio_messaging_service_sid
        if settings.extra.get("COACH_SENDERS"):
            # Each send names its sender from the pool; the first is the fallback.
            first = pool_for(settings).senders[0].key
            from_number, service = (None, first) if first.startswith("MG") else (first, None)
        return TwilioBackend(
            account_sid=settings.twilio_account_sid,
            auth_token=settings.twilio_auth_token,
            from_number=from_number,
            messaging_service_sid=service,
            api_url=settings.twilio_api_url,
        )
    return OutboxBackend()
