"""The package stands alone: it imports the standard library, itself and what it declares."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parents[1]
SOURCE = PACKAGE_ROOT / "src" / "tgemulator"
TESTS = PACKAGE_ROOT / "tests"


def declared(*extras: str) -> set[str]:
    """Normalised names of the distributions pyproject.toml declares (and of the given extras)."""
    project = tomllib.loads((PACKAGE_ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    requirements = list(project["dependencies"])
    for extra in extras:
        requirements += project["optional-dependencies"][extra]
    return {_normalised(re.split(r"[\s<>=!~;\[]", requirement)[0]) for requirement in requirements}


def imported(folder: Path) -> dict[str, set[str]]:
    """Top-level modules imported by each file in folder, relative imports left out."""
    found: dict[str, set[str]] = {}
    for path in sorted(folder.rglob("*.py")):
        names = found.setdefault(path.name, set())
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return found


def foreign_imports(folder: Path, allowed_distributions: set[str]) -> dict[str, set[str]]:
    """Per file, the imports that are neither standard library, tgemulator nor allowed."""
    owners = packages_distributions()
    foreign: dict[str, set[str]] = {}
    for file, names in imported(folder).items():
        for name in names - set(sys.stdlib_module_names) - {"tgemulator", "__future__"}:
            distributions = {_normalised(owner) for owner in owners.get(name, [])}
            if not distributions & allowed_distributions:
                foreign.setdefault(file, set()).add(name)
    return foreign


def _normalised(distribution: str) -> str:
    return re.sub(r"[-_.]+", "-", distribution).lower()


def test_the_package_imports_only_what_it_declares() -> None:
    assert imported(SOURCE)["server.py"] >= {"aiohttp"}  # the scan sees third-party imports
    assert foreign_imports(SOURCE, declared()) == {}


def test_the_tests_import_only_what_the_test_extra_declares() -> None:
    assert foreign_imports(TESTS, declared("test")) == {}


def test_a_bot_package_counts_as_foreign(tmp_path: Path) -> None:
    (tmp_path / "handler.py").write_text("from bot.app import PeerCoach\nimport flows\n", "utf-8")
    assert foreign_imports(tmp_path, declared("test")) == {"handler.py": {"bot", "flows"}}
