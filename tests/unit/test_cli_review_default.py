"""`coach review` alone lists the open queue, as `coach alerts` alone lists the alerts (the
README names `coach review`; it used to fail with 'the following arguments are required')."""

from __future__ import annotations

from tests.unit.test_cli import Cli, cli  # noqa: F401  (the fixture)


def test_review_alone_lists_the_open_items(cli: Cli) -> None:  # noqa: F811
    alone = cli("review")
    assert alone.code == 0, alone.err
    assert alone.out == cli("review", "list").out
    assert "nothing to review" in alone.out
    assert cli("review", "list", "--status", "all").code == 0
    assert cli("review", "--json").code == 0
    assert cli("review", "--json").json() == []
