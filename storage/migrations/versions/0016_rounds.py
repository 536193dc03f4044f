"""rounds: when a pairing round was ended, and whether its pairs were kept or closed

Revision ID: 0016_rounds
Revises: 0002
Create Date: 2026-12-05 12:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.models

# A name rather than the next number, on the pairing branch: other features add revisions too.
revision: str = "0016_rounds"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("pairing_rounds", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("ended_at", storage.models.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(
            sa.Column(
                "ending",
                sa.Enum("keep", "close", name="roundending", native_enum=False, length=16),
                nullable=True,
            )
        )


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("pairing_rounds", schema=None) as batch_op:
        batch_op.drop_column("ending")
        batch_op.drop_column("ended_at")
