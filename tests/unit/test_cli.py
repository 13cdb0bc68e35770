"""The `coach` command line, called through `main(argv)` with a fresh data folder per test.

The broker is our own seam (`coach.enqueue`), replaced by a recorder: these tests check that
the CLI enqueues the right ids after commit, not Celery.
"""

from __future__ import annotations

import io
import json
import os
import sys
import types
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import time_machine

from coach import patients
from coach.cli import main, tools
from coach.cli.runtime import child_processes
from coach.config import Settings, reset_settings_cache
from coach.db.engine import make_engine, make_session_factory, transaction
from coach.inbound import InboundSms, handle_inbound

ALICE = "+12025550101"
BOB = "+12025550102"


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


@dataclass
class Cli:
    capsys: pytest.CaptureFixture[str]
    data_dir: Path
    enqueued: list[int] = field(default_factory=list)

    def __call__(self, *argv: str) -> Result:
        self.capsys.readouterr()
        code = main(list(argv))
        captured = self.capsys.readouterr()
        return Result(code, captured.out, captured.err)

    def settings(self) -> Settings:
        return Settings.from_env(os.environ)


@pytest.fixture
def cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Iterator[Cli]:
    for name in list(os.environ):
        if name.startswith(("COACH_", "TWILIO_")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path / "data"))
    runner = Cli(capsys, tmp_path / "data")

    def record(ids: Any) -> int:
        runner.enqueued.extend(ids)
        return len(runner.enqueued)

    monkeypatch.setattr("coach.enqueue.enqueue_sends", record)
    yield runner
    reset_settings_cache()


def in_db(cli: Cli, action: Any) -> Any:
    settings = cli.settings()
    engine = make_engine(settings.database_url)
    try:
        with transaction(make_session_factory(engine)) as session:
            return action(session, settings)
    finally:
        engine.dispose()


def opt_in(cli: Cli, ref: str) -> None:
    def act(session: Any, settings: Settings) -> None:
        patient = patients.get_patient(session, ref)
        patients.opt_in(session, patient, now=datetime.now(UTC), method="sms_yes")

    in_db(cli, act)


def text_from(cli: Cli, phone: str, body: str, sid: str) -> None:
    def act(session: Any, settings: Settings) -> None:
        sms = InboundSms(sid=sid, from_number=phone, to_number=None, body=body)
        handle_inbound(session, settings, sms, now=datetime.now(UTC))

    in_db(cli, act)


def assert_one_line_error(result: Result, code: int, *fragments: str) -> None:
    assert result.code == code, result
    assert result.out == ""
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("coach: error: ")
    assert "Traceback" not in result.err
    for fragment in fragments:
        assert fragment in lines[0]


# ---------------------------------------------------------------------------- patients


@time_machine.travel(datetime(2027, 3, 10, 17, 0, tzinfo=UTC))  # noon in New York
def test_patient_add_prints_pending_patient_and_enqueues_the_invitation(cli: Cli) -> None:
    result = cli("patient", "add", "(202) 555-0101", "--tz", "America/New_York",
                 "--name", "Alice", "--quiet", "22:00-07:00", "--cap", "6", "--json")
    assert result.code == 0, result.err
    alice = result.json()
    assert alice["id"] == 1
    assert alice["status"] == "pending"
    assert alice["phone"] == ALICE
    assert alice["tz"] == "America/New_York"
    assert alice["quiet"] == "22:00-07:00"
    assert alice["daily_cap"] == 6
    messages = cli("messages", "--json").json()
    assert [(m["kind"], m["status"]) for m in messages] == [("invitation", "queued")]
    assert cli.enqueued == [messages[0]["id"]]


def test_patient_add_without_json_prints_one_summary_line(cli: Cli) -> None:
    result = cli("patient", "add", BOB, "--tz", "Europe/London", "--lang", "es")
    assert result.code == 0
    assert len(result.out.splitlines()) == 1
    assert "patient 1" in result.out and "pending" in result.out


def test_patient_list_and_show_by_id_or_phone(cli: Cli) -> None:
    cli("patient", "add", ALICE, "--tz", "America/New_York", "--name", "Alice")
    cli("patient", "add", BOB, "--tz", "America/Chicago")
    cli("schedule", "set", "1", "check_in", "--at", "19:00")
    opt_in(cli, ALICE)
    text_from(cli, ALICE, "twitch 4", "SM" + "1" * 32)

    listed = cli("patient", "list", "--json").json()
    assert [p["phone"] for p in listed] == [ALICE, BOB]

    shown = cli("patient", "show", "202-555-0101", "--json").json()
    assert shown["id"] == 1
    assert shown["status"] == "active"
    assert [s["kind"] for s in shown["schedules"]] == ["check_in"]
    assert shown["schedules"][0]["next_due_at"].endswith("Z")
    assert [(d["severity"], d["note"]) for d in shown["diary"]] == [(4, "twitch 4")]

    text = cli("patient", "show", "1")
    assert text.code == 0
    assert "check_in at 19:00" in text.out
    assert "severity 4" in text.out


def test_patient_list_when_empty_says_how_to_add_one(cli: Cli) -> None:
    result = cli("patient", "list")
    assert result.code == 0
    assert "coach patient add" in result.out
    assert cli("patient", "list", "--json").json() == []


def test_bad_phone_is_one_line_and_exit_2(cli: Cli) -> None:
    assert_one_line_error(cli("patient", "add", "12", "--tz", "America/New_York"), 2, "'12'")


def test_unknown_zone_is_one_line_and_exit_2(cli: Cli) -> None:
    result = cli("patient", "add", ALICE, "--tz", "Mars/Olympus")
    assert_one_line_error(result, 2, "unknown time zone", "Mars/Olympus")


def test_same_phone_twice_is_refused(cli: Cli) -> None:
    cli("patient", "add", ALICE, "--tz", "America/New_York")
    result = cli("patient", "add", "+1 202 555 0101", "--tz", "America/New_York")
    assert_one_line_error(result, 2, "already enrolled")
    assert ALICE not in result.err  # never the full number


def test_bad_quiet_hours_and_cap_are_refused(cli: Cli) -> None:
    assert_one_line_error(
        cli("patient", "add", ALICE, "--tz", "UTC", "--quiet", "25:00-07:00"), 2, "--quiet"
    )
    assert_one_line_error(cli("patient", "add", ALICE, "--tz", "UTC", "--cap", "0"), 2, "--cap")
    assert_one_line_error(cli("patient", "add", ALICE, "--tz", "UTC", "--lang", "fr"), 2, "fr")


@pytest.mark.parametrize(
    "argv",
    [
        ("patient", "show", "999"),
        ("schedule", "set", "999", "check_in", "--at", "19:00"),
        ("schedule", "preview", "999", "--json"),
        ("send", "999", "eye_rest"),
        ("messages", "--patient", "999"),
    ],
)
def test_unknown_patient_is_one_line_and_exit_2(cli: Cli, argv: tuple[str, ...]) -> None:
    assert_one_line_error(cli(*argv), 2, "unknown patient", "999")


def test_missing_required_option_is_one_line_not_a_usage_block(cli: Cli) -> None:
    assert_one_line_error(cli("patient", "add", ALICE), 2, "--tz", "--help")


def test_unknown_command_is_one_line(cli: Cli) -> None:
    assert_one_line_error(cli("frobnicate"), 2, "frobnicate")


def test_help_exits_0(cli: Cli) -> None:
    result = cli("--help")
    assert result.code == 0
    assert "patient" in result.out and "schedule" in result.out


# ---------------------------------------------------------------------------- schedules


def test_schedule_set_prints_the_schedule(cli: Cli) -> None:
    cli("patient", "add", ALICE, "--tz", "America/New_York")
    result = cli("schedule", "set", "1", "screen_break", "--every", "2h",
                 "--between", "09:00-17:00", "--days", "mon-fri", "--json")
    assert result.code == 0, result.err
    schedule = result.json()
    assert schedule["kind"] == "screen_break"
    assert schedule["rule"]["every"] == "2h"
    assert schedule["rule"]["window"] == "09:00-17:00"
    assert schedule["rule"]["days"] == [0, 1, 2, 3, 4]
    assert schedule["next_due_at"] is None  # pending: nothing until the patient opts in

    text = cli("schedule", "set", ALICE, "check_in", "--at", "07:30,19:00")
    assert text.code == 0
    assert "check_in at 07:30,19:00" in text.out


def test_overlapping_window_is_one_line_and_exit_2(cli: Cli) -> None:
    cli("patient", "add", ALICE, "--tz", "America/New_York")
    result = cli("schedule", "set", "1", "screen_break", "--every", "2h",
                 "--between", "17:00-09:00")
    assert_one_line_error(result, 2, "17:00-09:00")


@pytest.mark.parametrize(
    ("options", "fragment"),
    [
        (("--every", "2x"), "duration"),
        (("--every", "0m"), ""),
        (("--at", "25:00"), "25:00"),
        (("--at", "19:00", "--between", "09:00-17:00"), "--between"),
        (("--every", "1h", "--days", "funday"), "funday"),
        ((), "--every"),
        (("--every", "1h", "--at", "19:00"), "--at"),
    ],
)
def test_bad_schedule_input_is_one_line_and_exit_2(
    cli: Cli, options: tuple[str, ...], fragment: str
) -> None:
    cli("patient", "add", ALICE, "--tz", "America/New_York")
    assert_one_line_error(cli("schedule", "set", "1", "screen_break", *options), 2, fragment)


def test_unknown_kind_is_refused(cli: Cli) -> None:
    cli("patient", "add", ALICE, "--tz", "America/New_York")
    assert_one_line_error(cli("schedule", "set", "1", "nap", "--at", "13:00"), 2, "nap")


def test_schedule_preview_lists_utc_and_local_times(cli: Cli) -> None:
    cli("patient", "add", ALICE, "--tz", "America/New_York", "--quiet", "22:00-07:00")
    cli("schedule", "set", "1", "screen_break", "--every", "2h", "--between", "09:00-17:00")
    cli("schedule", "set", "1", "relaxation", "--at", "21:30,22:30")
    result = cli("schedule", "preview", "1", "--from", "2025-06-11T12:00:00Z", "--count", "6",
                 "--json")
    assert result.code == 0, result.err
    assert [(i["kind"], i["at"], i["local"]) for i in result.json()] == [
        ("screen_break", "2025-06-11T13:00:00Z", "2025-06-11T09:00:00-04:00"),
        ("screen_break", "2025-06-11T15:00:00Z", "2025-06-11T11:00:00-04:00"),
        ("screen_break", "2025-06-11T17:00:00Z", "2025-06-11T13:00:00-04:00"),
        ("screen_break", "2025-06-11T19:00:00Z", "2025-06-11T15:00:00-04:00"),
        # 22:30 is in quiet hours: not previewed
        ("relaxation", "2025-06-12T01:30:00Z", "2025-06-11T21:30:00-04:00"),
        ("screen_break", "2025-06-12T13:00:00Z", "2025-06-12T09:00:00-04:00"),
    ]
    assert set(result.json()[0]) == {"kind", "at", "local"}


def test_preview_reads_a_naive_from_as_utc(cli: Cli) -> None:
    cli("patient", "add", ALICE, "--tz", "Europe/Madrid")
    cli("schedule", "set", "1", "check_in", "--at", "19:00")
    naive = cli("schedule", "preview", "1", "--from", "2025-01-15T10:00", "--json").json()
    zulu = cli("schedule", "preview", "1", "--from", "2025-01-15T10:00Z", "--json").json()
    offset = cli("schedule", "preview", "1", "--from", "2025-01-15T11:00+01:00", "--json").json()
    assert naive == zulu == offset
    assert len(naive) == 10
    assert naive[0] == {
        "kind": "check_in", "at": "2025-01-15T18:00:00Z", "local": "2025-01-15T19:00:00+01:00"
    }


def test_preview_without_json_prints_local_times(cli: Cli) -> None:
    cli("patient", "add", ALICE, "--tz", "America/New_York")
    cli("schedule", "set", "1", "check_in", "--at", "19:00")
    result = cli("schedule", "preview", "1", "--from", "2025-06-11", "--count", "2")
    assert result.code == 0
    assert result.out.splitlines()[0].startswith("2025-06-11T19:00:00-04:00  check_in")


@pytest.mark.parametrize(("options", "fragment"), [
    (("--from", "yesterday"), "--from"),
    (("--count", "0"), "--count"),
    (("--count", "x"), "--count"),
])
def test_bad_preview_input_is_one_line(cli: Cli, options: tuple[str, ...], fragment: str) -> None:
    cli("patient", "add", ALICE, "--tz", "America/New_York")
    assert_one_line_error(cli("schedule", "preview", "1", *options), 2, fragment)


# ---------------------------------------------------------------------------- messages


def test_send_queues_a_reminder_for_the_worker(cli: Cli) -> None:
    cli("patient", "add", ALICE, "--tz", "America/New_York")
    opt_in(cli, ALICE)
    result = cli("send", "1", "eye_rest", "--json")
    assert result.code == 0, result.err
    message = result.json()
    assert (message["kind"], message["status"]) == ("eye_rest", "queued")
    assert message["direction"] == "out"
    assert cli.enqueued[-1] == message["id"]


def test_send_sync_sends_through_the_outbox_backend(cli: Cli) -> None:
    cli("patient", "add", ALICE, "--tz", "America/New_York")
    opt_in(cli, ALICE)
    before = list(cli.enqueued)
    result = cli("send", ALICE, "relaxation", "--sync", "--json")
    assert result.code == 0, result.err
    message = result.json()
    assert message["status"] in ("sent", "delivered")
    assert message["provider_sid"].startswith("OB")
    assert message["sent_at"].endswith("Z")
    assert cli.enqueued == before  # sent here, not queued for a worker


@pytest.mark.parametrize("sync", [["--sync"], []])
def test_send_to_a_pending_patient_is_refused_with_the_reason(cli: Cli, sync: list[str]) -> None:
    cli("patient", "add", ALICE, "--tz", "America/New_York")
    result = cli("send", "1", "eye_rest", *sync)
    assert result.code == 2  # refused up front, not queued for the worker to skip
    assert result.err.count("\n") == 1
    assert "pending_opt_in" in result.err
    assert cli.enqueued == [1]  # only the invitation


def test_send_unknown_kind_is_refused(cli: Cli) -> None:
    cli("patient", "add", ALICE, "--tz", "America/New_York")
    assert_one_line_error(cli("send", "1", "nap"), 2, "nap")


def test_messages_json_shape(cli: Cli) -> None:
    cli("patient", "add", ALICE, "--tz", "America/New_York")
    cli("patient", "add", BOB, "--tz", "America/New_York")
    opt_in(cli, ALICE)
    text_from(cli, ALICE, "worse after coffee", "SM" + "2" * 32)
    everything = cli("messages", "--json").json()
    alice_only = cli("messages", "--patient", ALICE, "--json").json()
    assert len(everything) == 4  # two invitations, Alice's reply and our answer
    assert [m["direction"] for m in alice_only] == ["out", "in", "out"]
    for message in everything:
        assert {"id", "direction", "kind", "status", "provider_sid", "body", "created_at",
                "sent_at"} <= set(message)
        assert message["direction"] in ("in", "out")
        assert message["created_at"].endswith("Z")
    inbound = alice_only[1]
    assert inbound["body"] == "worse after coffee"
    assert inbound["provider_sid"] == "SM" + "2" * 32
    text = cli("messages", "--patient", "1")
    assert text.code == 0
    assert len(text.out.splitlines()) == 3


def test_alerts_list_and_acknowledge(cli: Cli) -> None:
    cli("patient", "add", ALICE, "--tz", "America/New_York")
    opt_in(cli, ALICE)
    assert cli("alerts", "--json").json() == []
    text_from(cli, ALICE, "my face is drooping on one side", "SM" + "3" * 32)

    alerts = cli("alerts", "--json").json()
    assert len(alerts) == 1
    alert = alerts[0]
    assert (alert["level"], alert["codes"], alert["status"]) == ("emergency", ["weakness"], "open")
    assert alert["patient_id"] == 1
    assert alert["message"] == "my face is drooping on one side"

    acked = cli("alerts", "ack", str(alert["id"]), "--by", "carol", "--json")
    assert acked.code == 0, acked.err
    assert acked.json()["acknowledged_by"] == "carol"
    assert cli("alerts", "--status", "open", "--json").json() == []
    assert [a["status"] for a in cli("alerts", "--status", "acknowledged", "--json").json()] == [
        "acknowledged"
    ]
    text = cli("alerts")
    assert "emergency" in text.out and "weakness" in text.out


def test_acknowledging_an_unknown_alert_is_one_line(cli: Cli) -> None:
    assert_one_line_error(cli("alerts", "ack", "42"), 2, "42")
    assert_one_line_error(cli("alerts", "ack", "x"), 2, "x")


# ---------------------------------------------------------------------------- runtime, tools


def test_migrate_prints_the_revision(cli: Cli) -> None:
    result = cli("migrate", "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert data["revision"]
    assert data["database"].startswith("sqlite:///")
    again = cli("migrate")  # idempotent
    assert again.code == 0
    assert data["revision"] in again.out


def test_unreachable_database_is_one_line_exit_1_and_hides_the_password(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COACH_DATABASE_URL", "postgresql://coach:hunter2@127.0.0.1:1/coach")
    result = cli("patient", "list")
    assert_one_line_error(result, 1, "database not reachable")
    assert "hunter2" not in result.err


def test_bad_setting_is_one_line_exit_2(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_BROKER_URL", "amqp://somewhere")
    assert_one_line_error(cli("patient", "list"), 2, "COACH_BROKER_URL")


def test_unexpected_error_is_one_line_exit_1(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("disk on fire\nsecond line")

    monkeypatch.setattr("coach.patients.list_patients", boom)
    assert_one_line_error(cli("patient", "list"), 1, "RuntimeError", "disk on fire")


def test_bench_unknown_name_lists_the_known_ones(cli: Cli) -> None:
    assert_one_line_error(cli("bench", "nope"), 2, "nope", "tick", "triage")


def test_bench_prints_json_lines_from_the_named_bench(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = types.ModuleType("fake_bench")
    fake.run = lambda: [{"name": "fake.rate", "value": 3.5, "unit": "per_s"}]  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "fake_bench", fake)
    monkeypatch.setitem(tools.BENCHES, "fake", "fake_bench")
    result = cli("bench", "fake")
    assert result.code == 0, result.err
    assert [json.loads(line) for line in result.out.splitlines()] == [
        {"name": "fake.rate", "value": 3.5, "unit": "per_s"}
    ]


def test_triage_reads_and_writes_json_lines(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = ['{"text": "my face is drooping"}', '{"text": "STOP"}', '{"text": "twitch 3"}']
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))
    result = cli("triage")
    assert result.code == 0, result.err
    readings = [json.loads(line) for line in result.out.splitlines()]
    assert [r["level"] for r in readings] == ["emergency", "routine", "routine"]
    assert readings[0]["red_flags"] == ["weakness"]
    assert readings[1]["command"] == "stop"
    assert readings[2]["severity"] == 3


def test_eval_scores_a_labelled_file(cli: Cli, tmp_path: Path) -> None:
    labelled = tmp_path / "tiny.jsonl"
    labelled.write_text('{"text": "twitch 2", "level": "routine", "red_flags": [], '
                        '"severity": 2, "command": null}\n')
    result = cli("eval", str(labelled), "--json")
    assert result.code in (0, 1), result.err  # 1 = below the corpus targets, on one case
    assert isinstance(result.json(), dict)


def test_up_runs_threads_pool_on_the_embedded_broker_only(tmp_path: Path) -> None:
    embedded = Settings.from_env({"COACH_DATA_DIR": str(tmp_path)})
    redis = Settings.from_env({"COACH_DATA_DIR": str(tmp_path), "COACH_BROKER_URL": "redis://x"})
    web, worker, beat = child_processes(embedded, "127.0.0.1", 8123)
    assert web.argv[1:] == ["-m", "uvicorn", "coach.web.app:create_app", "--factory",
                            "--host", "127.0.0.1", "--port", "8123", "--log-level", "warning"]
    # Quiet by default (no banners, warnings only); --verbose brings the INFO logs back.
    assert worker.argv[1:9] == ["-m", "celery", "-A", "tasks", "--quiet", "worker",
                                "--loglevel", "WARNING"]
    loud = child_processes(embedded, "127.0.0.1", 8123, verbose=True)
    assert loud[1].argv[1:8] == ["-m", "celery", "-A", "tasks", "worker", "--loglevel", "INFO"]
    assert "--log-level" not in loud[0].argv
    assert "--concurrency" in worker.argv and "threads" in worker.argv
    assert beat.argv[-2:] == ["--schedule", str(tmp_path / "celerybeat-schedule")]
    assert "threads" not in child_processes(redis, "127.0.0.1", 8123)[1].argv


def test_up_refuses_a_port_out_of_range(cli: Cli) -> None:
    assert_one_line_error(cli("up", "--port", "70000"), 2, "--port")


def test_triage_accepts_json_like_every_data_command(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO('{"text": "6/10"}\n'))
    result = cli("triage", "--json")
    assert result.code == 0, result.err
    assert json.loads(result.out)["severity"] == 6
