"""A person's own data as one zip: a readable page in their language and the JSON document.

Used by /privacy (sent as a document) and by `peercoach export` (written to a file).
"""

from __future__ import annotations

import html
import io
import json
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from typing import Any

from bot.handlers.scripts import cohort_scripts
from bot.runtime.render import short_date
from bot.runtime.turn import Turn
from flows.privacy.export import SCHEMA_FILE, PersonFacts, export_document
from flows.scripts import SCRIPT_LANGUAGES
from storage import export

# Telegram lets bots send documents up to 50 MB; parts stay safely below that.
MAX_DOCUMENT_BYTES = 49 * 1024 * 1024
HTML_NAME, JSON_NAME, SCHEMA_NAME = "my-data.html", "my-data.json", "my-data.schema.json"


async def export_zip(turn: Turn, user_id: int) -> bytes | None:
    """The zip with the page, the JSON and its schema; None when nothing is kept."""
    former = turn.text("trajectory.former_partner")
    facts = await export.person_facts(turn.session, user_id=user_id, former=former)
    if facts is None:
        return None
    facts = await _agreements_as_read(turn, facts)
    with turn.speaking(facts.language):
        document = export_document(facts, turn.now)
        page = render_page(turn, document)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(HTML_NAME, page)
        archive.writestr(JSON_NAME, json.dumps(document, ensure_ascii=False, indent=2))
        archive.writestr(SCHEMA_NAME, SCHEMA_FILE.read_text(encoding="utf-8"))
    return buffer.getvalue()


async def _agreements_as_read(turn: Turn, facts: PersonFacts) -> PersonFacts:
    """Agreements picked from the cards, worded as the person reads them now (own words stay)."""
    language = facts.language if facts.language in SCRIPT_LANGUAGES else turn.language
    kept = []
    for trajectory in facts.trajectories:
        scripts = await cohort_scripts(turn.session, trajectory.cohort_id, language)
        kept.append(replace(trajectory, snapshot=scripts.contract.as_read(trajectory.snapshot)))
    return replace(facts, trajectories=tuple(kept))


def in_parts(data: bytes, limit: int) -> list[bytes]:
    """The zip as it is, or split in pieces that fit a Telegram document (joined with cat)."""
    return [data[start : start + limit] for start in range(0, len(data), limit)] or [data]


async def send_export(turn: Turn, user_id: int) -> None:
    """Send the zip to the person in one go (several parts only beyond Telegram's limit)."""
    data = await export_zip(turn, user_id)
    if data is None:
        await turn.say("export.nothing")
        return
    parts = in_parts(data, MAX_DOCUMENT_BYTES)
    name = f"peercoach-{turn.now:%Y-%m-%d}.zip"
    if len(parts) == 1:
        await turn.send_document(name, data, caption=turn.text("export.caption"))
        return
    for number, part in enumerate(parts, 1):
        caption = turn.text("export.caption_part", part=number, parts=len(parts))
        await turn.send_document(f"{name}.{number:03d}", part, caption=caption)


def render_page(turn: Turn, document: dict[str, Any]) -> str:
    """The readable page: the same document as the JSON, laid out like the journal."""
    person = document["person"]
    title = turn.text("export.title")
    day = _day(turn, document["exported_at"])
    body = [
        f"<h1>{title}</h1>",
        f"<p>{turn.text('export.intro', date=day)}</p>",
        *_section(
            turn,
            "export.person",
            [
                _row(turn, "export.label_name", person["first_name"]),
                _row(turn, "export.label_username", person["username"]),
                _row(turn, "export.label_language", person["language"]),
                _row(turn, "export.label_since", _day(turn, person["known_since"])),
                _row(turn, "export.label_consent", _day(turn, person["privacy_accepted_at"])),
            ],
        ),
        *_section(
            turn,
            "export.cohorts",
            [
                _li(f"{c['name']} · {c['role']} · {_day(turn, c['joined_at'])}")
                for c in document["cohorts"]
            ],
        ),
        *_section(turn, "export.created", [_li(name) for name in document["cohorts_created"]]),
        *_section(turn, "export.pool", [_pool(turn, p) for p in document["pairing_pool"]]),
        *_section(
            turn,
            "export.no_pair",
            [_li(f"{n['first_name']} · {_day(turn, n['since'])}") for n in document["no_pair"]],
        ),
        *_section(
            turn, "export.trajectories", [_trajectory(turn, t) for t in document["trajectories"]]
        ),
        *_section(turn, "export.rooms", [_room(turn, r) for r in document["rooms"]]),
        *_section(
            turn,
            "export.supervision_asks",
            [
                _li(f"{a['cohort']} · {_day(turn, a['asked_at'])}")
                for a in document["supervision_asks"]
            ],
        ),
        *_section(
            turn,
            "export.practice",
            [
                _li(f"{p['cohort']} · {_day(turn, p['practised_at'] or p['started_at'])}")
                for p in document["practice"]
            ],
        ),
        *_section(turn, "export.worry", [_worry(turn, t) for t in document["worry_talks"]]),
        *_section(
            turn, "export.help_cards", [_li(_day(turn, at)) for at in document["help_cards_shown"]]
        ),
        *_section(turn, "export.pledges", [_pledge(turn, p) for p in document["pledges"]]),
        *_section(turn, "export.consents", [_consent(turn, c) for c in document["consents"]]),
        *_section(turn, "export.dance_checks", [_dance(turn, d) for d in document["dance_checks"]]),
    ]
    language = html.escape(person["language"] or turn.language)
    return (
        f'<!DOCTYPE html>\n<html lang="{language}"><head><meta charset="utf-8">'
        f"<title>{title}</title><style>{STYLE}</style></head><body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )


STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;"
    "line-height:1.5;color:#222}h2{border-bottom:1px solid #ddd;margin-top:2rem}"
    "h3{margin-bottom:.25rem}dt{font-weight:600}dd{margin:0 0 .5rem 0}"
)


def _section(turn: Turn, key: str, items: list[str]) -> Iterator[str]:
    """A heading and its items; an empty section says so rather than disappearing."""
    yield f"<h2>{turn.text(key)}</h2>"
    yield "\n".join(items) if items else f"<p>{turn.text('export.empty')}</p>"


def _row(turn: Turn, key: str, value: object) -> str:
    shown = turn.text("export.empty") if value in (None, "") else _e(value)
    return f"<dl><dt>{turn.text(key)}</dt><dd>{shown}</dd></dl>"


def _li(text: object) -> str:
    return f"<ul><li>{_e(text)}</li></ul>"


def _list(turn: Turn, key: str, lines: list[str]) -> str:
    if not lines:
        return ""
    items = "".join(f"<li>{_e(line)}</li>" for line in lines)
    return f"<h4>{turn.text(key)}</h4><ul>{items}</ul>"


def _worry(turn: Turn, talk: dict[str, Any]) -> str:
    """A talk with a confidant: who and when (what was written was never kept)."""
    key = "export.worry_asked" if talk["my_part"] == "asked" else "export.worry_confidant"
    asked = _day(turn, talk["asked_at"])
    return _li(f"{talk['cohort']} · {turn.plain(key, name=talk['with'])} · {asked}")


def _dance(turn: Turn, item: dict[str, Any]) -> str:
    """One dance check: the conversation, the day and the three taps."""
    line = turn.plain(
        "export.dance_line",
        number=item["conversation"],
        date=_day(turn, item["answered_at"]),
        led=turn.plain(f"export.dance_led_{item['led']}"),
        rhythm=turn.plain(f"dance.rhythm_{item['rhythm']}"),
        heard=turn.plain(f"dance.heard_{item['heard']}"),
    )
    return _li(line)


def _consent(turn: Turn, item: dict[str, Any]) -> str:
    band = turn.plain(f"export.consent_{item['age_band']}")
    parts = [item["cohort"], band]
    if item["parent_agreed_at"]:
        parts.append(turn.plain("export.consent_agreed", date=_day(turn, item["parent_agreed_at"])))
    if item["withdrawn_at"]:
        parts.append(turn.plain("export.consent_withdrawn", date=_day(turn, item["withdrawn_at"])))
    return _li(" · ".join(parts))


def _pledge(turn: Turn, pledge: dict[str, Any]) -> str:
    if pledge["agreed_at"]:
        return _li(turn.plain("export.pledge_agreed", date=_day(turn, pledge["agreed_at"])))
    if pledge["declined_at"]:
        return _li(turn.plain("export.pledge_declined", date=_day(turn, pledge["declined_at"])))
    return _li(turn.plain("export.pledge_open"))


def _pool(turn: Turn, pool: dict[str, Any]) -> str:
    return "".join(
        [
            f"<h3>{_e(pool['cohort'])}</h3>",
            _row(turn, "export.label_status", f"{pool['status']} · {pool['wants']}"),
            _row(turn, "export.label_availability", ", ".join(pool["availability"])),
            _row(turn, "export.label_about", pool["about"]),
            _row(turn, "export.label_interests", pool["interests"]),
        ]
    )


def _trajectory(turn: Turn, item: dict[str, Any]) -> str:
    heading = turn.text(f"export.as_{item['my_role']}", partner=item["partner"])
    parts = [
        f"<h3>{heading} · {_day(turn, item['started_at'])}</h3>",
        _list(turn, "export.goals", [g["text"] for g in item["goals"]]),
        _list(
            turn,
            "export.scales",
            [f"{s['value']} · {_day(turn, s['at'])}" for s in item["scales"]],
        ),
        _list(
            turn, "export.small_steps", [f"{s['text']} · {s['due']}" for s in item["small_steps"]]
        ),
        _list(turn, "export.notes", [n["text"] for n in [*item["stages"], *item["notes"]]]),
        _list(turn, "export.contract", [c["text"] for c in item["contract"]]),
        _list(
            turn,
            "export.agreed_items",
            [turn.text(f"trajectory.item_{key}") for key in item["agreed_items"]],
        ),
        _list(
            turn,
            "export.reflections",
            [text for r in item["reflections"] for text in r["answers"].values()],
        ),
        _list(
            turn,
            "export.observations",
            [text for o in item["observations"] for text in o["answers"].values()],
        ),
        _list(turn, "export.conversations", [_day(turn, at) for at in item["conversations"]]),
    ]
    return "".join(parts)


def _room(turn: Turn, room: dict[str, Any]) -> str:
    parts = [
        f"<h3>{_e(room['protocol'])} · {_day(turn, room['opened_at'])}</h3>",
        _list(turn, "export.my_roles", room["roles"]),
        _list(turn, "export.my_contributions", [c["text"] for c in room["my_contributions"]]),
        _list(turn, "export.my_step", [room["my_step"]] if room["my_step"] else []),
    ]
    return "".join(parts)


def _day(turn: Turn, moment: str | None) -> str:
    if moment is None:
        return turn.text("export.empty")
    return short_date(datetime.fromisoformat(moment), turn.language, turn.services.settings.zone)


def _e(value: object) -> str:
    return html.escape(str(value), quote=False)
