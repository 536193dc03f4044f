"""/progress for teachers and coordinators: per class the trajectories under a filter (active,
finished, needs attention), with step, last activity and counts, never content."""

from __future__ import annotations

from bot.handlers.trajectory.core import day_label, moment_label, step_name
from bot.runtime.incoming import Incoming
from bot.runtime.router import Router
from bot.runtime.turn import Choice, Turn
from flows import progress
from flows.onboarding import Role
from flows.progress import Filter
from flows.trajectory import Step
from storage import cohorts, people, practice, safety, trajectories
from storage.models import Button

STAFF = frozenset({Role.TEACHER, Role.COORDINATOR})
ACTION = "progress"
RULE = "practice_rule"  # "practise first" on or off; sets a state, so a double tap is harmless


def register(router: Router) -> None:
    """Wire /progress and its filter and page buttons (menus, pressed again and again)."""
    router.command("progress", progress_command)
    router.action(ACTION, switch_view)
    router.action(RULE, set_practice_rule)


async def progress_command(turn: Turn, incoming: Incoming) -> None:
    """/progress: one overview per class I teach or coordinate, showing the active ones first."""
    memberships = await cohorts.memberships_of(turn.session, user_id=turn.person.id)
    mine = [m for m in memberships if m.role in STAFF]
    if not mine:
        await turn.say("teach.progress_not_allowed")
        return
    for membership in mine:
        text, choices = await _overview(
            turn, membership.cohort_id, membership.cohort_name, Filter.ACTIVE, 0
        )
        await turn.send_text(text, choices=choices)


async def switch_view(turn: Turn, incoming: Incoming, button: Button) -> None:
    """A filter or page button: the same overview, freshly counted, in place."""
    await _refresh(turn, incoming, button)


async def set_practice_rule(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Ask (or stop asking) that students practise once before they join the pairing pool."""
    cohort_id = int(button.args["c"])
    if await _staff_of(turn, cohort_id) is not None:
        on = bool(button.args["on"])
        await practice.set_required(turn.session, cohort_id=cohort_id, on=on, now=turn.now)
    await _refresh(turn, incoming, button)


async def _staff_of(turn: Turn, cohort_id: int) -> cohorts.MembershipView | None:
    """The presser's staff membership of this cohort, if they (still) have one."""
    mine = await cohorts.memberships_of(turn.session, user_id=turn.person.id)
    return next((m for m in mine if m.cohort_id == cohort_id and m.role in STAFF), None)


async def _refresh(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Show the overview a button names again, in place."""
    cohort_id = int(button.args["c"])
    membership = await _staff_of(turn, cohort_id)
    if membership is None or incoming.message_id is None:
        await turn.answer("teach.progress_not_allowed")
        return
    view = Filter(button.args["f"])
    text, choices = await _overview(
        turn, cohort_id, membership.cohort_name, view, int(button.args["p"])
    )
    await turn.answer()
    await turn.edit_text(incoming.message_id, text, choices=choices)


async def _overview(
    turn: Turn, cohort_id: int, cohort_name: str, view: Filter, page: int
) -> tuple[str, list[list[Choice]]]:
    """The text and buttons of one class's overview under a filter, at a page."""
    await turn.use_cohort_time(cohort_id)  # dates in the class's own zone
    items = await trajectories.cohort_progress(turn.session, cohort_id=cohort_id)
    numbers = progress.counts(items, turn.now)
    listed = progress.shown(items, view, turn.now)
    ids = sorted({i.coach_id for i in listed} | {i.coachee_id for i in listed})
    names = await people.names(turn.session, user_ids=ids)
    lines = [_line(turn, item, view, names) for item in listed]
    cuts = progress.pages([len(line) for line in lines])
    page = progress.clamp_page(page, len(cuts))
    start, end = cuts[page]
    parts = [
        turn.text("teach.progress_head", cohort=cohort_name, view=_view_name(turn, view)),
        turn.text(
            "teach.progress_counts",
            active=numbers.active,
            finished=numbers.finished,
            attention=numbers.attention,
            dissolved=numbers.dissolved,
        ),
    ]
    required = await practice.required(turn.session, cohort_id=cohort_id)
    if required:
        parts.append(turn.text("teach.progress_practice_first"))
    practised = await practice.practised(turn.session, cohort_id=cohort_id)
    if practised:
        first, more = progress.ticked(practised)
        ticks = f"{first} +{more}" if more > 0 else first
        parts.append(turn.text("teach.progress_practised", count=len(practised), names=ticks))
    worries = await safety.starts_in(turn.session, cohort_id=cohort_id)
    if worries:  # issue 13: a number so the school sees the route is used; never who
        parts.append(turn.text("teach.progress_worries", count=worries))
    parts += ["", "\n".join(lines[start:end]) or turn.text(f"teach.progress_none_{view.value}")]
    if len(cuts) > 1:
        parts.append(turn.text("teach.progress_page", page=page + 1, pages=len(cuts)))
    rows = _buttons(turn, cohort_id, view, page, len(cuts), numbers)
    rule = "teach.progress_practice_off" if required else "teach.progress_practice_on"
    here = {"c": cohort_id, "f": view.value, "p": page}
    rows.append([turn.choice(rule, RULE, on=not required, **here)])
    return "\n".join(parts), rows


def _buttons(
    turn: Turn, cohort_id: int, view: Filter, page: int, total: int, numbers: progress.Counts
) -> list[list[Choice]]:
    """Filter buttons with their counts (the current one ticked), and paging when needed."""
    filters = []
    for each in Filter:
        label = turn.plain(f"teach.progress_filter_{each.value}", count=numbers.of(each))
        if each is view:
            label = f"✓ {label}"
        filters.append(Choice(label, ACTION, {"c": cohort_id, "f": each.value, "p": 0}))
    rows = [filters]
    paging = []
    here = {"c": cohort_id, "f": view.value}
    if page > 0:
        paging.append(
            turn.choice("teach.progress_previous", ACTION, c=cohort_id, f=view, p=page - 1)
        )
    if page < total - 1:
        paging.append(turn.choice("teach.progress_next", ACTION, **here, p=page + 1))
    if paging:
        rows.append(paging)
    return rows


def _view_name(turn: Turn, view: Filter) -> str:
    return turn.text(f"teach.progress_view_{view.value}")


def _line(turn: Turn, item: progress.Item, view: Filter, names: dict[int, str]) -> str:
    """One trajectory's line: who, where, how much and when; the finished ones say when."""
    former = turn.text("trajectory.former_partner")  # someone who erased their data
    who = {"coach": names.get(item.coach_id, former), "coachee": names.get(item.coachee_id, former)}
    last = day_label(turn, item.last_activity.astimezone(turn.time.zone).date())
    if progress.standing(item) is progress.Standing.FINISHED:
        ended = item.ended_at or item.last_activity
        return turn.text(
            "teach.progress_line_finished",
            **who,
            ended=day_label(turn, ended.astimezone(turn.time.zone).date()),
            conversations=item.conversations,
            done=item.done_steps,
        )
    if view is Filter.ATTENTION:
        reason = (
            turn.text("teach.progress_reason_silent", count=item.silent_prompts)
            if progress.let_pass(item)
            else turn.text("teach.progress_reason_quiet", days=(turn.now - item.last_activity).days)
        )
        return turn.text(
            "teach.progress_line_attention",
            **who,
            step=step_name(turn, Step(item.step)),
            last=last,
            reason=reason,
        )
    return turn.text(
        "teach.progress_line_active",
        **who,
        step=step_name(turn, Step(item.step)),
        conversations=item.conversations,
        steps=progress.open_steps(item),
        last=last,
        next=moment_label(turn, item.next_meeting) if item.next_meeting else "–",
    )
