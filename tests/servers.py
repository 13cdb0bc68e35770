"""Real servers for integration tests (redis-server, PostgreSQL, Prism)."""
