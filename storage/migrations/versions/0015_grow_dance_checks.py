"""dance checks: per person per conversation, who led, the rhythm, feeling heard

Revision ID: 0015_grow_dance_checks
Revises: 0005_pair_silences
Create Date: 2026-12-05 12:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.models

# A name rather than the next number: other features add migrations of their own meanwhile.
revision: str = "0015_grow_dance_checks"
down_revision: str | None = "0005_pair_silences"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "dance_checks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("match_id", sa.Integer(), nullable=False),
        sa.Column("trajectory_id", sa.Integer(), nullable=False),
        sa.Column("conversation", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("partner_id", sa.BigInteger(), nullable=False),
        sa.Column("led", sa.String(length=8), nullable=False),
        sa.Column("rhythm", sa.String(length=8), nullable=False),
        sa.Column("heard", sa.String(length=8), nullable=False),
        sa.Column("answered_at", storage.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("shown_at", storage.models.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["match_id"], ["matches.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["trajectory_id"], ["trajectories.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("trajectory_id", "conversation", "user_id"),
    )
    with op.batch_alter_table("dance_checks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dance_checks_match_id"), ["match_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_dance_checks_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("dance_checks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dance_checks_user_id"))
        batch_op.drop_index(batch_op.f("ix_dance_checks_match_id"))
    op.drop_table("dance_checks")
