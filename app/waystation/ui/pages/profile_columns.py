"""What the profile's tables hold, and how their rows become the core's records and back.

Rows are plain strings as typed. Turned into records, a date that cannot be read becomes "not
known" and a stay without a readable entry date is left out: the table reports those itself."""

from __future__ import annotations

import re

from waystation.i18n import _
from waystation.ui.pages.profile_tables import Column, Row
from waystation.ui.widgets.country import countries_by_name
from waystation.vault.models import PASSPORT_KINDS, FamilyMember, Passport, Stay
from waystation.vault.profile_json import parse_date

# The family relations the interchange format accepts (resources/schemas/profile.schema.json).
RELATIONS: tuple[str, ...] = ("spouse", "partner", "child", "parent", "sibling", "other")


def passport_kinds() -> list[tuple[str, str]]:
    names = {"international": _("International"), "internal": _("Internal"), "other": _("Other")}
    return [(kind, names.get(kind, kind)) for kind in PASSPORT_KINDS]


def relations() -> list[tuple[str, str]]:
    names = {
        "spouse": _("Spouse"),
        "partner": _("Partner"),
        "child": _("Child"),
        "parent": _("Parent"),
        "sibling": _("Brother or sister"),
        "other": _("Other relative"),
    }
    return [(relation, names[relation]) for relation in RELATIONS]


def countries() -> list[tuple[str, str]]:
    return [(code, f"{name} ({code})") for code, name in countries_by_name()]


PASSPORT_COLUMNS = (
    Column("number", lambda: _("Number"), required=True),
    Column("kind", lambda: _("Kind"), "choice", choices=passport_kinds, default="international"),
    Column("issued", lambda: _("Issued"), "date"),
    Column("expires", lambda: _("Expires"), "date"),
    Column("authority", lambda: _("Issued by")),
)

STAY_COLUMNS = (
    Column("country", lambda: _("Country"), "choice", required=True, choices=countries),
    Column("entered", lambda: _("Entered"), "date", required=True),
    Column("left", lambda: _("Left (empty: still there)"), "date"),
)

FAMILY_COLUMNS = (
    Column("relation", lambda: _("Relation"), "choice", required=True, choices=relations, default="child"),
    Column("family_name", lambda: _("Family name")),
    Column("given_names", lambda: _("Given names")),
    Column("date_of_birth", lambda: _("Date of birth"), "date"),
)


def _iso(value: object) -> str:
    return value.isoformat() if value is not None else ""  # type: ignore[attr-defined]


def passport_rows(passports: tuple[Passport, ...]) -> list[Row]:
    return [
        {
            "number": p.number,
            "kind": p.kind,
            "issued": _iso(p.issued),
            "expires": _iso(p.expires),
            "authority": p.authority,
        }
        for p in passports
    ]


def passports_from(rows: list[Row]) -> tuple[Passport, ...]:
    return tuple(
        Passport(
            number=r["number"],
            kind=r["kind"] or "international",
            issued=parse_date(r["issued"]),
            expires=parse_date(r["expires"]),
            authority=r["authority"],
        )
        for r in rows
    )


def stay_rows(stays: tuple[Stay, ...]) -> list[Row]:
    return [{"country": s.country, "entered": s.entered.isoformat(), "left": _iso(s.left)} for s in stays]


def readable_stays(rows: list[Row]) -> list[tuple[int, Stay]]:
    """(table row, stay) for every row whose entry date can be read; the others are skipped."""
    stays = []
    for number, r in enumerate(rows):
        entered = parse_date(r["entered"])
        if entered is not None:
            stays.append((number, Stay(country=r["country"], entered=entered, left=parse_date(r["left"]))))
    return stays


def stays_from(rows: list[Row]) -> tuple[Stay, ...]:
    return tuple(stay for _row, stay in readable_stays(rows))


def family_rows(family: tuple[FamilyMember, ...]) -> list[Row]:
    return [
        {
            "relation": f.relation,
            "family_name": f.family_name,
            "given_names": f.given_names,
            "date_of_birth": _iso(f.date_of_birth),
        }
        for f in family
    ]


def family_from(rows: list[Row]) -> tuple[FamilyMember, ...]:
    return tuple(
        FamilyMember(
            relation=r["relation"],
            family_name=r["family_name"],
            given_names=r["given_names"],
            date_of_birth=parse_date(r["date_of_birth"]),
        )
        for r in rows
    )


_PROBLEM = re.compile(r"^(?P<path>[\w.\[\]]+): (?P<message>.*)$", re.DOTALL)
_TABLE_CELL = re.compile(r"^(?P<table>passports|stays|family)\[(?P<row>\d+)\]\.(?P<key>\w+)$")


def split_problem(problem: str) -> tuple[str, str]:
    """ "passports[0].expires: before the issue date" → ("passports[0].expires", "before …")."""
    match = _PROBLEM.match(problem)
    return (match["path"], match["message"]) if match else ("", problem)


def table_cell(path: str) -> tuple[str, int, str] | None:
    """ "stays[1].left" → ("stays", 1, "left"); None for paths outside the tables."""
    match = _TABLE_CELL.match(path)
    return (match["table"], int(match["row"]), match["key"]) if match else None
