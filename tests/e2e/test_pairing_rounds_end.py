"""/rounds in Telegram: a coordinator ends a round keeping the pairs, starts the next, ends that
one closing every trajectory (both partners hear it each time), reads the history, and starts a
third round that repeats no earlier pair and says who stayed unpaired because of it."""

from __future__ import annotations

from sqlalchemy import select
from tgemulator import EmuMessage, ScriptedUser

from flows.onboarding import Role
from flows.pairing import Wants
from storage import cohorts, pairing, people
from storage.models import Match
from tests.e2e.support.pairing import a_class, in_pool, matches_of
from tests.e2e.support.world import World, eventually
from tests.e2e.test_double_taps import settled


async def read_until(person: ScriptedUser, contains: str, *, limit: int = 10) -> EmuMessage:
    """The person's next bot message with this text, skipping others."""
    seen = []
    for _ in range(limit):
        message = await person.expect(timeout=15)
        if contains in (message.text or ""):
            return message
        seen.append(message.text)
    raise AssertionError(f"{person.user.first_name} never got {contains!r}; got {seen}")


async def confirm_preview(ilse: ScriptedUser, number: int) -> EmuMessage:
    """Confirm the preview of this round; the preview message is returned."""
    preview = await read_until(ilse, f"Voorstel ronde {number}")
    await ilse.press("✅ Bevestigen")
    await read_until(ilse, "Bevestigd!")
    return preview


def press_now(person: ScriptedUser, label: str) -> None:
    """Queue a press without waiting, so that two people's presses arrive together."""
    chat = person.chat
    message_id = next(
        m for m in reversed(chat.bot_message_ids) if label in chat.messages[m].button_labels()
    )
    person.emulator.press_button(person.user, message_id, chat=chat, label=label)


async def leave_pool(world: World, person: ScriptedUser) -> None:
    """The student stops pairing (straight in the database; /pool's button is tested elsewhere)."""
    now = world.app.services.clock.now()
    async with world.app.services.db.transaction() as session:
        (membership,) = await cohorts.memberships_of(session, user_id=person.user.id)
        entry = await pairing.pool_entry(
            session, cohort_id=membership.cohort_id, user_id=person.user.id
        )
        assert entry is not None
        await pairing.leave_pool(session, entry=entry, now=now)


async def test_keep_then_close_then_a_round_without_repeats(world: World) -> None:
    klas = await a_class(world, ["Sanne", "Yusuf", "Noor", "Daan"])
    ilse, sanne, yusuf, noor, daan = (
        klas.coordinator,
        klas["Sanne"],
        klas["Yusuf"],
        klas["Noor"],
        klas["Daan"],
    )
    await in_pool(world, sanne, wants=Wants.COACH)
    await in_pool(world, yusuf, wants=Wants.BE_COACHED)

    # No round yet: /rounds offers the first one, which is /pair's preview.
    await ilse.send("/rounds")
    card = await ilse.expect("Koppelrondes van 5B Peercoaching")
    assert "nog geen afgeronde rondes" in (card.text or "")
    assert ilse.buttons(card) == ["Ronde 1 starten"]
    await ilse.press("Ronde 1 starten")
    await confirm_preview(ilse, 1)
    for student in (sanne, yusuf):
        await read_until(student, "Je coachingspartner")

    # Round 1 ends, the pair is kept: both hear that they go on together.
    await ilse.send("/rounds")
    card = await ilse.expect("Nu loopt ronde 1")
    assert "met 1 koppel" in (card.text or "")
    await ilse.press("Ronde 1 afronden")
    choice = await ilse.expect("Ronde 1 afronden")
    assert ilse.buttons(choice) == ["🤝 Koppels houden", "🏁 Trajecten afsluiten"]
    await ilse.press("🤝 Koppels houden")
    kept = await read_until(sanne, "coachen gewoon samen door")
    assert "jij en Yusuf" in (kept.text or "")
    assert "jij en Sanne" in ((await read_until(yusuf, "coachen gewoon samen door")).text or "")
    summary = await ilse.expect("Ronde 1 van 5B Peercoaching is afgerond")
    assert "Het koppel coacht door" in (summary.text or "")
    card = await ilse.expect("Koppelrondes van 5B Peercoaching")
    assert "Er loopt nu geen ronde. 1 koppel coacht nog door." in (card.text or "")
    assert "Ronde 1: " in (card.text or "") and "(gehouden)" in (card.text or "")
    assert [status for _, status, _ in await matches_of(world)] == ["active"]

    # Round 2 pairs the newcomers; the kept pair goes on and hears nothing changes.
    await in_pool(world, noor, wants=Wants.COACH)
    await in_pool(world, daan, wants=Wants.BE_COACHED)
    await ilse.press("Ronde 2 starten")
    preview = await confirm_preview(ilse, 2)
    assert "Noor → Daan" in (preview.text or "")
    for student in (noor, daan):
        await read_until(student, "Je coachingspartner")

    # Round 2 ends, the trajectories closed: all four hear it warmly, with their partner's name.
    await ilse.send("/rounds")
    card = await ilse.expect("Nu loopt ronde 2")
    assert "met 2 koppels" in (card.text or "")
    await ilse.press("Ronde 2 afronden")
    await ilse.expect("Ronde 2 afronden")
    await ilse.press("🏁 Trajecten afsluiten")
    for student, partner in ((sanne, "Yusuf"), (yusuf, "Sanne"), (noor, "Daan"), (daan, "Noor")):
        told = await read_until(student, "Je coördinator heeft deze coachingronde afgesloten")
        assert partner in (told.text or "")
    summary = await read_until(ilse, "Ronde 2 van 5B Peercoaching is afgerond")
    assert "De trajecten van 2 koppels zijn afgesloten" in (summary.text or "")

    async def all_finished() -> bool:
        async with world.app.services.db.sessions() as session:
            rows = (await session.scalars(select(Match))).all()
        return len(rows) == 2 and all(m.status == "closed" for m in rows)

    await eventually(all_finished, seconds=15)

    # The history: both rounds with their dates, pairs and what became of them.
    card = await ilse.expect("Koppelrondes van 5B Peercoaching")
    text = card.text or ""
    assert "Er loopt nu geen ronde. Er zijn geen lopende koppels." in text
    assert (
        "Ronde 1: " in text and "1 koppel: 1 afgerond, 0 gestopt, 0 coachen door (gehouden)" in text
    )
    assert (
        "Ronde 2: " in text
        and "1 koppel: 1 afgerond, 0 gestopt, 0 coachen door (afgesloten)" in text
    )
    assert ilse.buttons(card) == ["Ronde 3 starten"]

    # Round 3: Noor stopped. Sanne may coach Daan (new); Yusuf's only fit, Sanne, was his
    # partner before, so he stays unpaired and the preview says why.
    await leave_pool(world, noor)
    await ilse.press("Ronde 3 starten")
    preview = await confirm_preview(ilse, 3)
    text = preview.text or ""
    assert "Sanne → Daan" in text
    assert "Yusuf: iedereen die past, was al eerder je partner" in text
    await read_until(yusuf, "Iedereen die bij je past, was al eens je partner")
    active = [set(m) for _, status, m in await matches_of(world) if status == "active"]
    assert active == [{sanne.user.id, daan.user.id}]


async def test_two_coordinators_ending_one_round_at_once_end_it_once(world: World) -> None:
    klas = await a_class(world, ["Sanne", "Bram"])
    ilse, sanne, bram = klas.coordinator, klas["Sanne"], klas["Bram"]
    piet = world.person("Piet")
    now = world.app.services.clock.now()
    async with world.app.services.db.transaction() as session:
        cohort = await cohorts.cohort_by_name(session, name="5B Peercoaching")
        assert cohort is not None
        user = await people.get_or_create_user(session, user_id=piet.user.id, now=now)
        user.language = "nl"
        await people.accept_privacy(session, user=user, first_name="Piet", username=None, now=now)
        await cohorts.join_cohort(
            session, user_id=piet.user.id, cohort_id=cohort.id, role=Role.COORDINATOR, now=now
        )
    for student in (sanne, bram):
        await in_pool(world, student)
    await ilse.send("/pair")
    await confirm_preview(ilse, 1)
    for coordinator in (ilse, piet):
        await coordinator.send("/rounds")
        await read_until(coordinator, "Nu loopt ronde 1")
        await coordinator.press("Ronde 1 afronden")
        await coordinator.expect("Wat gebeurt er met het koppel dat nu loopt?")
    # Ilse keeps the pair, Piet closes it, in the same instant: one of them wins.
    press_now(ilse, "🤝 Koppels houden")
    press_now(piet, "🏁 Trajecten afsluiten")
    await settled(world)
    said = {
        person.user.first_name: " ".join(
            person.chat.messages[m].text or "" for m in person.chat.bot_message_ids[-3:]
        )
        for person in (ilse, piet)
    }
    ended = [
        name for name, text in said.items() if "Ronde 1 van 5B Peercoaching is afgerond" in text
    ]
    already = [name for name, text in said.items() if "was al afgerond" in text]
    assert len(ended) == 1 and len(already) == 1, said
    (status,) = [status for _, status, _ in await matches_of(world)]
    assert status == ("active" if ended == ["Ilse"] else "closed")
