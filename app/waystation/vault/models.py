"""The data kept in a vault, as plain typed values. Repositories turn rows into these and back;
nothing here knows about SQL or Qt."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

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


@dataclass(frozen=True)
class DocumentInfo:
    """A stored document without its content (which stays in the vault until asked for)."""

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


@dataclass(frozen=True)
class StepProgress:
    step_id: str
    state: StepState
    on: date | None = None
    note: str = ""
