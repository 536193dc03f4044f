"""/progress for teachers and coordinators: per pair the step, dates and counts, never content."""

from __future__ import annotations

from bot.handlers.trajectory.core import moment_label, step_name
from bot.runtime.incoming import Incoming
from bot.runtime.router import Router
from bot.runtime.turn import Turn
from flows.onboarding import Role
from flows.trajectory import Step
from storage import cohorts, people, trajectories

STAFF = frozenset({Role.TEACHER, Role.COORDINATOR})


def register(router: Router) -> None:
    """Wire /progress."""
    router.command("progress", progress_command)


async def progress_command(turn: Turn, incoming: Incoming) -> None:
    """/progress: how far each pair in my cohorts is, in metadata only."""
    memberships = await cohorts.memberships_of(turn.session, user_id=turn.person.id)
    mine = [m for m in memberships if m.role in STAFF]
    if not mine:
        await turn.say("trajectory.progress_not_allowed")
        return
    for membership in mine:
        await turn.use_cohort_time(membership.cohort_id)  # its next meetings in its own zone
        rows = await trajectories.cohort_progress(turn.session, cohort_id=membership.cohort_id)
        ids = sorted({r.coach_id for r in rows} | {r.coachee_id for r in rows})
        names = await people.names(turn.session, user_ids=ids)
        former = turn.text("trajectory.former_partner")  # someone who erased their data
        lines = [
            turn.text(
                "trajectory.progress_line",
                coach=names.get(row.coach_id, former),
                coachee=names.get(row.coachee_id, former),
                step=step_name(turn, Step(row.step)),
                conversations=row.conversations,
                steps=row.open_steps,
                next=moment_label(turn, row.next_meeting) if row.next_meeting else "–",
            )
            for row in rows
        ]
        body = "\n".join(lines) if lines else turn.text("trajectory.progress_empty")
        await turn.send_text(
            turn.text("trajectory.progress", cohort=membership.cohort_name) + "\n" + body
        )
