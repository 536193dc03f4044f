"""Which handler answers an update: commands, buttons, free text, media and chat events."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select

from bot.runtime.incoming import Incoming, Kind
from bot.runtime.turn import Turn
from storage import awaiting, buttons
from storage.models import Button

Handler = Callable[[Turn, Incoming], Awaitable[None]]
ActionHandler = Callable[[Turn, Incoming, Button], Awaitable[None]]
MaybeHandler = Callable[[Turn, Incoming], Awaitable[bool]]


@dataclass(frozen=True, slots=True)
class Command:
    """A slash command and whether it works before someone finished joining."""

    handler: Handler
    before_joining: bool = False


@dataclass(frozen=True, slots=True)
class Listener:
    """A handler of free text or media, and the SQL condition under which its feature waits."""

    handler: MaybeHandler
    waits: ColumnElement[bool]


class Listeners:
    """The handlers of one kind of free input, in order; one query tells which may want it."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._query: Select[*tuple[bool, ...]] | None = None

    def add(self, handler: MaybeHandler, waits: ColumnElement[bool], *, first: bool) -> None:
        """Listen with handler whenever waits holds for the person who wrote."""
        self._listeners.insert(0 if first else len(self._listeners), Listener(handler, waits))
        self._query = None

    async def offer(self, turn: Turn, incoming: Incoming) -> bool:
        """Hand the input to the first waiting handler that takes it; False when none did."""
        if turn.user is None or not self._listeners:
            return False
        if self._query is None:
            self._query = awaiting.ask_all([listener.waits for listener in self._listeners])
        flags = await awaiting.which(turn.session, self._query, person=turn.user.id)
        for listener, waiting in zip(self._listeners, flags, strict=True):
            # A flag is a hint read before any lock: each handler checks again and may decline.
            if waiting and await listener.handler(turn, incoming):
                return True
        return False


class Router:
    """Registers handlers by command, button action and kind, and picks one per update."""

    def __init__(self) -> None:
        self.commands: dict[str, Command] = {}
        self.actions: dict[str, ActionHandler] = {}
        self.texts = Listeners()
        self.media = Listeners()
        self.group_handlers: list[MaybeHandler] = []
        self.member_handlers: list[MaybeHandler] = []

    def command(self, name: str, handler: Handler, *, before_joining: bool = False) -> None:
        """Answer /name with handler."""
        self.commands[name] = Command(handler, before_joining)

    def action(self, name: str, handler: ActionHandler) -> None:
        """Answer presses of buttons made with this action."""
        self.actions[name] = handler

    def on_text(
        self, handler: MaybeHandler, *, waits: ColumnElement[bool], first: bool = False
    ) -> None:
        """Offer private free text to handler when its feature waits for the writer."""
        self.texts.add(handler, waits, first=first)

    def on_media(
        self, handler: MaybeHandler, *, waits: ColumnElement[bool], first: bool = False
    ) -> None:
        """Offer private photos, voice and files to handler when its feature waits for them."""
        self.media.add(handler, waits, first=first)

    async def handle(self, turn: Turn, incoming: Incoming) -> None:
        """Route one update to its handler."""
        if incoming.kind is Kind.MEMBER:
            await _first(self.member_handlers, turn, incoming)
        elif incoming.kind is Kind.BUTTON:
            # Buttons route by their stored action in every chat; in groups the action checks
            # the presser's role, since a group button is not bound to one person.
            await self._button(turn, incoming)
            await turn.answer()  # always stop the spinner, even when nothing else was said
        elif not incoming.private:
            await _first(self.group_handlers, turn, incoming)
        elif incoming.kind is Kind.COMMAND:
            await self._command(turn, incoming)
        elif incoming.kind is Kind.TEXT:
            await self._text(turn, incoming)
        elif incoming.kind is Kind.MEDIA:
            if not await self.media.offer(turn, incoming):
                await turn.say("fallback.media")
        elif incoming.kind is Kind.EDITED:
            await turn.say("fallback.edited")

    async def _command(self, turn: Turn, incoming: Incoming) -> None:
        command = self.commands.get(incoming.command)
        if command is None:
            await turn.say("fallback.unknown_command")
        elif command.before_joining or turn.joined:
            await command.handler(turn, incoming)
        elif turn.user is None:
            await turn.say("fallback.not_joined")
        else:
            await turn.say("start.finish_first")

    async def _text(self, turn: Turn, incoming: Incoming) -> None:
        if turn.user is None:
            await turn.say("fallback.not_joined")
        elif not turn.joined:
            await turn.say("start.finish_first")
        elif not await self.texts.offer(turn, incoming):
            await turn.say("fallback.text")

    async def _button(self, turn: Turn, incoming: Incoming) -> None:
        button = await buttons.resolve(turn.session, token=incoming.callback_data)
        if button is None or button.chat_id != incoming.chat_id:
            await turn.answer("fallback.stale_button", alert=True)
            return
        if button.user_id is not None and incoming.sender and button.user_id != incoming.sender.id:
            await turn.answer("fallback.not_yours", alert=True)
            return
        handler = self.actions.get(button.action)
        if handler is None:
            await turn.answer("fallback.stale_button", alert=True)
            return
        await handler(turn, incoming, button)


async def _first(handlers: list[MaybeHandler], turn: Turn, incoming: Incoming) -> bool:
    for handler in handlers:
        if await handler(turn, incoming):
            return True
    return False
