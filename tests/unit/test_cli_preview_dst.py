# ruff: noqa: F811  (pytest fixtures are parameters named like the imported fixture)
"""`coach schedule preview` across the 2027 DST changes, as an operator runs it."""

from __future__ import annotations

from tests.unit.test_cli import Cli, cli  # noqa: F401 (the fixture)

ALICE = "+12025550101"


def _setup(cli: Cli, *schedule: str, quiet: str | None = None, tz: str = "America/New_York"):
    args = ["patient", "add", ALICE, "--tz", tz, "--json"]
    if quiet:
        args += ["--quiet", quiet]
    assert cli(*args).code == 0
    assert cli("schedule", "set", "1", *schedule, "--json").code == 0


def _preview(cli: Cli, start: str, count: int) -> list[dict[str, str]]:
    result = cli("schedule", "preview", "1", "--from", start, "--count", str(count), "--json")
    assert result.code == 0, result.err
    return result.json()


def test_spring_forward_gap_time_moves_an_hour_later(cli: Cli) -> None:
    _setup(cli, "check_in", "--at", "02:30")
    items = _preview(cli, "2027-03-13T00:00:00Z", 3)
    assert [(i["at"], i["local"]) for i in items] == [
        ("2027-03-13T07:30:00Z", "2027-03-13T02:30:00-05:00"),
        ("2027-03-14T07:30:00Z", "2027-03-14T03:30:00-04:00"),  # 02:30 does not exist
        ("2027-03-15T06:30:00Z", "2027-03-15T02:30:00-04:00"),
    ]


def test_fall_back_ambiguous_time_fires_once(cli: Cli) -> None:
    _setup(cli, "eye_rest", "--every", "30m", "--between", "00:30-03:00")
    items = _preview(cli, "2027-11-07T04:00:00Z", 6)
    assert [i["at"] for i in items] == [
        "2027-11-07T04:30:00Z",  # 00:30 EDT
        "2027-11-07T05:00:00Z",  # 01:00 EDT, first occurrence
        "2027-11-07T05:30:00Z",  # 01:30 EDT, first occurrence
        "2027-11-07T07:00:00Z",  # 02:00 EST (the repeated 1 a.m. hour sends nothing)
        "2027-11-07T07:30:00Z",  # 02:30 EST
        "2027-11-08T05:30:00Z",  # next day 00:30 EST
    ]
    assert items[3]["local"] == "2027-11-07T02:00:00-05:00"


def test_quiet_hours_hold_across_the_change(cli: Cli) -> None:
    _setup(cli, "screen_break", "--every", "1h", quiet="22:00-07:00")
    items = _preview(cli, "2027-03-13T00:00:00Z", 60)
    hours = {int(i["local"][11:13]) for i in items}
    assert hours and all(7 <= h < 22 for h in hours)


def test_lord_howe_half_hour_shift(cli: Cli) -> None:
    _setup(cli, "check_in", "--at", "02:15", tz="Australia/Lord_Howe")
    # Lord Howe springs forward 30 minutes at 02:00 on 2027-10-03: 02:15 does not exist.
    (item,) = _preview(cli, "2027-10-02T14:00:00Z", 1)
    assert item["local"] == "2027-10-03T02:45:00+11:00"
    assert item["at"] == "2027-10-02T15:45:00Z"
