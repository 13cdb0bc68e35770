"""the safety dialogue: second reads and the review queue

Revision ID: 0003_review
Revises: 0002_accounts
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_review"
down_revision = "0002_accounts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "second_reads",
        sa.Column("message_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("check_codes", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(["message_id"], ["messages.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("message_id"),
    )
    op.create_index("ix_second_reads_done_at", "second_reads", ["done_at"])
    op.create_table(
        "review_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=True),
        sa.Column("message_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(length=24), nullable=False),
        sa.Column("suspected", sa.String(length=200), nullable=False),
        sa.Column("scores", sa.Text(), nullable=True),
        sa.Column("lang", sa.String(length=5), nullable=False),
        sa.Column("dialogue", sa.String(length=16), nullable=False),
        sa.Column("question", sa.Text(), nullable=True),
        sa.Column("question_id", sa.Integer(), nullable=True),
        sa.Column("asked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("answer_id", sa.Integer(), nullable=True),
        sa.Column("alert_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("label_flag", sa.Boolean(), nullable=True),
        sa.Column("label_codes", sa.String(length=200), nullable=True),
        sa.Column("label_command", sa.String(length=16), nullable=True),
        sa.Column("labelled_by", sa.String(length=100), nullable=True),
        sa.Column("labelled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["patient_id"], ["patients.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["message_id"], ["messages.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["question_id"], ["messages.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["answer_id"], ["messages.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["alert_id"], ["alerts.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("message_id"),
    )
    op.create_index("ix_review_status_created", "review_items", ["status", "created_at"])
    op.create_index("ix_review_dialogue_expires", "review_items", ["dialogue", "expires_at"])
    op.create_index("ix_review_patient_dialogue", "review_items", ["patient_id", "dialogue"])


def downgrade() -> None:
    op.drop_table("review_items")
    op.drop_index("ix_second_reads_done_at", table_name="second_reads")
    op.drop_table("second_reads")
