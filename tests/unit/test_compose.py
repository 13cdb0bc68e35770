"""docker-compose.yml is valid Compose and safe to start: checked without Docker."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"

APP_SERVICES = ("migrate", "web", "worker", "beat")
APP_ENV = {
    "COACH_DATABASE_URL",
    "COACH_BROKER_URL",
    "COACH_PUBLIC_URL",
    "TWILIO_ACCOUNT_SID",
    "TWILIO_AUTH_TOKEN",
    "TWILIO_FROM_NUMBER",
    "COACH_EMERGENCY_NUMBER",
    "COACH_CRISIS_LINE",
}
# No default exists for these: compose must refuse to start without them.
REQUIRED_FROM_OPERATOR = {
    "POSTGRES_PASSWORD",
    "COACH_PUBLIC_URL",
    "TWILIO_ACCOUNT_SID",
    "TWILIO_AUTH_TOKEN",
}


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    loaded = YAML(typ="safe").load(COMPOSE.read_text())
    assert isinstance(loaded, dict)
    return loaded


def services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    found = compose["services"]
    assert isinstance(found, dict)
    return found


def one_shots(compose: dict[str, Any]) -> set[str]:
    return {name for name, svc in services(compose).items() if svc.get("restart") == "no"}


def test_matches_the_compose_specification_offline() -> None:
    # check-jsonschema ships the Compose schema; a dead proxy proves nothing is fetched.
    env = dict(os.environ)
    for var in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        env[var] = "http://127.0.0.1:9"
    env.pop("NO_PROXY", None)
    env.pop("no_proxy", None)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.compose-spec",
            str(COMPOSE),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_can_fail(tmp_path: Path) -> None:
    broken = tmp_path / "docker-compose.yml"
    broken.write_text(
        "services:\n  web:\n    image: x\n    depends_on:\n"
        "      db:\n        condition: service_maybe\n  db:\n    image: y\n"
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.compose-spec",
            str(broken),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0


def test_has_the_production_services(compose: dict[str, Any]) -> None:
    assert set(services(compose)) == {"postgres", "redis", *APP_SERVICES}


def test_every_long_running_service_has_a_healthcheck(compose: dict[str, Any]) -> None:
    for name, svc in services(compose).items():
        if name in one_shots(compose):
            assert "healthcheck" not in svc, name
            continue
        check = svc.get("healthcheck")
        assert check and check.get("test") and not check.get("disable"), name


def test_migrate_is_the_only_one_shot_and_runs_coach_migrate(compose: dict[str, Any]) -> None:
    assert one_shots(compose) == {"migrate"}
    assert services(compose)["migrate"]["command"] == ["coach", "migrate"]


def test_dependencies_wait_for_health_or_completion(compose: dict[str, Any]) -> None:
    all_services = services(compose)
    for name, svc in all_services.items():
        for dependency, spec in svc.get("depends_on", {}).items():
            assert dependency in all_services, (name, dependency)
            expected = (
                "service_completed_successfully"
                if dependency in one_shots(compose)
                else "service_healthy"
            )
            assert spec["condition"] == expected, (name, dependency)
    for name in ("web", "worker", "beat"):
        assert set(all_services[name]["depends_on"]) == {"postgres", "redis", "migrate"}
    assert set(all_services["migrate"]["depends_on"]) == {"postgres"}


def test_app_services_get_the_configuration(compose: dict[str, Any]) -> None:
    for name in APP_SERVICES:
        env = services(compose)[name]["environment"]
        assert isinstance(env, dict), name
        assert set(env) >= APP_ENV, (name, APP_ENV - set(env))
        assert env["COACH_DATABASE_URL"].startswith("postgresql+psycopg://coach:"), name
        assert env["COACH_DATABASE_URL"].endswith("@postgres:5432/coach"), name
        assert env["COACH_BROKER_URL"] == "redis://redis:6379/0", name


def test_secrets_and_public_url_are_required_not_defaulted() -> None:
    text = COMPOSE.read_text()
    for var in REQUIRED_FROM_OPERATOR:
        assert f"${{{var}:?set {var}}}" in text, var
        assert not re.search(rf"\$\{{{var}:?-", text), var


def test_every_variable_has_a_default_or_an_error_message() -> None:
    # A bare ${VAR} silently becomes "" when unset.
    text = COMPOSE.read_text()
    references = re.findall(r"\$\{([^}]*)\}", text)
    assert references
    for ref in references:
        assert re.fullmatch(r"\w+(:-[^}]*|:\?.+)", ref), ref


def test_processes_run_the_documented_commands(compose: dict[str, Any]) -> None:
    svc = services(compose)
    assert svc["worker"]["command"][:4] == ["celery", "-A", "tasks", "worker"]
    assert svc["beat"]["command"][:4] == ["celery", "-A", "tasks", "beat"]
    web = svc["web"]["command"]
    assert web[:4] == ["python", "-m", "coach.web.serve", "--host"]
    assert "/healthz" in " ".join(svc["web"]["healthcheck"]["test"])
    assert svc["redis"]["healthcheck"]["test"][-2:] == ["redis-cli", "ping"]
    assert "pg_isready" in svc["postgres"]["healthcheck"]["test"]


def test_dockerfile_installs_the_package_on_python_311_slim() -> None:
    text = DOCKERFILE.read_text()
    assert re.search(r"^FROM python:3\.11-slim\b", text, re.MULTILINE)
    assert re.search(r"^RUN pip install \.", text, re.MULTILINE)
    assert re.search(r"^USER (?!root)\S+", text, re.MULTILINE)
    for package in ("coach", "tasks", "messages"):
        assert re.search(rf"^COPY {package} ", text, re.MULTILINE), package


def test_web_runs_several_processes_by_default(compose: dict[str, Any]) -> None:
    # One Python process answers about one core's worth of webhooks.
    command = [str(part) for part in services(compose)["web"]["command"]]
    workers = command[command.index("--workers") + 1]
    match = re.fullmatch(r"\$\{COACH_WEB_WORKERS:-(\d+)\}", workers)
    assert match is not None and int(match.group(1)) >= 2
