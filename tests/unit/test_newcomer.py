"""What tripped a newcomer, each shown fixed: the database does not depend on the folder a
command runs in (and `coach --help` says which one), the README's examples run as written on a
fresh install, the prerequisites are listed, a favicon, and a quiet `coach up`."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from coach.config import Settings, default_data_dir
from tests.unit.test_cli import Cli, cli  # noqa: F401  (the fixture)

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"


def test_the_default_data_folder_is_not_relative_to_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = {"HOME": str(tmp_path / "home")}
    here = Settings.from_env(env)
    monkeypatch.chdir(tmp_path)
    there = Settings.from_env(env)
    assert here.database_url == there.database_url
    assert here.data_dir == tmp_path / "home" / ".local" / "share" / "coach"
    assert default_data_dir({"XDG_DATA_HOME": str(tmp_path / "xdg")}) == tmp_path / "xdg" / "coach"
    # A relative XDG_DATA_HOME is to be ignored (XDG Base Directory spec).
    assert default_data_dir({"XDG_DATA_HOME": "rel", "HOME": "/h"}) == Path(
        "/h/.local/share/coach")
    assert default_data_dir({"COACH_DATA_DIR": str(tmp_path / "mine")}) == tmp_path / "mine"


def _coach(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "coach.cli", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def _clean_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("COACH_", "TWILIO_", "XDG_"))}
    env["HOME"] = str(home)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def test_two_shells_in_two_folders_see_the_same_patients(tmp_path: Path) -> None:
    env = _clean_env(tmp_path / "home")
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    added = _coach(["patient", "add", "+12025550101", "--tz", "UTC", "--json"], one, env)
    assert added.returncode == 0, added.stderr
    shown = _coach(["patient", "show", "1", "--json"], two, env)
    assert shown.returncode == 0, shown.stderr
    assert not (one / ".coach").exists() and not (two / ".coach").exists()
    assert (tmp_path / "home" / ".local" / "share" / "coach" / "coach.db").exists()


def test_help_names_the_database(tmp_path: Path) -> None:
    env = _clean_env(tmp_path / "home")
    result = _coach(["--help"], tmp_path, env)
    assert result.returncode == 0
    text = "".join(result.stdout.split())  # argparse wraps long paths mid-word
    database = tmp_path / "home" / ".local" / "share" / "coach" / "coach.db"
    assert f"Database:sqlite:///{database}" in text and "createdonfirstuse" in text


def test_a_new_database_is_announced_at_a_terminal(
    cli: Cli, monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    first = cli("patient", "list", "--json")
    assert first.code == 0 and "created a new database at" in first.err
    assert str(cli.data_dir / "coach.db") in first.err
    again = cli("patient", "list", "--json")
    assert again.err == ""


def _readme_commands() -> list[str]:
    text = README.read_text()
    section = text.split("## Using it", 1)[1].split("\n## ", 1)[0]
    block = section.split("```sh", 1)[1].split("```", 1)[0]
    return [line for line in block.splitlines() if line.strip() and not line.startswith("#")]


def test_the_readme_example_runs_as_written_on_a_fresh_install(tmp_path: Path) -> None:
    """Every line of the README's "Using it" block, in order, in a shell, on an empty data
    folder, with `coach` as the README's reader has it after `source .venv/bin/activate`."""
    env = _clean_env(tmp_path / "home")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "coach"
    shim.write_text(f"#!/bin/sh\nexec {shlex.quote(sys.executable)} -m coach.cli \"$@\"\n")
    shim.chmod(0o755)
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    env["COACH_ONCALL_NUMBER"] = "+12025550199"
    commands = _readme_commands()
    assert any(c.startswith("coach alerts ack") for c in commands)
    for line in commands:
        result = subprocess.run(["bash", "-o", "pipefail", "-c", line], cwd=tmp_path, env=env,
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, f"{line!r} failed:\n{result.stdout}\n{result.stderr}"


def test_the_readme_lists_the_prerequisites() -> None:
    text = README.read_text()
    prerequisites = text.split("### Prerequisites", 1)[1].split("\n## ", 1)[0]
    for needed in ("Python 3.11", "Node.js 20", "npm", "apt", "redis", "postgres", "chromium"):
        assert needed.lower() in prerequisites.lower(), needed


def test_there_is_a_favicon(web: object, anon_client: object) -> None:
    from starlette.testclient import TestClient

    client: TestClient = anon_client  # type: ignore[assignment]
    icon = client.get("/static/favicon.svg")
    assert icon.status_code == 200 and icon.text.startswith("<svg")
    login = client.get("/login").text
    assert 'rel="icon" href="/static/favicon.svg"' in login
