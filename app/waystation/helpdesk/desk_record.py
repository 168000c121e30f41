"""The desk's own record, for an NGO's reports (off unless the desk turns it on): per day and per
host country, how many client sessions the desk held, how many new vaults were made and how
many packets were built. Counts only — never a name, a vault's path, a time of day or anything
typed — in ``helpdesk/desk-record.json`` in the app's data folder (``data/app-data`` in a portable
copy), exportable as CSV.

Every change rewrites the file atomically (a temporary name, flushed, renamed). A file that
cannot be read is never overwritten: it is set aside as ``desk-record.json.unreadable`` (and
``-2``, ``-3``…) and a new record starts; ``problem`` says so.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from waystation.app_settings import free_aside_name, replace_text
from waystation.files import write_new_file

RECORD_FILE = "desk-record.json"
FORMAT = "waystation-desk-record/1"
COUNTS = ("sessions", "new_vaults", "packets")
CSV_HEADER = ("date", "country", *COUNTS)
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_COUNTRY = re.compile(r"[A-Z]{2}")
MAX_COUNT = 10**9


def record_path() -> Path:
    from waystation.portable import current

    return current().app_data / "helpdesk" / RECORD_FILE


@dataclass(frozen=True)
class RecordRow:
    day: str  # YYYY-MM-DD
    country: str  # ISO code, or "" when the client's host country was not known yet
    sessions: int
    new_vaults: int
    packets: int


def country_code(value: str | None) -> str:
    """An ISO country code, or "" for anything else (nothing free-form enters the record)."""
    code = (value or "").strip().upper()
    return code if _COUNTRY.fullmatch(code) else ""


class DeskRecord:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or record_path()
        self.problem: str | None = None

    # -- reading -----------------------------------------------------------------------------

    def _read(self) -> dict[str, dict[str, dict[str, int]]]:
        try:
            raw = self.path.read_text("utf-8")
        except FileNotFoundError:
            return {}
        except OSError as exc:
            self.problem = str(exc.strerror)
            return {}
        try:
            return _days(json.loads(raw))
        except (ValueError, TypeError) as exc:
            self.problem = str(exc)
            return {}

    def rows(self) -> list[RecordRow]:
        """Every day and country with a count, oldest first."""
        days = self._read()
        return [
            RecordRow(day, country, *(counts.get(name, 0) for name in COUNTS))
            for day in sorted(days)
            for country, counts in sorted(days[day].items())
        ]

    def totals(self) -> dict[str, int]:
        rows = self.rows()
        return {name: sum(getattr(row, name) for row in rows) for name in COUNTS}

    # -- writing -----------------------------------------------------------------------------

    def add(
        self, day: date, country: str | None, *, sessions: int = 0, new_vaults: int = 0, packets: int = 0
    ) -> None:
        """Count one more of each (atomically; raises OSError when the folder refuses)."""
        self.problem = None
        days = self._read()
        if self.problem is not None and self.path.exists():
            self.path.replace(free_aside_name(self.path.with_name(RECORD_FILE + ".unreadable")))
        counts = days.setdefault(day.isoformat(), {}).setdefault(country_code(country), {})
        for name, more in (("sessions", sessions), ("new_vaults", new_vaults), ("packets", packets)):
            counts[name] = min(counts.get(name, 0) + max(int(more), 0), MAX_COUNT)
        self._write({"format": FORMAT, "days": days})

    def erase(self) -> None:
        """Start the record afresh (the file is removed)."""
        self.path.unlink(missing_ok=True)

    def _write(self, document: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        replace_text(self.path, json.dumps(document, indent=1, sort_keys=True))

    # -- CSV ---------------------------------------------------------------------------------

    def csv_text(self) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(CSV_HEADER)
        for row in self.rows():
            writer.writerow((row.day, row.country, row.sessions, row.new_vaults, row.packets))
        return buffer.getvalue()

    def export_csv(self, target: Path, *, force: bool = False) -> int:
        """Write the CSV to ``target`` (never over an existing file unless ``force``); returns
        the number of rows written."""
        text = self.csv_text()
        write_new_file(target, text.encode("utf-8"), force=force, mode=0o644)
        return text.count("\r\n") - 1


def _days(document: Any) -> dict[str, dict[str, dict[str, int]]]:
    """The record's days, checked field by field: anything else is refused as unreadable."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ValueError("not a desk record")
    days = document.get("days")
    if not isinstance(days, dict):
        raise ValueError("no days")
    checked: dict[str, dict[str, dict[str, int]]] = {}
    for day, countries in days.items():
        if not isinstance(day, str) or not _DAY.fullmatch(day) or not isinstance(countries, dict):
            raise ValueError("a day that is not a date")
        for country, counts in countries.items():
            if country != country_code(country) or not isinstance(counts, dict):
                raise ValueError("a country that is not a code")
            values = {name: counts.get(name, 0) for name in COUNTS}
            if set(counts) - set(COUNTS) or any(
                type(v) is not int or not 0 <= v <= MAX_COUNT for v in values.values()
            ):
                raise ValueError("a count that is not a number")
            checked.setdefault(day, {})[country] = values
    return checked
