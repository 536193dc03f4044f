"""cohort time: a cohort's own time zone and quiet hours (NULL: the settings' defaults)

Revision ID: 0006_cohort_time
Revises: 0001
Create Date: 2026-12-04 17:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# A name rather than the next number, on its own branch: other features add revisions too.
revision: str = "0006_cohort_time"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("cohorts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("timezone", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("quiet_hours", sa.String(length=11), nullable=True))


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("cohorts", schema=None) as batch_op:
        batch_op.drop_column("quiet_hours")
        batch_op.drop_column("timezone")
