"""A coordinator gives their cohort its own coaching script: a TOML file sent as a document."""

from __future__ import annotations

import aiohttp
from telegram.error import TelegramError

from bot.handlers.trajectory.core import (
    arg_int,
    await_input,
    awaited,
    done_with,
    forget_input,
    input_kind,
    stale,
)
from bot.runtime.incoming import Incoming
from bot.runtime.router import Router
from bot.runtime.turn import Choice, Turn
from bot.settings import Settings
from flows.onboarding import LANGUAGES, Role
from flows.scripts import ScriptError, load_custom_script
from storage import cohorts, trajectories
from storage.models import Button
from storage.trajectory_models import AwaitedInput

MAX_SCRIPT_BYTES = 64_000  # the whole default script is about 25 kB
SHOWN_PROBLEMS = 8


def register(router: Router) -> None:
    """Wire /script, its buttons and the uploaded file."""
    router.command("script", script_command)
    router.action("tr_scohort", pick_cohort)
    router.action("tr_slang", pick_language)
    router.action("tr_sreset", reset_script)
    # Before the relay: a coordinator's file is a script, not a message for a partner.
    router.on_media(uploaded, waits=trajectories.AWAITS_INPUT, first=True)
    input_kind("script", reask=ask_for_file)


async def _coordinated(turn: Turn) -> dict[int, str]:
    mine = await cohorts.memberships_of(turn.session, user_id=turn.person.id, role=Role.COORDINATOR)
    return {m.cohort_id: m.cohort_name for m in mine}


async def script_command(turn: Turn, incoming: Incoming) -> None:
    """/script: choose the cohort (when several) and the language of the own script."""
    mine = await _coordinated(turn)
    if not mine:
        await turn.say("trajectory.script_not_allowed")
    elif len(mine) == 1:
        cohort_id, name = next(iter(mine.items()))
        await _ask_language(turn, cohort_id, name)
    else:
        rows = [[Choice(name, "tr_scohort", {"co": cid})] for cid, name in mine.items()]
        await turn.say("trajectory.script_pick_cohort", choices=rows)


async def pick_cohort(turn: Turn, incoming: Incoming, button: Button) -> None:
    """The cohort was picked (roles checked again: they may have changed)."""
    mine = await _coordinated(turn)
    cohort_id = arg_int(button, "co")
    if cohort_id not in mine:
        await stale(turn)
        return
    await done_with(turn, incoming.message_id)
    await _ask_language(turn, cohort_id, mine[cohort_id])


async def _ask_language(turn: Turn, cohort_id: int, name: str) -> None:
    rows = [
        [turn.choice(f"language.button_{lang}", "tr_slang", co=cohort_id, lang=lang)]
        for lang in LANGUAGES
    ]
    await turn.say("trajectory.script_language", cohort=name, choices=rows)


async def pick_language(turn: Turn, incoming: Incoming, button: Button) -> None:
    """The language was picked: wait for the file."""
    target = await _script_target(turn, incoming, button)
    if target is None:
        return
    mine, cohort_id, language = target
    await await_input(turn, "script", None, co=cohort_id, lang=language)
    own = await trajectories.get_script(turn.session, cohort_id=cohort_id, language=str(language))
    reset = [[turn.choice("trajectory.btn_script_reset", "tr_sreset", co=cohort_id, lang=language)]]
    await turn.say("trajectory.script_send", cohort=mine[cohort_id], choices=reset if own else None)


async def ask_for_file(turn: Turn, waiting: AwaitedInput) -> None:
    """Text arrived while a file is awaited."""
    await turn.say("trajectory.script_file_please")


async def reset_script(turn: Turn, incoming: Incoming, button: Button) -> None:
    """Back to the default script for this cohort and language."""
    target = await _script_target(turn, incoming, button)
    if target is None:
        return
    mine, cohort_id, language = target
    await forget_input(turn)
    await trajectories.delete_script(turn.session, cohort_id=cohort_id, language=str(language))
    await turn.say("trajectory.script_reset", cohort=mine[cohort_id])


async def uploaded(turn: Turn, incoming: Incoming) -> bool:
    """The awaited script file: checked line by line, stored when it is right."""
    waiting = await awaited(turn) if turn.user is not None else None
    if waiting is None or waiting.kind != "script":
        return False
    document = (incoming.raw or {}).get("document")
    if incoming.media != "document" or not document:
        await ask_for_file(turn, waiting)
        return True
    if int(document.get("file_size") or 0) > MAX_SCRIPT_BYTES:
        await turn.say("trajectory.script_too_big")
        return True
    text = await _download(turn, str(document.get("file_id", "")))
    if text is None:
        await turn.say("trajectory.script_unreadable")
        return True
    await _check_and_store(turn, waiting, text)
    return True


async def _check_and_store(turn: Turn, waiting: AwaitedInput, text: str) -> None:
    cohort_id, language = waiting.data.get("co"), str(waiting.data.get("lang"))
    if cohort_id not in await _coordinated(turn):
        await forget_input(turn)
        await turn.say("trajectory.script_not_allowed")
        return
    try:
        load_custom_script(text, language)
    except ScriptError as error:
        problems = "\n".join(str(p) for p in error.problems[:SHOWN_PROBLEMS])
        await turn.say("trajectory.script_invalid", problems=problems)
        return
    await trajectories.save_script(
        turn.session,
        cohort_id=cohort_id,
        language=language,
        text=text,
        uploaded_by=turn.chat_id,
        now=turn.now,
    )
    await forget_input(turn)
    await turn.say("trajectory.script_saved")


async def _download(turn: Turn, file_id: str) -> str | None:
    """Fetch a small document from Telegram's file server, as UTF-8 text."""
    try:
        info = await turn.services.bot.call("getFile", {"file_id": file_id})
        url = file_url(turn.services.settings, str(info["file_path"]))
        timeout = aiohttp.ClientTimeout(total=15)
        async with aiohttp.ClientSession(timeout=timeout) as http, http.get(url) as response:
            if response.status != 200:
                return None
            data = await response.content.read(MAX_SCRIPT_BYTES + 1)
        return data.decode("utf-8") if len(data) <= MAX_SCRIPT_BYTES else None
    except (TelegramError, aiohttp.ClientError, TimeoutError, UnicodeDecodeError, KeyError):
        return None


def file_url(settings: Settings, file_path: str) -> str:
    """Where a file is downloaded: Telegram's /file/bot<token>/ next to the API's /bot<token>/."""
    base = settings.telegram_api_base_url.rstrip("/")
    file_base = base[: -len("/bot")] + "/file/bot" if base.endswith("/bot") else base
    return f"{file_base}{settings.token()}/{file_path}"


async def _script_target(
    turn: Turn, incoming: Incoming, button: Button
) -> tuple[dict[int, str], int, str] | None:
    """The cohorts this coordinator runs, and the cohort and language a script button names."""
    mine = await _coordinated(turn)
    cohort_id, language = arg_int(button, "co"), button.args.get("lang")
    if cohort_id is None or cohort_id not in mine or language not in LANGUAGES:
        await stale(turn)
        return None
    await done_with(turn, incoming.message_id)
    return mine, cohort_id, str(language)
