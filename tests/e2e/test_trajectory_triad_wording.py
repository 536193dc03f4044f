"""Wording counts people: a triad hears "all of you" and "Anna and Dina", a pair "you both";
nobody in a pair hears "all of you". Each person's own text is checked, in Dutch and English."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from flows.onboarding import Role
from storage import cohorts
from storage.models import utcnow
from tests.e2e.support.conversation import edited_to, expect_all, read_until
from tests.e2e.support.trajectory import greeted, pair_up
from tests.e2e.support.world import World


@dataclass(frozen=True)
class Words:
    """What the people of one language see on the way from the first talk to the first plan."""

    language: str
    start: str
    where: str
    chat: str
    coach_card: str
    notebook: str
    observer: str
    end: str
    ended: str
    look_back: str
    feedback: str
    click: str
    yes: str
    waiting: str
    matched: str
    stand: str
    whole: str
    agree: str
    set_: str
    plan: str
    planned: str


NL = Words(
    language="Nederlands",
    start="▶️ Start ons gesprek",
    where="Waar praten jullie",
    chat="💬 Hier in de chat",
    coach_card="Voor jou als coach",
    notebook="Jouw logboek",
    observer="Jij bent de observator",
    end="⏹ Gesprek afronden",
    ended="Het gesprek is afgerond",
    look_back="Neem even tijd",
    feedback="Je feedback gaat naar Anna",
    click="klikte het?",
    yes="Ja, het klikt",
    waiting="Dank je! Zodra iedereen heeft geantwoord, hoor je hoe het verder gaat.",
    matched="🎉 Het klikt! Op naar jullie afspraken.",
    stand="Pas als iedereen ja zegt, staan de afspraken.",
    whole="Alle afspraken op een rij",
    agree="✅ Akkoord met alles",
    set_="Jullie afspraken staan",
    plan="Wanneer is jullie volgende gesprek?",
    planned="Gepland",
)
EN = Words(
    language="English",
    start="▶️ Start our conversation",
    where="Where are you talking",
    chat="💬 Here in the chat",
    coach_card="For you as the coach",
    notebook="Your notebook",
    observer="You're the observer",
    end="⏹ End the conversation",
    ended="The conversation has ended",
    look_back="Take a moment",
    feedback="Your feedback goes to Anna",
    click="did it click?",
    yes="Yes, it clicks",
    waiting="Thanks! As soon as everyone has answered, you'll hear how it goes on.",
    matched="🎉 It clicks! On to your agreements.",
    stand="They stand once everyone says yes.",
    whole="All agreements at a glance",
    agree="✅ Agree to all",
    set_="Your agreements are set",
    plan="When is your next conversation?",
    planned="Planned",
)
# Per language and group size: whom the chat passes Bram's words to, whether the agreements
# suit everyone, and whom the reminder goes to.
PASSED_ON = {
    ("nl", 3): "Wat je hier typt, stuur ik door naar Anna en Dina. Ik bewaar het niet.",
    ("en", 3): "Whatever you type here, I pass on to Anna and Dina. I don't keep it.",
    ("nl", 2): "Wat je hier typt, stuur ik door naar Anna. Ik bewaar het niet.",
    ("en", 2): "Whatever you type here, I pass on to Anna. I don't keep it.",
}
SUITS = {
    ("nl", 3): "Zo doen de meeste duo's het. Past het jullie alle drie?",
    ("en", 3): "This is how most pairs do it. Does it suit all of you?",
    ("nl", 2): "Zo doen de meeste duo's het. Past het jullie allebei?",
    ("en", 2): "This is how most pairs do it. Does it suit you both?",
}
REMINDS = {
    ("nl", 3): "Ik herinner jullie alle drie de dag ervoor en een uur van tevoren.",
    ("en", 3): "I'll remind all of you the day before and an hour ahead.",
    ("nl", 2): "Ik herinner jullie allebei de dag ervoor en een uur van tevoren.",
    ("en", 2): "I'll remind you both the day before and an hour ahead.",
}


@pytest.mark.parametrize("words", [NL, EN], ids=["nl", "en"])
@pytest.mark.parametrize(
    "names", [["Anna", "Bram", "Dina"], ["Anna", "Bram"]], ids=["triad", "pair"]
)
async def test_each_person_hears_words_that_count_the_people(
    world: World, words: Words, names: list[str]
) -> None:
    """Anna coaches Bram (Dina observes in the triad) from the first talk to the first plan."""
    kind = "triad" if len(names) == 3 else "reciprocal"
    people, _, _ = await pair_up(world, names, kind=kind, language=words.language)
    anna, bram = people[0], people[1]
    observer = people[2] if len(people) == 3 else None
    lang, size = ("en" if words is EN else "nl"), len(people)
    await greeted(*people)

    await anna.press(words.start)
    who = await anna.expect()
    if observer is None:  # a pair first says who coaches
        await anna.press(anna.buttons(who)[0])
        await anna.expect(words.where)
    await anna.press(words.chat)
    begun = await expect_all(people, "Anna")
    assert PASSED_ON[(lang, size)] in (begun[1].text or ""), begun[1].text
    await anna.expect(words.coach_card)
    await anna.expect()
    await bram.expect(words.notebook)
    if observer is not None:
        await observer.expect(words.observer)

    await anna.press(words.end)
    await expect_all(people, words.ended)
    await expect_all(people, words.click)
    await anna.expect(words.look_back)
    if observer is not None:
        await observer.expect(words.feedback)
    for person in people[:-1]:
        await person.press(words.yes)
        waiting = await person.expect(words.waiting[:8])
        assert waiting.text == words.waiting
    await people[-1].press(words.yes)
    for person in people:
        matched = await person.expect("🎉")
        assert matched.text == words.matched
        intro = await person.expect(words.stand)
        assert words.stand in (intro.text or "")
        whole = await person.expect(words.whole)
        assert SUITS[(lang, size)] in (whole.text or ""), whole.text
    for person in people:
        await person.press(words.agree)
        await read_until(person, "✔️")
    for person in people:
        await read_until(person, words.set_)

    card = await read_until(anna, words.plan)
    await anna.press(anna.buttons(card)[0])
    times = await edited_to(anna, card.message_id, ":", seconds=30)
    await anna.press(anna.buttons(times)[0])
    planned = await anna.expect(words.planned, timeout=30)
    assert REMINDS[(lang, size)] in (planned.text or ""), planned.text


async def test_a_teacher_reads_once_for_one_opening_of_the_worry_route(world: World) -> None:
    """/progress counts in words that fit the number: once, not "1 times"."""
    (sanne, bram), _, _ = await pair_up(world, ["Sanne", "Bram"])
    async with world.app.services.db.transaction() as session:
        found = await cohorts.cohort_by_name(session, name="5B Peercoaching")
        assert found is not None
        invite = await cohorts.create_invite(
            session, cohort_id=found.id, role=Role.TEACHER, now=utcnow()
        )
    tom = world.person("Tom", language_code="en")
    await world.join(tom, invite.code, language="English")
    tom.skip_unread()
    await greeted(sanne, bram)
    await sanne.send("/worried")
    await sanne.expect("Hier kun je nu meteen terecht", timeout=30)
    await tom.send("/progress")
    shown = await tom.expect("5B Peercoaching", timeout=30)
    line = next(li for li in (shown.text or "").splitlines() if "Worry route" in li)
    assert line == ("🫶 Worry route opened: once (no names; who it was stays with the student).")
