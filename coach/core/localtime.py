"""Local wall time <-> UTC instants, following RFC 5545 §3.3.5.

Everything inside coach is an aware UTC datetime; a zone only matters at the edges, when a
wall-clock rule ("07:30 every day") becomes an instant, or an instant is shown to a patient.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, tzinfo

__all__ = ["UTC", "local_date", "require_aware", "to_local", "wall_time_exists", "wall_to_utc"]


def require_aware(value: datetime, name: str = "datetime") -> datetime:
    """Return `value` in UTC; raise ValueError if it is naive."""
    if not isinstance(value, datetime):
        raise TypeError(f"{name} must be a datetime, not {type(value).__name__}")
    if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
        raise ValueError(f"{name} must be timezone-aware, got naive {value.isoformat()}")
    return value.astimezone(UTC)


def wall_to_utc(day: date, clock: time, zone: tzinfo) -> datetime:
    """The UTC instant of local wall time `clock` on `day` in `zone`.

    A wall time that does not exist (spring-forward gap) is read with the UTC offset in force
    before the gap, so it lands as far past the gap's start as it was meant to: 02:30 on a US
    spring-forward day is 03:30 daylight time. An ambiguous one (fall back) is its first
    occurrence. This is exactly PEP 495's `fold=0`, which zoneinfo implements.
    """
    if clock.tzinfo is not None:
        raise ValueError(f"wall clock time must be naive, got {clock.isoformat()}")
    local = datetime.combine(day, clock.replace(fold=0), tzinfo=zone)
    return local.astimezone(UTC)


def to_local(at: datetime, zone: tzinfo) -> datetime:
    """`at` as an aware datetime in `zone` (fold set on the second pass of a repeated hour)."""
    return require_aware(at, "at").astimezone(zone)


def local_date(at: datetime, zone: tzinfo) -> date:
    """The patient's calendar date at instant `at`."""
    return to_local(at, zone).date()


def wall_time_exists(day: date, clock: time, zone: tzinfo) -> bool:
    """False for a wall time inside a spring-forward gap."""
    naive = datetime.combine(day, clock.replace(fold=0, tzinfo=None))
    back = wall_to_utc(day, clock.replace(tzinfo=None), zone).astimezone(zone)
    return back.replace(tzinfo=None, fold=0) == naive


def iso_utc(value: datetime | None) -> str | None:
    """UTC instant as ISO 8601 with a "Z" (the format every JSON output of coach uses)."""
    if value is None:
        return None
    return require_aware(value, "value").astimezone(UTC).isoformat().replace("+00:00", "Z")
