"""Programmes: the defaults a clinic's patients start with (schedules per kind, quiet hours,
daily cap, language, the weekly screen) and the severity band the clinic aims for."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from coach.db.models import Base, UTCDateTime, utcnow


class Programme(Base):
    __tablename__ = "programmes"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    description: Mapped[str | None] = mapped_column(String(300))
    lang: Mapped[str] = mapped_column(String(5), default="en")
    quiet_start: Mapped[str | None] = mapped_column(String(5))
    quiet_end: Mapped[str | None] = mapped_column(String(5))
    daily_cap: Mapped[int | None] = mapped_column(Integer)
    weekly_screen: Mapped[bool] = mapped_column(Boolean, default=True)
    # JSON: {kind: {"every": …, "between": …, "at": …, "days": …}} as `coach schedule set`.
    schedules: Mapped[str] = mapped_column(Text, default="{}")
    target_low: Mapped[int] = mapped_column(Integer, default=0)
    target_high: Mapped[int] = mapped_column(Integer, default=3)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
