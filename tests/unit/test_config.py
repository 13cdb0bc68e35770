from __future__ import annotations

from pathlib import Path

import pytest

from coach.config import ConfigError, Settings


def test_embedded_defaults(tmp_path: Path):
    s = Settings.from_env({"COACH_DATA_DIR": str(tmp_path)})
    assert s.database_url == f"sqlite:///{tmp_path / 'coach.db'}"
    assert s.broker_url == "filesystem://" and s.embedded_broker
    assert (s.emergency_number, s.crisis_line) == ("911", "988")
    assert not s.use_twilio
    assert s.public_url == "http://127.0.0.1:8000"


def test_production_values(tmp_path: Path):
    s = Settings.from_env({
        "COACH_DATA_DIR": str(tmp_path),
        "COACH_DATABASE_URL": "postgresql://coach:pw@db/coach",
        "COACH_BROKER_URL": "redis://redis:6379/0",
        "COACH_PUBLIC_URL": "https://coach.example.org/",
        "TWILIO_ACCOUNT_SID": "AC" + "0" * 32,
        "TWILIO_AUTH_TOKEN": "secret",
        "TWILIO_FROM_NUMBER": "+15005550006",
        "COACH_EMERGENCY_NUMBER": "112",
    })
    assert s.database_url == "postgresql+psycopg://coach:pw@db/coach"
    assert s.public_url == "https://coach.example.org"
    assert s.use_twilio and s.emergency_number == "112"


def test_secret_from_file(tmp_path: Path):
    token = tmp_path / "token"
    token.write_text("from-file\n")
    s = Settings.from_env({
        "COACH_DATA_DIR": str(tmp_path), "TWILIO_ACCOUNT_SID": "AC" + "0" * 32,
        "TWILIO_AUTH_TOKEN_FILE": str(token), "TWILIO_MESSAGING_SERVICE_SID": "MG" + "0" * 32,
    })
    assert s.twilio_auth_token == "from-file"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"COACH_GRACE_MINUTES": "soon"}, "COACH_GRACE_MINUTES must be a whole number"),
        ({"COACH_SEND_RATE": "-1"}, "COACH_SEND_RATE must be positive"),
        ({"COACH_WEB_STORE_THREADS": "0"}, "COACH_WEB_STORE_THREADS must be at least 1"),
        ({"COACH_PUBLIC_URL": "ftp://x"}, "COACH_PUBLIC_URL must be an http"),
        ({"COACH_BROKER_URL": "amqp://x"}, "COACH_BROKER_URL must be"),
        ({"TWILIO_ACCOUNT_SID": "AC1"}, "TWILIO_AUTH_TOKEN is not"),
        ({"TWILIO_ACCOUNT_SID": "AC1", "TWILIO_AUTH_TOKEN": "x"}, "TWILIO_FROM_NUMBER"),
        ({"TWILIO_AUTH_TOKEN_FILE": "/nonexistent/token", "TWILIO_ACCOUNT_SID": "AC1"},
         "cannot read"),
    ],
)
def test_bad_values_fail_loudly(tmp_path: Path, env: dict[str, str], message: str):
    with pytest.raises(ConfigError, match=message):
        Settings.from_env({"COACH_DATA_DIR": str(tmp_path), **env})


def test_oncall_number_is_normalised_or_refused(tmp_path: Path):
    s = Settings.from_env(
        {"COACH_DATA_DIR": str(tmp_path), "COACH_ONCALL_NUMBER": "(202) 555-0199"}
    )
    assert s.oncall_number == "+12025550199"
    with pytest.raises(ConfigError, match="COACH_ONCALL_NUMBER"):
        Settings.from_env({"COACH_DATA_DIR": str(tmp_path), "COACH_ONCALL_NUMBER": "555"})


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"COACH_DEFAULT_REGION": "ZZ"}, "COACH_DEFAULT_REGION"),
        ({"COACH_EMERGENCY_NUMBER": "call-me-maybe"}, "COACH_EMERGENCY_NUMBER"),
        ({"COACH_CRISIS_LINE": ""}, None),  # empty means the default, 988
    ],
)
def test_numbers_patients_are_told_to_call_are_checked(
    tmp_path: Path, env: dict[str, str], message: str | None
):
    if message is None:
        assert Settings.from_env({"COACH_DATA_DIR": str(tmp_path), **env}).crisis_line == "988"
        return
    with pytest.raises(ConfigError, match=message):
        Settings.from_env({"COACH_DATA_DIR": str(tmp_path), **env})
