"""Fewer taps (issue 15): counted button presses a pair needs, the way a new user goes.

Before (main at b698c07, counted by tests/e2e/test_trajectory_pair.py's own walk): every
conversation took four taps from /talk to the first question (start, who coaches, where,
ask), and the contract eighteen (eight agreements proposed and agreed, then both accept).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tgemulator import ScriptedUser

from flows.trajectory import ContractItemKey, Step, Trajectory
from tests.e2e.support.conversation import read_until
from tests.e2e.support.trajectory import greeted, pair_up, put_snapshots, snapshots
from tests.e2e.support.world import World

AGREE_ALL = "✅ Akkoord met alles"


@dataclass
class Taps:
    """Counts the buttons a person presses, as a tap each."""

    count: int = 0
    labels: list[str] = field(default_factory=list)

    async def press(self, person: ScriptedUser, label: str) -> None:
        """Press a button and count it."""
        self.count += 1
        self.labels.append(label)
        await person.press(label)


async def first_question(taps: Taps, coach: ScriptedUser, coachee: ScriptedUser) -> None:
    """The coach asks the card's question and the coachee reads it."""
    await coach.expect("Voor jou als coach")
    await coach.expect("Vraag 1 van")
    await coachee.expect("Jouw logboek")
    await taps.press(coach, "💬 Stel deze vraag")
    await coachee.expect(f"{coach.user.first_name} vraagt:")


async def end_talk(coach: ScriptedUser, coachee: ScriptedUser) -> None:
    """The coach ends the conversation (not counted: it is no step towards a question)."""
    await coach.press("⏹ Gesprek afronden")
    for person in (coach, coachee):
        await person.expect("Het gesprek is afgerond")


async def test_a_pair_starts_talking_and_agrees_its_contract_in_few_taps(world: World) -> None:
    """First conversation four taps (who and where are asked once), the contract two, every
    later conversation two: the coach is remembered, the direction takes turns, and one tap
    on the started card swaps who coaches."""
    (sanne, bram), _, match_id = await pair_up(world, ["Sanne", "Bram"])
    await greeted(sanne, bram)

    first = Taps()
    await sanne.send("/talk")
    await sanne.expect("Jij coacht Bram")
    await first.press(sanne, "▶️ Start ons gesprek")
    await sanne.expect("Wie coacht er")
    await first.press(sanne, "Ik coach Bram")
    await sanne.expect("Waar praten jullie")
    await first.press(sanne, "💬 Hier in de chat")
    for person in (sanne, bram):
        await person.expect("Sanne coacht, Bram is coachee")
    await first_question(first, sanne, bram)
    assert first.count == 4, first.labels
    await end_talk(sanne, bram)

    contract = Taps()
    for person in (bram, sanne):
        await person.expect("klikte het?")
    await sanne.expect("Neem even tijd voor jezelf")
    await contract.press(bram, "Ja, het klikt")
    await bram.expect("Zodra iedereen heeft geantwoord")
    await contract.press(sanne, "Ja, het klikt")
    for person in (sanne, bram):
        await person.expect("Het klikt! Op naar jullie afspraken.")
        await person.expect("zeg ja tegen alles, of pas er eentje aan")
        card = await person.expect("Alle afspraken op een rij")
        text = card.text or ""
        assert "Periode</i>: Dit semester" in text or "Periode: Dit semester" in text, text
        assert person.buttons(card) == [AGREE_ALL, "✏️ Eén aanpassen"]
    await contract.press(bram, AGREE_ALL)
    await bram.expect("Zodra iedereen akkoord is")
    again = await sanne.expect("Bram is al akkoord met alles")
    assert sanne.buttons(again)[0] == AGREE_ALL
    await contract.press(sanne, AGREE_ALL)
    for person in (sanne, bram):
        await person.expect("Jullie afspraken staan")
    assert contract.count == 4, contract.labels  # two for the click check, two for the contract
    trajectories = await snapshots(world, match_id)
    assert all(t.step is Step.GOAL for t in trajectories)
    for trajectory in trajectories:
        item = trajectory.contract.item(ContractItemKey.CONVERSATIONS)
        assert item is not None and item.agreed and item.value == "4 gesprekken"
    for person in (sanne, bram):
        await read_until(person, "Wanneer is jullie volgende gesprek")

    # The second conversation: Bram's turn to coach, in the chat as last time; no questions.
    second = Taps()
    await bram.send("/talk")
    home = await bram.expect("Waar jullie staan")
    assert "Volgende gesprek: Bram coacht Sanne, hier in de chat" in (home.text or "")
    await second.press(bram, "▶️ Start ons gesprek")
    for person in (bram, sanne):
        begun = await person.expect("Jullie gesprek is begonnen")
        assert "Bram coacht, Sanne is coachee" in (begun.text or "")
        assert "Wat je hier typt, stuur ik door" in (begun.text or "")
        assert person.buttons(begun) == ["🔄 Wissel: Sanne coacht", "🪑 Toch in het echt"]
    await first_question(second, bram, sanne)
    assert second.count == 2, second.labels
    await end_talk(bram, sanne)
    for person in (sanne, bram):
        await read_until(person, "Wanneer is jullie volgende gesprek")

    # The third: the turn would be Sanne's again; they swap in one tap and Bram coaches.
    third = Taps()
    await sanne.send("/talk")
    home = await sanne.expect("Waar jullie staan")
    assert "Volgende gesprek: Sanne coacht Bram" in (home.text or "")
    await third.press(sanne, "▶️ Start ons gesprek")
    for person in (sanne, bram):
        await person.expect("Sanne coacht, Bram is coachee")
    await sanne.expect("Voor jou als coach")
    await sanne.expect("Vraag 1 van")
    await bram.expect("Jouw logboek")
    await third.press(bram, "🔄 Wissel: Bram coacht")
    for person in (bram, sanne):
        begun = await person.expect("Jullie gesprek is begonnen")
        assert "Bram coacht, Sanne is coachee" in (begun.text or "")
    await first_question(third, bram, sanne)
    assert third.count == 3, third.labels
    counted = [t.conversation_count for t in await snapshots(world, match_id)]
    assert counted == [1, 1]  # the swap did not count a conversation for Sanne coaching Bram


async def test_an_empty_journal_says_what_is_not_there_yet_in_both_languages(
    world: World,
) -> None:
    """Before a goal, every section of the journal is there and says what is still to come."""
    (sanne, bram), _, match_id = await pair_up(world, ["Sanne", "Bram"], kind="one_way")
    (emma, liam), _, other = await pair_up(
        world,
        ["Emma", "Liam"],
        kind="one_way",
        language="English",
        cohort="Year 9",
        coordinator=None,
    )
    for match in (match_id, other):
        await put_snapshots(world, match, Trajectory(step=Step.GOAL, click_confirmed=True))
    await greeted(sanne, bram)
    for person in (emma, liam):
        await person.expect("🤝")
        await person.expect("📍")
    await bram.send("/journal")
    journal = (await bram.expect("Jouw logboek")).text or ""
    for empty in ("Doel\nnog geen doel", "Cijfers\nnog geen cijfer", "Etappes\nnog geen etappes"):
        assert empty in journal, journal
    for empty in ("nog geen kleine stappen", "nog niets opgeschreven", "nog geen gesprekken"):
        assert empty in journal, journal
    await liam.send("/journal")
    english = (await liam.expect("Your notebook")).text or ""
    for empty in ("no goal yet", "no score yet", "no stages yet", "no small steps yet"):
        assert empty in english, english
    assert "nothing written down yet" in english and "no conversations yet" in english
