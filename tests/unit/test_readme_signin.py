"""The README's reader must learn from it that the dashboard and API need an account and
where the first one comes from (`coach up` prints it once)."""

from __future__ import annotations

import re
from pathlib import Path

from coach.cli import runtime

README = (Path(__file__).resolve().parents[2] / "README.md").read_text()


def test_the_readme_says_how_to_sign_in_the_first_time() -> None:
    source = Path(runtime.__file__).read_text()
    assert "sign in" in source  # the line `coach up` prints, which the README points at
    assert "admin@localhost" in README and "`sign in` line" in README
    assert "coach user password admin@localhost" in README


def test_the_readme_does_not_say_an_unset_api_token_leaves_the_api_open() -> None:
    row = next(line for line in README.splitlines() if line.startswith("| `COACH_API_TOKEN`"))
    assert not re.search(r"when set, `/api` and the dashboard require it", row)
    assert "Authorization: Bearer" in README
