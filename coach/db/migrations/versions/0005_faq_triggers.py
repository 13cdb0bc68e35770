"""faq questions and diary trigger tags

Revision ID: 0005_faq
Revises: 0004_programmes
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_faq"
down_revision = "0004_programmes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "faq_questions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=True),
        sa.Column("message_id", sa.Integer(), nullable=True),
        sa.Column("lang", sa.String(length=5), nullable=False),
        sa.Column("answer_id", sa.String(length=48), nullable=True),
        sa.Column("answer_version", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(length=24), nullable=False),
        sa.Column("best_id", sa.String(length=48), nullable=True),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("runner_up_id", sa.String(length=48), nullable=True),
        sa.Column("runner_up_score", sa.Float(), nullable=False),
        sa.Column("review_item_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["patient_id"], ["patients.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["message_id"], ["messages.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("message_id"),
    )
    op.create_index("ix_faq_questions_created", "faq_questions", ["created_at"])
    op.create_index("ix_faq_questions_patient", "faq_questions", ["patient_id", "created_at"])
    op.create_table(
        "diary_tags",
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("tag", sa.String(length=32), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["entry_id"], ["diary_entries.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["patient_id"], ["patients.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("entry_id", "tag"),
    )
    op.create_index("ix_diary_tags_patient_tag", "diary_tags", ["patient_id", "tag"])


def downgrade() -> None:
    op.drop_index("ix_diary_tags_patient_tag", table_name="diary_tags")
    op.drop_table("diary_tags")
    op.drop_index("ix_faq_questions_patient", table_name="faq_questions")
    op.drop_index("ix_faq_questions_created", table_name="faq_questions")
    op.drop_table("faq_questions")
