"""The profile interchange format ``waystation-profile/2`` (PRODUCT.md); ``/1`` still imports.

``/2`` adds ``permits``: visas, residence permits, protection and pending applications. Import
validates everything before anything is written and names every failing field
(``person.date_of_birth: not a date``, ``permits[0].valid_until: before valid_from``); export
always writes ``/2``, and export then import gives back the same profile.

One truth for the arrival date and the entries: the entries and exits (``stays``) are the record,
and ``host.arrival_date`` names the first day of the person's latest stay in the host country as
those entries show it (:func:`current_stay_start`: a re-entry on the exit day or the day after
continues the stay, so a border run is no new arrival). When the entries hold any stay in the host
country, the arrival date must be that day, or the profile is refused naming both. A profile with
an arrival date and no entry into the host country at all is still accepted (vaults and files from
before the two were kept in step); the profile screen then adds the entry for the person to save.

Impossible dates are refused: a date of birth, an arrival or an entry after "today", and a date of
birth after the arrival. "Today" is an argument (``today=``) so that the desktop app checks with
its own clock (tests run on a fixed day); it defaults to the computer's date.

A file is hostile until proven otherwise (profile_reading.py): only a regular file is read, never
past ``MAX_FILE_BYTES``; deep nesting, endless numbers, ``NaN`` and unpaired surrogates are
refused with a clear message. Lists are capped by the schema, and only the first
``MAX_PROBLEMS_SHOWN`` problems are spelled out.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from babel import Locale

from waystation.errors import InvalidInput
from waystation.i18n import _, ngettext
from waystation.resources_path import resource
from waystation.vault.iso_date import parse_date
from waystation.vault.models import FamilyMember, Host, Passport, Permit, Person, Profile, Stay
from waystation.vault.profile_reading import loads, read_profile_bytes, shape_problems

if TYPE_CHECKING:  # jsonschema takes a tenth of a second to import: only when a profile is checked
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

FORMAT = "waystation-profile/2"
FORMAT_V1 = "waystation-profile/1"
MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_PROBLEMS_SHOWN = 20
_NOT_COUNTRIES = {"EU", "EZ", "UN", "ZZ", "QO"}


class ProfileInvalid(InvalidInput):
    def __init__(self, problems: list[str]) -> None:
        shown = problems[:MAX_PROBLEMS_SHOWN]
        message = "; ".join(shown)
        if len(problems) > len(shown):
            more = len(problems) - len(shown)
            message += "; " + ngettext("and {n} more problem", "and {n} more problems", more).format(n=more)
        super().__init__(message)
        self.problems = problems


@cache
def _validator() -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    schema = json.loads(resource("schemas", "profile.schema.json").read_text("utf-8"))
    return Draft202012Validator(schema)


@cache
def country_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes (from CLDR, via Babel)."""
    territories: list[str] = [str(code) for code in Locale("en").territories]
    return frozenset(c for c in territories if len(c) == 2 and c.isalpha() and c not in _NOT_COUNTRIES)


def _path(parts: Iterable[Any]) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _schema_message(error: ValidationError) -> str:
    where = _path(error.absolute_path)
    if error.validator == "required":
        missing = error.message.split("'")[1]
        return f"{_path([*error.absolute_path, missing])}: " + _("missing")
    if error.validator == "additionalProperties":
        schema: Any = error.schema
        instance: Any = error.instance
        extra = sorted(set(instance) - set(schema.get("properties", {})))
        return f"{_path([*error.absolute_path, extra[0]])}: " + _("unknown field")
    if error.validator == "type":
        expected: Any = error.validator_value
        return f"{where or '(file)'}: " + _("must be {kind}").format(
            kind=" or ".join(expected) if isinstance(expected, list) else expected
        )
    if error.validator == "enum":
        values: Any = error.validator_value
        allowed = ", ".join("null" if v is None else str(v) for v in values)
        return f"{where}: " + _("must be one of: {allowed}").format(allowed=allowed)
    if error.validator == "const":
        return f"{where}: " + _("must be {value!r}").format(value=error.validator_value)
    if error.validator == "maxLength":
        return f"{where}: " + _("too long")
    if error.validator == "minLength":
        return f"{where}: " + _("must not be empty")
    if error.validator == "uniqueItems":
        return f"{where}: " + _("has duplicates")
    if error.validator == "minimum":
        return f"{where}: " + _("must be at least {minimum}").format(minimum=error.validator_value)
    if error.validator == "maximum":
        return f"{where}: " + _("must be at most {maximum}").format(maximum=error.validator_value)
    if error.validator == "maxItems":
        return f"{where}: " + _("too many items")
    return f"{where}: {error.message}"


class _Checker:
    """Semantic checks the schema cannot express; collects every problem."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def date(self, value: Any, where: str, *, not_after: dt.date | None = None) -> dt.date | None:
        if value is None:
            return None
        parsed = parse_date(value) if isinstance(value, str) else None
        if parsed is None:
            self.problems.append(f"{where}: " + _("not a date"))
        elif not_after and parsed > not_after:
            self.problems.append(f"{where}: " + _("is in the future"))
        return parsed

    def country(self, value: Any, where: str) -> None:
        if value is not None and value not in country_codes():
            self.problems.append(f"{where}: " + _("not a country code (ISO 3166-1 alpha-2, e.g. GE)"))

    def order(self, first: dt.date | None, last: dt.date | None, where: str, message: str) -> None:
        if first and last and last < first:
            self.problems.append(f"{where}: {message}")


def current_stay_start(stays: Iterable[Stay], country: str) -> date | None:
    """The first day of the latest stay in ``country``: the latest entry there, and before it every
    entry whose stay ended on that entry's day or the day before (a border run, no new arrival)."""
    chain = sorted((s for s in stays if s.country == country), key=lambda s: s.entered)
    if not chain:
        return None
    first = chain[-1].entered
    for earlier in reversed(chain[:-1]):
        if earlier.left is None or (first - earlier.left).days > 1:
            break
        first = earlier.entered
    return first


def _semantic_problems(data: Mapping[str, Any], today: date) -> list[str]:
    check = _Checker()
    person = data.get("person") or {}
    born = check.date(person.get("date_of_birth"), "person.date_of_birth", not_after=today)
    for i, code in enumerate(person.get("citizenships") or []):
        check.country(code, f"person.citizenships[{i}]")
    for i, passport in enumerate(data.get("passports") or []):
        issued = check.date(passport.get("issued"), f"passports[{i}].issued")
        expires = check.date(passport.get("expires"), f"passports[{i}].expires")
        check.order(issued, expires, f"passports[{i}].expires", _("before the issue date"))
    host = data.get("host") or {}
    check.country(host.get("country"), "host.country")
    arrival = check.date(host.get("arrival_date"), "host.arrival_date", not_after=today)
    if born is not None and arrival is not None and arrival < born <= today:
        check.problems.append("person.date_of_birth: " + _("after the arrival date"))
    stays: list[Stay] = []
    for i, stay in enumerate(data.get("stays") or []):
        check.country(stay.get("country"), f"stays[{i}].country")
        entered = check.date(stay.get("entered"), f"stays[{i}].entered", not_after=today)
        left = check.date(stay.get("left"), f"stays[{i}].left")
        check.order(entered, left, f"stays[{i}].left", _("the stay ends before it starts"))
        if entered is not None and isinstance(stay.get("country"), str):
            stays.append(Stay(country=stay["country"], entered=entered, left=left))
    _arrival_problems(check, host.get("country"), arrival, stays)
    for i, member in enumerate(data.get("family") or []):
        check.date(member.get("date_of_birth"), f"family[{i}].date_of_birth", not_after=today)
    if "permits" in data and data.get("format") == FORMAT_V1:
        check.problems.append("permits: " + _("only in {format}").format(format=FORMAT))
    _permit_problems(check, data.get("permits") or [])
    return check.problems


def _arrival_problems(check: _Checker, country: Any, arrival: date | None, stays: list[Stay]) -> None:
    """The arrival date and the entries into the host country must tell the same story."""
    if not isinstance(country, str) or arrival is None:
        return
    start = current_stay_start(stays, country)
    if start is not None and start != arrival:
        check.problems.append(
            "host.arrival_date: "
            + _("does not match the entries: your latest stay in {country} began on {date}").format(
                country=country, date=start.isoformat()
            )
        )


def _permit_problems(check: _Checker, permits: list[Mapping[str, Any]]) -> None:
    spans: list[tuple[int, str, str, dt.date, dt.date]] = []
    for i, permit in enumerate(permits):
        where = f"permits[{i}]"
        check.country(permit.get("country"), f"{where}.country")
        start = check.date(permit.get("valid_from"), f"{where}.valid_from")
        end = check.date(permit.get("valid_until"), f"{where}.valid_until")
        check.order(start, end, f"{where}.valid_until", _("before valid_from"))
        if permit.get("kind") == "visa" and permit.get("valid_until") is None:
            if str(permit.get("category") or "").strip().upper() == "D":
                check.problems.append(f"{where}.valid_until: " + _("a D visa needs an end date"))
            elif permit.get("days_allowed") is None:
                check.problems.append(
                    f"{where}.valid_until: " + _("a visa needs an end date or a number of days")
                )
        if start is not None and (end is None or end >= start):
            spans.append((i, str(permit.get("kind")), str(permit.get("country")), start, end or dt.date.max))
    for index, (i, kind, country, start, end) in enumerate(spans):
        for j, other_kind, other_country, other_start, other_end in spans[:index]:
            if (kind, country) == (other_kind, other_country) and start <= other_end and other_start <= end:
                check.problems.append(
                    f"permits[{i}]: "
                    + _(
                        "overlaps permits[{other}] (same kind and country); if it replaced that one, "
                        "end the older one the day before"
                    ).format(other=j)
                )
                break


def validate(data: Any, *, today: date | None = None) -> list[str]:
    """Every problem with a parsed profile document; empty when it can be imported. Dates after
    ``today`` (the computer's date unless given) are refused where they cannot be."""
    if not isinstance(data, Mapping):
        return ["(file): " + _("must be a JSON object")]
    problems = shape_problems(data, MAX_PROBLEMS_SHOWN)
    if problems:
        return problems
    # errors come lazily: a list of a million bad items must not be described a million times
    errors = itertools.islice(_validator().iter_errors(data), MAX_PROBLEMS_SHOWN * 5)
    problems = [_schema_message(e) for e in sorted(errors, key=lambda e: e.path)]
    if problems:
        return problems
    return _semantic_problems(data, today or date.today())


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _entered(value: str) -> date:
    return date.fromisoformat(value)


def from_document(data: Mapping[str, Any], *, today: date | None = None) -> Profile:
    """The profile in a document; raises ProfileInvalid naming every bad field."""
    problems = validate(data, today=today)
    if problems:
        raise ProfileInvalid(problems)
    p = data.get("person") or {}
    h = data.get("host") or {}
    return Profile(
        person=Person(
            family_name=p.get("family_name", ""),
            given_names=p.get("given_names", ""),
            patronymic=p.get("patronymic", ""),
            family_name_latin=p.get("family_name_latin", ""),
            given_names_latin=p.get("given_names_latin", ""),
            date_of_birth=_date(p.get("date_of_birth")),
            place_of_birth=p.get("place_of_birth", ""),
            sex=p.get("sex"),
            citizenships=tuple(p.get("citizenships") or ()),
            phone=p.get("phone", ""),
            email=p.get("email", ""),
        ),
        passports=tuple(
            Passport(
                number=x["number"],
                kind=x.get("kind", "international"),
                issued=_date(x.get("issued")),
                expires=_date(x.get("expires")),
                authority=x.get("authority", ""),
            )
            for x in data.get("passports") or ()
        ),
        host=Host(
            country=h.get("country"),
            city=h.get("city", ""),
            address=h.get("address", ""),
            arrival_date=_date(h.get("arrival_date")),
        ),
        stays=tuple(
            Stay(country=s["country"], entered=_entered(s["entered"]), left=_date(s.get("left")))
            for s in data.get("stays") or ()
        ),
        family=tuple(
            FamilyMember(
                relation=f["relation"],
                family_name=f.get("family_name", ""),
                given_names=f.get("given_names", ""),
                date_of_birth=_date(f.get("date_of_birth")),
            )
            for f in data.get("family") or ()
        ),
        notes=data.get("notes", ""),
        permits=tuple(
            Permit(
                country=x["country"],
                kind=x["kind"],
                category=x.get("category"),
                number=x.get("number"),
                valid_from=date.fromisoformat(x["valid_from"]),
                valid_until=_date(x.get("valid_until")),
                days_allowed=x.get("days_allowed"),
                entries=x.get("entries"),
            )
            for x in data.get("permits") or ()
        ),
    )


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def to_document(profile: Profile) -> dict[str, Any]:
    p = profile.person
    return {
        "format": FORMAT,
        "person": {
            "family_name": p.family_name,
            "given_names": p.given_names,
            "patronymic": p.patronymic,
            "family_name_latin": p.family_name_latin,
            "given_names_latin": p.given_names_latin,
            "date_of_birth": _iso(p.date_of_birth),
            "place_of_birth": p.place_of_birth,
            "sex": p.sex,
            "citizenships": list(p.citizenships),
            "phone": p.phone,
            "email": p.email,
        },
        "passports": [
            {
                "number": x.number,
                "kind": x.kind,
                "issued": _iso(x.issued),
                "expires": _iso(x.expires),
                "authority": x.authority,
            }
            for x in profile.passports
        ],
        "host": {
            "country": profile.host.country,
            "city": profile.host.city,
            "address": profile.host.address,
            "arrival_date": _iso(profile.host.arrival_date),
        },
        "stays": [
            {"country": s.country, "entered": s.entered.isoformat(), "left": _iso(s.left)}
            for s in profile.stays
        ],
        "family": [
            {
                "relation": f.relation,
                "family_name": f.family_name,
                "given_names": f.given_names,
                "date_of_birth": _iso(f.date_of_birth),
            }
            for f in profile.family
        ],
        "permits": [
            {
                "country": x.country,
                "kind": x.kind,
                "category": x.category,
                "number": x.number,
                "valid_from": x.valid_from.isoformat(),
                "valid_until": _iso(x.valid_until),
                "days_allowed": x.days_allowed,
                "entries": x.entries,
            }
            for x in profile.permits
        ],
        "notes": profile.notes,
    }


def read_file(
    path: Path, extra_checks: Callable[[Profile], list[str]] | None = None, *, today: date | None = None
) -> Profile:
    """Read and validate a profile file; nothing is written anywhere."""
    profile = from_document(loads(read_profile_bytes(path, MAX_FILE_BYTES), path), today=today)
    if extra_checks:
        problems = extra_checks(profile)
        if problems:
            raise ProfileInvalid(problems)
    return profile


def dumps(profile: Profile) -> str:
    return json.dumps(to_document(profile), ensure_ascii=False, indent=2) + "\n"
