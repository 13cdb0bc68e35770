"""The time zones the schedule tests range over: with and without DST, half-hour shifts,
southern hemisphere, transitions at local midnight."""

from __future__ import annotations

from zoneinfo import ZoneInfo

NEW_YORK = ZoneInfo("America/New_York")
LONDON = ZoneInfo("Europe/London")
LORD_HOWE = ZoneInfo("Australia/Lord_Howe")
SYDNEY = ZoneInfo("Australia/Sydney")
SANTIAGO = ZoneInfo("America/Santiago")
KOLKATA = ZoneInfo("Asia/Kolkata")

ZONE_NAMES = [
    "America/New_York",
    "Europe/London",
    "Australia/Lord_Howe",  # 30-minute DST shift
    "Asia/Kolkata",  # +05:30, no DST
    "UTC",
    "Australia/Sydney",  # southern hemisphere
    "America/Santiago",  # southern hemisphere, transitions at local midnight
]
