"""What the profile's tables hold, and how their rows become the core's records and back.

Rows are plain strings as typed. Turned into records, a date that cannot be read becomes "not
known" and a stay without a readable entry date is left out: the table reports those itself."""

from __future__ import annotations

import re

from waystation.i18n import _
from waystation.rules.words import permit_kind_name
from waystation.ui.pages.profile_tables import Column, Row
from waystation.ui.widgets.country import countries_by_name
from waystation.vault.iso_date import parse_date
from waystation.vault.models import PASSPORT_KINDS, PERMIT_KINDS, FamilyMember, Passport, Permit, Stay

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
    Column("entered", lambda: _("Entered"), "date", required=True, past_only=True),
    Column("left", lambda: _("Left (empty: still there)"), "date"),
)


def permit_kinds() -> list[tuple[str, str]]:
    return [(kind, permit_kind_name(kind).capitalize()) for kind in PERMIT_KINDS]


def entry_kinds() -> list[tuple[str, str]]:
    return [("", _("Not stated")), ("single", _("Single entry")), ("multiple", _("Multiple entries"))]


PERMIT_COLUMNS = (
    Column(
        "kind", lambda: _("Kind"), "choice", required=True, choices=permit_kinds, default="residence_permit"
    ),
    Column("country", lambda: _("Issued by"), "choice", required=True, choices=countries),
    Column("category", lambda: _("Category")),
    Column("valid_from", lambda: _("Valid from"), "date", required=True),
    Column("valid_until", lambda: _("Valid until (empty: no end)"), "date"),
    Column("days_allowed", lambda: _("Days allowed"), "number"),
    Column("entries", lambda: _("Entries"), "choice", choices=entry_kinds),
    Column("number", lambda: _("Number")),
)

FAMILY_COLUMNS = (
    Column("relation", lambda: _("Relation"), "choice", required=True, choices=relations, default="child"),
    Column("family_name", lambda: _("Family name")),
    Column("given_names", lambda: _("Given names")),
    Column("date_of_birth", lambda: _("Date of birth"), "date", past_only=True),
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


def permit_rows(permits: tuple[Permit, ...]) -> list[Row]:
    return [
        {
            "kind": p.kind,
            "country": p.country,
            "category": p.category or "",
            "valid_from": p.valid_from.isoformat(),
            "valid_until": _iso(p.valid_until),
            "days_allowed": str(p.days_allowed) if p.days_allowed is not None else "",
            "entries": p.entries or "",
            "number": p.number or "",
        }
        for p in permits
    ]


def readable_permits(rows: list[Row]) -> list[tuple[int, Permit]]:
    """(table row, permit) for every row with a kind, a country and a readable start date."""
    permits = []
    for number, r in enumerate(rows):
        start = parse_date(r["valid_from"])
        if start is None or not r["kind"] or not r["country"]:
            continue
        days = r["days_allowed"]
        permits.append(
            (
                number,
                Permit(
                    country=r["country"],
                    kind=r["kind"],
                    valid_from=start,
                    valid_until=parse_date(r["valid_until"]),
                    category=r["category"] or None,
                    number=r["number"] or None,
                    days_allowed=int(days) if days.isdigit() and days.isascii() else None,
                    entries=r["entries"] or None,
                ),
            )
        )
    return permits


def permits_from(rows: list[Row]) -> tuple[Permit, ...]:
    return tuple(permit for _row, permit in readable_permits(rows))


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
_TABLE_CELL = re.compile(r"^(?P<table>passports|stays|permits|family)\[(?P<row>\d+)\]\.(?P<key>\w+)$")
_TABLE_ROW = re.compile(r"^(?P<table>passports|stays|permits|family)\[(?P<row>\d+)\]$")


def split_problem(problem: str) -> tuple[str, str]:
    """ "passports[0].expires: before the issue date" → ("passports[0].expires", "before …")."""
    match = _PROBLEM.match(problem)
    return (match["path"], match["message"]) if match else ("", problem)


def table_row(path: str) -> tuple[str, int] | None:
    """ "permits[1]" → ("permits", 1); None for anything else."""
    match = _TABLE_ROW.match(path)
    return (match["table"], int(match["row"])) if match else None


def table_cell(path: str) -> tuple[str, int, str] | None:
    """ "stays[1].left" → ("stays", 1, "left"); None for paths outside the tables."""
    match = _TABLE_CELL.match(path)
    return (match["table"], int(match["row"]), match["key"]) if match else None
