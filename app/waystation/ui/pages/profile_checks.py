"""The core's verdict on a profile, sorted by where the form shows it: under a field, on a table
cell, under a table, or beside the Save button."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from waystation.rules.history import StayHistoryError, check_stays
from waystation.ui.pages.profile_columns import split_problem, table_cell, table_row
from waystation.ui.pages.profile_tables import CellKey
from waystation.vault import profile_json
from waystation.vault.models import Profile

_FIELD_PREFIXES = ("person.", "host.")
_ROW = re.compile(r"^(?P<table>stays|permits)\[(?P<index>\d+)\](?P<rest>.*)$", re.DOTALL)
_CITIZENSHIP = re.compile(r"^person\.citizenships\[(?P<index>\d+)\]: (?P<message>.*)$")


@dataclass
class Problems:
    fields: dict[str, str] = field(default_factory=dict)  # "person.date_of_birth" → message
    cells: dict[str, dict[CellKey, str]] = field(default_factory=dict)  # "stays" → {(1, "left"): …}
    tables: dict[str, list[str]] = field(default_factory=dict)  # "stays" → messages under the table
    general: list[str] = field(default_factory=list)

    def any(self) -> bool:
        return bool(self.fields or self.cells or self.tables or self.general)

    def add(self, problem: str) -> None:
        path, message = split_problem(problem)
        message = message[:1].upper() + message[1:]
        cell = table_cell(path)
        row_only = table_row(path)
        if cell is not None:
            table, row, key = cell
            self.cells.setdefault(table, {})[(row, key)] = message
        elif row_only is not None:
            table, row = row_only
            self.tables.setdefault(table, []).append(f"#{row + 1}: {message}")
        elif path.startswith("person.citizenships"):
            self.fields["person.citizenships"] = message
        elif path.startswith(_FIELD_PREFIXES) and "[" not in path:
            self.fields[path] = message
        else:
            self.general.append(f"{path}: {message}" if path else message)


def core_problems(
    profile: Profile,
    stay_rows: list[int] | None = None,
    permit_rows: list[int] | None = None,
    *,
    today: date | None = None,
) -> Problems:
    """What ``profile_json.validate`` and the stay-history check find in the profile, as an import
    of it would on ``today`` (the session's clock). ``stay_rows`` / ``permit_rows`` give the table
    row of each stay / permit when some rows were left out (their dates could not be read)."""
    problems = Problems()
    codes = profile.person.citizenships
    rows = stay_rows if stay_rows is not None else list(range(len(profile.stays)))
    table_rows = {
        "stays": rows,
        "permits": permit_rows if permit_rows is not None else list(range(len(profile.permits))),
    }
    for problem in profile_json.validate(profile_json.to_document(profile), today=today):
        match = _CITIZENSHIP.match(problem)
        if match and int(match["index"]) < len(codes):
            problem = f"person.citizenships: {codes[int(match['index'])]} — {match['message']}"
        found = _ROW.match(problem)
        if found and int(found["index"]) < len(table_rows[found["table"]]):
            shown = table_rows[found["table"]][int(found["index"])]
            problem = f"{found['table']}[{shown}]{found['rest']}"
        problems.add(problem)
    try:
        check_stays(profile.stays)
    except StayHistoryError as exc:
        index = profile.stays.index(exc.stay) if exc.stay in profile.stays else 0
        row = rows[index] if index < len(rows) else 0
        problems.cells.setdefault("stays", {})[(row, "entered")] = exc.message
    return problems


def merged(first: Problems, then: Problems) -> Problems:
    """``then`` added to ``first``; where both speak of the same field or cell, ``first`` wins."""
    result = Problems(
        fields={**then.fields, **first.fields},
        tables={
            name: first.tables.get(name, []) + then.tables.get(name, [])
            for name in {*first.tables, *then.tables}
        },
        general=first.general + then.general,
    )
    for name in {*first.cells, *then.cells}:
        result.cells[name] = {**then.cells.get(name, {}), **first.cells.get(name, {})}
    return result
