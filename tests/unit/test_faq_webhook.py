"""The FAQ end to end through the signed Twilio webhook, and what operators see of it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from coach.core.segments import segment_info
from coach.db.faq import FaqQuestion
from coach.db.review import ReviewItem
from messages import budget, render
from tests.unit.test_web_support import (
    ALICE,
    BOB,
    WebEnv,
    enrol,
    new_sid,
    opt_in,
    post_signed,
    sms_params,
    web_env,
)

INBOUND = "/twilio/inbound"


@pytest.fixture
def web(tmp_path: Path) -> Iterator[WebEnv]:
    with web_env(tmp_path) as env:
        enrol(env)
        opt_in(env)
        enrol(env, phone=BOB, name="Bea", lang="es")
        opt_in(env, phone=BOB)
        yield env


def ask(web: WebEnv, text: str, sender: str = ALICE) -> str:
    response = post_signed(web, INBOUND, sms_params(text, sid=new_sid(), sender=sender))
    assert response.status_code == 200, response.text
    message = ET.fromstring(response.text).find("Message")
    assert message is not None and message.text
    return message.text


def questions(web: WebEnv) -> list[FaqQuestion]:
    with web.session() as session:
        return list(session.scalars(select(FaqQuestion).order_by(FaqQuestion.id)))


def reviews(web: WebEnv) -> list[ReviewItem]:
    with web.session() as session:
        return list(session.scalars(select(ReviewItem).order_by(ReviewItem.id)))


def test_an_english_catalogue_question_gets_its_answer(web: WebEnv) -> None:
    reply = ask(web, "Does coffee make the twitching worse?")
    assert reply == render("faq.answer.caffeine", "en")
    assert segment_info(reply).segments <= budget("faq.answer.caffeine") == 2
    (row,) = questions(web)
    assert (row.answer_id, row.answer_version, row.reason) == ("caffeine", 1, "answered")
    assert reviews(web) == []


def test_a_spanish_catalogue_question_gets_its_answer(web: WebEnv) -> None:
    reply = ask(web, "¿Cuánto dura esto?", sender=BOB)
    assert reply == render("faq.answer.how_long", "es")
    assert segment_info(reply).segments <= 2 and segment_info(reply).encoding == "GSM-7"
    assert questions(web)[0].lang == "es"


def test_an_uncovered_question_is_handed_over_with_a_review_item(web: WebEnv) -> None:
    reply = ask(web, "Does my insurance cover the injections?")
    assert reply == render("faq.handover", "en")
    (row,) = questions(web)
    (item,) = reviews(web)
    assert row.answer_id is None and row.review_item_id == item.id
    assert (item.reason, item.status, item.message_id) == ("question", "open", row.message_id)


def test_a_specific_dose_is_handed_over_in_spanish(web: WebEnv) -> None:
    assert ask(web, "¿Puedo tomar 400 mg de ibuprofeno?", sender=BOB) == render(
        "faq.handover", "es")
    assert questions(web)[0].reason == "medicine"


def test_a_question_carrying_a_red_flag_gets_the_advice(web: WebEnv) -> None:
    reply = ask(web, "Is it serious? Half my face is drooping since this morning")
    assert web.settings.emergency_number in reply
    assert reply != render("faq.answer.is_serious", "en")
    assert questions(web) == []


def test_a_command_comes_before_the_faq(web: WebEnv) -> None:
    reply = ask(web, "STOP")
    assert reply == render("stop_confirmed", "en")
    assert questions(web) == []


def test_a_diary_note_is_not_a_question(web: WebEnv) -> None:
    assert ask(web, "worse after coffee") == render("diary.ack_note", "en")
    assert questions(web) == []


def inbound_bodies(web: WebEnv) -> list[str]:
    from coach.db.models import Message

    with web.session() as session:
        return list(session.scalars(
            select(Message.body).where(Message.direction == "in").order_by(Message.id)))


@pytest.mark.parametrize(
    ("body", "media", "sender", "lang"),
    [("", "1", ALICE, "en"), ("   \n ", "0", ALICE, "en"), ("", "2", BOB, "es"),
     (" ", "1", BOB, "es")],
)
def test_a_text_without_words_asks_for_words_and_is_kept(
    web: WebEnv, body: str, media: str, sender: str, lang: str
) -> None:
    """A picture only (Body "" with NumMedia > 0) or blanks is not a question: no hand-over,
    no review item, a short reply asking for words, and the inbound message on record."""
    params = sms_params(body, sid=new_sid(), sender=sender, NumMedia=media)
    response = post_signed(web, INBOUND, params)
    assert response.status_code == 200, response.text
    message = ET.fromstring(response.text).find("Message")
    assert message is not None and message.text == render("faq.no_words", lang)
    assert message.text != render("faq.handover", lang)
    assert segment_info(message.text).segments == 1
    assert questions(web) == [] and reviews(web) == []
    assert inbound_bodies(web)[-1] == body


def test_operators_see_what_is_asked_and_what_went_unanswered(web: WebEnv) -> None:
    ask(web, "Does coffee make the twitching worse?")
    ask(web, "is caffeine bad for eyelid twitching?")
    ask(web, "When is my next appointment?")
    stats = web.client.get("/api/faq/questions").json()
    assert stats["questions"] == 3 and stats["answered"] == 2
    assert stats["most_asked"] == [{"answer_id": "caffeine", "count": 2}]
    (unanswered,) = stats["unanswered"]
    assert unanswered["text"] == "When is my next appointment?"
    assert unanswered["review_item_id"] is not None
    page = web.client.get("/faq")
    assert page.status_code == 200 and "When is my next appointment?" in page.text


def test_the_catalogue_api_names_versions_and_reviewers(web: WebEnv) -> None:
    answers = web.client.get("/api/faq/answers").json()
    ids = [a["id"] for a in answers]
    assert "hemifacial_spasm" in ids and len(ids) >= 20
    assert all(a["en"]["version"] >= 1 and a["es"]["reviewed_by"] for a in answers)


def test_the_trigger_table_api_and_page(web: WebEnv) -> None:
    ask(web, "twitch 6, had two coffees")  # a rating and a note: diary, tagged
    assert questions(web) == []  # a report, not a question
    table = web.client.get("/api/patients/1/triggers").json()
    assert table["patient_id"] == 1 and table["line"] is None
    assert table["rule"]["min_days"] == 14
    assert [t["tag"] for t in table["tags"]] == ["caffeine"]
    page = web.client.get("/patients/1/triggers")
    assert page.status_code == 200 and "caffeine" in page.text
