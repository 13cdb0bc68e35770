"""/healthz and /metrics."""

from __future__ import annotations

import socket
from pathlib import Path

from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import create_engine

from coach.db.engine import make_session_factory
from coach.web import create_app
from tests.unit.test_web_support import TestClient, enrol, settings_for, web_env


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_healthz_reports_database_and_embedded_broker(tmp_path: Path) -> None:
    with web_env(tmp_path) as web:
        web.settings.broker_folder.mkdir(parents=True)
        response = web.client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "broker": "ok"}


def test_healthz_stays_up_when_the_broker_is_down(tmp_path: Path) -> None:
    url = f"redis://127.0.0.1:{closed_port()}/0"
    with web_env(tmp_path, COACH_BROKER_URL=url) as web:
        response = web.client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "broker": "down"}


def test_healthz_is_503_when_the_database_is_down(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    # A folder is not a database file: every connection fails.
    engine = create_engine(f"sqlite:///{tmp_path}")
    app = create_app(settings, make_session_factory(engine))
    with TestClient(app) as client:
        response = client.get("/healthz")
        metrics = client.get("/metrics")
    engine.dispose()
    assert response.status_code == 503
    assert response.json()["database"] == "down"
    assert response.json()["status"] == "down"
    assert metrics.status_code == 200
    assert "coach_database_up 0.0" in metrics.text


def test_metrics_is_prometheus_text_with_database_gauges(tmp_path: Path) -> None:
    with web_env(tmp_path) as web:
        enrol(web)
        web.client.post("/twilio/inbound", data={"Body": "forged"})
        response = web.client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    families = {f.name: f for f in text_string_to_metric_families(response.text)}
    rejections = [s for s in families["coach_webhook_rejections"].samples
                  if s.name.endswith("_total")]
    assert [(s.labels, s.value) for s in rejections] == [
        ({"endpoint": "inbound", "reason": "unsigned_or_forged"}, 1.0)
    ]
    outbound = {s.labels["status"]: s.value for s in families["coach_outbound_messages"].samples}
    assert outbound == {"queued": 1.0}
    assert families["coach_database_up"].samples[0].value == 1.0


def test_on_postgresql_the_web_pool_keeps_its_connections(tmp_path: Path) -> None:
    # Overflow connections are opened and closed per request under load (a new PostgreSQL
    # backend each time); the web process keeps a fixed pool and queues beyond it.
    from coach.db.engine import WEB_POOL_SIZE

    url = "postgresql+psycopg://coach@127.0.0.1:9/coach"  # never connected to
    app = create_app(settings_for(tmp_path, COACH_DATABASE_URL=url))
    pool = app.state.session_factory.kw["bind"].pool
    assert pool.size() == WEB_POOL_SIZE
    assert pool._max_overflow == 0
    app.state.session_factory.kw["bind"].dispose()
