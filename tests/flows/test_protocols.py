"""Protocol data files: valid in both languages, the same shape, and clear errors when broken."""

from __future__ import annotations

import pytest

import flows.protocols as protocols
from flows.protocols import (
    LANGUAGES,
    PROTOCOL_IDS,
    ProtocolError,
    StepKind,
    Who,
    adjust_durations,
    list_protocols,
    load_protocol,
    parse_protocol,
    validate_all,
)

GOOD = """\
id = "demo"
language = "en"
title = "Demo"
description = "A tiny protocol."
min_members = 3
case_holder = true

[[steps]]
key = "tell"
title = "Tell"
instruction = "Case-holder: tell us."
who = "case_holder"
kind = "case"
minutes = 5

[[steps]]
key = "ask"
title = "Ask"
instruction = "One question each."
who = "each_in_turn"
kind = "question"
minutes = 10
collect_privately = true
"""


def _parse(source: str) -> protocols.Protocol:
    return parse_protocol(source, path="demo.toml", protocol_id="demo", language="en")


def _error(source: str) -> str:
    with pytest.raises(ProtocolError) as caught:
        _parse(source)
    return str(caught.value)


def _problems(source: str) -> list[str]:
    """Every problem the error lists, one per line, each starting with 'file:line:'."""
    return _error(source).splitlines()


def test_every_protocol_loads_in_every_language_with_the_same_steps() -> None:
    validate_all()
    for protocol_id in PROTOCOL_IDS:
        dutch, english = (load_protocol(protocol_id, language) for language in LANGUAGES)
        assert [s.key for s in dutch.steps] == [s.key for s in english.steps]
        assert [(s.who, s.kind, s.minutes) for s in dutch.steps] == [
            (s.who, s.kind, s.minutes) for s in english.steps
        ]
        assert dutch.title != english.title or dutch.id == english.id


def test_the_incident_method_follows_the_coaching_model() -> None:
    protocol = load_protocol("incident_method", "nl")
    assert [s.minutes for s in protocol.steps] == [5, 5, 15, 10, 10, 5, 5]
    questions, advice = protocol.step("questions"), protocol.step("advice")
    assert questions is not None and advice is not None
    assert (questions.who, questions.kind) == (Who.EACH_IN_TURN, StepKind.QUESTION)
    assert (advice.who, advice.kind) == (Who.EACH_IN_TURN, StepKind.IDEA)
    assert protocol.title == "Incidentmethode"


def test_the_reflecting_team_follows_the_coaching_model() -> None:
    protocol = load_protocol("reflecting_team", "en")
    assert [s.minutes for s in protocol.steps] == [5, 5, 8, 3, 10, 4]
    assert [s.kind for s in protocol.steps] == [
        StepKind.CASE,
        StepKind.CASE,
        StepKind.QUESTION,
        StepKind.AFFIRMATION,
        StepKind.REFLECTION,
        StepKind.PLAN,
    ]
    assert protocol.steps[2].collect_privately
    assert protocol.steps[4].who is Who.NOBODY_BUT_CASE_HOLDER_LISTENS


def test_protocols_are_offered_in_a_fixed_order() -> None:
    assert [p.id for p in list_protocols("nl")] == list(PROTOCOL_IDS)
    assert list_protocols("en")[2].title == "Progress round"


def test_dutch_instructions_speak_to_students_with_je_or_jullie() -> None:
    for protocol in list_protocols("nl"):
        for step in protocol.steps:
            words = set(step.instruction.lower().replace(",", " ").split())
            assert not {"u", "uw"} & words, f"{protocol.id}.{step.key} uses 'u'"


def test_a_valid_file_parses() -> None:
    protocol = _parse(GOOD)
    assert protocol.total_minutes == 15
    assert protocol.steps[1].collect_privately


def test_a_wrong_value_names_the_file_the_line_and_the_step() -> None:
    message = _error(GOOD.replace('who = "each_in_turn"', 'who = "all"'))
    assert message.startswith("demo.toml:20: step 2: who: must be one of case_holder,")
    assert "got 'all'" in message


def test_broken_toml_names_the_file_and_line() -> None:
    message = _error(GOOD.replace('title = "Ask"', 'title = "Ask'))
    assert message.startswith("demo.toml:18: not valid TOML")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("minutes = 10", "minutes = 61"), "demo.toml:22: step 2: minutes: must be at most 60"),
        (("minutes = 10", 'minutes = "10"'), "demo.toml:22: step 2: minutes:"),
        (('kind = "case"', 'kind = "advice"'), "demo.toml:13: step 1: kind: must be one of"),
        (('id = "demo"', 'id = "other"'), "demo.toml:1: id: must be 'demo'"),
        (("min_members = 3", "min_members = 1"), "demo.toml:5: min_members:"),
        (
            ('key = "ask"', 'key = "tell"'),
            "demo.toml:17: step 2: key: step key 'tell' is used",
        ),
        (('key = "ask"', 'key = "Ask me"'), "demo.toml:17: step 2: key: must be lower-case"),
        (('who = "case_holder"', 'who = "everyone"'), "demo.toml:6: case_holder: a protocol"),
        (("minutes = 5", "minuten = 5"), "demo.toml:14: step 1: minuten: unknown key"),
        (("minutes = 5", "minuten = 5"), "demo.toml:8: step 1: minutes: missing"),
        (('title = "Tell"\n', ""), "demo.toml:8: step 1: title: missing"),
    ],
)
def test_validation_errors_point_at_the_problem(change: tuple[str, str], expected: str) -> None:
    old, new = change
    assert any(problem.startswith(expected) for problem in _problems(GOOD.replace(old, new, 1)))


def test_private_collection_needs_several_writers() -> None:
    source = GOOD.replace("minutes = 5\n", "minutes = 5\ncollect_privately = true\n", 1)
    assert _error(source).startswith(
        "demo.toml:15: step 1: collect_privately: only steps where several people write"
    )


def test_case_holder_steps_need_a_case_holder() -> None:
    source = GOOD.replace("case_holder = true", "case_holder = false")
    assert _error(source).startswith("demo.toml:12: step 1: who: 'case_holder' needs")


def test_durations_can_be_adjusted_between_one_and_sixty_minutes() -> None:
    protocol = load_protocol("incident_method", "en")
    shorter = adjust_durations(protocol, {"questions": 8, "analysis": 1})
    assert shorter.total_minutes == protocol.total_minutes - 7 - 9
    with pytest.raises(ValueError, match="1 to 60 minutes"):
        adjust_durations(protocol, {"questions": 61})
    with pytest.raises(ValueError, match="no step 'question'"):
        adjust_durations(protocol, {"question": 8})


def test_unknown_protocols_and_languages_are_named() -> None:
    with pytest.raises(ProtocolError, match="unknown protocol 'fishbowl'"):
        load_protocol("fishbowl", "en")
    with pytest.raises(ProtocolError, match="unknown language 'de'"):
        load_protocol("incident_method", "de")
