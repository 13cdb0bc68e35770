"""The reply policy: red flags before anything else, then commands, then the diary."""

from __future__ import annotations

from datetime import timedelta

from coach.core.respond import PatientView, decide
from coach.core.types import Command, Level, PatientStatus, RedFlag

ACTIVE = PatientView(PatientStatus.ACTIVE)
PENDING = PatientView(PatientStatus.PENDING)
OPTED_OUT = PatientView(PatientStatus.OPTED_OUT)
UNKNOWN = PatientView(None)


def _decide(patient, level=Level.ROUTINE, flags=(), command=None, other=False, pause_for=None):
    return decide(
        level=level, red_flags=tuple(flags), command=command, about_other=other,
        pause_for=pause_for, patient=patient,
    )


def test_emergency_advice_alert_and_follow_up():
    d = _decide(ACTIVE, Level.EMERGENCY, [RedFlag.WEAKNESS])
    assert d.reply == "advice.emergency"
    assert d.alert_level == Level.EMERGENCY
    assert d.follow_up and d.diary


def test_bystander_gets_bystander_wording():
    assert _decide(ACTIVE, Level.EMERGENCY, [RedFlag.SPEECH], other=True).reply == (
        "advice.emergency_other"
    )
    assert _decide(ACTIVE, Level.URGENT, [RedFlag.VISION], other=True).reply == (
        "advice.urgent_other"
    )


def test_self_harm_gives_crisis_line_and_pauses_coaching():
    d = _decide(ACTIVE, Level.EMERGENCY, [RedFlag.SELF_HARM])
    assert d.reply == "advice.self_harm"
    assert d.action == "pause_coaching"


def test_red_flag_wins_over_stop_but_stop_still_applies():
    d = _decide(ACTIVE, Level.EMERGENCY, [RedFlag.BREATHING], command=Command.STOP)
    assert d.reply == "advice.emergency"
    assert d.action == "opt_out"


def test_opted_out_patient_gets_advice_once():
    first = _decide(OPTED_OUT, Level.URGENT, [RedFlag.VISION])
    assert first.reply == "advice.urgent" and first.alert_level == Level.URGENT
    advised = PatientView(
        PatientStatus.OPTED_OUT, advised_since_opt_out=frozenset({"advice.urgent"})
    )
    again = _decide(advised, Level.URGENT, [RedFlag.VISION])
    assert again.reply is None
    assert again.alert_level == Level.URGENT  # the operator still hears about it
    # Different advice (here: the crisis line) still goes out once.
    crisis = _decide(advised, Level.EMERGENCY, [RedFlag.SELF_HARM])
    assert crisis.reply == "advice.self_harm"


def test_pending_patient_red_flag_gets_advice_but_no_diary():
    d = _decide(PENDING, Level.EMERGENCY, [RedFlag.SWALLOWING])
    assert d.reply == "advice.emergency" and not d.diary


def test_unknown_number_with_red_flag_still_advised():
    d = _decide(UNKNOWN, Level.EMERGENCY, [RedFlag.WEAKNESS])
    assert d.reply == "advice.emergency" and not d.follow_up


def test_double_opt_in():
    assert _decide(PENDING, command=Command.START).action == "opt_in"
    assert _decide(PENDING).reply == "not_opted_in"
    assert _decide(PENDING).action is None


def test_stop_and_start():
    assert _decide(ACTIVE, command=Command.STOP).action == "opt_out"
    assert _decide(OPTED_OUT, command=Command.STOP).reply is None
    assert _decide(UNKNOWN, command=Command.STOP).reply is None
    d = _decide(OPTED_OUT, command=Command.START)
    assert (d.reply, d.action) == ("start_confirmed", "opt_in")


def test_opted_out_gets_nothing_for_ordinary_text_but_help_is_answered():
    assert _decide(OPTED_OUT) == _decide(OPTED_OUT).__class__()
    assert _decide(OPTED_OUT, command=Command.HELP).reply == "help"


def test_pause_and_resume():
    d = _decide(ACTIVE, command=Command.PAUSE, pause_for=timedelta(days=2))
    assert (d.reply, d.action, d.pause_for) == ("pause_confirmed", "pause", timedelta(days=2))
    assert _decide(ACTIVE, command=Command.PAUSE).reply == "pause_confirmed_indefinite"
    d = _decide(PatientView(PatientStatus.PAUSED), command=Command.RESUME)
    assert (d.reply, d.action) == ("resume_confirmed", "resume")


def test_ordinary_reply_goes_to_the_diary():
    d = _decide(ACTIVE)
    assert d.diary and d.reply is None and d.alert_level is None
