"""The contract: agreements proposed with buttons or own words, confirmed by both, revisited."""

from __future__ import annotations

from bot.handlers.trajectory.contract_cards import (
    defaults,
    open_rows,
    send_item_card,
    send_item_cards,
    send_open_contract,
    send_summary,
    suggestion_of,
)
from bot.handlers.trajectory.core import (
    Pair,
    arg_int,
    await_input,
    day_label,
    done_with,
    forget_input,
    input_kind,
    latest_pair,
    local_day,
    pair_of,
    pair_of_button,
    refuse,
    scripts_for,
    stale,
)
from bot.handlers.trajectory.effects import settle
from bot.runtime.incoming import Incoming
from bot.runtime.router import Router
from bot.runtime.turn import Turn
from flows.trajectory import (
    ContractItemKey,
    Step,
    Wording,
    revisit_due,
)
from flows.trajectory import pair as aggregate
from flows.trajectory.effects import Outcome
from flows.trajectory.pair import (
    KEYS,
    accept_contract,
    agreements_still_work,
    proposal_press,
    propose_wording,
)
from storage.models import Button
from storage.trajectory_models import AwaitedInput


def register(router: Router) -> None:
    """Wire /contract and the contract buttons."""
    router.command("contract", contract_command)
    router.action("tr_csug", pick_suggestion)
    router.action("tr_cagree", agree)
    router.action("tr_cown", own_words)
    router.action("tr_caccept", accept)
    router.action("tr_call", agree_all)
    router.action("tr_cstill", still_works)
    router.action("tr_cadjust", choose_item_to_adjust)
    router.action("tr_cedit", adjust_item)
    input_kind("contract", on_text=typed_proposal)


# --- Proposing and confirming -----------------------------------------------------------------


async def pick_suggestion(turn: Turn, incoming: Incoming, button: Button) -> None:
    """A suggestion button: propose it (or agree, when it is what the other proposed)."""
    pair, key = await _item_target(turn, button)
    if pair is None or key is None:
        await _show_current(turn, pair)
        return
    suggestions = (await scripts_for(turn, pair, turn.language)).contract.items[key].suggestions
    index = arg_int(button, "i")
    if index is None or not 0 <= index < len(suggestions):
        await stale(turn)
        return
    await _propose_once(turn, incoming, pair, key, Wording(suggestions[index], index))


async def agree(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Agree with the wording on the table."""
    pair, key = await _item_target(turn, button)
    seats = pair.seats(open_rows(pair)) if pair and key else []
    latest = aggregate.latest_version(seats, key) if key else None
    if pair is None or key is None or latest is None:
        await _show_current(turn, pair)
        return
    await _propose_once(turn, incoming, pair, key, latest[0].wording)


async def _propose_once(
    turn: Turn, incoming: Incoming, pair: Pair, key: ContractItemKey, value: Wording
) -> None:
    """Propose from a card, unless this person already stands behind exactly this wording."""
    refused = proposal_press(pair.seats(open_rows(pair)), key, turn.chat_id, value)
    if refused is not None:
        await refuse(turn, refused)
        return
    await done_with(turn, incoming.message_id)
    await propose(turn, pair, key, value)


async def own_words(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Type an own proposal for this agreement."""
    pair, key = await _item_target(turn, button)
    if pair is None or key is None:
        await _show_current(turn, pair)
        return
    await done_with(turn, incoming.message_id)
    await await_input(turn, "contract", None, m=pair.match.id, k=key.value)
    question = (await scripts_for(turn, pair, turn.language)).contract.items[key].question
    await turn.say("trajectory.contract_type", question=question)


async def typed_proposal(turn: Turn, waiting: AwaitedInput, text: str) -> None:
    """The typed proposal arrives."""
    pair = await pair_of(turn)
    key = waiting.data.get("k")
    if pair is None or pair.match.id != waiting.data.get("m") or key not in set(ContractItemKey):
        await forget_input(turn)
        await turn.say("trajectory.stale_text")
        return
    item = ContractItemKey(key)
    scripts = await scripts_for(turn, pair, turn.language)
    if await propose(turn, pair, item, suggestion_of(scripts, item, text)):
        await forget_input(turn)


async def propose(turn: Turn, pair: Pair, key: ContractItemKey, value: Wording) -> bool:
    """Put a wording on the table in every trajectory where this person is a partner."""
    seats = pair.seats(pair.live_rows())
    proposed = propose_wording(seats, key, turn.chat_id, value, at=turn.now)
    return await settle(turn, pair, None, proposed)


async def accept(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Accept the whole contract; the step moves on once everyone did."""
    pair = await _pair_of_button(turn, button)
    if pair is None:
        await stale(turn)
        return
    result = accept_contract(pair.seats(pair.live_rows()), turn.chat_id, at=turn.now)
    if isinstance(result, Outcome):
        await done_with(turn, incoming.message_id)
    await settle(turn, pair, None, result)


async def agree_all(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Agree to every agreement on the whole card (the cohort's defaults where none is on the
    table) and accept the contract; it stands once everyone did."""
    pair = await _pair_of_button(turn, button)
    if pair is None:
        await stale(turn)
        return
    suggested = await defaults(turn, pair, turn.language)
    seats = pair.seats(pair.live_rows())
    result = aggregate.agree_to_all(seats, turn.chat_id, suggested, at=turn.now)
    if isinstance(result, Outcome):
        await done_with(turn, incoming.message_id)
    await settle(turn, pair, None, result)


# --- The half-way revisit ---------------------------------------------------------------------


async def still_works(turn: Turn, incoming: Incoming, button: Button) -> None:
    """The agreements still work for this person."""
    pair = await _pair_of_button(turn, button)
    if pair is None:
        await stale(turn)
        return
    result = agreements_still_work(pair.seats(pair.live_rows()), turn.chat_id)
    if isinstance(result, Outcome):
        await done_with(turn, incoming.message_id)
    await settle(turn, pair, None, result)


async def choose_item_to_adjust(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Which agreement to change, as buttons."""
    pair = await _pair_of_button(turn, button)
    if pair is None or not open_rows(pair):
        await stale(turn)
        return
    await done_with(turn, incoming.message_id)
    args = {"m": pair.match.id}
    buttons = [
        turn.choice(f"trajectory.item_{k.value}", "tr_cedit", **args, k=k.value) for k in KEYS
    ]
    await turn.say(
        "trajectory.contract_which", choices=[buttons[i : i + 2] for i in range(0, 8, 2)]
    )


async def adjust_item(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Show one agreement's card to propose a new wording."""
    pair = await _pair_of_button(turn, button)
    key = button.args.get("k")
    rows = open_rows(pair) if pair else []
    if pair is None or not rows or key not in set(ContractItemKey):
        await stale(turn)
        return
    await done_with(turn, incoming.message_id)
    await send_item_card(turn, pair, rows, ContractItemKey(key), pair.member(turn.chat_id))


# --- /contract ------------------------------------------------------------------------------


async def contract_command(turn: Turn, incoming: Incoming) -> None:
    """/contract: the agreements at any time, and the current card when one is open."""
    pair = await pair_of(turn) or await latest_pair(turn)
    if pair is None or not pair.rows_of(turn.chat_id):
        await turn.say("trajectory.no_match")
        return
    member = pair.member(turn.chat_id)
    row = pair.rows_of(turn.chat_id)[0]
    contract = pair.snap(row).contract
    await send_summary(turn, pair, member)
    if contract.closed_at is not None:
        await turn.say(
            "trajectory.contract_closed", day=day_label(turn, local_day(turn, contract.closed_at))
        )
    elif not pair.active:
        await turn.say("trajectory.contract_ended")
    elif pair.snap(row).step is Step.CONTACT:
        await turn.say("trajectory.contract_later")
    elif await send_open_contract(turn, pair, member):
        pass  # the open agreement (or the contract to accept) is on its way
    elif revisit_due(pair.snap(row)):
        await send_summary(turn, pair, member, buttons="revisit")
    elif contract.accepted_at_conversation is not None:
        await turn.say("trajectory.contract_standing")


# --- Helpers ----------------------------------------------------------------------------------


async def _pair_of_button(turn: Turn, button: Button) -> Pair | None:
    """The match of a contract button, if the presser coaches or is coached in it."""
    pair = await pair_of_button(turn, button)
    return pair if pair is not None and pair.rows_of(turn.chat_id) else None


async def _item_target(turn: Turn, button: Button) -> tuple[Pair | None, ContractItemKey | None]:
    """The match and agreement of an item button, if that agreement is still open."""
    pair = await _pair_of_button(turn, button)
    key = button.args.get("k")
    if pair is None or key not in set(ContractItemKey):
        return None, None
    rows = open_rows(pair)
    making = any(pair.snap(r).step is Step.CONTRACT for r in rows)
    if not rows or (making and aggregate.agreed(pair.seats(rows), ContractItemKey(key))):
        return pair, None  # an agreement both made is not reopened by an old card
    return pair, ContractItemKey(key)


async def _show_current(turn: Turn, pair: Pair | None) -> None:
    """A card from earlier: say so and show the agreement that is open now."""
    await stale(turn)
    if pair is not None and open_rows(pair):
        await send_item_cards(turn, pair, [pair.member(turn.chat_id)])
