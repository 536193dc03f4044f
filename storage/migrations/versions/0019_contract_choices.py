"""contract choices: agreements that are the default script's suggestions become choices

Until now a tapped suggestion was kept as its words in the tapper's language, so a partner who
reads the other language saw them untranslated. Each contract version whose words are one of
the default script's suggestions (Dutch or English, case and spaces aside) now also keeps the
suggestion's number, and every reader sees it in their own language. Cohorts with a script of
their own are left as they are (their suggestions may differ): their words show as kept. Data
only; no columns change.

Revision ID: 0019_contract_choices
Revises: 0014_taps_pair_memory
Create Date: 2026-12-06 03:30:00.000000
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0019_contract_choices"
down_revision: str | None = "0014_taps_pair_memory"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The default suggestions as they stood when this migration was written (frozen on purpose:
# later edits of the scripts must not change what old words meant).
LABELS: dict[str, dict[str, tuple[str, ...]]] = {
    "period": {
        "nl": (
            "Dit semester",
            "Tot de kerstvakantie",
            "Tijdens mijn stage",
            "Tien weken",
        ),
        "en": (
            "This term",
            "Until the winter break",
            "During my internship",
            "Ten weeks",
        ),
    },
    "conversations": {
        "nl": (
            "4 gesprekken",
            "5 gesprekken",
            "6 gesprekken",
        ),
        "en": (
            "4 conversations",
            "5 conversations",
            "6 conversations",
        ),
    },
    "rhythm": {
        "nl": (
            "Elke week",
            "Om de week",
            "Eén keer per maand",
        ),
        "en": (
            "Every week",
            "Every other week",
            "Once a month",
        ),
    },
    "channel": {
        "nl": (
            "Op school",
            "Videobellen",
            "Hier in de chat",
            "Afwisselend",
        ),
        "en": (
            "At school",
            "Video call",
            "Here in the chat",
            "A mix",
        ),
    },
    "confidentiality": {
        "nl": (
            "Tussen ons, tenzij iemand in gevaar is",
            "Niets delen zonder het eerst te vragen",
            "Alleen wat we samen afspreken",
        ),
        "en": (
            "Between us, unless someone is in danger",
            "Nothing shared without asking first",
            "Only what we agree on together",
        ),
    },
    "coach_scope": {
        "nl": (
            "Vragen stellen, geen antwoorden geven",
            "Meedenken, jij beslist",
            "Tips geven als jij erom vraagt",
        ),
        "en": (
            "Ask questions, not give answers",
            "Think along, you decide",
            "Give tips when you ask for them",
        ),
    },
    "feedback": {
        "nl": (
            "Eerlijk en meteen",
            "Aan het eind van elk gesprek",
            "Eerst wat goed ging, dan een tip",
        ),
        "en": (
            "Honestly and right away",
            "At the end of each conversation",
            "First what went well, then a tip",
        ),
    },
    "no_show": {
        "nl": (
            "Een dag vooraf laten weten",
            "Samen een nieuwe tijd zoeken",
            "Na twee keer praten we erover",
        ),
        "en": (
            "Let the other know a day ahead",
            "Find a new time together",
            "After twice, we talk about it",
        ),
    },
}

TRAJECTORIES = sa.table(
    "trajectories",
    sa.column("id", sa.Integer),
    sa.column("match_id", sa.Integer),
    sa.column("snapshot", sa.JSON),
)
MATCHES = sa.table("matches", sa.column("id", sa.Integer), sa.column("cohort_id", sa.Integer))
SCRIPTS = sa.table("cohort_scripts", sa.column("cohort_id", sa.Integer))


def _plain(words: str) -> str:
    return " ".join(words.casefold().split())


def option_of(key: str, words: str) -> int | None:
    """The number of the default suggestion these words are, in either language."""
    for suggestions in LABELS.get(key, {}).values():
        for number, suggestion in enumerate(suggestions):
            if _plain(suggestion) == _plain(words):
                return number
    return None


def with_choices(snapshot: dict[str, Any]) -> dict[str, Any] | None:
    """The snapshot with suggestions marked as choices; None when nothing changes."""
    contract = snapshot.get("contract")
    if not isinstance(contract, dict):
        return None
    changed = False
    items = []
    for item in contract.get("items") or []:
        versions = []
        for version in item.get("versions") or []:
            option = None
            if version.get("option") is None and isinstance(version.get("value"), str):
                option = option_of(str(item.get("key")), version["value"])
            if option is not None:
                version = {**version, "option": option}
                changed = True
            versions.append(version)
        items.append({**item, "versions": versions})
    if not changed:
        return None
    return {**snapshot, "contract": {**contract, "items": items}}


def upgrade() -> None:
    """Apply this revision: mark the default suggestions kept as words as choices."""
    bind = op.get_bind()
    own_scripts = sa.select(SCRIPTS.c.cohort_id)
    rows = bind.execute(
        sa.select(TRAJECTORIES.c.id, TRAJECTORIES.c.snapshot)
        .join(MATCHES, MATCHES.c.id == TRAJECTORIES.c.match_id)
        .where(MATCHES.c.cohort_id.not_in(own_scripts))
    ).all()
    for row_id, snapshot in rows:
        updated = with_choices(snapshot) if isinstance(snapshot, dict) else None
        if updated is not None:
            bind.execute(
                sa.update(TRAJECTORIES).where(TRAJECTORIES.c.id == row_id).values(snapshot=updated)
            )


def downgrade() -> None:
    """Revert this revision: choices become words again (as their proposer read them)."""
    bind = op.get_bind()
    for row_id, snapshot in bind.execute(sa.select(TRAJECTORIES.c.id, TRAJECTORIES.c.snapshot)):
        contract = snapshot.get("contract") if isinstance(snapshot, dict) else None
        if not isinstance(contract, dict):
            continue
        items = [
            {
                **item,
                "versions": [
                    {k: v for k, v in version.items() if k not in ("option", "default")}
                    for version in item.get("versions") or []
                ],
            }
            for item in contract.get("items") or []
        ]
        updated = {**snapshot, "contract": {**contract, "items": items}}
        bind.execute(
            sa.update(TRAJECTORIES).where(TRAJECTORIES.c.id == row_id).values(snapshot=updated)
        )
