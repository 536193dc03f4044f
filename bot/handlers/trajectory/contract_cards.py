"""The contract's cards: the open agreement, the whole contract, the revisit; and which
trajectories the agreements are made in."""

from __future__ import annotations

from bot.handlers.safety import pledge_line, pledge_status
from bot.handlers.trajectory.core import (
    Member,
    Pair,
    scripts_for,
    tell,
    tell_text,
)
from bot.i18n import Html
from bot.runtime.turn import Choice, Turn
from flows.scripts import Scripts
from flows.trajectory import ContractItemKey, Step, Wording, revisit_due
from flows.trajectory import pair as aggregate
from flows.trajectory.model import ItemVersion
from flows.trajectory.pair import KEYS, contract_open
from storage.trajectory_models import TrajectoryRow

# --- Which trajectories the agreements are made in --------------------------------------------


def open_rows(pair: Pair) -> list[TrajectoryRow]:
    """Trajectories whose contract is being made, or else revisited half-way."""
    return [row for row in pair.rows if row.id in {s.ref for s in contract_open(pair.seats())}]


def current_key(pair: Pair, rows: list[TrajectoryRow]) -> ContractItemKey | None:
    """The first agreement that is not yet the same and confirmed in every trajectory."""
    return aggregate.current_key(pair.seats(rows))


# --- Cards ----------------------------------------------------------------------------------


async def start_contract(turn: Turn, pair: Pair) -> None:
    """Explain the contract step to everyone and show the first agreement."""
    for member in pair.members:
        scripts = await scripts_for(turn, pair, member.language)
        await tell(turn, member, "trajectory.contract_intro", intro=scripts.contract.coachee_intro)
    await send_item_cards(turn, pair, pair.members)


async def send_item_cards(
    turn: Turn, pair: Pair, members: list[Member], *, whole: bool = True
) -> None:
    """The open contract's card to each of these members: while it is being made the whole
    contract on one card, at the revisit the agreement that is open."""
    rows = open_rows(pair)
    if whole and aggregate.making(pair.seats(rows)):
        for member in members:
            await send_open_contract(turn, pair, member)
        return
    key = current_key(pair, rows)
    if key is None:
        return
    for member in members:
        await send_item_card(turn, pair, rows, key, member)


async def send_open_contract(turn: Turn, pair: Pair, member: Member) -> bool:
    """The open agreement's card, or the contract to accept; False when neither is open."""
    rows = open_rows(pair)
    key = current_key(pair, rows) if rows else None
    if key is not None and aggregate.making(pair.seats(rows)):
        await send_whole_card(turn, pair, rows, member)
        return True
    if key is not None:
        await send_item_card(turn, pair, rows, key, member)
        return True
    if any(pair.snap(r).step is Step.CONTRACT for r in pair.live_rows()):
        await send_summary(turn, pair, member, buttons="accept")
        return True
    return False


async def defaults(turn: Turn, pair: Pair, language: str) -> dict[ContractItemKey, Wording]:
    """The cohort's default agreements: the first suggestion of each (read in this language)."""
    items = (await scripts_for(turn, pair, language)).contract.items
    return {key: Wording(items[key].suggestions[0], 0, True) for key in KEYS}


def shown(scripts: Scripts, key: ContractItemKey, wording: Wording | ItemVersion) -> str:
    """An agreement as this reader reads it: a suggestion in their script's language, own
    words as they were typed."""
    return scripts.contract.items[key].read(wording)


def suggestion_of(scripts: Scripts, key: ContractItemKey, text: str) -> Wording:
    """Typed words, or the suggestion they spell out (so it reads in every language)."""
    for number, suggestion in enumerate(scripts.contract.items[key].suggestions):
        if " ".join(text.casefold().split()) == " ".join(suggestion.casefold().split()):
            return Wording(suggestion, number)
    return Wording(text)


async def send_whole_card(
    turn: Turn, pair: Pair, rows: list[TrajectoryRow], member: Member
) -> None:
    """Every agreement on one card, as on the table or else the cohort's default, with
    "agree to all" and "change one"."""
    seats = pair.seats(rows)
    scripts = await scripts_for(turn, pair, member.language)
    args = {"m": pair.match.id}
    with turn.speaking(member.language):
        lines = [_whole_line(turn, pair, rows, key, member.id, scripts) for key in KEYS]
        others = [m.name for m in pair.others(member.id) if aggregate.accepted_by(seats, m.id)]
        done = aggregate.accepted_by(seats, member.id)
        text = turn.text(
            "trajectory.contract_whole", lines=Html("\n".join(lines)), people=len(pair.members)
        )
        if done:
            text += "\n\n" + turn.text("trajectory.contract_whole_you_agreed")
        elif others:
            names = " & ".join(others)  # as the opening lists names
            text += "\n\n" + turn.text(
                "trajectory.contract_whole_others_agreed", names=names, count=len(others)
            )
        choices = [] if done else [[turn.choice("trajectory.btn_agree_all", "tr_call", **args)]]
        choices.append([turn.choice("trajectory.btn_change_one", "tr_cadjust", **args)])
        await turn.send_text(text, chat_id=member.id, choices=choices)


def _whole_line(
    turn: Turn,
    pair: Pair,
    rows: list[TrajectoryRow],
    key: ContractItemKey,
    user_id: int,
    scripts: Scripts,
) -> str:
    """One agreement on the whole card: agreed, proposed by someone, or the default (also
    when a partner already agreed to it: the default is nobody's idea)."""
    seats = pair.seats(rows)
    label = turn.text(f"trajectory.item_{key.value}")
    on_table = aggregate.latest_version(seats, key)
    if on_table is None:
        default = scripts.contract.items[key].suggestions[0]
        return turn.text("trajectory.contract_line", mark="▫️", label=label, value=default)
    version, author = on_table
    value = shown(scripts, key, version)
    if aggregate.agreed(seats, key):
        return turn.text("trajectory.contract_line", mark="✅", label=label, value=value)
    if aggregate.has_confirmed(seats, key, user_id):
        return turn.text("trajectory.contract_line", mark="✔️", label=label, value=value)
    if version.default:
        return turn.text("trajectory.contract_line", mark="▫️", label=label, value=value)
    return turn.text(
        "trajectory.contract_whole_proposed", label=label, value=value, name=pair.name(author)
    )


async def send_item_card(
    turn: Turn, pair: Pair, rows: list[TrajectoryRow], key: ContractItemKey, member: Member
) -> None:
    """One agreement's card: the question, what is on the table, suggestions, own words."""
    scripts = await scripts_for(turn, pair, member.language)
    item = scripts.contract.items[key]
    latest = aggregate.latest_version(pair.seats(rows), key)
    confirmed = aggregate.has_confirmed(pair.seats(rows), key, member.id)
    args = {"m": pair.match.id, "k": key.value}
    with turn.speaking(member.language):
        text = turn.text(
            "trajectory.contract_item",
            number=KEYS.index(key) + 1,
            count=len(KEYS),
            question=item.question,
        )
        rows_: list[list[Choice]] = []
        value = None if latest is None else shown(scripts, key, latest[0])
        if latest is not None and confirmed:
            text += "\n\n" + turn.text("trajectory.contract_you_chose", value=value)
        elif latest is not None:
            proposed = "default_agreed" if latest[0].default else "proposed"
            text += "\n\n" + turn.text(
                f"trajectory.contract_{proposed}", name=pair.name(latest[1]), value=value
            )
            rows_.append([Choice(scripts.contract.agree, "tr_cagree", args)])
        on_table = None if latest is None else latest[0].option
        rows_.extend(
            [Choice(s, "tr_csug", {**args, "i": i})]
            for i, s in enumerate(item.suggestions)
            if i != on_table  # what is on the table already has its own button
        )
        rows_.append([Choice(scripts.contract.own_answer, "tr_cown", args)])
        await turn.send_text(text, chat_id=member.id, choices=rows_)


def summary(turn: Turn, pair: Pair, row: TrajectoryRow, scripts: Scripts) -> str:
    """The agreements of one trajectory as a list, agreed ones ticked (in the turn's language,
    suggestions from `scripts` in the same language)."""
    contract = pair.snap(row).contract
    lines = []
    for key in KEYS:
        item = contract.item(key)
        label = turn.text(f"trajectory.item_{key.value}")
        if item is None:
            lines.append(turn.text("trajectory.contract_line_open", label=label))
        else:
            mark = "✅" if item.agreed else "⏳"
            value = shown(scripts, key, item.current)
            lines.append(turn.text("trajectory.contract_line", mark=mark, label=label, value=value))
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

    pledged = await pledge_status(turn, pair)  # issue 13: who made the pledge

    def render() -> str:
        head = turn.text(f"trajectory.contract_head{'_' + buttons if buttons else ''}")
        return f"{head}\n\n{summary(turn, pair, row, scripts)}{pledge_line(turn, pledged)}"

    await tell_text(turn, member, render, choices=choices if buttons else None)


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
