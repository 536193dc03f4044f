"""The demo's routes on the emulator's port: the page, its static files and /demo/api/."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aiohttp import web

if TYPE_CHECKING:
    from bot.demo.session import DemoSession

STATIC_DIR = Path(__file__).parent / "static"
DEMO_PREFIX = "/demo/api"
# The page changes with the code; a stale cached copy would talk to routes that moved.
NO_CACHE = {"Cache-Control": "no-cache"}


def add_demo_routes(app: web.Application, session: DemoSession) -> None:
    """Add the page and the demo's control routes to an emulator application before it starts."""
    routes = DemoRoutes(session)
    app.router.add_get("/", routes.index)
    app.router.add_static("/static/", STATIC_DIR, append_version=False)
    app.router.add_get(f"{DEMO_PREFIX}/info", routes.info)
    app.router.add_post(f"{DEMO_PREFIX}/personas", routes.add_persona)
    app.router.add_post(f"{DEMO_PREFIX}/reset", routes.reset)
    app.router.add_post(f"{DEMO_PREFIX}/language", routes.language)
    app.router.add_get(f"{DEMO_PREFIX}/files/{{file_id}}", routes.file_info)


class DemoRoutes:
    """Handlers that read and change the current generation of the demo."""

    def __init__(self, session: DemoSession) -> None:
        self.session = session

    async def index(self, request: web.Request) -> web.FileResponse:
        """GET /: the page."""
        return web.FileResponse(STATIC_DIR / "index.html", headers=NO_CACHE)

    async def info(self, request: web.Request) -> web.Response:
        """GET info: generation, bot, cohort, group, invite codes and personas with roles."""
        session = self.session
        if not session.ready:
            return web.json_response({"ok": False, "error": "starting"}, status=503)
        bot = session.emulator.bot_user
        return web.json_response(
            {
                "ok": True,
                "generation": session.generation,
                "bot": {"id": bot.id, "name": bot.first_name, "username": bot.username},
                **(await session.world_json()),
                "commands": _command_menus(session.emulator.commands),
            }
        )

    async def add_persona(self, request: web.Request) -> web.Response:
        """POST personas {name, role, language?}: a new person, joined unless role is "new"."""
        if not self.session.ready:
            return web.json_response({"ok": False, "error": "starting"}, status=503)
        try:
            body = await _json_object(request)
            persona = await self.session.add_persona(
                name=str(body.get("name") or ""),
                role=str(body.get("role") or ""),
                language=str(body.get("language") or "nl"),
            )
        except ValueError as error:
            return web.json_response({"ok": False, "error": str(error)}, status=400)
        return web.json_response({"ok": True, "persona": persona.to_json()})

    async def language(self, request: web.Request) -> web.Response:
        """POST language {language}: every persona speaks it with the bot from now on."""
        if not self.session.ready:
            return web.json_response({"ok": False, "error": "starting"}, status=503)
        try:
            body = await _json_object(request)
            await self.session.set_language(str(body.get("language") or ""))
        except ValueError as error:
            return web.json_response({"ok": False, "error": str(error)}, status=400)
        return web.json_response({"ok": True})

    async def reset(self, request: web.Request) -> web.Response:
        """POST reset: start over in the background; the page waits for the new generation."""
        return web.json_response({"ok": True, "generation": self.session.reset_soon()})

    async def file_info(self, request: web.Request) -> web.Response:
        """GET files/{file_id}: name, type and size of a stored file, for download links."""
        stored = self.session.emulator.files.get(request.match_info["file_id"])
        if stored is None:
            return web.json_response({"ok": False, "error": "no such file"}, status=404)
        return web.json_response(
            {
                "ok": True,
                "file_name": stored.file_name,
                "mime_type": stored.mime_type,
                "size": stored.size,
            }
        )


def _command_menus(commands: dict[tuple[str, str], list[dict[str, Any]]]) -> dict[str, Any]:
    """The bot's command menus per scope ("default", "chat:ID", ...) and language code."""
    menus: dict[str, dict[str, Any]] = {}
    for (scope, language), menu in commands.items():
        menus.setdefault(scope, {})[language] = menu
    return menus


async def _json_object(request: web.Request) -> dict[str, Any]:
    try:
        body = await request.json()
    except json.JSONDecodeError as error:
        raise ValueError("the body must be a JSON object") from error
    if not isinstance(body, dict):
        raise ValueError("the body must be a JSON object")
    return body
