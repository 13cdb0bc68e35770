"""Periodic clinic work: low-priority alerts for non-responders (when
COACH_NONRESPONDER_ALERTS is on). Hourly is plenty: the threshold is counted in days."""

from __future__ import annotations

from datetime import UTC, datetime

from coach import nonresponders
from coach import resources as runtime
from coach.db.engine import transaction
from tasks.celery_app import app


@app.task(name="coach.nonresponder_sweep", ignore_result=True)
def nonresponder_sweep() -> int:
    settings = runtime.settings()
    if not settings.nonresponder_alerts:
        return 0
    with transaction(runtime.session_factory()) as session:
        return nonresponders.sweep(session, settings, now=datetime.now(UTC))
