"""Everyone hears the outcome, the unpaired why; private wishes stay private; re-pairing after a
silent partner or a dissolved match takes one step and leaves everyone else alone."""

from __future__ import annotations

from bot.handlers.pairing import notify_repair_needed
from bot.handlers.trajectory import dissolve_match
from bot.runtime.turn import Turn
from storage import cohorts
from tests.e2e.support.pairing import (
    a_class,
    all_delivered,
    in_pool,
    matches_of,
    shows_button,
)
from tests.e2e.support.privacy import ERASE_NL, erase_in_telegram
from tests.e2e.support.world import World


async def test_unpaired_hear_why_and_wishes_stay_private(world: World) -> None:
    klas = await a_class(world, ["Sanne", "Bram", "Noor", "Lotte"], english=["Lotte"])
    for name in ("Sanne", "Bram", "Noor"):
        await in_pool(world, klas[name], slots=["tue-pm"])
    await in_pool(world, klas["Lotte"], slots=["tue-pm"], language="en")
    noor, lotte, ilse = klas["Noor"], klas["Lotte"], klas.coordinator

    # Noor privately asks not to be paired with Bram.
    await noor.send("/nopair")
    listing = await noor.expect("Liever niet met")
    assert "ook je coördinator niet" in (listing.text or "")
    assert noor.buttons(listing) == ["Bram", "Lotte", "Sanne", "✅ Klaar"]
    await noor.press("Bram")
    await shows_button(noor, "🚫 Bram")
    await noor.press("✅ Klaar")
    await noor.expect("Bewaard: 1 op je lijst")

    # Lotte pauses for a week.
    await lotte.send("/pool")
    await lotte.expect("Your place in the pairing pool")
    await lotte.press("⏸ Take a break")
    pause = await lotte.expect("Until when would you like to pause?")
    week = lotte.buttons(pause)[0]
    assert week.startswith("1 wk, until ")
    await lotte.press(week)
    await lotte.expect("you're pausing until")

    await ilse.send("/pair")
    preview = await ilse.expect("Voorstel ronde 1")
    text = preview.text or ""
    assert "Noor, Bram" not in text and "Bram ↔ Noor" not in text  # the wish is honoured
    assert "Zonder partner:" in text and "• Lotte: pauzeert tot " in text
    assert "niet met" not in text and "wens" not in text  # and never shown
    await ilse.press("✅ Bevestigen")
    done = await ilse.expect("Bevestigd!")
    assert "1 duo en 0 trio's" in (done.text or "")
    assert "4 leerlingen hebben bericht gekregen" in (done.text or "")

    await lotte.expect("You're pausing until")
    stored = await matches_of(world)
    assert len(stored) == 1
    paired = set(stored[0][2])
    assert klas["Sanne"].user.id in paired
    left_out = klas["Bram"] if klas["Bram"].user.id not in paired else noor
    heard = await left_out.expect("nieuwe koppelronde")
    assert "Je blijft in de pool" in (heard.text or "")

    # The round is done: the one left out can be paired alone, once someone is free.
    await ilse.send("/pair")
    scope = await ilse.expect("wachten nu op een partner")
    assert left_out.user.first_name in (scope.text or "")
    assert ilse.buttons(scope) == ["🔁 Alleen hen koppelen", "🆕 Hele nieuwe ronde"]


async def test_a_silent_partner_is_handled_kindly_and_the_reporter_re_paired(world: World) -> None:
    klas = await a_class(world, ["Sanne", "Bram", "Noor", "Daan"])
    for name in ("Sanne", "Bram"):
        await in_pool(world, klas[name], slots=["tue-pm"])
    for name in ("Noor", "Daan"):
        await in_pool(world, klas[name], slots=["wed-am"])
    sanne, bram, noor, daan, ilse = (
        klas["Sanne"],
        klas["Bram"],
        klas["Noor"],
        klas["Daan"],
        klas.coordinator,
    )
    await ilse.send("/pair")
    await ilse.expect("Sanne ↔ Bram")
    await ilse.press("✅ Bevestigen")
    await ilse.expect("Bevestigd!")
    await all_delivered(world, [sanne, bram, noor, daan])
    # Daan leaves the pool, so Sanne cannot simply take Bram's place with him later.
    await daan.send("/pool")
    await daan.expect("Jouw plek")
    await daan.press("🚪 Uit de pool stappen")
    await daan.expect("Wil je echt uit de koppelpool stappen?")
    await daan.press("Ja, ik stap uit")
    await daan.expect("huidige koppeling loopt gewoon door")

    await sanne.send("/partner")
    await sanne.expect("Loopt er iets niet met je partner?")
    await sanne.press("😶 Mijn partner reageert niet meer")
    await sanne.expect("Dank je dat je het laat weten")
    notice = await ilse.expect("Een partner reageert niet meer")
    assert "Sanne laat weten dat Bram niet meer reageert" in (notice.text or "")
    await bram.expect_silence()  # Bram does not learn who reported

    await ilse.press("🔁 Koppeling beëindigen en opnieuw koppelen")
    await bram.expect("coördinator heeft jullie koppeling beëindigd")
    offer = await bram.expect("reageren even lastig was")
    assert bram.buttons(offer)[-2:] == ["🔁 Graag een nieuwe partner", "🚪 Uit de pool stappen"]
    repair = await ilse.expect("Opnieuw koppelen · 5B Peercoaching")
    # Nobody else is free, and Noor and Daan stay together untouched.
    assert "• Sanne: wie past, heeft al een partner" in (repair.text or "")
    await ilse.press("✖️ Nu niet")
    await ilse.expect("Oké, later")

    # Bram pauses for two weeks; the coordinator sees it.
    await bram.press(bram.buttons(offer)[1])
    await bram.expect("je pauzeert tot")
    paused = await ilse.expect("Bram pauzeert tot")
    assert "geen nieuwe partner" in (paused.text or "")
    await noor.expect_silence(0.1)
    stored = await matches_of(world)
    assert [status for _, status, _ in stored] == ["dissolved", "active"]


async def test_a_dissolved_match_reaches_the_coordinator_with_one_step_re_pairing(
    world: World,
) -> None:
    klas = await a_class(world, ["Sanne", "Bram", "Noor", "Daan", "Eva"])
    for name in ("Sanne", "Bram", "Noor", "Daan"):
        await in_pool(world, klas[name], slots=["tue-pm"])
    ilse, eva = klas.coordinator, klas["Eva"]
    await ilse.send("/pair")
    await ilse.expect("Voorstel ronde 1")
    await ilse.press("✅ Bevestigen")
    await ilse.expect("Bevestigd!")
    await in_pool(world, eva, slots=["tue-pm"])  # joins after the round: waits for a partner
    (first_id, first), (_, second) = [
        (number, members) for number, (_, _, members) in enumerate(await matches_of(world), 1)
    ]
    by_id = {p.user.id: p for p in klas.students.values()}
    # A match ends as the trajectories end it, and they call the exported notice.
    async with world.app.services.db.transaction() as session:
        cohort = await cohorts.cohort_by_name(session, name="5B Peercoaching")
        assert cohort is not None
        turn = Turn(world.app.services, session, world.app.services.clock.now(), chat_id=0)
        await dissolve_match(turn, first_id, "coordinator_ended")
        await notify_repair_needed(turn, cohort.id, first, "no_click")
    await all_delivered(world, list(klas.students.values()))
    notice = await ilse.expect("Nieuwe partner nodig")
    names = " en ".join(by_id[uid].user.first_name for uid in sorted(first))
    assert f"{names}: het klikte niet" in (notice.text or "")
    await ilse.press("🔁 Nu opnieuw koppelen")
    repair = await ilse.expect("Opnieuw koppelen")
    text = repair.text or ""
    # The two who parted do not meet again; one gets Eva, who was waiting anyway.
    assert "Eva" in text and "Zonder partner:" in text
    await ilse.press("✅ Bevestigen")
    await ilse.expect("Bevestigd!")
    kinds = await matches_of(world)
    assert [status for _, status, _ in kinds] == ["dissolved", "active", "active"]
    new = kinds[2][2]
    assert eva.user.id in new and len(set(new) & set(first)) == 1
    (left,) = set(first) - set(new)
    await eva.expect("Je coachingspartner")
    await by_id[left].expect("zocht een nieuwe partner voor je")
    for uid in second:
        await by_id[uid].expect_silence(0.1)  # not part of this re-pairing: hears nothing


async def test_a_silent_partner_may_rather_have_a_new_partner(world: World) -> None:
    klas = await a_class(world, ["Sanne", "Bram", "Noor"])
    for name in ("Sanne", "Bram"):
        await in_pool(world, klas[name], slots=["tue-pm"])
    sanne, bram, noor, ilse = klas["Sanne"], klas["Bram"], klas["Noor"], klas.coordinator
    await ilse.send("/pair")
    await ilse.expect("Sanne ↔ Bram")
    await ilse.press("✅ Bevestigen")
    await ilse.expect("Bevestigd!")
    await in_pool(world, noor, slots=["tue-pm"])  # joins after the round
    await all_delivered(world, [sanne, bram, noor])

    await sanne.send("/partner")
    await sanne.expect("Loopt er iets niet")
    await sanne.press("😶 Mijn partner reageert niet meer")
    await ilse.expect("Een partner reageert niet meer")
    await ilse.press("🔁 Koppeling beëindigen en opnieuw koppelen")
    repair = await ilse.expect("Opnieuw koppelen")
    assert "1. Sanne ↔ Noor: nieuw duo, allebei dinsdagnamiddag" in (repair.text or "")
    await bram.expect("coördinator heeft jullie koppeling beëindigd")
    await bram.expect("reageren even lastig was")
    await bram.press("🔁 Graag een nieuwe partner")
    await bram.expect("Je coördinator zoekt een nieuwe partner voor je")
    notice = await ilse.expect("Nieuwe partner nodig")
    assert "Bram: wil graag een nieuwe partner" in (notice.text or "")

    # Confirming the first proposal pairs Sanne and Noor; Bram's notice then finds nobody free.
    await ilse.press("✅ Bevestigen")
    await ilse.expect("Bevestigd!")
    await noor.expect("Je coachingspartner: Sanne")
    await ilse.press("🔁 Nu opnieuw koppelen")
    alone = await ilse.expect("Opnieuw koppelen")
    assert "• Bram: wie past, heeft al een partner" in (alone.text or "")


async def test_ending_still_works_after_choosing_to_reach_out_first(world: World) -> None:
    klas = await a_class(world, ["Sanne", "Bram", "Noor"])
    for name in ("Sanne", "Bram"):
        await in_pool(world, klas[name], slots=["tue-pm"])
    sanne, bram, noor, ilse = klas["Sanne"], klas["Bram"], klas["Noor"], klas.coordinator
    await ilse.send("/pair")
    await ilse.expect("Sanne ↔ Bram")
    await ilse.press("✅ Bevestigen")
    await ilse.expect("Bevestigd!")
    await in_pool(world, noor, slots=["tue-pm"])  # joins after the round
    await all_delivered(world, [sanne, bram, noor])

    await sanne.send("/partner")
    await sanne.expect("Loopt er iets niet")
    await sanne.press("😶 Mijn partner reageert niet meer")
    await ilse.expect("Een partner reageert niet meer")
    ilse.skip_unread()  # the answers to her earlier presses
    # First a talk in person: the match goes on, and the card says ending stays possible.
    await ilse.press("💬 Ik neem eerst zelf contact op")
    first = await ilse.expect_callback_answer("de koppeling loopt door")
    assert first.show_alert
    await bram.expect_silence(0.1)
    assert [status for _, status, _ in await matches_of(world)] == ["active"]

    # It did not help: the other button on the same card still ends and re-pairs.
    await ilse.press("🔁 Koppeling beëindigen en opnieuw koppelen")
    await bram.expect("coördinator heeft jullie koppeling beëindigd")
    repair = await ilse.expect("Opnieuw koppelen")
    assert "Sanne ↔ Noor" in (repair.text or "")
    assert [status for _, status, _ in await matches_of(world)] == ["dissolved"]


async def test_after_an_erasure_the_rest_of_a_triad_may_be_paired_together(world: World) -> None:
    klas = await a_class(world, ["Anna", "Bram", "Dina"])
    for name in ("Anna", "Bram", "Dina"):
        await in_pool(world, klas[name], slots=["tue-pm"])
    anna, bram, dina, ilse = klas["Anna"], klas["Bram"], klas["Dina"], klas.coordinator
    await ilse.send("/pair")
    await ilse.expect("Voorstel ronde 1")
    await ilse.press("✅ Bevestigen")
    done = await ilse.expect("Bevestigd!")
    assert "0 duo's en 1 trio" in (done.text or "")
    await all_delivered(world, [anna, bram, dina])

    # Bram erases his data: the triad ends; Anna and Dina never chose to part.
    await erase_in_telegram(bram, ERASE_NL)
    await all_delivered(world, [anna, dina])
    await ilse.expect("Nieuwe partner nodig")
    await ilse.press("🔁 Nu opnieuw koppelen")
    repair = await ilse.expect("Opnieuw koppelen")
    text = repair.text or ""
    assert "Anna ↔ Dina" in text and "Zonder partner:" not in text
    await ilse.press("✅ Bevestigen")
    await ilse.expect("Bevestigd!")
    await anna.expect("Je coachingspartner: Dina")
    await dina.expect("Je coachingspartner: Anna")
    stored = await matches_of(world)
    assert [status for _, status, _ in stored] == ["dissolved", "active"]
    assert sorted(stored[1][2]) == sorted([anna.user.id, dina.user.id])


async def test_partners_who_did_not_click_hear_the_true_reason_they_stay_apart(
    world: World,
) -> None:
    klas = await a_class(world, ["Sanne", "Bram"], english=["Bram"])
    await in_pool(world, klas["Sanne"], slots=["tue-pm"])
    await in_pool(world, klas["Bram"], slots=["tue-pm"], language="en")
    sanne, bram, ilse = klas["Sanne"], klas["Bram"], klas.coordinator
    await ilse.send("/pair")
    await ilse.expect("Sanne ↔ Bram")
    await ilse.press("✅ Bevestigen")
    await ilse.expect("Bevestigd!")
    (match_id,) = [number for number, _ in enumerate(await matches_of(world), 1)]
    async with world.app.services.db.transaction() as session:
        turn = Turn(world.app.services, session, world.app.services.clock.now(), chat_id=0)
        await dissolve_match(turn, match_id, "no_click")  # which asks the coordinator to re-pair
    await all_delivered(world, [sanne, bram])
    await ilse.expect("Nieuwe partner nodig")
    await ilse.press("🔁 Nu opnieuw koppelen")
    repair = await ilse.expect("Opnieuw koppelen")
    text = repair.text or ""
    # Free and fitting, but they did not click: the no-repeats rule, named as such.
    assert "• Sanne: iedereen die past, was al eerder je partner" in text
    assert "• Bram: iedereen die past, was al eerder je partner" in text
    assert "geen passende partner" not in text
    await ilse.press("✅ Bevestigen")
    await ilse.expect("Bevestigd!")
    heard = await sanne.expect("was eerder al je partner")
    assert "heeft nu al een partner" not in (heard.text or "")
    await bram.expect("has been your partner before")
    assert [status for _, status, _ in await matches_of(world)] == ["dissolved"]
