"""The clarifying question, through storage, on a controlled clock: a suspected-only reply
gets one short question; YES gets advice and an alert, NO closes it, silence escalates."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from coach import dialogue, inbound, patients, second_read
from coach.core.dialogue import Answer, question_key, read_answer, should_ask
from coach.core.segments import segment_info
from coach.core.triage import Reading, understand
from coach.core.types import Command, Level, PatientStatus, RedFlag
from coach.db.engine import transaction
from coach.db.models import Alert, DiaryEntry, Message, Patient
from coach.db.review import PendingRead, ReviewItem
from coach.inbound import InboundSms
from messages import render
from tests.fixtures_db import ALICE, CARLOS, T0

_sids = itertools.count(1)
# Figurative enough that the lexicon gives no advice; the fake second reader suspects it.
VAGUE = "something feels off with my smile today"


@dataclass(frozen=True)
class FakeAssessment:
    reading: Reading
    check: tuple[RedFlag, ...] = ()
    scores: Mapping[str, float] = field(default_factory=dict)


def suspecting(*codes: RedFlag, when: str = VAGUE) -> Callable[[str], FakeAssessment]:
    def assess(text: str) -> FakeAssessment:
        hit = when in text
        return FakeAssessment(
            understand(text), codes if hit else (), {c.value: 0.8 for c in codes} if hit else {}
        )

    return assess


def say(factory, settings, text, *, sender=ALICE, now=T0):
    sms = InboundSms(sid=f"SM{next(_sids):032x}", from_number=sender, to_number=None, body=text)
    with transaction(factory) as s:
        return inbound.handle_inbound(s, settings, sms, now=now)


def enrol(factory, settings, *, phone=ALICE, lang="en", tz="America/New_York"):
    with transaction(factory) as s:
        p, invite = patients.enroll(s, settings, phone=phone, tz=tz, lang=lang, now=T0)
        invite.status = "sent"
        patients.opt_in(s, p, now=T0, method="sms_yes")
        return p.id


def item_of(factory) -> ReviewItem:
    with factory() as s:
        return s.scalars(select(ReviewItem)).one()


def alerts_of(factory) -> list[Alert]:
    with factory() as s:
        return list(s.scalars(select(Alert).order_by(Alert.id)))


def ask(factory, settings, *, codes=(RedFlag.WEAKNESS,), sender=ALICE, at=T0):
    """The patient sends the vague reply; the worker reads it again a few seconds later."""
    out = say(factory, settings, VAGUE, sender=sender, now=at)
    assert out.second_reads == [out.inbound_id]
    read = second_read.read_one(
        factory, settings, out.inbound_id, now=at + timedelta(seconds=3),
        assessor=suspecting(*codes),
    )
    return out, read


# --- the pure pieces -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("YES", Answer.YES), ("yes", Answer.YES), ("Sí", Answer.YES), ("si", Answer.YES),
        ("y", Answer.YES), ("yes, since this morning", Answer.YES), ("it's new", Answer.YES),
        ("not sure", Answer.YES), ("no sé", Answer.YES), ("no se si es nuevo", Answer.YES),
        ("NO", Answer.NO), ("no", Answer.NO), ("nope", Answer.NO),
        ("no, same as always", Answer.NO),
        ("nada", Answer.NO), ("no gracias", Answer.NO), ("estoy bien", Answer.NO),
        ("twitch 4", None), ("what do you mean?", None), ("", None),
        ("yes " + "and then something else " * 3, None),
    ],
)
def test_read_answer(text: str, answer: Answer | None) -> None:
    assert read_answer(text) is answer


def test_the_question_is_asked_only_when_it_can_raise_the_advice() -> None:
    base = dict(command=None, status=PatientStatus.ACTIVE, question_open=False)
    assert should_ask(check=[RedFlag.WEAKNESS], advised_level=Level.ROUTINE, **base)
    assert should_ask(check=[RedFlag.SPEECH], advised_level=Level.URGENT, **base)
    assert not should_ask(check=[RedFlag.VISION], advised_level=Level.URGENT, **base)
    assert not should_ask(check=[RedFlag.WEAKNESS], advised_level=Level.EMERGENCY, **base)
    assert not should_ask(check=[], advised_level=Level.ROUTINE, **base)
    assert not should_ask(check=[RedFlag.WEAKNESS], advised_level=Level.ROUTINE,
                          command=Command.STOP, status=PatientStatus.ACTIVE, question_open=False)
    assert not should_ask(check=[RedFlag.WEAKNESS], advised_level=Level.ROUTINE, command=None,
                          status=PatientStatus.OPTED_OUT, question_open=False)
    assert not should_ask(check=[RedFlag.WEAKNESS], advised_level=Level.ROUTINE, command=None,
                          status=PatientStatus.ACTIVE, question_open=True)


# --- the question ----------------------------------------------------------------------------


def test_a_suspected_only_reply_gets_one_calm_question_not_advice(factory, settings) -> None:
    enrol(factory, settings)
    out, read = ask(factory, settings)
    assert out.level == "routine" and out.alerts == []
    assert out.reply == render("diary.ack_note", "en")  # the webhook's answer is unchanged
    (qid,) = read.to_send
    with factory() as s:
        question = s.get_one(Message, qid)
        assert (question.kind, question.status, question.to_number) == ("check", "queued", ALICE)
        assert question.body == render("check.question", "en")
        item = s.scalars(select(ReviewItem)).one()
        assert (item.reason, item.suspected, item.dialogue) == ("suspected", "weakness", "asked")
        assert item.message_id == out.inbound_id and item.question == question.body
        assert item.expires_at == T0 + timedelta(seconds=3, minutes=30)
        assert s.get_one(PendingRead, out.inbound_id).done_at is not None
    assert alerts_of(factory) == []


def test_a_second_read_runs_once_however_often_it_is_asked(factory, settings) -> None:
    enrol(factory, settings)
    out, first = ask(factory, settings)
    again = second_read.read_one(factory, settings, out.inbound_id, now=T0 + timedelta(seconds=5),
                                 assessor=suspecting(RedFlag.WEAKNESS))
    assert first.to_send and again.to_send == []
    with factory() as s:
        checks = select(func.count()).select_from(Message).where(Message.kind == "check")
        assert s.scalar(checks) == 1


def test_yes_gets_the_advice_of_the_suspected_level_and_an_alert(factory, settings) -> None:
    enrol(factory, settings)
    out, _ = ask(factory, settings)
    answer = say(factory, settings, "YES", now=T0 + timedelta(minutes=2))
    assert answer.reply == render("advice.emergency", "en", emergency_number="911")
    assert answer.level == "emergency" and answer.red_flags == ["weakness"]
    (alert,) = alerts_of(factory)
    assert (alert.level, alert.codes, alert.reason) == ("emergency", "weakness", "check_answer")
    assert alert.message_id == out.inbound_id  # the alert shows the patient's own words
    item = item_of(factory)
    assert item.dialogue == "yes" and item.alert_id == alert.id and item.answer_id is not None
    with factory() as s:
        # YES is an answer, not START, and not a diary note.
        assert s.scalar(select(func.count()).select_from(DiaryEntry)) == 1
        assert s.get_one(Patient, 1).status == "active"
        assert s.get(PendingRead, answer.inbound_id) is None


def test_yes_to_an_urgent_suspicion_gets_urgent_advice(factory, settings) -> None:
    enrol(factory, settings)
    ask(factory, settings, codes=(RedFlag.VISION,))
    answer = say(factory, settings, "yes", now=T0 + timedelta(minutes=2))
    assert answer.reply == render("advice.urgent", "en", emergency_number="911")
    assert [a.level for a in alerts_of(factory)] == ["urgent"]


def test_yes_to_a_self_harm_suspicion_gets_the_crisis_line_and_pauses(factory, settings) -> None:
    pid = enrol(factory, settings)
    ask(factory, settings, codes=(RedFlag.SELF_HARM,))
    answer = say(factory, settings, "yes", now=T0 + timedelta(minutes=2))
    assert answer.reply is not None and settings.crisis_line in answer.reply
    with factory() as s:
        assert s.get_one(Patient, pid).coaching_paused_reason == "self_harm"


def test_a_self_harm_suspicion_is_asked_by_name_with_the_crisis_line(factory, settings) -> None:
    enrol(factory, settings)
    _, read = ask(factory, settings, codes=(RedFlag.SELF_HARM, RedFlag.WEAKNESS))
    (qid,) = read.to_send
    with factory() as s:
        body = s.get_one(Message, qid).body
    assert body == render("check.self_harm", "en", crisis_line=settings.crisis_line)
    assert settings.crisis_line in body and "hurting yourself" in body
    assert "new, or is it severe" not in body


def test_the_question_key_follows_the_suspected_codes() -> None:
    assert question_key([RedFlag.WEAKNESS, RedFlag.VISION]) == "check.question"
    assert question_key([RedFlag.VISION, RedFlag.SELF_HARM]) == "check.self_harm"
    for lang in ("en", "es"):
        text = render("check.self_harm", lang, crisis_line="988")
        assert "988" in text and segment_info(text).segments == 1


def test_no_closes_the_question_without_advice(factory, settings) -> None:
    enrol(factory, settings)
    ask(factory, settings)
    answer = say(factory, settings, "no", now=T0 + timedelta(minutes=2))
    assert answer.reply == render("check.no", "en", emergency_number="911")
    assert answer.alerts == [] and alerts_of(factory) == []
    assert item_of(factory).dialogue == "no"
    with factory() as s:  # the first reply is in the diary; "no" is not a second note
        assert [d.note for d in s.scalars(select(DiaryEntry))] == [VAGUE]
    # Closed: half an hour later nothing escalates.
    with transaction(factory) as s:
        assert dialogue.escalate_unanswered(s, settings, now=T0 + timedelta(hours=1)) == []


def test_silence_raises_the_review_item_to_an_alert(factory, settings) -> None:
    enrol(factory, settings)
    out, _ = ask(factory, settings)
    with transaction(factory) as s:
        assert dialogue.escalate_unanswered(s, settings, now=T0 + timedelta(minutes=30)) == []
    with transaction(factory) as s:
        raised = dialogue.escalate_unanswered(s, settings, now=T0 + timedelta(minutes=31))
    (alert,) = alerts_of(factory)
    assert raised == [alert.id]
    assert (alert.level, alert.codes, alert.reason) == ("emergency", "weakness", "check_unanswered")
    assert alert.message_id == out.inbound_id and alert.next_notify_at is not None
    assert item_of(factory).dialogue == "expired"
    with transaction(factory) as s:  # once
        assert dialogue.escalate_unanswered(s, settings, now=T0 + timedelta(hours=2)) == []
    # A late YES still gets the advice, and no second alert.
    late = say(factory, settings, "yes", now=T0 + timedelta(minutes=50))
    assert late.reply == render("advice.emergency", "en", emergency_number="911")
    assert len(alerts_of(factory)) == 1 and item_of(factory).dialogue == "yes"


def test_the_timeout_is_configurable(factory, tmp_path) -> None:
    from tests.fixtures_db import make_settings

    settings = make_settings(tmp_path, COACH_CHECK_TIMEOUT_MINUTES="5")
    enrol(factory, settings)
    ask(factory, settings)
    with transaction(factory) as s:
        assert len(dialogue.escalate_unanswered(s, settings, now=T0 + timedelta(minutes=6))) == 1


def test_a_reply_that_now_affirms_a_red_flag_gets_advice_at_once(factory, settings) -> None:
    enrol(factory, settings)
    ask(factory, settings)
    answer = say(factory, settings, "my face is drooping on one side",
                 now=T0 + timedelta(minutes=3))
    assert answer.level == "emergency" and answer.reply is not None and "911" in answer.reply
    (alert,) = alerts_of(factory)
    item = item_of(factory)
    assert item.dialogue == "affirmed" and item.alert_id == alert.id


def test_stop_still_stops_and_drops_the_question(factory, settings) -> None:
    pid = enrol(factory, settings)
    ask(factory, settings)
    answer = say(factory, settings, "STOP", now=T0 + timedelta(minutes=1))
    assert answer.reply == render("stop_confirmed", "en")
    with factory() as s:
        assert s.get_one(Patient, pid).status == "opted_out"
    assert item_of(factory).dialogue == "stopped"
    with transaction(factory) as s:
        assert dialogue.escalate_unanswered(s, settings, now=T0 + timedelta(hours=1)) == []


def test_a_patient_who_said_stop_before_the_second_read_never_gets_the_question(
    factory, settings
) -> None:
    enrol(factory, settings)
    out = say(factory, settings, VAGUE)
    say(factory, settings, "STOP", now=T0 + timedelta(seconds=1))
    read = second_read.read_one(factory, settings, out.inbound_id, now=T0 + timedelta(seconds=3),
                                assessor=suspecting(RedFlag.WEAKNESS))
    assert read.to_send == []
    item = item_of(factory)  # the operator still sees it
    assert (item.reason, item.dialogue) == ("suspected", "none")


def test_an_unrelated_reply_leaves_the_question_open(factory, settings) -> None:
    enrol(factory, settings)
    ask(factory, settings)
    other = say(factory, settings, "twitch 3", now=T0 + timedelta(minutes=1))
    assert other.reply == render("diary.ack_severity", "en", severity=3)
    assert item_of(factory).dialogue == "asked"


def test_no_question_when_the_lexicon_already_gave_that_advice(factory, settings) -> None:
    enrol(factory, settings)
    out = say(factory, settings, "my face is drooping")
    read = second_read.read_one(
        factory, settings, out.inbound_id, now=T0 + timedelta(seconds=3),
        assessor=suspecting(RedFlag.SPEECH, when="drooping"),
    )
    assert read.to_send == []
    assert item_of(factory).dialogue == "none"  # reviewed, not asked


def test_urgent_advice_then_an_emergency_suspicion_asks_and_yes_raises_the_alert(
    factory, settings
) -> None:
    enrol(factory, settings)
    out = say(factory, settings, "my vision is blurry")
    assert out.level == "urgent"
    read = second_read.read_one(
        factory, settings, out.inbound_id, now=T0 + timedelta(seconds=3),
        assessor=suspecting(RedFlag.WEAKNESS, when="blurry"),
    )
    assert len(read.to_send) == 1
    say(factory, settings, "yes", now=T0 + timedelta(minutes=1))
    (alert,) = alerts_of(factory)  # the lexicon's alert, raised: one alert, not two
    assert alert.level == "emergency" and set(alert.codes.split(",")) == {"weakness", "vision"}


def test_spanish_patients_are_asked_and_advised_in_spanish(factory, settings) -> None:
    enrol(factory, settings, phone=CARLOS, lang="es", tz="Europe/Madrid")
    _, read = ask(factory, settings, sender=CARLOS)
    with factory() as s:
        assert s.get_one(Message, read.to_send[0]).body == render("check.question", "es")
    answer = say(factory, settings, "sí", sender=CARLOS, now=T0 + timedelta(minutes=2))
    assert answer.reply == render("advice.emergency", "es", emergency_number="911")


def test_an_unknown_or_pending_sender_is_reviewed_but_not_asked(factory, settings) -> None:
    with transaction(factory) as s:
        patients.enroll(s, settings, phone=ALICE, tz="America/New_York", now=T0)
    _, read = ask(factory, settings)
    assert read.to_send == [] and item_of(factory).dialogue == "none"


def test_read_too_late_to_ask_is_an_alert_at_once(factory, settings) -> None:
    enrol(factory, settings)
    out = say(factory, settings, VAGUE)
    read = second_read.read_one(factory, settings, out.inbound_id, now=T0 + timedelta(hours=1),
                                assessor=suspecting(RedFlag.WEAKNESS))
    assert read.to_send == []
    (alert,) = alerts_of(factory)
    assert alert.reason == "check_unanswered" and item_of(factory).dialogue == "expired"


def test_the_sweep_reads_what_a_lost_task_left(factory, settings) -> None:
    enrol(factory, settings)
    out = say(factory, settings, VAGUE)
    early = second_read.sweep(factory, settings, now=T0 + timedelta(seconds=5),
                              assessor=suspecting(RedFlag.WEAKNESS))
    assert early.read == 0  # the task gets its head start
    later = second_read.sweep(factory, settings, now=T0 + timedelta(seconds=20),
                              assessor=suspecting(RedFlag.WEAKNESS))
    assert later.read == 1 and len(later.to_send) == 1
    with factory() as s:
        assert s.get_one(PendingRead, out.inbound_id).check_codes == "weakness"


def test_a_failing_second_reader_loses_nothing(factory, settings) -> None:
    enrol(factory, settings)
    out = say(factory, settings, VAGUE)

    def broken(text: str) -> FakeAssessment:
        raise RuntimeError("model file missing")

    read = second_read.read_one(factory, settings, out.inbound_id, now=T0 + timedelta(seconds=3),
                                assessor=broken)
    assert read.read == 1
    assert item_of(factory).reason == "unplaced"


def test_a_question_the_reader_cannot_place_is_reviewed(factory, settings) -> None:
    enrol(factory, settings)
    out = say(factory, settings, "is it ok to take magnesium with my other pills?")
    second_read.read_one(factory, settings, out.inbound_id, now=T0 + timedelta(seconds=3),
                         assessor=suspecting(RedFlag.WEAKNESS))
    item = item_of(factory)
    # The FAQ already handed the question to the care team (a specific medicine): one item.
    assert (item.reason, item.dialogue, item.suspected) == ("question", "none", "")


def test_without_the_learned_reader_nothing_is_suspected(factory, settings) -> None:
    enrol(factory, settings)
    out = say(factory, settings, VAGUE)
    read = second_read.read_one(factory, settings, out.inbound_id, now=T0 + timedelta(seconds=3),
                                assessor=second_read._lexicon_only)
    assert read.to_send == []


def test_bench_dialogue_reports_its_figures() -> None:
    from coach.benches.dialogue import main

    figures = {f["name"]: f for f in main(["--replies", "3"])}
    assert {"second_read_cold_ms", "second_read_p50_ms", "second_read_p99_ms",
            "second_read_max_ms", "inbound_store_p50_ms"} <= set(figures)
    assert figures["replies"]["value"] == 3
    assert all(f["value"] >= 0 for f in figures.values())
