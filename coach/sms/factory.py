"""Choose the SMS backend from settings: Twilio when TWILIO_ACCOUNT_SID is set."""

from __future__ import annotations

from coach.config import Settings
from coach.sms.base import SmsBackend
from coach.sms.outbox import OutboxBackend


def build_backend(settings: Settings, factory: object = None) -> SmsBackend:
    if settings.use_twilio:
        from coach.sms.twilio import TwilioBackend

        assert settings.twilio_account_sid and settings.twilio_auth_token
        return TwilioBackend(
            account_sid=settings.twilio_account_sid,
            auth_token=settings.twilio_auth_token,
            from_number=settings.twilio_from_number,
            messaging_service_sid=(
                None if settings.twilio_from_number else settings.twilio_messaging_service_sid
            ),
            api_url=settings.twilio_api_url,
        )
    return OutboxBackend()
