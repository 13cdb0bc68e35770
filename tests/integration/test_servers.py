"""The test servers really answer: a broken fixture fails here first, not in a feature test."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import redis
import sqlalchemy as sa

from tests.servers import ROOT, free_port

pytestmark = pytest.mark.integration


def test_free_port_can_be_bound() -> None:
    port = free_port()
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", port))


def test_redis_answers_ping_and_stores(redis_url: str) -> None:
    client = redis.Redis.from_url(redis_url)
    try:
        assert client.ping() is True
        client.set("coach:smoke", "1")
        assert client.get("coach:smoke") == b"1"
    finally:
        client.close()


def test_redis_keeps_nothing_on_disk(redis_url: str) -> None:
    client = redis.Redis.from_url(redis_url)
    try:
        assert client.config_get("save") == {"save": ""}
        assert client.config_get("appendonly") == {"appendonly": "no"}
    finally:
        client.close()


def test_postgres_runs_sql(postgres_url: str) -> None:
    engine = sa.create_engine(postgres_url)
    try:
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT 1")).scalar_one() == 1
            version = conn.execute(sa.text("SHOW server_version_num")).scalar_one()
        assert int(version) >= 150000
    finally:
        engine.dispose()


def test_pg_database_is_fresh_and_separate(pg_database: str, postgres_url: str) -> None:
    assert pg_database.startswith("postgresql+psycopg://")
    assert pg_database.rsplit("/", 1)[1] != postgres_url.rsplit("/", 1)[1]
    engine = sa.create_engine(pg_database)
    try:
        with engine.begin() as conn:
            tables = conn.execute(
                sa.text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
            ).scalar_one()
            assert tables == 0
            conn.execute(sa.text("CREATE TABLE smoke (id int primary key)"))
            conn.execute(sa.text("INSERT INTO smoke VALUES (1)"))
    finally:
        engine.dispose()


def test_pg_database_is_dropped_after_the_test(postgres_url: str) -> None:
    # Databases made for earlier tests are gone: only the template ones and `postgres` remain.
    engine = sa.create_engine(postgres_url)
    try:
        with engine.connect() as conn:
            names = conn.execute(
                sa.text("SELECT datname FROM pg_database WHERE datname LIKE 'test\\_%'")
            ).scalars().all()
    finally:
        engine.dispose()
    assert names == []


def test_prism_asks_for_credentials(prism_url: str) -> None:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with pytest.raises(urllib.error.HTTPError) as caught:
        opener.open(f"{prism_url}/2010-04-01/Accounts.json", timeout=10)
    assert caught.value.code == 401


def run_redis_smoke_test_without_redis(
    tmp_path: Path, **env: str
) -> subprocess.CompletedProcess[str]:
    # Only the Python interpreter on PATH: no redis-server to be found.
    clean = {k: v for k, v in os.environ.items() if k != "COACH_TEST_ALLOW_SKIP"}
    clean.update(PATH=str(Path(sys.executable).parent), **env)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            f"--basetemp={tmp_path / 'inner'}",
            "tests/integration/test_servers.py::test_redis_answers_ping_and_stores",
        ],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_missing_server_binary_fails_with_a_clear_message(tmp_path: Path) -> None:
    result = run_redis_smoke_test_without_redis(tmp_path)
    assert result.returncode == 1, result.stdout
    assert "redis-server is not available" in result.stdout
    assert "apt-get install redis-server" in result.stdout


def test_missing_server_binary_skips_when_allowed(tmp_path: Path) -> None:
    result = run_redis_smoke_test_without_redis(tmp_path, COACH_TEST_ALLOW_SKIP="1")
    assert result.returncode == 0, result.stdout
    assert "1 skipped" in result.stdout
