"""Tables of the safety dialogue: replies waiting for the second reader, and the review
queue (a suspected red flag, its clarifying question and answer, an operator's label)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from coach.db.models import Base, Message, UTCDateTime, utcnow


class PendingRead(Base):
    """One row per stored reply, written in the webhook's own transaction: the second reader
    runs in the worker, and a lost task or a broker outage leaves this row for the sweep."""

    __tablename__ = "second_reads"

    message_id: Mapped[int] = mapped_column(
        ForeignKey("messages.id", ondelete="CASCADE"), primary_key=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    check_codes: Mapped[str | None] = mapped_column(String(200))


class ReviewItem(Base):
    """A reply an operator should look at: the codes the second reader suspected, the
    question coach asked and what became of it, and the operator's label."""

    __tablename__ = "review_items"
    __table_args__ = (
        Index("ix_review_status_created", "status", "created_at"),
        Index("ix_review_dialogue_expires", "dialogue", "expires_at"),
        Index("ix_review_patient_dialogue", "patient_id", "dialogue"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int | None] = mapped_column(
        ForeignKey("patients.id", ondelete="SET NULL")
    )
    message_id: Mapped[int | None] = mapped_column(
        ForeignKey("messages.id", ondelete="SET NULL"), unique=True
    )
    # suspected (the second reader), unplaced (no reader could place it), screen_unclear
    reason: Mapped[str] = mapped_column(String(24))
    suspected: Mapped[str] = mapped_column(String(200), default="")  # comma-separated codes
    scores: Mapped[str | None] = mapped_column(Text)  # JSON {code: score}
    lang: Mapped[str] = mapped_column(String(5), default="en")
    # none (not asked) | asked | yes | no | affirmed (a later reply said it) | expired
    # (no answer in time: raised to an alert) | stopped (the patient said STOP)
    dialogue: Mapped[str] = mapped_column(String(16), default="none")
    question: Mapped[str | None] = mapped_column(Text)
    question_id: Mapped[int | None] = mapped_column(
        ForeignKey("messages.id", ondelete="SET NULL")
    )
    asked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    answer_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id", ondelete="SET NULL"))
    alert_id: Mapped[int | None] = mapped_column(ForeignKey("alerts.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(16), default="open")  # open | labelled
    label_flag: Mapped[bool | None] = mapped_column(Boolean)
    label_codes: Mapped[str | None] = mapped_column(String(200))
    label_command: Mapped[str | None] = mapped_column(String(16))
    labelled_by: Mapped[str | None] = mapped_column(String(100))
    labelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    message: Mapped[Message | None] = relationship(foreign_keys=[message_id])
