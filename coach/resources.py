"""Per-process resources (settings, database, SMS backend, rate limiter), built lazily once
per process and shared by the Celery tasks."""

from __future__ import annotations

from functools import cache

from sqlalchemy.orm import Session, sessionmaker

from coach.config import Settings, get_settings
from coach.db.engine import make_engine, make_session_factory
from coach.ratelimit import RateLimiter, build_limiter
from coach.sms.base import SmsBackend
from coach.sms.factory import build_backend


@cache
def settings() -> Settings:
    return get_settings()


@cache
def session_factory() -> sessionmaker[Session]:
    return make_session_factory(make_engine(settings().database_url))


@cache
def backend() -> SmsBackend:
    return build_backend(settings())


@cache
def limiter() -> RateLimiter:
    return build_limiter(settings().broker_url, settings().send_rate_per_second)
