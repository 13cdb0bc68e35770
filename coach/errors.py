"""Errors the adapters turn into one clear line (CLI) or a 4xx response (API)."""

from __future__ import annotations


class CoachError(ValueError):
    """Bad input from an operator: the message is shown as it is."""


class NotFound(CoachError, LookupError):
    pass


class Conflict(CoachError):
    pass
