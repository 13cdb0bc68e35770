"""Database fixtures: SQLite and PostgreSQL sessions."""
