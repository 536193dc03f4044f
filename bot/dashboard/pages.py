"""The dashboard's HTML: small, script-free pages; every value is escaped here."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from flows.dashboard import LINK_VALID, Activity, Attention, Funnel
from flows.pairing.ending import NextStep, RoundEnding, RoundSummary
from flows.trajectory import Step
from storage.operations import Operations

Say = Callable[..., str]  # a plain text by key in the page's language

FUNNEL_ROWS = ("invited", "joined", "consented", "in_pool", "paired")
OPEN_STEPS = tuple(s.value for s in Step if s not in (Step.CLOSED, Step.DISSOLVED))


def page(say: Say, language: str, title: str, body: str, *, csrf: str | None = None) -> str:
    """A whole page: landmarks, a skip link, the sign-out form when signed in."""
    signout = ""
    if csrf is not None:
        signout = (
            '<form method="post" action="/dashboard/signout" class="signout">'
            f'<input type="hidden" name="csrf" value="{escape(csrf)}">'
            f'<button type="submit">{escape(say("dashboard.web.signout"))}</button></form>'
        )
    return (
        f'<!doctype html><html lang="{escape(language)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>{escape(title)} · {escape(say('dashboard.web.title'))}</title>"
        '<link rel="stylesheet" href="/dashboard/static/dashboard.css"></head><body>'
        f'<a class="skip" href="#main">{escape(say("dashboard.web.skip"))}</a>'
        f'<header><p class="brand">{escape(say("dashboard.web.title"))}</p>{signout}</header>'
        f'<main id="main"><h1>{escape(title)}</h1>{body}</main></body></html>'
    )


def refusal(say: Say, language: str, reason: str) -> str:
    """A refusal page that says what happened and what to do next."""
    minutes = int(LINK_VALID.total_seconds() // 60)
    text = escape(say(f"dashboard.web.refused.{reason}", minutes=minutes))
    body = f'<p class="refusal" role="alert" data-refusal="{escape(reason)}">{text}</p>'
    return page(say, language, say("dashboard.web.refused_title"), body)


def signin(say: Say, language: str, token: str, csrf: str) -> str:
    """The sign-in form: a link preview or a scanner that GETs the link uses nothing up."""
    body = (
        f"<p>{escape(say('dashboard.web.signin_text'))}</p>"
        '<form method="post" action="/dashboard/signin">'
        f'<input type="hidden" name="t" value="{escape(token)}">'
        f'<input type="hidden" name="csrf" value="{escape(csrf)}">'
        f'<button type="submit">{escape(say("dashboard.web.signin_button"))}</button></form>'
    )
    return page(say, language, say("dashboard.web.signin_title"), body)


def signed_out(say: Say, language: str) -> str:
    """After signing out."""
    body = f"<p>{escape(say('dashboard.web.signed_out'))}</p>"
    return page(say, language, say("dashboard.web.title"), body)


@dataclass(frozen=True, slots=True)
class CohortLink:
    """A cohort on the index page."""

    cohort_id: int
    name: str
    role: str


def index(
    say: Say, language: str, cohorts: Sequence[CohortLink], csrf: str, *, operations: bool
) -> str:
    """The person's cohorts, each a link to its page (and the operations view for coordinators)."""
    if not cohorts:
        body = f"<p>{escape(say('dashboard.web.no_cohorts'))}</p>"
    else:
        items = "".join(
            f'<li><a href="/dashboard/cohort/{c.cohort_id}">{escape(c.name)}</a>'
            f" <span class=role>({escape(c.role)})</span></li>"
            for c in cohorts
        )
        body = f'<ul class="cohorts">{items}</ul>'
    if operations:
        body += (
            f'<p><a href="/dashboard/operations">{escape(say("dashboard.web.ops_link"))}</a></p>'
        )
    return page(say, language, say("dashboard.web.cohorts"), body, csrf=csrf)


def ops_index(say: Say, language: str, csrf: str) -> str:
    """The IT contact's start page: the operations view is all this sign-in opens."""
    body = (
        f'<p class="note">{escape(say("dashboard.web.ops_only"))}</p>'
        f'<p><a href="/dashboard/operations">{escape(say("dashboard.web.ops_link"))}</a></p>'
    )
    return page(say, language, say("dashboard.web.title"), body, csrf=csrf)


def operations(
    say: Say, language: str, ops: Operations, moment: Callable[[object], str], csrf: str
) -> str:
    """Backlogs, the last update, errors per hour and the database's size."""
    size = f"{ops.database_bytes / 1_000_000:.1f} MB" if ops.database_bytes is not None else "–"
    facts = (
        ("outbox", str(ops.outbox_pending)),
        ("oldest", moment(ops.oldest_pending) or say("dashboard.web.ops.none")),
        ("inbox", str(ops.updates_pending)),
        ("last_update", moment(ops.last_update) or say("dashboard.web.ops.none")),
        ("database", size),
    )
    rows = "".join(
        f'<tr><th scope="row">{escape(say(f"dashboard.web.ops.{key}"))}</th>'
        f'<td data-ops="{key}">{escape(value)}</td></tr>'
        for key, value in facts
    )
    hours = sorted(set(ops.failed_updates) | set(ops.failed_sends), reverse=True)
    if hours:
        lines = "".join(
            f'<tr><th scope="row">{escape(moment(hour))}</th>'
            f"<td>{ops.failed_updates.get(hour, 0)}</td>"
            f"<td>{ops.failed_sends.get(hour, 0)}</td></tr>"
            for hour in hours
        )
        head = "".join(
            f'<th scope="col">{escape(say(f"dashboard.web.ops.{key}"))}</th>'
            for key in ("hour", "failed_updates", "failed_sends")
        )
        errors = (
            f'<table data-ops="errors"><thead><tr>{head}</tr></thead><tbody>{lines}</tbody></table>'
        )
    else:
        errors = f'<p data-ops="errors">{escape(say("dashboard.web.ops.no_errors"))}</p>'
    body = (
        f'<p><a href="/dashboard/">← {escape(say("dashboard.web.back"))}</a></p>'
        f'<p class="note">{escape(say("dashboard.web.ops_note"))}</p>'
        f"<table><tbody>{rows}</tbody></table>"
        f"<h2>{escape(say('dashboard.web.ops.errors'))}</h2>{errors}"
    )
    return page(say, language, say("dashboard.web.operations"), body, csrf=csrf)


@dataclass(frozen=True, slots=True)
class RoundsView:
    """The cohort's rounds, and what the person may do with them now."""

    history: Sequence[RoundSummary]  # oldest first, re-pairings folded into their round
    coordinator: bool
    last: int  # the latest confirmed round's number (0: none yet)
    running: int  # pairs running now
    step: NextStep  # end the running round, confirm the waiting proposal, or start the next
    done: str | None  # what the last form asked for: end, next or again


@dataclass(frozen=True, slots=True)
class CohortView:
    """Everything one cohort's page shows: numbers, names with reasons, weeks."""

    cohort_id: int
    name: str
    funnel: Funnel
    attention: Sequence[Attention]
    activity: Activity
    date: Callable[[object], str]  # a moment as the page's language writes it
    rounds: RoundsView
    worry_routes: int = 0  # how often the worry route was opened (issue 13): no names


def cohort(say: Say, language: str, view: CohortView, csrf: str) -> str:
    """A cohort's page: funnel, needs attention, activity chart and table, CSV link."""
    base = f"/dashboard/cohort/{view.cohort_id}"
    body = (
        f'<p><a href="/dashboard/">← {escape(say("dashboard.web.back"))}</a></p>'
        f'<p class="note">{escape(say("dashboard.web.metadata_only"))}</p>'
        + _funnel(say, view.funnel)
        + _attention(say, view)
        + _activity(say, view.activity, base)
        + _rounds(say, view, base, csrf)
        + _worries(say, view.worry_routes)
        + f'<p><a class="button" href="{base}/export.csv" download>'
        f"{escape(say('dashboard.web.csv'))}</a></p>"
    )
    return page(say, language, view.name, body, csrf=csrf)


def _worries(say: Say, count: int) -> str:
    """How often students opened the worry route: a number, never who or why."""
    return (
        '<section aria-labelledby="worries">'
        f'<h2 id="worries">{escape(say("dashboard.web.worries"))}</h2>'
        f'<p data-worries="{count}">{escape(say("dashboard.web.worries_count", count=count))}</p>'
        "</section>"
    )


def _funnel(say: Say, funnel: Funnel) -> str:
    rows = [(key, say(f"dashboard.web.funnel.{key}"), getattr(funnel, key)) for key in FUNNEL_ROWS]
    steps = [
        (f"step_{step}", say(f"trajectory.step_{step}"), funnel.steps.get(step, 0))
        for step in OPEN_STEPS
    ]
    ended = [
        (key, say(f"dashboard.web.funnel.{key}"), getattr(funnel, key))
        for key in ("closed", "dissolved")
    ]

    def table(items: list[tuple[str, str, int]], caption: str) -> str:
        lines = "".join(
            f'<tr><th scope="row">{escape(label)}</th><td data-funnel="{key}">{number}</td></tr>'
            for key, label, number in items
        )
        return f"<table><caption>{escape(caption)}</caption><tbody>{lines}</tbody></table>"

    return (
        '<section aria-labelledby="funnel">'
        f'<h2 id="funnel">{escape(say("dashboard.web.funnel"))}</h2><div class="tables">'
        + table(rows + ended, say("dashboard.web.funnel_people"))
        + table(steps, say("dashboard.web.funnel.steps"))
        + "</div></section>"
    )


def _attention(say: Say, view: CohortView) -> str:
    heading = escape(say("dashboard.web.attention"))
    if not view.attention:
        items = f"<p>{escape(say('dashboard.web.attention_none'))}</p>"
    else:
        lines = []
        for person in view.attention:
            reasons = "; ".join(
                say(f"dashboard.web.reason.{reason.value}", date=view.date(when) if when else "")
                for reason, when in person.reasons
            )
            kinds = " ".join(reason.value for reason, _ in person.reasons)
            lines.append(
                f'<li data-reasons="{kinds}"><strong>{escape(person.first_name)}</strong>: '
                f"{escape(reasons)}</li>"
            )
        items = f'<ul class="attention">{"".join(lines)}</ul>'
    return (
        f'<section aria-labelledby="attention"><h2 id="attention">{heading}</h2>{items}</section>'
    )


def _activity(say: Say, activity: Activity, base: str) -> str:
    heading = escape(say("dashboard.web.activity"))
    alt = escape(say("dashboard.web.activity_alt", weeks=len(activity.weeks)))
    series = ("joined", "paired", "ended")
    head = "".join(
        f'<th scope="col">{escape(say(f"dashboard.web.series.{s}"))}</th>' for s in series
    )
    rows = "".join(
        f'<tr><th scope="row">{week.isoformat()}</th>'
        f"<td>{activity.joined[i]}</td><td>{activity.paired[i]}</td><td>{activity.ended[i]}</td></tr>"
        for i, week in enumerate(activity.weeks)
    )
    return (
        f'<section aria-labelledby="activity"><h2 id="activity">{heading}</h2>'
        f'<img class="chart" src="{base}/activity.svg" alt="{alt}" width="800" height="320">'
        f"<details><summary>{heading}</summary><table><thead><tr>"
        f'<th scope="col">{escape(say("dashboard.web.week"))}</th>{head}</tr></thead>'
        f"<tbody>{rows}</tbody></table></details></section>"
    )


def _round_line(say: Say, view: CohortView, line: RoundSummary) -> str:
    """One round: number, dates, pairs made, and what became of them."""
    return escape(
        say(
            "dashboard.web.round_line",
            number=line.number,
            start=view.date(line.started),
            end=view.date(line.ended) if line.ended else say("dashboard.web.round_running"),
            matches=line.made,
            active=line.running,
            finished=line.finished,
            dissolved=line.dissolved,
            ending=line.ending.value if line.ending else "none",
        )
    )


def _end_form(say: Say, rounds: RoundsView, base: str, hidden: str) -> str:
    """Ending the round: the coordinator picks keep or close (no default), then sends."""
    button = escape(say("dashboard.web.end_round", number=rounds.last))
    question = escape(say("dashboard.web.end_question", pairs=rounds.running))
    options = "".join(
        f'<p class="check"><input type="radio" id="ending-{value}" name="ending"'
        f' value="{value}" required> <label for="ending-{value}">'
        f"<b>{escape(say(f'dashboard.web.ending_{value}'))}</b> "
        f"{escape(say(f'dashboard.web.ending_{value}_hint'))}</label></p>"
        for value in (RoundEnding.KEEP.value, RoundEnding.CLOSE.value)
    )
    return (
        f'<form method="post" action="{base}/rounds/end">{hidden}'
        f"<fieldset><legend>{question}</legend>{options}</fieldset>"
        f'<button type="submit">{button}</button></form>'
        f'<p class="note">{escape(say("dashboard.web.end_first"))}</p>'
    )


def _rounds(say: Say, view: CohortView, base: str, csrf: str) -> str:
    rounds = view.rounds
    heading = escape(say("dashboard.web.rounds"))
    parts = [f'<section aria-labelledby="rounds"><h2 id="rounds">{heading}</h2>']
    if rounds.done in ("end", "next", "again"):
        done = escape(say(f"dashboard.web.done.{rounds.done}"))
        parts.append(f'<p role="status" class="status">{done}</p>')
    if rounds.history:
        items = "".join(f"<li>{_round_line(say, view, line)}</li>" for line in rounds.history)
        parts.append(f'<ul class="rounds">{items}</ul>')
    else:
        parts.append(f"<p>{escape(say('dashboard.web.rounds_none'))}</p>")
    hidden = (
        f'<input type="hidden" name="csrf" value="{escape(csrf)}">'
        f'<input type="hidden" name="round" value="{rounds.last}">'
    )
    if not rounds.coordinator:
        parts.append(f'<p class="note">{escape(say("dashboard.web.coordinators_only"))}</p>')
    elif rounds.step is NextStep.END:
        parts.append(_end_form(say, rounds, base, hidden))
    elif rounds.step is NextStep.DRAFT:
        parts.append(f"<p>{escape(say('dashboard.web.draft_waiting'))}</p>")
    else:
        parts.append(
            f'<form method="post" action="{base}/rounds/next">{hidden}'
            f'<p class="note">{escape(say("dashboard.web.next_round_hint"))}</p>'
            f'<button type="submit">{escape(say("dashboard.web.next_round"))}</button></form>'
        )
    if rounds.coordinator:  # the invitation sheet belongs with pairing: who takes part
        invites = escape(say("dashboard.web.print_invites"))
        parts.append(f'<p><a href="{base}/invites">{invites}</a></p>')
    parts.append("</section>")
    return "".join(parts)
