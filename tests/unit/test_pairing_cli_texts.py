"""Every reason, unpaired reason, weekday part and notice that pairing prints exists in both
languages (the keys are built at run time, so the general text test cannot see them)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.clock import FakeClock
from bot.handlers.pairing.common import SLOTS, reason_text, slot_list, unmatched_text
from bot.handlers.pairing.notices import REPAIR_REASONS
from bot.i18n import LANGUAGES, Texts
from bot.runtime.turn import Turn
from bot.services import Services, make_bot
from bot.settings import load_settings
from flows.pairing import Match, Reason, ReasonKind, RoundMode, UnmatchedReason, Wants
from storage.db import Database

NAMES = {1: "Sanne", 2: "Bram", 3: "Noor"}
MOMENT = datetime(2026, 3, 9, 9, 0, tzinfo=UTC)


@pytest.fixture(params=LANGUAGES)
def turn(request: pytest.FixtureRequest) -> Turn:
    settings = load_settings(_env_file=None)
    services = Services(
        settings=settings,
        db=Database("sqlite+aiosqlite://"),
        texts=Texts.load(),
        bot=make_bot("123456:ABCdefGHIjkl", settings.telegram_api_base_url),
        clock=FakeClock(MOMENT),
    )
    # Rendering texts never touches the session, so these turns need no database.
    # Rendering texts never touches the database, so this turn has no session.
    return Turn(services, None, MOMENT, chat_id=0, language=request.param)  # type: ignore[arg-type]


@pytest.mark.parametrize("size", [2, 3])
def test_every_reason_has_words(turn: Turn, size: int) -> None:
    members = tuple(range(1, size + 1))
    match = Match(members=members, coach_of=((1, 2),), reasons=(), score=0)
    for kind in ReasonKind:
        reason = Reason(kind, people=(1, 2), slots=("tue-pm", "mon-am"))
        text = reason_text(turn, reason, match, NAMES)
        assert text and "{" not in text and "pairing." not in text
    shared = reason_text(
        turn, Reason(ReasonKind.SHARED_AVAILABILITY, slots=("tue-pm",)), match, NAMES
    )
    assert ("Tuesday afternoon" if turn.language == "en" else "dinsdagnamiddag") in shared


def test_every_unpaired_reason_and_choice_has_words(turn: Turn) -> None:
    for why in UnmatchedReason:
        assert unmatched_text(turn, why, None)
        assert unmatched_text(turn, why, MOMENT)
        assert turn.text(f"pairing.unpaired_{why.value}", cohort="5B", until="9-3")
    for wants in Wants:
        assert turn.text(f"pairing.wants_{wants.value}")
        assert turn.text(f"pairing.btn_wants_{wants.value}")
    for mode in RoundMode:
        assert turn.text(f"pairing.mode_{mode.value}")
        assert turn.text(f"pairing.btn_mode_{mode.value}")
    for reason in [*REPAIR_REASONS, "other"]:
        assert turn.text(f"pairing.repair_reason_{reason}")
    assert slot_list(turn, list(SLOTS)).count(",") == len(SLOTS) - 1
    for field in ("about", "interests"):
        assert turn.text(f"pairing.ask_{field}")
