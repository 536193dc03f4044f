"""A student downloads their data: one zip with a readable page and JSON valid against its
schema, holding their own words and never their partner's, also while a room runs."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import jsonschema
import pytest
from tgemulator import ScriptedUser

from bot.handlers.privacy import export
from bot.handlers.privacy.export import HTML_NAME, JSON_NAME, SCHEMA_NAME, in_parts
from bot.handlers.privacy.requests import RequestError, export_on_request
from flows.privacy.export import SCHEMA_FILE
from tests.e2e.support.conversation import press_when_shown, read_until
from tests.e2e.support.privacy import QUINN, ZOE, a_match, a_progress_round, a_school
from tests.e2e.support.world import World


def _unzip(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


def _validate(document: object) -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    validator.validate(document)


async def _download(person: ScriptedUser) -> bytes:
    await person.send("/privacy")
    await read_until(person, "a word about privacy")
    await press_when_shown(person, "📦 Download my data")
    message = await read_until(person, "Everything I keep about you")
    assert message.kind == "document" and message.file is not None
    assert message.file.file_name is not None and message.file.file_name.endswith(".zip")
    return message.file.data


async def test_a_student_downloads_their_own_words_and_never_their_partners(
    world: World, tmp_path: Path
) -> None:
    _, people = await a_match(world)
    zoe = people["Zoe"]
    await a_progress_round(world, people)  # still running while Zoe downloads

    files = _unzip(await _download(zoe))
    assert set(files) == {HTML_NAME, JSON_NAME, SCHEMA_NAME}
    document = json.loads(files[JSON_NAME])
    _validate(document)
    everything = files[HTML_NAME] + files[JSON_NAME]
    mine = [*ZOE, "Zoe loves drawing comics", "7, Zoe finally sleeps enough"]
    assert [text for text in mine if text not in files[JSON_NAME]] == []
    assert [text for text in mine if text not in files[HTML_NAME]] == []
    assert [text for text in QUINN if text in everything] == []
    assert "Quinn runs" not in everything  # the partner's profile is theirs
    roles = {t["my_role"]: t["partner"] for t in document["trajectories"]}
    assert roles == {"coach": "Quinnbert", "coachee": "Quinnbert"}
    assert document["person"]["username"] == "zz_owl"
    assert [c["role"] for c in document["cohorts"]] == ["student"]
    page = files[HTML_NAME]
    assert "<h1>My data at PeerCoach</h1>" in page and "You were coached by Quinnbert" in page

    # A school answering a written request gets the same zip from the command line.
    out = tmp_path / "zoe.zip"
    await export_on_request(world.settings, zoe.user.id, str(out))
    on_paper = _unzip(out.read_bytes())
    assert json.loads(on_paper[JSON_NAME])["trajectories"] == document["trajectories"]
    with pytest.raises(RequestError, match="knows nothing"):
        await export_on_request(world.settings, 1234567, str(tmp_path / "nobody.zip"))


def test_a_zip_beyond_telegrams_limit_goes_in_parts_that_join_again() -> None:
    data = bytes(range(256)) * 40
    parts = in_parts(data, limit=1000)
    assert len(parts) == 11 and all(len(part) <= 1000 for part in parts)
    assert b"".join(parts) == data
    assert in_parts(b"small", limit=1000) == [b"small"]


async def test_an_export_beyond_the_limit_arrives_in_parts_that_join_into_the_zip(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, people = await a_match(world)
    zoe = people["Zoe"]
    monkeypatch.setattr(export, "MAX_DOCUMENT_BYTES", 1000)  # Telegram's 50 MB, scaled down
    await zoe.send("/privacy")
    await read_until(zoe, "a word about privacy")
    await press_when_shown(zoe, "📦 Download my data")
    first = await read_until(zoe, "Part 1 of")
    total = int((first.text or "").split("Part 1 of ")[1].split()[0])
    parts = [first, *[await read_until(zoe, f"Part {n} of {total}") for n in range(2, total + 1)]]
    assert total > 1
    pieces = []
    for number, part in enumerate(parts, 1):
        assert part.file is not None and part.file.file_name is not None
        assert part.file.file_name.endswith(f".zip.{number:03d}")
        assert len(part.file.data) <= 1000
        pieces.append(part.file.data)
    files = _unzip(b"".join(pieces))
    assert set(files) == {HTML_NAME, JSON_NAME, SCHEMA_NAME}
    assert [text for text in ZOE if text not in files[JSON_NAME]] == []


async def test_a_coordinator_gets_their_own_data_too(world: World) -> None:
    school = await a_school(world, ["Zoezephyra"], usernames={"Ilse": "ilse_coord"})
    files = _unzip(await _download(school.coordinator))
    document = json.loads(files[JSON_NAME])
    _validate(document)
    assert document["cohorts_created"] == ["5B Coaching"]
    assert [(c["name"], c["role"]) for c in document["cohorts"]] == [("5B Coaching", "coordinator")]
    assert "Zoezephyra" not in files[JSON_NAME] + files[HTML_NAME]  # students are not theirs
