"""Which commands Telegram's "/" menu lists, by the roles a person has."""

from __future__ import annotations

from collections.abc import Iterable

from flows.onboarding import Role

FIRST = ("help",)
LAST = ("privacy", "settings", "cancel")
BY_ROLE: dict[Role, tuple[str, ...]] = {
    Role.STUDENT: (
        "talk",
        "journal",
        "log",
        "portfolio",
        "steps",
        "plan",
        "pool",
        "practice",
        "contract",
        "worried",
    ),
    Role.TEACHER: ("progress", "dashboard", "room"),
    Role.COORDINATOR: (
        "newcohort",
        "links",
        "pair",
        "rounds",
        "progress",
        "dashboard",
        "cohorttime",
        "enddate",
        "consent",
    ),
}
# In a class group only its administrators (the teacher) have something to start.
GROUP_ADMINS = ("room", "breakout")


def menu_for(roles: Iterable[Role]) -> tuple[str, ...]:
    """The menu of someone with these roles: help first, each role's commands, then the rest.

    Someone who has not joined yet sees the students' menu: most people who open the bot are
    students, and every command answers kindly for a role that cannot use it.
    """
    held = set(roles) or {Role.STUDENT}
    listed = [*FIRST]
    for role in Role:  # the enum's order, so a menu does not depend on the order of joining
        listed += [name for name in BY_ROLE.get(role, ()) if role in held and name not in listed]
    return (*listed, *LAST)
