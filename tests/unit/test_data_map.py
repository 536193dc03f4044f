"""The README's data map names every table and every column the models have, and no more."""

from __future__ import annotations

import re
from pathlib import Path

from storage.schema import Base

README = Path(__file__).parents[2] / "README.md"


def _map_rows() -> dict[str, set[str]]:
    """Table name -> the columns its row in the data map lists."""
    text = README.read_text(encoding="utf-8")
    section = text.split("### Data map", 1)[1].split("\n## ", 1)[0]
    rows: dict[str, set[str]] = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 6 and re.fullmatch(r"`\w+`", cells[0]):
            rows[cells[0].strip("`")] = set(re.findall(r"`(\w+)`", cells[1]))
            assert all(cells[2:]), f"the data map's row for {cells[0]} has an empty cell"
    return rows


def test_the_data_map_lists_every_table_and_column() -> None:
    mapped = _map_rows()
    tables = Base.metadata.tables.values()
    models = {table.name: {column.name for column in table.columns} for table in tables}
    assert sorted(mapped) == sorted(models)
    for name, columns in models.items():
        assert mapped[name] == columns, (
            f"data map for {name}: missing {sorted(columns - mapped[name])}, "
            f"no longer there {sorted(mapped[name] - columns)}"
        )
