"""/help per role, /settings for the language, and /cancel."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Final, Literal

from bot.handlers.safety import consent as age_consent
from bot.handlers.safety.route import help_addition
from bot.runtime.incoming import Incoming
from bot.runtime.router import Router
from bot.runtime.turn import Choice, Turn
from flows.onboarding import LANGUAGES, Onboarding, Role
from storage import cohorts, people

# Features that keep half-finished input register here; each returns True if it cancelled
# (then /cancel says so), or TOLD if it cancelled and said so itself (how to come back, say).
TOLD: Final = "told"
Canceller = Callable[[Turn], Awaitable[bool | Literal["told"]]]
ROLE_RANK = (Role.COORDINATOR, Role.TEACHER, Role.CONFIDANT, Role.STUDENT)


def register(router: Router, cancellers: list[Canceller], notes: list[Canceller]) -> None:
    """Wire /help, /settings and /cancel; `notes` explain what /cancel does not stop."""

    async def cancel(turn: Turn, incoming: Incoming) -> None:
        await cancel_anything(turn, cancellers, notes)

    router.command("help", help_command, before_joining=True)
    router.command("settings", settings_command, before_joining=True)
    router.command("cancel", cancel, before_joining=True)


async def help_command(turn: Turn, incoming: Incoming) -> None:
    """/help: what this person can do, by their highest role."""
    await show_help(turn)


async def show_help(turn: Turn) -> None:
    """Show the help that fits the person's role (or a newcomer's help)."""
    user = turn.user
    if await age_consent.waiting_note(turn):  # a young student waiting for a parent
        return
    if user is None or not turn.joined:
        await turn.say("help.newcomer")
        return
    memberships = await cohorts.memberships_of(turn.session, user_id=user.id)
    if not memberships:
        await turn.say("help.newcomer")
        return
    top = next(role for role in ROLE_RANK if any(m.role is role for m in memberships))
    listed = ", ".join(
        f"{m.cohort_name} ({turn.text(f'role.{m.role.value}')})" for m in memberships
    )
    # Teachers add the bot to their class group with this link (other roles ignore it).
    startgroup = f"https://t.me/{turn.services.bot_username}?startgroup=room"
    text = turn.text(f"help.{top.value}", cohorts=listed, startgroup=startgroup)
    # The worry route and the cohort's confidant (issue 13), or a coordinator's missing one.
    extra, choices = await help_addition(turn, top)
    await turn.send_text(f"{text}\n\n{extra}" if extra else text, choices=choices or None)


async def settings_command(turn: Turn, incoming: Incoming) -> None:
    """/settings: switch language with a button."""
    if turn.user is None:
        await turn.say("fallback.not_joined")
        return
    await turn.say("settings.menu", choices=language_choices(turn))


def language_choices(turn: Turn, **made_for: str) -> list[list[Choice]]:
    """The two language buttons, the current language first (`s`: the joining stage they are
    made for, see language_card_holds)."""
    order = sorted(LANGUAGES, key=lambda lang: lang != turn.language)
    return [
        [turn.choice(f"language.button_{lang}", "lang", lang=lang, **made_for) for lang in order]
    ]


async def cancel_anything(
    turn: Turn, cancellers: list[Canceller], notes: list[Canceller] | None = None
) -> None:
    """/cancel: stop whatever is half done, keeping nothing half-captured."""
    user = turn.user
    if user is not None and user.onboarding is not Onboarding.DONE:
        # Joining was not finished: nothing about this person should stay behind.
        await people.forget_user(turn.session, user_id=user.id)
        turn.user = None
        await turn.say("cancel.done")
        return
    for canceller in cancellers:
        cancelled = await canceller(turn)
        if cancelled:
            if cancelled != TOLD:
                await turn.say("cancel.done")
            return
    # Something shared goes on without them (a breakout): say so rather than "nothing runs".
    for note in notes or ():
        if await note(turn):
            return
    await turn.say("cancel.nothing")
