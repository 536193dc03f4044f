"""Issue 13 end to end: a confidant per cohort, the worry route from /help and the coaching
cards, the private talk with the confidant, and the kind prompt after a serious word. The
partner, the teacher and the coordinator learn nothing, and no table keeps what was written."""

from __future__ import annotations

from sqlalchemy import func, select
from tgemulator import ScriptedUser

from flows.onboarding import Role
from storage import cohorts, safety
from storage.models import utcnow
from storage.safety_models import SafetyNudge, SafetyPledge, WorryLine, WorryTalk
from tests.e2e.support.conversation import next_answer
from tests.e2e.support.privacy import Traces, scan, settled
from tests.e2e.support.trajectory import begin_chat, greeted, pair_up
from tests.e2e.support.world import World

COHORT = "5B Peercoaching"
CHAT = "💬 Hier in de chat"
WORRIED = "🫶 Ik maak me zorgen"


async def invite_code(world: World, role: Role, *, cohort: str = COHORT) -> str:
    """A fresh invite for a role in a cohort, as /links would make it."""
    async with world.app.services.db.transaction() as session:
        found = await cohorts.cohort_by_name(session, name=cohort)
        assert found is not None
        invite = await cohorts.create_invite(session, cohort_id=found.id, role=role, now=utcnow())
        return invite.code


async def joins_as(
    world: World, name: str, role: Role, *, language: str = "Nederlands"
) -> ScriptedUser:
    """Someone joins the cohort with a role; their welcome is read."""
    person = world.person(name, language_code="en" if language == "English" else "nl")
    await world.join(person, await invite_code(world, role), language=language)
    person.skip_unread()
    return person


async def a_class(
    world: World, *, pledged: bool = True
) -> tuple[ScriptedUser, ScriptedUser, ScriptedUser, ScriptedUser]:
    """Sanne coaches Bram in a chat conversation; Ilse coordinates, Tom teaches (no confidant)."""
    (sanne, bram), ilse, _ = await pair_up(world, ["Sanne", "Bram"], pledged=pledged)
    assert ilse is not None
    tom = await joins_as(world, "Tom", Role.TEACHER)
    await greeted(sanne, bram)
    return sanne, bram, ilse, tom


async def test_a_cohort_gets_a_confidant_whom_students_see_by_first_name(world: World) -> None:
    """The fourth link; a coordinator is told plainly while there is none; students see her."""
    (sanne, _bram), ilse, _ = await pair_up(world, ["Sanne", "Bram"])
    assert ilse is not None
    await ilse.send("/help")
    missing = await ilse.expect("Wat kun je hier doen?")
    assert f"{COHORT}: nog geen vertrouwenspersoon" in (missing.text or "")
    await greeted(sanne)
    await sanne.send("/help")
    alone = await sanne.expect("Wat kun je hier doen?")
    assert "Je groep heeft nog geen vertrouwenspersoon" in (alone.text or "")
    assert sanne.buttons(alone) == [WORRIED]

    await ilse.send("/links")
    links = await ilse.expect("Voor één vertrouwenspersoon")
    assert (links.text or "").count("?start=") == 4
    code = (links.text or "").split("Voor één vertrouwenspersoon")[1].split("?start=")[1].split()[0]
    anna = world.person("Anna")
    await anna.send(f"/start {code}")
    await anna.expect("In welke taal")
    await anna.press("🇳🇱 Nederlands")
    await anna.expect("we praten Nederlands")
    await anna.expect("Wat je van leerlingen ziet: alleen wie met je wil praten")  # staff's own
    await anna.press("Oké, doe maar 👍")
    welcome = await anna.expect("Welkom bij")
    assert "Je bent de vertrouwenspersoon van deze groep" in (welcome.text or "")
    await anna.send("/help")
    assert f"{COHORT} (vertrouwenspersoon)" in ((await anna.expect("Wat kun je")).text or "")

    await sanne.send("/help")
    shown = await sanne.expect("Wat kun je hier doen?")
    assert "Je vertrouwenspersoon: Anna." in (shown.text or "")
    await ilse.send("/help")
    assert "nog geen vertrouwenspersoon" not in ((await ilse.expect("Wat kun je")).text or "")


async def test_a_coachee_talks_with_the_confidant_and_nobody_else_learns_of_it(
    world: World,
) -> None:
    """From the notebook mid-conversation: help lines, then the confidant, a relay both ways;
    the conversation with the coach goes on after, and nothing written is stored."""
    sanne, bram, ilse, tom = await a_class(world)
    anna = await joins_as(world, "Anna", Role.CONFIDANT)
    await begin_chat(sanne, bram, mode=CHAT)

    await bram.press(WORRIED)
    lines = await bram.expect("Hier kun je nu meteen terecht")
    text = lines.text or ""
    for line in ("112", "113 Zelfmoordpreventie: 0800-0113", "De Kindertelefoon: 0800-0432"):
        assert line in text, text
    assert bram.buttons(lines) == ["🙋 Over mezelf", "🤝 Over mijn coachingspartner"]
    await bram.press("🙋 Over mezelf")
    offer = await bram.expect("Zal ik Anna laten weten dat je wilt praten?")
    assert bram.buttons(offer) == ["💬 Ja, laat Anna het weten", "🙅 Nee, geef niets door"]
    await bram.press("💬 Ja, laat Anna het weten")
    asked = await bram.expect("Anna weet nu dat je wilt praten")
    told = "Ik vertel het verder aan niemand: geen leerkracht, geen coördinator, niet je partner"
    assert told in (asked.text or "")

    request = await anna.expect(f"Bram uit {COHORT} wil graag met je praten")
    assert anna.buttons(request) == ["↩️ Antwoord Bram", "✔️ Gesprek afsluiten"]
    await anna.press("↩️ Antwoord Bram")
    await anna.expect("Wat je nu typt, gaat naar Bram")
    from_anna = "Hoi Bram, fijn dat je het vraagt. Wanneer past het jou?"
    await anna.send(from_anna)
    await anna.expect("✓ Doorgestuurd naar Bram")  # where it went, with several talks open
    got = await bram.expect(f"Anna (vertrouwenspersoon): {from_anna}")
    assert bram.buttons(got) == ["↩️ Antwoord Anna"]
    await bram.press("↩️ Antwoord Anna")
    await bram.expect("Wat je nu typt, gaat naar Anna")
    from_bram = "Morgen in de grote pauze, bij lokaal 12?"
    await bram.send(from_bram)
    await anna.expect(f"Bram ({COHORT}): {from_bram}")
    await bram.send_photo(caption="kijk")
    await bram.expect("alleen tekst")

    # /cancel closes Bram's line; the coaching conversation with Sanne resumes as it was.
    await bram.send("/cancel")
    await bram.expect("gestopt")
    await bram.send("Sorry, even weg geweest!")
    await sanne.expect("Bram: Sorry, even weg geweest!")  # the very next thing Sanne sees
    for staff in (ilse, tom):
        await staff.expect_silence(0.5)

    await settled(world)
    assert await scan(world, Traces(None, [], [from_anna, from_bram])) == []
    async with world.app.services.db.sessions() as session:
        talk = (await session.scalars(select(WorryTalk))).one()
        assert (talk.student_id, talk.confidant_id) == (bram.user.id, anna.user.id)
        assert talk.answered_at is not None and talk.closed_at is None

    # Sanne forges Anna's answer button in her own chat: refused, and nothing changes.
    token = next(
        b["callback_data"]
        for row in request.button_rows()
        for b in row
        if b["text"] == "↩️ Antwoord Bram"
    )
    await sanne.send("/help")
    own = await sanne.expect("Wat kun je hier doen?")
    await sanne.press_data(own.message_id, token)
    await next_answer(sanne, "werkt niet meer")
    await sanne.expect_silence(0.3)

    await anna.press("✔️ Gesprek afsluiten")
    await anna.expect("Het gesprek met Bram is afgesloten")
    await bram.expect("Het gesprek met Anna is afgesloten")
    await bram.press("↩️ Antwoord Anna")
    await next_answer(bram, "Dit gesprek is afgesloten")


async def test_a_coach_worried_about_the_coachee_is_shown_how_to_ask_first(world: World) -> None:
    """The coach's card: the consent script before the offer; "no" passes nothing on."""
    sanne, bram, ilse, _tom = await a_class(world)
    anna = await joins_as(world, "Anna", Role.CONFIDANT)
    card = await begin_chat(sanne, bram, mode=CHAT)
    assert sanne.buttons(card)[-1] == WORRIED

    await sanne.press(WORRIED)
    await sanne.expect("Hier kun je nu meteen terecht")
    await sanne.press("🤝 Over mijn coachingspartner")
    script = await sanne.expect("Maak je je zorgen om Bram?")
    assert "Vraag het eerst aan Bram zelf" in (script.text or "")
    assert "Over je eigen zorg mag je altijd praten met de vertrouwenspersoon" in (
        script.text or ""
    )
    await sanne.expect("Zal ik Anna laten weten")
    await sanne.press("🙅 Nee, geef niets door")
    await sanne.expect("ik geef niets door")
    await sanne.press("💬 Ja, laat Anna het weten")  # the card was answered already
    await next_answer(sanne, "")
    for person in (anna, bram, ilse):
        await person.expect_silence(0.5)
    async with world.app.services.db.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(WorryTalk)) == 0


async def test_a_serious_word_prompts_the_writer_alone_once_per_conversation(
    world: World,
) -> None:
    """The message goes through unchanged; only the writer gets the help card, once."""
    sanne, bram, ilse, _tom = await a_class(world)
    await begin_chat(sanne, bram, mode=CHAT)

    heavy = "Eerlijk gezegd wil ik soms gewoon er niet meer zijn"
    await bram.send(heavy)
    await sanne.expect(f"Bram: {heavy}")
    nudge = await bram.expect("Alleen jij ziet dit")
    assert "113 Zelfmoordpreventie" in (nudge.text or "")
    assert bram.buttons(nudge) == ["🙋 Over mezelf", "🤝 Over mijn coachingspartner"]
    again = "Thuis slaat me soms iemand"
    await bram.send(again)
    await sanne.expect(f"Bram: {again}")
    await bram.expect_silence(0.5)  # once per conversation
    await sanne.expect_silence(0.3)
    await ilse.expect_silence(0.3)
    await bram.press("🙋 Over mezelf")
    await bram.expect("nog geen vertrouwenspersoon")  # no confidant: the help lines stay

    await settled(world)
    assert await scan(world, Traces(None, [], [heavy, again, "niet meer zijn"])) == []
    async with world.app.services.db.sessions() as session:
        nudges = (await session.scalars(select(SafetyNudge))).all()
        assert [n.user_id for n in nudges] == [bram.user.id]


async def test_in_english_with_belgian_help_lines_and_two_confidants(world: World) -> None:
    """A Flemish school: Awel and 1813; with two confidants the student picks one."""
    (emma, liam), _ilse, _ = await pair_up(world, ["Emma", "Liam"], language="English")
    async with world.app.services.db.transaction() as session:
        found = await cohorts.cohort_by_name(session, name=COHORT)
        assert found is not None
        await safety.set_country(session, cohort_id=found.id, country="BE")
    joe = await joins_as(world, "Joe", Role.CONFIDANT, language="English")
    kim = await joins_as(world, "Kim", Role.CONFIDANT, language="English")
    for student in (emma, liam):
        await student.expect("🤝")
        await student.expect("📍")

    await emma.send("/help")
    shown = await emma.expect("What can you do here?")
    assert "Your confidant: Joe, Kim." in (shown.text or "")
    await emma.press("🫶 I'm worried")
    lines = await emma.expect("You can reach these right now")
    assert "Awel: 102" in (lines.text or "") and "Zelfmoordlijn 1813: 1813" in (lines.text or "")
    assert "Kindertelefoon" not in (lines.text or "")
    await emma.press("🙋 About myself")
    offer = await emma.expect("Whom would you like to talk with?")
    assert emma.buttons(offer) == [
        "💬 Yes, let Joe know",
        "💬 Yes, let Kim know",
        "🙅 No, pass nothing on",
    ]
    await emma.press("💬 Yes, let Kim know")
    await emma.expect("Kim now knows you'd like to talk")
    await kim.expect(f"Emma from {COHORT} would like to talk with you")
    await joe.expect_silence(0.5)
    await liam.expect_silence(0.3)

    await emma.send("/worried")  # a second time: Kim is not asked twice
    await emma.expect("You can reach these right now")
    await emma.press("🙋 About myself")
    await emma.expect("Whom would you like to talk with?")
    await emma.press("💬 Yes, let Kim know")
    await emma.expect("Kim already knows you'd like to talk")
    await kim.expect_silence(0.5)
    async with world.app.services.db.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(WorryTalk)) == 1
        assert await session.scalar(select(func.count()).select_from(WorryLine)) == 0


async def test_a_journal_entry_with_a_serious_word_prompts_only_its_writer(world: World) -> None:
    """The coach reads the entry as written; the coachee alone gets the help card."""
    sanne, bram, _ilse, _tom = await a_class(world)
    anna = await joins_as(world, "Anna", Role.CONFIDANT)
    await begin_chat(sanne, bram, mode=CHAT)
    await bram.press("🙋 Waarom een coach")
    await bram.expect("Waarom wil je een coach?")
    entry = "Omdat ik mezelf pijn doe als het misgaat"
    await bram.send(entry)
    await bram.expect("Staat in je logboek")
    await sanne.expect(f"Bram schreef op · 🙋 Waarom een coach\n{entry}")
    await bram.expect("Alleen jij ziet dit")
    await bram.press("🙋 Over mezelf")
    await bram.expect("Zal ik Anna laten weten")
    await bram.press("🙅 Nee, geef niets door")
    await bram.expect("ik geef niets door")
    for person in (sanne, anna):
        await person.expect_silence(0.5)


async def test_a_confidant_who_blocked_the_bot_or_left_is_not_offered(world: World) -> None:
    """The student is told kindly and keeps the help lines; a stale offer asks nobody."""
    sanne, _bram, _ilse, _tom = await a_class(world)
    anna = await joins_as(world, "Anna", Role.CONFIDANT)
    await sanne.send("/worried")
    await sanne.expect("Hier kun je nu meteen terecht")
    await sanne.press("🙋 Over mezelf")
    await sanne.expect("Zal ik Anna laten weten")

    # Anna's role changes after the offer was made: the old button no longer reaches her.
    async with world.app.services.db.transaction() as session:
        found = await cohorts.cohort_by_name(session, name=COHORT)
        assert found is not None
        await cohorts.join_cohort(
            session, user_id=anna.user.id, cohort_id=found.id, role=Role.TEACHER, now=utcnow()
        )
    await sanne.press("💬 Ja, laat Anna het weten")
    await sanne.expect("Het lukt me nu niet om Anna te bereiken")
    await anna.expect_silence(0.5)

    kim = await joins_as(world, "Kim", Role.CONFIDANT)
    world.emulator.block_bot(kim.user)
    await settled(world)
    await sanne.send("/worried")
    await sanne.expect("Hier kun je nu meteen terecht")
    await sanne.press("🙋 Over mezelf")
    await sanne.expect("Het lukt me nu niet om Kim te bereiken")
    async with world.app.services.db.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(WorryTalk)) == 0


async def test_the_pledge_comes_before_the_first_relayed_message(world: World) -> None:
    """A match made outside the pool (nobody promised yet) relays nothing until both promised;
    a "no" can become a "yes"; what was written before is neither passed on nor kept."""
    sanne, bram, ilse, _tom = await a_class(world, pledged=False)
    await joins_as(world, "Anna", Role.CONFIDANT)
    await begin_chat(sanne, bram, mode=CHAT)

    early = "Hoi Sanne, zin in vandaag!"
    await bram.send(early)
    await bram.expect("Je bericht is nog niet doorgestuurd: eerst de belofte")
    for person in (bram, sanne):
        card = await person.expect("Voordat jullie elkaar schrijven: onze belofte")
        assert "Geen screenshots" in (card.text or "")
        assert "Die volwassene is Anna" in (card.text or "")
        assert person.buttons(card) == ["🤝 Ik beloof het", "🙅 Liever niet"]
    await bram.press("🤝 Ik beloof het")
    await bram.expect("Zodra Sanne het ook belooft")
    await sanne.press("🙅 Liever niet")
    await sanne.expect("Oké, dat is jouw keuze")
    refused = "Eigenlijk liever niet"
    await sanne.send(refused)
    await sanne.expect("eerst de belofte")
    await sanne.expect("onze belofte")
    waiting = "Ben je er nog?"
    await bram.send(waiting)
    await bram.expect("Sanne heeft de belofte nog niet gedaan")
    await sanne.press("🤝 Toch beloven")
    for person in (sanne, bram):
        await person.expect("Iedereen heeft het beloofd")
    await bram.send("Fijn! Zullen we beginnen?")
    await sanne.expect("Bram: Fijn! Zullen we beginnen?")
    await ilse.expect_silence(0.3)
    await bram.send("/contract")
    contract = await bram.expect("🤝 Belofte van vertrouwelijkheid")
    assert "Sanne ✅, Bram ✅" in (contract.text or "") or "Bram ✅, Sanne ✅" in (
        contract.text or ""
    )

    await settled(world)
    assert await scan(world, Traces(None, [], [early, refused, waiting])) == []
    async with world.app.services.db.sessions() as session:
        pledges = (await session.scalars(select(SafetyPledge))).all()
        assert sorted(p.user_id for p in pledges if p.agreed_at) == sorted(
            [sanne.user.id, bram.user.id]
        )
