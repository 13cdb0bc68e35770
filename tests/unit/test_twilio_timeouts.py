"""A timed-out create is looked up at Twilio before any retry (the real twilio SDK, with a
fake HTTP client standing in for Twilio's API): retried only when Twilio does not have it,
never when Twilio cannot say."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
import requests
from twilio.http.response import Response

from coach import patients, send
from coach.db.engine import transaction
from coach.db.models import Message, Patient
from coach.sms.base import OutgoingSms, SmsError
from coach.sms.twilio import TwilioBackend
from tests.fixtures_db import T0, make_settings
from tests.unit.test_twilio_errors import ACCOUNT, ALICE, ALICE_SMS, SERVICE, FakeTwilio, created

FROM = "+15555550100"
REAL_ALICE = "+12025550101"  # enrolment wants a number that could exist


def page(*messages: dict[str, object]) -> Response:
    body = {"messages": list(messages), "next_page_uri": None, "page": 0, "page_size": 20,
            "first_page_uri": "/x", "previous_page_uri": None, "uri": "/x", "start": 0,
            "end": len(messages)}
    return Response(200, json.dumps(body))


def at_twilio(body: str, *, sid: str = "SM" + "c" * 32, when: datetime | None = None,
              to: str = ALICE, from_: str = FROM, service: str | None = None,
              status: str = "queued") -> dict[str, object]:
    when = when or datetime.now(UTC)
    return {"sid": sid, "to": to, "from": from_, "body": body, "status": status,
            "messaging_service_sid": service, "date_created": format_datetime(when, usegmt=True),
            "account_sid": ACCOUNT}


def twilio(fake: FakeTwilio, **kw: object) -> TwilioBackend:
    kw.setdefault("from_number", FROM)
    return TwilioBackend(account_sid=ACCOUNT, auth_token="secret", http_client=fake,
                         lookup_delay=0, **kw)  # type: ignore[arg-type]


def posts(fake: FakeTwilio) -> int:
    return sum(1 for r in fake.requests if r.method == "POST")


def test_a_timed_out_create_that_twilio_has_is_not_sent_again() -> None:
    fake = FakeTwilio(requests.exceptions.ReadTimeout("read timed out"),
                      page(at_twilio("someone else's text"), at_twilio(ALICE_SMS.body)))
    result = twilio(fake).send(ALICE_SMS)
    assert result.provider_sid == "SM" + "c" * 32
    assert posts(fake) == 1
    lookup = fake.requests[1]
    assert lookup.method == "GET" and lookup.url.endswith("/Messages.json")


def test_the_lookup_filters_by_to_and_from() -> None:
    class Recording(FakeTwilio):
        params: list[dict[str, object]] = []

        def request(self, method, uri, params=None, data=None, **kw):  # type: ignore[no-untyped-def]
            Recording.params.append(dict(params or {}))
            return super().request(method, uri, params=params, data=data, **kw)

    fake = Recording(requests.exceptions.ReadTimeout("x"), page(at_twilio(ALICE_SMS.body)))
    twilio(fake).send(ALICE_SMS)
    assert Recording.params[1]["To"] == ALICE and Recording.params[1]["From"] == FROM


def test_a_timed_out_create_twilio_does_not_have_is_a_transient_error() -> None:
    old = datetime.now(UTC) - timedelta(hours=2)
    fake = FakeTwilio(
        requests.exceptions.ReadTimeout("read timed out"),
        page(at_twilio(ALICE_SMS.body, when=old), at_twilio("another body")),
    )
    with pytest.raises(SmsError) as caught:
        twilio(fake).send(ALICE_SMS)
    assert not caught.value.permanent and "not at Twilio" in str(caught.value)
    assert posts(fake) == 1


def test_when_twilio_cannot_say_the_message_is_never_retried() -> None:
    fake = FakeTwilio(requests.exceptions.ReadTimeout("read timed out"),
                      requests.exceptions.ConnectionError("connection refused"))
    with pytest.raises(SmsError) as caught:
        twilio(fake).send(ALICE_SMS)
    assert caught.value.permanent and "not retried" in str(caught.value)


def test_a_lost_connection_after_sending_is_looked_up_too() -> None:
    lost = requests.exceptions.ConnectionError("('Connection aborted.', RemoteDisconnected())")
    fake = FakeTwilio(lost, page(at_twilio(ALICE_SMS.body)))
    assert twilio(fake).send(ALICE_SMS).provider_sid.startswith("SM")


def test_a_connect_timeout_never_sent_anything_and_is_not_looked_up() -> None:
    fake = FakeTwilio(requests.exceptions.ConnectTimeout("connect timed out"))
    with pytest.raises(SmsError) as caught:
        twilio(fake).send(ALICE_SMS)
    assert not caught.value.permanent and len(fake.requests) == 1


def test_a_messaging_service_send_matches_on_the_service() -> None:
    sms = OutgoingSms(to=ALICE, body=ALICE_SMS.body, sender=SERVICE)
    other = "MG" + "2" * 32
    fake = FakeTwilio(
        requests.exceptions.ReadTimeout("x"),
        page(at_twilio(sms.body, sid="SM" + "d" * 32, service=other, from_="+15555550999"),
             at_twilio(sms.body, sid="SM" + "e" * 32, service=SERVICE, from_="+15555550998")),
    )
    assert twilio(fake).send(sms).provider_sid == "SM" + "e" * 32
    assert fake.requests[0].data["MessagingServiceSid"] == SERVICE


def test_the_pool_sender_of_a_message_is_used() -> None:
    fake = FakeTwilio(created())
    twilio(fake).send(OutgoingSms(to=ALICE, body="hi", sender="+15555550111"))
    assert fake.requests[0].data["From"] == "+15555550111"


def test_through_the_send_path_a_timeout_is_retried_once_and_texted_once(factory, tmp_path):
    settings = make_settings(tmp_path, TWILIO_ACCOUNT_SID=ACCOUNT, TWILIO_AUTH_TOKEN="secret",
                             TWILIO_FROM_NUMBER=FROM)
    with transaction(factory) as s:
        p, invite = patients.enroll(s, settings, phone=REAL_ALICE, tz="UTC", now=T0)
        mid = invite.id
    # First attempt: timeout, and Twilio does not have it -> retry; second attempt: accepted.
    fake = FakeTwilio(requests.exceptions.ReadTimeout("x"), page(), created(sid="SM" + "f" * 32))
    backend = twilio(fake)
    assert send.send_message(factory, settings, backend, mid, now=T0, final_attempt=False) == (
        "retry")
    assert send.send_message(factory, settings, backend, mid, now=T0) == "sent"
    assert posts(fake) == 2
    # Timeout again, but Twilio has it this time: recorded as sent, no second create.
    with transaction(factory) as s:
        p = s.get_one(Patient, p.id)
        m2 = patients.queue_message(s, p, kind="invitation", body="again", now=T0,
                                    dedupe_key="again")
        mid2 = m2.id
    fake.answers += [requests.exceptions.ReadTimeout("x"),
                     page(at_twilio("again", sid="SM" + "9" * 32, to=REAL_ALICE))]
    assert send.send_message(factory, settings, backend, mid2, now=T0, final_attempt=False) == (
        "sent")
    assert posts(fake) == 3
    with factory() as s:
        assert s.get_one(Message, mid2).provider_sid == "SM" + "9" * 32
