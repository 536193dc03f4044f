"""The Bot API dispatcher: method name to implementation, with faults checked first."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from tgemulator.api_messages import MessageMethods
from tgemulator.api_service import ServiceMethods
from tgemulator.params import ApiError, Params
from tgemulator.state import EmulatorState

Handler = Callable[[Params], Awaitable[Any]]


class BotApi(MessageMethods, ServiceMethods):
    """Answers Bot API calls against an EmulatorState; method names are case-insensitive."""

    def __init__(self, world: EmulatorState) -> None:
        super().__init__(world)
        handlers: dict[str, Handler] = {
            "getMe": self.get_me,
            "getUpdates": self.get_updates,
            "setWebhook": self.set_webhook,
            "deleteWebhook": self.delete_webhook,
            "getWebhookInfo": self.get_webhook_info,
            "sendMessage": self.send_message,
            "sendPhoto": self.send_photo,
            "sendDocument": self.send_document,
            "sendVoice": self.send_voice,
            "sendSticker": self.send_sticker,
            "editMessageText": self.edit_message_text,
            "editMessageCaption": self.edit_message_caption,
            "editMessageReplyMarkup": self.edit_message_reply_markup,
            "deleteMessage": self.delete_message,
            "copyMessage": self.copy_message,
            "forwardMessage": self.forward_message,
            "answerCallbackQuery": self.answer_callback_query,
            "getFile": self.get_file,
            "setMyCommands": self.set_my_commands,
            "getMyCommands": self.get_my_commands,
            "deleteMyCommands": self.delete_my_commands,
            "getChat": self.get_chat,
            "getChatMember": self.get_chat_member,
            "getChatAdministrators": self.get_chat_administrators,
            "leaveChat": self.leave_chat,
            "setChatMenuButton": self.set_chat_menu_button,
            "getChatMenuButton": self.get_chat_menu_button,
            "sendChatAction": self.send_chat_action,
        }
        self._handlers = {name.lower(): handler for name, handler in handlers.items()}

    @property
    def method_names(self) -> list[str]:
        """Return the supported method names (lower case)."""
        return sorted(self._handlers)

    async def call(self, method: str, params: Params) -> Any:
        """Run one method and return its result, or raise ApiError as Telegram would answer."""
        key = method.lower()
        handler = self._handlers.get(key)
        if handler is None:
            raise ApiError(404, "Not Found: method not found")
        fault = self.world.faults.take(key, _chat_id_hint(params))
        if fault is not None:
            raise fault
        return await handler(params)


def _chat_id_hint(params: Params) -> int | None:
    try:
        return params.opt_int("chat_id")
    except ApiError:
        return None
