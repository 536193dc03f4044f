"""The dance check's rules: three taps in order, what a button may carry, and the opener."""

from __future__ import annotations

import pytest

from flows.dance import Answer, Done, Next, Opener, Question, first, latest, opener, shown_to, tap

SANNE, BRAM, CAS = 1, 2, 3


def test_three_taps_in_order_then_done() -> None:
    assert first() == Next(Question.LED, {})
    after_one = tap({}, "led", "me")
    assert after_one == Next(Question.RHYTHM, {Question.LED: "me"})
    after_two = tap({"led": "me"}, "rhythm", "slow")
    assert after_two == Next(Question.HEARD, {Question.LED: "me", Question.RHYTHM: "slow"})
    assert tap({"led": "me", "rhythm": "slow"}, "heard", "partly") == Done(
        {Question.LED: "me", Question.RHYTHM: "slow", Question.HEARD: "partly"}
    )


@pytest.mark.parametrize(
    ("given", "question", "value"),
    [
        ({}, "rhythm", "fast"),  # out of order
        ({}, "led", "nobody"),  # not an option
        ({"led": "me"}, "led", "other"),  # the same question again
        ({"led": "loud"}, "rhythm", "fast"),  # a forged earlier answer
        ({"rhythm": "fast"}, "heard", "yes"),  # an answer without the first question
        ({"led": "me", "rhythm": "fast", "heard": "no"}, "heard", "yes"),  # already complete
    ],
)
def test_a_tap_that_does_not_fit_is_refused(
    given: dict[str, str], question: str, value: str
) -> None:
    assert tap(given, question, value) is None


def a(person: int, partner: int, led: str, rhythm: str = "right", heard: str = "yes") -> Answer:
    return Answer(person, partner, led, rhythm, heard)


def test_who_led_is_read_from_each_persons_own_view() -> None:
    assert a(SANNE, BRAM, "me").leader() == SANNE
    assert a(BRAM, SANNE, "other").leader() == SANNE
    assert a(BRAM, SANNE, "together").leader() is None


def test_the_opener_puts_the_most_pressing_difference_first() -> None:
    assert opener([]) is None
    in_step = [a(SANNE, BRAM, "me"), a(BRAM, SANNE, "other")]
    assert opener(in_step) is Opener.IN_STEP
    assert opener([a(SANNE, BRAM, "me"), a(BRAM, SANNE, "me")]) is Opener.DIFFERENT
    assert opener([a(SANNE, BRAM, "me", rhythm="fast"), a(BRAM, SANNE, "me")]) is Opener.RHYTHM
    heard_partly = a(BRAM, SANNE, "me", rhythm="slow", heard="partly")
    assert opener([a(SANNE, BRAM, "me", rhythm="fast"), heard_partly]) is Opener.NOT_HEARD
    assert opener([a(SANNE, BRAM, "together")]) is Opener.ALONE


def test_the_latest_conversation_with_answers_is_shown_to_its_two_people() -> None:
    old = [a(SANNE, BRAM, "me")]
    new = [a(CAS, SANNE, "together")]
    assert latest([((1, 1), old), ((2, 1), new)]) == new
    assert latest([((1, 1), old), ((2, 1), [])]) == old
    assert latest([]) == ()
    # A triad: the observer of that conversation (Bram here) does not see it.
    assert shown_to(new, [SANNE, BRAM, CAS]) == [SANNE, CAS]
