"""Dependencies the routes share, as `Annotated` aliases so signatures stay readable."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session, sessionmaker

from coach.config import Settings
from coach.web.metrics import WebMetrics


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_session_factory(request: Request) -> sessionmaker[Session]:
    factory: sessionmaker[Session] = request.app.state.session_factory
    return factory


def get_session(request: Request) -> Iterator[Session]:
    """A session for one request. Routes that write call `session.commit()` themselves, so
    the commit happens before they enqueue work (and before the response goes out)."""
    with get_session_factory(request)() as session:
        yield session


def get_metrics(request: Request) -> WebMetrics:
    metrics: WebMetrics = request.app.state.metrics
    return metrics


def utc_now() -> datetime:
    """The clock, as a dependency so tests can override it."""
    return datetime.now(UTC)


SettingsDep = Annotated[Settings, Depends(get_settings)]
SessionDep = Annotated[Session, Depends(get_session)]
FactoryDep = Annotated[sessionmaker[Session], Depends(get_session_factory)]
MetricsDep = Annotated[WebMetrics, Depends(get_metrics)]
NowDep = Annotated[datetime, Depends(utc_now)]
