"""pair memory: which trajectory talked last and where, so the next conversation starts in one tap

Revision ID: 0014_taps_pair_memory
Revises: 0005_pair_silences
Create Date: 2026-12-05 12:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014_taps_pair_memory"
down_revision: str | None = "0005_pair_silences"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("trajectory_pairs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("last_talking_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("last_mode", sa.String(length=8), nullable=True))


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("trajectory_pairs", schema=None) as batch_op:
        batch_op.drop_column("last_mode")
        batch_op.drop_column("last_talking_id")
