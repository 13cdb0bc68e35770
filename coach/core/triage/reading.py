"""The result of reading one reply."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from coach.core.types import Command, Level, RedFlag


@dataclass(frozen=True)
class Reading:
    level: Level  # highest level among red_flags; routine if none
    red_flags: tuple[RedFlag, ...]  # in RedFlag declaration order, unique
    severity: int | None  # 0-10, None when no rating is stated
    command: Command | None
    pause_for: timedelta | None  # None: indefinite, or not a pause
    lang: str  # "en" or "es"
    about_other: bool  # a red flag is about someone else

    def to_json(self) -> dict[str, object]:
        minutes = None if self.pause_for is None else int(self.pause_for.total_seconds() // 60)
        return {
            "level": self.level.value,
            "red_flags": [flag.value for flag in self.red_flags],
            "severity": self.severity,
            "command": None if self.command is None else self.command.value,
            "lang": self.lang,
            "about_other": self.about_other,
            "pause_for_minutes": minutes,
        }
