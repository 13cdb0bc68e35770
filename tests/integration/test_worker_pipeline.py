"""The whole spine with real parts: PostgreSQL, Redis, a Celery worker and beat, the web
process, and the real `twilio` SDK against Prism serving Twilio's own OpenAPI spec."""

from __future__ import annotations

import json
import secrets
import signal
import threading
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import select

from coach.db.engine import make_engine, make_session_factory
from coach.db.migrate import upgrade
from coach.db.models import Message
from tests.integration.processes import (
    ACCOUNT_SID,
    FROM_NUMBER,
    beat_args,
    cli,
    http_ok,
    post_signed,
    production_env,
    running,
    spawn,
    stop,
    wait_for,
    web_args,
    worker_args,
)
from tests.servers import free_port

pytestmark = pytest.mark.integration

ALICE = "+12025550101"


def _sid() -> str:
    return "SM" + secrets.token_hex(16)


def _rows(factory, kind: str) -> list[Message]:
    with factory() as s:
        return list(s.scalars(select(Message).where(Message.kind == kind).order_by(Message.id)))


def test_reminders_go_through_twilio_once_per_slot_and_stop_ends_them(
    redis_url: str, pg_database: str, prism_url: str, tmp_path: Path
) -> None:
    port = free_port()
    public = f"http://127.0.0.1:{port}"
    env = production_env(
        tmp_path, database_url=pg_database, broker_url=redis_url, twilio_api_url=prism_url,
        public_url=public,
    )
    upgrade(pg_database)
    engine = make_engine(pg_database)
    factory = make_session_factory(engine)
    log = tmp_path / "processes.log"
    try:
        with running(web_args(port), env, log), running(worker_args("w1"), env, log), \
                running(beat_args(tmp_path), env, log):
            wait_for(lambda: http_ok(public + "/healthz"), 60, "the web process")
            patient = cli(env, "patient", "add", ALICE, "--tz", "America/New_York")
            assert patient["status"] == "pending"
            invite = wait_for(
                lambda: [m for m in _rows(factory, "invitation") if m.status == "sent"],
                60, "the invitation to be sent through Twilio (Prism)",
            )[0]
            assert invite.provider_sid.startswith("SM")

            cli(env, "schedule", "set", str(patient["id"]), "screen_break", "--every", "1m")
            status, body = post_signed(public, "/twilio/inbound", {
                "MessageSid": _sid(), "From": ALICE, "To": FROM_NUMBER, "Body": "YES",
            })
            assert status == 200 and "<Message>" in body
            sent = wait_for(
                lambda: [m for m in _rows(factory, "screen_break") if m.status == "sent"][1:],
                150, "two reminders sent",
            )
            reminders = [m for m in _rows(factory, "screen_break") if m.status != "skipped"]
            slots = [m.slot_at for m in reminders]
            assert len(slots) == len(set(slots)), "a slot was texted twice"
            assert all(m.provider_sid and m.provider_sid.startswith("SM") for m in sent)

            status, body = post_signed(public, "/twilio/inbound", {
                "MessageSid": _sid(), "From": ALICE, "To": FROM_NUMBER, "Body": "STOP",
            })
            assert status == 200
            stopped_at = datetime.now(UTC)
            before = {m.id for m in _rows(factory, "screen_break")}
            # Past the next slot and a few ticks: nothing new may be sent.
            wait_for(lambda: (datetime.now(UTC) - stopped_at).total_seconds() > 65, 70, "a slot")
            after = _rows(factory, "screen_break")
            late = [m for m in after if m.id not in before or (
                m.sent_at and m.sent_at > stopped_at)]
            assert late == [], "texted after STOP"
            listed = cli(env, "messages", "--patient", str(patient["id"]))
            assert {"id", "direction", "kind", "status", "provider_sid", "body", "created_at",
                    "sent_at"} <= set(listed[0])
    finally:
        engine.dispose()


class _SlowTwilio(BaseHTTPRequestHandler):
    """A stand-in for Twilio that counts message creates and answers slowly, so a worker can
    be killed in the middle of a send."""

    creates: list[str] = []
    delay = 8.0

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        type(self).creates.append(self.path)
        threading.Event().wait(self.delay)
        body = json.dumps(
            {"sid": "SM" + secrets.token_hex(16), "status": "queued", "account_sid": ACCOUNT_SID}
        ).encode()
        try:
            self.send_response(201)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the worker we killed is gone: expected

    def log_message(self, *args: object) -> None:
        pass


def test_killing_a_worker_mid_send_never_texts_twice(
    redis_url: str, pg_database: str, tmp_path: Path
) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _SlowTwilio)
    _SlowTwilio.creates = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    env = production_env(
        tmp_path, database_url=pg_database, broker_url=redis_url,
        twilio_api_url=f"http://127.0.0.1:{server.server_address[1]}",
        COACH_VISIBILITY_TIMEOUT="3",
    )
    upgrade(pg_database)
    engine = make_engine(pg_database)
    factory = make_session_factory(engine)
    log = tmp_path / "processes.log"
    try:
        first = spawn(worker_args("w1"), env, log)
        try:
            cli(env, "patient", "add", ALICE, "--tz", "UTC")  # enqueues the invitation
            wait_for(lambda: _SlowTwilio.creates, 60, "the send to reach Twilio")
        finally:
            stop(first, signal.SIGKILL)  # mid-send: no ack, no status update
        (invite,) = _rows(factory, "invitation")
        assert invite.status == "sending"
        # A second worker gets the redelivered task (the visibility timeout has passed).
        with running(worker_args("w2"), env, log):
            wait_for(
                lambda: "coach.send_batch" in log.read_text()
                and log.read_text().count("succeeded") >= 1,
                60, "the redelivered task to run",
            )
        assert len(_SlowTwilio.creates) == 1, "the message was sent twice"
    finally:
        server.shutdown()
        engine.dispose()
