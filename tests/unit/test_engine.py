from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from coach.db.engine import make_engine


def test_database_errors_never_carry_message_bodies_or_numbers(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'x.db'}")
    with pytest.raises(OperationalError) as info, engine.begin() as conn:
        conn.execute(text("INSERT INTO nowhere VALUES (:body, :phone)"),
                     {"body": "I want to kill myself", "phone": "+12025550101"})
    assert "kill myself" not in str(info.value) and "+12025550101" not in str(info.value)
    engine.dispose()
