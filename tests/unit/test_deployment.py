"""The Docker deployment holds together: compose file, reverse proxy and bot agree."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
CADDYFILE = ROOT / "deploy" / "Caddyfile"


def compose() -> dict[str, Any]:
    """docker-compose.yml as data."""
    loaded = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def interpolate(value: str, env: dict[str, str]) -> str:
    """Compose's ${NAME}, ${NAME:-default} and ${NAME:?message}, as `docker compose` reads them."""

    def one(match: re.Match[str]) -> str:
        name, operator, rest = match.group(1), match.group(2), match.group(3) or ""
        if env.get(name):
            return env[name]
        if operator == ":?":
            raise LookupError(rest)
        return rest if operator == ":-" else ""

    return re.sub(r"\$\{(\w+)(?:(:-|:\?)([^}]*))?\}", one, value)


def bot_environment(env: dict[str, str]) -> dict[str, str]:
    """The bot's environment after interpolation with the given shell or .env variables."""
    raw = compose()["services"]["bot"]["environment"]
    return {name: interpolate(str(value), env) for name, value in raw.items()}


def test_a_fresh_clone_needs_no_env_file_but_names_the_missing_token() -> None:
    services = compose()["services"]
    assert all("env_file" not in service for service in services.values())
    with pytest.raises(LookupError) as missing:
        bot_environment({})
    assert "set TELEGRAM_BOT_TOKEN in .env" in str(missing.value)
    env = bot_environment({"TELEGRAM_BOT_TOKEN": "123:abc"})
    assert env["TELEGRAM_BOT_TOKEN"] == "123:abc"


def test_the_bot_runs_as_replicas_in_webhook_mode_on_postgresql() -> None:
    services = compose()["services"]
    bot, db = services["bot"], services["db"]
    assert interpolate(bot["deploy"]["replicas"], {}) == "2"
    assert interpolate(bot["deploy"]["replicas"], {"BOT_REPLICAS": "5"}) == "5"
    assert bot["depends_on"]["db"]["condition"] == "service_healthy"
    assert db["image"].startswith("postgres:") and "healthcheck" in db
    env = bot_environment({"TELEGRAM_BOT_TOKEN": "123:abc", "PUBLIC_HOST": "bot.school.nl"})
    database = env["DATABASE_URL"]
    assert database.startswith("postgresql://peercoach:") and "@db:5432/" in database
    assert env["WEBHOOK_URL"] == "https://bot.school.nl:443/telegram"
    assert (env["WEBHOOK_LISTEN"], env["WEBHOOK_PORT"]) == ("0.0.0.0", "8443")
    assert "container_name" not in bot and "ports" not in bot  # replicas share no host port


def test_only_the_proxy_publishes_one_https_port() -> None:
    services = compose()["services"]
    published = {name: service["ports"] for name, service in services.items() if "ports" in service}
    assert list(published) == ["proxy"]
    assert [interpolate(port, {}) for port in published["proxy"]] == ["443:443"]
    proxy = services["proxy"]
    assert proxy["image"].startswith("caddy:")
    assert "./deploy/Caddyfile:/etc/caddy/Caddyfile:ro" in proxy["volumes"]


def test_the_caddyfile_sends_the_webhook_path_to_the_bot_port() -> None:
    text = CADDYFILE.read_text(encoding="utf-8")
    assert text.count("{") == text.count("}")
    env = bot_environment({"TELEGRAM_BOT_TOKEN": "123:abc"})
    path = "/" + env["WEBHOOK_URL"].split("/", 3)[3]
    assert f"handle {path} {{" in text
    assert "name bot" in text and f"port {env['WEBHOOK_PORT']}" in text


def test_the_dashboard_is_served_through_the_proxy_at_the_public_address() -> None:
    text = CADDYFILE.read_text(encoding="utf-8")
    assert "handle /dashboard* {" in text
    env = bot_environment({"TELEGRAM_BOT_TOKEN": "123:abc", "PUBLIC_HOST": "bot.school.nl"})
    assert env["DASHBOARD_URL"] == "https://bot.school.nl:443"


@pytest.mark.skipif(shutil.which("caddy") is None, reason="caddy is not installed")
def test_caddy_itself_accepts_the_caddyfile() -> None:
    adapted = subprocess.run(
        ["caddy", "adapt", "--config", str(CADDYFILE), "--adapter", "caddyfile"],
        capture_output=True,
        text=True,
        check=True,
        env={"PUBLIC_HOST": "bot.school.nl", "PATH": "/usr/bin:/bin:/usr/local/bin"},
    )
    server = json.loads(adapted.stdout)["apps"]["http"]["servers"]["srv0"]
    assert server["listen"] == [":443"]
    assert server["routes"][0]["match"] == [{"host": ["bot.school.nl"]}]
    config = json.dumps(server)
    assert '"dynamic_upstreams": {"name": "bot", "port": "8443"' in config
    assert '"path": ["/telegram"]' in config
