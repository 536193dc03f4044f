"""Students and the pairing pool: /pool to opt in explicitly, the profile dialogue, pause, leave."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from bot.handlers import practice_gate
from bot.handlers.pairing.common import (
    DAYS,
    PARTS,
    SLOTS,
    cohorts_with_role,
    date_text,
    done_with,
    int_arg,
    replace_buttons,
    slot_list,
)
from bot.handlers.pairing.notices import tell_coordinators_paused
from bot.handlers.safety import consent as age_consent
from bot.handlers.safety import pool_pledge
from bot.runtime.incoming import Incoming
from bot.runtime.router import Router
from bot.runtime.turn import Choice, Turn
from flows.onboarding import LANGUAGES, Role
from flows.pairing import Wants
from storage import cohorts, matches, pairing, timers
from storage.models import Button
from storage.pairing_models import PoolEntry, PoolStatus

PAUSE_DAYS = (7, 14, 28)
PAUSE_OVER = "pairing_pause_over"
MAX_LINE = 200
# A profile question left unanswered this long no longer takes the next text as its answer.
ANSWER_WITHIN = timedelta(hours=1)


def register(router: Router) -> None:
    """Wire /pool and every step of the profile dialogue."""
    router.command("pool", pool_command)
    router.action("pl_cohort", pool_for_cohort)
    router.action("pl_join", join)
    router.action("pl_notnow", not_now)
    router.action("pl_wants", choose_wants)
    router.action("pl_slot", toggle_slot)
    router.action("pl_slotsok", slots_done)
    router.action("pl_lang", choose_language)
    router.action("pl_skip", skip_question)
    router.action("pl_edit", edit_profile)
    router.action("pl_pause", ask_pause)
    router.action("pl_pauseto", pause_until)
    router.action("pl_resume", resume)
    router.action("pl_leave", ask_leave)
    router.action("pl_leaveok", leave)
    router.action("pl_stay", stay)
    router.on_text(profile_text, waits=pairing.AWAITS_PROFILE_TEXT)


async def pool_command(turn: Turn, incoming: Incoming) -> None:
    """/pool: join the pairing pool of your cohort, or see and change your place in it."""
    mine = await cohorts_with_role(turn, Role.STUDENT)
    if not mine:
        await turn.say("pairing.students_only")
    elif len(mine) == 1:
        await show_pool(turn, mine[0].cohort_id, mine[0].cohort_name)
    else:
        rows = [[Choice(m.cohort_name, "pl_cohort", {"c": m.cohort_id})] for m in mine]
        await turn.say("pairing.pick_cohort", choices=rows)


async def pool_for_cohort(turn: Turn, incoming: Incoming, button: Button) -> None:
    """The cohort picked from /pool, checked again."""
    cohort_id = int_arg(button.args, "c")
    mine = {m.cohort_id: m.cohort_name for m in await cohorts_with_role(turn, Role.STUDENT)}
    if cohort_id not in mine:
        await turn.answer("fallback.stale_button", alert=True)
        return
    await done_with(turn, incoming.message_id)
    await show_pool(turn, cohort_id, mine[cohort_id])


async def show_pool(turn: Turn, cohort_id: int, cohort_name: str) -> None:
    """The invitation to join, or the person's profile with what they can change."""
    entry = await pairing.pool_entry(turn.session, cohort_id=cohort_id, user_id=turn.person.id)
    if entry is None or entry.status is PoolStatus.LEFT:
        await turn.say(
            "pairing.invite",
            cohort=cohort_name,
            choices=[
                [turn.choice("pairing.btn_join", "pl_join", c=cohort_id)],
                [turn.choice("pairing.btn_not_now", "pl_notnow")],
            ],
        )
        return
    await turn.use_cohort_time(cohort_id)
    await show_profile(turn, entry, cohort_name)


async def show_profile(turn: Turn, entry: PoolEntry, cohort_name: str) -> None:
    """The profile card with buttons to edit it, pause or resume, and leave."""
    paused = pairing.is_paused(entry, turn.now)
    status = (
        turn.text("pairing.status_paused", date=date_text(turn, entry.paused_until))
        if paused and entry.paused_until is not None
        else turn.text("pairing.status_active")
    )
    pause = (
        turn.choice("pairing.btn_resume", "pl_resume", e=entry.id)
        if paused
        else turn.choice("pairing.btn_pause", "pl_pause", e=entry.id)
    )
    await turn.say(
        "pairing.profile",
        cohort=cohort_name,
        status=status,
        wants=turn.text(f"pairing.wants_{entry.wants.value}"),
        slots=slot_list(turn, entry.availability),
        coach_language=turn.text(f"language.button_{entry.language}"),
        about=entry.about or turn.text("pairing.none_given"),
        interests=entry.interests or turn.text("pairing.none_given"),
        choices=[
            [turn.choice("pairing.btn_edit", "pl_edit", e=entry.id), pause],
            [turn.choice("pairing.btn_leave_pool", "pl_leave", e=entry.id)],
        ],
    )


async def own_active_entry(turn: Turn, button: Button) -> PoolEntry | None:
    """The active pool entry a button is about, when it belongs to the person pressing;
    otherwise the button is answered as stale."""
    entry_id = int_arg(button.args, "e")
    entry = await pairing.entry_by_id(turn.session, entry_id=entry_id) if entry_id else None
    if (
        entry is None
        or turn.user is None
        or entry.user_id != turn.user.id
        or entry.status is not PoolStatus.ACTIVE
    ):
        await turn.answer("fallback.stale_button", alert=True)
        return None
    await turn.use_cohort_time(entry.cohort_id)  # pause dates in the cohort's own zone
    return entry


async def _own_entry(turn: Turn, incoming: Incoming, button: Button) -> PoolEntry | None:
    """own_active_entry, with the buttons taken off the card that was pressed."""
    entry = await own_active_entry(turn, button)
    if entry is not None:
        await done_with(turn, incoming.message_id)
    return entry


async def _cohort_name(turn: Turn, entry: PoolEntry) -> str:
    cohort = await cohorts.cohort_by_id(turn.session, cohort_id=entry.cohort_id)
    return cohort.name if cohort else ""


# --- Joining and the profile dialogue ---------------------------------------------------------


async def join(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Opting in, explicitly: then a short profile, one question at a time."""
    cohort_id = int_arg(button.args, "c")
    mine = {m.cohort_id: m.cohort_name for m in await cohorts_with_role(turn, Role.STUDENT)}
    if cohort_id not in mine or turn.user is None:
        await turn.answer("fallback.stale_button", alert=True)
        return
    await enter(turn, cohort_id, mine[cohort_id], incoming.message_id)


async def enter(turn: Turn, cohort_id: int, name: str, message_id: int | None) -> None:
    """Into the pool once every check allows it (also right after the pledge was made)."""
    current = await pairing.pool_entry(turn.session, cohort_id=cohort_id, user_id=turn.person.id)
    if current is not None and current.status is PoolStatus.ACTIVE:
        await done_with(turn, message_id)
        await show_profile(turn, current, name)  # an older invitation, pressed again
        return
    if not await practice_gate.may_join(turn, cohort_id):  # the class practises first
        return
    if not await age_consent.may_join_pool(turn, cohort_id):  # a young student's consent first
        return
    if not await pool_pledge.may_join_pool(turn, cohort_id):  # the pledge before any pairing
        await done_with(turn, message_id)  # its card is the way on: no second one from here
        return
    await done_with(turn, message_id)
    entry = await pairing.join_pool(
        turn.session,
        cohort_id=cohort_id,
        user_id=turn.person.id,
        language=turn.language,
        now=turn.now,
    )
    await turn.say("pairing.joined", cohort=name)
    await ask_wants(turn, entry)


async def not_now(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Not joining (yet)."""
    await done_with(turn, incoming.message_id)
    await turn.say("pairing.not_now")


async def edit_profile(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Go through the profile questions again."""
    entry = await _own_entry(turn, incoming, button)
    if entry is not None:
        await ask_wants(turn, entry)


async def ask_wants(turn: Turn, entry: PoolEntry) -> None:
    """Coach, be coached, or both."""
    await turn.say(
        "pairing.ask_wants",
        choices=[
            [turn.choice(f"pairing.btn_wants_{w.value}", "pl_wants", e=entry.id, w=w.value)]
            for w in (Wants.BOTH, Wants.COACH, Wants.BE_COACHED)
        ],
    )


async def choose_wants(turn: Turn, incoming: Incoming, button: Button) -> None:
    """The wish chosen; next: when they are available."""
    entry = await _own_entry(turn, incoming, button)
    if entry is None:
        return
    if button.args.get("w") in {w.value for w in Wants}:
        entry.wants, entry.updated_at = Wants(button.args["w"]), turn.now
    await turn.say("pairing.ask_slots", choices=slot_buttons(turn, entry))


def slot_buttons(turn: Turn, entry: PoolEntry) -> list[list[Choice]]:
    """A toggle per weekday part, a row per day, and a button to go on."""
    rows = []
    for day in DAYS:
        row = []
        for part in PARTS:
            slot = f"{day}-{part}"
            mark = "✅ " if slot in entry.availability else ""
            label = turn.plain(
                "pairing.slot_button",
                day=turn.plain(f"pairing.day_{day}"),
                part=turn.plain(f"pairing.part_{part}"),
            )
            row.append(Choice(f"{mark}{label}", "pl_slot", {"e": entry.id, "s": slot}))
        rows.append(row)
    rows.append([turn.choice("pairing.btn_slots_done", "pl_slotsok", e=entry.id)])
    return rows


async def toggle_slot(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Tick or untick one weekday part; the buttons change in place."""
    entry = await own_active_entry(turn, button)
    if entry is None:
        return
    slot = button.args.get("s")
    if slot not in SLOTS:
        await turn.answer("fallback.stale_button", alert=True)
        return
    chosen = set(entry.availability)
    chosen ^= {slot}
    # A new list, so the JSON column notices the change.
    entry.availability, entry.updated_at = sorted(chosen), turn.now
    await replace_buttons(turn, incoming.message_id, slot_buttons(turn, entry))


async def slots_done(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Availability done; next: the language they prefer to coach in."""
    entry = await _own_entry(turn, incoming, button)
    if entry is None:
        return
    await turn.say(
        "pairing.ask_language",
        choices=[
            [
                turn.choice(f"language.button_{lang}", "pl_lang", e=entry.id, l=lang)
                for lang in LANGUAGES
            ]
        ],
    )


async def choose_language(turn: Turn, incoming: Incoming, button: Button) -> None:
    """The coaching language chosen; next: a line about themselves, in their own words."""
    entry = await _own_entry(turn, incoming, button)
    if entry is None:
        return
    if button.args.get("l") in LANGUAGES:
        entry.language = str(button.args["l"])
    await _ask_text(turn, entry, "about")


async def _ask_text(turn: Turn, entry: PoolEntry, field: str) -> None:
    entry.awaiting, entry.awaiting_since = field, turn.now
    await turn.say(
        f"pairing.ask_{field}",
        choices=[[turn.choice("pairing.btn_skip", "pl_skip", e=entry.id, f=field)]],
    )


async def profile_text(turn: Turn, incoming: Incoming) -> bool:
    """The answer to "a line about you" or "your interests", while that question is open."""
    if turn.user is None:
        return False
    entry = await pairing.awaiting_entry(turn.session, user_id=turn.user.id)
    if entry is None or entry.awaiting not in ("about", "interests"):
        return False
    if entry.awaiting_since is None or turn.now - entry.awaiting_since > ANSWER_WITHIN:
        entry.awaiting = entry.awaiting_since = None
        return False
    text = " ".join(incoming.text.split())
    if len(text) > MAX_LINE:
        await turn.say("pairing.too_long", limit=MAX_LINE)
        return True
    field = entry.awaiting
    setattr(entry, field, text or None)
    await _after_text(turn, entry, field)
    return True


async def skip_question(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Skipping the line about themselves or the interests is fine, while that question is the
    open one: the skip of a question answered (or of a finished profile) opens nothing again."""
    entry = await own_active_entry(turn, button)
    field = button.args.get("f")
    if entry is None:
        return
    if field not in ("about", "interests") or entry.awaiting != field:
        await turn.answer("fallback.stale_button", alert=True)
        await done_with(turn, incoming.message_id)
        return
    await done_with(turn, incoming.message_id)
    await _after_text(turn, entry, field)


async def _after_text(turn: Turn, entry: PoolEntry, field: str) -> None:
    entry.awaiting = entry.awaiting_since = None
    entry.updated_at = turn.now
    if field == "about":
        await _ask_text(turn, entry, "interests")
        return
    await turn.say("pairing.profile_done")
    await show_profile(turn, entry, await _cohort_name(turn, entry))


async def cancel_profile(turn: Turn) -> bool:
    """/cancel during the profile questions: stop asking; what was answered stays."""
    if turn.user is None:
        return False
    entry = await pairing.awaiting_entry(turn.session, user_id=turn.user.id)
    if entry is None:
        return False
    entry.awaiting = entry.awaiting_since = None
    return True


# --- Pausing and leaving ----------------------------------------------------------------------


async def ask_pause(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Pause until a date, chosen with buttons."""
    entry = await _own_entry(turn, incoming, button)
    if entry is not None:
        await offer_pause(turn, entry)


async def offer_pause(
    turn: Turn,
    entry: PoolEntry,
    *,
    key: str = "pairing.ask_pause",
    kind_rows: list[list[Choice]] | None = None,
    chat_id: int | None = None,
) -> None:
    """The pause question with a button per end date. Asked kindly after a silence, `kind_rows`
    take the place of "never mind", and a pause chosen there reaches the coordinators."""
    await turn.use_cohort_time(entry.cohort_id)
    mark = {"o": 1} if kind_rows is not None else {}
    rows = [
        [
            Choice(
                turn.plain(
                    "pairing.btn_pause_until",
                    date=date_text(turn, turn.now + timedelta(days=days)),
                    weeks=days // 7,
                ),
                "pl_pauseto",
                {"e": entry.id, "d": days, **mark},
            )
        ]
        for days in PAUSE_DAYS
    ]
    if kind_rows is None:
        rows.append([turn.choice("pairing.btn_no_pause", "pl_stay")])
    else:
        rows.extend(kind_rows)
    await turn.say(key, choices=rows, chat_id=chat_id)


async def pause_until(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Pause: no partner in new rounds until the date; a timer says when it is over."""
    entry = await _own_entry(turn, incoming, button)
    days = int_arg(button.args, "d")
    if entry is None or days not in PAUSE_DAYS:
        return
    until = turn.now + timedelta(days=days)
    entry.paused_until, entry.updated_at = until, turn.now
    await timers.schedule(
        turn.session,
        conversation=f"user:{entry.user_id}",
        kind=PAUSE_OVER,
        due_at=until,
        payload={"e": entry.id},
        name=f"pairing-pause-{entry.id}",
    )
    matched = await matches.active_match_of(turn.session, user_id=entry.user_id)
    await turn.say(
        "pairing.paused_matched" if matched else "pairing.paused", date=date_text(turn, until)
    )
    await on_paused(turn, entry, button.args)


async def on_paused(turn: Turn, entry: PoolEntry, args: dict[str, Any]) -> None:
    """After a pause that answered the coordinator's kind question, they hear of it."""
    if args.get("o"):
        await tell_coordinators_paused(turn, entry)


async def resume(turn: Turn, incoming: Incoming, button: Button) -> None:
    """End a pause early."""
    entry = await _own_entry(turn, incoming, button)
    if entry is None:
        return
    entry.paused_until, entry.updated_at = None, turn.now
    await timers.cancel(turn.session, name=f"pairing-pause-{entry.id}")
    await turn.say("pairing.resumed")


async def ask_leave(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Leaving the pool, after a check."""
    entry = await _own_entry(turn, incoming, button)
    if entry is None:
        return
    await turn.say(
        "pairing.ask_leave",
        choices=[
            [turn.choice("pairing.btn_leave_yes", "pl_leaveok", e=entry.id)],
            [turn.choice("pairing.btn_leave_no", "pl_stay")],
        ],
    )


async def leave(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Out of the pool: no new partners; a match under way goes on (/leave ends that)."""
    entry = await _own_entry(turn, incoming, button)
    if entry is None:
        return
    await pairing.leave_pool(turn.session, entry=entry, now=turn.now)
    await timers.cancel(turn.session, name=f"pairing-pause-{entry.id}")
    matched = await matches.active_match_of(turn.session, user_id=entry.user_id)
    await turn.say("pairing.left_matched" if matched else "pairing.left_pool")


async def stay(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Nothing changes."""
    await done_with(turn, incoming.message_id)
    await turn.say("pairing.nothing_changed")
