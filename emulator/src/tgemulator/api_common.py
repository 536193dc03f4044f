"""Shared checks of the Bot API methods: target chats, permissions, texts, keyboards, replies."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from tgemulator.markup import ParsedText, escape_html, parse_html, strip_message_text
from tgemulator.models import PRIVATE, SUPERGROUP, EmuChat, EmuMessage
from tgemulator.params import ApiError, Params, bad_request
from tgemulator.state import EmulatorState

MAX_TEXT_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024
MAX_CALLBACK_DATA_BYTES = 64
_BUTTON_ACTIONS = (
    "callback_data",
    "url",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)
# Labels are plain text: Telegram would show a tag or an escaped entity literally, a sure sign
# the bot fed HTML (or escaped text) to a label. The emulator refuses it so tests catch it.
_LABEL_MARKUP = re.compile(
    r"</?(?:b|strong|i|em|u|ins|s|strike|del|a|code|pre|tg-spoiler|tg-emoji|span|blockquote)"
    r"(?:\s[^>]*)?>|&(?:[a-zA-Z]+|#[0-9]+|#[xX][0-9a-fA-F]+);",
    re.IGNORECASE,
)
_REPLY_MARKUP_KINDS = ("inline_keyboard", "keyboard", "remove_keyboard", "force_reply")


@dataclass(frozen=True)
class RenderedText:
    """A message text or caption after parsing: plain text, entities and HTML for display."""

    text: str
    entities: list[dict[str, Any]]
    html: str


class ApiBase:
    """Helpers every Bot API method group builds on."""

    def __init__(self, world: EmulatorState) -> None:
        self.world = world

    # --- chats ---------------------------------------------------------------------------

    def target_chat(self, params: Params, name: str = "chat_id") -> EmuChat:
        """Resolve chat_id, answering "chat not found" or the migration error like Telegram."""
        raw = params.raw(name)
        if raw is None or raw == "":
            raise bad_request(f"{name} is empty")
        if isinstance(raw, str) and raw.startswith("@"):
            raise bad_request("chat not found")
        chat = self.world.chats.get(params.req_int(name))
        if chat is None:
            raise bad_request("chat not found")
        if chat.migrated_to is not None:
            raise bad_request(
                "group chat was upgraded to a supergroup chat",
                {"migrate_to_chat_id": chat.migrated_to},
            )
        return chat

    def check_can_send(self, chat: EmuChat) -> None:
        """Raise the 403 Telegram gives when the bot may not write to this chat."""
        if chat.type == PRIVATE:
            user = chat.user
            if user is not None and user.blocked_bot:
                raise ApiError(403, "Forbidden: bot was blocked by the user")
            if user is not None and not user.started_bot:
                raise ApiError(403, "Forbidden: bot can't initiate conversation with a user")
            return
        kind = "supergroup chat" if chat.type == SUPERGROUP else "group chat"
        if chat.bot_status == "kicked":
            raise ApiError(403, f"Forbidden: bot was kicked from the {kind}")
        if chat.bot_status not in ("member", "administrator"):
            raise ApiError(403, f"Forbidden: bot is not a member of the {kind}")

    def admit(self, chat: EmuChat) -> None:
        """Count a send or edit against the flood limits (429 when over)."""
        self.world.flood.admit(chat.id, is_group=chat.is_group)

    # --- texts ---------------------------------------------------------------------------

    def message_text(self, params: Params) -> RenderedText:
        """Parse sendMessage/editMessageText text per parse_mode and check its length."""
        source = params.opt_str("text")
        if not source:
            raise bad_request("message text is empty")
        rendered = self._render(params, source, entities_name="entities")
        if not rendered.text:
            raise bad_request("message text is empty")
        if len(rendered.text) > MAX_TEXT_LENGTH:
            raise bad_request("message is too long")
        return rendered

    def caption(self, params: Params) -> RenderedText | None:
        """Parse an optional caption and check its length."""
        source = params.opt_str("caption")
        if not source:
            return None
        rendered = self._render(params, source, entities_name="caption_entities")
        if len(rendered.text) > MAX_CAPTION_LENGTH:
            raise bad_request("message caption is too long")
        return rendered if rendered.text else None

    @staticmethod
    def _render(params: Params, source: str, *, entities_name: str) -> RenderedText:
        parse_mode = (params.opt_str("parse_mode") or "").strip()
        if not parse_mode:
            entities = params.structured(entities_name) or []
            if not isinstance(entities, list):
                raise bad_request(f"can't parse {entities_name} JSON object")
            parsed = ParsedText(source, list(entities))
            html = escape_html(source)
        elif parse_mode.upper() == "HTML":
            parsed = parse_html(source)
            html = source
        else:
            raise bad_request(f"unsupported parse_mode {parse_mode!r} (the emulator speaks HTML)")
        parsed = strip_message_text(parsed)
        return RenderedText(parsed.text, parsed.entities, html.strip())

    # --- keyboards and replies -----------------------------------------------------------

    def reply_markup(self, params: Params, *, inline_only: bool = False) -> dict[str, Any] | None:
        """Validate reply_markup like Telegram, including the 64-byte callback_data limit."""
        markup = params.structured("reply_markup")
        if markup is None:
            return None
        kinds = ("inline_keyboard",) if inline_only else _REPLY_MARKUP_KINDS
        if not isinstance(markup, dict) or not any(kind in markup for kind in kinds):
            raise bad_request("can't parse reply keyboard markup JSON object")
        if "inline_keyboard" in markup:
            validate_inline_keyboard(markup["inline_keyboard"])
        return markup

    @staticmethod
    def reply_target(params: Params, chat: EmuChat) -> EmuMessage | None:
        """Resolve reply_parameters or reply_to_message_id to a message of the same chat."""
        reply = params.structured("reply_parameters")
        if isinstance(reply, dict):
            message_id = reply.get("message_id")
            allow_missing = bool(reply.get("allow_sending_without_reply"))
        else:
            message_id = params.opt_int("reply_to_message_id")
            allow_missing = params.flag("allow_sending_without_reply")
        if message_id is None:
            return None
        target = chat.messages.get(int(message_id))
        if target is None or target.deleted:
            if allow_missing:
                return None
            raise bad_request("message to be replied not found")
        return target

    def bot_message(
        self,
        chat: EmuChat,
        params: Params,
        *,
        kind: str,
        rendered: RenderedText | None,
        media: dict[str, Any] | None = None,
        reply_markup: dict[str, Any] | None = None,
        reply_to: EmuMessage | None = None,
        file: Any = None,
        extra: dict[str, Any] | None = None,
    ) -> EmuMessage:
        """Create, store and announce a message from the bot."""
        options = dict(extra or {})
        preview = params.structured("link_preview_options")
        if isinstance(preview, dict):
            options["link_preview_options"] = preview
        if params.flag("protect_content"):
            options["has_protected_content"] = True
        message = EmuMessage(
            chat=chat,
            message_id=chat.next_message_id(),
            sender=self.world.bot_user,
            date=self.world.now(),
            kind=kind,
            text=rendered.text if rendered else None,
            html=rendered.html if rendered else None,
            entities=rendered.entities if rendered else [],
            reply_markup=reply_markup,
            reply_to=reply_to,
            media=media or {},
            file=file,
            extra=options,
            silent=params.flag("disable_notification"),
        )
        self.world.store_message(message)
        return message

    @staticmethod
    def inline_markup(message: EmuMessage) -> dict[str, Any] | None:
        """Return the inline keyboard of a message, the only markup an edit can change."""
        markup = message.reply_markup
        return markup if markup and "inline_keyboard" in markup else None


def validate_inline_keyboard(rows: Any) -> None:
    """Check every inline button has a label, one action and callback_data of 1..64 bytes."""
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request(
            'field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays'
        )
    for row in rows:
        for button in row:
            if not isinstance(button, dict) or not isinstance(button.get("text"), str):
                raise bad_request(
                    'can\'t parse inline keyboard button: Field "text" must be of type String'
                )
            if _LABEL_MARKUP.search(button["text"]):
                raise bad_request(
                    f"BUTTON_TEXT_HTML: button label {button['text']!r} holds HTML markup, "
                    "which Telegram shows literally (labels are plain text)"
                )
            if not any(action in button for action in _BUTTON_ACTIONS):
                raise bad_request(
                    "can't parse inline keyboard button: "
                    "Text buttons are unallowed in the inline keyboard"
                )
            if "callback_data" in button:
                data = button["callback_data"]
                size = len(data.encode("utf-8")) if isinstance(data, str) else 0
                if not 1 <= size <= MAX_CALLBACK_DATA_BYTES:
                    raise bad_request("BUTTON_DATA_INVALID")
            if "url" in button and not (isinstance(button["url"], str) and button["url"]):
                raise bad_request("BUTTON_URL_INVALID")
