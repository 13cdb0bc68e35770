from __future__ import annotations

import threading

import pytest

from coach.sms.base import OutgoingSms, SmsBackend, SmsError
from coach.sms.fake import RecordingBackend

ALICE = OutgoingSms(to="+15555550101", body="Eye rest: look away for 20 seconds.", message_id=1)
BOB = OutgoingSms(to="+15555550102", body="How are your eyelids today, 0-10?", message_id=2)


def test_it_is_an_sms_backend() -> None:
    backend: SmsBackend = RecordingBackend()
    assert backend.name == "fake"


def test_records_messages_and_numbers_sids_in_order() -> None:
    backend = RecordingBackend()
    first = backend.send(ALICE)
    second = backend.send(BOB)
    assert (first.provider_sid, second.provider_sid) == ("SMfake0001", "SMfake0002")
    assert first.status == "queued"
    assert backend.sent == [ALICE, BOB]


def test_sent_is_a_snapshot() -> None:
    backend = RecordingBackend()
    snapshot = backend.sent
    backend.send(ALICE)
    assert snapshot == []
    assert backend.sent == [ALICE]


def test_fail_next_raises_the_given_error_then_recovers() -> None:
    backend = RecordingBackend()
    opted_out = SmsError("recipient opted out", code=21610, permanent=True)
    backend.fail_next(opted_out)
    with pytest.raises(SmsError) as caught:
        backend.send(ALICE)
    assert caught.value is opted_out
    assert backend.sent == []
    assert backend.send(ALICE).provider_sid == "SMfake0001"
    assert backend.sent == [ALICE]
    assert backend.attempts == [ALICE, ALICE]


def test_fail_next_several_times_in_order() -> None:
    backend = RecordingBackend()
    busy = SmsError("rate limited", code=20429)
    backend.fail_next(busy, times=2)
    backend.fail_next(SmsError("down", code=20503))
    raised = []
    for _ in range(3):
        with pytest.raises(SmsError) as caught:
            backend.send(BOB)
        raised.append(caught.value.code)
    assert raised == [20429, 20429, 20503]
    assert backend.send(BOB).provider_sid == "SMfake0001"


def test_fail_next_refuses_zero_times() -> None:
    with pytest.raises(ValueError):
        RecordingBackend().fail_next(SmsError("x"), times=0)


def test_clear_forgets_everything() -> None:
    backend = RecordingBackend()
    backend.send(ALICE)
    backend.fail_next(SmsError("x"))
    backend.clear()
    assert backend.sent == []
    assert backend.attempts == []
    assert backend.send(BOB).provider_sid == "SMfake0001"


def test_concurrent_sends_get_distinct_sids_and_failures_are_used_once() -> None:
    backend = RecordingBackend()
    backend.fail_next(SmsError("busy", code=20429), times=10)
    sids: list[str] = []
    failures: list[int] = []
    lock = threading.Lock()

    def worker(n: int) -> None:
        for i in range(50):
            sms = OutgoingSms(to="+15555550199", body="x", message_id=n * 100 + i)
            try:
                sid = backend.send(sms).provider_sid
            except SmsError:
                with lock:
                    failures.append(n)
            else:
                with lock:
                    sids.append(sid)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(failures) == 10
    assert len(sids) == 390
    assert len(set(sids)) == 390
    assert len(backend.sent) == 390
    assert len(backend.attempts) == 400
