"""Typed view of a country guide (content pack). Packs are data files; see
resources/schemas/content-pack.schema.json for the format."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

TRACKS: tuple[str, ...] = ("residence", "work", "housing", "counselling")
Track = Literal["residence", "work", "housing", "counselling"]


@dataclass(frozen=True)
class Text:
    """A text in several languages, falling back to English."""

    values: dict[str, str]

    def get(self, language: str) -> str:
        return self.values.get(language) or self.values.get("en") or next(iter(self.values.values()))

    def has(self, language: str) -> bool:
        return bool(self.values.get(language))


@dataclass(frozen=True)
class Source:
    url: str
    stated_date: date | None  # None: the source states no date ("n.d.")
    title: str | None = None
    weak: bool = False


@dataclass(frozen=True)
class Link:
    title: Text
    url: str


@dataclass(frozen=True)
class Contact:
    name: Text
    url: str | None = None
    note: Text | None = None


@dataclass(frozen=True)
class Limit:
    kind: Literal["window", "per_stay", "per_calendar_year"]
    days: int
    window: int | None = None


@dataclass(frozen=True)
class StayRule:
    id: str
    citizenships: tuple[str, ...]
    limits: tuple[Limit, ...]
    explain: Text
    sources: tuple[Source, ...]
    visa_required: bool = False
    no_limit: bool = False


@dataclass(frozen=True)
class DocumentNeed:
    kind: str
    note: Text | None = None
    translated: bool = False
    apostilled: bool = False
    notarised: bool = False
    optional: bool = False


@dataclass(frozen=True)
class Deadline:
    """When a step is due. Exactly one shape is set:
    an absolute ``on`` date; an offset ``after`` arrival / entry / another step; or ``before``
    the legal stay runs out."""

    on: date | None = None
    after: Literal["arrival", "entry", "step"] | None = None
    step: str | None = None
    hours: int | None = None
    days: int | None = None
    business_days: int | None = None
    before_stay_limit: bool = False
    days_before: int = 0
    note: Text | None = None


@dataclass(frozen=True)
class Conditions:
    citizenships: tuple[str, ...] = ()
    with_family: bool | None = None
    purposes: tuple[str, ...] = ()
    text: Text | None = None


@dataclass(frozen=True)
class Step:
    id: str
    track: str
    title: Text
    body: Text
    sources: tuple[Source, ...]
    last_verified: date
    documents: tuple[DocumentNeed, ...] = ()
    deadline: Deadline | None = None
    depends_on: tuple[str, ...] = ()
    conditions: Conditions = field(default_factory=Conditions)
    cautions: tuple[Text, ...] = ()
    contacts: tuple[Contact, ...] = ()


@dataclass(frozen=True)
class PacketDefinition:
    track: str
    purpose: Text
    office: Text
    office_local: str | None = None


@dataclass(frozen=True)
class Pack:
    country: str
    name: Text
    official_languages: tuple[str, ...]
    label_language: str
    last_verified: date
    verify_here: tuple[Link, ...]
    stay_rules: tuple[StayRule, ...]
    steps: tuple[Step, ...]
    holidays: frozenset[date] = frozenset()
    packets: dict[str, PacketDefinition] = field(default_factory=dict)
    summary: Text | None = None
    use_public_holidays: bool = False

    def step(self, step_id: str) -> Step | None:
        return next((s for s in self.steps if s.id == step_id), None)

    def steps_in(self, track: str) -> tuple[Step, ...]:
        return tuple(s for s in self.steps if s.track == track)

    def stay_rule_for(self, citizenships: tuple[str, ...] | list[str]) -> StayRule | None:
        """The first rule that names one of the person's citizenships."""
        for rule in self.stay_rules:
            if any(c in rule.citizenships for c in citizenships):
                return rule
        return None
