"""The contract: agreements proposed with buttons or own words, confirmed by both, revisited."""

from __future__ import annotations

from bot.handlers.trajectory_cards import send_home
from bot.handlers.trajectory_core import (
    Member,
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
    put,
    scripts_for,
    stale,
    tell,
    tell_text,
)
from bot.handlers.trajectory_schedule import send_plan_card
from bot.runtime.incoming import Incoming
from bot.runtime.router import Router
from bot.runtime.turn import Choice, Turn
from flows.trajectory import (
    CaptureError,
    ContractItemKey,
    Event,
    ItemVersion,
    Party,
    Step,
    Trajectory,
    confirm_revisit,
    fire,
    propose_item,
    revisit_due,
    same_wording,
)
from storage.models import Button
from storage.trajectory_models import AwaitedInput, TrajectoryRow

KEYS = tuple(ContractItemKey)


def register(router: Router) -> None:
    """Wire /contract and the contract buttons."""
    router.command("contract", contract_command)
    router.action("tr_csug", pick_suggestion)
    router.action("tr_cagree", agree)
    router.action("tr_cown", own_words)
    router.action("tr_caccept", accept)
    router.action("tr_cstill", still_works)
    router.action("tr_cadjust", choose_item_to_adjust)
    router.action("tr_cedit", adjust_item)
    input_kind("contract", on_text=typed_proposal)


# --- Which trajectories the agreements are made in --------------------------------------------


def open_rows(pair: Pair) -> list[TrajectoryRow]:
    """Trajectories whose contract is being made, or else revisited half-way."""
    making = [r for r in pair.live_rows() if pair.snap(r).step is Step.CONTRACT]
    return making or [r for r in pair.live_rows() if revisit_due(pair.snap(r))]


def current_key(pair: Pair, rows: list[TrajectoryRow]) -> ContractItemKey | None:
    """The first agreement that is not yet the same and confirmed in every trajectory."""
    return next((key for key in KEYS if not _agreed(pair, rows, key)), None)


def _agreed(pair: Pair, rows: list[TrajectoryRow], key: ContractItemKey) -> bool:
    items = [pair.snap(r).contract.item(key) for r in rows]
    if any(item is None or not item.agreed for item in items):
        return False
    return len({item.value for item in items if item is not None}) == 1


def _latest(pair: Pair, rows: list[TrajectoryRow], key: ContractItemKey) -> tuple[str, int] | None:
    """The wording most recently put on the table, and who proposed it."""
    found: list[tuple[ItemVersion, TrajectoryRow]] = []
    for row in rows:
        item = pair.snap(row).contract.item(key)
        if item is not None:
            found.append((item.versions[-1], row))
    if not found:
        return None
    newest = max(found, key=lambda entry: entry[0].at)[0].value
    # Agreeing adds the same words in a trajectory that lacked them; the author is who came first.
    version, row = min(
        (entry for entry in found if same_wording(entry[0].value, newest)), key=lambda e: e[0].at
    )
    author = row.coach_id if version.by is Party.COACH else row.coachee_id
    return newest, author


def _has_confirmed(pair: Pair, rows: list[TrajectoryRow], key: ContractItemKey, uid: int) -> bool:
    latest = _latest(pair, rows, key)
    if latest is None:
        return False
    for row in rows:
        party = pair.party(row, uid)
        item = pair.snap(row).contract.item(key)
        if party is None:
            continue
        if item is None or item.value != latest[0] or party not in item.confirmed_by:
            return False
    return True


# --- Cards ----------------------------------------------------------------------------------


async def start_contract(turn: Turn, pair: Pair) -> None:
    """Explain the contract step to everyone and show the first agreement."""
    for member in pair.members:
        scripts = await scripts_for(turn, pair, member.language)
        await tell(turn, member, "trajectory.contract_intro", intro=scripts.contract.coachee_intro)
    await send_item_cards(turn, pair, pair.members)


async def send_item_cards(turn: Turn, pair: Pair, members: list[Member]) -> None:
    """The current agreement's card to each of these members."""
    rows = open_rows(pair)
    key = current_key(pair, rows)
    if key is None:
        return
    for member in members:
        await _send_item_card(turn, pair, rows, key, member)


async def send_open_contract(turn: Turn, pair: Pair, member: Member) -> bool:
    """The open agreement's card, or the contract to accept; False when neither is open."""
    rows = open_rows(pair)
    key = current_key(pair, rows) if rows else None
    if key is not None:
        await _send_item_card(turn, pair, rows, key, member)
        return True
    if any(pair.snap(r).step is Step.CONTRACT for r in pair.live_rows()):
        await send_summary(turn, pair, member, buttons="accept")
        return True
    return False


async def _send_item_card(
    turn: Turn, pair: Pair, rows: list[TrajectoryRow], key: ContractItemKey, member: Member
) -> None:
    scripts = await scripts_for(turn, pair, member.language)
    item = scripts.contract.items[key]
    latest = _latest(pair, rows, key)
    confirmed = _has_confirmed(pair, rows, key, member.id)
    args = {"m": pair.match.id, "k": key.value}
    with turn.speaking(member.language):
        text = turn.text(
            "trajectory.contract_item",
            number=KEYS.index(key) + 1,
            count=len(KEYS),
            question=item.question,
        )
        rows_: list[list[Choice]] = []
        if latest is not None and confirmed:
            text += "\n\n" + turn.text("trajectory.contract_you_chose", value=latest[0])
        elif latest is not None:
            text += "\n\n" + turn.text(
                "trajectory.contract_proposed", name=pair.name(latest[1]), value=latest[0]
            )
            rows_.append([Choice(scripts.contract.agree, "tr_cagree", args)])
        rows_.extend(
            [Choice(s, "tr_csug", {**args, "i": i})] for i, s in enumerate(item.suggestions)
        )
        rows_.append([Choice(scripts.contract.own_answer, "tr_cown", args)])
        await turn.send_text(text, chat_id=member.id, choices=rows_)


def summary(turn: Turn, pair: Pair, row: TrajectoryRow) -> str:
    """The agreements of one trajectory as a list, agreed ones ticked (in the turn's language)."""
    contract = pair.snap(row).contract
    lines = []
    for key in KEYS:
        item = contract.item(key)
        label = turn.text(f"trajectory.item_{key.value}")
        if item is None:
            lines.append(turn.text("trajectory.contract_line_open", label=label))
        else:
            mark = "✅" if item.agreed else "⏳"
            lines.append(
                turn.text("trajectory.contract_line", mark=mark, label=label, value=item.value)
            )
    return "\n".join(lines)


async def send_summary(turn: Turn, pair: Pair, member: Member, *, buttons: str = "") -> None:
    """The whole contract to a member; with the accept or revisit buttons when asked."""
    row = (pair.rows_of(member.id) or pair.rows)[0]
    scripts = await scripts_for(turn, pair, member.language)
    args = {"m": pair.match.id}

    def choices() -> list[list[Choice]]:
        if buttons == "accept":
            return [[turn.choice("trajectory.btn_accept_contract", "tr_caccept", **args)]]
        if buttons == "revisit":
            if not _revisits(pair, member.id):
                return []  # an observer reads along; the coach and coachee decide
            return [
                [Choice(scripts.contract.still_works, "tr_cstill", args)],
                [turn.choice("trajectory.btn_adjust", "tr_cadjust", **args)],
            ]
        return []

    def render() -> str:
        head = turn.text(f"trajectory.contract_head{'_' + buttons if buttons else ''}")
        return f"{head}\n\n{summary(turn, pair, row)}"

    await tell_text(turn, member, render, choices=choices if buttons else None)


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
    await done_with(turn, incoming.message_id)
    await propose(turn, pair, key, suggestions[index])


async def agree(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Agree with the wording on the table."""
    pair, key = await _item_target(turn, button)
    latest = _latest(pair, open_rows(pair), key) if pair and key else None
    if pair is None or key is None or latest is None:
        await _show_current(turn, pair)
        return
    await done_with(turn, incoming.message_id)
    await propose(turn, pair, key, latest[0])


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
    try:
        await propose(turn, pair, ContractItemKey(key), text)
    except CaptureError as error:
        await turn.say(_refusal_key(error))
        return
    await forget_input(turn)


def _refusal_key(error: CaptureError) -> str:
    if "number" in error.detail or "conversations" in error.detail:
        return "trajectory.contract_needs_number"
    return "trajectory.contract_too_long"


async def propose(turn: Turn, pair: Pair, key: ContractItemKey, value: str) -> None:
    """Put a wording on the table in every trajectory where this person is a partner."""
    rows = open_rows(pair)
    before = _latest(pair, rows, key)
    agreeing = before is not None and before[1] != turn.chat_id and same_wording(before[0], value)
    updated: dict[int, Trajectory] = {}
    for row in rows:
        party = pair.party(row, turn.chat_id)
        if party is not None:
            updated[row.id] = propose_item(pair.snap(row), key, value, by=party, at=turn.now)
    for row in rows:
        if row.id in updated:
            put(turn, pair, row, updated[row.id])
    if _agreed(pair, rows, key):
        await _item_agreed(turn, pair, rows, key, value)
        return
    if agreeing:
        # Agreed with what was on the table: the others already hold a card showing it.
        await turn.say("trajectory.contract_waiting")
        return
    await turn.say("trajectory.contract_sent", value=value)
    await send_item_cards(turn, pair, pair.others(turn.chat_id))


async def _item_agreed(
    turn: Turn, pair: Pair, rows: list[TrajectoryRow], key: ContractItemKey, value: str
) -> None:
    for member in pair.members:
        with turn.speaking(member.language):
            label = turn.text(f"trajectory.item_{key.value}")
            await turn.say(
                "trajectory.contract_agreed", chat_id=member.id, label=label, value=value
            )
    if current_key(pair, rows) is not None:
        await send_item_cards(turn, pair, pair.members)
        return
    making = any(pair.snap(r).step is Step.CONTRACT for r in rows)
    for member in pair.members:
        await send_summary(turn, pair, member, buttons="accept" if making else "revisit")


async def accept(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Accept the whole contract; the step moves on once everyone did."""
    pair = await _pair_of_button(turn, button)
    rows = [r for r in pair.live_rows() if pair.snap(r).step is Step.CONTRACT] if pair else []
    if pair is None or not rows:
        await stale(turn)
        return
    await done_with(turn, incoming.message_id)
    for row in rows:
        party = pair.party(row, turn.chat_id)
        if party is not None:
            outcome = fire(pair.snap(row), Event.ACCEPT_CONTRACT, party, at=turn.now)
            if outcome.refused:
                await turn.say("trajectory.contract_not_ready")
                return
            put(turn, pair, row, outcome.trajectory)
    if any(pair.snap(r).step is Step.CONTRACT for r in rows):
        await turn.say("trajectory.contract_waiting")
        return
    await contract_accepted(turn, pair)


async def contract_accepted(turn: Turn, pair: Pair) -> None:
    """Everyone agreed: celebrate, show where they are and plan the next conversation."""
    for member in pair.members:
        await tell(turn, member, "trajectory.contract_done")
        await send_home(turn, pair, member)
        await send_plan_card(turn, pair, member)


# --- The half-way revisit ---------------------------------------------------------------------


def _revisits(pair: Pair, user_id: int) -> bool:
    """Whether this person is coach or coachee in a trajectory whose contract is revisited."""
    due = [r for r in pair.live_rows() if revisit_due(pair.snap(r))]
    return any(pair.party(row, user_id) is not None for row in due)


async def offer_revisit(turn: Turn, pair: Pair) -> bool:
    """Half of the agreed conversations took place: look at the agreements again."""
    if not any(revisit_due(pair.snap(r)) for r in pair.live_rows()):
        return False
    for member in pair.members:
        scripts = await scripts_for(turn, pair, member.language)
        await tell(turn, member, "trajectory.revisit_intro", intro=scripts.contract.revisit_intro)
        await send_summary(turn, pair, member, buttons="revisit")
    return True


async def still_works(turn: Turn, incoming: Incoming, button: Button) -> None:
    """The agreements still work for this person."""
    pair = await _pair_of_button(turn, button)
    rows = [r for r in pair.live_rows() if revisit_due(pair.snap(r))] if pair else []
    if pair is None or not rows or current_key(pair, rows) is not None:
        await stale(turn)
        return
    await done_with(turn, incoming.message_id)
    for row in rows:
        party = pair.party(row, turn.chat_id)
        if party is not None:
            put(turn, pair, row, confirm_revisit(pair.snap(row), by=party))
    if any(revisit_due(pair.snap(r)) for r in rows):
        await turn.say("trajectory.contract_waiting")
        return
    for member in pair.members:
        await tell(turn, member, "trajectory.revisit_done")


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
    await _send_item_card(turn, pair, rows, ContractItemKey(key), pair.member(turn.chat_id))


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
    if not rows or (making and _agreed(pair, rows, ContractItemKey(key))):
        return pair, None  # an agreement both made is not reopened by an old card
    return pair, ContractItemKey(key)


async def _show_current(turn: Turn, pair: Pair | None) -> None:
    """A card from earlier: say so and show the agreement that is open now."""
    await stale(turn)
    if pair is not None and open_rows(pair):
        await send_item_cards(turn, pair, [pair.member(turn.chat_id)])
