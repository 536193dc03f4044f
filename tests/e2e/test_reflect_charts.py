"""The coachee's scale as a chart: a photo after each new score and in /journal, whose embedded
points are the stored scales; the coach sees it only while coaching. Dutch and English."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

from tgemulator import EmuMessage, ScriptedUser

from bot.charts import read_series
from flows.trajectory import (
    Event,
    Move,
    Party,
    Step,
    Trajectory,
    add_scale,
    add_stage,
    add_step,
    capture_goal,
    record_meeting,
)
from tests.e2e.support.trajectory import begin_chat, greeted, pair_up, put_snapshots, snapshots
from tests.e2e.support.world import World

FIRST = datetime(2026, 1, 5, 10, 0, tzinfo=UTC)
SECOND = datetime(2026, 1, 12, 10, 0, tzinfo=UTC)
BACK_TO_GOAL = datetime(2026, 1, 12, 10, 20, tzinfo=UTC)
THIRD = datetime(2026, 1, 19, 10, 0, tzinfo=UTC)


def walked(step: Step) -> Trajectory:
    """Two conversations behind them, with a score in each and a return to the goal between."""
    trajectory = Trajectory(step=Step.GOAL, click_confirmed=True)
    trajectory = record_meeting(trajectory, held=True, at=FIRST)
    trajectory = capture_goal(trajectory, "Beter plannen voor toetsen", by=Party.COACHEE, at=FIRST)
    trajectory = add_scale(trajectory, 3, by=Party.COACHEE, at=FIRST)
    trajectory = record_meeting(trajectory, held=True, at=SECOND)
    trajectory = add_scale(trajectory, 5, by=Party.COACHEE, at=SECOND)
    back = Move(Event.REVISE_GOAL, Step.PATH, Step.GOAL, Party.COACH, BACK_TO_GOAL)
    trajectory = replace(trajectory, moves=(back,), step=Step.ROUTE)
    trajectory = add_stage(trajectory, "Een planning maken", by=Party.COACHEE, at=THIRD)
    due = date(2026, 1, 23)
    trajectory = add_step(trajectory, "Rooster maken", due, by=Party.COACHEE, at=THIRD)
    return replace(trajectory, step=step)


def plotted(photo: EmuMessage) -> dict[str, Any]:
    """The series a chart photo carries."""
    assert photo.kind == "photo" and photo.file is not None
    return read_series(photo.file.data)


async def stored_points(world: World, match_id: int) -> list[dict[str, object]]:
    """The coachee's scales as the database holds them, in the chart's form."""
    [trajectory] = await snapshots(world, match_id)
    return [{"at": s.at.isoformat(), "value": s.value} for s in trajectory.scales]


async def test_a_new_score_sends_the_chart_of_the_stored_scales(world: World) -> None:
    """In the third conversation Bram scores a 7: his chart shows all three stored scores and
    the return to the goal; Sanne sees it in /journal while coaching, not once it is closed."""
    (sanne, bram), _, match_id = await pair_up(world, ["Sanne", "Bram"], kind="one_way")
    await put_snapshots(world, match_id, walked(Step.PATH))
    await greeted(sanne, bram)
    await begin_chat(sanne, bram, mode="💬 Hier in de chat")
    await bram.press("📊 Mijn cijfer")
    await bram.expect("Waar sta je vandaag, van 0 tot 10?")
    await bram.press("7")
    await bram.expect("Staat in je logboek")
    photo = await bram.expect("📈 Jouw cijfers door de tijd")
    caption = photo.text or ""
    assert "‘Beter plannen voor toetsen’" in caption
    assert "Je 3 cijfers, van oud naar nieuw: 3 op 5 jan, 5 op 12 jan, 7 op " in caption
    assert "Op 12 jan terug naar het doel" in caption
    series = plotted(photo)
    assert series["points"] == await stored_points(world, match_id)
    assert [p["value"] for p in series["points"]] == [3, 5, 7]
    assert series["marks"] == [{"at": BACK_TO_GOAL.isoformat(), "kind": "goal"}]
    await sanne.expect("Bram geeft zichzelf nu een 7 van de 10")

    await sanne.send("/journal")
    await sanne.expect("Logboek van Bram (jij bent de coach)")
    theirs = await sanne.expect("📈 Cijfers van Bram door de tijd")
    assert plotted(theirs)["points"] == await stored_points(world, match_id)
    await bram.send("/journal")
    await bram.expect("Jouw logboek")
    assert plotted(await bram.expect("📈 Jouw cijfers"))["points"] == plotted(photo)["points"]

    [now] = await snapshots(world, match_id)
    await put_snapshots(world, match_id, replace(now, step=Step.CLOSED))
    await sanne.send("/journal")
    ended = await sanne.expect("Je coaching met Bram is afgerond")
    assert "Beter plannen" not in (ended.text or "")
    await sanne.expect_silence(1.0)  # no longer coaching Bram: neither his words nor his chart
    await bram.send("/journal")
    await bram.expect("Jouw logboek")
    await bram.expect("📈 Jouw cijfers")  # his own, always


async def _english_pair(world: World) -> tuple[ScriptedUser, ScriptedUser, int]:
    (emma, liam), _, match_id = await pair_up(
        world, ["Emma", "Liam"], kind="one_way", language="English"
    )
    await put_snapshots(world, match_id, walked(Step.PATH))
    await greeted(emma, liam)
    return emma, liam, match_id


async def test_in_english_the_journal_shows_the_chart_with_its_words(world: World) -> None:
    """Liam's /journal has his chart, captioned in English with every score and the mark."""
    emma, liam, match_id = await _english_pair(world)
    await liam.send("/journal")
    await liam.expect("Your notebook")
    photo = await liam.expect("📈 Your scores over time")
    caption = photo.text or ""
    assert "Chart for your goal ‘Beter plannen voor toetsen’" in caption
    assert "Your 2 scores, oldest first: 3 on 5 Jan, 5 on 12 Jan." in caption
    assert "On 12 Jan: back to the goal (pink dashed line)." in caption
    assert plotted(photo)["points"] == await stored_points(world, match_id)
    await emma.send("/journal")
    await emma.expect("(you're the coach)")
    assert plotted(await emma.expect("📈 Liam's scores over time"))["marks"] == [
        {"at": BACK_TO_GOAL.isoformat(), "kind": "goal"}
    ]
