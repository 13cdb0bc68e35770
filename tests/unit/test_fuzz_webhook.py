"""Fuzzing the Twilio webhooks through the real app (hypothesis): random bytes, huge bodies,
bad encodings, missing and odd fields, forged signatures. Never a 500; a refusal stores
nothing; an accepted inbound is stored once."""

from __future__ import annotations

import string
from collections.abc import Iterator
from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from coach.db.models import Message
from coach.web.security import MAX_WEBHOOK_BYTES, WebhookRejected, parse_form
from tests.unit.test_web_support import (
    OUR_NUMBER,
    PUBLIC_URL,
    WebEnv,
    enrol,
    opt_in,
    signature,
    web_env,
)

INBOUND = "/twilio/inbound"
STATUS = "/twilio/status"
REFUSALS = {400, 403, 413, 415}
FUZZ = settings(
    max_examples=120, deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def web(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebEnv]:
    with web_env(tmp_path_factory.mktemp("fuzz-web")) as env:
        enrol(env)
        opt_in(env)
        yield env


def _inbound_count(web: WebEnv) -> int:
    with web.factory() as session:
        return int(session.scalar(
            select(func.count(Message.id)).where(Message.direction == "in")) or 0)


def _post(web: WebEnv, path: str, raw: bytes, headers: dict[str, str]) -> int:
    response = web.client.post(path, content=raw, headers=headers)
    return int(response.status_code)


def _signed_headers(raw_params: dict[str, str], path: str) -> dict[str, str]:
    return {"Content-Type": "application/x-www-form-urlencoded",
            "X-Twilio-Signature": signature(PUBLIC_URL + path, raw_params)}


# --- the form parser ----------------------------------------------------------------------


@FUZZ
@given(st.binary(max_size=4096))
@example(b"\xff\xfe\x00")
@example(b"a=%ff%fe")
@example(b"&&&")
@example(b"a=1&a=2")
@example(b"=x")
@example(b"a%00b=1")
def test_parse_form_answers_or_refuses_cleanly(raw: bytes) -> None:
    try:
        form = parse_form(raw)
    except WebhookRejected as exc:
        assert exc.status == 400 and exc.reason
        return
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in form.items())
    assert all("\x00" not in k for k in form)


@FUZZ
@given(st.dictionaries(st.text(max_size=30).filter(lambda k: "\x00" not in k),
                       st.text(max_size=300), max_size=20))
def test_parse_form_reads_back_what_urlencode_wrote(params: dict[str, str]) -> None:
    assume(all(k for k in params))
    assert parse_form(urlencode(params).encode()) == params


# --- the routes ---------------------------------------------------------------------------


@FUZZ
@given(raw=st.binary(max_size=8192), sig=st.text(max_size=40),
       path=st.sampled_from([INBOUND, STATUS]),
       content_type=st.sampled_from([
           "application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=x",
           "text/plain", "application/json", "multipart/form-data; boundary=x", ""]))
def test_random_bytes_and_forged_signatures_are_refused_never_500(
    web: WebEnv, raw: bytes, sig: str, path: str, content_type: str
) -> None:
    before = _inbound_count(web)
    headers = {"Content-Type": content_type} if content_type else {}
    if sig.isascii() and sig.isprintable():
        headers["X-Twilio-Signature"] = sig
    status = _post(web, path, raw, headers)
    assert status in REFUSALS, status
    assert _inbound_count(web) == before


_FIELDS = ["MessageSid", "AccountSid", "From", "To", "Body", "NumMedia", "MessageStatus",
           "ErrorCode", "SmsStatus"]
_values = st.one_of(
    st.text(max_size=200),
    st.sampled_from(["", "+14155550101", "+1", "abc", "whatsapp:+14155550101", "12345",
                     "SM" + "a" * 32, "SM" + "z" * 32, "delivered", "failed", "99999999999",
                     "<b>", "\x00", "-1", "11", OUR_NUMBER]),
    st.text(alphabet=string.hexdigits, min_size=32, max_size=32).map(lambda h: "SM" + h),
)


@FUZZ
@given(form=st.dictionaries(st.sampled_from(_FIELDS) | st.text(max_size=12), _values,
                            max_size=10),
       path=st.sampled_from([INBOUND, STATUS]))
def test_signed_forms_with_odd_or_missing_fields_never_500(
    web: WebEnv, form: dict[str, str], path: str
) -> None:
    form = {k: v for k, v in form.items() if k and "\x00" not in k}
    before = _inbound_count(web)
    raw = urlencode(form).encode()
    status = _post(web, path, raw, _signed_headers(form, path))
    assert status < 500, (status, form)
    assert status in REFUSALS | {200, 204}, status
    if status != 200 or path == STATUS:
        assert _inbound_count(web) == before


@FUZZ
@given(body=st.text(max_size=2000), sender=st.sampled_from(["+14155550101", "+14155550199"]))
def test_any_signed_body_is_stored_once_and_answered(
    web: WebEnv, body: str, sender: str
) -> None:
    sid = "SM" + f"{abs(hash((body, sender))):032x}"[-32:]
    form = {"MessageSid": sid, "AccountSid": "AC" + "0" * 32, "From": sender,
            "To": OUR_NUMBER, "Body": body, "NumMedia": "0"}
    raw = urlencode(form).encode()
    first = _post(web, INBOUND, raw, _signed_headers(form, INBOUND))
    again = _post(web, INBOUND, raw, _signed_headers(form, INBOUND))
    assert first in (200, 400) and again == first, (first, again)
    with web.factory() as session:
        stored = session.scalar(select(func.count(Message.id)).where(
            Message.direction == "in", Message.provider_sid == sid))
    assert stored == (1 if first == 200 else 0)
    # Whatever it said, that patient may still text (a STOP among the fuzz is undone).
    opt_in(web, "+14155550101")


@pytest.mark.parametrize("size", [MAX_WEBHOOK_BYTES + 1, 4 * MAX_WEBHOOK_BYTES])
def test_huge_bodies_are_refused_with_413(web: WebEnv, size: int) -> None:
    form = {"MessageSid": "SM" + "b" * 32, "From": "+14155550101", "To": OUR_NUMBER,
            "Body": "x" * size}
    raw = urlencode(form).encode()
    before = _inbound_count(web)
    assert _post(web, INBOUND, raw, _signed_headers(form, INBOUND)) == 413
    # Chunked (no Content-Length): the stream limit catches it.
    response = web.client.post(INBOUND, content=iter([raw[i:i + 65536] for i in
                                                      range(0, len(raw), 65536)]),
                               headers=_signed_headers(form, INBOUND))
    assert response.status_code == 413
    assert _inbound_count(web) == before


@pytest.mark.parametrize("encoded", [
    "Body=" + quote("caf\xe9", encoding="latin-1"),  # latin-1, not UTF-8
    "Body=%C3%28",  # invalid UTF-8 sequence
    "Body=" + quote("\ud800", errors="surrogatepass"),
])
def test_bad_encodings_are_refused_not_stored(web: WebEnv, encoded: str) -> None:
    raw = f"MessageSid=SM{'c' * 32}&From=%2B14155550101&To=%2B15005550006&{encoded}".encode()
    before = _inbound_count(web)
    headers = {"Content-Type": "application/x-www-form-urlencoded",
               "X-Twilio-Signature": "forged"}
    assert _post(web, INBOUND, raw, headers) == 400  # refused as a form, before the signature
    assert _inbound_count(web) == before
