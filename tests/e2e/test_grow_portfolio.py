"""/log shows a coach the compliments their coachee gave them, per conversation; /portfolio
sends the coach, and only them, a PDF of their own log without the coachee's words."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import timedelta

from pypdf import PdfReader
from tgemulator import EmuMessage

from flows.trajectory import (
    CoachRole,
    Meeting,
    Note,
    NoteTopic,
    Observation,
    Party,
    Reflection,
    ReflectionQuestion,
    Step,
    TensionField,
    Trajectory,
)
from tests.e2e.support.trajectory import greeted, pair_up, put_snapshots
from tests.e2e.support.world import World
from tests.e2e.test_reflect_log import EARLIER, SECRET, walked

PRAISE = "Jij luistert echt goed, ook als ik stil ben"
GIVEN = "Bram durft veel te vertellen"  # the coach's compliment to Bram: his, not hers
TAKEAWAY = "Stilte laten vallen werkt"
SEEN = "Je vatte steeds kort samen wat je hoorde"


def coached(first_language: str = "nl") -> Trajectory:
    """Two conversations held; a reflection on the first, an observer's words on it, and in
    the second the coachee's compliment to the coach and the coach's to the coachee."""
    first, second = EARLIER + timedelta(days=1), EARLIER + timedelta(days=8)
    trajectory = walked(Step.PATH)
    return replace(
        trajectory,
        meetings=(*trajectory.meetings, Meeting(first, True), Meeting(second, True)),
        notes=(
            *trajectory.notes,
            Note(NoteTopic("compliment"), PRAISE, Party.COACHEE, second - timedelta(minutes=5)),
            Note(NoteTopic("compliment"), GIVEN, Party.COACH, second - timedelta(minutes=4)),
        ),
        reflections=(
            Reflection(
                2,
                CoachRole.SOUNDING_BOARD,
                dict.fromkeys(TensionField, 2),
                {ReflectionQuestion.TAKE_AWAY: TAKEAWAY},
                first + timedelta(hours=1),
            ),
        ),
        observations=(
            Observation(2, {ReflectionQuestion.RECOGNISED: SEEN}, first + timedelta(hours=2)),
        ),
    )


def pdf_text(message: EmuMessage) -> str:
    """The text of a PDF the bot sent, read back with pypdf; line breaks of wrapping as spaces."""
    assert message.kind == "document" and message.file is not None
    assert (message.file.file_name or "").endswith(".pdf")
    reader = PdfReader(io.BytesIO(message.file.data))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


async def test_the_coach_reads_their_compliments_and_gets_a_portfolio_without_bram(
    world: World,
) -> None:
    (sanne, bram), _, match_id = await pair_up(world, ["Sanne", "Bram"], kind="one_way")
    await put_snapshots(world, match_id, coached())
    await greeted(sanne, bram)

    await sanne.send("/log")
    await sanne.expect("Jouw coachlogboek")
    await sanne.expect("📊 Jouw groei als coach")
    first = await sanne.expect("Gesprek 2 met Bram")
    assert TAKEAWAY in (first.text or "") and "Complimenten" not in (first.text or "")
    second = await sanne.expect("Gesprek 3 met Bram")
    text = second.text or ""
    assert f"💐 Complimenten van Bram\n• {PRAISE}" in text
    assert GIVEN not in text and SECRET not in text
    await sanne.expect_silence(0.5)
    await bram.send("/log")  # Bram is coached here, not a coach: the compliment is not his
    await bram.expect("Je coachlogboek vult zich zodra je zelf iemand coacht")

    await sanne.send("/portfolio")
    document = await sanne.expect("Jouw coachportfolio")
    assert "Jij beslist of je het aan je docent geeft" in (document.text or "")
    text = pdf_text(document)
    assert "Coachportfolio van Sanne" in text
    assert "3 gesprekken gevoerd" in text and "1 compliment gekregen" in text
    assert "Mijn rol: Klankbord" in text and TAKEAWAY in text
    assert "Feedback van de observator" in text and SEEN in text
    assert "●" in text  # the Unicode font: the tension-field dots as in /log
    for coachees_words in (SECRET, "Agenda kopen", "Een agenda kiezen", PRAISE, GIVEN, "Bram"):
        assert coachees_words not in text, coachees_words
    await sanne.expect_silence(0.5)
    await bram.expect_silence(0.5)  # the student alone decides who gets it

    await bram.send("/portfolio")
    await bram.expect("Je portfolio vult zich zodra je zelf iemand coacht")


async def test_portfolios_in_english_with_and_without_reflections(world: World) -> None:
    (emma, liam), _, match_id = await pair_up(
        world, ["Emma", "Liam"], kind="reciprocal", language="English"
    )
    await put_snapshots(world, match_id, coached(), walked(Step.PATH))
    await greeted(emma, liam)
    await emma.send("/portfolio")
    text = pdf_text(await emma.expect("Your coach portfolio"))
    assert "Coach portfolio of Emma" in text and "My role: Sounding board" in text
    assert "Only you get this file" not in text  # the caption, not the document
    assert "1 compliment received" in text and PRAISE not in text
    await liam.send("/portfolio")  # Liam coached Emma once and did not look back on it
    text = pdf_text(await liam.expect("Your coach portfolio"))
    assert "1 conversation held" in text and "0 compliments received" in text
    assert "No conversations to look back on yet." in text
