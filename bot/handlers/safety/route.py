"""The worry route: help lines first, then about whom, then (if the student wants) the confidant."""

from __future__ import annotations

from bot.handlers.safety.common import Circle, about_choices, circle_of, lines_text
from bot.handlers.safety.talks import notify_confidant, write_choice
from bot.i18n import Html
from bot.runtime.incoming import Incoming
from bot.runtime.router import Router
from bot.runtime.turn import Choice, Turn
from flows.onboarding import Role
from flows.safety import Offer, offer_for
from storage import cohorts, matches, people, safety
from storage.models import Button


def register(router: Router) -> None:
    """Wire /worried and the route's buttons."""
    router.command("worried", worried_command, before_joining=True)
    router.action("w_open", open_route, once=False)  # on /help and cards, pressed any time
    router.action("w_about", about)
    router.action("w_ask", ask_confidant)
    router.action("w_no", pass_nothing_on)


def worried_button(turn: Turn) -> list[Choice]:
    """The "I'm worried" row of a card or of /help."""
    return [turn.choice("safety.btn_worried", "w_open")]


async def worried_command(turn: Turn, incoming: Incoming) -> None:
    """/worried: the route from its start; before joining, the help lines at least."""
    if not turn.joined:
        country = turn.services.settings.default_country
        await turn.say("safety.lines_before_joining", lines=Html(lines_text(turn, country)))
        return
    await start_route(turn, counted=True)


async def open_route(turn: Turn, incoming: Incoming, button: Button) -> None:
    """ "I'm worried" on /help or a card: the card's step is left as it is, to resume after."""
    await start_route(turn, counted=True)


async def start_route(
    turn: Turn, *, intro: str = "safety.lines_intro", counted: bool = False
) -> None:
    """Help that works right now, before anything is asked; then: about whom?"""
    circle = await circle_of(turn)
    if counted:  # staff see how often the route is opened per cohort, never by whom
        await safety.count_start(turn.session, cohort_ids=circle.cohort_ids, on=turn.now.date())
    await turn.say(intro, lines=Html(lines_text(turn, circle.country)), choices=about_choices(turn))


async def about(turn: Turn, incoming: Incoming, button: Button) -> None:
    """About myself: the offer. About my partner: first how to ask for their consent."""
    circle = await circle_of(turn)
    if button.args.get("a") == "partner":
        await turn.say("safety.partner_script", name=await _partner_name(turn))
    await offer(turn, circle)


async def offer(turn: Turn, circle: Circle) -> None:
    """Offer the confidant(s) of the person's cohorts, or say plainly there is none."""
    kind, usable = offer_for(circle.confidants, turn.person.id)
    others = [c for c in circle.confidants if c.user_id != turn.person.id]
    if kind is Offer.NONE and others:
        # Blocked the bot: said kindly, and the help lines above stay.
        names = ", ".join(dict.fromkeys(c.first_name for c in others))
        await turn.say("safety.unreachable", name=names)
        return
    if kind is Offer.NONE:
        await turn.say("safety.offer_none")
        return
    rows = [
        [
            Choice(
                turn.plain("safety.btn_ask", name=c.first_name),
                "w_ask",
                {"c": c.user_id, "k": c.cohort_id, "name": c.first_name},
            )
        ]
        for c in usable
    ]
    rows.append([turn.choice("safety.btn_no", "w_no")])
    if kind is Offer.ONE:
        await turn.say("safety.offer_one", name=usable[0].first_name, choices=rows)
    else:
        names = ", ".join(c.first_name for c in usable)
        await turn.say("safety.offer_choose", names=names, choices=rows)


async def ask_confidant(turn: Turn, incoming: Incoming, button: Button) -> None:
    """(a) The confidant hears that this student would like to talk: who, cohort, when."""
    confidant_id, cohort_id = button.args.get("c"), button.args.get("k")
    name = str(button.args.get("name", ""))
    circle = await circle_of(turn)
    found = next(
        (c for c in circle.confidants if (c.user_id, c.cohort_id) == (confidant_id, cohort_id)),
        None,
    )
    if found is None or not found.reachable or found.user_id == turn.person.id:
        # Left the cohort or blocked the bot since the card was made: the lines stay above.
        await turn.say("safety.unreachable", name=name)
        return
    talk = await safety.open_talk(
        turn.session, student_id=turn.person.id, confidant_id=found.user_id
    )
    if talk is not None:
        await turn.say(
            "safety.already_asked",
            name=found.first_name,
            choices=[write_choice(turn, talk.id, found.first_name)],
        )
        return
    talk = await safety.start_talk(
        turn.session,
        cohort_id=found.cohort_id,
        student_id=turn.person.id,
        confidant_id=found.user_id,
        now=turn.now,
    )
    await notify_confidant(turn, talk)
    await turn.say(
        "safety.asked",
        name=found.first_name,
        choices=[write_choice(turn, talk.id, found.first_name)],
    )


async def pass_nothing_on(turn: Turn, incoming: Incoming, button: Button) -> None:
    """(b) Nothing is passed on, and nothing is kept."""
    await turn.say("safety.declined")


async def _partner_name(turn: Turn) -> str:
    """The first name of the coaching partner(s), or a plain word when there is none."""
    match = await matches.active_match_of(turn.session, user_id=turn.person.id)
    if match is None:
        return turn.plain("safety.partner_unknown")
    others = [
        m for m in await matches.members_of(turn.session, match_id=match.id) if m != turn.person.id
    ]
    names = await people.names(turn.session, user_ids=others)
    return " & ".join(names[o] for o in others if o in names) or turn.plain(
        "safety.partner_unknown"
    )


async def help_addition(turn: Turn, top: Role) -> tuple[str, list[list[Choice]]]:
    """What /help adds: a student's confidant and the worry button; a coordinator's gaps."""
    if top is Role.STUDENT:
        circle = await circle_of(turn)
        names = ", ".join(dict.fromkeys(c.first_name for c in circle.confidants))
        key = "safety.help_student" if names else "safety.help_student_none"
        return turn.text(key, names=names) if names else turn.text(key), [worried_button(turn)]
    if top is Role.COORDINATOR:
        mine = await cohorts.memberships_of(
            turn.session, user_id=turn.person.id, role=Role.COORDINATOR
        )
        ids = [m.cohort_id for m in mine]
        having = {c.cohort_id for c in await safety.confidants_of(turn.session, cohort_ids=ids)}
        missing = [m.cohort_name for m in mine if m.cohort_id not in having]
        if missing:
            return turn.text("safety.help_missing", cohorts=", ".join(missing)), []
    return "", []
