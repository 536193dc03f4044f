"""consent: a cohort's consent policy, each student's age band, a parent's answer, and the
pledge per student (asked for every cohort, so the cohort switch goes)

Revision ID: 0013_safety2_consent
Revises: 0009_safety
Create Date: 2026-12-05 08:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.models

revision: str = "0013_safety2_consent"
down_revision: str | None = "0009_safety"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

POLICY = sa.Enum("school", "parent", name="policy", native_enum=False, length=16)
BAND = sa.Enum("young", "older", name="ageband", native_enum=False, length=16)


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "cohort_consent",
        sa.Column("cohort_id", sa.Integer(), nullable=False),
        sa.Column("policy", POLICY, nullable=False),
        sa.Column("age_threshold", sa.Integer(), nullable=True),
        sa.Column("informed_by_id", sa.BigInteger(), nullable=True),
        sa.Column("informed_by", sa.String(length=128), nullable=True),
        sa.Column("informed_at", storage.models.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["cohort_id"],
            ["cohorts.id"],
            name=op.f("fk_cohort_consent_cohort_id_cohorts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["informed_by_id"],
            ["users.id"],
            name=op.f("fk_cohort_consent_informed_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("cohort_id", name=op.f("pk_cohort_consent")),
    )
    op.create_table(
        "student_consents",
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("cohort_id", sa.Integer(), nullable=False),
        sa.Column("band", BAND, nullable=False),
        sa.Column("policy", POLICY, nullable=False),
        sa.Column("created_at", storage.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("parent_code", sa.String(length=32), nullable=True),
        sa.Column("parent_chat_id", sa.BigInteger(), nullable=True),
        sa.Column("agreed_at", storage.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("withdrawn_at", storage.models.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["cohort_id"],
            ["cohorts.id"],
            name=op.f("fk_student_consents_cohort_id_cohorts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_student_consents_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", "cohort_id", name=op.f("pk_student_consents")),
        sa.UniqueConstraint("parent_code", name=op.f("uq_student_consents_parent_code")),
    )
    op.create_table(
        "student_pledges",
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("cohort_id", sa.Integer(), nullable=False),
        sa.Column("shown_at", storage.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("agreed_at", storage.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("declined_at", storage.models.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["cohort_id"],
            ["cohorts.id"],
            name=op.f("fk_student_pledges_cohort_id_cohorts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_student_pledges_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", "cohort_id", name=op.f("pk_student_pledges")),
    )
    op.create_table(
        "worry_starts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cohort_id", sa.Integer(), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["cohort_id"],
            ["cohorts.id"],
            name=op.f("fk_worry_starts_cohort_id_cohorts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_worry_starts")),
    )
    with op.batch_alter_table("worry_starts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_worry_starts_cohort_id"), ["cohort_id"], unique=False)
    # The pledge is asked in every cohort now: the per-cohort switch has nothing left to do.
    with op.batch_alter_table("cohort_safety", schema=None) as batch_op:
        batch_op.drop_column("pledge")


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("cohort_safety", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("pledge", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    op.drop_table("student_pledges")
    with op.batch_alter_table("worry_starts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_worry_starts_cohort_id"))
    op.drop_table("worry_starts")
    op.drop_table("student_consents")
    op.drop_table("cohort_consent")
