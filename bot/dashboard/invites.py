"""The printable invitation sheet: per role a QR code of the invite's t.me link."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from bot.dashboard.pages import Say, page
from flows.onboarding import Role


def qr_svg(link: str) -> str:
    """A QR code as inline SVG markup (paths only: no script, no style)."""
    import qrcode  # imported when a sheet is printed: it brings Pillow along
    import qrcode.image.svg

    image = qrcode.make(
        link,
        image_factory=qrcode.image.svg.SvgPathImage,
        error_correction=qrcode.constants.ERROR_CORRECT_M,
    )
    return str(image.to_string(encoding="unicode"))


def sheet(
    say: Say,
    language: str,
    *,
    cohort_id: int,
    cohort: str,
    links: Mapping[Role, tuple[str, str]],
    csrf: str,
) -> str:
    """The sheet: a card per role with a QR code, the link and until when it works."""
    cards = []
    for role in Role:
        role_name = say(f"role.{role.value}")
        label = escape(role_name)
        found = links.get(role)
        if found is None:
            body = f"<p>{escape(say('dashboard.web.invite_none'))}</p>"
        else:
            link, until = found
            once = "" if role is Role.STUDENT else f" {say('dashboard.web.invite_once')}"
            aria = escape(say("dashboard.web.qr_of", role=role_name))
            body = (
                f'<figure class="qr" role="img" aria-label="{aria}">'
                f"{qr_svg(link)}</figure>"
                f'<p class="link"><a href="{escape(link)}">{escape(link)}</a></p>'
                f"<p>{escape(say('dashboard.web.invite_until', date=until) + once)}</p>"
            )
        cards.append(
            f'<section class="invite" data-role="{role.value}"><h2>{label}</h2>{body}</section>'
        )
    missing = len(links) < len(Role)
    renew = (
        f'<form method="post" action="/dashboard/cohort/{cohort_id}/invites" class="noprint">'
        f'<input type="hidden" name="csrf" value="{escape(csrf)}">'
        f'<button type="submit">{escape(say("dashboard.web.invite_new"))}</button></form>'
    )
    body = (
        f'<p class="noprint"><a href="/dashboard/cohort/{cohort_id}">← {escape(cohort)}</a></p>'
        f'<p class="note">{escape(say("dashboard.web.invite_hint"))}</p>'
        f'<div class="invites">{"".join(cards)}</div>' + (renew if missing else "")
    )
    return page(say, language, say("dashboard.web.invites", cohort=cohort), body, csrf=csrf)
