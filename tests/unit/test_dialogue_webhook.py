"""The clarifying question through the signed Twilio webhook: a suspected-only reply gets the
lexicon's answer at once and the question from the worker; YES gets advice and an alert;
silence escalates."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from coach import dialogue, patients, second_read
from coach.core.types import RedFlag
from coach.db.engine import transaction
from coach.db.models import Alert, Message
from coach.db.review import ReviewItem
from messages import render
from tests.unit.test_dialogue import VAGUE, suspecting
from tests.unit.test_web_support import (
    ALICE,
    WebEnv,
    new_sid,
    post_signed,
    sms_params,
    web_env,
)

INBOUND = "/twilio/inbound"


@pytest.fixture
def web(tmp_path: Path) -> Iterator[WebEnv]:
    with web_env(tmp_path) as env:
        with transaction(env.factory) as s:
            p, invite = patients.enroll(s, env.settings, phone=ALICE, tz="America/New_York",
                                        now=env.now)
            invite.status = "sent"
            patients.opt_in(s, p, now=env.now, method="sms_yes")
        yield env


def text(web: WebEnv, body: str) -> str | None:
    response = post_signed(web, INBOUND, sms_params(body, sid=new_sid()))
    assert response.status_code == 200, response.text
    message = ET.fromstring(response.text).find("Message")
    return None if message is None else message.text


def worker_reads(web: WebEnv, ids: list[int]) -> list[int]:
    """What the coach.second_read task does with each id the webhook handed off."""
    out: list[int] = []
    for message_id in ids:
        result = second_read.read_one(web.factory, web.settings, message_id,
                                      now=web.now + timedelta(seconds=2),
                                      assessor=suspecting(RedFlag.SPEECH))
        out += result.to_send
    return out


def test_question_then_yes_gives_advice_and_an_alert(
    web: WebEnv, second_reads_enqueued: list[int]
) -> None:
    assert text(web, VAGUE) == render("diary.ack_note", "en")  # no advice on a guess
    assert len(second_reads_enqueued) == 1  # handed to the worker after the response
    (question_id,) = worker_reads(web, second_reads_enqueued)
    with web.session() as s:
        question = s.get_one(Message, question_id)
        assert question.body == render("check.question", "en") and question.to_number == ALICE
        assert s.scalars(select(Alert)).all() == []
    web.now += timedelta(minutes=1)
    assert text(web, "YES") == render("advice.emergency", "en", emergency_number="911")
    with web.session() as s:
        (alert,) = s.scalars(select(Alert)).all()
        assert (alert.level, alert.codes) == ("emergency", "speech")
        assert s.scalars(select(ReviewItem)).one().dialogue == "yes"
    web.alert_notices.assert_called()  # the alert goes to on-call through the worker


def test_silence_escalates_to_an_alert(web: WebEnv, second_reads_enqueued: list[int]) -> None:
    text(web, VAGUE)
    worker_reads(web, second_reads_enqueued)
    with transaction(web.factory) as s:
        raised = dialogue.escalate_unanswered(
            s, web.settings, now=web.now + timedelta(minutes=web.settings.check_timeout_minutes,
                                                     seconds=3)
        )
    with web.session() as s:
        (alert,) = s.scalars(select(Alert)).all()
        assert raised == [alert.id] and alert.reason == "check_unanswered"


def test_stop_is_not_an_answer(web: WebEnv, second_reads_enqueued: list[int]) -> None:
    text(web, VAGUE)
    worker_reads(web, second_reads_enqueued)
    assert text(web, "STOP") == render("stop_confirmed", "en")
    with web.session() as s:
        assert s.scalars(select(ReviewItem)).one().dialogue == "stopped"
        assert s.scalars(select(Alert)).all() == []


def test_a_red_flag_still_gets_advice_in_the_webhook_reply(web: WebEnv) -> None:
    reply = text(web, "my face is drooping")
    assert reply == render("advice.emergency", "en", emergency_number="911")
