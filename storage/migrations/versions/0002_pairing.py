"""pairing: the opt-in pool with profiles, private do-not-pair wishes, rounds and their matches

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 12:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.models

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

Moment = storage.models.UTCDateTime


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, length=16)


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "pairing_do_not_pair",
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("other_id", sa.BigInteger(), nullable=False),
        sa.Column("created_at", Moment(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["other_id"],
            ["users.id"],
            name=op.f("fk_pairing_do_not_pair_other_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_pairing_do_not_pair_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", "other_id", name=op.f("pk_pairing_do_not_pair")),
    )
    op.create_table(
        "pairing_pool",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cohort_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("status", _enum("poolstatus", "active", "left"), nullable=False),
        sa.Column("wants", _enum("wants", "coach", "be_coached", "both"), nullable=False),
        sa.Column("availability", sa.JSON(), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("about", sa.String(length=200), nullable=True),
        sa.Column("interests", sa.String(length=200), nullable=True),
        sa.Column("paused_until", Moment(timezone=True), nullable=True),
        sa.Column("awaiting", sa.String(length=16), nullable=True),
        sa.Column("awaiting_since", Moment(timezone=True), nullable=True),
        sa.Column("joined_at", Moment(timezone=True), nullable=False),
        sa.Column("updated_at", Moment(timezone=True), nullable=False),
        sa.Column("left_at", Moment(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["cohort_id"],
            ["cohorts.id"],
            name=op.f("fk_pairing_pool_cohort_id_cohorts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_pairing_pool_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pairing_pool")),
        sa.UniqueConstraint("cohort_id", "user_id", name=op.f("uq_pairing_pool_cohort_id")),
    )
    with op.batch_alter_table("pairing_pool", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pairing_pool_user_id"), ["user_id"], unique=False)

    op.create_table(
        "pairing_rounds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cohort_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("kind", _enum("roundkind", "round", "repair", "import"), nullable=False),
        sa.Column(
            "status", _enum("roundstatus", "draft", "confirmed", "discarded"), nullable=False
        ),
        sa.Column("mode", _enum("roundmode", "reciprocal", "one_way"), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("proposal", sa.JSON(), nullable=False),
        sa.Column("locks", sa.JSON(), nullable=False),
        sa.Column("people", sa.JSON(), nullable=False),
        sa.Column("others", sa.JSON(), nullable=False),
        sa.Column("created_by", sa.BigInteger(), nullable=True),
        sa.Column("created_at", Moment(timezone=True), nullable=False),
        sa.Column("updated_at", Moment(timezone=True), nullable=False),
        sa.Column("confirmed_at", Moment(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["cohort_id"],
            ["cohorts.id"],
            name=op.f("fk_pairing_rounds_cohort_id_cohorts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pairing_rounds")),
    )
    with op.batch_alter_table("pairing_rounds", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_pairing_rounds_cohort_id"), ["cohort_id"], unique=False
        )

    op.create_table(
        "pairing_round_matches",
        sa.Column("match_id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["match_id"],
            ["matches.id"],
            name=op.f("fk_pairing_round_matches_match_id_matches"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["pairing_rounds.id"],
            name=op.f("fk_pairing_round_matches_round_id_pairing_rounds"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("match_id", name=op.f("pk_pairing_round_matches")),
    )
    with op.batch_alter_table("pairing_round_matches", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_pairing_round_matches_round_id"), ["round_id"], unique=False
        )


def downgrade() -> None:
    """Undo this revision."""
    with op.batch_alter_table("pairing_round_matches", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pairing_round_matches_round_id"))
    op.drop_table("pairing_round_matches")
    with op.batch_alter_table("pairing_rounds", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pairing_rounds_cohort_id"))
    op.drop_table("pairing_rounds")
    with op.batch_alter_table("pairing_pool", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pairing_pool_user_id"))
    op.drop_table("pairing_pool")
    op.drop_table("pairing_do_not_pair")
