"""Shared fixtures. Server fixtures (redis, postgres, prism) live in tests/servers.py;
database fixtures in tests/fixtures_db.py."""

# logcheck first: the others import it (and it checks every log of the session).
pytest_plugins = ["tests.logcheck", "tests.servers", "tests.fixtures_db", "tests.fixtures_web"]


def pytest_collection_modifyitems(items: list) -> None:
    """The slow tests first (a stable sort, the same on every xdist worker): the retraining
    test alone takes about as long as the rest of the unit tests on one worker, and started
    last it would run on while the other workers sit idle."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
