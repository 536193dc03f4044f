"""pair silences: per member of a match, the bot's prompts they let pass in a row

Revision ID: 0005_pair_silences
Revises: 0003
Create Date: 2026-11-25 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# A name rather than the next number: other features may add a 0005 of their own meanwhile.
revision: str = "0005_pair_silences"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("trajectory_pairs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("silences", sa.JSON(), nullable=True))


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("trajectory_pairs", schema=None) as batch_op:
        batch_op.drop_column("silences")
