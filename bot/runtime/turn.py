"""A turn: the work of one update or timer, with its transaction and the replies it queues."""

from __future__ import annotations

import base64
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.runtime.render import inline_keyboard, split_text
from bot.services import Services
from flows.onboarding import Onboarding
from flows.scheduling import SchoolTime
from storage import buttons, cohorts, outbox
from storage.models import User


@dataclass(frozen=True, slots=True)
class Sender:
    """The Telegram user an update came from."""

    id: int
    first_name: str
    username: str | None
    language_code: str | None


@dataclass(frozen=True, slots=True)
class Choice:
    """One inline button: its plain-text label (not HTML) and what pressing it means."""

    label: str
    action: str
    args: dict[str, Any] = field(default_factory=dict)


class Turn:
    """Everything a handler needs: who, where, when, the session, and how to reply."""

    def __init__(
        self,
        services: Services,
        session: AsyncSession,
        now: datetime,
        *,
        chat_id: int,
        sender: Sender | None = None,
        user: User | None = None,
        language: str | None = None,
        priority: int = outbox.INTERACTIVE,
    ) -> None:
        self.services = services
        self.session = session
        self.now = now
        self.chat_id = chat_id
        self.sender = sender
        self.user = user
        self.language = language or services.settings.default_language
        # Where and when people live: the settings', until a handler knows the cohort.
        self.time: SchoolTime = services.settings.school_time
        self.callback_query_id: str | None = None
        self.callback_answered = False
        # What its messages queue at unless a caller says otherwise: timers make bulk.
        self.priority = priority
        # Set by a button handler that refused the press, so the button stays usable.
        self.press_refused = False

    @property
    def joined(self) -> bool:
        """Whether the person finished joining (language, consent and a cohort)."""
        return self.user is not None and self.user.onboarding is Onboarding.DONE

    @property
    def person(self) -> User:
        """The user of a turn the router handed over as joined (or joining)."""
        if self.user is None:
            raise LookupError("the router hands a turn without a user to no such handler")
        return self.user

    def refuse_press(self) -> None:
        """Mark the pressed button as not used: this person may not do what it does."""
        self.press_refused = True

    async def use_cohort_time(self, cohort_id: int) -> None:
        """Show dates and hold reminders in the cohort's zone and quiet hours (a school abroad)."""
        default = self.services.settings.school_time
        self.time = await cohorts.school_time(self.session, cohort_id=cohort_id, default=default)

    @contextmanager
    def speaking(self, language: str | None) -> Iterator[None]:
        """Render texts and button labels in another person's language for a while."""
        saved = self.language
        self.language = language or saved
        try:
            yield
        finally:
            self.language = saved

    def text(self, key: str, **params: object) -> str:
        """A message text (Telegram HTML) in this turn's language; parameters are escaped."""
        return self.services.texts.get(self.language, key, **params)

    def plain(self, key: str, **params: object) -> str:
        """A plain text (button label, callback answer) in this turn's language: shown as typed."""
        return self.services.texts.plain(self.language, key, **params)

    def names(self, listed: Sequence[str]) -> str:
        """Names joined as people say them: "Sanne", "Sanne en Bram", "Sanne, Bram en Noor"."""
        if len(listed) <= 1:
            return "".join(listed)
        return f"{', '.join(listed[:-1])} {self.plain('pairing.and')} {listed[-1]}"

    def choice(self, key: str, action: str, **args: Any) -> Choice:
        """A button whose label is a text key."""
        return Choice(self.plain(key), action, args)

    async def say(
        self,
        key: str,
        *,
        choices: list[list[Choice]] | None = None,
        chat_id: int | None = None,
        priority: int | None = None,
        remember_as: str | None = None,
        **params: object,
    ) -> None:
        """Queue a text by key, with buttons, to this chat or another."""
        await self.send_text(
            self.text(key, **params),
            choices=choices,
            chat_id=chat_id,
            priority=priority,
            remember_as=remember_as,
        )

    async def send_text(
        self,
        text: str,
        *,
        choices: list[list[Choice]] | None = None,
        chat_id: int | None = None,
        priority: int | None = None,
        remember_as: str | None = None,
    ) -> None:
        """Queue a rendered text; long texts are split and the buttons go with the last part."""
        target = self.chat_id if chat_id is None else chat_id
        parts = split_text(text)
        markup = await self.keyboard(choices, chat_id=target) if choices else None
        for index, part in enumerate(parts):
            last = index == len(parts) - 1
            payload: dict[str, Any] = {
                "chat_id": target,
                "text": part,
                "parse_mode": "HTML",
                "link_preview_options": {"is_disabled": True},
            }
            if last and markup:
                payload["reply_markup"] = markup
            await outbox.enqueue(
                self.session,
                chat_id=target,
                method="sendMessage",
                payload=payload,
                now=self.now,
                priority=self.priority if priority is None else priority,
                remember_as=remember_as if last else None,
            )

    async def send_document(
        self, filename: str, data: bytes, *, caption: str, chat_id: int | None = None
    ) -> None:
        """Queue a file (a person's own data); its bytes go once it is sent, like any text."""
        target = self.chat_id if chat_id is None else chat_id
        payload: dict[str, Any] = {
            "chat_id": target,
            "caption": caption,
            "parse_mode": "HTML",
            "document": {"filename": filename, "base64": base64.b64encode(data).decode("ascii")},
        }
        await outbox.enqueue(
            self.session, chat_id=target, method="sendDocument", payload=payload, now=self.now
        )

    async def send_photo(
        self, filename: str, data: bytes, *, caption: str, chat_id: int | None = None
    ) -> None:
        """Queue an image (a chart) with an HTML caption; its bytes go once it is sent."""
        target = self.chat_id if chat_id is None else chat_id
        payload: dict[str, Any] = {
            "chat_id": target,
            "caption": caption,
            "parse_mode": "HTML",
            "photo": {"filename": filename, "base64": base64.b64encode(data).decode("ascii")},
        }
        await outbox.enqueue(
            self.session, chat_id=target, method="sendPhoto", payload=payload, now=self.now
        )

    async def keyboard(self, choices: list[list[Choice]], *, chat_id: int) -> dict[str, Any]:
        """Store what each button means and build the inline keyboard of short tokens."""
        # In a private chat only its owner may press; in groups the handler checks the role.
        allowed = chat_id if chat_id > 0 else None
        card = buttons.new_token()  # the buttons of one message: pressing one may use all
        rows = []
        for row in choices:
            tokens = []
            for choice in row:
                token = await buttons.create(
                    self.session,
                    chat_id=chat_id,
                    user_id=allowed,
                    action=choice.action,
                    args=choice.args,
                    now=self.now,
                    card=card,
                )
                tokens.append((choice.label, token))
            rows.append(tokens)
        return inline_keyboard(rows)

    async def answer(
        self, key: str | None = None, *, alert: bool = False, **params: object
    ) -> None:
        """Answer the pressed button (stops the spinner), optionally with a short notice."""
        await self.answer_text(self.plain(key, **params) if key else None, alert=alert)

    async def answer_text(self, text: str | None, *, alert: bool = False) -> None:
        """Answer the pressed button with a ready plain text (not HTML), once per turn."""
        if self.callback_query_id is None or self.callback_answered:
            return
        self.callback_answered = True
        payload: dict[str, Any] = {"callback_query_id": self.callback_query_id}
        if text:
            payload["text"] = text[:200]  # Telegram's limit for callback answers
            payload["show_alert"] = alert
        await outbox.enqueue(
            self.session,
            chat_id=self.chat_id,
            method="answerCallbackQuery",
            payload=payload,
            now=self.now,
        )

    async def edit_text(
        self,
        message_id: int,
        text: str,
        *,
        choices: list[list[Choice]] | None = None,
        chat_id: int | None = None,
    ) -> None:
        """Replace a message's text in place; without choices its buttons go away."""
        target = self.chat_id if chat_id is None else chat_id
        payload: dict[str, Any] = {
            "chat_id": target,
            "message_id": message_id,
            "text": text,
            "parse_mode": "HTML",
            "link_preview_options": {"is_disabled": True},
        }
        if choices:
            payload["reply_markup"] = await self.keyboard(choices, chat_id=target)
        await outbox.enqueue(
            self.session, chat_id=target, method="editMessageText", payload=payload, now=self.now
        )

    async def clear_buttons(self, message_id: int) -> None:
        """Take the buttons off a message, so a card cannot be answered twice."""
        await outbox.enqueue(
            self.session,
            chat_id=self.chat_id,
            method="editMessageReplyMarkup",
            payload={"chat_id": self.chat_id, "message_id": message_id},
            now=self.now,
        )
