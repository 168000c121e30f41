"""The profile values a form mapping may name, by their place in the profile format
(``waystation-profile/2``): ``person.family_name_latin``, ``passports[0].number``,
``host.address``, ``family[spouse].date_of_birth``, ``permits[-1].valid_until``, ``today``.

A list is indexed from 0 (``[-1]`` is the last item) or chosen by kind: ``passports[international]``
is the first international passport, ``family[spouse]`` the spouse, ``family[child2]`` the second
child. A few values are derived: full names, and Latin spellings (ICAO 9303, as Russian passports
write them) of the values the profile keeps only in their own script. A path the profile format
does not have is refused, naming it; an item the profile does not hold (a second passport) is
simply empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from waystation.errors import InvalidInput
from waystation.i18n import _
from waystation.translit import to_latin
from waystation.vault.models import FamilyMember, Passport, Permit, Profile, Stay

ValueKind = Literal["text", "date", "country", "countries", "code"]
Value = str | date | tuple[str, ...] | None

PERSON: dict[str, ValueKind] = {
    "family_name": "text",
    "given_names": "text",
    "patronymic": "text",
    "family_name_latin": "text",
    "given_names_latin": "text",
    "date_of_birth": "date",
    "place_of_birth": "text",
    "sex": "code",
    "citizenships": "countries",
    "phone": "text",
    "email": "text",
    # derived
    "patronymic_latin": "text",
    "place_of_birth_latin": "text",
    "full_name": "text",
    "full_name_latin": "text",
}
PASSPORT: dict[str, ValueKind] = {
    "number": "text",
    "kind": "code",
    "issued": "date",
    "expires": "date",
    "authority": "text",
    "authority_latin": "text",
}
HOST: dict[str, ValueKind] = {"country": "country", "city": "text", "address": "text", "arrival_date": "date"}
STAY: dict[str, ValueKind] = {"country": "country", "entered": "date", "left": "date"}
FAMILY: dict[str, ValueKind] = {
    "relation": "code",
    "family_name": "text",
    "given_names": "text",
    "date_of_birth": "date",
    "family_name_latin": "text",
    "given_names_latin": "text",
}
PERMIT: dict[str, ValueKind] = {
    "country": "country",
    "kind": "code",
    "category": "text",
    "number": "text",
    "valid_from": "date",
    "valid_until": "date",
    "days_allowed": "text",
    "entries": "code",
}
LISTS: dict[str, dict[str, ValueKind]] = {
    "passports": PASSPORT,
    "stays": STAY,
    "family": FAMILY,
    "permits": PERMIT,
}
RELATIONS = ("spouse", "partner", "child", "parent", "sibling", "other")
PASSPORT_KINDS = ("international", "internal", "other")

_SINGLE = re.compile(r"(person|host)\.([a-z_]+)")
_CITIZENSHIP = re.compile(r"person\.citizenships\[(-?\d{1,2})\]")
_LISTED = re.compile(r"(passports|stays|family|permits)\[(-?\d{1,2}|[a-z]+\d?)\]\.([a-z_]+)")
MAX_PATH = 80


@dataclass(frozen=True)
class ProfilePath:
    text: str
    group: str  # "person", "host", "passports", "stays", "family", "permits", "today"
    selector: str | None  # "0", "-1", "international", "spouse", "child2"
    name: str  # the value inside its group
    kind: ValueKind


def unknown_path(path: str) -> InvalidInput:
    return InvalidInput(
        _(
            "{path} is not a profile value Waystation knows (use e.g. person.family_name_latin, "
            "passports[0].number, host.address, family[spouse].given_names, today)."
        ).format(path=path[:MAX_PATH])
    )


def parse_path(text: str) -> ProfilePath:
    """The path ``text`` names; InvalidInput naming it when the profile format has no such value."""
    if text == "today":
        return ProfilePath(text, "today", None, "today", "date")
    if text in PERSON:  # "date_of_birth" is short for "person.date_of_birth"
        text = f"person.{text}"
    if len(text) <= MAX_PATH:
        if match := _CITIZENSHIP.fullmatch(text):
            return ProfilePath(text, "person", match.group(1), "citizenships", "country")
        if match := _SINGLE.fullmatch(text):
            group, name = match.group(1), match.group(2)
            fields = PERSON if group == "person" else HOST
            if name in fields:
                return ProfilePath(text, group, None, name, fields[name])
        if match := _LISTED.fullmatch(text):
            group, selector, name = match.groups()
            if name in LISTS[group] and _selector_ok(group, selector):
                return ProfilePath(text, group, selector, name, LISTS[group][name])
    raise unknown_path(text)


def _selector_ok(group: str, selector: str) -> bool:
    if re.fullmatch(r"-?\d{1,2}", selector):
        return True
    if group == "passports":
        return selector in PASSPORT_KINDS
    if group == "family":
        return selector in RELATIONS or bool(re.fullmatch(r"child[1-9]", selector))
    return False


def resolve(profile: Profile, path: ProfilePath, today: date) -> Value:
    """The value ``path`` names in ``profile``; None (or "") when the profile does not hold it."""
    if path.group == "today":
        return today
    if path.group == "person":
        return _person(profile, path)
    if path.group == "host":
        return getattr(profile.host, path.name)  # type: ignore[no-any-return]
    item = _pick(profile, path)
    if item is None:
        return None
    if path.name.endswith("_latin") and not hasattr(item, path.name):
        return to_latin(str(getattr(item, path.name.removesuffix("_latin")) or ""))
    value = getattr(item, path.name)
    if isinstance(value, int):
        return str(value)
    return value  # type: ignore[no-any-return]


def _person(profile: Profile, path: ProfilePath) -> Value:
    person = profile.person
    if path.name == "citizenships":
        if path.selector is None:
            return tuple(person.citizenships)
        return _at(person.citizenships, int(path.selector))
    if path.name == "full_name":
        return " ".join(p for p in (person.family_name, person.given_names, person.patronymic) if p)
    if path.name == "full_name_latin":
        return " ".join(p for p in (person.family_name_latin, person.given_names_latin) if p)
    if path.name == "patronymic_latin":
        return to_latin(person.patronymic)
    if path.name == "place_of_birth_latin":
        return to_latin(person.place_of_birth)
    return getattr(person, path.name)  # type: ignore[no-any-return]


def _at(items: tuple[str, ...], index: int) -> str | None:
    try:
        return items[index]
    except IndexError:
        return None


Item = Passport | Stay | FamilyMember | Permit


def _pick(profile: Profile, path: ProfilePath) -> Item | None:
    items: tuple[Item, ...] = getattr(profile, path.group)
    selector = path.selector or "0"
    if re.fullmatch(r"-?\d{1,2}", selector):
        index = int(selector)
        return items[index] if -len(items) <= index < len(items) else None
    if path.group == "passports":
        return next((p for p in profile.passports if p.kind == selector), None)
    number = 1
    if selector.startswith("child") and selector != "child":
        number, selector = int(selector[5:]), "child"
    matching = [member for member in profile.family if member.relation == selector]
    return matching[number - 1] if len(matching) >= number else None


# -- for people: what each path is called ------------------------------------------------------


def describe(path: ProfilePath) -> str:
    """A short name for ``path`` in the interface language ("Passport 1: number")."""
    field = _field_name(path.name)
    if path.group == "person" and path.name == "citizenships" and path.selector is not None:
        if path.selector == "0":
            return _("Citizenship")
        if path.selector == "-1":
            return _("Last citizenship listed")
        return _("Citizenship {n}").format(n=_ordinal(path.selector))
    holder = _holder(path)
    return _("{holder}: {value}").format(holder=holder, value=field) if holder else field


def _ordinal(selector: str) -> str:
    """A position counted from 1; from the end ("-2": the one before the last) as written."""
    index = int(selector)
    return str(index + 1 if index >= 0 else index)


def _holder(path: ProfilePath) -> str:
    selector = path.selector or ""
    if path.group in ("person", "today"):
        return ""
    if path.group == "host":
        return _("Host country")
    if path.group == "passports":
        if selector == "international":
            return _("International passport")
        if selector == "internal":
            return _("Internal passport")
        if selector == "other":
            return _("Other passport")
        return _("Latest passport") if selector == "-1" else _("Passport {n}").format(n=_ordinal(selector))
    if path.group == "stays":
        return _("Latest stay") if selector == "-1" else _("Stay {n}").format(n=_ordinal(selector))
    if path.group == "permits":
        return _("Latest permit") if selector == "-1" else _("Permit {n}").format(n=_ordinal(selector))
    names = {
        "spouse": _("Spouse"),
        "partner": _("Partner"),
        "child": _("Child 1"),
        "parent": _("Parent"),
        "sibling": _("Sibling"),
        "other": _("Other family member"),
    }
    if selector in names:
        return names[selector]
    if selector.startswith("child"):
        return _("Child {n}").format(n=selector[5:])
    if selector == "-1":
        return _("Last family member listed")
    return _("Family member {n}").format(n=_ordinal(selector))


def _field_name(name: str) -> str:
    names = {
        "family_name": _("Family name"),
        "given_names": _("Given names"),
        "patronymic": _("Patronymic"),
        "family_name_latin": _("Family name (Latin letters)"),
        "given_names_latin": _("Given names (Latin letters)"),
        "patronymic_latin": _("Patronymic (Latin letters)"),
        "full_name": _("Full name"),
        "full_name_latin": _("Full name (Latin letters)"),
        "date_of_birth": _("Date of birth"),
        "place_of_birth": _("Place of birth"),
        "place_of_birth_latin": _("Place of birth (Latin letters)"),
        "sex": _("Sex"),
        "citizenships": _("Citizenships"),
        "phone": _("Phone"),
        "email": _("E-mail"),
        "number": _("number"),
        "kind": _("kind"),
        "issued": _("date of issue"),
        "expires": _("valid until"),
        "authority": _("issued by"),
        "authority_latin": _("issued by (Latin letters)"),
        "country": _("country"),
        "city": _("city"),
        "address": _("address"),
        "arrival_date": _("date of arrival"),
        "entered": _("entered"),
        "left": _("left"),
        "relation": _("relation"),
        "category": _("category"),
        "valid_from": _("valid from"),
        "valid_until": _("valid until"),
        "days_allowed": _("days allowed"),
        "entries": _("entries"),
        "today": _("Today's date"),
    }
    return names.get(name, name)


COMMON_PATHS: tuple[str, ...] = (
    "person.family_name_latin",
    "person.given_names_latin",
    "person.family_name",
    "person.given_names",
    "person.patronymic",
    "person.patronymic_latin",
    "person.full_name_latin",
    "person.full_name",
    "person.date_of_birth",
    "person.place_of_birth",
    "person.place_of_birth_latin",
    "person.sex",
    "person.citizenships[0]",
    "person.phone",
    "person.email",
    "passports[international].number",
    "passports[international].issued",
    "passports[international].expires",
    "passports[international].authority",
    "passports[international].authority_latin",
    "passports[internal].number",
    "host.address",
    "host.city",
    "host.country",
    "host.arrival_date",
    "stays[-1].entered",
    "permits[-1].kind",
    "permits[-1].number",
    "permits[-1].valid_from",
    "permits[-1].valid_until",
    "family[spouse].family_name",
    "family[spouse].given_names",
    "family[spouse].family_name_latin",
    "family[spouse].given_names_latin",
    "family[spouse].date_of_birth",
    "family[child1].family_name_latin",
    "family[child1].given_names_latin",
    "family[child1].date_of_birth",
    "family[child2].family_name_latin",
    "family[child2].given_names_latin",
    "family[child2].date_of_birth",
    "family[child3].family_name_latin",
    "family[child3].given_names_latin",
    "family[child3].date_of_birth",
    "today",
)
