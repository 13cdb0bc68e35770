"""Alembic environment: the URL comes from the caller (coach.db.migrate), never a file."""

from __future__ import annotations

from alembic import context

from coach.db.engine import make_engine
from coach.db.models import Base

config = context.config
url = config.get_main_option("sqlalchemy.url")
assert url, "coach.db.migrate sets sqlalchemy.url"

engine = make_engine(url)
with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=url.startswith("sqlite"),
    )
    with context.begin_transaction():
        context.run_migrations()
engine.dispose()
