"""Typed view of a country guide (content pack). Packs are data files; see
resources/schemas/content-pack.schema.json for the format."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

# Guides name the same kinds of permit as the profile does.
from waystation.vault.models import PERMIT_KINDS as PERMIT_KINDS

TRACKS: tuple[str, ...] = ("residence", "work", "housing", "counselling", "home_documents")
Track = Literal["residence", "work", "housing", "counselling", "home_documents"]

# A guide older than this many days (per step) is shown as "may be out of date" unless the pack
# sets its own ``review_after``.
DEFAULT_REVIEW_AFTER_DAYS = 180


ANY_LANGUAGE = "*"


@dataclass(frozen=True)
class Text:
    """A text in several languages, falling back to English."""

    values: dict[str, str]

    def get(self, language: str) -> str:
        return self.values.get(language) or self.values.get("en") or next(iter(self.values.values()))

    @classmethod
    def single(cls, text: str) -> Text:
        """A text the app wrote itself, already in the interface language."""
        return cls({ANY_LANGUAGE: text})

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
    phone: str | None = None


LimitKind = Literal["window", "per_stay", "per_calendar_year", "from_first_entry"]


@dataclass(frozen=True)
class Limit:
    """``window``: at most ``days`` in any ``window``-day period. ``per_stay``: ``days`` per
    continuous stay. ``per_calendar_year``: ``days`` per calendar year. ``from_first_entry``: at
    most ``days`` within the ``window`` days that start on the first entry of a period; the next
    entry after the period starts a new one (Belarusians in Israel: 90 days within six months)."""

    kind: LimitKind
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
    unknown: bool = False  # the sources state no rule for these citizenships: say so, count nothing


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
class PermitMatch:
    """A kind of permit, optionally narrowed to one category ("TRP", "D")."""

    kind: str
    category: str | None = None

    def matches(self, kind: str, category: str | None) -> bool:
        if kind != self.kind:
            return False
        return self.category is None or (category or "").casefold() == self.category.casefold()


@dataclass(frozen=True)
class Renewal:
    """When the next application must be filed: ``days_before`` the permit ends (0: on its last
    day at the latest)."""

    days_before: int
    title: Text
    note: Text | None = None


@dataclass(frozen=True)
class PermitRule:
    """What the guide says about one kind of permit in this country."""

    id: str
    match: PermitMatch
    name: Text
    explain: Text
    sources: tuple[Source, ...]
    last_verified: date
    renew: Renewal | None = None
    max_absence_days: int | None = None  # a longer trip abroad can cost the permit


@dataclass(frozen=True)
class VisaArea:
    """Countries whose short-stay visas count days together (the Schengen area)."""

    name: Text
    countries: frozenset[str]
    sources: tuple[Source, ...]


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
    satisfied_by: tuple[PermitMatch, ...] = ()  # done once such a permit is recorded
    unconfirmed: bool = False  # the step says its facts could not be confirmed from a strong source
    generated: bool = False  # made by the app from the person's permits, not written in the guide


@dataclass(frozen=True)
class PacketDefinition:
    track: str
    purpose: Text
    office: Text
    office_local: str | None = None


@dataclass(frozen=True)
class Coverage:
    """``full``, or ``partial`` with ``missing`` saying what the guide does not cover."""

    level: Literal["full", "partial"] = "full"
    missing: Text | None = None

    @property
    def partial(self) -> bool:
        return self.level == "partial"


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
    review_after: int = DEFAULT_REVIEW_AFTER_DAYS
    permit_rules: tuple[PermitRule, ...] = ()
    visa_area: VisaArea | None = None
    coverage: Coverage = field(default_factory=Coverage)

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

    def stay_rules_for(self, citizenships: tuple[str, ...] | list[str]) -> tuple[StayRule, ...]:
        """Every rule for one of the person's citizenships, in the guide's order, each once."""
        return tuple(r for r in self.stay_rules if any(c in r.citizenships for c in citizenships))

    def is_stale(self, step: Step, today: date) -> bool:
        """Whether nobody has checked the step's facts for longer than ``review_after`` days."""
        return not step.generated and (today - step.last_verified).days > self.review_after

    def permit_rule_for(self, kind: str, category: str | None) -> PermitRule | None:
        """The guide's rule for a permit: one naming its category wins over a kind-wide one."""
        matching = [r for r in self.permit_rules if r.match.matches(kind, category)]
        matching.sort(key=lambda r: r.match.category is None)
        return matching[0] if matching else None
