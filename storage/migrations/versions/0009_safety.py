"""safety: worry talks with a confidant, a cohort's country, nudges

Revision ID: 0009_safety
Revises: 0006_claims
Create Date: 2026-12-05 07:44:37.551650
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.models

# A name rather than the next number, on its own branch: other features add revisions too.
revision: str = "0009_safety"
down_revision: str | None = "0006_claims"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "cohort_safety",
        sa.Column("cohort_id", sa.Integer(), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("pledge", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.ForeignKeyConstraint(
            ["cohort_id"],
            ["cohorts.id"],
            name=op.f("fk_cohort_safety_cohort_id_cohorts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("cohort_id", name=op.f("pk_cohort_safety")),
    )
    op.create_table(
        "safety_nudges",
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("scope", sa.String(length=48), nullable=False),
        sa.Column("shown_at", storage.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_safety_nudges_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", "scope", name=op.f("pk_safety_nudges")),
    )
    op.create_table(
        "safety_pledges",
        sa.Column("match_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("shown_at", storage.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("agreed_at", storage.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("declined_at", storage.models.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["match_id"],
            ["matches.id"],
            name=op.f("fk_safety_pledges_match_id_matches"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_safety_pledges_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("match_id", "user_id", name=op.f("pk_safety_pledges")),
    )
    op.create_table(
        "worry_talks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cohort_id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.BigInteger(), nullable=False),
        sa.Column("confidant_id", sa.BigInteger(), nullable=False),
        sa.Column("created_at", storage.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("answered_at", storage.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("closed_at", storage.models.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["cohort_id"],
            ["cohorts.id"],
            name=op.f("fk_worry_talks_cohort_id_cohorts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["confidant_id"],
            ["users.id"],
            name=op.f("fk_worry_talks_confidant_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["student_id"],
            ["users.id"],
            name=op.f("fk_worry_talks_student_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_worry_talks")),
    )
    with op.batch_alter_table("worry_talks", schema=None) as batch_op:
        batch_op.create_index(
            "ix_worry_talks_people", ["student_id", "confidant_id", "closed_at"], unique=False
        )

    op.create_table(
        "worry_lines",
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("talk_id", sa.Integer(), nullable=False),
        sa.Column("opened_at", storage.models.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["talk_id"],
            ["worry_talks.id"],
            name=op.f("fk_worry_lines_talk_id_worry_talks"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_worry_lines_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_worry_lines")),
    )


def downgrade() -> None:
    """Revert this revision."""
    op.drop_table("worry_lines")
    with op.batch_alter_table("worry_talks", schema=None) as batch_op:
        batch_op.drop_index("ix_worry_talks_people")

    op.drop_table("worry_talks")
    op.drop_table("safety_nudges")
    op.drop_table("safety_pledges")
    op.drop_table("cohort_safety")
