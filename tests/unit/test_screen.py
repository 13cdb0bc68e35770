"""The weekly red-flag screen: a schedule kind of its own, and its reply read as an answer."""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from coach import dispatch, inbound, patients, schedules
from coach.core.screen import read_screen_answer
from coach.core.types import RedFlag
from coach.db.engine import transaction
from coach.db.models import Alert, DiaryEntry, Message
from coach.db.review import ReviewItem
from coach.inbound import InboundSms
from messages import render
from tests.fixtures_db import ALICE, CARLOS, T0

_sids = itertools.count(10_000)
W, S, V, P, L = (RedFlag.WEAKNESS, RedFlag.SPEECH, RedFlag.VISION, RedFlag.SEVERE_PAIN,
                 RedFlag.PROLONGED)


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("1 y 3", {1, 3}), ("1 and 3", {1, 3}), ("1,3", {1, 3}), ("13", {1, 3}),
        ("none", set()), ("ninguno", set()), ("Ninguna, gracias", set()), ("0", set()),
        ("nada", set()), ("no", set()), ("all good", set()), ("todo bien", set()),
        ("2, not sure", {2}), ("creo que el 2", {2}), ("maybe 4?", {4}), ("#5", {5}),
        ("tres", {3}), ("one and four", {1, 4}), ("0 3", {3}), ("all of them", {1, 2, 3, 4, 5}),
        ("todos", {1, 2, 3, 4, 5}), ("not at all", set()),
    ],
)
def test_answers_in_both_languages(text: str, items: set[int]) -> None:
    answer = read_screen_answer(text)
    assert answer is not None and set(answer.items) == items


@pytest.mark.parametrize(
    "text", ["yes", "twitch 4", "7", "10", "what do you mean", "hmm", "", "1 " * 20]
)
def test_unclear_replies(text: str) -> None:
    assert read_screen_answer(text) is None


def test_items_map_to_codes() -> None:
    answer = read_screen_answer("2 y 5")
    assert answer is not None
    assert answer.red_flags == (RedFlag.SPEECH, RedFlag.SWALLOWING, RedFlag.PROLONGED)


# --- through storage ---------------------------------------------------------------------


def say(factory, settings, text, *, sender=ALICE, now):
    sms = InboundSms(sid=f"SM{next(_sids):032x}", from_number=sender, to_number=None, body=text)
    with transaction(factory) as s:
        return inbound.handle_inbound(s, settings, sms, now=now)


def screened(factory, settings, *, phone=ALICE, lang="en", tz="America/New_York", at=T0):
    """An opted-in patient who was just sent the weekly screen."""
    with transaction(factory) as s:
        p, invite = patients.enroll(s, settings, phone=phone, tz=tz, lang=lang, now=at)
        invite.status = "sent"
        patients.opt_in(s, p, now=at, method="sms_yes")
        screen = patients.queue_message(
            s, p, kind="screen", body=render("reminder.screen", lang), now=at
        )
        screen.status, screen.sent_at = "sent", at
        return p.id


def alerts_of(factory) -> list[Alert]:
    with factory() as s:
        return list(s.scalars(select(Alert)))


def test_the_screen_is_a_schedule_kind_the_tick_sends_weekly(factory, settings) -> None:
    with transaction(factory) as s:
        p, invite = patients.enroll(s, settings, phone=ALICE, tz="America/New_York", now=T0)
        invite.status = "sent"
        patients.opt_in(s, p, now=T0, method="sms_yes")
        schedules.set_schedule(s, p, "screen", now=T0, at="10:00", days="wed")
    result = dispatch.tick(factory, settings, now=T0 + timedelta(hours=1))  # Wed 10:00 NY
    with factory() as s:
        (message,) = [s.get_one(Message, i) for i in result.to_send]
        assert message.kind == "screen" and message.body == render("reminder.screen", "en")
    dispatch.tick(factory, settings, now=T0 + timedelta(days=1, hours=1))
    with factory() as s:  # weekly: nothing new on Thursday
        screens = select(func.count()).select_from(Message).where(Message.kind == "screen")
        assert s.scalar(screens) == 1


@pytest.mark.parametrize(
    ("reply", "level", "codes"),
    [
        ("1", "emergency", {"weakness"}),
        ("2, not sure", "emergency", {"speech", "swallowing"}),
        ("3", "urgent", {"vision"}),
        ("4 and 5", "urgent", {"severe_pain", "prolonged"}),
        ("1 and 3", "emergency", {"weakness", "vision"}),
    ],
)
def test_a_positive_answer_gets_advice_and_an_alert(
    factory, settings, reply: str, level: str, codes: set[str]
) -> None:
    screened(factory, settings)
    out = say(factory, settings, reply, now=T0 + timedelta(hours=2))
    assert out.level == level and set(out.red_flags) == codes
    key = "advice.emergency" if level == "emergency" else "advice.urgent"
    assert out.reply == render(key, "en", emergency_number="911")
    (alert,) = alerts_of(factory)
    assert alert.level == level and set(alert.codes.split(",")) == codes
    with factory() as s:  # "3" after the screen is an item, never a 3/10 rating
        assert s.scalar(select(func.count()).select_from(DiaryEntry)) == 0


def test_spanish_answer(factory, settings) -> None:
    screened(factory, settings, phone=CARLOS, lang="es", tz="Europe/Madrid")
    out = say(factory, settings, "1 y 3", sender=CARLOS, now=T0 + timedelta(hours=2))
    assert out.reply == render("advice.emergency", "es", emergency_number="911")
    assert set(out.red_flags) == {"weakness", "vision"}


@pytest.mark.parametrize(("reply", "lang"), [("0", "en"), ("none", "en"), ("ninguno", "es")])
def test_none_is_thanked_and_noted(factory, settings, reply: str, lang: str) -> None:
    phone = ALICE if lang == "en" else CARLOS
    screened(factory, settings, phone=phone, lang=lang)
    out = say(factory, settings, reply, sender=phone, now=T0 + timedelta(hours=2))
    assert out.reply == render("screen.none", lang)
    assert out.alerts == [] and out.level == "routine"


def test_unclear_is_asked_again_once_then_reviewed(factory, settings) -> None:
    screened(factory, settings)
    first = say(factory, settings, "hmm which ones", now=T0 + timedelta(hours=1))
    assert first.reply == render("screen.again", "en")
    second = say(factory, settings, "the usual stuff", now=T0 + timedelta(hours=2))
    assert second.reply == render("screen.review", "en", emergency_number="911")
    with factory() as s:
        item = s.scalars(select(ReviewItem)).one()
        assert item.reason == "screen_unclear" and item.message_id == second.inbound_id
    third = say(factory, settings, "2", now=T0 + timedelta(hours=3))
    assert third.reply == render("diary.ack_severity", "en", severity=2)  # context is over


def test_an_answer_after_the_repeat_counts(factory, settings) -> None:
    screened(factory, settings)
    say(factory, settings, "what?", now=T0 + timedelta(hours=1))
    out = say(factory, settings, "3", now=T0 + timedelta(hours=1, minutes=5))
    assert out.level == "urgent" and out.red_flags == ["vision"]


def test_a_red_flag_in_free_text_still_wins(factory, settings) -> None:
    screened(factory, settings)
    out = say(factory, settings, "my face is drooping since lunch", now=T0 + timedelta(hours=1))
    assert out.level == "emergency" and "weakness" in out.red_flags


def test_stop_after_the_screen_stops(factory, settings) -> None:
    screened(factory, settings)
    out = say(factory, settings, "STOP", now=T0 + timedelta(hours=1))
    assert out.reply == render("stop_confirmed", "en")


def test_a_pause_after_the_screen_is_a_pause(factory, settings) -> None:
    screened(factory, settings)
    out = say(factory, settings, "pause for 3 days", now=T0 + timedelta(hours=1))
    assert out.reply is not None and out.reply.startswith("Your reminders are paused")


def test_only_the_next_reply_is_an_answer(factory, settings) -> None:
    screened(factory, settings)
    say(factory, settings, "0", now=T0 + timedelta(hours=1))
    later = say(factory, settings, "4", now=T0 + timedelta(hours=5))
    assert later.reply == render("diary.ack_severity", "en", severity=4)
    assert alerts_of(factory) == []


def test_an_old_screen_is_not_an_answer_context(factory, settings) -> None:
    screened(factory, settings)
    out = say(factory, settings, "4", now=T0 + timedelta(days=3))
    assert out.reply == render("diary.ack_severity", "en", severity=4)
