"""Bot API methods around messages: identity, updates, webhooks, commands, chats and files."""

from __future__ import annotations

import re
from typing import Any

import aiohttp

from tgemulator.api_common import ApiBase
from tgemulator.models import PRIVATE, EmuChat, chat_member
from tgemulator.params import ApiError, Params, bad_request
from tgemulator.state import EmulatorState
from tgemulator.updates import WebhookPusher

WEBHOOK_CONFLICT = (
    "Conflict: can't use getUpdates method while webhook is active; "
    "use deleteWebhook to delete the webhook first"
)
CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
_COMMAND_NAME = re.compile(r"[a-z0-9_]{1,32}")
_SECRET_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,256}")
_PLAIN_SCOPES = ("default", "all_private_chats", "all_group_chats", "all_chat_administrators")
MAX_COMMANDS = 100


class ServiceMethods(ApiBase):
    """getMe, getUpdates, webhooks, commands, chat info, files, menu button, chat actions."""

    def __init__(self, world: EmulatorState) -> None:
        super().__init__(world)
        self.webhook: WebhookPusher | None = None
        self._session: aiohttp.ClientSession | None = None

    async def close(self) -> None:
        """Stop webhook delivery and release the HTTP client."""
        await self._stop_webhook()
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def get_me(self, params: Params) -> dict[str, Any]:
        """getMe: the bot's User object with the bot-only flags."""
        return {
            **self.world.bot_user.to_api(),
            "can_join_groups": True,
            "can_read_all_group_messages": not self.world.group_privacy,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    # --- updates -------------------------------------------------------------------------

    async def get_updates(self, params: Params) -> list[dict[str, Any]]:
        """getUpdates: confirm by offset, long-poll up to `timeout` seconds."""
        if self.webhook is not None:
            raise ApiError(409, WEBHOOK_CONFLICT)
        limit = min(max(params.opt_int("limit") or 100, 1), 100)
        timeout = max(params.number("timeout", 0.0), 0.0)
        self.world.updates.set_allowed(params.structured("allowed_updates"))
        return await self.world.updates.poll(params.opt_int("offset"), limit, timeout)

    async def set_webhook(self, params: Params) -> bool:
        """setWebhook: deliver pending and new updates by POST to the url."""
        url = params.opt_str("url") or ""
        if not url:
            return await self.delete_webhook(params)
        if not url.startswith(("http://", "https://")):
            raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        secret = params.opt_str("secret_token")
        if secret is not None and not _SECRET_TOKEN.fullmatch(secret):
            raise bad_request("bad webhook: secret token contains unallowed characters")
        await self._stop_webhook()
        if params.flag("drop_pending_updates"):
            self.world.updates.drop_all()
        self.world.updates.set_allowed(params.structured("allowed_updates"))
        if self._session is None:
            self._session = aiohttp.ClientSession()
        self.webhook = WebhookPusher(
            self.world.updates, self._session, url=url, secret_token=secret
        )
        self.webhook.start()
        self.world.updates.interrupt_polls()
        return True

    async def delete_webhook(self, params: Params) -> bool:
        """deleteWebhook: back to getUpdates, optionally dropping pending updates."""
        await self._stop_webhook()
        if params.flag("drop_pending_updates"):
            self.world.updates.drop_all()
        return True

    async def _stop_webhook(self) -> None:
        if self.webhook is not None:
            await self.webhook.stop()
            self.webhook = None

    async def get_webhook_info(self, params: Params) -> dict[str, Any]:
        """getWebhookInfo: url, pending count and the last delivery error."""
        info: dict[str, Any] = {
            "url": self.webhook.url if self.webhook else "",
            "has_custom_certificate": False,
            "pending_update_count": len(self.world.updates),
        }
        if self.webhook is not None:
            info["max_connections"] = 1
            if self.webhook.last_error_date is not None:
                info["last_error_date"] = self.webhook.last_error_date
                info["last_error_message"] = self.webhook.last_error_message
        return info

    # --- commands and menu ---------------------------------------------------------------

    async def set_my_commands(self, params: Params) -> bool:
        """setMyCommands per (scope, language_code); an empty list removes them."""
        commands = params.structured("commands")
        if not isinstance(commands, list):
            raise bad_request("can't parse commands JSON object")
        if len(commands) > MAX_COMMANDS:
            raise bad_request("too many commands")
        cleaned = [_checked_command(command) for command in commands]
        key = self._commands_key(params)
        if cleaned:
            self.world.commands[key] = cleaned
        else:
            self.world.commands.pop(key, None)
        return True

    async def get_my_commands(self, params: Params) -> list[dict[str, str]]:
        """getMyCommands for exactly this (scope, language_code)."""
        return list(self.world.commands.get(self._commands_key(params), []))

    async def delete_my_commands(self, params: Params) -> bool:
        """deleteMyCommands for this (scope, language_code)."""
        self.world.commands.pop(self._commands_key(params), None)
        return True

    def _commands_key(self, params: Params) -> tuple[str, str]:
        language = params.opt_str("language_code") or ""
        scope = params.structured("scope")
        if not scope:
            return ("default", language)
        if not isinstance(scope, dict):
            raise bad_request("can't parse BotCommandScope JSON object")
        scope_type = scope.get("type")
        if scope_type in _PLAIN_SCOPES:
            return (str(scope_type), language)
        if scope_type in ("chat", "chat_administrators", "chat_member"):
            chat = self.target_chat(Params({"chat_id": scope.get("chat_id")}))
            if scope_type != "chat_member":
                return (f"{scope_type}:{chat.id}", language)
            user_id = Params({"user_id": scope.get("user_id")}).req_int("user_id")
            return (f"chat_member:{chat.id}:{user_id}", language)
        raise bad_request("wrong bot command scope type specified")

    async def set_chat_menu_button(self, params: Params) -> bool:
        """setChatMenuButton for one chat or, without chat_id, the default."""
        chat_id = self.target_chat(params).id if params.has("chat_id") else None
        button = params.structured("menu_button") or {"type": "default"}
        if not isinstance(button, dict) or "type" not in button:
            raise bad_request("can't parse menu button JSON object")
        self.world.menu_buttons[chat_id] = button
        return True

    async def get_chat_menu_button(self, params: Params) -> dict[str, Any]:
        """getChatMenuButton: the chat's own button, else the default one."""
        chat_id = self.target_chat(params).id if params.has("chat_id") else None
        buttons = self.world.menu_buttons
        return buttons.get(chat_id) or buttons.get(None) or {"type": "default"}

    # --- chats ---------------------------------------------------------------------------

    async def get_chat(self, params: Params) -> dict[str, Any]:
        """getChat: ChatFullInfo with the fields PTB requires."""
        chat = self.target_chat(params)
        return {
            **chat.to_api(),
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": {
                "unlimited_gifts": False,
                "limited_gifts": False,
                "unique_gifts": False,
                "premium_subscription": False,
                "gifts_from_channels": False,
            },
        }

    async def get_chat_member(self, params: Params) -> dict[str, Any]:
        """getChatMember: a member's status; the bot is "administrator" or "member"."""
        chat = self.target_chat(params)
        user_id = params.req_int("user_id")
        if user_id == self.world.bot_user.id:
            status = "member" if chat.type == PRIVATE else chat.bot_status
            return chat_member(self.world.bot_user, status)
        user = self.world.users.get(user_id)
        if user is None:
            raise bad_request("user not found")
        if chat.type == PRIVATE:
            if chat.id != user_id:
                raise bad_request("user not found")
            return chat_member(user, "member")
        self._check_member_view(chat)
        return chat_member(user, chat.members.get(user_id, "left"))

    async def get_chat_administrators(self, params: Params) -> list[dict[str, Any]]:
        """getChatAdministrators: creator, administrators and the bot when it is one."""
        chat = self.target_chat(params)
        if chat.type == PRIVATE:
            raise bad_request("there are no administrators in the private chat")
        self._check_member_view(chat)
        admins = [
            chat_member(self.world.users[user_id], status)
            for user_id, status in chat.members.items()
            if status in ("creator", "administrator")
        ]
        if chat.bot_status == "administrator":
            admins.append(chat_member(self.world.bot_user, "administrator"))
        return admins

    def _check_member_view(self, chat: EmuChat) -> None:
        if chat.bot_status not in ("member", "administrator"):
            self.check_can_send(chat)

    async def leave_chat(self, params: Params) -> bool:
        """leaveChat: the bot leaves a group and hears its own my_chat_member."""
        chat = self.target_chat(params)
        if chat.type == PRIVATE:
            raise bad_request("chat member status can't be changed in private chats")
        self.check_can_send(chat)
        bot = self.world.bot_user
        self.world.queue_update(
            "my_chat_member",
            {
                "chat": chat.to_api(),
                "from": bot.to_api(),
                "date": self.world.now(),
                "old_chat_member": chat_member(bot, chat.bot_status),
                "new_chat_member": chat_member(bot, "left"),
            },
        )
        chat.bot_status = "left"
        self.world.changed(
            chat, lambda: {"type": "chat", "chat_id": chat.id, "chat": chat.to_view()}
        )
        return True

    async def send_chat_action(self, params: Params) -> bool:
        """sendChatAction: accepted and remembered, nothing visible."""
        chat = self.target_chat(params)
        self.check_can_send(chat)
        action = params.opt_str("action") or ""
        if action not in CHAT_ACTIONS:
            raise bad_request("wrong parameter action in request")
        self.world.last_chat_action[chat.id] = action
        return True

    # --- files ---------------------------------------------------------------------------

    async def get_file(self, params: Params) -> dict[str, Any]:
        """getFile: file_path to download at /file/bot<token>/<file_path>."""
        stored = self.world.files.get(params.opt_str("file_id") or "")
        if stored is None:
            raise bad_request("invalid file_id")
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": stored.size,
            "file_path": stored.file_path,
        }


def _checked_command(command: Any) -> dict[str, str]:
    if not isinstance(command, dict):
        raise bad_request("can't parse BotCommand JSON object")
    name = command.get("command")
    description = command.get("description")
    if not isinstance(name, str) or not _COMMAND_NAME.fullmatch(name):
        raise bad_request("BOT_COMMAND_INVALID")
    if not isinstance(description, str) or not 1 <= len(description.strip()) <= 256:
        raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
    return {"command": name, "description": description}
