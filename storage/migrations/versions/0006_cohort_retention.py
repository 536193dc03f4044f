"""cohort retention: an end date, when the content was purged, and the anonymous counts kept

Revision ID: 0006_cohort_retention
Revises: 0001
Create Date: 2026-12-04 17:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# A name rather than the next number: other features may add a 0006 of their own meanwhile.
revision: str = "0006_cohort_retention"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("cohorts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("ends_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("purged_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("counts", sa.JSON(), nullable=True))


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("cohorts", schema=None) as batch_op:
        batch_op.drop_column("counts")
        batch_op.drop_column("purged_at")
        batch_op.drop_column("ends_on")
