"""Before a packet is built: which fields the office will look for are still empty.

An office taking a residence, work or housing application reads the applicant's names as in the
passport (Latin letters too), date and place of birth, sex, citizenship, a passport's number,
dates and issuing authority, and the address of stay with the date of arrival. A counselling
service needs far less: a name and a way to reach the person. Everything is still printed when
empty ("not provided"), so building anyway stays possible; this check only tells the applicant
what to fill in first, in the order the profile shows it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from waystation.i18n import _
from waystation.vault.models import Passport, Profile

LIGHT_TRACKS = frozenset({"counselling"})  # services that need a name and a way to reach you


@dataclass(frozen=True)
class Gap:
    """One empty field. ``path`` names it in the profile format (``person.date_of_birth``,
    ``passports[0].number``); ``section`` is the profile's section ("person", "passports",
    "host"); ``target`` is what the profile screen can focus (``person.sex``, ``passports``)."""

    path: str
    section: str
    target: str
    key: str

    @property
    def name(self) -> str:
        """What the field is called, in the interface language (asked each time, so a change of
        language shows at once)."""
        return _FIELD_NAMES[self.key]()


_FIELD_NAMES: dict[str, Callable[[], str]] = {
    "family_name": lambda: _("Family name"),
    "given_names": lambda: _("Given names"),
    "family_name_latin": lambda: _("Family name in Latin letters (as in the passport)"),
    "given_names_latin": lambda: _("Given names in Latin letters"),
    "date_of_birth": lambda: _("Date of birth"),
    "place_of_birth": lambda: _("Place of birth"),
    "sex": lambda: _("Sex"),
    "citizenships": lambda: _("Citizenship"),
    "contact": lambda: _("Phone or email"),
    "passport": lambda: _("A passport (number and dates)"),
    "passport_number": lambda: _("Passport number"),
    "passport_issued": lambda: _("Passport: date of issue"),
    "passport_expires": lambda: _("Passport: valid until"),
    "passport_authority": lambda: _("Passport: issued by"),
    "host_country": lambda: _("Country you live in now"),
    "city": lambda: _("City"),
    "address": lambda: _("Address"),
    "arrival_date": lambda: _("Arrival date"),
}


def office_gaps(profile: Profile, track: str) -> list[Gap]:
    """The fields the office for ``track`` will look for that are empty in ``profile``."""
    person = profile.person
    gaps: list[Gap] = []

    def person_gap(key: str, value: object, target: str | None = None) -> None:
        if _empty(value):
            field = target or key
            gaps.append(Gap(f"person.{field}", "person", f"person.{field}", key))

    person_gap("family_name", person.family_name)
    person_gap("given_names", person.given_names)
    if track in LIGHT_TRACKS:
        person_gap("contact", person.phone.strip() or person.email.strip(), target="phone")
        return gaps
    person_gap("family_name_latin", person.family_name_latin)
    person_gap("given_names_latin", person.given_names_latin)
    person_gap("date_of_birth", person.date_of_birth)
    person_gap("place_of_birth", person.place_of_birth)
    person_gap("sex", person.sex)
    person_gap("citizenships", person.citizenships)
    gaps += _passport_gaps(profile.passports)
    host = profile.host
    for key, value, field in (
        ("host_country", host.country, "country"),
        ("city", host.city, "city"),
        ("address", host.address, "address"),
        ("arrival_date", host.arrival_date, "arrival_date"),
    ):
        if _empty(value):
            gaps.append(Gap(f"host.{field}", "host", f"host.{field}", key))
    return gaps


def main_passport(passports: Sequence[Passport]) -> int | None:
    """The passport an office reads first: the first international one, else the first."""
    for index, passport in enumerate(passports):
        if passport.kind == "international":
            return index
    return 0 if passports else None


def _passport_gaps(passports: Sequence[Passport]) -> list[Gap]:
    index = main_passport(passports)
    if index is None:
        return [Gap("passports", "passports", "passports", "passport")]
    passport = passports[index]
    return [
        Gap(f"passports[{index}].{field}", "passports", "passports", f"passport_{field}")
        for field, value in (
            ("number", passport.number),
            ("issued", passport.issued),
            ("expires", passport.expires),
            ("authority", passport.authority),
        )
        if _empty(value)
    ]


def _empty(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, tuple):
        return not value
    return False
