"""The pure core: reply understanding, triage, schedule arithmetic, domain types.

Nothing in this package may import Celery, Twilio, SQLAlchemy, a web framework or any
other adapter; tests/unit/test_boundaries.py fails if it does.
"""
