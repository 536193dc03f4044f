"""A full solution-focused reflecting-team session: private questions revealed together."""

from __future__ import annotations

from flows.room import (
    CloseReason,
    RevealedContribution,
    RoomAction,
    contribute,
    next_step,
    pass_turn,
    reveal,
)
from tests.flows.test_room_support import ANA, BO, CAS, DEV, EVA, TEACHER, Scene


def _to_clarify(scene: Scene) -> None:
    scene.ok(contribute, ANA, "Ik wil leren nee zeggen tegen extra diensten.")
    scene.ok(next_step, TEACHER)
    scene.ok(contribute, ANA, "Soms lukt het al als ik het per app vraag.")
    scene.ok(next_step, TEACHER)


def test_a_whole_reflecting_team_session_in_dutch() -> None:
    scene = Scene.running("reflecting_team", "nl")
    assert scene.group[-1].startswith("<b>Stap 1 van 6: Hulpvraag</b> (5 min)")
    _to_clarify(scene)

    # 3: one clarifying question each, sent privately, shown together.
    assert scene.group[-1].startswith("✉️ Stuur je bijdrage voor ‘Verhelderende vraag’ privé")
    asked = {p.user_id for p in scene.prompts if p.key == "room.prompt.write_privately"}
    assert asked == {BO, CAS, DEV, EVA}
    scene.ok(contribute, BO, "Wie vraagt je om extra te werken?", privately=True)
    assert scene.private[BO][-1] == "Ontvangen, dank je! 1 van de 4 is binnen."
    scene.ok(contribute, CAS, "Wat zeg je nu als je ja zegt?", privately=True)
    scene.ok(pass_turn, DEV)
    assert "✉️ Binnen: 3 van 4" in scene.status()
    assert not scene.reveals
    assert "Wie vraagt je" not in "\n".join(scene.group)
    scene.ok(contribute, EVA, "Wanneer lukte nee zeggen wel?", privately=True)
    (shown,) = scene.reveals
    assert shown.contributions == (
        RevealedContribution(BO, "Bo", "Wie vraagt je om extra te werken?"),
        RevealedContribution(CAS, "Cas", "Wat zeg je nu als je ja zegt?"),
        RevealedContribution(EVA, "Eva", "Wanneer lukte nee zeggen wel?"),
    )
    heading = "✉️ <b>Verhelderende vraag</b>: dit hebben jullie gestuurd (3)"
    assert scene.group[-1].startswith(heading)
    scene.ok(contribute, ANA, "Mijn teamleider, meestal op vrijdag.")
    scene.ok(next_step, TEACHER)

    # 4 and 5: the team talks, the case-holder listens.
    listens = scene.refused(contribute, ANA, "Mag ik iets zeggen?")
    assert listens.reason_key == "room.refuse.case_holder_listens"
    assert "👂 Het team praat, de inbrenger luistert." in scene.status()
    scene.ok(contribute, BO, "Knap dat je het per app al durft.")
    scene.ok(contribute, DEV, "Je weet precies wanneer het lastig wordt.")
    scene.ok(next_step, TEACHER)
    scene.ok(contribute, CAS, "Misschien helpt een vaste zin die je oefent.")
    scene.ok(contribute, EVA, "Ze zou kunnen beginnen met één vrijdag nee zeggen.")
    scene.ok(next_step, TEACHER)

    # 6: the reflections are offered to choose from; Ana writes her own plan instead.
    choose = scene.prompts[-1]
    assert choose.user_id == ANA and choose.actions == (RoomAction.CHOOSE_STEP,)
    assert len(choose.choices) == 2
    scene.ok(contribute, ANA, "Vrijdag oefen ik de vaste zin bij mijn teamleider.")
    scene.time_up()

    assert scene.room.closed_reason is CloseReason.COMPLETED
    summary = scene.summary_text()
    assert summary.startswith("📝 <b>Jouw samenvatting: Reflecterend team</b>")
    assert "<b>Jouw situatie</b>\n• Ana: Ik wil leren nee zeggen" in summary
    assert "<b>Vragen</b>\n• Bo: Wie vraagt je om extra te werken?" in summary
    assert "<b>Wat ze sterk vonden</b>\n• Bo: Knap dat je het per app al durft." in summary
    assert "<b>Reflecties</b>\n• Cas: Misschien helpt een vaste zin" in summary
    assert "<b>Jouw stap:</b> Vrijdag oefen ik de vaste zin bij mijn teamleider." in summary
    assert "Mijn teamleider, meestal op vrijdag." not in summary


def test_the_facilitator_can_reveal_before_everyone_is_in() -> None:
    scene = Scene.running("reflecting_team", "en")
    _to_clarify(scene)
    assert scene.refused(reveal, TEACHER).reason_key == "room.refuse.nothing_to_reveal"
    scene.ok(contribute, DEV, "What did you try already?", privately=True)
    assert scene.refused(reveal, DEV).reason_key == "room.refuse.only_facilitator"
    scene.ok(reveal, TEACHER)
    assert [c.text for c in scene.reveals[-1].contributions] == ["What did you try already?"]


def test_unrevealed_contributions_are_shown_when_the_step_ends() -> None:
    scene = Scene.running("reflecting_team", "en")
    _to_clarify(scene)
    scene.ok(contribute, CAS, "Who else knows about it?", privately=True)
    scene.time_up()
    assert [c.author_id for c in scene.reveals[-1].contributions] == [CAS]
    assert scene.group[-1].startswith("<b>Step 4 of 6: What strikes us</b>")


def test_private_and_group_channels_are_kept_apart() -> None:
    scene = Scene.running("reflecting_team", "en")
    wrong_channel = scene.refused(contribute, ANA, "My request", privately=True)
    assert wrong_channel.reason_key == "room.refuse.share_in_group"
    _to_clarify(scene)
    scene.ok(contribute, BO, "Why Fridays?", privately=True)
    assert scene.refused(pass_turn, BO).reason_key == "room.refuse.already_handed_in"
