"""A coordinator pairs a class in Telegram: students opt in with a profile, the coordinator sees
a reason per match, switches the mode, swaps, locks, runs again and confirms; everyone hears."""

from __future__ import annotations

from storage.pairing_models import RoundStatus
from tests.e2e.support.pairing import (
    a_class,
    in_pool,
    join_pool,
    matches_of,
    rounds_of,
    shows_button,
    trajectory_count,
)
from tests.e2e.support.world import World


async def test_a_student_opts_in_with_a_profile(world: World) -> None:
    klas = await a_class(world, ["Sanne"])
    sanne = klas["Sanne"]

    await sanne.send("/pool")
    invite = await sanne.expect("Koppelpool van 5B Peercoaching")
    assert "pas mee als je zelf op de knop tikt" in (invite.text or "")
    assert sanne.buttons(invite) == ["🙋 Ik doe mee", "Nu even niet"]
    await sanne.press("🙋 Ik doe mee")
    await sanne.expect("Fijn dat je meedoet")
    wants = await sanne.expect("Wat wil je het liefst?")
    assert len(sanne.buttons(wants)) == 3
    await sanne.press("🧭 Vooral zelf coachen")
    slots = await sanne.expect("Wanneer kun je meestal afspreken?")
    assert sanne.buttons(slots)[:3] == ["ma vm", "ma nm", "ma avond"]
    await sanne.press("di nm")
    await shows_button(sanne, "✅ di nm")
    await sanne.press("do avond")
    await shows_button(sanne, "✅ do avond")
    await sanne.press("✅ di nm")  # a second tap takes it off again
    await shows_button(sanne, "di nm")
    await sanne.press("✅ Klaar")
    await sanne.expect("In welke taal coach je het liefst?")
    await sanne.press("🇳🇱 Nederlands")
    await sanne.expect("Vertel in één zin iets over jezelf")
    await sanne.send("/cancel")  # stops asking; what was answered stays
    await sanne.expect("Oké, gestopt")
    await sanne.send("Ik klim graag")
    await sanne.expect("verwacht nu geen tekst")
    await sanne.send("/pool")
    await sanne.expect("je doet mee ✅")
    await sanne.press("✏️ Profiel aanpassen")
    await sanne.expect("Wat wil je het liefst?")
    await sanne.press("🧭 Vooral zelf coachen")
    await sanne.expect("Wanneer kun je meestal afspreken?")
    await sanne.press("✅ Klaar")
    await sanne.expect("In welke taal")
    await sanne.press("🇳🇱 Nederlands")
    await sanne.expect("Vertel in één zin iets over jezelf")
    await sanne.send("x" * 201)
    await sanne.expect("net iets te lang")
    await sanne.send("Ik klim graag en wil leren plannen")
    await sanne.expect("Waar ben je graag mee bezig?")
    await sanne.send("bouldering, gitaar")
    await sanne.expect("je profiel staat klaar")
    card = await sanne.expect("Jouw plek in de koppelpool")
    text = card.text or ""
    assert "vooral zelf coachen" in text and "donderdagavond" in text
    assert "dinsdagnamiddag" not in text
    assert "Ik klim graag en wil leren plannen" in text and "bouldering, gitaar" in text
    assert sanne.buttons(card) == [
        "✏️ Profiel aanpassen",
        "⏸ Even pauzeren",
        "🚪 Uit de pool stappen",
    ]
    # Once the questions are answered, free text is no longer taken as a profile answer.
    await sanne.send("hallo?")
    await sanne.expect("verwacht nu geen tekst")


async def test_coordinator_previews_adjusts_and_confirms_a_round(world: World) -> None:
    klas = await a_class(world, ["Sanne", "Bram", "Noor", "Daan", "Emma"], english=["Emma"])
    sanne = klas["Sanne"]
    await in_pool(world, sanne, slots=["tue-pm"], about="Ik klim graag", interests="gitaar")
    await in_pool(world, klas["Bram"], slots=["tue-pm"], about="Ik speel hockey")
    await in_pool(world, klas["Noor"], slots=["wed-am"])
    await in_pool(world, klas["Daan"], slots=["wed-am"])
    # Emma opts in herself, in English.
    await join_pool(klas["Emma"], slots=["Wed am"], english=True)
    ilse = klas.coordinator

    # The preview: a readable line with reasons per match; five people make a pair and a triad.
    await ilse.send("/pair")
    preview = await ilse.expect("Voorstel ronde 1 · 5B Peercoaching")
    lines = (preview.text or "").splitlines()
    assert "1. Sanne ↔ Bram: nieuw duo, allebei dinsdagnamiddag, zelfde taal" in lines
    assert any(
        line.startswith("2. Noor, Daan en Emma: Emma kwam erbij als derde") for line in lines
    )
    assert ilse.buttons(preview) == [
        "🔀 Wissel twee mensen",
        "🔒 Vastzetten",
        "🎲 Opnieuw",
        "➡️ Eén richting",
        "✅ Bevestigen",
        "🗑 Weggooien",
    ]

    # One-way and back.
    await ilse.press("➡️ Eén richting")
    one_way = await ilse.expect("Eén richting: de een coacht")
    assert "→" in (one_way.text or "")
    await ilse.press("🔁 Wederkerig")
    await ilse.expect("Wederkerig: partners coachen elkaar")

    # Swap Bram and Daan with two taps on names.
    await ilse.press("🔀 Wissel twee mensen")
    first = await ilse.expect("Wie wil je wisselen?")
    assert set(ilse.buttons(first)) >= {"Bram", "Daan", "Emma", "Noor", "Sanne", "↩️ Terug"}
    await ilse.press("Bram")
    second = await ilse.expect("Met wie wisselt Bram van plaats?")
    assert "Sanne" not in ilse.buttons(second)  # already together
    await ilse.press("Daan")
    swapped = await ilse.expect("Voorstel ronde 1")
    assert "Sanne ↔ Daan: door de coördinator gekozen, nieuw duo, nog geen gedeeld moment" in (
        swapped.text or ""
    )

    # Lock it, then run again: the locked pair stays.
    await ilse.press("🔒 Vastzetten")
    await ilse.expect("Welk duo zet je vast")
    await ilse.press("🔒 Sanne en Daan")
    locked = await ilse.expect("Voorstel ronde 1")
    assert "🔒 Sanne ↔ Daan: vastgezet" in (locked.text or "")
    await ilse.press("🎲 Opnieuw")
    rerun = await ilse.expect("Voorstel ronde 1")
    assert "🔒 Sanne ↔ Daan: vastgezet" in (rerun.text or "")
    assert "Bram, Noor en Emma" in (rerun.text or "")

    # Confirm: matches exist, each member hears their partner's intro, then the first card.
    await ilse.press("✅ Bevestigen")
    done = await ilse.expect("Bevestigd!")
    assert "1 duo en 1 trio" in (done.text or "")
    assert "5 leerlingen hebben bericht gekregen" in (done.text or "")
    intro = await klas["Sanne"].expect("Je coachingspartner: Daan")
    assert "Waarom jullie: nieuw duo, nog geen gedeeld moment, zelfde taal." in (intro.text or "")
    assert "vastgezet" not in (intro.text or "")  # how the coordinator worked stays theirs
    daan_intro = await klas["Daan"].expect("Je coachingspartner: Sanne")
    assert "Sanne over zichzelf: Ik klim graag" in (daan_intro.text or "")
    assert "Interesses: gitaar" in (daan_intro.text or "")
    emma = await klas["Emma"].expect("Your coaching partners: Bram and Noor")
    assert "Bram about themselves: Ik speel hockey" in (emma.text or "")
    await klas["Bram"].expect("Je coachingspartners: Noor en Emma")

    ids = {name: person.user.id for name, person in klas.students.items()}
    stored = await matches_of(world)
    assert stored[0] == ("reciprocal", "active", [ids["Sanne"], ids["Daan"]])
    assert stored[1][:2] == ("triad", "active")
    assert set(stored[1][2]) == {ids["Bram"], ids["Noor"], ids["Emma"]}
    assert [r.status for r in await rounds_of(world)] == [RoundStatus.CONFIRMED]
    # The trajectories started: their first cards follow the introductions.
    assert await trajectory_count(world) == 2 + 3

    # A next /pair finds everyone busy; throwing that proposal away changes nothing.
    await ilse.send("/pair")
    empty = await ilse.expect("Voorstel ronde 2")
    assert "Hebben al een partner (blijft zo): Sanne, Bram, Noor, Daan en Emma" in (
        empty.text or ""
    )
    assert ilse.buttons(empty) == ["🗑 Weggooien"]
    await ilse.press("🗑 Weggooien")
    await ilse.expect("Weggegooid")
    assert len(await matches_of(world)) == 2


async def test_only_coordinators_pair_and_only_students_join(world: World) -> None:
    klas = await a_class(world, ["Sanne"])
    await klas["Sanne"].send("/pair")
    await klas["Sanne"].expect("Koppelen doen coördinatoren")
    await klas.coordinator.send("/pool")
    await klas.coordinator.expect("De koppelpool is voor leerlingen")
    await klas.coordinator.send("/pair")
    await klas.coordinator.expect("Er staat nog niemand in de koppelpool")
