"""Celery app and thin tasks: `celery -A tasks worker`, `celery -A tasks beat`."""

from tasks.celery_app import app

__all__ = ["app"]
