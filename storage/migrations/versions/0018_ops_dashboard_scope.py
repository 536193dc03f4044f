"""ops dashboard scope: sign-in links and sessions for the operations view alone, without a person

Revision ID: 0018_ops_dashboard_scope
Revises: 0007_dashboard
Create Date: 2026-12-05 13:15:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018_ops_dashboard_scope"
down_revision: str | None = "0007_dashboard"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("dashboard_links", "dashboard_sessions")


def upgrade() -> None:
    """Apply this revision: a scope per row, and no user id for the IT contact's rows."""
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("scope", sa.String(length=8), server_default="staff", nullable=False)
            )
            batch_op.alter_column("user_id", existing_type=sa.BigInteger(), nullable=True)


def downgrade() -> None:
    """Revert this revision (operations links and sessions go: they have no person)."""
    for table in TABLES:
        op.execute(sa.text(f"DELETE FROM {table} WHERE user_id IS NULL"))
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column("user_id", existing_type=sa.BigInteger(), nullable=False)
            batch_op.drop_column("scope")
