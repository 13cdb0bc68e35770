"""Storage adapter: SQLAlchemy models, engine and migrations (SQLite or PostgreSQL)."""
