"""Fault injection against coach's real processes: a recording Twilio stand-in, the
deployment (Celery workers and beats, the web process) and the figures that must stay zero.

Shared by the fault-injection suite (tests/integration/test_faults.py) and
`coach bench duplicates`. The figures come from two independent records: what the stand-in
was asked to send (every create, with its To, Body, arrival time and our message id from the
StatusCallback's `?m=`) and what the database says happened to every slot.

- duplicates: a patient's slot that reached the provider more than once;
- lost slots: a slot (each whole minute of a patient's one-minute schedule between opt-in and
  the end of the run) that neither reached the provider nor was recorded as skipped;
- texts after STOP: the promise is "a STOP committed before the final check's commit means no
  provider request". So a provider request for a patient whose final check (the commit that
  moved the row to `sending`, which writes the row's `sending` event in the same transaction)
  committed after their STOP's commit, or that arrived after the STOP with no check recorded.
  A request whose check committed first and which reached the stand-in after the STOP was in
  flight (counted apart, not a failure). Both commit times come from PostgreSQL
  (track_commit_timestamp), the arrival from the stand-in; every such request's three times
  are kept in `Figures.stop_timeline`;
- stuck rows: rows still queued or claimed after the settle period, or sending for longer
  than coach.send.STALE_SENDING.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import secrets
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session, sessionmaker

from coach import patients as patient_ops
from coach.config import Settings
from coach.db.engine import transaction
from coach.db.models import Message, MessageEvent, Patient
from coach.schedules import REMINDER_KINDS, set_schedule
from coach.send import ALWAYS_DELIVER, CLAIM_LEASE, STALE_SENDING

ROOT = Path(__file__).resolve().parents[2]
ACCOUNT_SID = "AC" + "f" * 32
AUTH_TOKEN = "fault-injection-auth-token-0123456789"
FROM_NUMBER = "+15005550006"
ONCALL_NUMBER = "+12025550199"
_NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def phone(index: int) -> str:
    """Fictional numbers (555-01xx and neighbours), one per patient."""
    return f"+1202555{1000 + index:04d}"


# --------------------------------------------------------------------- the Twilio stand-in


@dataclass(frozen=True)
class Create:
    sid: str
    to: str
    sender: str
    body: str
    message_id: int | None  # from the StatusCallback's ?m=
    at: float  # time.time() when the request arrived


class RecordingTwilio:
    """A threaded HTTP server answering like Twilio's Messages API: a create gets 201 and a
    JSON message with a fresh sid; the list endpoint (what a timed-out send looks up) returns
    the recorded messages newest first, filtered by To and From. Every create is recorded on
    arrival, before the (optional) delay, so a sender killed mid-request still counts."""

    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay
        self.creates: list[Create] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> RecordingTwilio:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def snapshot(self) -> list[Create]:
        with self._lock:
            return list(self.creates)

    def _record(self, form: Mapping[str, str]) -> Create:
        callback = form.get("StatusCallback", "")
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(callback).query)
        mid = query.get("m", [""])[0]
        create = Create(
            sid="SM" + secrets.token_hex(16),
            to=form.get("To", ""),
            sender=form.get("From") or form.get("MessagingServiceSid", ""),
            body=form.get("Body", ""),
            message_id=int(mid) if mid.isdigit() else None,
            at=time.time(),
        )
        with self._lock:
            self.creates.append(create)
        return create

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        standin = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _authorised(self) -> bool:
                header = self.headers.get("Authorization", "")
                if not header.startswith("Basic "):
                    return False
                user = base64.b64decode(header[6:]).decode(errors="replace").split(":", 1)[0]
                return user == ACCOUNT_SID

            def _answer(self, status: int, payload: dict[str, Any]) -> None:
                body = json.dumps(payload).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the sender was killed mid-request: expected in these tests

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode()
                if not self._authorised():
                    self._answer(401, {"code": 20003, "message": "Authenticate", "status": 401})
                    return
                if not self.path.endswith("/Messages.json"):
                    self._answer(404, {"code": 20404, "message": "not found", "status": 404})
                    return
                form = {k: v[0] for k, v in urllib.parse.parse_qs(raw).items()}
                if not form.get("To") or not form.get("Body"):
                    self._answer(400, {"code": 21604, "message": "To and Body are required",
                                       "status": 400})
                    return
                create = standin._record(form)
                if standin.delay:
                    time.sleep(standin.delay)
                self._answer(201, _message_json(create))

            def do_GET(self) -> None:
                parts = urllib.parse.urlsplit(self.path)
                if not self._authorised():
                    self._answer(401, {"code": 20003, "message": "Authenticate", "status": 401})
                    return
                if not parts.path.endswith("/Messages.json"):
                    self._answer(404, {"code": 20404, "message": "not found", "status": 404})
                    return
                query = {k: v[0] for k, v in urllib.parse.parse_qs(parts.query).items()}
                size = int(query.get("PageSize", "50"))
                found = [
                    c for c in reversed(standin.snapshot())
                    if c.to == query.get("To", c.to) and c.sender == query.get("From", c.sender)
                ][:size]
                self._answer(200, {
                    "messages": [_message_json(c) for c in found],
                    "first_page_uri": self.path, "next_page_uri": None,
                    "previous_page_uri": None, "page": 0, "page_size": size,
                    "start": 0, "end": max(len(found) - 1, 0), "uri": self.path,
                })

            def log_message(self, *args: object) -> None:
                pass  # an access log here would carry phone numbers

        return Handler


def _message_json(create: Create) -> dict[str, Any]:
    created = format_datetime(datetime.fromtimestamp(create.at, UTC))
    return {
        "sid": create.sid, "account_sid": ACCOUNT_SID, "to": create.to,
        "from": create.sender if create.sender.startswith("+") else None,
        "messaging_service_sid": create.sender if create.sender.startswith("MG") else None,
        "body": create.body, "status": "queued", "direction": "outbound-api",
        "num_segments": "1", "date_created": created, "date_updated": created,
        "date_sent": None, "error_code": None, "error_message": None, "price": None,
        "api_version": "2010-04-01",
        "uri": f"/2010-04-01/Accounts/{ACCOUNT_SID}/Messages/{create.sid}.json",
    }


# ----------------------------------------------------------------------------- processes


def environment(
    folder: Path, *, database_url: str, broker_url: str, twilio_api_url: str,
    public_url: str = "http://127.0.0.1:1", **extra: str,
) -> dict[str, str]:
    """A production-shaped environment (PostgreSQL, Redis, Twilio) with a two-second tick."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COACH_", "TWILIO_"))}
    env.update({
        "COACH_DATA_DIR": str(folder),
        "COACH_DATABASE_URL": database_url,
        "COACH_BROKER_URL": broker_url,
        "COACH_PUBLIC_URL": public_url,
        "COACH_TICK_SECONDS": "2",
        "COACH_VISIBILITY_TIMEOUT": "10",
        "COACH_SEND_RATE": "4",
        "COACH_DAILY_CAP": "100",
        "COACH_ONCALL_NUMBER": ONCALL_NUMBER,
        "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
        "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
        "TWILIO_FROM_NUMBER": FROM_NUMBER,
        "COACH_TWILIO_API_URL": twilio_api_url,
        **extra,
    })
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


class Deployment:
    """coach's long-running processes, each in its own session (so a signal reaches its
    children too), all logging to one file. Stopped on exit, whatever happened."""

    def __init__(self, folder: Path, env: Mapping[str, str]) -> None:
        self.folder = folder
        self.env = dict(env)
        self.log = folder / "processes.log"
        self.procs: dict[str, subprocess.Popen[bytes]] = {}

    def __enter__(self) -> Deployment:
        return self

    def __exit__(self, *exc: object) -> None:
        for name in list(self.procs):
            self.stop(name)

    def _spawn(self, name: str, args: list[str]) -> subprocess.Popen[bytes]:
        with self.log.open("ab") as handle:
            proc = subprocess.Popen(
                args, cwd=ROOT, env=self.env, stdout=handle, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL, start_new_session=True,
            )
        self.procs[name] = proc
        return proc

    def worker(self, name: str, concurrency: int = 2) -> subprocess.Popen[bytes]:
        return self._spawn(name, [
            sys.executable, "-m", "celery", "-A", "tasks", "worker", "--loglevel", "INFO",
            "--concurrency", str(concurrency), "--pool", "threads", "-n", f"{name}@%h",
            "--without-gossip", "--without-mingle", "--without-heartbeat",
        ])

    def beat(self, name: str) -> subprocess.Popen[bytes]:
        return self._spawn(name, [
            sys.executable, "-m", "celery", "-A", "tasks", "beat", "--loglevel", "INFO",
            "--schedule", str(self.folder / f"{name}-schedule"),
        ])

    def web(self, name: str, port: int) -> subprocess.Popen[bytes]:
        proc = self._spawn(name, [
            sys.executable, "-m", "uvicorn", "coach.web.app:create_app", "--factory",
            "--host", "127.0.0.1", "--port", str(port), "--no-access-log",
        ])
        wait_for(lambda: _http_ok(f"http://127.0.0.1:{port}/healthz"), 90, "the web process",
                 alive=proc)
        return proc

    def signal(self, name: str, sig: int) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.procs[name].pid, sig)

    def kill(self, name: str) -> None:
        self.signal(name, signal.SIGKILL)
        self.procs.pop(name).wait(20)

    def stop(self, name: str, timeout: float = 20) -> None:
        proc = self.procs.pop(name)
        if proc.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGCONT)  # a stopped process cannot handle SIGTERM
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)

    def crashed(self) -> list[str]:
        return [name for name, proc in self.procs.items() if proc.poll() is not None]


@contextlib.contextmanager
def frozen(pid: int) -> Iterator[None]:
    """SIGSTOP a process group for the duration (SIGCONT on the way out, whatever happens)."""
    os.killpg(pid, signal.SIGSTOP)
    try:
        yield
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGCONT)


def wait_for(
    predicate: Callable[[], Any], timeout: float, what: str, every: float = 0.5,
    alive: subprocess.Popen[bytes] | None = None,
) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        if alive is not None and alive.poll() is not None:
            raise AssertionError(f"{what}: the process exited with {alive.returncode}")
        time.sleep(every)
    raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")


def _http_ok(url: str) -> bool:
    try:
        with _NO_PROXY.open(url, timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def post_signed(
    base: str, path: str, params: Mapping[str, str], *, public_url: str | None = None,
    timeout: float = 30,
) -> tuple[int, str]:
    """POST a form signed as Twilio signs it (for `public_url + path`)."""
    from twilio.request_validator import RequestValidator

    signature = RequestValidator(AUTH_TOKEN).compute_signature(
        (public_url or base) + path, dict(params))
    request = urllib.request.Request(
        base + path, data=urllib.parse.urlencode(params).encode(),
        headers={"X-Twilio-Signature": signature,
                 "Content-Type": "application/x-www-form-urlencoded"},
        method="POST",
    )
    try:
        with _NO_PROXY.open(request, timeout=timeout) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def message_sid() -> str:
    return "SM" + secrets.token_hex(16)


def next_minute(after: float, margin: float = 0.0) -> float:
    """The first whole minute at least `margin` seconds after `after` (epoch seconds)."""
    return (int(after + margin) // 60 + 1) * 60.0


def sleep_until(at: float) -> None:
    time.sleep(max(0.0, at - time.time()))


# ------------------------------------------------------------------------------- seeding


def seed(
    factory: sessionmaker[Session], settings: Settings, count: int, *, first: int = 0,
    kind: str = "screen_break",
) -> list[int]:
    """`count` patients enrolled, opted in (as by an SMS YES) and on a one-minute schedule;
    no quiet hours, a cap the run cannot reach. Returns their ids and the invitations'."""
    ids: list[int] = []
    now = datetime.now(UTC)
    with transaction(factory) as session:
        for index in range(first, first + count):
            patient, _invite = patient_ops.enroll(
                session, settings, phone=phone(index), tz="UTC", now=now, daily_cap=100)
            set_schedule(session, patient, kind, now=now, every="1m")
            patient_ops.opt_in(session, patient, now=now, method="sms_yes")
            ids.append(patient.id)
    return ids


def publish_queued(broker_url: str, factory: sessionmaker[Session]) -> int:
    """Hands every queued row to the workers the way coach does (a send_batch task), from a
    process that is not coach's own: the invitations written by `seed`."""
    from celery import Celery

    with factory() as session:
        ids = list(session.scalars(select(Message.id).where(Message.status == "queued")))
    if ids:
        app = Celery("faults", broker=broker_url)
        app.send_task("coach.send_batch", args=[ids, None], queue="celery")
        app.close()
    return len(ids)


# ------------------------------------------------------------------------------- figures


@dataclass
class Figures:
    patients: int = 0
    slots: int = 0
    sent: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    provider_requests: int = 0
    duplicates: int = 0
    lost_slots: int = 0
    texts_after_stop: int = 0
    stuck_rows: int = 0
    in_flight_after_stop: int = 0  # requests that arrived after STOP whose check came first
    details: list[str] = field(default_factory=list)
    # Each provider request to a patient who texted STOP: (patient, message, check committed,
    # STOP committed, arrived at the stand-in, verdict).
    stop_timeline: list[StopSend] = field(default_factory=list)

    @property
    def failures(self) -> int:
        return self.duplicates + self.lost_slots + self.texts_after_stop + self.stuck_rows

    def as_dict(self) -> dict[str, Any]:
        return {
            "patients": self.patients, "slots": self.slots, "sent": self.sent,
            "skipped": dict(self.skipped), "provider_requests": self.provider_requests,
            "duplicates": self.duplicates, "lost_slots": self.lost_slots,
            "texts_after_stop": self.texts_after_stop, "stuck_rows": self.stuck_rows,
            "in_flight_after_stop": self.in_flight_after_stop,
        }

    def summary(self) -> str:
        head = json.dumps(self.as_dict(), sort_keys=True)
        lines = self.details[:30] + [str(s) for s in self.stop_timeline[:30]]
        return head + ("\n  " + "\n  ".join(lines) if lines else "")


@dataclass(frozen=True)
class StopSend:
    patient: int
    message: int
    checked: datetime | None  # the final check's commit (None: no check was recorded)
    stop: datetime  # the STOP's commit
    arrived: datetime  # the first request for this row at the stand-in
    verdict: str  # "before STOP", "in flight" or "after STOP"

    def __str__(self) -> str:
        def at(value: datetime | None) -> str:
            return "-" if value is None else f"{value:%H:%M:%S.%f}"

        return (f"{self.verdict}: patient {self.patient} message {self.message}: checked "
                f"{at(self.checked)}, STOP {at(self.stop)}, arrived {at(self.arrived)}")


def _minutes(after: datetime, until: datetime) -> list[datetime]:
    """Whole minutes m with after < m <= until (a one-minute rule's slots)."""
    first = after.replace(second=0, microsecond=0) + timedelta(minutes=1)
    out = []
    while first <= until:
        out.append(first)
        first += timedelta(minutes=1)
    return out


def _commit_times(session: Session, table: str, ids: list[int]) -> dict[int, datetime]:
    """PostgreSQL's commit timestamp of each row's inserting transaction (needs
    track_commit_timestamp=on); empty when the server does not track them."""
    if not ids or session.get_bind().dialect.name != "postgresql":
        return {}
    if session.execute(text("SHOW track_commit_timestamp")).scalar() != "on":
        return {}
    rows = session.execute(
        text(f"SELECT id, pg_xact_commit_timestamp(xmin) FROM {table} WHERE id = ANY(:ids)"),
        {"ids": ids},
    )
    return {int(i): at for i, at in rows if at is not None}


def pending(factory: sessionmaker[Session], horizon: datetime) -> int:
    """Outbound rows for slots up to `horizon` (or created before it) still waiting to go."""
    with factory() as session:
        return len(session.scalars(
            select(Message.id).where(
                Message.direction == "out",
                Message.status.in_(("queued", "claimed")),
                Message.created_at <= horizon,
            )
        ).all())


def settle(factory: sessionmaker[Session], horizon: datetime, timeout: float) -> float:
    """Waits until nothing up to `horizon` is queued or claimed; returns the seconds it took
    (or `timeout`: the figures then count what is left as stuck)."""
    started = time.monotonic()
    deadline = started + timeout
    while time.monotonic() < deadline:
        if pending(factory, horizon) == 0:
            return time.monotonic() - started
        time.sleep(1)
    return timeout


def figures(
    factory: sessionmaker[Session], creates: list[Create], *, horizon: datetime,
    stops: Mapping[int, datetime] | None = None, tick_seconds: float = 2.0,
    now: datetime | None = None,
) -> Figures:
    """The four figures for every opted-in patient, slots up to `horizon`. `stops` maps a
    patient to when their STOP webhook was answered (used when PostgreSQL does not track
    commit times)."""
    now = now or datetime.now(UTC)
    result = Figures()
    by_message: dict[int, list[Create]] = defaultdict(list)
    for create in creates:
        if create.message_id is not None:
            by_message[create.message_id].append(create)
    result.provider_requests = len(creates)
    with factory() as session:
        people = list(session.scalars(select(Patient).where(Patient.consent_at.is_not(None))))
        rows = list(session.scalars(select(Message).where(Message.direction == "out")))
        inbound_stops = list(session.scalars(
            select(Message).where(Message.direction == "in", Message.patient_id.is_not(None))
        ))
        stop_rows = {
            m.patient_id: m for m in inbound_stops
            if m.patient_id is not None and m.body.strip().upper() == "STOP"
        }
        stop_commits = _commit_times(session, "messages", [m.id for m in stop_rows.values()])
        sending = session.execute(
            select(MessageEvent.message_id, MessageEvent.id, MessageEvent.at)
            .where(MessageEvent.status == "sending")
        ).all()
        sending_events = {int(mid): int(eid) for mid, eid, _ in sending}
        gate_at: dict[int, datetime] = {int(mid): at for mid, _, at in sending}
        gate_commits_by_event = _commit_times(
            session, "message_events", list(sending_events.values()))
    unknown = [c for c in creates if c.message_id is None]
    if unknown:
        result.details.append(f"{len(unknown)} provider requests carried no message id")
    result.patients = len(people)
    rows_by_id = {m.id: m for m in rows}
    reminders: dict[tuple[int, datetime], list[Message]] = defaultdict(list)
    for m in rows:
        if m.kind in REMINDER_KINDS and m.patient_id is not None and m.slot_at is not None:
            reminders[(m.patient_id, m.slot_at)].append(m)

    # Duplicates: per patient and slot (whatever rows), and per row for the other kinds.
    for (pid, slot), group in reminders.items():
        count = sum(len(by_message.get(m.id, [])) for m in group)
        if count > 1:
            result.duplicates += count - 1
            result.details.append(f"duplicate: patient {pid} slot {slot:%H:%M} texted {count}x")
    for mid, requests in by_message.items():
        row = rows_by_id.get(mid)
        if row is not None and row.kind not in REMINDER_KINDS and len(requests) > 1:
            result.duplicates += len(requests) - 1
            result.details.append(f"duplicate: message {mid} ({row.kind}) {len(requests)}x")

    # Lost slots: every whole minute between opt-in and the horizon (or the STOP) has a row
    # that reached the provider or was recorded as skipped.
    skipped: Counter[str] = Counter()
    excuse = timedelta(seconds=2 * tick_seconds + 2)
    for person in people:
        until = horizon
        if person.opted_out_at is not None:
            # A slot due in the last tick or two before the STOP may never get a row: the
            # STOP clears the schedule before a tick wrote it (nothing is owed after STOP).
            until = min(until, person.opted_out_at - excuse)
        assert person.consent_at is not None
        for slot in _minutes(person.consent_at, until):
            result.slots += 1
            group = reminders.get((person.id, slot), [])
            provided = [m for m in group if by_message.get(m.id)]
            if provided:
                result.sent += 1
                continue
            done = [m for m in group if m.status == "skipped"]
            if done:
                skipped[done[0].skip_reason or "?"] += 1
                continue
            result.lost_slots += 1
            states = ",".join(f"{m.status}/{m.skip_reason}" for m in group) or "no row"
            result.details.append(f"lost: patient {person.id} slot {slot:%H:%M:%S} ({states})")
    result.skipped = dict(skipped)

    # Texts after STOP.
    for stopped, stop in stop_rows.items():
        stop_commit = stop_commits.get(stop.id) or (stops or {}).get(stopped)
        if stop_commit is None:
            result.details.append(f"patient {stopped}: STOP commit time unknown")
            continue
        for m in rows:
            if m.patient_id != stopped or m.kind in ALWAYS_DELIVER or not by_message.get(m.id):
                continue
            event_id = sending_events.get(m.id)
            checked = gate_commits_by_event.get(event_id) if event_id is not None else None
            checked = checked or gate_at.get(m.id)
            arrived = min(datetime.fromtimestamp(c.at, UTC) for c in by_message[m.id])
            if (checked is None and arrived > stop_commit) or (
                    checked is not None and checked > stop_commit):
                verdict = "after STOP"
                result.texts_after_stop += 1
            elif arrived > stop_commit:
                verdict = "in flight"
                result.in_flight_after_stop += 1
            else:
                verdict = "before STOP"
            result.stop_timeline.append(
                StopSend(stopped, m.id, checked, stop_commit, arrived, verdict))

    # Stuck rows.
    for m in rows:
        if m.status in ("queued", "claimed") and m.created_at <= horizon:
            result.stuck_rows += 1
            result.details.append(f"stuck: message {m.id} ({m.kind}) {m.status}")
        elif m.status == "sending" and m.updated_at <= now - STALE_SENDING:
            result.stuck_rows += 1
            result.details.append(f"stuck: message {m.id} ({m.kind}) sending")
    return result


SETTLE_SECONDS = CLAIM_LEASE.total_seconds() + 45  # a dead worker's claims come back after it
