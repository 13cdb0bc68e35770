"""Safety without the queue: with Redis stopped, a red flag still gets emergency advice in the
webhook's own answer, the alert is stored, and on-call is told once Redis is back."""

from __future__ import annotations

import secrets
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from coach.db.engine import make_engine, make_session_factory
from coach.db.migrate import upgrade
from coach.db.models import Alert, Message
from tests.integration.processes import (
    FROM_NUMBER,
    beat_args,
    cli,
    http_ok,
    post_signed,
    production_env,
    running,
    wait_for,
    web_args,
    worker_args,
)
from tests.servers import free_port

pytestmark = pytest.mark.integration

ALICE = "+12025550101"
ONCALL = "+12025550199"


def _redis(port: int, folder: Path) -> subprocess.Popen[bytes]:
    binary = shutil.which("redis-server")
    assert binary, "redis-server is needed (scripts/test installs it)"
    return subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(folder)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


def _redis_ready(port: int) -> bool:
    import redis

    try:
        return bool(redis.Redis(port=port, socket_connect_timeout=0.5).ping())
    except redis.RedisError:
        return False


def test_red_flag_advice_and_alert_survive_a_redis_outage(
    pg_database: str, prism_url: str, tmp_path: Path
) -> None:
    redis_port, web_port = free_port(), free_port()
    public = f"http://127.0.0.1:{web_port}"
    env = production_env(
        tmp_path, database_url=pg_database, broker_url=f"redis://127.0.0.1:{redis_port}/0",
        twilio_api_url=prism_url, public_url=public, COACH_ONCALL_NUMBER=ONCALL,
    )
    upgrade(pg_database)
    engine = make_engine(pg_database)
    factory = make_session_factory(engine)
    log = tmp_path / "processes.log"
    try:
        patient = cli(env, "patient", "add", ALICE, "--tz", "America/New_York")
        # Redis is not running at all: the web process must answer regardless.
        with running(web_args(web_port), env, log):
            wait_for(lambda: http_ok(public + "/healthz"), 60, "the web process")
            post_signed(public, "/twilio/inbound", {
                "MessageSid": "SM" + secrets.token_hex(16), "From": ALICE, "To": FROM_NUMBER,
                "Body": "YES"})
            status, body = post_signed(public, "/twilio/inbound", {
                "MessageSid": "SM" + secrets.token_hex(16), "From": ALICE, "To": FROM_NUMBER,
                "Body": "my face is drooping",
            })
            assert status == 200
            assert "<Message>" in body and "911" in body
        (alert,) = cli(env, "alerts", "--status", "open")
        assert alert["level"] == "emergency" and alert["codes"] == ["weakness"]
        assert alert["patient_id"] == patient["id"]

        # Redis comes back; the worker and beat catch up: on-call is told through Twilio.
        server = _redis(redis_port, tmp_path)
        try:
            wait_for(lambda: _redis_ready(redis_port), 20, "redis to come back")
            with running(worker_args("w1"), env, log), running(beat_args(tmp_path), env, log):
                def paged() -> list[Message]:
                    with factory() as s:
                        return list(s.scalars(select(Message).where(
                            Message.kind == "operator_alert", Message.status == "sent")))
                (page,) = wait_for(paged, 90, "the on-call page")
                assert page.to_number == ONCALL and page.provider_sid.startswith("SM")
                assert "drooping" not in page.body
                with factory() as s:
                    assert s.scalar(select(Alert.notified_count)) == 1
        finally:
            server.terminate()
            server.wait(10)
    finally:
        engine.dispose()
