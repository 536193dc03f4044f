"""/log: the coach reads back, per conversation, the role they took, where they stood on each
tension field in everyday words, their reflection answers and an observer's feedback; never
what the coachee wrote. Dutch and English."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from bot.charts import read_series
from flows.trajectory import (
    CoachRole,
    Observation,
    Party,
    Reflection,
    ReflectionQuestion,
    Step,
    TensionField,
    Trajectory,
    add_scale,
    add_stage,
    add_step,
    capture_goal,
    record_meeting,
)
from storage import trajectories
from storage.models import utcnow
from tests.e2e.support.trajectory import begin_chat, greeted, pair_up, put_snapshots, snapshots
from tests.e2e.support.world import World

EARLIER = datetime(2026, 1, 5, 10, 0, tzinfo=UTC)
SECRET = "Mijn ouders weten nog niks van mijn cijfers"


def walked(step: Step) -> Trajectory:
    """A goal, a scale, a stage and a step behind them, now in `step`."""
    trajectory = record_meeting(
        Trajectory(step=Step.GOAL, click_confirmed=True), held=True, at=EARLIER
    )
    trajectory = capture_goal(trajectory, SECRET, by=Party.COACHEE, at=EARLIER)
    trajectory = add_scale(trajectory, 4, by=Party.COACHEE, at=EARLIER)
    trajectory = replace(trajectory, step=Step.ROUTE)
    trajectory = add_stage(trajectory, "Een agenda kiezen", by=Party.COACHEE, at=EARLIER)
    due = date(2026, 1, 9)
    trajectory = add_step(trajectory, "Agenda kopen", due, by=Party.COACHEE, at=EARLIER)
    return replace(trajectory, step=step)


async def test_the_coach_reads_back_their_reflection_in_everyday_words(world: World) -> None:
    """Sanne coaches Bram, looks back, and reads it all in /log; Bram's words are not there."""
    (sanne, bram), _, match_id = await pair_up(world, ["Sanne", "Bram"], kind="one_way")
    await put_snapshots(world, match_id, walked(Step.PATH))
    await greeted(sanne, bram)
    await begin_chat(sanne, bram, mode="💬 Hier in de chat")
    await sanne.press("⏹ Gesprek afronden")
    await bram.expect("Het gesprek is afgerond")
    await bram.expect("Wanneer is jullie volgende gesprek?")
    await sanne.expect("Het gesprek is afgerond")
    await sanne.expect("Neem even tijd")
    await sanne.expect("Wanneer is jullie volgende gesprek?")
    await sanne.press("🪞 Even terugkijken")
    roles = await sanne.expect("Welke rol")
    role = sanne.buttons(roles)[1]
    await sanne.press(role)
    places = ["1", "2", "3", "4", "5", "1", "5"]
    for number, place in enumerate(places, start=1):
        field = await sanne.expect(f"{number}/7")
        if number == 1:  # everyday words to place yourself on, with an example of each end
            assert "1 = Ik hield ons bij het doel · 5 = Ik ging mee waar" in (field.text or "")
            assert "Bijvoorbeeld: 1 = “Zullen we even terugkijken" in (field.text or "")
        await sanne.press(place)
    answers = ["Bram dacht zelf na", "", "Dat ik te snel praatte", "Stilte helpt", "Vaker wachten"]
    for number, answer in enumerate(answers, start=1):
        await sanne.expect(f"Vraag {number} van 5")
        if answer:
            await sanne.send(answer)
        else:
            await sanne.press("⏭ Overslaan")
    await sanne.expect("lees het terug met /log")

    await sanne.send("/log")
    legend = await sanne.expect("Jouw coachlogboek")
    text = legend.text or ""
    assert "◀ Ik hield ons bij het doel, bijvoorbeeld: " in text
    assert "▶ Ik ging mee waar het gesprek heen ging" in text
    growth = await sanne.expect("📊 Jouw groei als coach")
    assert growth.kind == "photo" and growth.file is not None
    assert f"Je rollen: 1: {role}." in (growth.text or "")
    [stored] = await snapshots(world, match_id)
    plotted = read_series(growth.file.data)
    assert plotted["roles"] == [{"conversation": 1, "role": stored.reflections[0].role.value}]
    assert {f: [p["place"] for p in places] for f, places in plotted["tensions"].items()} == {
        field.value: [int(place)] for field, place in zip(TensionField, places, strict=True)
    }
    entry = await sanne.expect("Gesprek 2 met Bram")
    shown = entry.text or ""
    assert f"Je rol: {role} (teruggekeken op " in shown
    assert "Ik hield ons bij het doel ●○○○○ Ik ging mee waar het gesprek heen ging" in shown
    assert "We werkten vooral de vragen af ○●○○○ We hadden ook echt contact" in shown
    assert "Ik keek naar dit ene onderwerp ●○○○○ Ik keek naar de hele persoon" in shown
    assert "Het ging om wat mijn coachee wil ○○○○● Het ging ook om wat school verwacht" in shown
    for answer in filter(None, answers):
        assert answer in shown
    assert "Wat verraste je" not in shown  # the skipped question is left out
    assert SECRET not in shown and "Agenda kopen" not in shown  # never the coachee's words
    assert stored.reflections[0].tensions[TensionField.GOAL_PROCESS] == 1
    await sanne.expect_silence()

    await bram.send("/log")  # Bram does not coach in this one-way pair
    await bram.expect("Je coachlogboek vult zich zodra je zelf iemand coacht")


async def test_an_observers_feedback_is_kept_in_english(world: World) -> None:
    """In a triad Anna reads Cas's feedback on her conversation later, in English."""
    people, _, match_id = await pair_up(
        world, ["Anna", "Ben", "Cas"], kind="triad", language="English"
    )
    anna = people[0]
    async with world.app.services.db.transaction() as session:
        rows = await trajectories.trajectories_of_match(session, match_id=match_id)
        row = next(r for r in rows if r.coach_id == anna.user.id)
        observer = next(p for p in people if p.user.id == row.observer_id)
        coachee = next(p for p in people if p.user.id == row.coachee_id)
        reflection = Reflection(
            1,
            CoachRole.SOUNDING_BOARD,
            dict.fromkeys(TensionField, 3),
            {ReflectionQuestion.TAKE_AWAY: "Ask one question at a time"},
            EARLIER,
        )
        seen = Observation(
            1,
            {
                ReflectionQuestion.RECOGNISED: "You let them finish every sentence",
                ReflectionQuestion.TAKE_AWAY: "Summarise a bit more often",
            },
            EARLIER,
        )
        later = Observation(2, {ReflectionQuestion.SURPRISED: "How calm you stayed"}, EARLIER)
        snapshot = replace(
            Trajectory.from_dict(row.snapshot),
            reflections=(reflection,),
            observations=(seen, later),
        )
        trajectories.store_snapshot(row, snapshot=snapshot.to_dict(), step=row.step, now=utcnow())
    await greeted(*people)
    await anna.send("/log")
    await anna.expect("Your coach log")
    growth = await anna.expect("📊 Your growth as a coach")
    assert "Your roles: 1: Sounding board." in (growth.text or "")
    assert growth.file is not None
    assert read_series(growth.file.data)["roles"] == [{"conversation": 1, "role": "sounding_board"}]
    first = await anna.expect(f"Conversation 1 with {coachee.user.first_name}")
    text = first.text or ""
    assert "Your role: Sounding board" in text
    assert "I kept us on the goal ○○●○○ I went where the talk went" in text
    assert "Ask one question at a time" in text
    assert f"Feedback from {observer.user.first_name} (observer)" in text
    assert "You let them finish every sentence" in text and "Summarise a bit more often" in text
    second = await anna.expect(f"Conversation 2 with {coachee.user.first_name}")
    assert "You haven't looked back on this conversation (yet)." in (second.text or "")
    assert "How calm you stayed" in (second.text or "")
