"""Issue 13 end to end: age-aware consent. A young student of a parent-confirms cohort waits
with nothing stored but a bare id until a parent agrees through a link the student and cohort
members cannot use; a parent withdraws and the student is paused and offered erasure. In a
school-arranged cohort, young students are paired once the coordinator confirmed in Telegram."""

from __future__ import annotations

import io
import json
import re
import zipfile

from sqlalchemy import select
from tgemulator import ScriptedUser

from bot.handlers.privacy.export import HTML_NAME, JSON_NAME
from flows.onboarding import Role
from flows.safety.consent import AgeBand, Policy
from storage import cohorts, consent, safety
from storage.consent_models import CohortConsent, StudentConsent
from storage.models import Membership, User, utcnow
from storage.pairing_models import PoolEntry, PoolStatus
from tests.e2e.support.conversation import press_when_shown, read_until
from tests.e2e.support.pairing import join_pool
from tests.e2e.support.privacy import Traces, scan, settled
from tests.e2e.support.trajectory import begin_chat, greeted, pair_up
from tests.e2e.support.world import World

WAIT = 20.0  # the machine is shared: generous, never asserted
YOUNG = "Oké, en ik ben jonger dan 16"
IN = "🙋 Ik doe mee"
CHAT = "💬 Hier in de chat"
# Tables that may know a waiting student's bare Telegram id: the user row (id, language, the
# pending invite), the consent row and the bot's own delivery and button plumbing.
BARE = {"users", "student_consents", "buttons", "inbox", "outbox", "sent_messages"}


async def young_joins(world: World, name: str, code: str) -> ScriptedUser:
    """A student under 16 takes the invite link and accepts the notice as young."""
    student = world.person(name)
    await student.send(f"/start {code}")
    await student.expect(timeout=WAIT)
    await student.press("🇳🇱 Nederlands")
    await student.expect(timeout=WAIT)
    notice = await student.expect("privacy", timeout=WAIT)
    assert student.buttons(notice) == [
        "Oké, en ik ben 16 of ouder 👍",
        YOUNG,
        "Liever niet",
    ]
    await student.press(YOUNG)
    return student


async def pool_refused(student: ScriptedUser, says: str) -> None:
    """/pool, 'count me in': the student is told kindly why not (yet)."""
    await student.send("/pool")
    await student.expect("🤝", timeout=WAIT)
    await student.press(IN)
    await student.expect(says, timeout=WAIT)


async def test_parent_link_consent_withdrawal_and_the_pause(world: World) -> None:
    """Parent-confirms (the default): nothing but a bare id until a parent says yes."""
    codes = await world.cohort()
    ilse = world.person("Ilse")
    await world.join(ilse, codes[Role.COORDINATOR])
    lotte = await young_joins(world, "Lotte", codes[Role.STUDENT])
    asked = await lotte.expect("Stuur deze link naar je ouder", timeout=WAIT)
    found = re.search(r"start=(parent-[\w-]+)", asked.text or "")
    assert found is not None
    link = found.group(1)

    # Nothing is stored for her but a bare id: no name anywhere, no membership.
    await settled(world)
    assert await scan(world, Traces(None, ["Lotte"])) == []
    hits = await scan(world, Traces(lotte.chat_id, []))
    assert {hit.split(".")[0] for hit in hits} <= BARE, hits
    async with world.app.services.db.sessions() as session:
        user = await session.get(User, lotte.chat_id)
        assert user is not None and user.first_name is None and user.privacy_accepted_at is None
        assert (
            await session.scalars(select(Membership).where(Membership.user_id == user.id))
        ).all() == []

    # She can read /help (the link again) and the notice.
    await lotte.send("/help")
    waiting = await lotte.expect("wacht nog op het ja van je ouder", timeout=WAIT)
    assert link in (waiting.text or "")  # the link again, in the same one message
    await lotte.send("/privacy")
    await lotte.expect("Wat ik bewaar", timeout=WAIT)

    # Her own link, and someone already in the cohort, cannot agree.
    await lotte.send(f"/start {link}")
    await lotte.expect("Dit is de link voor je ouder", timeout=WAIT)
    await ilse.send(f"/start {link}")
    await ilse.expect("Jij zit zelf al in deze groep", timeout=WAIT)

    # A parent agrees; Lotte finishes joining and is paired like anyone.
    mum = world.person("Marieke")
    await mum.send(f"/start {link}")
    await mum.expect("Uw kind wil meedoen", timeout=WAIT)
    await mum.press("✅ Ik ga akkoord")
    await mum.expect("Dank u wel", timeout=WAIT)
    await lotte.expect("je ouder zei ja", timeout=WAIT)
    await lotte.press("Verder met aanmelden")
    await lotte.expect("Lotte", timeout=WAIT)  # the student's welcome, now with her name
    lotte.skip_unread()
    await join_pool(lotte)
    lotte.skip_unread()

    # The parent withdraws: Lotte leaves the pool, is paused and offered erasure.
    await mum.send(f"/start {link}")
    await mum.expect("U gaf eerder toestemming", timeout=WAIT)
    await mum.press("Toestemming intrekken")
    await mum.expect("Uw toestemming is ingetrokken", timeout=WAIT)
    withdrawn = await lotte.expect("toestemming ingetrokken", timeout=WAIT)
    assert lotte.buttons(withdrawn) == ["🗑 Wis mijn gegevens"]
    async with world.app.services.db.sessions() as session:
        entry = await session.scalar(select(PoolEntry).where(PoolEntry.user_id == lotte.chat_id))
        assert entry is not None and entry.status is PoolStatus.LEFT
    await pool_refused(lotte, "Je staat op pauze")

    # She takes the offer: nothing of her is left.
    await lotte.press("🗑 Wis mijn gegevens")
    await lotte.expect("Weet je het zeker?", timeout=WAIT)
    await lotte.press("Ja, wis alles")
    await lotte.expect("alles wat ik over je wist, is gewist", timeout=WAIT)
    await settled(world)
    assert await scan(world, Traces(None, ["Lotte"])) == []
    async with world.app.services.db.sessions() as session:
        assert await session.get(StudentConsent, (lotte.chat_id, 1)) is None


async def test_a_parent_says_no_and_the_student_is_forgotten(world: World) -> None:
    """A parent who declines: the waiting student is told kindly and nothing of her stays."""
    codes = await world.cohort()
    noor = await young_joins(world, "Noor", codes[Role.STUDENT])
    asked = await noor.expect("Stuur deze link naar je ouder", timeout=WAIT)
    link = re.search(r"start=(parent-[\w-]+)", asked.text or "")
    assert link is not None
    dad = world.person("Karel")
    await dad.send(f"/start {link.group(1)}")
    await dad.expect("Uw kind wil meedoen", timeout=WAIT)
    await dad.press("Nee, liever niet")
    await dad.expect("ik vergeet de aanvraag", timeout=WAIT)
    await noor.expect("ik heb alles over je vergeten", timeout=WAIT)
    await settled(world)
    hits = await scan(world, Traces(noor.chat_id, ["Noor"]))
    assert {hit.split(".")[0] for hit in hits} <= BARE - {"users", "student_consents"}, hits
    async with world.app.services.db.sessions() as session:
        assert await session.get(User, noor.chat_id) is None


async def test_school_arranged_consent_confirmed_by_the_coordinator(world: World) -> None:
    """School-arranged: young students join at once, and are paired once it is confirmed."""
    codes = await world.cohort()
    ilse = world.person("Ilse")
    await world.join(ilse, codes[Role.COORDINATOR])
    ilse.skip_unread()
    await ilse.send("/consent")
    await ilse.expect("ouder bevestigt", timeout=WAIT)
    await ilse.press("Via school regelen")
    card = await ilse.expect("via school", timeout=WAIT)
    assert "Nog niet bevestigd" in (card.text or "")

    sem = await young_joins(world, "Sem", codes[Role.STUDENT])
    await sem.expect("Sem", timeout=WAIT)  # welcome: he joined straight away
    sem.skip_unread()
    await pool_refused(sem, "Je school bevestigt eerst")

    await ilse.press("✅ Ouders zijn geïnformeerd")
    confirmed = await ilse.expect("Bevestigd door Ilse", timeout=WAIT)
    assert "Ouders zijn geïnformeerd" not in ilse.buttons(confirmed)
    async with world.app.services.db.sessions() as session:
        row = await session.scalar(select(CohortConsent))
        assert row is not None and row.informed_by == "Ilse" and row.informed_at is not None
        consent = await session.scalar(select(StudentConsent))
        assert consent is not None and consent.band == "young" and consent.parent_code is None
    sem.skip_unread()
    await join_pool(sem)
    async with world.app.services.db.sessions() as session:
        entry = await session.scalar(select(PoolEntry).where(PoolEntry.user_id == sem.chat_id))
        assert entry is not None and entry.status is PoolStatus.ACTIVE

    # His download says what is kept about his consent: the band, the policy, no parent.
    sem.skip_unread()
    await sem.send("/privacy")
    await read_until(sem, "Eerst even over privacy")
    await press_when_shown(sem, "📦 Download mijn gegevens")
    message = await read_until(sem, "Alles wat ik over je bewaar")
    assert message.file is not None
    with zipfile.ZipFile(io.BytesIO(message.file.data)) as archive:
        document = json.loads(archive.read(JSON_NAME))
        page = archive.read(HTML_NAME).decode("utf-8")
    assert document["consents"] == [
        {
            "cohort": "5B Peercoaching",
            "age_band": "young",
            "policy": "school",
            "parent_agreed_at": None,
            "withdrawn_at": None,
        }
    ]
    assert "jonger dan de leeftijdsgrens" in page

    # The coordinator sets the country in Telegram too: Belgian help lines, threshold 13.
    await ilse.press("🇧🇪 Land: België")
    belgian = await ilse.expect("Land: België", timeout=WAIT)
    assert "Leerlingen jonger dan 13" in (belgian.text or "")
    assert ilse.buttons(belgian) == ["Ouder laten bevestigen", "🇳🇱 Land: Nederland"]
    await sem.send("/worried")
    lines = await sem.expect("Hier kun je nu meteen terecht", timeout=WAIT)
    assert "Awel" in (lines.text or "") and "Kindertelefoon" not in (lines.text or "")


async def test_a_declined_pledge_keeps_a_student_out_of_pairing(world: World) -> None:
    """The pledge comes before the pool in every cohort; a "no" keeps the student unpaired."""
    codes = await world.cohort()
    ilse, daan = world.person("Ilse"), world.person("Daan")
    await world.join(ilse, codes[Role.COORDINATOR])
    await world.join(daan, codes[Role.STUDENT])
    ilse.skip_unread()
    daan.skip_unread()
    await daan.send("/pool")
    await daan.expect("🤝", timeout=WAIT)
    await daan.press(IN)
    card = await daan.expect("Voordat je gekoppeld wordt: onze belofte", timeout=WAIT)
    assert "Geen screenshots" in (card.text or "")
    assert daan.buttons(card) == ["🤝 Ik beloof het", "🙅 Liever niet"]
    await daan.press("🙅 Liever niet")
    await daan.expect("Zonder de belofte koppel ik je nog niet", timeout=WAIT)
    async with world.app.services.db.sessions() as session:
        assert (await session.scalars(select(PoolEntry))).all() == []
    await ilse.send("/pair")
    await ilse.expect("Er staat nog niemand in de koppelpool", timeout=WAIT)

    await daan.press("🤝 Toch beloven")
    await daan.expect("Dank je voor je belofte", timeout=WAIT)
    await daan.expect("Fijn dat je meedoet", timeout=WAIT)
    async with world.app.services.db.sessions() as session:
        entry = await session.scalar(select(PoolEntry).where(PoolEntry.user_id == daan.chat_id))
        assert entry is not None and entry.status is PoolStatus.ACTIVE


async def test_a_student_already_in_a_cohort_is_asked_their_age_for_the_next(world: World) -> None:
    """Threshold by country: 14-year-old Jesse is 'older' in a Belgian cohort, 'young' in a Dutch
    one; his parent's yes there makes him a member at once (his name is kept already)."""
    belgian = await world.cohort("3A Gent")
    dutch = await world.cohort("5B Peercoaching")
    async with world.app.services.db.transaction() as session:
        gent = await cohorts.cohort_by_name(session, name="3A Gent")
        assert gent is not None
        await safety.set_country(session, cohort_id=gent.id, country="BE")
    jesse = world.person("Jesse")
    await jesse.send(f"/start {belgian[Role.STUDENT]}")
    await jesse.expect(timeout=WAIT)
    await jesse.press("🇳🇱 Nederlands")
    await jesse.expect(timeout=WAIT)
    notice = await jesse.expect("privacy", timeout=WAIT)
    assert jesse.buttons(notice)[0] == "Oké, en ik ben 13 of ouder 👍"
    await jesse.press("Oké, en ik ben 13 of ouder 👍")
    await jesse.expect("3A Gent", timeout=WAIT)
    jesse.skip_unread()

    await jesse.send(f"/start {dutch[Role.STUDENT]}")
    ask = await jesse.expect("hoe oud ben je?", timeout=WAIT)
    assert jesse.buttons(ask) == ["Ik ben 16 of ouder", "Ik ben jonger dan 16"]
    await jesse.press("Ik ben jonger dan 16")
    asked = await jesse.expect("Stuur deze link naar je ouder", timeout=WAIT)
    link = re.search(r"start=(parent-[\w-]+)", asked.text or "")
    assert link is not None
    async with world.app.services.db.sessions() as session:
        rows = (
            await session.scalars(select(Membership).where(Membership.user_id == jesse.chat_id))
        ).all()
        assert len(rows) == 1  # only Gent until a parent says yes
    mum = world.person("Els")
    await mum.send(f"/start {link.group(1)}")
    await mum.expect("Uw kind wil meedoen", timeout=WAIT)
    await mum.press("✅ Ik ga akkoord")
    await jesse.expect("Je doet nu mee in 5B Peercoaching", timeout=WAIT)
    async with world.app.services.db.sessions() as session:
        rows = (
            await session.scalars(select(Membership).where(Membership.user_id == jesse.chat_id))
        ).all()
        assert len(rows) == 2


async def test_a_withdrawal_pauses_a_running_conversation(world: World) -> None:
    """Bram's parent agreed earlier and withdraws mid-match: nothing is relayed to or from him,
    both are told kindly, and nothing that was typed is kept."""
    (sanne, bram), _ilse, _ = await pair_up(world, ["Sanne", "Bram"])
    await greeted(sanne, bram)
    dad = world.person("Karel")
    async with world.app.services.db.transaction() as session:
        found = await cohorts.cohort_by_name(session, name="5B Peercoaching")
        assert found is not None
        row = await consent.record_student(
            session,
            user_id=bram.chat_id,
            cohort_id=found.id,
            band=AgeBand.YOUNG,
            policy=Policy.PARENT,
            with_parent_link=True,
            now=utcnow(),
        )
        row.agreed_at, row.parent_chat_id = utcnow(), dad.chat_id  # as if he agreed before
        link = f"parent-{row.parent_code}"
    await begin_chat(sanne, bram, mode=CHAT)
    await dad.send(f"/start {link}")
    await dad.expect("U gaf eerder toestemming", timeout=WAIT)
    await dad.press("Toestemming intrekken")
    await dad.expect("Uw toestemming is ingetrokken", timeout=WAIT)
    await bram.expect("toestemming ingetrokken", timeout=WAIT)

    to_bram, from_bram = "Hoe ging je week?", "Best goed eigenlijk"
    await sanne.send(to_bram)
    await sanne.expect("Je coachingspartner staat even op pauze", timeout=WAIT)
    await bram.send(from_bram)
    await bram.expect("Je staat op pauze", timeout=WAIT)
    await bram.expect_silence(0.3)
    await sanne.expect_silence(0.3)
    await settled(world)
    assert await scan(world, Traces(None, [], [to_bram, from_bram])) == []
