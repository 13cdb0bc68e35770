"""Pause requests in plain words, read into the pause's end in the patient's own zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from coach.core.pause_until import Span, find, pause_end, resolve
from coach.core.triage import understand
from coach.core.types import Command

NY = ZoneInfo("America/New_York")
MADRID = ZoneInfo("Europe/Madrid")
# Wednesday 10 March 2027, 10:00 in New York; US clocks spring forward on Sunday the 14th.
NOW = datetime(2027, 3, 10, 15, 0, tzinfo=UTC)


def local(text: str, zone: ZoneInfo = NY, now: datetime = NOW) -> datetime:
    end = pause_end(text, now=now, zone=zone)
    assert end is not None, text
    assert end.tzinfo is UTC or end.utcoffset() == timedelta(0)
    return end.astimezone(zone)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pause until the 15th", datetime(2027, 3, 15, 0, 0)),
        ("till monday", datetime(2027, 3, 15, 0, 0)),
        ("pause till monday please", datetime(2027, 3, 15, 0, 0)),
        ("hasta el lunes", datetime(2027, 3, 15, 0, 0)),
        ("hasta fin de mes", datetime(2027, 4, 1, 0, 0)),
        ("pause until the end of the month", datetime(2027, 4, 1, 0, 0)),
        ("pausa hasta el 2 de abril", datetime(2027, 4, 2, 0, 0)),
        ("pause until December 24th", datetime(2027, 12, 24, 0, 0)),
        ("pause until the 5th", datetime(2027, 4, 5, 0, 0)),  # the 5th has passed this month
        ("pause until wednesday", datetime(2027, 3, 17, 0, 0)),  # today is Wednesday: next one
        ("pausa hasta mañana", datetime(2027, 3, 11, 0, 0)),
        ("no texts until next week", datetime(2027, 3, 15, 0, 0)),
        ("pause till the weekend is over", datetime(2027, 3, 15, 0, 0)),
    ],
)
def test_until_a_day_ends_at_the_start_of_that_local_day(text: str, expected: datetime) -> None:
    assert local(text).replace(tzinfo=None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Across the spring-forward weekend: the same 10:00 wall time, not 24 h multiples.
        ("for ten days", datetime(2027, 3, 20, 10, 0)),
        ("por dos semanas", datetime(2027, 3, 24, 10, 0)),
        ("pause 3 days", datetime(2027, 3, 13, 10, 0)),
        ("pause 10days", datetime(2027, 3, 20, 10, 0)),
        ("pause for a week", datetime(2027, 3, 17, 10, 0)),
        ("pause for the month", datetime(2027, 4, 10, 10, 0)),
        ("pausa por un par de semanas", datetime(2027, 3, 24, 10, 0)),
    ],
)
def test_lengths_in_days_keep_the_local_wall_time_across_dst(
    text: str, expected: datetime
) -> None:
    assert local(text).replace(tzinfo=None) == expected


def test_hours_are_elapsed_time_across_the_gap() -> None:
    before_gap = datetime(2027, 3, 14, 6, 0, tzinfo=UTC)  # 01:00 EST, an hour before 02:00
    end = pause_end("pause for 2 hours", now=before_gap, zone=NY)
    assert end == before_gap + timedelta(hours=2)
    assert end.astimezone(NY).hour == 4  # 01:00 EST + 2 h = 04:00 EDT


def test_a_day_whose_midnight_does_not_exist_starts_after_the_gap() -> None:
    # Havana springs forward at midnight: 14 March 2027 00:00 does not exist there.
    havana = ZoneInfo("America/Havana")
    now = datetime(2027, 3, 10, 15, 0, tzinfo=UTC)
    end = pause_end("hasta el domingo", now=now, zone=havana)
    assert end is not None
    assert end.astimezone(havana).replace(tzinfo=None) == datetime(2027, 3, 14, 1, 0)


def test_the_patients_zone_decides_which_day_it_is() -> None:
    late = datetime(2027, 3, 10, 23, 30, tzinfo=UTC)  # Wed 18:30 in New York, Thu 00:30 Madrid
    assert local("until tomorrow", NY, late).replace(tzinfo=None) == datetime(2027, 3, 11)
    assert local("hasta mañana", MADRID, late).replace(tzinfo=None) == datetime(2027, 3, 12)


def test_a_day_missing_from_this_month_is_the_next_month_that_has_it() -> None:
    feb = datetime(2027, 2, 10, 15, 0, tzinfo=UTC)
    assert local("pause until the 30th", NY, feb).replace(tzinfo=None) == datetime(2027, 3, 30)


def test_absurd_lengths_are_clamped_to_a_year() -> None:
    end = pause_end("pause for 900 days", now=NOW, zone=NY)
    assert end is not None and end - NOW <= timedelta(days=366)


@pytest.mark.parametrize("text", ["pause", "pause please", "twitch 4", "until then", "hasta luego"])
def test_no_length_or_day_is_none(text: str) -> None:
    assert find(text) is None


def test_resolve_is_always_after_now() -> None:
    for span in (Span("weekday", day=d) for d in range(7)):
        assert resolve(span, now=NOW, zone=NY) > NOW


@pytest.mark.parametrize(
    ("text", "duration"),
    [
        ("pause until the 15th", None),
        ("please pause the texts till monday", None),
        ("no texts until monday please", None),
        ("no me manden mensajes hasta el lunes", None),
        ("pausa hasta fin de mes", None),
        ("I'm on holiday, no reminders for ten days", timedelta(days=10)),
        ("estoy de viaje, pausa por dos semanas", timedelta(weeks=2)),
        ("can you hold the reminders for 2 weeks", timedelta(weeks=2)),
        ("stop the messages until the 15th, im travelling", None),
    ],
)
def test_the_reader_recognises_a_dated_pause(text: str, duration: timedelta | None) -> None:
    reading = understand(text)
    assert reading.command is Command.PAUSE, text
    assert reading.pause_for == duration


@pytest.mark.parametrize(
    "text",
    ["stop texting me for good", "no more texts", "STOP", "my twitch won't stop until I sleep",
     "it lasted for ten days"],
)
def test_not_a_pause(text: str) -> None:
    assert understand(text).command is not Command.PAUSE


def test_a_dated_pause_through_storage_ends_on_that_local_day(factory, settings) -> None:
    from coach import inbound, patients
    from coach.db.engine import transaction
    from coach.db.models import Patient
    from coach.inbound import InboundSms

    with transaction(factory) as s:
        p, _ = patients.enroll(s, settings, phone="+12025550101", tz="America/New_York", now=NOW)
        patients.opt_in(s, p, now=NOW, method="sms_yes")
        pid = p.id
    sms = InboundSms(sid="SM" + "1" * 32, from_number="+12025550101", to_number=None,
                     body="going away, pause until the 15th please")
    with transaction(factory) as s:
        out = inbound.handle_inbound(s, settings, sms, now=NOW)
    assert out.reply == "Your reminders are paused until Mon 15 Mar. Reply RESUME to restart " \
        "them sooner, STOP to opt out."
    with factory() as s:
        p = s.get_one(Patient, pid)
        assert p.status == "paused"
        assert p.paused_until == datetime(2027, 3, 15, 4, 0, tzinfo=UTC)  # 00:00 EDT


def test_the_end_is_shown_in_the_patients_language() -> None:
    from coach.inbound import show_until

    monday = datetime(2027, 3, 15, 0, 0, tzinfo=NY)
    assert show_until(monday, "en") == "Mon 15 Mar"
    assert show_until(monday, "es") == "lun 15 mar"
    assert show_until(datetime(2027, 3, 20, 10, 0, tzinfo=NY), "es") == "sab 20 mar 10:00"
