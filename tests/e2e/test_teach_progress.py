"""/progress for teachers: one class, its filters with counts, and the right numbers for an active,
a quiet, a finished and a dissolved trajectory, in Dutch and English, without any content."""

from __future__ import annotations

from datetime import date, timedelta

from tgemulator import ScriptedUser

from bot.handlers.trajectory import dissolve_match, start_match
from bot.runtime.turn import Turn
from flows.onboarding import Role
from flows.trajectory import Meeting, SmallStep, Step, StepStatus, Trajectory
from flows.trajectory.silence import Silence
from storage import cohorts, matches, people, trajectories
from storage.models import utcnow
from tests.e2e.support.pairing import promised
from tests.e2e.support.trajectory import put_snapshots
from tests.e2e.support.world import World

SECRET = "Ik wil durven spreken in de klas"
PAIRS = [("Sanne", "Bram"), ("Noor", "Ali"), ("Fien", "Jens"), ("Lotte", "Daan")]


async def _class(world: World) -> tuple[ScriptedUser, ScriptedUser, dict[str, ScriptedUser]]:
    """A Dutch and an English teacher and eight students of one class (joining is tested in
    test_onboarding; here they are stored as joined, which is much faster)."""
    mila, emma = world.person("Mila"), world.person("Emma", language_code="en")
    students = {name: world.person(name) for pair in PAIRS for name in pair}
    people_roles = [(mila, Role.TEACHER, "nl"), (emma, Role.TEACHER, "en")]
    people_roles += [(s, Role.STUDENT, "nl") for s in students.values()]
    now = utcnow()
    async with world.app.services.db.transaction() as session:
        cohort = await cohorts.create_cohort(
            session, name="5B Peercoaching", created_by=None, now=now
        )
        for person, role, language in people_roles:
            user = await people.get_or_create_user(session, user_id=person.user.id, now=now)
            user.language = language
            await people.accept_privacy(
                session, user=user, first_name=person.user.first_name, username=None, now=now
            )
            await cohorts.join_cohort(
                session, user_id=user.id, cohort_id=cohort.id, role=role, now=now
            )
    return mila, emma, students


async def _pairs(world: World, cohort_id: int, students: dict[str, ScriptedUser]) -> list[int]:
    """Start the four matches through the bot's own start, as pairing does."""
    ids = []
    async with world.app.services.db.transaction() as session:
        for coach, coachee in PAIRS:
            members = [students[coach].user.id, students[coachee].user.id]
            await promised(session, cohort_id=cohort_id, user_ids=members, now=utcnow())
            match = await matches.create_match(
                session, cohort_id=cohort_id, kind="one_way", members=members, now=utcnow()
            )
            turn = Turn(world.app.services, session, world.app.services.clock.now(), chat_id=0)
            await start_match(turn, match.id)
            ids.append(match.id)
    world.app.delivery.wake()
    return ids


async def _shape(world: World, ids: list[int], students: dict[str, ScriptedUser]) -> None:
    """Noor's coachee let three prompts pass; Fien and Jens finished with one step left open;
    Lotte and Daan were ended by a coordinator."""
    now = utcnow()
    _, quiet, finished, ended = ids
    async with world.app.services.db.transaction() as session:
        state = await trajectories.pair_state(session, match_id=quiet, now=now)
        silence = Silence(count=3, since=now - timedelta(days=4), asked=True)
        state.silences = {str(students["Ali"].user.id): silence.to_dict()}
    steps = tuple(
        SmallStep(n, SECRET, date(2026, 3, n), status, now)
        for n, status in enumerate((StepStatus.DONE, StepStatus.DONE, StepStatus.OPEN), 1)
    )
    meetings = tuple(Meeting(now - timedelta(days=d), held=True) for d in (21, 14, 7))
    closed = Trajectory(step=Step.CLOSED, small_steps=steps, meetings=meetings)
    await put_snapshots(world, finished, closed)
    async with world.app.services.db.transaction() as session:
        match = await matches.lock_match(session, match_id=finished)
        assert match is not None
        await matches.end_match(session, match=match, status="closed", reason=None, now=now)
        turn = Turn(world.app.services, session, world.app.services.clock.now(), chat_id=0)
        await dissolve_match(turn, ended, "coordinator_ended")
    world.app.delivery.wake()


async def _cohort_id(world: World) -> int:
    async with world.app.services.db.sessions() as session:
        found = await cohorts.cohort_by_name(session, name="5B Peercoaching")
        assert found is not None
        return found.id


async def test_progress_filters_count_active_finished_and_attention(world: World) -> None:
    mila, emma, students = await _class(world)
    ids = await _pairs(world, await _cohort_id(world), students)
    await _shape(world, ids, students)

    await mila.send("/progress")
    overview = await mila.expect("Voortgang in 5B Peercoaching", timeout=30)
    text = overview.text or ""
    assert "Actief: 2 · afgerond: 1 · aandacht nodig: 1 · gestopt: 1" in text
    assert "Sanne → Bram: Kennismaken · gesprekken: 0 · open stappen: 0 · laatst actief:" in text
    assert "Noor → Ali: Kennismaken" in text
    # Neither the finished nor the dissolved pair is listed as running.
    assert "Fien" not in text and "Lotte" not in text and "Daan" not in text
    assert mila.buttons(overview)[:3] == ["✓ Actief (2)", "Afgerond (1)", "Aandacht (1)"]

    await mila.press("Afgerond (1)")
    await mila.expect_callback_answer(timeout=30)
    finished = await mila.expect_edit("afgeronde trajecten", timeout=30)
    text = finished.text or ""
    assert "Fien → Jens: afgerond op" in text
    assert "gesprekken: 3 · stappen gezet: 2" in text
    assert "open stappen" not in text  # a finished coaching has no step left open
    assert "Sanne" not in text and "Lotte" not in text
    assert mila.buttons(finished)[:3] == ["Actief (2)", "✓ Afgerond (1)", "Aandacht (1)"]

    await mila.press("Aandacht (1)")
    attention = await mila.expect_edit("aandacht vragen", timeout=30)
    text = attention.text or ""
    assert "Noor → Ali: Kennismaken · laatst actief:" in text
    assert "3 vragen van de bot bleven liggen" in text
    assert "Sanne" not in text and "Fien" not in text

    await emma.send("/progress")
    english = await emma.expect("Progress in 5B Peercoaching", timeout=30)
    text = english.text or ""
    assert "Active: 2 · finished: 1 · needs attention: 1 · stopped: 1" in text
    assert "Sanne → Bram: Getting to know each other · conversations: 0 · open steps: 0" in text
    assert emma.buttons(english)[:3] == ["✓ Active (2)", "Finished (1)", "Attention (1)"]
    await emma.press("Finished (1)")
    edited = await emma.expect_edit("finished trajectories", timeout=30)
    assert "Fien → Jens: finished on" in (edited.text or "")
    assert "conversations: 3 · steps taken: 2" in (edited.text or "")

    for message in (overview, finished, attention, english, edited):
        assert SECRET not in (message.text or "")

    students["Sanne"].skip_unread()  # her pairing greeting and home card
    await students["Sanne"].send("/progress")
    await students["Sanne"].expect("voor leerkrachten en coördinatoren", timeout=30)


async def test_a_long_class_list_is_paged_within_telegrams_limit(world: World) -> None:
    mila, _, _ = await _class(world)
    cohort_id = await _cohort_id(world)
    now = utcnow()
    async with world.app.services.db.transaction() as session:
        for number in range(45):
            ids = [9_000_000 + 2 * number, 9_000_001 + 2 * number]
            for user_id, name in zip(
                ids, (f"Coach{number:02d}", f"Leerling{number:02d}"), strict=True
            ):
                user = await people.get_or_create_user(session, user_id=user_id, now=now)
                await people.accept_privacy(
                    session, user=user, first_name=name, username=None, now=now
                )
                await cohorts.join_cohort(
                    session, user_id=user_id, cohort_id=cohort_id, role=Role.STUDENT, now=now
                )
            await promised(session, cohort_id=cohort_id, user_ids=ids, now=now)
            match = await matches.create_match(
                session, cohort_id=cohort_id, kind="one_way", members=ids, now=now
            )
            await trajectories.create_trajectory(
                session,
                match_id=match.id,
                position=0,
                coach_id=ids[0],
                coachee_id=ids[1],
                observer_id=None,
                step="goal",
                snapshot=Trajectory(step=Step.GOAL).to_dict(),
                now=now - timedelta(minutes=number),
            )
    await mila.send("/progress")
    first = await mila.expect("Voortgang in 5B Peercoaching", timeout=30)
    text = first.text or ""
    assert len(text) <= 4096 and "Actief: 45" in text
    pages = int(text.rsplit("Pagina 1 van ", 1)[1].strip())
    assert pages >= 2
    assert "Coach00 → Leerling00" in text  # the most recent first
    assert mila.buttons(first)[3:] == ["Volgende ▶️", "🎓 Eerst oefenen, dan koppelen"]
    await mila.press("Volgende ▶️")
    second = await mila.expect_edit(f"Pagina 2 van {pages}", timeout=30)
    assert len(second.text or "") <= 4096
    assert "Coach00 →" not in (second.text or "")
    assert "◀️ Vorige" in mila.buttons(second)
    shown = _lines(text) + _lines(second.text or "")
    for page in range(3, pages + 1):
        await mila.press("Volgende ▶️")
        shown += _lines((await mila.expect_edit(f"Pagina {page} van", timeout=30)).text or "")
    assert shown == 45  # every pair on exactly one page
    await mila.press("◀️ Vorige")
    await mila.expect_edit(f"Pagina {pages - 1} van {pages}", timeout=30)


def _lines(text: str) -> int:
    return sum(1 for line in text.splitlines() if line.startswith("• "))
