"""Settings from the environment (the variables are a contract: see README.md).

`Settings.from_env` takes the environment as a mapping so tests build settings without
touching `os.environ`. Bad values fail loudly at start-up, never halfway through a send.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlparse


class ConfigError(ValueError):
    pass


_DIALABLE = re.compile(r"\+?[0-9][0-9 \-]{1,18}")


def _secret(env: Mapping[str, str], name: str) -> str | None:
    """A value from NAME, or from the file named by NAME_FILE (Docker/K8s secrets)."""
    value = env.get(name)
    if value:
        return value.strip()
    path = env.get(f"{name}_FILE")
    if path:
        try:
            return Path(path).read_text().strip()
        except OSError as exc:
            raise ConfigError(f"{name}_FILE: cannot read {path}: {exc.strerror}") from exc
    return None


def _int(env: Mapping[str, str], name: str, default: int, *, minimum: int = 0) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, got {raw!r}") from None
    if value < minimum:
        raise ConfigError(f"{name} must be at least {minimum}, got {value}")
    return value


def _float(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number, got {raw!r}") from None
    if value <= 0:
        raise ConfigError(f"{name} must be positive, got {raw!r}")
    return value


def _bool(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = (env.get(name) or "").strip().lower()
    if not raw:
        return default
    if raw in ("1", "true", "yes", "on"):
        return True
    if raw in ("0", "false", "no", "off"):
        return False
    raise ConfigError(f"{name} must be on or off (1/0, true/false), got {raw!r}")


def _url(env: Mapping[str, str], name: str, default: str) -> str:
    value = (env.get(name) or default).rstrip("/")
    parsed = urlparse(value)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise ConfigError(f"{name} must be an http(s) URL, got {value!r}")
    return value


def default_data_dir(env: Mapping[str, str]) -> Path:
    """COACH_DATA_DIR, else $XDG_DATA_HOME/coach, else ~/.local/share/coach: never relative
    to the folder a command runs in, so `coach up` and the CLI in another shell (in another
    folder) open the same database."""
    if env.get("COACH_DATA_DIR"):
        return Path(env["COACH_DATA_DIR"]).expanduser().resolve()
    xdg = env.get("XDG_DATA_HOME", "")
    if xdg and Path(xdg).is_absolute():  # the XDG spec: a relative value is to be ignored
        return (Path(xdg) / "coach").resolve()
    home = env.get("HOME") or str(Path.home())
    return (Path(home) / ".local" / "share" / "coach").resolve()


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str
    broker_url: str
    public_url: str = "http://127.0.0.1:8000"
    twilio_account_sid: str | None = None
    twilio_auth_token: str | None = None
    twilio_from_number: str | None = None
    twilio_messaging_service_sid: str | None = None
    twilio_api_url: str | None = None
    emergency_number: str = "911"
    crisis_line: str = "988"
    care_line: str = "your clinic"
    clinic_name: str = "Your clinic"
    default_region: str = "US"
    oncall_number: str | None = None
    grace_minutes: int = 10
    send_rate_per_second: float = 1.0
    default_daily_cap: int = 12
    emergency_renotify_minutes: int = 15
    urgent_renotify_minutes: int = 60
    followup_hours: int = 3
    check_timeout_minutes: int = 30  # an unanswered clarifying question becomes an alert
    trend_cooldown_days: int = 7
    trend_high_threshold: int = 7
    trend_high_days: int = 3
    trend_rise: int = 3
    tick_seconds: float = 60.0
    visibility_timeout: int = 3600
    weekly_summary_day: int = 6  # local weekday (0=Monday) the summary goes out, at 18:00
    nonresponder_days: int = 3
    nonresponder_alerts: bool = False
    # Webhooks storing at once in one web process; the rest wait their turn in order
    # (docs/PERFORMANCE.md, "Inbound": forty threads time-slicing one GIL tripled the p99).
    web_store_threads: int = 2
    extra: Mapping[str, str] = field(default_factory=dict)

    @property
    def use_twilio(self) -> bool:
        return bool(self.twilio_account_sid)

    @property
    def embedded_broker(self) -> bool:
        return self.broker_url.startswith("filesystem://")

    @property
    def broker_folder(self) -> Path:
        return self.data_dir / "broker"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        data_dir = default_data_dir(env)
        database_url = env.get("COACH_DATABASE_URL") or f"sqlite:///{data_dir / 'coach.db'}"
        if database_url.startswith("postgres://"):
            database_url = "postgresql+psycopg://" + database_url[len("postgres://") :]
        elif database_url.startswith("postgresql://"):
            database_url = "postgresql+psycopg://" + database_url[len("postgresql://") :]
        broker_url = env.get("COACH_BROKER_URL") or "filesystem://"
        if not broker_url.startswith(("filesystem://", "redis://", "rediss://", "memory://")):
            raise ConfigError(
                f"COACH_BROKER_URL must be redis://… or filesystem://, got {broker_url!r}"
            )
        settings = cls(
            data_dir=data_dir,
            database_url=database_url,
            broker_url=broker_url,
            public_url=_url(env, "COACH_PUBLIC_URL", "http://127.0.0.1:8000"),
            twilio_account_sid=_secret(env, "TWILIO_ACCOUNT_SID"),
            twilio_auth_token=_secret(env, "TWILIO_AUTH_TOKEN"),
            twilio_from_number=env.get("TWILIO_FROM_NUMBER") or None,
            twilio_messaging_service_sid=env.get("TWILIO_MESSAGING_SERVICE_SID") or None,
            twilio_api_url=(
                _url(env, "COACH_TWILIO_API_URL", "http://x") if env.get("COACH_TWILIO_API_URL")
                else None
            ),
            emergency_number=env.get("COACH_EMERGENCY_NUMBER") or "911",
            crisis_line=env.get("COACH_CRISIS_LINE") or "988",
            care_line=env.get("COACH_CARE_LINE") or "your clinic",
            clinic_name=env.get("COACH_CLINIC_NAME") or "Your clinic",
            default_region=(env.get("COACH_DEFAULT_REGION") or "US").upper(),
            oncall_number=env.get("COACH_ONCALL_NUMBER") or None,
            grace_minutes=_int(env, "COACH_GRACE_MINUTES", 10, minimum=1),
            send_rate_per_second=_float(env, "COACH_SEND_RATE", 1.0),
            default_daily_cap=_int(env, "COACH_DAILY_CAP", 12, minimum=1),
            emergency_renotify_minutes=_int(env, "COACH_ALERT_RENOTIFY_MINUTES", 15, minimum=1),
            urgent_renotify_minutes=_int(env, "COACH_URGENT_RENOTIFY_MINUTES", 60, minimum=1),
            followup_hours=_int(env, "COACH_FOLLOWUP_HOURS", 3, minimum=1),
            check_timeout_minutes=_int(env, "COACH_CHECK_TIMEOUT_MINUTES", 30, minimum=1),
            trend_high_threshold=_int(env, "COACH_TREND_HIGH_THRESHOLD", 7, minimum=1),
            trend_high_days=_int(env, "COACH_TREND_HIGH_DAYS", 3, minimum=1),
            trend_rise=_int(env, "COACH_TREND_RISE", 3, minimum=1),
            trend_cooldown_days=_int(env, "COACH_TREND_COOLDOWN_DAYS", 7, minimum=1),
            tick_seconds=_float(env, "COACH_TICK_SECONDS", 60.0),
            visibility_timeout=_int(env, "COACH_VISIBILITY_TIMEOUT", 3600, minimum=1),
            nonresponder_days=_int(env, "COACH_NONRESPONDER_DAYS", 3, minimum=1),
            nonresponder_alerts=_bool(env, "COACH_NONRESPONDER_ALERTS", False),
            web_store_threads=_int(env, "COACH_WEB_STORE_THREADS", 2, minimum=1),
            extra={k: v for k, v in env.items() if k.startswith("COACH_")},
        )
        import phonenumbers

        if settings.default_region not in phonenumbers.SUPPORTED_REGIONS:
            raise ConfigError(
                f"COACH_DEFAULT_REGION must be a two-letter region code like US or GB, "
                f"got {settings.default_region!r}"
            )
        for name, value in (("COACH_EMERGENCY_NUMBER", settings.emergency_number),
                            ("COACH_CRISIS_LINE", settings.crisis_line)):
            # Patients are told to call it: it must look like something a phone can dial.
            if not _DIALABLE.fullmatch(value):
                raise ConfigError(f"{name} must be a phone number like 911 or 112, got {value!r}")
        if settings.oncall_number:
            from coach.phone import PhoneError, normalize_phone

            try:
                oncall = normalize_phone(settings.oncall_number, settings.default_region)
            except PhoneError as exc:
                raise ConfigError(f"COACH_ONCALL_NUMBER: {exc}") from None
            settings = replace(settings, oncall_number=oncall)
        if settings.use_twilio:
            if not settings.twilio_auth_token:
                raise ConfigError("TWILIO_ACCOUNT_SID is set but TWILIO_AUTH_TOKEN is not")
            if not (settings.twilio_from_number or settings.twilio_messaging_service_sid):
                raise ConfigError(
                    "set TWILIO_FROM_NUMBER or TWILIO_MESSAGING_SERVICE_SID with TWILIO_ACCOUNT_SID"
                )
        return settings


_cached: Settings | None = None


def get_settings() -> Settings:
    """Settings from os.environ, read once per process."""
    global _cached
    if _cached is None:
        _cached = Settings.from_env()
    return _cached


def reset_settings_cache() -> None:
    global _cached
    _cached = None
