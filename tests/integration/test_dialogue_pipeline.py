"""The clarifying question with real parts: PostgreSQL, Redis, a Celery worker (and beat for
the sweep), the web process, both readers, and the twilio SDK against Prism."""

from __future__ import annotations

import secrets
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from coach.core.triage import assess
from coach.core.types import Level
from coach.db.engine import make_engine, make_session_factory
from coach.db.migrate import upgrade
from coach.db.models import Alert, Message
from coach.db.review import ReviewItem
from messages import render
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
# A reply the lexicon reads as routine and the learned reader suspects (weakness).
SUSPECT = "chewing feels weird on one side"


def _sid() -> str:
    return "SM" + secrets.token_hex(16)


def _suspected_only() -> None:
    found = assess(SUSPECT, "en")
    if found.reading.level != Level.ROUTINE or not found.check:
        pytest.skip("the shipped learned model no longer suspects the probe reply")


def _text(public: str, body: str) -> str:
    status, reply = post_signed(public, "/twilio/inbound", {
        "MessageSid": _sid(), "From": ALICE, "To": FROM_NUMBER, "Body": body,
    })
    assert status == 200, reply
    return reply


def test_question_reaches_the_patient_within_30_s_and_yes_gets_advice(
    redis_url: str, pg_database: str, prism_url: str, tmp_path: Path
) -> None:
    _suspected_only()
    port = free_port()
    public = f"http://127.0.0.1:{port}"
    env = production_env(tmp_path, database_url=pg_database, broker_url=redis_url,
                         twilio_api_url=prism_url, public_url=public)
    upgrade(pg_database)
    engine = make_engine(pg_database)
    factory = make_session_factory(engine)
    log = tmp_path / "processes.log"
    try:
        with running(web_args(port), env, log), running(worker_args("w1"), env, log):
            wait_for(lambda: http_ok(public + "/healthz"), 60, "the web process")
            cli(env, "patient", "add", ALICE, "--tz", "America/New_York")
            _text(public, "YES")
            reply = _text(public, SUSPECT)
            asked_at = time.monotonic()
            assert render("diary.ack_note", "en") in reply  # no advice on a guess

            def question_sent() -> list[Message]:
                with factory() as s:
                    return list(s.scalars(select(Message).where(
                        Message.kind == "check", Message.status == "sent")))

            (question,) = wait_for(question_sent, 30, "the clarifying question to be sent")
            assert time.monotonic() - asked_at < 30
            assert question.body == render("check.question", "en")
            assert question.provider_sid and question.provider_sid.startswith("SM")

            answer = _text(public, "yes")
            assert render("advice.emergency", "en", emergency_number="911") in answer
            with factory() as s:
                (alert,) = s.scalars(select(Alert)).all()
                assert alert.level == "emergency" and "weakness" in alert.codes
                assert s.scalars(select(ReviewItem)).one().dialogue == "yes"
    finally:
        engine.dispose()


def test_a_reply_stored_while_the_workers_were_down_is_read_by_the_sweep(
    redis_url: str, pg_database: str, prism_url: str, tmp_path: Path
) -> None:
    _suspected_only()
    port = free_port()
    public = f"http://127.0.0.1:{port}"
    env = production_env(tmp_path, database_url=pg_database, broker_url=redis_url,
                         twilio_api_url=prism_url, public_url=public)
    upgrade(pg_database)
    engine = make_engine(pg_database)
    factory = make_session_factory(engine)
    log = tmp_path / "processes.log"
    try:
        with running(web_args(port), env, log):
            wait_for(lambda: http_ok(public + "/healthz"), 60, "the web process")
            cli(env, "patient", "add", ALICE, "--tz", "America/New_York")
            _text(public, "YES")
            _text(public, SUSPECT)
        # Flush the task the web process published, as if the broker had lost it.
        import redis

        redis.Redis.from_url(redis_url).flushdb()
        with running(worker_args("w1"), env, log), running(beat_args(tmp_path), env, log):
            def asked() -> list[ReviewItem]:
                with factory() as s:
                    return list(s.scalars(select(ReviewItem).where(
                        ReviewItem.dialogue == "asked")))

            wait_for(asked, 90, "the sweep to second-read the stored reply")
    finally:
        engine.dispose()
