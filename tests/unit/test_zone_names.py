"""A patient's zone must be a real IANA region name: never a name that only means something
on the server it happens to run on ('localtime'), nor the tzdata build's duplicates."""

from __future__ import annotations

import pytest

from coach import importer
from coach.errors import CoachError
from coach.patients import parse_zone

SERVER_ONLY = ["localtime", "posixrules", "Factory", "posix/UTC", "right/UTC",
               "posix/America/New_York", "right/Europe/Madrid"]


@pytest.mark.parametrize("name", SERVER_ONLY)
def test_server_specific_zone_names_are_refused(name: str) -> None:
    with pytest.raises(CoachError, match="unknown time zone"):
        parse_zone(name)


@pytest.mark.parametrize("name", SERVER_ONLY)
def test_import_refuses_server_specific_zone_names(name: str) -> None:
    assert not importer._zone_ok(name)


@pytest.mark.parametrize("name", ["UTC", "America/New_York", "Europe/Madrid", "EST5EDT",
                                  "US/Eastern", "Etc/GMT+5"])
def test_iana_names_still_accepted(name: str) -> None:
    assert parse_zone(name).key == name
    assert importer._zone_ok(name)
