"""Which handler answers an update: commands, buttons, free text, media and chat events."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select

from bot.runtime.handler_types import ActionHandler, Handler, MaybeHandler
from bot.runtime.incoming import Incoming, Kind
from bot.runtime.turn import Turn
from storage import awaiting, buttons
from storage.models import Button


@dataclass(frozen=True, slots=True)
class Command:
    """A slash command and whether it works before someone finished joining."""

    handler: Handler
    before_joining: bool = False


def always(button: Button) -> bool:
    """Every press of such a button changes state: it is used up (the default)."""
    return True


def never(button: Button) -> bool:
    """Such a button may be pressed again and again (navigation, 'more time')."""
    return False


class Presser(enum.Enum):
    """Who a button handler is handed: the router answers everyone else itself."""

    JOINED = "joined"  # finished joining (the default)
    JOINING = "joining"  # known, perhaps still choosing a language or reading the notice
    ANYONE = "anyone"  # group buttons whose feature answers classmates who never joined


@dataclass(frozen=True, slots=True)
class Action:
    """A button handler, which of its buttons a press uses up, and who may press them."""

    handler: ActionHandler
    once: Callable[[Button], bool] = always
    presser: Presser = Presser.JOINED

    def admits(self, turn: Turn) -> bool:
        """Whether this turn's person may be handed to the handler."""
        if self.presser is Presser.ANYONE:
            return True
        return turn.joined or (self.presser is Presser.JOINING and turn.user is not None)


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
        self.actions: dict[str, Action] = {}
        self.texts = Listeners()
        self.media = Listeners()
        self.group_handlers: list[MaybeHandler] = []
        self.member_handlers: list[MaybeHandler] = []
        # Who answers someone known but not joined before the generic "finish joining first"
        # (a young student waiting for a parent has a case of their own).
        self.joining_handlers: list[MaybeHandler] = []
        self._once_by_default = True  # see repeatable_by_default

    def command(self, name: str, handler: Handler, *, before_joining: bool = False) -> None:
        """Answer /name with handler."""
        self.commands[name] = Command(handler, before_joining)

    def action(
        self,
        name: str,
        handler: ActionHandler,
        *,
        once: bool | Callable[[Button], bool] | None = None,
        presser: Presser = Presser.JOINED,
    ) -> None:
        """Answer presses of buttons made with this action.

        A button that changes state works once: its first press uses it up, with the buttons
        beside it on the same message that work once too, and a second press (a double tap,
        a second person, a re-delivered update) is told it was done already. `once=False`
        (or a test of the button) keeps buttons usable; None takes the default (see
        repeatable_by_default). `presser` says whom the handler expects; the router answers
        others (see Presser).
        """
        if once is None:
            once = self._once_by_default
        test = once if callable(once) else (always if once else never)
        self.actions[name] = Action(handler, test, presser)

    def on_joining(self, handler: MaybeHandler) -> None:
        """Let handler answer a known person who has not finished joining (True: it did)."""
        self.joining_handlers.append(handler)

    @contextmanager
    def repeatable_by_default(self) -> Iterator[None]:
        """Register a feature whose cards are menus, pressed again and again, and whose flow
        checks each press against the state it was made for."""
        saved, self._once_by_default = self._once_by_default, False
        try:
            yield
        finally:
            self._once_by_default = saved

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
            await self._finish_first(turn, incoming)

    async def _finish_first(self, turn: Turn, incoming: Incoming) -> None:
        """A known person who has not joined yet: their own case, else the generic answer."""
        if not await _first(self.joining_handlers, turn, incoming):
            await turn.say("start.finish_first")

    async def _text(self, turn: Turn, incoming: Incoming) -> None:
        if turn.user is None:
            await turn.say("fallback.not_joined")
        elif not turn.joined:
            await self._finish_first(turn, incoming)
        elif not await self.texts.offer(turn, incoming):
            await turn.say("fallback.text")

    async def _button(self, turn: Turn, incoming: Incoming) -> None:
        button = await buttons.resolve(turn.session, token=incoming.callback_data)
        if button is None or button.chat_id != incoming.chat_id:
            await self._stale(turn, incoming)
            return
        if button.user_id is not None and incoming.sender and button.user_id != incoming.sender.id:
            await turn.answer("fallback.not_yours", alert=True)
            return
        action = self.actions.get(button.action)
        if action is None:
            await self._stale(turn, incoming)
        elif button.used_at is not None and action.once(button):
            await turn.answer("fallback.already_done")  # before the rest: it answers once
        elif not action.admits(turn):
            await self._not_joined(turn, incoming)
        elif not action.once(button):
            await action.handler(turn, incoming, button)
        elif not await buttons.use(turn.session, button=button, now=turn.now, siblings=action.once):
            await turn.answer("fallback.already_done")
        else:
            await action.handler(turn, incoming, button)
            if turn.press_refused:
                await buttons.give_back(turn.session, button=button, now=turn.now)

    async def _stale(self, turn: Turn, incoming: Incoming) -> None:
        """A forged or forgotten button; someone we do not know (any more) is told how to join,
        on the button only: after an erasure nothing else is kept for them."""
        if incoming.private and turn.user is None:
            await turn.answer("fallback.stale_not_joined", alert=True)
        else:
            await turn.answer("fallback.stale_button", alert=True)

    async def _not_joined(self, turn: Turn, incoming: Incoming) -> None:
        """The onboarding answer: privately as a message, in a group on the button only."""
        key = "fallback.not_joined" if turn.user is None else "start.finish_first"
        if incoming.private:
            await turn.answer()
            if turn.user is None:
                await turn.say(key)
            else:
                await self._finish_first(turn, incoming)
        else:
            await turn.answer(key, alert=True)


async def _first(handlers: list[MaybeHandler], turn: Turn, incoming: Incoming) -> bool:
    for handler in handlers:
        if await handler(turn, incoming):
            return True
    return False
