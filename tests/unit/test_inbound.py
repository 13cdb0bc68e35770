"""A patient's reply, end to end through storage: red flags first, commands, diary, trends."""

from __future__ import annotations

import itertools
from datetime import timedelta

from sqlalchemy import func, select

from coach import alerts, dispatch, inbound, patients, schedules
from coach.db.engine import transaction
from coach.db.models import Alert, DiaryEntry, Message, Patient, Schedule
from coach.inbound import InboundSms
from coach.sms.fake import RecordingBackend
from tests.fixtures_db import ALICE, CARLOS, ONCALL, T0

_sids = itertools.count(1)


def _say(factory, settings, text, *, sender=ALICE, now=T0, sid=None):
    sms = InboundSms(sid=sid or f"SM{next(_sids):032x}", from_number=sender, to_number=None,
                     body=text)
    with transaction(factory) as s:
        return inbound.handle_inbound(s, settings, sms, now=now)


def _enrol(factory, settings, *, phone=ALICE, lang="en", tz="America/New_York", active=True):
    with transaction(factory) as s:
        p, invite = patients.enroll(s, settings, phone=phone, tz=tz, lang=lang, now=T0)
        invite.status = "sent"
        schedules.set_schedule(s, p, "eye_rest", now=T0, every="1h")
        pid = p.id
    if active:
        _say(factory, settings, "YES")
    return pid


def _patient(factory, pid) -> Patient:
    with factory() as s:
        return s.get_one(Patient, pid)


def test_yes_opts_in_and_records_consent(factory, settings):
    pid = _enrol(factory, settings, active=False)
    out = _say(factory, settings, "yes")
    assert out.reply and "STOP" in out.reply.upper()
    p = _patient(factory, pid)
    assert p.status == "active" and p.consent_at == T0 and p.consent_method == "sms_yes"
    with factory() as s:
        assert s.scalar(select(Schedule.next_due_at)) is not None


def test_pending_patient_gets_nothing_but_a_nudge(factory, settings):
    pid = _enrol(factory, settings, active=False)
    out = _say(factory, settings, "twitch 4")
    assert out.reply and "YES" in out.reply
    assert _patient(factory, pid).status == "pending"
    with factory() as s:
        assert s.scalar(select(func.count(DiaryEntry.id))) == 0


def test_red_flag_gets_emergency_advice_and_an_alert(factory, settings):
    pid = _enrol(factory, settings)
    out = _say(factory, settings, "my face is drooping on one side")
    assert out.level == "emergency" and "weakness" in out.red_flags
    assert out.reply and settings.emergency_number in out.reply
    with factory() as s:
        (alert,) = s.scalars(select(Alert)).all()
        assert (alert.level, alert.codes, alert.patient_id) == ("emergency", "weakness", pid)
        followup = s.scalar(select(Message).where(Message.kind == "followup"))
        assert followup.status == "scheduled"
        assert followup.due_at == T0 + timedelta(hours=settings.followup_hours)


def test_follow_up_goes_out_hours_later(factory, settings):
    _enrol(factory, settings)
    _say(factory, settings, "I can't swallow")
    early = dispatch.tick(factory, settings, now=T0 + timedelta(hours=1))
    later = dispatch.tick(factory, settings, now=T0 + timedelta(hours=settings.followup_hours))
    with factory() as s:
        fid = s.scalar(select(Message.id).where(Message.kind == "followup"))
    assert fid not in early.to_send and fid in later.to_send


def test_unacknowledged_alert_is_resent_to_on_call(factory, settings):
    _enrol(factory, settings)
    _say(factory, settings, "words are coming out slurred")
    with factory() as s:
        alert_id = s.scalar(select(Alert.id))
    # The first notice is due at once (the webhook enqueues it; the tick catches up if the
    # broker was down).
    assert dispatch.tick(factory, settings, now=T0).alerts_to_notify == [alert_id]
    with transaction(factory) as s:
        first = alerts.notify(s, settings, alert_id, now=T0)
    assert dispatch.tick(factory, settings, now=T0 + timedelta(minutes=5)).alerts_to_notify == []
    due = dispatch.tick(factory, settings, now=T0 + timedelta(minutes=15)).alerts_to_notify
    assert due == [alert_id]
    with transaction(factory) as s:
        mid = alerts.notify(s, settings, alert_id, now=T0 + timedelta(minutes=15))
        again = alerts.notify(s, settings, alert_id, now=T0 + timedelta(minutes=15))
    assert first is not None and mid is not None
    assert again is None  # one page per period, whoever runs it
    fake = RecordingBackend()
    assert dispatch.send_message(factory, settings, fake, first, now=T0) == "sent"
    assert dispatch.send_message(factory, settings, fake, mid, now=T0) == "sent"
    assert [sms.to for sms in fake.sent] == [ONCALL, ONCALL]
    assert "speech" in fake.sent[0].body and "15 min" in fake.sent[1].body
    assert all("slurred" not in sms.body for sms in fake.sent)  # never the patient's words
    with transaction(factory) as s:
        alerts.acknowledge(s, alert_id, by="nurse", now=T0 + timedelta(minutes=20))
    later = dispatch.tick(factory, settings, now=T0 + timedelta(hours=2))
    assert later.alerts_to_notify == []


def test_self_harm_gives_crisis_line_and_pauses_coaching(factory, settings):
    pid = _enrol(factory, settings)
    out = _say(factory, settings, "I want to end it all")
    assert out.reply and settings.crisis_line in out.reply
    p = _patient(factory, pid)
    assert p.status == "paused" and p.coaching_paused_reason == "self_harm"
    queued = dispatch.tick(factory, settings, now=T0 + timedelta(days=1)).to_send
    with factory() as s:
        kinds = {s.get_one(Message, mid).kind for mid in queued}
    assert "eye_rest" not in kinds


def test_stop_then_red_flag_gets_advice_once(factory, settings):
    pid = _enrol(factory, settings)
    assert _say(factory, settings, "STOP").reply
    assert _patient(factory, pid).status == "opted_out"
    assert _say(factory, settings, "twitch 5").reply is None
    first = _say(factory, settings, "I have double vision now")
    assert first.reply and first.level == "urgent"
    second = _say(factory, settings, "still double vision")
    assert second.reply is None and second.alerts  # the operator still hears
    assert _patient(factory, pid).status == "opted_out"


def test_plain_language_stop_and_start(factory, settings):
    pid = _enrol(factory, settings)
    _say(factory, settings, "please stop texting me")
    assert _patient(factory, pid).status == "opted_out"
    _say(factory, settings, "START")
    assert _patient(factory, pid).status == "active"


def test_look_alike_is_not_a_stop(factory, settings):
    pid = _enrol(factory, settings)
    out = _say(factory, settings, "the twitching doesn't stop when I read, a 6")
    assert _patient(factory, pid).status == "active"
    assert out.reply and "6" in out.reply


def test_diary_records_severity_and_notes(factory, settings):
    pid = _enrol(factory, settings)
    _say(factory, settings, "twitch 4")
    _say(factory, settings, "worse after coffee")
    with factory() as s:
        rows = [(e.severity, e.note) for e in s.scalars(
            select(DiaryEntry).where(DiaryEntry.patient_id == pid).order_by(DiaryEntry.id))]
    assert rows == [(4, "twitch 4"), (None, "worse after coffee")]


def test_high_streak_sends_trend_advice_once(factory, settings):
    _enrol(factory, settings)
    to_send: list[int] = []
    for day in range(5):
        out = _say(factory, settings, "8", now=T0 + timedelta(days=day))
        to_send += out.to_send
    with factory() as s:
        trend = s.scalars(select(Message).where(Message.kind == "trend_advice")).all()
        trend_alerts = s.scalars(select(Alert).where(Alert.reason == "trend")).all()
    assert len(trend) == 1 and len(trend_alerts) == 1
    assert trend[0].id in to_send


def test_pause_and_resume_by_text(factory, settings):
    pid = _enrol(factory, settings)
    out = _say(factory, settings, "pause 2 days")
    p = _patient(factory, pid)
    assert p.status == "paused" and p.paused_until == T0 + timedelta(days=2)
    assert out.reply
    assert dispatch.tick(factory, settings, now=T0 + timedelta(days=1)).to_send == []
    # The pause ends by itself.
    dispatch.tick(factory, settings, now=T0 + timedelta(days=2, hours=1))
    assert _patient(factory, pid).status == "active"


def test_duplicate_message_sid_is_processed_once(factory, settings):
    _enrol(factory, settings)
    first = _say(factory, settings, "my face feels numb", sid="SM" + "a" * 32)
    again = _say(factory, settings, "my face feels numb", sid="SM" + "a" * 32)
    assert again.duplicate and again.reply == first.reply
    with factory() as s:
        assert s.scalar(select(func.count(Alert.id))) == 1
        assert s.scalar(select(func.count(Message.id)).where(Message.direction == "in")) == 2


def test_unknown_number_with_red_flag_still_gets_advice(factory, settings):
    out = _say(factory, settings, "my husband's face is drooping", sender="+12025550177")
    assert out.reply and out.alerts
    with factory() as s:
        assert s.scalar(select(func.count(Message.id)).where(Message.direction == "in")) == 1


def test_spanish_patient_gets_spanish_replies(factory, settings):
    _enrol(factory, settings, phone=CARLOS, lang="es", tz="Europe/Madrid", active=False)
    out = _say(factory, settings, "SI", sender=CARLOS)
    assert out.reply
    advice = _say(factory, settings, "no puedo tragar", sender=CARLOS)
    assert advice.level == "emergency"
    assert advice.reply and settings.emergency_number in advice.reply


def test_every_inbound_is_stored_even_when_not_understood(factory, settings):
    _enrol(factory, settings)
    _say(factory, settings, "\x00\x01 ???? 🤷")
    _say(factory, settings, "")
    with factory() as s:
        assert s.scalar(select(func.count(Message.id)).where(Message.direction == "in")) == 3


def test_a_patient_who_never_opted_in_cannot_be_paused_into_reminders(factory, settings):
    import pytest

    from coach.errors import Conflict

    pid = _enrol(factory, settings, active=False)
    with pytest.raises(Conflict), transaction(factory) as s:
        patients.pause(s, s.get_one(Patient, pid), now=T0, duration=timedelta(hours=1))
    with transaction(factory) as s:  # even if a row says so, no consent means no reminders
        p = s.get_one(Patient, pid)
        p.status = "active"
        schedules.refresh_next_due(p, s.scalars(select(Schedule)).one(), T0)
    assert dispatch.tick(factory, settings, now=T0 + timedelta(hours=2)).to_send == []


def test_after_stop_each_kind_of_advice_goes_once(factory, settings):
    _enrol(factory, settings)
    _say(factory, settings, "STOP")
    assert _say(factory, settings, "my face is drooping").reply
    crisis = _say(factory, settings, "I want to kill myself")
    assert crisis.reply and settings.crisis_line in crisis.reply
    assert _say(factory, settings, "I want to die").reply is None
    assert _say(factory, settings, "still drooping").reply is None


def test_the_emergency_follow_up_waits_for_the_end_of_quiet_hours(factory, settings):
    pid = _enrol(factory, settings)
    with transaction(factory) as s:
        s.get_one(Patient, pid).quiet_start, s.get_one(Patient, pid).quiet_end = "22:00", "07:00"
    evening = T0 + timedelta(hours=12)  # 21:00 in New York; +3 h would be midnight
    _say(factory, settings, "I can't breathe", now=evening)
    with factory() as s:
        followup = s.scalar(select(Message).where(Message.kind == "followup"))
    assert followup.due_at == T0 + timedelta(hours=22)  # 07:00 the next morning, local


def test_paging_never_stops_by_itself(factory, settings):
    _enrol(factory, settings)
    _say(factory, settings, "can't breathe")
    with factory() as s:
        alert_id = s.scalar(select(Alert.id))
    at, pages = T0, 0
    for _ in range(40):
        for aid in dispatch.tick(factory, settings, now=at).alerts_to_notify:
            with transaction(factory) as s:
                pages += alerts.notify(s, settings, aid, now=at) is not None
        at += timedelta(minutes=15)
    assert alert_id and pages > 12  # slower after a dozen notices, but never silent


def test_a_text_from_a_number_marked_invalid_revives_it(factory, settings):
    pid = _enrol(factory, settings)
    with transaction(factory) as s:
        patients.mark_invalid_number(s, s.get_one(Patient, pid), now=T0)
    _say(factory, settings, "twitch 2")
    with factory() as s:
        assert s.get_one(Patient, pid).phone_invalid_at is None
        assert s.scalar(select(Schedule.next_due_at)) is not None
