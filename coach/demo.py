"""`coach demo`: one scripted day on a simulated clock, end to end, in this process.

No servers and no Celery: a temporary SQLite database, the recording SMS backend standing in
for the patient's phone, and the same service functions the web app and the workers call
(enrol, `handle_inbound`, `tick`, `send_message`). The demo checks its own invariants and
exits 0 only if they hold, so it doubles as a smoke test of the whole pipeline.
"""

from __future__ import annotations

import json
import logging
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any, TextIO
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from coach.config import Settings
from coach.schedules import REMINDER_KINDS

ZONE_NAME = "America/New_York"
ZONE = ZoneInfo(ZONE_NAME)
QUIET = "22:00-07:00"
PHONE = "+12025550143"
CLINIC_NUMBER = "+12025550100"
DAY = datetime(2025, 6, 11, tzinfo=ZONE)  # a Wednesday, far from any DST change
STEP = timedelta(minutes=5)  # the tick runs every minute in production; 5 is inside the grace


def local(hour: int, minute: int = 0, *, days: int = 0) -> datetime:
    """A local wall time on the demo day (or `days` later), as an aware UTC instant."""
    wall = datetime.combine((DAY + timedelta(days=days)).date(), time(hour, minute), ZONE)
    return wall.astimezone(UTC)


# The patient's side of the day: (when, what they text back).
REPLIES: list[tuple[datetime, str]] = [
    (local(8, 35), "YES"),
    (local(11, 30), "twitch 4"),
    (local(13, 30), "worse after coffee"),
    (local(16, 10), "my face is drooping on one side"),
    (local(22, 45), "STOP"),
]
ENROL_AT = local(8, 30)
SCHEDULE_AT = local(8, 40)
ACK_AT = local(16, 25)
END_AT = local(12, 0, days=1)


@dataclass
class Event:
    at: datetime
    event: str  # enrolled | sent | received | reply | alert | acknowledged | schedule | diary
    kind: str | None = None
    text: str | None = None
    message_id: int | None = None
    detail: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["at"] = self.at.isoformat().replace("+00:00", "Z")
        data["local"] = self.at.astimezone(ZONE).isoformat()
        return data


@dataclass
class Transcript:
    events: list[Event] = field(default_factory=list)
    checks: dict[str, bool] = field(default_factory=dict)
    stopped_at: datetime | None = None

    @property
    def ok(self) -> bool:
        return bool(self.checks) and all(self.checks.values())

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "zone": ZONE_NAME,
            "quiet": QUIET,
            "checks": self.checks,
            "events": [e.to_json() for e in self.events],
        }


def demo_settings(data_dir: Path) -> Settings:
    # Built from a fixed mapping, not os.environ: the demo never reaches a real Twilio account
    # or database whatever the shell has set.
    return Settings.from_env({"COACH_DATA_DIR": str(data_dir), "COACH_CLINIC_NAME": "Demo clinic"})


@contextmanager
def _quiet_logs() -> Iterator[None]:
    # The services log alerts at WARNING for operators; the demo shows them itself.
    logger = logging.getLogger("coach")
    previous = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(previous)


class _Day:
    """The scenario's moving parts, and the transcript it writes."""

    def __init__(self, factory: sessionmaker[Session], settings: Settings) -> None:
        from coach.sms.fake import RecordingBackend

        self.factory = factory
        self.settings = settings
        self.phone = RecordingBackend()
        self.transcript = Transcript()
        self.patient_id = 0
        self.sent_at: dict[int, datetime] = {}  # message id -> simulated time it went out

    def log(self, at: datetime, event: str, **fields: Any) -> None:
        self.transcript.events.append(Event(at=at, event=event, **fields))

    def send(self, ids: list[int], now: datetime) -> None:
        from coach.db.models import Message
        from coach.dispatch import send_message

        for message_id in ids:
            before = len(self.phone.sent)
            outcome = send_message(self.factory, self.settings, self.phone, message_id, now=now)
            with self.factory() as session:
                message = session.get_one(Message, message_id)
                kind, body = message.kind, message.body
            if outcome == "sent" and len(self.phone.sent) > before:
                self.sent_at[message_id] = now
                self.log(now, "sent", kind=kind, text=body, message_id=message_id)
            elif outcome == "skipped":
                self.log(now, "skipped", kind=kind, text="at send time", message_id=message_id)

    def enrol(self) -> None:
        from coach.db.engine import transaction
        from coach.patients import enroll

        with transaction(self.factory) as session:
            patient, invitation = enroll(
                session, self.settings, phone=PHONE, tz=ZONE_NAME, now=ENROL_AT, quiet=QUIET
            )
            self.patient_id, invitation_id = patient.id, invitation.id
        self.log(ENROL_AT, "enrolled", text=f"patient {self.patient_id} ({PHONE}), pending")
        self.send([invitation_id], ENROL_AT)

    def set_schedules(self) -> None:
        from coach.db.engine import transaction
        from coach.patients import get_patient
        from coach.schedules import rule_of, set_schedule

        with transaction(self.factory) as session:
            patient = get_patient(session, self.patient_id)
            rules = [
                set_schedule(
                    session, patient, "screen_break", now=SCHEDULE_AT, every="2h",
                    between="09:00-17:00",
                ),
                set_schedule(session, patient, "check_in", now=SCHEDULE_AT, at="19:00"),
                # 22:30 falls in the patient's quiet hours: held back, never sent.
                set_schedule(session, patient, "relaxation", now=SCHEDULE_AT, at="21:30,22:30"),
            ]
            text = "; ".join(rule_of(s).describe() for s in rules)
        self.log(SCHEDULE_AT, "schedule", text=text)

    def receive(self, at: datetime, body: str, number: int) -> None:
        from coach.alerts import alert_json, list_alerts
        from coach.db.engine import transaction
        from coach.inbound import InboundSms, handle_inbound

        sms = InboundSms(
            sid=f"SMdemo{number:028d}", from_number=PHONE, to_number=CLINIC_NUMBER, body=body
        )
        with transaction(self.factory) as session:
            outcome = handle_inbound(session, self.settings, sms, now=at)
        self.log(at, "received", text=body, message_id=outcome.inbound_id)
        if outcome.reply:
            # The webhook's own TwiML answer: it does not go through the queue.
            self.log(at, "reply", kind=outcome.level, text=outcome.reply)
        if body.upper() == "STOP":
            self.transcript.stopped_at = at
        if outcome.alerts:
            with self.factory() as session:
                for alert in list_alerts(session):
                    if alert.id in outcome.alerts:
                        data = alert_json(alert)
                        self.log(
                            at, "alert", kind=data["level"], text=",".join(data["codes"]),
                            detail=data,
                        )
        self.send(outcome.to_send, at)

    def acknowledge_alerts(self, at: datetime) -> None:
        from coach.alerts import acknowledge, list_alerts
        from coach.db.engine import transaction

        with transaction(self.factory) as session:
            for alert in list_alerts(session, status="open"):
                acknowledge(session, alert.id, by="demo operator", now=at)
                self.log(at, "acknowledged", text=f"alert {alert.id}", detail={"id": alert.id})

    def tick(self, at: datetime) -> None:
        from coach.db.engine import transaction
        from coach.dispatch import tick

        result = tick(self.factory, self.settings, now=at)
        if result.skipped:
            from coach.db.models import Message

            with self.factory() as session:
                held = session.scalars(
                    select(Message).where(
                        Message.direction == "out",
                        Message.status == "skipped",
                        Message.created_at == at,
                    )
                )
                for message in held:
                    self.log(
                        at, "skipped", kind=message.kind, text=message.skip_reason,
                        message_id=message.id,
                    )
        if result.alerts_to_notify:
            from coach.alerts import notify

            with transaction(self.factory) as session:
                pages = [notify(session, self.settings, i, now=at) for i in result.alerts_to_notify]
            result.to_send += [page for page in pages if page is not None]
        self.send(result.to_send, at)


def scenario() -> Transcript:
    """Run the day in a temporary folder and return what happened, checks included."""
    from coach.db.engine import make_engine, make_session_factory
    from coach.db.migrate import upgrade

    with tempfile.TemporaryDirectory(prefix="coach-demo-") as folder, _quiet_logs():
        settings = demo_settings(Path(folder))
        upgrade(settings.database_url)
        engine = make_engine(settings.database_url)
        try:
            day = _Day(make_session_factory(engine), settings)
            _play(day)
            check(day)
        finally:
            engine.dispose()
    return day.transcript


def _play(day: _Day) -> None:
    day.enrol()
    replies = list(enumerate(REPLIES, start=1))
    scripted: list[tuple[datetime, int, str]] = [(at, n, body) for n, (at, body) in replies]
    instant = SCHEDULE_AT
    acknowledged = False
    while instant <= END_AT:
        while scripted and scripted[0][0] <= instant:
            at, number, body = scripted.pop(0)
            day.receive(at, body, number)
            if at == REPLIES[0][0]:
                day.set_schedules()
        if not acknowledged and instant >= ACK_AT and any(
            e.event == "alert" for e in day.transcript.events
        ):
            day.acknowledge_alerts(ACK_AT)
            acknowledged = True
        day.tick(instant)
        instant += STEP


def check(day: _Day) -> None:
    """The invariants the demo exists to show; each one is a named pass/fail."""
    from coach.alerts import list_alerts
    from coach.db.models import Message

    with day.factory() as session:
        rows = {m.id: m for m in session.scalars(select(Message).where(Message.direction == "out"))}
        alerts = list_alerts(session)
        phone_ids = [sms.message_id or 0 for sms in day.phone.sent]
        reminders = [rows[i] for i in phone_ids if i in rows and rows[i].kind in REMINDER_KINDS]

        def in_quiet(at: datetime) -> bool:
            wall = at.astimezone(ZONE).time()
            return wall >= time(22, 0) or wall < time(7, 0)

        slots = Counter((m.kind, m.slot_at) for m in reminders)
        stopped = day.transcript.stopped_at
        after_stop = [
            i for i in phone_ids if stopped is not None and day.sent_at.get(i, stopped) > stopped
        ]
        advice = [e for e in day.transcript.events if e.event == "reply" and e.kind == "emergency"]
        day.transcript.checks = {
            "reminders_went_out": {m.kind for m in reminders}
            >= {"screen_break", "check_in", "relaxation"},
            "quiet_hours_held_a_reminder": any(
                e.event == "skipped" and e.text == "quiet_hours" for e in day.transcript.events
            ),
            "no_reminder_in_quiet_hours": not any(in_quiet(day.sent_at[m.id]) for m in reminders),
            "one_text_per_slot": (
                all(n == 1 for n in slots.values()) and len(set(phone_ids)) == len(phone_ids)
            ),
            "nothing_after_stop": stopped is not None and not after_stop,
            "stop_confirmed": any(
                e.event == "reply" and e.at == stopped for e in day.transcript.events
            ),
            "emergency_advice_replied": bool(advice)
            and all(day.settings.emergency_number in (e.text or "") for e in advice),
            "alert_raised": any(
                a.level == "emergency" and "weakness" in a.codes.split(",") for a in alerts
            ),
        }


# ---------------------------------------------------------------------------- output

_ARROWS = {"sent": "->", "reply": "->", "received": "<-"}


def _line(event: Event) -> str:
    when = event.at.astimezone(ZONE).strftime("%H:%M")
    if event.at.astimezone(ZONE).date() != DAY.date():
        when = event.at.astimezone(ZONE).strftime("%a %H:%M")
    text = " ".join((event.text or "").split())
    if event.event == "sent":
        return f"{when}  -> {event.kind:<13} {text}"
    if event.event == "reply":
        return f"{when}  -> {'reply':<13} {text}"
    if event.event == "received":
        return f'{when}  <- patient       "{text}"'
    if event.event == "alert":
        return f"{when}  !! ALERT {event.detail.get('id')}: {event.kind} [{text}] for the operator"
    if event.event == "acknowledged":
        return f"{when}  operator acknowledges {text}"
    if event.event == "schedule":
        return f"{when}  schedules: {text}"
    if event.event == "enrolled":
        return f"{when}  enrolled {text}"
    if event.event == "skipped":
        return f"{when}  -- {event.kind:<13} held back ({text})"
    return f"{when}  {event.event} {text}"


def render_text(transcript: Transcript, out: TextIO) -> None:
    day = DAY.strftime("%a %d %b %Y")
    print(f"coach demo: simulated {day}, patient in {ZONE_NAME}, quiet hours {QUIET}", file=out)
    for event in transcript.events:
        print(_line(event), file=out)
    last = transcript.stopped_at or END_AT
    quiet_since = max((e.at for e in transcript.events), default=last)
    print(
        f"... simulated clock runs on to {END_AT.astimezone(ZONE):%a %H:%M}; nothing more sent "
        f"after {quiet_since.astimezone(ZONE):%a %H:%M}",
        file=out,
    )
    print("checks:", file=out)
    for name, passed in transcript.checks.items():
        print(f"  {'ok    ' if passed else 'FAILED'}  {name.replace('_', ' ')}", file=out)
    print("demo passed" if transcript.ok else "demo FAILED", file=out)


def run(*, json_output: bool = False, out: TextIO | None = None) -> int:
    stream = out or sys.stdout
    transcript = scenario()
    if json_output:
        print(json.dumps(transcript.to_json(), indent=2, ensure_ascii=False), file=stream)
    else:
        render_text(transcript, stream)
    return 0 if transcript.ok else 1
