"""The data kept in a vault, as plain typed values. Repositories turn rows into these and back;
nothing here knows about SQL or Qt."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal, NamedTuple

DOCUMENT_KINDS: tuple[str, ...] = (
    "passport",
    "id_card",
    "photo",
    "birth_certificate",
    "marriage_certificate",
    "diploma",
    "criminal_record",
    "lease",
    "employment_contract",
    "bank_statement",
    "health_insurance",
    "registration",
    "permit",
    "other",
)

STEP_STATES: tuple[str, ...] = ("todo", "doing", "done", "skipped")
StepState = Literal["todo", "doing", "done", "skipped"]

PASSPORT_KINDS: tuple[str, ...] = ("international", "internal", "other")

# The legal bases a person can hold besides a visa-free rule (profile format ``permits[].kind``).
# The order is also the preference when two bases allow the same last day.
PERMIT_KINDS: tuple[str, ...] = (
    "permanent_residence",
    "residence_permit",
    "temporary_protection",
    "visa",
    "application_pending",
)
PERMIT_ENTRIES: tuple[str, ...] = ("single", "multiple")
SEXES: tuple[str, ...] = ("F", "M", "X")


@dataclass(frozen=True)
class Person:
    family_name: str = ""
    given_names: str = ""
    patronymic: str = ""
    family_name_latin: str = ""
    given_names_latin: str = ""
    date_of_birth: date | None = None
    place_of_birth: str = ""
    sex: str | None = None
    citizenships: tuple[str, ...] = ()
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class Passport:
    number: str
    kind: str = "international"
    issued: date | None = None
    expires: date | None = None
    authority: str = ""


@dataclass(frozen=True)
class Host:
    country: str | None = None
    city: str = ""
    address: str = ""
    arrival_date: date | None = None


@dataclass(frozen=True)
class Stay:
    """One presence in a country: from the day of entry to the day of exit, both included.
    ``left`` is None while the person is still there."""

    country: str
    entered: date
    left: date | None = None


@dataclass(frozen=True)
class Permit:
    """A visa, residence permit, protection status or filing receipt: a legal basis of stay.

    ``valid_until`` None means open-ended; ``days_allowed`` is the stay a visa grants (e.g. 90);
    ``entries`` is "single" or "multiple" for visas. ``country`` is the issuing country.
    """

    country: str
    kind: str
    valid_from: date
    valid_until: date | None = None
    category: str | None = None
    number: str | None = None
    days_allowed: int | None = None
    entries: str | None = None

    def valid_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)


@dataclass(frozen=True)
class FamilyMember:
    relation: str
    family_name: str = ""
    given_names: str = ""
    date_of_birth: date | None = None


@dataclass(frozen=True)
class Profile:
    person: Person = field(default_factory=Person)
    passports: tuple[Passport, ...] = ()
    host: Host = field(default_factory=Host)
    stays: tuple[Stay, ...] = ()
    family: tuple[FamilyMember, ...] = ()
    notes: str = ""
    permits: tuple[Permit, ...] = ()


class DocumentInfo(NamedTuple):
    """A stored document without its content (which stays in the vault until asked for).

    ``passport_number`` links a passport scan to the passport of that number in the profile
    (see vault/passport_scans.py); None when it is not linked.

    A named tuple rather than a frozen dataclass: just as immutable, and four times faster to
    build, which is most of what listing 5,000 documents costs (bench/vault_bench.py)."""

    id: int
    kind: str
    title: str
    original_name: str
    mime_type: str
    size: int
    sha256: str
    added: date
    issued: date | None = None
    expires: date | None = None
    passport_number: str | None = None


@dataclass(frozen=True)
class StepProgress:
    step_id: str
    state: StepState
    on: date | None = None
    note: str = ""
