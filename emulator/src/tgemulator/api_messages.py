"""Bot API methods that send, edit, copy and delete messages and answer button presses."""

from __future__ import annotations

import copy
import mimetypes
from typing import Any

from tgemulator.api_common import ApiBase, RenderedText
from tgemulator.media import StoredFile, image_mime_type, media_fields
from tgemulator.models import PRIVATE, CallbackAnswer, EmuChat, EmuMessage
from tgemulator.params import Params, bad_request

NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)
QUERY_INVALID = "query is too old and response timeout expired or query ID is invalid"
MAX_CALLBACK_ANSWER_LENGTH = 200
# Folder of the download path and how to tell the MIME type, per kind of media.
_MEDIA_FOLDERS = {
    "photo": "photos",
    "document": "documents",
    "voice": "voice",
    "sticker": "stickers",
}


class MessageMethods(ApiBase):
    """sendMessage, media sends, edits, deletes, copies, forwards and answerCallbackQuery."""

    async def send_message(self, params: Params) -> dict[str, Any]:
        """sendMessage: text with HTML parse mode, keyboards and replies."""
        chat = self.target_chat(params)
        self.check_can_send(chat)
        rendered = self.message_text(params)
        markup = self.reply_markup(params)
        reply_to = self.reply_target(params, chat)
        self.admit(chat)
        message = self.bot_message(
            chat, params, kind="text", rendered=rendered, reply_markup=markup, reply_to=reply_to
        )
        return message.to_api()

    async def send_photo(self, params: Params) -> dict[str, Any]:
        """sendPhoto: upload or file_id, optional caption."""
        return self._send_media(params, "photo")

    async def send_document(self, params: Params) -> dict[str, Any]:
        """sendDocument: upload or file_id, optional caption."""
        return self._send_media(params, "document")

    async def send_voice(self, params: Params) -> dict[str, Any]:
        """sendVoice: upload or file_id, optional caption and duration."""
        return self._send_media(params, "voice")

    async def send_sticker(self, params: Params) -> dict[str, Any]:
        """sendSticker: upload or file_id."""
        return self._send_media(params, "sticker")

    def _send_media(self, params: Params, kind: str) -> dict[str, Any]:
        chat = self.target_chat(params)
        self.check_can_send(chat)
        stored = self._input_file(params, kind)
        rendered = self.caption(params) if kind != "sticker" else None
        markup = self.reply_markup(params)
        reply_to = self.reply_target(params, chat)
        self.admit(chat)
        media = media_fields(
            kind,
            stored,
            emoji=params.opt_str("emoji") or "🙂",
            duration=params.opt_int("duration") or 1,
        )
        message = self.bot_message(
            chat,
            params,
            kind=kind,
            rendered=rendered,
            media=media,
            reply_markup=markup,
            reply_to=reply_to,
            file=stored,
        )
        return message.to_api()

    def _input_file(self, params: Params, kind: str) -> StoredFile:
        """Take the file from a multipart upload (also attach://name) or an existing file_id."""
        reference = params.raw(kind)
        upload = params.files.get(kind)
        if upload is None and isinstance(reference, str) and reference.startswith("attach://"):
            upload = params.files.get(reference.removeprefix("attach://"))
        if upload is not None:
            if not upload.data:
                raise bad_request("file must be non-empty")
            return self.world.files.add(
                upload.data,
                kind=_MEDIA_FOLDERS[kind],
                mime_type=_mime_type(kind, upload.data, upload.filename, upload.content_type),
                file_name=upload.filename if kind == "document" else None,
            )
        if isinstance(reference, str) and reference:
            existing = self.world.files.get(reference)
            if existing is None:
                raise bad_request("wrong file identifier/HTTP URL specified")
            return existing
        raise bad_request(f"there is no {kind} in the request")

    async def edit_message_text(self, params: Params) -> dict[str, Any]:
        """editMessageText: new text; the keyboard is replaced by reply_markup or removed."""
        chat, message = self._editable(params)
        if message.kind != "text":
            raise bad_request("there is no text in the message to edit")
        rendered = self.message_text(params)
        markup = self.reply_markup(params, inline_only=True)
        self._check_modified(message, rendered, markup)
        self.admit(chat)
        self._apply_text(message, rendered)
        message.reply_markup = markup
        self.world.record_edit(message)
        return message.to_api()

    async def edit_message_caption(self, params: Params) -> dict[str, Any]:
        """editMessageCaption: new (or no) caption of a media message."""
        chat, message = self._editable(params)
        if not message.has_caption:
            raise bad_request("there is no caption in the message to edit")
        rendered = self.caption(params)
        markup = self.reply_markup(params, inline_only=True)
        self._check_modified(message, rendered, markup)
        self.admit(chat)
        self._apply_text(message, rendered)
        message.reply_markup = markup
        self.world.record_edit(message)
        return message.to_api()

    async def edit_message_reply_markup(self, params: Params) -> dict[str, Any]:
        """editMessageReplyMarkup: replace or remove the inline keyboard."""
        chat, message = self._editable(params)
        markup = self.reply_markup(params, inline_only=True)
        if markup == self.inline_markup(message):
            raise bad_request(NOT_MODIFIED)
        self.admit(chat)
        message.reply_markup = markup
        self.world.record_edit(message, content=False)
        return message.to_api()

    def _editable(self, params: Params) -> tuple[EmuChat, EmuMessage]:
        if params.has("inline_message_id") and not params.has("chat_id"):
            raise bad_request("inline messages are not supported by the emulator")
        chat = self.target_chat(params)
        self.check_can_send(chat)
        message = chat.messages.get(params.req_int("message_id"))
        if message is None or message.deleted:
            raise bad_request("message to edit not found")
        if not message.from_bot:
            raise bad_request("message can't be edited")
        return chat, message

    def _check_modified(
        self, message: EmuMessage, rendered: RenderedText | None, markup: dict[str, Any] | None
    ) -> None:
        same_text = (rendered.text if rendered else None) == (message.text or None)
        same_entities = (rendered.entities if rendered else []) == message.entities
        if same_text and same_entities and markup == self.inline_markup(message):
            raise bad_request(NOT_MODIFIED)

    @staticmethod
    def _apply_text(message: EmuMessage, rendered: RenderedText | None) -> None:
        message.text = rendered.text if rendered else None
        message.html = rendered.html if rendered else None
        message.entities = rendered.entities if rendered else []

    async def delete_message(self, params: Params) -> bool:
        """deleteMessage: own messages anywhere, incoming ones in private chats or as admin."""
        chat = self.target_chat(params)
        message = chat.messages.get(params.req_int("message_id"))
        if message is None or message.deleted:
            raise bad_request("message to delete not found")
        may_delete = message.from_bot or chat.type == PRIVATE or chat.bot_status == "administrator"
        if not may_delete:
            raise bad_request("message can't be deleted")
        self.world.record_delete(message)
        return True

    async def copy_message(self, params: Params) -> dict[str, Any]:
        """copyMessage: the same content from the bot, without a link to the original."""
        chat, source = self._source_for_copy(params, "message to copy not found")
        rendered: RenderedText | None = None
        if source.text is not None:
            rendered = RenderedText(source.text, list(source.entities), source.html or "")
        if source.has_caption and params.raw("caption") is not None:
            rendered = self.caption(params)
        markup = self.reply_markup(params)
        reply_to = self.reply_target(params, chat)
        self.admit(chat)
        message = self.bot_message(
            chat,
            params,
            kind=source.kind,
            rendered=rendered,
            media=copy.deepcopy(source.media),
            reply_markup=markup,
            reply_to=reply_to,
            file=source.file,
        )
        return {"message_id": message.message_id}

    async def forward_message(self, params: Params) -> dict[str, Any]:
        """forwardMessage: the same content with forward_origin naming the original sender."""
        chat, source = self._source_for_copy(params, "message to forward not found")
        rendered = None
        if source.text is not None:
            rendered = RenderedText(source.text, list(source.entities), source.html or "")
        origin = {"type": "user", "sender_user": source.sender.to_api(), "date": source.date}
        self.admit(chat)
        message = self.bot_message(
            chat,
            params,
            kind=source.kind,
            rendered=rendered,
            media=copy.deepcopy(source.media),
            file=source.file,
            extra={"forward_origin": origin},
        )
        return message.to_api()

    def _source_for_copy(self, params: Params, missing: str) -> tuple[EmuChat, EmuMessage]:
        chat = self.target_chat(params)
        self.check_can_send(chat)
        source_chat = self.target_chat(params, "from_chat_id")
        source = source_chat.messages.get(params.req_int("message_id"))
        if source is None or source.deleted:
            raise bad_request(missing)
        if source.kind == "service":
            raise bad_request("message can't be copied")
        return chat, source

    async def answer_callback_query(self, params: Params) -> bool:
        """answerCallbackQuery: once per query; unknown or repeated ids fail like Telegram."""
        text = params.opt_str("text")
        if text is not None and len(text) > MAX_CALLBACK_ANSWER_LENGTH:
            raise bad_request("MESSAGE_TOO_LONG")
        query = self.world.open_queries.pop(params.opt_str("callback_query_id") or "", None)
        if query is None:
            raise bad_request(QUERY_INVALID)
        answer = CallbackAnswer(
            callback_query_id=params.opt_str("callback_query_id") or "",
            user_id=query.user_id,
            chat_id=query.chat_id,
            message_id=query.message_id,
            data=query.data,
            text=text,
            show_alert=params.flag("show_alert"),
            url=params.opt_str("url"),
        )
        self.world.record_callback_answer(answer)
        return True


def _mime_type(kind: str, data: bytes, filename: str | None, declared: str | None) -> str:
    if kind in ("photo", "sticker"):
        return image_mime_type(data)
    if kind == "voice":
        return "audio/ogg"
    guessed = mimetypes.guess_type(filename)[0] if filename else None
    if declared and declared != "application/octet-stream":
        return declared
    return guessed or "application/octet-stream"
