"""A journey told in stages: tests that share one running world, each going on where the last
left off, so a failure names its stage and the stages after it still run.

A test module builds its journey in a module-scoped fixture; the stage tests ask for it (or
use it), and tests/e2e/conftest.py resumes it after a failed stage.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tgemulator import ScriptedUser

from tests.e2e.support.world import World


@dataclass
class Journey:
    """People on one shared world, and the first stage that failed, if one did."""

    world: World
    people: tuple[ScriptedUser, ...]
    broken_at: str | None = field(default=None, kw_only=True)

    def resume(self) -> None:
        """After a failed stage, read on from here, so the next stage is judged on its own."""
        if self.broken_at is None:
            return
        for person in self.people:
            person.skip_unread()
