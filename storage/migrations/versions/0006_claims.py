"""claims: inbox rows know their conversation, outbox rows carry a lease, buttons a card

Revision ID: 0006_claims
Revises: 0001
Create Date: 2026-12-04 17:45:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.models

# A name rather than the next number: other features may add a 0006 of their own meanwhile.
revision: str = "0006_claims"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("inbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("conversation", sa.String(length=64), nullable=True))
        batch_op.create_index("ix_inbox_conversation", ["conversation", "update_id"])
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("claimed_by", sa.String(length=32), nullable=True))
        batch_op.add_column(
            sa.Column("claimed_until", storage.models.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.create_index("ix_outbox_chat", ["chat_id", "status", "id"])
    with op.batch_alter_table("buttons", schema=None) as batch_op:
        batch_op.add_column(sa.Column("card", sa.String(length=16), nullable=True))
        batch_op.add_column(
            sa.Column("used_at", storage.models.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.create_index("ix_buttons_card", ["card"])


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("buttons", schema=None) as batch_op:
        batch_op.drop_index("ix_buttons_card")
        batch_op.drop_column("used_at")
        batch_op.drop_column("card")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_chat")
        batch_op.drop_column("claimed_until")
        batch_op.drop_column("claimed_by")
    with op.batch_alter_table("inbox", schema=None) as batch_op:
        batch_op.drop_index("ix_inbox_conversation")
        batch_op.drop_column("conversation")
