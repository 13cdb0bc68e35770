"""programmes, and the programme each patient belongs to

Revision ID: 0004_programmes
Revises: 0003_review
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_programmes"
down_revision = "0003_review"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "programmes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("description", sa.String(length=300), nullable=True),
        sa.Column("lang", sa.String(length=5), nullable=False),
        sa.Column("quiet_start", sa.String(length=5), nullable=True),
        sa.Column("quiet_end", sa.String(length=5), nullable=True),
        sa.Column("daily_cap", sa.Integer(), nullable=True),
        sa.Column("weekly_screen", sa.Boolean(), nullable=False),
        sa.Column("schedules", sa.Text(), nullable=False),
        sa.Column("target_low", sa.Integer(), nullable=False),
        sa.Column("target_high", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name", name="uq_programmes_name"),
    )
    with op.batch_alter_table("patients") as batch:
        batch.add_column(sa.Column("programme_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            "fk_patients_programme", "programmes", ["programme_id"], ["id"], ondelete="SET NULL"
        )
        batch.create_index("ix_patients_programme_id", ["programme_id"])
    # Patient search: by name, and the "last reply" filter reads inbound messages by patient.
    op.create_index("ix_patients_name", "patients", ["name"])


def downgrade() -> None:
    op.drop_index("ix_patients_name", table_name="patients")
    with op.batch_alter_table("patients") as batch:
        batch.drop_index("ix_patients_programme_id")
        batch.drop_constraint("fk_patients_programme", type_="foreignkey")
        batch.drop_column("programme_id")
    op.drop_table("programmes")
