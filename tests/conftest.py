"""Shared fixtures. Server fixtures (redis, postgres, prism) live in tests/servers.py;
database fixtures in tests/fixtures_db.py."""

pytest_plugins = ["tests.servers", "tests.fixtures_db", "tests.fixtures_web"]
