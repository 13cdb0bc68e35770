"""`coach demo`: the scripted day runs end to end and its own checks hold."""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from coach import demo
from coach.cli import main
from coach.config import reset_settings_cache


@pytest.fixture(autouse=True)
def clean_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in list(os.environ):
        if name.startswith(("COACH_", "TWILIO_")):
            monkeypatch.delenv(name)
    # Twilio credentials in the shell must not make the demo text anyone.
    monkeypatch.setenv("TWILIO_ACCOUNT_SID", "AC" + "0" * 32)
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", "secret")
    monkeypatch.setenv("TWILIO_FROM_NUMBER", "+12025550100")
    monkeypatch.setenv("COACH_TWILIO_API_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path / "data"))
    yield
    reset_settings_cache()


def test_demo_exits_0_and_prints_a_readable_day(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "-> invitation" in out
    assert '<- patient       "my face is drooping on one side"' in out
    assert "ALERT" in out and "weakness" in out
    assert "Call 911" in out
    assert "held back (quiet_hours)" in out
    assert "FAILED" not in out
    assert out.rstrip().endswith("demo passed")
    assert len(out.splitlines()) < 50


def test_demo_json_transcript(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["demo", "--json"]) == 0
    transcript = json.loads(capsys.readouterr().out)
    assert transcript["ok"] is True
    assert set(transcript["checks"]) >= {
        "no_reminder_in_quiet_hours", "one_text_per_slot", "nothing_after_stop", "alert_raised",
    }
    assert all(transcript["checks"].values())
    events = transcript["events"]
    sent = [e for e in events if e["event"] == "sent"]
    assert sent[0]["kind"] == "invitation"
    assert {"screen_break", "check_in", "relaxation", "followup"} <= {e["kind"] for e in sent}
    stop = next(e for e in events if e["event"] == "received" and e["text"] == "STOP")
    assert all(e["at"] < stop["at"] for e in sent)
    assert all(e["at"].endswith("Z") and e["local"].endswith("-04:00") for e in events)
    # A temporary database, gone afterwards; nothing written to the configured data folder.
    assert not (tmp_path / "data").exists()


def test_demo_fails_when_an_invariant_breaks(monkeypatch: pytest.MonkeyPatch) -> None:
    # A scenario that never says STOP cannot show that nothing is sent after STOP.
    monkeypatch.setattr(demo, "REPLIES", [r for r in demo.REPLIES if r[1] != "STOP"])
    out = io.StringIO()
    assert demo.run(out=out) == 1
    assert "FAILED  nothing after stop" in out.getvalue()
    assert out.getvalue().rstrip().endswith("demo FAILED")
