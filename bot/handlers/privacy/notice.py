"""/privacy: the notice at any time, downloading one's data, and erasing it on request."""

from __future__ import annotations

from bot.handlers.onboarding import show_consent_question
from bot.handlers.privacy.erase import erase_person
from bot.handlers.privacy.export import send_export
from bot.runtime.incoming import Incoming
from bot.runtime.router import Router
from bot.runtime.turn import Turn
from flows.onboarding import Onboarding, privacy_notice_key
from storage import cohorts
from storage.models import Button


def register(router: Router) -> None:
    """Wire /privacy and its download and erase buttons."""
    router.command("privacy", privacy_command, before_joining=True)
    router.action("forget", ask_to_forget)
    # Downloading again is harmless, and the erase button beside it must stay usable.
    router.action("export", download, once=False)
    router.action("forget_yes", forget)
    router.action("forget_no", keep)


async def privacy_command(turn: Turn, incoming: Incoming) -> None:
    """Show the notice; with the consent question while joining, with erase once joined."""
    user = turn.user
    if user is None:
        await turn.say("privacy.notice")
    elif user.onboarding is Onboarding.PRIVACY:
        await show_consent_question(turn)
    elif user.onboarding is Onboarding.DONE:
        choices = [
            [turn.choice("export.button", "export")],
            [turn.choice("privacy.forget", "forget")],
        ]
        memberships = await cohorts.memberships_of(turn.session, user_id=user.id)
        notice = privacy_notice_key(m.role for m in memberships)  # staff get their own
        await turn.say(notice, choices=choices)
    else:
        await turn.say("privacy.notice")


async def download(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Send the person everything kept about them, also while a room or match runs."""
    await turn.answer()
    await send_export(turn, turn.chat_id)


async def ask_to_forget(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Ask for confirmation before erasing everything."""
    if incoming.message_id:
        await turn.clear_buttons(incoming.message_id)
    await turn.say(
        "privacy.forget_confirm",
        choices=[
            [
                turn.choice("privacy.forget_yes", "forget_yes"),
                turn.choice("privacy.forget_no", "forget_no"),
            ]
        ],
    )


async def forget(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Erase everything about the person; what runs with others ends kindly first."""
    await turn.answer()  # now, so that nothing is queued for them after the erasure
    if incoming.message_id:
        await turn.clear_buttons(incoming.message_id)
    await turn.say("privacy.forgotten")
    await erase_person(turn, turn.chat_id)
    turn.user = None


async def keep(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Change nothing."""
    if incoming.message_id:
        await turn.clear_buttons(incoming.message_id)
    await turn.say("privacy.kept")
