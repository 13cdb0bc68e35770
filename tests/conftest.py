"""Shared fixtures. Server fixtures (redis, postgres, prism) live in tests/servers.py;
database fixtures in tests/fixtures_db.py."""

# logcheck first: the others import it (and it checks every log of the session).
pytest_plugins = ["tests.logcheck", "tests.servers", "tests.fixtures_db", "tests.fixtures_web"]
