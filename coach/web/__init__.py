"""The web adapter: Twilio webhooks, REST API, operator dashboard, health and metrics."""

from __future__ import annotations

from coach.web.app import create_app

__all__ = ["create_app"]
