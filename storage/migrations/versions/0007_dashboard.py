"""dashboard: one-time sign-in links and browser sessions of the staff dashboard

Revision ID: 0007_dashboard
Revises: 0006_claims
Create Date: 2026-12-05 08:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.models

# A name rather than the next number, on its own branch: other features add revisions too.
revision: str = "0007_dashboard"
down_revision: str | None = "0006_claims"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    for table in ("dashboard_links", "dashboard_sessions"):
        op.create_table(
            table,
            sa.Column("token_hash", sa.String(length=64), nullable=False),
            sa.Column("user_id", sa.BigInteger(), nullable=False),
            sa.Column("created_at", storage.models.UTCDateTime(timezone=True), nullable=False),
            sa.Column("expires_at", storage.models.UTCDateTime(timezone=True), nullable=False),
            *(
                [sa.Column("used_at", storage.models.UTCDateTime(timezone=True), nullable=True)]
                if table == "dashboard_links"
                else []
            ),
            sa.PrimaryKeyConstraint("token_hash", name=op.f(f"pk_{table}")),
        )
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(batch_op.f(f"ix_{table}_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    """Revert this revision."""
    for table in ("dashboard_sessions", "dashboard_links"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f"ix_{table}_user_id"))
        op.drop_table(table)
