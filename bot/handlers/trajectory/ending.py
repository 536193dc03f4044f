"""How a match ends: the private click check, dissolving without blame, leaving, an unreachable
partner, closing; and the confidential notice to the coordinators who re-pair people."""

from __future__ import annotations

from collections.abc import Callable

from bot.handlers.pairing.notices import notify_repair_needed
from bot.handlers.trajectory.contract_cards import start_contract
from bot.handlers.trajectory.core import (
    Pair,
    done_with,
    load_pair,
    pair_of,
    pair_of_button,
    put,
    scripts_for,
    stale,
    tell,
)
from bot.handlers.trajectory.schedule import cancel_nudges, forget_plan
from bot.runtime.incoming import Incoming
from bot.runtime.router import Router
from bot.runtime.turn import Choice, Turn
from flows.scripts import ClickScript
from flows.trajectory import (
    CaptureError,
    ClickCheck,
    ClickResult,
    DissolvedReason,
    Event,
    Party,
    Step,
    Trajectory,
    answer_click,
    fire,
    record_click,
    start_click_check,
)
from storage import matches, people, timers, trajectories
from storage.models import Button
from storage.trajectory_models import TrajectoryRow

# Reasons after which people are waiting for a new partner, so the coordinators hear of it.
REPAIR_REASONS = frozenset(
    {DissolvedReason.NO_CLICK, DissolvedReason.PARTNER_LEFT, DissolvedReason.UNREACHABLE}
)


def register(router: Router) -> None:
    """Wire the click question, /leave, and noticing a partner who blocked the bot."""
    router.action("tr_click", click_answer)
    router.command("leave", leave_command)
    router.action("tr_leave", leave_confirmed)
    router.action("tr_stay", stay)
    # Before the generic handler that marks the person unreachable, which answers every change.
    router.member_handlers.insert(0, partner_blocked)


# --- The click check ------------------------------------------------------------------------


async def ask_for_click(turn: Turn, pair: Pair) -> None:
    """After the first conversation each member privately says whether it clicks."""
    pair.state.click = start_click_check([m.id for m in pair.members]).to_dict()
    for member in pair.members:
        click = (await scripts_for(turn, pair, member.language)).click
        await tell(
            turn,
            member,
            "trajectory.click_question",
            question=click.question,
            choices=_click_buttons(click, pair.match.id),
        )


def _click_buttons(click: ClickScript, match_id: int) -> Callable[[], list[list[Choice]]]:
    return lambda: [
        [Choice(click.yes, "tr_click", {"m": match_id, "yes": True})],
        [Choice(click.no, "tr_click", {"m": match_id, "yes": False})],
    ]


async def click_answer(turn: Turn, incoming: Incoming, button: Button) -> None:
    """One private answer; once everyone answered, go on together or part without blame."""
    pair = await pair_of_button(turn, button)
    if pair is None or pair.state.click is None:
        await stale(turn)
        return
    try:
        check = answer_click(
            ClickCheck.from_dict(pair.state.click), turn.chat_id, click=bool(button.args.get("yes"))
        )
    except CaptureError:
        await turn.answer("trajectory.click_already", alert=True)
        return
    await done_with(turn, incoming.message_id)
    pair.state.click = check.to_dict()
    if check.result is ClickResult.PENDING:
        await turn.send_text((await scripts_for(turn, pair, turn.language)).click.waiting)
    elif check.result is ClickResult.CLICK:
        await _clicked(turn, pair)
    else:
        await dissolve(turn, pair, DissolvedReason.NO_CLICK)


async def _clicked(turn: Turn, pair: Pair) -> None:
    """Everyone said yes: that is both partners confirming the end of the contact step."""
    pair.state.click, pair.state.click_done = None, True
    for row in pair.live_rows():
        if pair.snap(row).step is not Step.CONTACT:
            continue
        trajectory = record_click(pair.snap(row))
        for party in (Party.COACH, Party.COACHEE):
            trajectory = fire(trajectory, Event.FINISH_CONTACT, party, at=turn.now).trajectory
        put(turn, pair, row, trajectory)
    for member in pair.members:
        click = (await scripts_for(turn, pair, member.language)).click
        await tell(turn, member, "trajectory.click_matched", text=click.matched)
    await start_contract(turn, pair)


# --- Dissolving -------------------------------------------------------------------------------


async def dissolve(
    turn: Turn,
    pair: Pair,
    reason: DissolvedReason,
    *,
    leaver: int | None = None,
    erased: bool = False,
) -> None:
    """End the match for everyone, tell each kindly, and ask the coordinators to re-pair.

    erased: the leaver is having their data erased, so the others are not told their name."""
    for row in pair.live_rows():
        put(turn, pair, row, _ended(pair, row, reason, leaver, turn))
    await _wind_down(turn, pair, status="dissolved", reason=reason.value)
    for member in pair.members:
        if member.id == leaver:
            if not erased:
                await tell(turn, member, "trajectory.you_left")
        elif erased:
            await tell(turn, member, "trajectory.dissolved_partner_gone")
        elif reason is DissolvedReason.NO_CLICK:
            click = (await scripts_for(turn, pair, member.language)).click
            await tell(turn, member, "trajectory.dissolved_no_click", text=click.no_click)
        elif reason is DissolvedReason.PARTNER_LEFT and leaver is None:
            await tell(turn, member, "trajectory.dissolved_partner_gone")
        elif not member.unreachable:
            gone = leaver if leaver is not None else _unreachable_name(pair)
            await tell(
                turn, member, f"trajectory.dissolved_{reason.value}", name=pair.name(gone or 0)
            )
    if reason in REPAIR_REASONS:
        waiting = [m.id for m in pair.members if m.id != leaver and not m.unreachable]
        await notify_repair_needed(turn, pair.match.cohort_id, waiting, reason.value)


def _ended(
    pair: Pair, row: TrajectoryRow, reason: DissolvedReason, leaver: int | None, turn: Turn
) -> Trajectory:
    party = pair.party(row, leaver) if leaver is not None else None
    if party is not None:
        return fire(pair.snap(row), Event.LEAVE, party, at=turn.now).trajectory
    return fire(pair.snap(row), Event.DISSOLVE, Party.SYSTEM, at=turn.now, reason=reason).trajectory


def _unreachable_name(pair: Pair) -> int | None:
    return next((m.id for m in pair.members if m.unreachable), None)


async def _wind_down(turn: Turn, pair: Pair, *, status: str, reason: str | None) -> None:
    """Stop everything that was still running for a match that ends."""
    pair.state.talking_id, pair.state.mode, pair.state.click = None, None, None
    await forget_plan(turn, pair)
    await cancel_nudges(turn, pair)
    await timers.cancel_conversation(turn.session, conversation=f"match:{pair.match.id}")
    for member in pair.members:
        await trajectories.clear_input(turn.session, user_id=member.id)
    await matches.end_match(
        turn.session, match=pair.match, status=status, reason=reason, now=turn.now
    )


async def dissolve_match(turn: Turn, match_id: int, reason: str) -> None:
    """End a match (for coordinators and pairing): kind words to the members, no blame."""
    pair = await load_pair(turn, match_id)
    if pair is None or not pair.active:
        return
    known = {r.value for r in DissolvedReason}
    await dissolve(
        turn,
        pair,
        DissolvedReason(reason) if reason in known else DissolvedReason.COORDINATOR_ENDED,
    )


# --- Leaving and blocking ---------------------------------------------------------------------


async def leave_command(turn: Turn, incoming: Incoming) -> None:
    """/leave: stop coaching in this match, after a check."""
    pair = await pair_of(turn)
    if pair is None:
        await turn.say("trajectory.no_match")
        return
    args = {"m": pair.match.id}
    await turn.say(
        "trajectory.leave_confirm",
        choices=[
            [turn.choice("trajectory.btn_leave_yes", "tr_leave", **args)],
            [turn.choice("trajectory.btn_leave_no", "tr_stay")],
        ],
    )


async def leave_confirmed(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Leave: the others are told kindly and the coordinators re-pair them."""
    pair = await pair_of_button(turn, button)
    if pair is None:
        await stale(turn)
        return
    await done_with(turn, incoming.message_id)
    await dissolve(turn, pair, DissolvedReason.PARTNER_LEFT, leaver=turn.chat_id)


async def stay(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Not leaving after all."""
    await done_with(turn, incoming.message_id)
    await turn.say("trajectory.stay")


async def partner_blocked(turn: Turn, incoming: Incoming) -> bool:
    """Someone blocked the bot: their partners are told kindly; the member handler still runs."""
    status = ((incoming.raw or {}).get("new_chat_member") or {}).get("status")
    if not incoming.private or turn.user is None or status != "kicked":
        return False
    pair = await pair_of(turn)
    if pair is not None:
        await people.mark_unreachable(turn.session, user_id=turn.chat_id, now=turn.now)
        pair = await load_pair(turn, pair.match.id)
        assert pair is not None
        await dissolve(turn, pair, DissolvedReason.UNREACHABLE)
    return False


async def dissolve_if_unreachable(turn: Turn, pair: Pair) -> bool:
    """A partner who left PeerCoach or cannot be reached ends the match kindly; True if so."""
    if pair.gone():
        await dissolve(turn, pair, DissolvedReason.PARTNER_LEFT)
        return True
    if not any(m.unreachable for m in pair.members):
        return False
    await dissolve(turn, pair, DissolvedReason.UNREACHABLE)
    return True


# --- Closing ----------------------------------------------------------------------------------


async def trajectory_closed(turn: Turn, pair: Pair, row: TrajectoryRow) -> None:
    """A trajectory reached its end; the match closes once all of its trajectories did."""
    for uid in (row.coach_id, row.coachee_id):
        other = row.coachee_id if uid == row.coach_id else row.coach_id
        await tell(turn, pair.member(uid), "trajectory.closed", name=pair.name(other))
    if row.observer_id is not None:
        await tell(
            turn,
            pair.member(row.observer_id),
            "trajectory.closed_observed",
            coach=pair.name(row.coach_id),
            coachee=pair.name(row.coachee_id),
        )
    if all(pair.snap(r).terminal for r in pair.rows):
        await _wind_down(turn, pair, status="closed", reason=None)
        for member in pair.members:
            await tell(turn, member, "trajectory.match_closed")
