"""What the route and the talks share: the person's cohorts, confidants, country, help lines."""

from __future__ import annotations

from dataclasses import dataclass

from bot.runtime.turn import Choice, Turn
from flows.onboarding import Role
from flows.safety import Confidant, help_lines
from storage import cohorts, safety


@dataclass(frozen=True, slots=True)
class Circle:
    """The person's cohorts (not as confidant), their confidants and the help lines' country."""

    cohort_ids: list[int]
    confidants: list[Confidant]
    country: str


async def circle_of(turn: Turn) -> Circle:
    """Whom this person can turn to: the confidants of the cohorts they are in."""
    mine = await cohorts.memberships_of(turn.session, user_id=turn.person.id)
    ids = [m.cohort_id for m in mine if m.role is not Role.CONFIDANT]
    default = turn.services.settings.default_country
    country = (
        await safety.country_of(turn.session, cohort_id=ids[0], default=default) if ids else default
    )
    found = await safety.confidants_of(turn.session, cohort_ids=ids) if ids else []
    return Circle(ids, found, country)


def lines_text(turn: Turn, country: str) -> str:
    """The help lines of a country, one a line, in the turn's language."""
    return "\n".join(
        turn.text(
            "safety.line",
            name=line.name,
            number=line.number,
            what=turn.plain(f"safety.line_{line.key}"),
        )
        for line in help_lines(country)
    )


def about_choices(turn: Turn) -> list[list[Choice]]:
    """The route's first question: about myself, or about my coaching partner."""
    return [
        [turn.choice("safety.btn_about_me", "w_about", a="me")],
        [turn.choice("safety.btn_about_partner", "w_about", a="partner")],
    ]
