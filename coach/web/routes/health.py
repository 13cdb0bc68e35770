"""Liveness for load balancers (/healthz) and Prometheus metrics (/metrics)."""

from __future__ import annotations

import logging
import os

from fastapi import APIRouter, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import text

from coach.config import Settings
from coach.web.deps import FactoryDep, MetricsDep, SettingsDep
from coach.web.schemas import Health

log = logging.getLogger(__name__)
router = APIRouter(tags=["health"])

BROKER_TIMEOUT_SECONDS = 1.0


def broker_status(settings: Settings) -> str:
    """"ok" or "down". Reported, never fatal: the webhook answers red flags without it."""
    url = settings.broker_url
    try:
        if url.startswith(("redis://", "rediss://")):
            import redis

            client = redis.Redis.from_url(
                url,
                socket_connect_timeout=BROKER_TIMEOUT_SECONDS,
                socket_timeout=BROKER_TIMEOUT_SECONDS,
            )
            try:
                return "ok" if client.ping() else "down"
            finally:
                client.close()
        if url.startswith("filesystem://"):
            folder = settings.broker_folder
            return "ok" if folder.is_dir() and os.access(folder, os.W_OK) else "down"
        return "ok"  # memory:// lives in this process
    except Exception as exc:
        log.warning("health: broker unreachable: %s", type(exc).__name__)
        return "down"


@router.get("/healthz", response_model=Health, responses={
    503: {"model": Health, "description": "the database is unreachable"}})
def healthz(settings: SettingsDep, factory: FactoryDep) -> JSONResponse:
    database = "ok"
    try:
        with factory() as session:
            session.execute(text("SELECT 1"))
    except Exception as exc:
        log.error("health: database unreachable: %s", type(exc).__name__)
        database = "down"
    body = {
        "status": "ok" if database == "ok" else "down",
        "database": database,
        "broker": broker_status(settings),
    }
    return JSONResponse(body, status_code=200 if database == "ok" else 503)


@router.get("/metrics", include_in_schema=False)
def metrics(metrics: MetricsDep) -> Response:
    return Response(generate_latest(metrics.registry), media_type=CONTENT_TYPE_LATEST)
