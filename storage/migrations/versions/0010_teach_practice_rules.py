"""practice rules: cohorts whose students practise once before joining the pairing pool

Revision ID: 0010_teach_practice_rules
Revises: 0010_teach_practice_runs
Create Date: 2026-12-05 08:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.models

revision: str = "0010_teach_practice_rules"
down_revision: str | None = "0010_teach_practice_runs"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "practice_rules",
        sa.Column("cohort_id", sa.Integer(), nullable=False),
        sa.Column("required_at", storage.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["cohort_id"], ["cohorts.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("cohort_id"),
    )


def downgrade() -> None:
    """Revert this revision."""
    op.drop_table("practice_rules")
