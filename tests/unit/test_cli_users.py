# ruff: noqa: F811  (the `cli` fixture is imported, then named as a parameter)
"""`coach user add|list|disable|token|password`, `coach audit`, and the first admin `coach up`
creates on the embedded defaults."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from coach import accounts
from coach.cli import users
from coach.cli.common import Context
from coach.db.accounts import Operator
from tests.unit.test_cli import Cli, cli, in_db  # noqa: F401  (`cli` is the fixture)


def test_add_prints_a_generated_password_once_and_it_signs_in(cli: Cli) -> None:
    done = cli("user", "add", "Kim@Clinic.org", "--role", "operator", "--json")
    assert done.code == 0, done.err
    shown = done.json()
    assert shown["email"] == "kim@clinic.org" and shown["role"] == "operator"
    password = shown["password"]
    assert len(password) >= 20

    def check(session: object, _: object) -> None:
        stored = session.scalars(select(Operator)).one()  # type: ignore[attr-defined]
        assert password not in stored.password_hash
        assert stored.password_hash.startswith("$argon2id$")
        found = accounts.authenticate(
            session, "kim@clinic.org", password, address="127.0.0.1", now=datetime.now(UTC)
        )  # type: ignore[arg-type]
        assert found is not None

    in_db(cli, check)
    listing = cli("user", "list", "--json").json()
    assert [(u["email"], u["role"], u["disabled"]) for u in listing] == [
        ("kim@clinic.org", "operator", False)]
    assert "password" not in listing[0]


def test_add_reads_the_password_from_stdin(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("a long enough secret\n"))
    done = cli("user", "add", "val@clinic.org", "--role", "viewer", "--password-stdin")
    assert done.code == 0 and "a long enough secret" not in done.out
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    short = cli("user", "add", "v2@clinic.org", "--role", "viewer", "--password-stdin")
    assert short.code == 2 and "too short" in short.err


def test_add_refuses_bad_input_and_duplicates(cli: Cli) -> None:
    assert cli("user", "add", "not-an-email", "--role", "viewer").code == 2
    assert cli("user", "add", "a@b.org", "--role", "boss").code == 2
    assert cli("user", "add", "a@b.org", "--role", "viewer").code == 0
    again = cli("user", "add", "A@B.org", "--role", "admin")
    assert again.code == 2 and "already exists" in again.err


def test_disable_and_token(cli: Cli) -> None:
    cli("user", "add", "kim@clinic.org", "--role", "operator")
    token = cli("user", "token", "kim@clinic.org", "--json").json()["token"]
    assert token.startswith("coach_")

    def principal(session: object, _: object) -> object:
        return accounts.principal_for_token(session, token, now=datetime.now(UTC))  # type: ignore[arg-type]

    assert in_db(cli, principal) is not None
    assert cli("user", "disable", "kim@clinic.org").code == 0
    assert in_db(cli, principal) is None
    assert cli("user", "list", "--json").json()[0]["disabled"] is True
    assert cli("user", "disable", "nobody@clinic.org").code == 2
    assert cli("user", "token", "kim@clinic.org").code == 2  # disabled: no new tokens


def test_user_changes_are_audited(cli: Cli) -> None:
    cli("user", "add", "kim@clinic.org", "--role", "operator")
    cli("user", "disable", "kim@clinic.org")
    entries = cli("audit", "--json").json()
    assert [e["action"] for e in entries] == ["user.disable", "user.add"]
    assert entries[1]["after"] == {"role": "operator"}
    assert entries[0]["actor"].startswith("cli:")
    text = cli("audit").out
    assert "user.add" in text and "user:kim@clinic.org" in text


def test_first_admin_only_on_embedded_defaults_and_only_once(cli: Cli) -> None:
    context = Context(cli.settings(), None)  # type: ignore[arg-type]
    try:
        first = users.ensure_first_admin(context)
        assert first is not None and first[0] == users.FIRST_ADMIN
        assert users.ensure_first_admin(context) is None
    finally:
        context.close()
    listing = cli("user", "list", "--json").json()
    assert [(u["email"], u["role"]) for u in listing] == [(users.FIRST_ADMIN, "admin")]


def test_no_first_admin_with_a_configured_database(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COACH_DATABASE_URL", f"sqlite:///{cli.data_dir / 'other.db'}")
    context = Context(cli.settings(), None)  # type: ignore[arg-type]
    try:
        assert users.ensure_first_admin(context) is None
    finally:
        context.close()
