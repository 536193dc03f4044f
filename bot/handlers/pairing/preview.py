"""/pair for coordinators: a preview of the round with a reason per match; swap two people, lock
a match, run again, switch between reciprocal and one-way, then confirm (or throw it away)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot.handlers.pairing.common import (
    cohort_pressed,
    cohorts_with_role,
    coordinates,
    done_with,
    int_arg,
    names_of,
    paged,
    replace_buttons,
)
from bot.handlers.pairing.nopair import labels
from bot.handlers.pairing.round import (
    PoolView,
    RoundConflict,
    confirm,
    load_pool,
    new_round_number,
    preview_lines,
    propose,
    propose_repair,
    rules_of,
    toggle_lock,
)
from bot.runtime.incoming import Incoming
from bot.runtime.router import Router
from bot.runtime.turn import Choice, Turn
from flows.onboarding import Role
from flows.pairing import PairingError, Proposal, RoundMode, UnmatchedReason, swap
from storage import pairing
from storage.models import Button
from storage.pairing_models import PairingRound, RoundKind, RoundStatus

Draft = tuple[PairingRound, PoolView]


def register(router: Router) -> None:
    """Wire /pair and the preview's buttons."""
    router.command("pair", pair_command)
    router.action("pr_cohort", pair_for_cohort)
    router.action("pr_new", new_round_pressed)
    router.action("pr_waiting", waiting_pressed)
    router.action("pr_rerun", rerun)
    router.action("pr_mode", switch_mode)
    router.action("pr_lock", lock_picker)
    router.action("pr_lockdo", lock_chosen)
    router.action("pr_swap", swap_first)
    router.action("pr_swap2", swap_second)
    router.action("pr_swapdo", swap_chosen)
    router.action("pr_back", back)
    router.action("pr_confirm", confirm_pressed)
    router.action("pr_discard", discard)


async def pair_command(turn: Turn, incoming: Incoming) -> None:
    """/pair: the open proposal of the cohort, or a new one."""
    mine = await cohorts_with_role(turn, Role.COORDINATOR)
    if not mine:
        await turn.say("pairing.coordinators_only")
    elif len(mine) == 1:
        await open_pairing(turn, mine[0].cohort_id)
    else:
        rows = [[Choice(m.cohort_name, "pr_cohort", {"c": m.cohort_id})] for m in mine]
        await turn.say("pairing.pick_cohort", choices=rows)


async def pair_for_cohort(turn: Turn, incoming: Incoming, button: Button) -> None:
    """The cohort picked from /pair, checked again."""
    cohort_id = await cohort_pressed(turn, incoming, button)
    if cohort_id is None:
        return
    await open_pairing(turn, cohort_id)


async def open_pairing(turn: Turn, cohort_id: int) -> None:
    """Show the draft; otherwise offer to re-pair only the people waiting, or a whole round."""
    draft = await pairing.draft_round(turn.session, cohort_id=cohort_id)
    view = await load_pool(turn.session, cohort_id=cohort_id, now=turn.now)
    if draft is not None:
        await show_preview(turn, draft, view)
        return
    if not view.entries:
        await turn.say("pairing.pool_empty", cohort=view.cohort_name)
        return
    waiting = view.waiting()
    if waiting and await pairing.has_confirmed_round(turn.session, cohort_id=cohort_id):
        await turn.say(
            "pairing.choose_scope",
            cohort=view.cohort_name,
            names=names_of(waiting, view.names, turn),
            choices=[
                [turn.choice("pairing.btn_only_waiting", "pr_waiting", c=cohort_id)],
                [turn.choice("pairing.btn_whole_round", "pr_new", c=cohort_id)],
            ],
        )
        return
    await new_round(turn, view)


async def new_round_pressed(turn: Turn, incoming: Incoming, button: Button) -> None:
    """A whole new round, although some people still have a partner."""
    cohort_id = await cohort_pressed(turn, incoming, button)
    if cohort_id is None:
        return
    draft = await pairing.draft_round(turn.session, cohort_id=cohort_id)
    view = await load_pool(turn.session, cohort_id=cohort_id, now=turn.now)
    if draft is not None:
        await show_preview(turn, draft, view)
    else:
        await new_round(turn, view)


async def waiting_pressed(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Re-pair only the people who wait for a partner; nobody else's match changes."""
    cohort_id = await cohort_pressed(turn, incoming, button)
    if cohort_id is None:
        return
    view = await load_pool(turn.session, cohort_id=cohort_id, now=turn.now)
    await start_repair(turn, view, view.waiting())


async def new_round(turn: Turn, view: PoolView) -> None:
    """A draft for a whole round, proposed and shown."""
    row = await pairing.create_round(
        turn.session,
        cohort_id=view.cohort_id,
        kind=RoundKind.ROUND,
        number=new_round_number(view.last_round, RoundKind.ROUND),
        mode=RoundMode.RECIPROCAL,
        proposal=Proposal((), ()),
        created_by=turn.person.id,
        now=turn.now,
    )
    pairing.save_proposal(row, propose(view, row), now=turn.now)
    await show_preview(turn, row, view)


async def start_repair(
    turn: Turn, view: PoolView, people: list[int], *, keep_apart: Sequence[int] = ()
) -> None:
    """A draft that pairs only these people again (with others who wait anyway, except those
    to keep apart, such as a partner who has not answered yet), proposed and shown."""
    if not people:
        await turn.say("pairing.repair_nobody")
        return
    others = [uid for uid in view.waiting() if uid not in people and uid not in keep_apart]
    row = await pairing.create_round(
        turn.session,
        cohort_id=view.cohort_id,
        kind=RoundKind.REPAIR,
        number=max(1, new_round_number(view.last_round, RoundKind.REPAIR)),
        mode=RoundMode.RECIPROCAL,
        proposal=Proposal((), ()),
        created_by=turn.user.id if turn.user else None,
        now=turn.now,
        people=sorted(people),
        others=others,
    )
    pairing.save_proposal(row, propose_repair(view, row), now=turn.now)
    await show_preview(turn, row, view)


# --- The preview ------------------------------------------------------------------------------


async def show_preview(turn: Turn, row: PairingRound, view: PoolView) -> None:
    """The proposal as a readable list with a reason per match, and what can be done with it."""
    proposal = pairing.proposal_from_json(row.proposal)
    repairing = row.kind is RoundKind.REPAIR
    title = turn.text(
        "pairing.preview_repair_title" if repairing else "pairing.preview_title",
        number=row.number,
        cohort=view.cohort_name,
        mode=turn.text(f"pairing.mode_{row.mode.value}"),
    )
    lines = [title, ""]
    if proposal.matches:
        lines += preview_lines(turn, view, proposal)
    else:
        lines.append(turn.text("pairing.preview_no_matches"))
        lines += preview_lines(turn, view, proposal)[1:] if proposal.unmatched else []
    busy = sorted(view.busy)
    if busy and not repairing:
        lines += ["", turn.text("pairing.preview_busy", names=names_of(busy, view.names, turn))]
    if view.unreachable:
        names = names_of(view.unreachable, view.names, turn)
        lines += ["", turn.text("pairing.preview_unreachable", names=names)]
    await turn.send_text("\n".join(lines), choices=_preview_buttons(turn, row, proposal))


def _preview_buttons(turn: Turn, row: PairingRound, proposal: Proposal) -> list[list[Choice]]:
    args = {"r": row.id, "v": row.version}
    if not proposal.matches and not proposal.unmatched:
        # Nobody to pair or to tell: confirming would only send empty news.
        return [[turn.choice("pairing.btn_discard", "pr_discard", **args)]]
    confirm_row = [turn.choice("pairing.btn_confirm", "pr_confirm", **args)]
    if row.kind is RoundKind.REPAIR:
        return [
            confirm_row,
            [
                turn.choice("pairing.btn_rerun", "pr_rerun", **args),
                turn.choice("pairing.btn_not_now_repair", "pr_discard", **args),
            ],
        ]
    other = RoundMode.ONE_WAY if row.mode is RoundMode.RECIPROCAL else RoundMode.RECIPROCAL
    rows = []
    if proposal.matches:
        rows.append(
            [
                turn.choice("pairing.btn_swap", "pr_swap", **args),
                turn.choice("pairing.btn_lock", "pr_lock", **args),
            ]
        )
    rows.append(
        [
            turn.choice("pairing.btn_rerun", "pr_rerun", **args),
            turn.choice(f"pairing.btn_mode_{other.value}", "pr_mode", **args),
        ]
    )
    rows.append(confirm_row)
    rows.append([turn.choice("pairing.btn_discard", "pr_discard", **args)])
    return rows


async def _draft(
    turn: Turn, incoming: Incoming, button: Button, *, clear: bool = True
) -> Draft | None:
    """The draft a preview button is about, locked, after checking role, status and version."""
    round_id = int_arg(button.args, "r")
    row = await pairing.lock_round(turn.session, round_id=round_id) if round_id else None
    if row is None or await coordinates(turn, row.cohort_id) is None:
        await turn.answer("pairing.coordinators_only", alert=True)
        return None
    if row.status is not RoundStatus.DRAFT:
        await done_with(turn, incoming.message_id)
        await turn.answer("pairing.preview_gone", alert=True)
        return None
    view = await load_pool(turn.session, cohort_id=row.cohort_id, now=turn.now)
    if row.version != int_arg(button.args, "v"):
        # Another coordinator (or another preview) changed it: show what it is now.
        await done_with(turn, incoming.message_id)
        await turn.answer("pairing.preview_changed", alert=True)
        await show_preview(turn, row, view)
        return None
    if clear:
        await done_with(turn, incoming.message_id)
    return row, view


def _reproposed(view: PoolView, row: PairingRound) -> Proposal:
    return propose_repair(view, row) if row.kind is RoundKind.REPAIR else propose(view, row)


async def rerun(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Run again with another seed; locked matches stay."""
    draft = await _draft(turn, incoming, button)
    if draft is None:
        return
    row, view = draft
    row.seed += 1
    pairing.save_proposal(row, _reproposed(view, row), now=turn.now)
    await show_preview(turn, row, view)


async def switch_mode(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Reciprocal or one-way for this round, and propose again."""
    draft = await _draft(turn, incoming, button)
    if draft is None:
        return
    row, view = draft
    row.mode = RoundMode.ONE_WAY if row.mode is RoundMode.RECIPROCAL else RoundMode.RECIPROCAL
    pairing.save_proposal(row, _reproposed(view, row), now=turn.now)
    await show_preview(turn, row, view)


async def back(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Back from a picker to the preview."""
    draft = await _draft(turn, incoming, button)
    if draft is not None:
        await show_preview(turn, *draft)


async def discard(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Throw the proposal away; nobody hears of it."""
    draft = await _draft(turn, incoming, button)
    if draft is None:
        return
    row = draft[0]
    pairing.close_round(row, RoundStatus.DISCARDED, now=turn.now)
    await turn.say(
        "pairing.discarded_repair" if row.kind is RoundKind.REPAIR else "pairing.discarded"
    )


# --- Lock -------------------------------------------------------------------------------------


async def lock_picker(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Pick the match to lock or unlock."""
    draft = await _draft(turn, incoming, button, clear=False)
    if draft is None:
        return
    row, view = draft
    proposal = pairing.proposal_from_json(row.proposal)
    args = {"r": row.id, "v": row.version}
    items = [
        Choice(
            f"{'🔓' if match.locked else '🔒'} {names_of(match.members, view.names, turn)}",
            "pr_lockdo",
            {**args, "i": index},
        )
        for index, match in enumerate(proposal.matches)
    ]
    await _show_picker(turn, incoming, button, "pairing.pick_lock", items, "pr_lock", args, 1)


async def lock_chosen(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Lock or unlock the chosen match; the rest stays as it is."""
    draft = await _draft(turn, incoming, button)
    if draft is None:
        return
    row, view = draft
    proposal = pairing.proposal_from_json(row.proposal)
    index = int_arg(button.args, "i")
    if index is None or not 0 <= index < len(proposal.matches):
        await show_preview(turn, row, view)
        return
    members = proposal.matches[index].members
    pairing.save_proposal(row, toggle_lock(row, proposal, members), now=turn.now)
    await show_preview(turn, row, view)


# --- Swap -------------------------------------------------------------------------------------


def _swappable(view: PoolView, proposal: Proposal) -> list[int]:
    """People in unlocked matches, and unpaired people who are not paused."""
    people = [uid for match in proposal.matches if not match.locked for uid in match.members]
    people += [u.person_id for u in proposal.unmatched if u.why is not UnmatchedReason.PAUSED]
    return sorted(people, key=lambda uid: (view.names.get(uid, "").lower(), uid))


async def swap_first(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Pick the first of the two people to swap."""
    draft = await _draft(turn, incoming, button, clear=False)
    if draft is None:
        return
    row, view = draft
    people = _swappable(view, pairing.proposal_from_json(row.proposal))
    args = {"r": row.id, "v": row.version}
    named = labels([(uid, view.names.get(uid, "?")) for uid in people])
    items = [Choice(named[uid], "pr_swap2", {**args, "a": uid}) for uid in people]
    await _show_picker(turn, incoming, button, "pairing.pick_swap_first", items, "pr_swap", args)


async def swap_second(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Pick who the first person swaps places with."""
    draft = await _draft(turn, incoming, button, clear=False)
    if draft is None:
        return
    row, view = draft
    proposal = pairing.proposal_from_json(row.proposal)
    first = int_arg(button.args, "a")
    if first is None:
        await show_preview(turn, row, view)
        return
    own = proposal.match_of(first)
    people = [
        uid
        for uid in _swappable(view, proposal)
        if uid != first
        and not (own is not None and uid in own.members)
        and not (own is None and proposal.match_of(uid) is None)
    ]
    args = {"r": row.id, "v": row.version, "a": first}
    named = labels([(uid, view.names.get(uid, "?")) for uid in people])
    items = [Choice(named[uid], "pr_swapdo", {**args, "b": uid}) for uid in people]
    await _show_picker(
        turn,
        incoming,
        button,
        "pairing.pick_swap_second",
        items,
        "pr_swap2",
        args,
        name=view.names.get(first, "?"),
    )


async def _show_picker(
    turn: Turn,
    incoming: Incoming,
    button: Button,
    key: str,
    items: list[Choice],
    action: str,
    args: Mapping[str, object],
    per_row: int = 3,
    **params: object,
) -> None:
    """A picker in a new message; its page buttons change it in place."""
    page = int_arg(button.args, "p")
    closing = [turn.choice("pairing.btn_back", "pr_back", **args)]
    rows = paged(turn, items, page or 0, action, args, closing, per_row=per_row)
    if page is not None and button.action == action:
        await replace_buttons(turn, incoming.message_id, rows)
        return
    await done_with(turn, incoming.message_id)
    await turn.send_text(turn.text(key, **params), choices=rows)


async def swap_chosen(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Swap the two people; a swap that breaks a hard rule is refused without saying which."""
    draft = await _draft(turn, incoming, button)
    if draft is None:
        return
    row, view = draft
    a, b = int_arg(button.args, "a"), int_arg(button.args, "b")
    proposal = pairing.proposal_from_json(row.proposal)
    if a is None or b is None:
        await show_preview(turn, row, view)
        return
    try:
        swapped = swap(
            proposal,
            a,
            b,
            candidates=[view.candidate(uid) for uid in view.free],
            rules=rules_of(row),
            history=view.history,
            do_not_pair=view.do_not_pair,
            seed=row.seed,
        )
    except PairingError:
        # The reason may be someone's private wish, so it is never spelled out.
        await turn.say("pairing.swap_refused", a=view.names.get(a, "?"), b=view.names.get(b, "?"))
    else:
        pairing.save_proposal(row, swapped, now=turn.now)
    await show_preview(turn, row, view)


# --- Confirm ----------------------------------------------------------------------------------


async def confirm_pressed(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Create the matches and tell everyone; propose again if the pool changed meanwhile."""
    draft = await _draft(turn, incoming, button)
    if draft is None:
        return
    row, view = draft
    proposal = pairing.proposal_from_json(row.proposal)
    if not _still_fits(view, row, proposal):
        await _propose_again(turn, row, view)
        return
    try:
        outcome = await confirm(turn, row, view, proposal)
    except RoundConflict:
        await _propose_again(turn, row, view)
        return
    unpaired = ", ".join(outcome.unmatched) or turn.text("pairing.nobody")
    await turn.say(
        "pairing.confirmed",
        pairs=outcome.pairs,
        triads=outcome.triads,
        told=outcome.told,
        unpaired=unpaired,
    )


def _still_fits(view: PoolView, row: PairingRound, proposal: Proposal) -> bool:
    """Whether everyone matched is still free and not paused, and (for a whole round) nobody
    who joined the pool meanwhile would be left out silently."""
    matched = {uid for match in proposal.matches for uid in match.members}
    listed = matched | {entry.person_id for entry in proposal.unmatched}
    if not matched <= set(view.waiting()) or not listed <= set(view.free):
        return False
    return row.kind is RoundKind.REPAIR or set(view.free) <= listed


async def _propose_again(turn: Turn, row: PairingRound, view: PoolView) -> None:
    await turn.say("pairing.pool_changed")
    pairing.save_proposal(row, _reproposed(view, row), now=turn.now)
    await show_preview(turn, row, view)
