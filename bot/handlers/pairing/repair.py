"""Re-pairing in one step: the coordinators' "re-pair now" button, /partner for a student whose
partner stopped responding, a student who let the bot's prompts pass, the kind pause question
for them, and a pause's end."""

from __future__ import annotations

from bot.handlers.pairing.common import (
    cohort_pressed,
    coordinates,
    date_text,
    done_with,
    int_arg,
    names_of,
)
from bot.handlers.pairing.notices import notify_repair_needed, to_coordinators
from bot.handlers.pairing.pool import PAUSE_OVER, offer_pause, own_active_entry
from bot.handlers.pairing.preview import start_repair
from bot.handlers.pairing.round import load_pool
from bot.handlers.trajectory import dissolve_match
from bot.handlers.trajectory.core import Pair, load_pair, pair_of
from bot.handlers.trajectory.schedule import QUIET, wait_for_morning
from bot.i18n import Html
from bot.runtime.handler_types import TimerHandler
from bot.runtime.incoming import Incoming
from bot.runtime.router import Router
from bot.runtime.turn import Turn
from flows.trajectory import Silence, mark_asked, should_ask
from storage import matches, pairing
from storage.models import Button
from storage.pairing_models import PoolStatus
from storage.timers import DueTimer


def register(router: Router) -> None:
    """Wire the re-pair button, /partner and the answers around a silent partner."""
    router.action("pr_repair", repair_pressed)
    router.command("partner", partner_command)
    router.action("pt_silent", partner_silent)
    router.action("pt_fine", partner_fine)
    router.action("pt_end", end_and_repair)
    # Talking to the student first changes nothing: the card's "end and re-pair" must still
    # work afterwards, and this button may be pressed again.
    router.action("pt_reach", reach_out_first, once=False)
    router.action("pt_want", want_new_partner)
    router.action("pt_here", still_here)


async def repair_pressed(turn: Turn, incoming: Incoming, button: Button) -> None:
    """From a notice: propose partners for just those people, for the coordinator to confirm."""
    cohort_id = await cohort_pressed(turn, incoming, button)
    if cohort_id is None:
        return
    view = await load_pool(turn.session, cohort_id=cohort_id, now=turn.now)
    asked = button.args.get("p")
    wanted = set(asked) if isinstance(asked, list) else set()
    await start_repair(turn, view, [uid for uid in view.waiting() if uid in wanted])


# --- "My partner stopped responding" ----------------------------------------------------------


async def partner_command(turn: Turn, incoming: Incoming) -> None:
    """/partner: something is up with your partner; tell the coordinator, confidentially."""
    match = await matches.active_match_of(turn.session, user_id=turn.person.id)
    if match is None:
        await turn.say("pairing.partner_none")
        return
    await turn.say(
        "pairing.partner_ask",
        choices=[
            [turn.choice("pairing.btn_partner_silent", "pt_silent", m=match.id)],
            [turn.choice("pairing.btn_partner_fine", "pt_fine")],
        ],
    )


async def partner_fine(turn: Turn, incoming: Incoming, button: Button) -> None:
    """False alarm."""
    await done_with(turn, incoming.message_id)
    await turn.say("pairing.partner_fine")


async def partner_silent(turn: Turn, incoming: Incoming, button: Button) -> None:
    """The coordinators hear who reported and who the partners are; the partners hear nothing."""
    match_id = int_arg(button.args, "m")
    match = await matches.lock_match(turn.session, match_id=match_id) if match_id else None
    members = await matches.members_of(turn.session, match_id=match.id) if match else []
    if match is None or match.status != "active" or turn.person.id not in members:
        await turn.answer("fallback.stale_button", alert=True)
        return
    await done_with(turn, incoming.message_id)
    reporter = turn.person.id
    contacts = await pairing.contacts(turn.session, user_ids=members)
    names = {uid: c.name for uid, c in contacts.items()}
    partners = [uid for uid in members if uid != reporter]
    args = {"m": match.id, "u": reporter}
    await turn.use_cohort_time(match.cohort_id)
    await to_coordinators(
        turn,
        match.cohort_id,
        lambda: turn.text(
            "pairing.silent_notice",
            name=names.get(reporter, "?"),
            partners=names_of(partners, names, turn),
            since=date_text(turn, match.created_at),
        ),
        lambda: [
            [turn.choice("pairing.btn_end_repair", "pt_end", **args)],
            [turn.choice("pairing.btn_reach_out", "pt_reach", **args)],
        ],
    )
    await turn.say("pairing.partner_reported")


async def reach_out_first(turn: Turn, incoming: Incoming, button: Button) -> None:
    """The coordinator first contacts the partner in person; the match goes on."""
    match_id = int_arg(button.args, "m")
    match = await matches.lock_match(turn.session, match_id=match_id) if match_id else None
    if match is None or await coordinates(turn, match.cohort_id) is None:
        await turn.answer("pairing.coordinators_only", alert=True)
        return
    # The buttons stay: ending the match later is still one tap away.
    await turn.answer("pairing.reach_out_ok", alert=True)


async def end_and_repair(turn: Turn, incoming: Incoming, button: Button) -> None:
    """End the match without blame, ask the silent members kindly whether they want a pause,
    and propose a new partner for the others. The silent ones are everyone but the reporter
    after /partner, or the one member the bot noticed (`s`) after unanswered prompts."""
    match_id, reporter, quiet = (int_arg(button.args, k) for k in ("m", "u", "s"))
    match = await matches.lock_match(turn.session, match_id=match_id) if match_id else None
    known = reporter is not None or quiet is not None
    if match is None or not known or await coordinates(turn, match.cohort_id) is None:
        await turn.answer("pairing.coordinators_only", alert=True)
        return
    await done_with(turn, incoming.message_id)
    if match.status != "active":
        await turn.say("pairing.match_already_ended")
        return
    members = await matches.members_of(turn.session, match_id=match.id)
    silent = [quiet] if quiet is not None else [uid for uid in members if uid != reporter]
    await dissolve_match(turn, match.id, "coordinator_ended")
    for uid in silent:
        await ask_kindly_about_pause(turn, match.cohort_id, uid)
    view = await load_pool(turn.session, cohort_id=match.cohort_id, now=turn.now)
    staying = [uid for uid in view.waiting() if uid in members and uid not in silent]
    await start_repair(turn, view, staying, keep_apart=silent)


async def ask_kindly_about_pause(
    turn: Turn, cohort_id: int, user_id: int, *, matched: bool = False
) -> bool:
    """Someone who did not respond for a while: a pause, or else (their match ended) a new
    partner or leaving the pool; while their match goes on, "I'm still here". False when they
    cannot be asked (not in the pool, or unreachable)."""
    entry = await pairing.pool_entry(turn.session, cohort_id=cohort_id, user_id=user_id)
    contact = (await pairing.contacts(turn.session, user_ids=[user_id])).get(user_id)
    if entry is None or entry.status is not PoolStatus.ACTIVE or contact is None:
        return False
    if contact.unreachable:
        return False
    with turn.speaking(contact.language):
        if matched:
            key = "pairing.quiet_offer"
            rows = [[turn.choice("pairing.btn_still_here", "pt_here", e=entry.id)]]
        else:
            key = "pairing.pause_offer"
            rows = [
                [turn.choice("pairing.btn_want_partner", "pt_want", e=entry.id)],
                [turn.choice("pairing.btn_leave_pool", "pl_leave", e=entry.id)],
            ]
        await offer_pause(turn, entry, key=key, kind_rows=rows, chat_id=user_id)
    return True


async def want_new_partner(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Rather a new partner than a pause: the coordinators can re-pair in one step."""
    entry = await own_active_entry(turn, button)
    if entry is None:
        return
    await done_with(turn, incoming.message_id)
    entry.paused_until = None
    await notify_repair_needed(turn, entry.cohort_id, [entry.user_id], "wants_partner")
    await turn.say("pairing.want_partner_ok")


# --- A student who lets the bot's prompts pass ---------------------------------------------


async def fire_quiet(turn: Turn, timer: DueTimer) -> None:
    """Several prompts in a row went unanswered, and a day more passed: ask the student kindly
    whether a pause would help (once per silence), and tell the coordinators, confidentially."""
    match_id, user_id = timer.payload.get("m"), timer.payload.get("u")
    pair = await load_pair(turn, match_id) if isinstance(match_id, int) else None
    if pair is None or not pair.active or user_id not in pair.member_ids:
        return
    silence = pair.silence(user_id)
    if not should_ask(silence) or await wait_for_morning(turn, timer):
        return
    pair.keep_silence(user_id, mark_asked(silence))
    asked = await ask_kindly_about_pause(turn, pair.match.cohort_id, user_id, matched=True)
    await _tell_coordinators_quiet(turn, pair, user_id, silence, asked=asked)


async def _tell_coordinators_quiet(
    turn: Turn, pair: Pair, user_id: int, silence: Silence, *, asked: bool
) -> None:
    """Who, how many prompts and since when; with the buttons of a reported silent partner."""
    name = pair.name(user_id)
    partners = [m.id for m in pair.others(user_id)]
    names = {m.id: m.name for m in pair.members}
    args = {"m": pair.match.id, "s": user_id}
    await to_coordinators(
        turn,
        pair.match.cohort_id,
        lambda: turn.text(
            "pairing.quiet_notice",
            name=name,
            count=silence.count,
            since=date_text(turn, silence.since or turn.now),
            partners=names_of(partners, names, turn),
            asked=Html(turn.text("pairing.quiet_asked", name=name)) if asked else "",
        ),
        lambda: [
            [turn.choice("pairing.btn_end_repair", "pt_end", **args)],
            [turn.choice("pairing.btn_reach_out", "pt_reach", **args)],
        ],
    )


async def still_here(turn: Turn, incoming: Incoming, button: Button) -> None:
    """The kind question answered with "I'm still here": no pause, and the coordinators hear
    that they need not step in."""
    entry = await own_active_entry(turn, button)
    if entry is None:
        return
    await done_with(turn, incoming.message_id)
    # Loading their own match as its member is what ends the silence (see load_pair).
    if await pair_of(turn) is None:
        await turn.say("pairing.nothing_changed")  # the match ended meanwhile
        return
    await turn.say("pairing.still_here_ok")
    contact = (await pairing.contacts(turn.session, user_ids=[entry.user_id])).get(entry.user_id)
    name = contact.name if contact else "?"
    await to_coordinators(
        turn, entry.cohort_id, lambda: turn.text("pairing.still_here_notice", name=name)
    )


# --- A pause comes to its end -----------------------------------------------------------------


async def fire_pause_over(turn: Turn, timer: DueTimer) -> None:
    """The pause is over: welcome back, and the coordinators may pair them without a new round."""
    entry_id = timer.payload.get("e")
    entry = await pairing.entry_by_id(turn.session, entry_id=entry_id) if entry_id else None
    if entry is None or entry.status is not PoolStatus.ACTIVE or entry.paused_until is None:
        return
    if entry.paused_until > turn.now:
        return  # paused again for longer: that timer will come
    entry.paused_until = None
    await turn.say("pairing.pause_over", chat_id=entry.user_id)
    if await matches.active_match_of(turn.session, user_id=entry.user_id) is not None:
        return
    if await pairing.has_confirmed_round(turn.session, cohort_id=entry.cohort_id):
        await notify_repair_needed(turn, entry.cohort_id, [entry.user_id], "pause_over")


def timer_handlers() -> dict[str, TimerHandler]:
    """A student quiet for a while, and the pause's end."""
    return {QUIET: fire_quiet, PAUSE_OVER: fire_pause_over}
