"""Telegram's "/" menu per role and language, set through the outbox like any reply."""

from __future__ import annotations

import logging
from typing import Any

from telegram.error import TelegramError

from bot.i18n import LANGUAGES
from bot.runtime.turn import Turn
from bot.services import Services
from flows.menus import GROUP_ADMINS, menu_for
from storage import cohorts, outbox

log = logging.getLogger(__name__)


def _commands(services: Services, language: str, names: tuple[str, ...]) -> list[dict[str, str]]:
    # Command descriptions are plain text, like button labels.
    return [
        {"command": name, "description": services.texts.plain(language, f"commands.{name}")}
        for name in names
    ]


async def set_standard_menus(services: Services) -> None:
    """At start-up: the newcomers' menu in private chats, /room for group administrators.

    The default scope is emptied so that group members who are not administrators see no
    commands they cannot use; a person's own menu (set_person_menu) overrides the rest.
    """
    default = services.settings.default_language
    calls: list[tuple[str, dict[str, Any]]] = [("deleteMyCommands", {})]
    for language in (*LANGUAGES, None):
        spoken = {"language_code": language} if language else {}
        for scope, names in (
            ("all_private_chats", menu_for(())),
            ("all_chat_administrators", (*GROUP_ADMINS, "help")),
        ):
            commands = _commands(services, language or default, names)
            params = {"commands": commands, "scope": {"type": scope}, **spoken}
            calls.append(("setMyCommands", params))
    for method, params in calls:
        try:
            await services.bot.call(method, params)
        except TelegramError as error:
            log.warning("could not set the command menu (%s); continuing", error)


async def set_person_menu(turn: Turn) -> None:
    """The menu of the turn's person, for their roles and in their language (after a change)."""
    memberships = await cohorts.memberships_of(turn.session, user_id=turn.person.id)
    names = menu_for(m.role for m in memberships)
    payload = {
        "commands": _commands(turn.services, turn.language, names),
        "scope": {"type": "chat", "chat_id": turn.person.id},
    }
    await outbox.enqueue(
        turn.session, chat_id=turn.person.id, method="setMyCommands", payload=payload, now=turn.now
    )


async def forget_person_menu(turn: Turn, user_id: int) -> None:
    """After an erasure the person's chat shows the newcomers' menu again."""
    payload = {"scope": {"type": "chat", "chat_id": user_id}}
    await outbox.enqueue(
        turn.session, chat_id=user_id, method="deleteMyCommands", payload=payload, now=turn.now
    )
