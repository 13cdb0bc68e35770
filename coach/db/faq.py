"""Tables of coaching answers: every question matched against the FAQ catalogue (answered or
handed over), and the trigger tags read from diary notes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from coach.db.models import Base, UTCDateTime, utcnow


class FaqQuestion(Base):
    """A patient's question and what coach did with it: the answer id and version it sent, or
    why it handed the question over (then `review_item_id` is the care team's item)."""

    __tablename__ = "faq_questions"
    __table_args__ = (
        Index("ix_faq_questions_created", "created_at"),
        Index("ix_faq_questions_patient", "patient_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int | None] = mapped_column(
        ForeignKey("patients.id", ondelete="SET NULL")
    )
    message_id: Mapped[int | None] = mapped_column(
        ForeignKey("messages.id", ondelete="SET NULL"), unique=True
    )
    lang: Mapped[str] = mapped_column(String(5), default="en")
    answer_id: Mapped[str | None] = mapped_column(String(48))  # None: handed over
    answer_version: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(24))  # coach.core.faq reasons
    best_id: Mapped[str | None] = mapped_column(String(48))  # closest answer, even if not sent
    score: Mapped[float] = mapped_column(Float, default=0.0)
    runner_up_id: Mapped[str | None] = mapped_column(String(48))
    runner_up_score: Mapped[float] = mapped_column(Float, default=0.0)
    review_item_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class DiaryTag(Base):
    """A possible trigger a diary note mentions (coach.core.triggers), one row per tag."""

    __tablename__ = "diary_tags"
    __table_args__ = (Index("ix_diary_tags_patient_tag", "patient_id", "tag"),)

    entry_id: Mapped[int] = mapped_column(
        ForeignKey("diary_entries.id", ondelete="CASCADE"), primary_key=True
    )
    tag: Mapped[str] = mapped_column(String(32), primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id", ondelete="CASCADE"))
