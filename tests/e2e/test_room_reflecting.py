"""The solution-focused reflecting team end to end, in English, led by a student."""

from __future__ import annotations

from tests.e2e.support.conversation import next_answer, read_until
from tests.e2e.support.rooms import (
    STUDENTS,
    Classroom,
    classroom,
)


async def open_reflecting_team(room: Classroom) -> None:
    """The teacher links the group, opens a reflecting team, everyone joins, roles open."""
    await room.member("teacher").send("/room")
    await room.said("This group now belongs to Klas 4B.")
    await room.press("teacher", "Reflecting team")
    await room.watcher.expect_edit("Reflecting team (35 min in all)")
    await room.press("teacher", "✅ Open the session")
    await room.said("Mila is starting a group session: Reflecting team")
    for name in STUDENTS:
        await room.press(name, "🙋 I'm in")
    await room.status_shows("Participants (5): Ana, Bo, Cas, Dev, Eva")
    await room.press("teacher", "Choose roles")
    await room.said("Time for roles.")


async def test_a_student_leads_a_reflecting_team_with_questions_collected_privately(
    database_url: str,
) -> None:
    async with classroom(database_url, language="English", code="en") as room:
        await open_reflecting_team(room)

        # The teacher hands out the roles privately; the group sees who does what.
        await room.press("teacher", "🧑‍🏫 Hand out roles")
        await room.teacher.expect("Who gets which role?")
        await room.teacher.press("🎤 Ana")
        await room.said("Ana is bringing a situation today.")
        await room.teacher.press("🧭 Bo")
        await room.said("Bo is leading the conversation.")
        await room.status_shows("Case-holder: Ana", "Facilitator: Bo")
        await room.press("Cas", "▶️ Begin")
        await next_answer(room.member("Cas"), "That's up to the facilitator (Bo).", limit=8)
        await room.press("Bo", "▶️ Begin")
        await room.said("Let's begin! Ana brings the situation and Bo leads the conversation.")

        # 1 and 2: Ana asks for help and sketches the situation.
        await room.reply("Ana", "I want to stop being late for my internship.")
        await room.press("Bo", "⏭ Next step")
        await room.said("Step 2 of 6: A quick sketch (5 min)")
        await room.reply("Ana", "On Mondays it already goes a bit better.")
        await room.status_shows("Step 2/6")
        await room.press("Bo", "⏭ Next step")

        # 3: one question each, collected privately and shown together.
        await room.said("Step 3 of 6: One clarifying question (8 min)")
        await room.said("Send me your contribution for ‘One clarifying question’ privately.")
        for name in ("Bo", "Cas", "Dev", "Eva"):
            await room.students[name].expect("Send your contribution for ‘One clarifying question’")
        await room.students["Cas"].send("What makes Mondays different?")
        await room.students["Cas"].expect("Got it, thank you! 1 of 4 is in.")
        await room.students["Dev"].send_sticker()
        await room.students["Dev"].expect("I can't keep stickers, photos or voice messages.")
        await room.students["Dev"].send("Who could help you in the morning?")
        await room.students["Dev"].expect("2 of 4 are in")
        await room.press("Eva", "I pass")
        await room.status_shows("✉️ In: 3 of 4")
        await room.students["Bo"].send("What time do you get up?")
        reveal = await room.said("One clarifying question: here's what you sent (3)")
        assert "• Cas: What makes Mondays different?" in (reveal.text or "")
        assert "• Bo: What time do you get up?" in (reveal.text or "")
        await room.reply("Ana", "On Mondays my mum drives me.", to=reveal)
        await room.press("Bo", "⏭ Next step")

        # 4: the team appreciates, Ana listens; a pause and going back one step work too.
        await room.said("Step 4 of 6: What strikes us (3 min)")
        await room.reply("Cas", "You keep trying, that's strong.")
        await room.reply("Ana", "Thanks!")
        await room.students["Ana"].expect("You're listening for now.")
        await room.press("Bo", "⏸ Pause")
        await room.said("Bo has paused the session.")
        await room.later(10)
        await room.press("Bo", "▶️ Carry on")
        await room.said("We're carrying on with ‘What strikes us’. 3 min left.")
        await room.press("Bo", "↩️ Back")
        await read_until(room.students["Bo"], "Go back to step 3, ‘One clarifying question’?")
        await room.students["Bo"].press("Yes, go back")
        await room.said("We're going back to step 3: One clarifying question.")
        await room.press("Bo", "⏭ Next step")
        await room.said("Step 4 of 6: What strikes us")
        await room.status_shows("Step 4/6")  # a press on the card as it was counts once
        await room.press("Bo", "⏭ Next step")

        # 5 and 6: reflections out loud, then Ana states her plan.
        await room.said("Step 5 of 6: Thinking out loud (10 min)")
        await room.reply("Dev", "Maybe a friend could call you at seven.")
        await room.status_shows("Step 5/6")
        await room.press("Bo", "⏭ Next step")
        await room.said("Step 6 of 6: Your plan (4 min)")
        await room.reply("Ana", "From Monday I set two alarms and ask Sam to call me.")
        await room.status_shows("Step 6/6")
        await room.press("Bo", "Close")
        await room.said("Bo has closed the session.")

        summary = await read_until(room.students["Ana"], "Your summary: Reflecting team")
        text = summary.text or ""
        assert "Your situation\n• Ana: I want to stop being late" in text
        assert "Questions\n• Cas: What makes Mondays different?" in text
        assert "What they found strong\n• Cas: You keep trying, that's strong." in text
        assert "Reflections\n• Dev: Maybe a friend could call you at seven." in text
        assert "Your step: From Monday I set two alarms and ask Sam to call me." in text
        report = await read_until(room.teacher, "Group session Reflecting team")
        assert "5 participants (Ana, Bo, Cas, Dev, Eva)" in (report.text or "")
        assert "The session was closed early." in (report.text or "")
        assert "alarm" not in (report.text or "")
