"""breakouts: a class group split into small groups, and who is in a running breakout

Revision ID: 0017_breakouts
Revises: 0004
Create Date: 2026-12-05 12:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.models

revision: str = "0017_breakouts"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "breakouts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("cohort_id", sa.Integer(), nullable=False),
        sa.Column("teacher_id", sa.BigInteger(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("snapshot", sa.JSON(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", storage.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", storage.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("closed_at", storage.models.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["cohort_id"],
            ["cohorts.id"],
            name=op.f("fk_breakouts_cohort_id_cohorts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_breakouts")),
    )
    with op.batch_alter_table("breakouts", schema=None) as batch_op:
        batch_op.create_index("ix_breakouts_chat_state", ["chat_id", "state"], unique=False)

    op.create_table(
        "breakout_members",
        sa.Column("user_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("breakout_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["breakout_id"],
            ["breakouts.id"],
            name=op.f("fk_breakout_members_breakout_id_breakouts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_breakout_members")),
    )
    with op.batch_alter_table("breakout_members", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_breakout_members_breakout_id"), ["breakout_id"], unique=False
        )


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("breakout_members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_breakout_members_breakout_id"))
    op.drop_table("breakout_members")
    with op.batch_alter_table("breakouts", schema=None) as batch_op:
        batch_op.drop_index("ix_breakouts_chat_state")
    op.drop_table("breakouts")
