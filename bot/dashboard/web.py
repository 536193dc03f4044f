"""The dashboard's routes on the bot's own web server: sign-in, cohort pages, chart, CSV.

A sign-in link is a GET that changes nothing (link previews and mail scanners open links);
its form POSTs the token, which is then used up. Every later request carries a session
cookie whose hash is in the database, so any process of the bot can serve it.
"""

from __future__ import annotations

import asyncio
import csv
import io
import logging
import secrets
from collections.abc import Awaitable, Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncSession

from bot.dashboard import invites, pages
from bot.dashboard.chart import activity_svg
from bot.handlers.dashboard import END_ROUND, NEXT_ROUND
from bot.runtime.render import deep_link, short_date
from bot.services import Services
from flows.dashboard import (
    SESSION_VALID,
    Activity,
    Holder,
    Refusal,
    Scope,
    csrf_matches,
    csrf_token,
    link_refusal,
    needs_attention,
    token_hash,
    weekly,
)
from flows.onboarding import LANGUAGES, Role
from flows.pairing.ending import RoundEnding, next_step, summarise
from storage import cohorts, dashboard, operations, pairing, pairing_rounds, people, safety
from storage.dashboard_models import DashboardLink

log = logging.getLogger(__name__)

SESSION_COOKIE = "pc_dashboard"
PRE_COOKIE = "pc_signin"  # the sign-in form's CSRF value, before there is a session
STATIC = Path(__file__).parent / "static"
SERIES = ("joined", "paired", "ended")
STATUS = {
    Refusal.EXPIRED: 410,
    Refusal.USED: 410,
    Refusal.UNKNOWN: 403,
    Refusal.NO_SESSION: 401,
    Refusal.NOT_YOURS: 403,
    Refusal.FORM: 403,
}
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def add_pages(app: web.Application, services: Services) -> None:
    """Mount the dashboard under /dashboard on the bot's web server."""
    app.add_subapp("/dashboard", Dashboard(services).application())


class Refused(Exception):
    """A request stops with this refusal page (no session, another cohort's page)."""

    def __init__(self, response: web.Response) -> None:
        super().__init__(response.status)
        self.response = response


@web.middleware
async def security_headers(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Every dashboard answer, refusals, redirects and errors included, carries the headers."""
    try:
        response = await handler(request)
    except Refused as refused:
        response = refused.response
    except web.HTTPException as error:  # redirects and 404s
        error.headers.update(SECURITY_HEADERS)
        raise
    response.headers.update(SECURITY_HEADERS)
    return response


class Dashboard:
    """The pages; each request opens its own database session."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.secure = (services.settings.dashboard_url or "").startswith("https://")

    def application(self) -> web.Application:
        """The sub-application with its routes and the security headers."""
        app = web.Application(middlewares=[security_headers])
        app.router.add_get("/signin", self.signin_form)
        app.router.add_post("/signin", self.signin)
        app.router.add_post("/signout", self.signout)
        app.router.add_get("/", self.index)
        app.router.add_get("/operations", self.operations_page)
        app.router.add_get("/cohort/{cohort_id:\\d+}", self.cohort)
        app.router.add_get("/cohort/{cohort_id:\\d+}/activity.svg", self.chart)
        app.router.add_get("/cohort/{cohort_id:\\d+}/export.csv", self.export)
        app.router.add_post("/cohort/{cohort_id:\\d+}/rounds/end", self.end_round)
        app.router.add_post("/cohort/{cohort_id:\\d+}/rounds/next", self.next_round)
        app.router.add_get("/cohort/{cohort_id:\\d+}/invites", self.invites)
        app.router.add_post("/cohort/{cohort_id:\\d+}/invites", self.new_invites)
        app.router.add_get("/static/dashboard.css", self.stylesheet)
        return app

    # --- signing in and out ------------------------------------------------------------------

    async def signin_form(self, request: web.Request) -> web.Response:
        """The link's page: a button that signs in, or why this link cannot."""
        token = request.query.get("t", "")
        refusal, language = await self._check_link(token)
        language = language or self._browser_language(request)
        if refusal is not None:
            return self._refuse(request, language, refusal)
        pre = secrets.token_urlsafe(24)
        response = self._html(pages.signin(self._say(language), language, token, pre))
        self._set_cookie(response, PRE_COOKIE, pre, max_age=600)
        return response

    async def signin(self, request: web.Request) -> web.Response:
        """Use the link up and start a session; a second use, anywhere, is refused."""
        form = await request.post()
        language = self._browser_language(request)
        pre = request.cookies.get(PRE_COOKIE, "")
        if not pre or not secrets.compare_digest(pre, str(form.get("csrf", ""))):
            return self._refuse(request, language, Refusal.FORM)
        now = self.services.clock.now()
        async with self.services.db.transaction() as session:
            holder, refusal = await dashboard.redeem_link(
                session, token=str(form.get("t", "")), now=now
            )
            if holder is None:
                cookie = None
            else:
                cookie = await dashboard.create_session(session, holder=holder, now=now)
        if holder is None or cookie is None:
            return self._refuse(request, language, refusal or Refusal.UNKNOWN)
        who = "the IT contact (operations only)" if holder.scope is Scope.OPS else "a staff member"
        log.info("dashboard: %s signed in", who)
        response = web.HTTPSeeOther("/dashboard/")
        self._set_cookie(
            response, SESSION_COOKIE, cookie, max_age=int(SESSION_VALID.total_seconds())
        )
        response.del_cookie(PRE_COOKIE, path="/dashboard")
        raise response

    async def signout(self, request: web.Request) -> web.Response:
        """End the session (the form's CSRF token must belong to it)."""
        token, _, language = await self._holder(request)
        form = await request.post()
        if not csrf_matches(token, str(form.get("csrf", ""))):
            return self._refuse(request, language, Refusal.FORM)
        async with self.services.db.transaction() as session:
            await dashboard.end_session(session, token=token)
        response = self._html(pages.signed_out(self._say(language), language))
        response.del_cookie(SESSION_COOKIE, path="/dashboard")
        return response

    # --- pages -------------------------------------------------------------------------------

    async def index(self, request: web.Request) -> web.Response:
        """The person's cohorts; for the IT contact only the operations view."""
        token, holder, language = await self._holder(request)
        say = self._say(language)
        if holder.user_id is None:
            return self._html(pages.ops_index(say, language, csrf_token(token)))
        user_id = holder.user_id
        async with self.services.db.sessions() as session:
            mine = await dashboard.staff_cohorts(session, user_id=user_id)
        links = [pages.CohortLink(c.cohort_id, c.name, say(f"role.{c.role.value}")) for c in mine]
        coordinates = any(c.role is Role.COORDINATOR for c in mine)
        body = pages.index(say, language, links, csrf_token(token), operations=coordinates)
        return self._html(body)

    async def operations_page(self, request: web.Request) -> web.Response:
        """How the bot is doing, for the school's IT contact (or a coordinator)."""
        token, holder, language = await self._holder(request)
        now = self.services.clock.now()
        zone = self.services.settings.zone
        async with self.services.db.sessions() as session:
            if holder.user_id is not None:
                mine = await dashboard.staff_cohorts(session, user_id=holder.user_id)
                if not any(c.role is Role.COORDINATOR for c in mine):
                    return self._refuse(request, language, Refusal.NOT_YOURS)
            ops = await operations.operations(session, now=now)

        def moment(at: object) -> str:
            if not isinstance(at, datetime):
                return ""
            return f"{short_date(at, language, zone)} {at.astimezone(zone):%H:%M}"

        body = pages.operations(self._say(language), language, ops, moment, csrf_token(token))
        return self._html(body)

    async def cohort(self, request: web.Request) -> web.Response:
        """One cohort's funnel, needs-attention list and activity."""
        token, user_id, language = await self._session(request)
        cohort_id = await self._allowed(request, user_id, language)
        now = self.services.clock.now()
        async with self.services.db.sessions() as session:
            found = await cohorts.cohort_by_id(session, cohort_id=cohort_id)
            funnel = await dashboard.funnel(session, cohort_id=cohort_id)
            facts = await dashboard.student_facts(session, cohort_id=cohort_id)
            activity, zone = await self._activity(session, cohort_id)
            history = summarise(await pairing_rounds.round_facts(session, cohort_id=cohort_id))
            running = await dashboard.active_pairs(session, cohort_id=cohort_id)
            draft = await dashboard.has_draft(session, cohort_id=cohort_id)
            rounds = pages.RoundsView(
                history=history,
                coordinator=await dashboard.is_coordinator(
                    session, user_id=user_id, cohort_id=cohort_id
                ),
                last=await pairing.last_round_number(session, cohort_id=cohort_id),
                running=running,
                step=next_step(history, running=running, draft=draft),
                done=request.query.get("done"),
            )
            worries = await safety.starts_in(session, cohort_id=cohort_id)
        assert found is not None  # _allowed saw it

        def written(moment: object) -> str:
            return short_date(moment, language, zone) if isinstance(moment, datetime) else ""

        view = pages.CohortView(
            cohort_id,
            found.name,
            funnel,
            needs_attention(facts, now),
            activity,
            written,
            rounds,
            worries,
        )
        return self._html(pages.cohort(self._say(language), language, view, csrf_token(token)))

    async def chart(self, request: web.Request) -> web.Response:
        """The activity chart as SVG."""
        _, user_id, language = await self._session(request)
        cohort_id = await self._allowed(request, user_id, language)
        async with self.services.db.sessions() as session:
            activity, _ = await self._activity(session, cohort_id)
        say = self._say(language)
        joined, paired, ended = (say(f"dashboard.web.series.{s}") for s in SERIES)
        # Drawn in a worker thread: the event loop also takes webhooks and sends replies.
        svg = await asyncio.to_thread(activity_svg, activity, (joined, paired, ended))
        return web.Response(body=svg, content_type="image/svg+xml")

    async def export(self, request: web.Request) -> web.Response:
        """The cohort's metadata as CSV: names, roles, dates, steps, reasons; no content."""
        _, user_id, language = await self._session(request)
        cohort_id = await self._allowed(request, user_id, language)
        now = self.services.clock.now()
        async with self.services.db.sessions() as session:
            rows = await dashboard.people_rows(session, cohort_id=cohort_id)
            facts = await dashboard.student_facts(session, cohort_id=cohort_id)
        attention = {a.user_id: a for a in needs_attention(facts, now)}
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["first_name", "role", "joined", "in_pairing_pool", "steps", "attention"])
        for row in rows:
            found = attention.get(row.user_id) if row.role == "student" else None
            reasons = " ".join(r.value for r, _ in found.reasons) if found else ""
            writer.writerow(
                [
                    _spreadsheet_safe(row.first_name),
                    row.role,
                    row.joined_at.date().isoformat(),
                    "yes" if row.in_pool else "no",
                    " ".join(row.steps),
                    reasons,
                ]
            )
        return web.Response(
            body=out.getvalue().encode("utf-8-sig"),  # the BOM makes Excel read UTF-8
            content_type="text/csv",
            charset="utf-8",
            headers={"Content-Disposition": f'attachment; filename="cohort-{cohort_id}.csv"'},
        )

    async def end_round(self, request: web.Request) -> web.Response:
        """End the running round (after the checkbox): the bot tells every pair kindly."""
        return await self._round_job(request, END_ROUND, "end")

    async def next_round(self, request: web.Request) -> web.Response:
        """Propose the next round: the preview comes to the coordinator's Telegram chat."""
        return await self._round_job(request, NEXT_ROUND, "next")

    async def _round_job(self, request: web.Request, kind: str, what: str) -> web.Response:
        """Queue the job once per round number, whatever number of times the form arrives."""
        token, user_id, language = await self._session(request)
        cohort_id = await self._allowed(request, user_id, language)
        form = await request.post()
        # Ending needs the coordinator's explicit choice for the pairs: kept or closed.
        ending = str(form.get("ending", ""))
        chosen = what != "end" or ending in {e.value for e in RoundEnding}
        if not csrf_matches(token, str(form.get("csrf", ""))) or not chosen:
            return self._refuse(request, language, Refusal.FORM)
        now = self.services.clock.now()
        async with self.services.db.transaction() as session:
            allowed = await dashboard.is_coordinator(session, user_id=user_id, cohort_id=cohort_id)
            last = await pairing.last_round_number(session, cohort_id=cohort_id)
            asked = (
                allowed
                and str(last) == form.get("round")
                and await dashboard.ask_once(
                    session,
                    name=f"dashboard:{what}:{cohort_id}:{last}",
                    conversation=f"user:{user_id}",
                    kind=kind,
                    payload={"cohort_id": cohort_id, "round": last}
                    | ({"ending": ending} if what == "end" else {}),
                    now=now,
                )
            )
        if not allowed:
            return self._refuse(request, language, Refusal.NOT_YOURS)
        log.info("dashboard: a coordinator asked for %s of a round (%s)", what, asked)
        raise web.HTTPSeeOther(f"/dashboard/cohort/{cohort_id}?done={what if asked else 'again'}")

    async def invites(self, request: web.Request) -> web.Response:
        """The printable sheet of invite links with QR codes (coordinators only)."""
        token, user_id, language = await self._session(request)
        cohort_id = await self._coordinated(request, user_id, language)
        now = self.services.clock.now()
        default = self.services.settings.school_time
        async with self.services.db.sessions() as session:
            found = await cohorts.cohort_by_id(session, cohort_id=cohort_id)
            usable = await dashboard.usable_invites(session, cohort_id=cohort_id, now=now)
            zone = (await cohorts.school_time(session, cohort_id=cohort_id, default=default)).zone
        assert found is not None
        bot = self.services.bot_username
        links = {
            role: (deep_link(bot, invite.code), short_date(invite.expires_at, language, zone))
            for role, invite in usable.items()
        }
        body = invites.sheet(
            self._say(language),
            language,
            cohort_id=cohort_id,
            cohort=found.name,
            links=links,
            csrf=csrf_token(token),
        )
        return self._html(body)

    async def new_invites(self, request: web.Request) -> web.Response:
        """Fresh links for the roles that have none that works."""
        token, user_id, language = await self._session(request)
        cohort_id = await self._coordinated(request, user_id, language)
        form = await request.post()
        if not csrf_matches(token, str(form.get("csrf", ""))):
            return self._refuse(request, language, Refusal.FORM)
        now = self.services.clock.now()
        async with self.services.db.transaction() as session:
            usable = await dashboard.usable_invites(session, cohort_id=cohort_id, now=now)
            for role in (role for role in Role if role not in usable):
                await cohorts.create_invite(session, cohort_id=cohort_id, role=role, now=now)
        raise web.HTTPSeeOther(f"/dashboard/cohort/{cohort_id}/invites")

    async def stylesheet(self, request: web.Request) -> web.Response:
        """The one stylesheet (the CSP allows styles from here only)."""
        css = (STATIC / "dashboard-v1.css").read_text(encoding="utf-8")
        return web.Response(text=css, content_type="text/css")

    # --- helpers -----------------------------------------------------------------------------

    async def _activity(self, session: AsyncSession, cohort_id: int) -> tuple[Activity, ZoneInfo]:
        """The weekly counts, in weeks as the cohort's own time zone has them."""
        default = self.services.settings.school_time
        zone = (await cohorts.school_time(session, cohort_id=cohort_id, default=default)).zone
        dates = await dashboard.activity_dates(session, cohort_id=cohort_id)

        def days(moments: list[datetime]) -> list[date]:
            return [moment.astimezone(zone).date() for moment in moments]

        today = self.services.clock.now().astimezone(zone).date()
        activity = weekly(
            today=today,
            joined=days(dates.joined),
            paired=days(dates.paired),
            ended=days(dates.ended),
        )
        return activity, zone

    async def _check_link(self, token: str) -> tuple[Refusal | None, str | None]:
        """Why a link cannot sign in (without using it up), and its person's language."""
        if not token:
            return Refusal.UNKNOWN, None
        async with self.services.db.sessions() as session:
            row = await session.get(DashboardLink, token_hash(token))
            user_id = row.user_id if row else None
            user = await people.get_user(session, user_id=user_id) if user_id else None
            refusal = link_refusal(
                exists=row is not None,
                used_at=row.used_at if row else None,
                expires_at=row.expires_at if row else None,
                now=self.services.clock.now(),
            )
        language: str | None = None
        if row is not None and row.scope == Scope.OPS:
            language = self.services.settings.default_language  # no person, no language of theirs
        elif user and user.language in LANGUAGES:
            language = user.language
        return refusal, language

    async def _holder(self, request: web.Request) -> tuple[str, Holder, str]:
        """The cookie's token, who holds it and their language; a refusal page otherwise.

        The IT contact's session has no person: it reads in the bot's default language."""
        token = request.cookies.get(SESSION_COOKIE, "")
        now = self.services.clock.now()
        holder, language = None, self._browser_language(request)
        if token:
            async with self.services.db.sessions() as session:
                holder = await dashboard.session_holder(session, token=token, now=now)
                user_id = holder.user_id if holder else None
                user = await people.get_user(session, user_id=user_id) if user_id else None
            if holder is not None and holder.scope is Scope.OPS:
                language = self.services.settings.default_language
            elif user is not None and user.language in LANGUAGES:
                language = user.language
        if holder is None:
            raise self._refusal_error(request, language, Refusal.NO_SESSION)
        return token, holder, language

    async def _session(self, request: web.Request) -> tuple[str, int, str]:
        """A staff member's session: the IT contact's opens no cohort, form or sheet."""
        token, holder, language = await self._holder(request)
        if holder.user_id is None:
            raise self._refusal_error(request, language, Refusal.NOT_YOURS)
        return token, holder.user_id, language

    async def _allowed(self, request: web.Request, user_id: int, language: str) -> int:
        """The page's cohort, if the person is its teacher or coordinator."""
        cohort_id = int(request.match_info["cohort_id"])
        async with self.services.db.sessions() as session:
            if await dashboard.may_see(session, user_id=user_id, cohort_id=cohort_id):
                return cohort_id
        raise self._refusal_error(request, language, Refusal.NOT_YOURS)

    async def _coordinated(self, request: web.Request, user_id: int, language: str) -> int:
        """The page's cohort, if the person coordinates it."""
        cohort_id = await self._allowed(request, user_id, language)
        async with self.services.db.sessions() as session:
            if await dashboard.is_coordinator(session, user_id=user_id, cohort_id=cohort_id):
                return cohort_id
        raise self._refusal_error(request, language, Refusal.NOT_YOURS)

    def _refuse(self, request: web.Request, language: str, refusal: Refusal) -> web.Response:
        # Logged without the token, the cookie or the query: only the kind and the path.
        log.info("dashboard refused %s %s: %s", request.method, request.path, refusal.value)
        body = pages.refusal(self._say(language), language, refusal.value)
        return self._html(body, status=STATUS[refusal])

    def _refusal_error(self, request: web.Request, language: str, refusal: Refusal) -> Refused:
        return Refused(self._refuse(request, language, refusal))

    def _say(self, language: str) -> pages.Say:
        texts = self.services.texts

        def say(key: str, **params: Any) -> str:
            return texts.plain(language, key, **params)

        return say

    def _browser_language(self, request: web.Request) -> str:
        """Before we know who it is: the browser's first language we speak."""
        for part in request.headers.get("Accept-Language", "").split(","):
            code = part.split(";")[0].strip().lower()[:2]
            if code in LANGUAGES:
                return code
        return self.services.settings.default_language

    def _html(self, body: str, *, status: int = 200) -> web.Response:
        return web.Response(text=body, status=status, content_type="text/html", charset="utf-8")

    def _set_cookie(
        self, response: web.StreamResponse, name: str, value: str, *, max_age: int
    ) -> None:
        response.set_cookie(
            name,
            value,
            max_age=max_age,
            path="/dashboard",
            httponly=True,
            secure=self.secure,
            samesite="Strict",
        )


def _spreadsheet_safe(value: str) -> str:
    """A name a spreadsheet will not run as a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
