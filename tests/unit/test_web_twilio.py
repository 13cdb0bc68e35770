"""Twilio webhooks through the real app: signatures, limits, fields, duplicates, TwiML."""

from __future__ import annotations

import logging
import os
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from sqlalchemy import select

from coach.db.models import Alert, DiaryEntry, Message, MessageEvent, Patient
from coach.web.receive import twiml
from tests.unit.test_web_support import (
    ALICE,
    AUTH_TOKEN,
    BOB,
    PUBLIC_URL,
    WebEnv,
    enrol,
    new_sid,
    opt_in,
    post_signed,
    signature,
    sms_params,
    web_env,
)

INBOUND = "/twilio/inbound"
STATUS = "/twilio/status"


@pytest.fixture
def web(tmp_path: Path) -> Iterator[WebEnv]:
    with web_env(tmp_path) as env:
        yield env


def reply_text(response_text: str) -> str | None:
    root = ET.fromstring(response_text)
    assert root.tag == "Response"
    message = root.find("Message")
    return None if message is None else message.text


def nothing_stored(web: WebEnv) -> bool:
    return web.count(Message, Message.direction == "in") == 0 and web.count(Alert) == 0


# --- accepted -------------------------------------------------------------------------------


def test_signed_inbound_is_stored_and_answered_with_twiml(web: WebEnv) -> None:
    enrol(web)
    response = post_signed(web, INBOUND, sms_params("YES", sid=new_sid()))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/xml")
    assert "Welcome" in (reply_text(response.text) or "")
    with web.session() as session:
        patient = session.scalar(select(Patient).where(Patient.phone == ALICE))
        assert patient is not None and patient.status == "active"
    assert web.count(Message, Message.direction == "in") == 1


def test_red_flag_advice_is_in_the_reply_and_the_alert_is_enqueued(web: WebEnv) -> None:
    enrol(web)
    opt_in(web)
    web.alert_notices.reset_mock()
    response = post_signed(
        web, INBOUND, sms_params("half my face is drooping and my arm is numb", sid=new_sid())
    )
    assert response.status_code == 200
    assert web.settings.emergency_number in (reply_text(response.text) or "")
    with web.session() as session:
        alert = session.scalars(select(Alert)).one()
        assert alert.level == "emergency"
    web.alert_notices.assert_called_once_with([alert.id])
    metrics = web.client.get("/metrics").text
    assert 'coach_red_flags_total{level="emergency"} 1.0' in metrics


def test_reply_is_xml_escaped(tmp_path: Path) -> None:
    with web_env(tmp_path, COACH_CARE_LINE="Smith & Jones <clinic>") as web:
        enrol(web)
        response = post_signed(web, INBOUND, sms_params("HELP", sid=new_sid()))
    assert response.status_code == 200
    assert "Smith &amp; Jones &lt;clinic&gt;" in response.text
    assert "Smith & Jones <clinic>" in (reply_text(response.text) or "")


def test_twiml_without_a_reply_is_an_empty_response() -> None:
    assert ET.fromstring(twiml(None)).tag == "Response"
    assert list(ET.fromstring(twiml(None))) == []
    assert reply_text(twiml("a < b & c > d")) == "a < b & c > d"


def test_unknown_sender_gets_no_reminders_enqueued(web: WebEnv) -> None:
    response = post_signed(web, INBOUND, sms_params("hello", sid=new_sid(), sender=BOB))
    assert response.status_code == 200
    assert web.count(Message, Message.direction == "in") == 1
    web.sends.assert_not_called()


def test_duplicate_message_sid_is_processed_once(web: WebEnv) -> None:
    enrol(web)
    opt_in(web)
    web.alert_notices.reset_mock()
    params = sms_params("I can't swallow properly since this morning", sid=new_sid())
    first = post_signed(web, INBOUND, params)
    second = post_signed(web, INBOUND, params)
    assert first.status_code == second.status_code == 200
    assert web.count(Message, Message.direction == "in") == 2  # the YES and this one
    assert web.count(Alert) == 1
    assert web.alert_notices.call_count == 1
    assert 'coach_inbound_messages_total{outcome="duplicate"} 1.0' in web.client.get(
        "/metrics"
    ).text


def test_picture_with_empty_body_is_accepted(web: WebEnv) -> None:
    enrol(web)
    response = post_signed(web, INBOUND, sms_params("", sid=new_sid("MM"), NumMedia="1"))
    assert response.status_code == 200
    assert web.count(Message, Message.direction == "in") == 1


def test_query_string_is_part_of_the_signed_url(web: WebEnv) -> None:
    params = sms_params("hello", sid=new_sid())
    path = INBOUND + "?clinic=north"
    assert post_signed(web, path, params).status_code == 200
    forged = post_signed(web, path, params, signed_url=PUBLIC_URL + INBOUND)
    assert forged.status_code == 403


# --- refused, nothing stored -----------------------------------------------------------------


def test_forged_signature_is_refused(web: WebEnv) -> None:
    response = post_signed(web, INBOUND, sms_params("hello"), token="not-our-token")
    assert response.status_code == 403
    assert nothing_stored(web)
    assert (
        'coach_webhook_rejections_total{endpoint="inbound",reason="unsigned_or_forged"} 1.0'
        in web.client.get("/metrics").text
    )


def test_unsigned_request_is_refused(web: WebEnv) -> None:
    response = web.client.post(INBOUND, data=sms_params("hello"))
    assert response.status_code == 403
    assert nothing_stored(web)


def test_signature_for_another_url_is_refused(web: WebEnv) -> None:
    # Signed for the Host the app sees, not the public URL Twilio was given.
    params = sms_params("hello")
    response = post_signed(web, INBOUND, params, signed_url="http://testserver" + INBOUND)
    assert response.status_code == 403
    assert nothing_stored(web)


def test_tampered_body_is_refused(web: WebEnv) -> None:
    params = sms_params("I am fine")
    sig = signature(PUBLIC_URL + INBOUND, params)
    tampered = dict(params, Body="STOP")
    response = web.client.post(
        INBOUND,
        content=urlencode(tampered).encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": sig},
    )
    assert response.status_code == 403
    assert nothing_stored(web)


def test_webhooks_are_closed_without_an_auth_token(tmp_path: Path) -> None:
    with web_env(tmp_path, TWILIO_AUTH_TOKEN="") as web:
        assert web.settings.twilio_auth_token is None
        response = post_signed(web, INBOUND, sms_params("hello"), token=AUTH_TOKEN)
        status = post_signed(web, STATUS, {"MessageSid": new_sid(), "MessageStatus": "sent"})
        assert response.status_code == status.status_code == 403
        assert nothing_stored(web)


def test_one_megabyte_body_is_refused(web: WebEnv) -> None:
    params = sms_params("x" * (1024 * 1024))
    response = post_signed(web, INBOUND, params)
    assert response.status_code == 413
    assert nothing_stored(web)


def test_oversized_chunked_body_without_length_is_refused(web: WebEnv) -> None:
    def chunks() -> Iterator[bytes]:
        yield b"Body="
        for _ in range(64):
            yield b"x" * 16384

    response = web.client.post(
        INBOUND,
        content=chunks(),
        headers={"Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": "x"},
    )
    assert response.status_code == 413
    assert nothing_stored(web)


@pytest.mark.parametrize(
    ("content_type", "body", "status"),
    [
        ("application/x-www-form-urlencoded", os.urandom(2048) + b"\xff", 400),
        ("application/octet-stream", b"\x00\x01\x02", 415),
        ("application/json", b'{"Body": "hello"}', 415),
        ("multipart/form-data; boundary=x", b"--x\r\n\r\nhello\r\n--x--", 415),
    ],
)
def test_binary_and_non_form_bodies_are_refused(
    web: WebEnv, content_type: str, body: bytes, status: int
) -> None:
    response = web.client.post(
        INBOUND, content=body, headers={"Content-Type": content_type, "X-Twilio-Signature": "x"}
    )
    assert response.status_code == status
    assert nothing_stored(web)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"MessageSid": "SM123"}, "malformed MessageSid"),
        ({"MessageSid": "XX" + "a" * 32}, "malformed MessageSid"),
        ({"MessageSid": ""}, "missing MessageSid"),
        ({"From": "+1415\x07"}, "malformed From"),
        ({"From": ""}, "missing From"),
        ({"To": "not-a-number"}, "malformed To"),
        ({"NumMedia": "lots"}, "malformed NumMedia"),
    ],
)
def test_malformed_signed_fields_are_a_400_with_a_reason(
    web: WebEnv, change: dict[str, str], reason: str
) -> None:
    response = post_signed(web, INBOUND, sms_params("hello") | change)
    assert response.status_code == 400
    assert reason in response.text
    assert nothing_stored(web)


def test_logs_never_hold_a_full_phone_number_or_a_body(
    web: WebEnv, caplog: pytest.LogCaptureFixture
) -> None:
    enrol(web)
    caplog.set_level(logging.DEBUG)
    body = "my eyelid won't stop twitching and I can't breathe well"
    post_signed(web, INBOUND, sms_params(body, sid=new_sid()))
    post_signed(web, INBOUND, sms_params(body, sid="SM123"))  # refused, logged
    assert caplog.records
    assert ALICE not in caplog.text and ALICE[1:] not in caplog.text
    assert body not in caplog.text and "twitching" not in caplog.text


# --- status callbacks -------------------------------------------------------------------------


def sent_message(web: WebEnv) -> str:
    """An invitation handed to Twilio, as the worker would leave it."""
    enrol(web)
    sid = new_sid()
    with web.session() as session, session.begin():
        message = session.scalars(select(Message).where(Message.direction == "out")).one()
        message.status = "sent"
        message.provider_sid = sid
    return sid


def status_of(web: WebEnv, sid: str) -> str:
    with web.session() as session:
        message = session.scalars(select(Message).where(Message.provider_sid == sid)).one()
        return message.status


def test_status_callbacks_only_move_forward(web: WebEnv) -> None:
    sid = sent_message(web)
    delivered = post_signed(web, STATUS, {"MessageSid": sid, "MessageStatus": "delivered"})
    assert delivered.status_code == 200
    assert status_of(web, sid) == "delivered"
    late = post_signed(web, STATUS, {"MessageSid": sid, "MessageStatus": "sent"})
    assert late.status_code == 200
    assert status_of(web, sid) == "delivered"
    metrics = web.client.get("/metrics").text
    assert 'coach_status_callbacks_total{applied="true"} 1.0' in metrics
    assert 'coach_status_callbacks_total{applied="false"} 1.0' in metrics


def test_failed_status_records_the_error_code(web: WebEnv) -> None:
    sid = sent_message(web)
    response = post_signed(
        web, STATUS, {"MessageSid": sid, "MessageStatus": "undelivered", "ErrorCode": "30003"}
    )
    assert response.status_code == 200
    with web.session() as session:
        message = session.scalars(select(Message).where(Message.provider_sid == sid)).one()
        assert (message.status, message.error_code) == ("undelivered", "30003")


def test_status_for_an_unknown_sid_is_200_and_creates_nothing(web: WebEnv) -> None:
    sent_message(web)
    before = web.count(Message), web.count(MessageEvent)
    response = post_signed(web, STATUS, {"MessageSid": new_sid(), "MessageStatus": "delivered"})
    assert response.status_code == 200
    assert (web.count(Message), web.count(MessageEvent)) == before


@pytest.mark.parametrize(
    "params",
    [
        {"MessageSid": "SMnothex", "MessageStatus": "delivered"},
        {"MessageSid": "SM" + "b" * 32, "MessageStatus": "teleported"},
        {"MessageSid": "SM" + "b" * 32},
        {"MessageSid": "SM" + "b" * 32, "MessageStatus": "failed", "ErrorCode": "30003; DROP"},
    ],
)
def test_malformed_status_callbacks_are_400(web: WebEnv, params: dict[str, str]) -> None:
    assert post_signed(web, STATUS, params).status_code == 400


def test_forged_status_callback_changes_nothing(web: WebEnv) -> None:
    sid = sent_message(web)
    response = post_signed(
        web, STATUS, {"MessageSid": sid, "MessageStatus": "failed"}, token="not-ours"
    )
    assert response.status_code == 403
    assert status_of(web, sid) == "sent"
    assert web.count(MessageEvent, MessageEvent.status == "failed") == 0


def test_diary_entry_from_a_symptom_reply(web: WebEnv) -> None:
    enrol(web)
    opt_in(web)
    post_signed(web, INBOUND, sms_params("twitching about 6/10 today", sid=new_sid()))
    with web.session() as session:
        entry = session.scalars(select(DiaryEntry)).one()
        assert entry.severity == 6


def test_a_long_message_is_stored_and_its_red_flag_answered(web: WebEnv) -> None:
    enrol(web)
    tail = "now I cannot swallow"
    body = ("long day at work and the twitching came and went. " * 40)[: 1600 - len(tail)] + tail
    assert len(body) == 1600  # Twilio's longest inbound SMS
    response = post_signed(web, INBOUND, sms_params(body, sid=new_sid()))
    assert response.status_code == 200
    assert "911" in response.text
    assert not nothing_stored(web)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"Body": "x" * 1601}, "Body longer than 1600"),
        ({"Body": "y" * 60_000}, "Body longer than 1600"),
        ({"From": "abc"}, "malformed From"),
        ({"From": "+1"}, "malformed From"),
        ({"From": "<script>alert(1)</script>"}, "malformed From"),
        ({"From": "14155550101"}, "malformed From"),
        ({"From": "12345"}, "malformed From"),  # a short code
        ({"From": "whatsapp:+14155550101"}, "unsupported channel whatsapp"),
        ({"From": "messenger:1234567890"}, "unsupported channel messenger"),
    ],
)
def test_inbound_limits_as_documented(
    web: WebEnv, change: dict[str, str], reason: str
) -> None:
    enrol(web)  # ALICE is an SMS patient: a WhatsApp message from her number is not hers
    response = post_signed(web, INBOUND, sms_params("I can't breathe", sid=new_sid()) | change)
    assert response.status_code == 400
    assert reason in response.text
    assert nothing_stored(web)


def test_with_the_database_down_a_red_flag_still_gets_advice(
    web: WebEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import OperationalError

    def broken(*args: object, **kwargs: object) -> None:
        raise OperationalError("INSERT", {}, Exception("database is locked"))

    monkeypatch.setattr("coach.web.routes.twilio.receive", broken)
    response = post_signed(web, INBOUND, sms_params("i cant breathe", sid=new_sid()))
    assert response.status_code == 200 and "911" in response.text
    routine = post_signed(web, INBOUND, sms_params("twitch 3", sid=new_sid()))
    assert routine.status_code == 503  # Twilio logs it; nothing pretends to be stored


def test_a_callback_that_beats_the_worker_finds_its_row_by_the_id_in_its_url(web: WebEnv) -> None:
    enrol(web)
    with web.session() as session, session.begin():
        message = session.scalars(select(Message).where(Message.direction == "out")).one()
        message.status, message_id = "sending", message.id  # sent; provider_sid not saved yet
    sid = new_sid()
    path = f"{STATUS}?m={message_id}"
    response = post_signed(web, path, {"MessageSid": sid, "MessageStatus": "undelivered",
                                       "ErrorCode": "30003"})
    assert response.status_code == 200
    assert status_of(web, sid) == "undelivered"


def test_the_faq_matcher_is_loaded_before_the_first_webhook(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Loaded by the first question instead, it would stall every request the process holds
    # for about two seconds (the encoder's weights and the paraphrase index).
    from coach import faq

    fresh = faq.Matcher(faq.MATCHER.encoder)
    monkeypatch.setattr(faq, "MATCHER", fresh)
    with web_env(tmp_path):
        assert fresh._index is not None


# --- how many webhooks store at once (COACH_WEB_STORE_THREADS) ------------------------------


def _concurrent_webhooks(web: WebEnv, bodies: list[str]) -> list[Any]:
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(len(bodies)) as pool:
        futures = [pool.submit(post_signed, web, INBOUND, sms_params(b, sid=new_sid()))
                   for b in bodies]
        return [f.result() for f in futures]


@pytest.mark.parametrize("threads", [1, 2])
def test_webhooks_store_at_most_the_configured_number_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, threads: int
) -> None:
    import threading
    import time

    from coach.web.routes import twilio as route

    real = route.receive
    lock = threading.Lock()
    inside, peak = 0, 0

    def watched(*args: Any, **kwargs: Any) -> Any:
        nonlocal inside, peak
        with lock:
            inside += 1
            peak = max(peak, inside)
        time.sleep(0.05)  # long enough for every other request to be waiting
        try:
            return real(*args, **kwargs)
        finally:
            with lock:
                inside -= 1

    monkeypatch.setattr(route, "receive", watched)
    with web_env(tmp_path, COACH_WEB_STORE_THREADS=str(threads)) as web:
        enrol(web)
        answers = _concurrent_webhooks(web, [f"twitch {i}" for i in range(6)])
        assert [a.status_code for a in answers] == [200] * 6
        assert peak == threads
        assert web.count(Message, Message.direction == "in") == 6  # every one stored


def test_a_webhook_whose_turn_does_not_come_answers_as_with_the_database_down(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from coach.web.routes import twilio as route

    release = threading.Event()
    real = route.receive

    def hung(*args: Any, **kwargs: Any) -> Any:
        release.wait(5)  # a database that hangs instead of refusing
        return real(*args, **kwargs)

    monkeypatch.setattr(route, "receive", hung)
    monkeypatch.setattr(route, "STORE_WAIT_SECONDS", 0.3)
    with web_env(tmp_path, COACH_WEB_STORE_THREADS="1") as web:
        enrol(web)
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(3) as pool:
            first = pool.submit(post_signed, web, INBOUND, sms_params("twitch 2", sid=new_sid()))
            import time

            time.sleep(0.1)  # the first holds the only turn, stuck in the database
            red = pool.submit(post_signed, web, INBOUND, sms_params("i cant breathe",
                                                                    sid=new_sid()))
            routine = pool.submit(post_signed, web, INBOUND, sms_params("twitch 3",
                                                                        sid=new_sid()))
            red_answer, routine_answer = red.result(), routine.result()
            release.set()
            assert first.result().status_code == 200
        assert red_answer.status_code == 200 and "911" in red_answer.text
        assert routine_answer.status_code == 503
