"""The legal basis of a stay: on what ground a person may be in their host country on a day,
until when, and which of several grounds binds.

A person can hold several bases at once: the visa-free rule of each of their citizenships, a
visa, a residence permit, temporary protection, a filing receipt that keeps them legal while a
decision is pending. Each is evaluated on its own terms and the one that lets them stay longest
binds: ``must_leave_by`` follows it. A permit that starts by the day after the binding basis ends
continues the stay, so someone whose residence permit begins next week is not told to leave this
week. The visa-free count is always computed too, as secondary information.

Visas: a Schengen-type C visa allows ``days_allowed`` days (90 when the visa does not say) in any
180 within its validity, counting the days in every country of the guide's visa area; a
single-entry visa ends at the first exit after its start; a visa without a number of days (a
national D visa) allows the stay until it ends.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date

from waystation.content.model import Limit, Pack, StayRule
from waystation.rules.history import check_stays
from waystation.rules.limits import days_counted, first_illegal_day
from waystation.rules.ordinals import to_date
from waystation.rules.presence import Presence
from waystation.rules.stay import StayStatus, counted_limits, stay_status
from waystation.vault.models import PERMIT_KINDS, Permit, Profile, Stay

VISA_FREE = "visa_free"
VISA_WINDOW = 180
SHORT_STAY_DAYS = 90  # a C visa that states no number of days: the short-stay maximum

# Notes: facts the person should know about their basis, as codes the interface puts in words.
NO_CITIZENSHIP = "no_citizenship"  # the profile names no citizenship: no visa-free rule can apply
NO_RULE = "no_rule"  # the guide states no rule for these citizenships
RULE_UNKNOWN = "rule_unknown"  # the guide says the rule for this citizenship is not known
VISA_REQUIRED = "visa_required"  # no visa-free stay for this citizenship
NO_BASIS = "no_basis"  # present, and nothing recorded makes the stay legal
SINGLE_ENTRY_USED = "single_entry_used"  # a single-entry visa was used by an exit
VISA_DAYS_USED = "visa_days_used"  # a visa is valid but its days are used up
FILED_LATE = "filed_late"  # an application was filed when no basis covered the person


@dataclass(frozen=True)
class Note:
    code: str
    permit: Permit | None = None
    citizenships: tuple[str, ...] = ()


@dataclass(frozen=True)
class Basis:
    """One ground of stay as it stands on a day.

    ``last_day``: the last legal day if the person stays on (None: nothing ends the stay).
    ``ends``: when the ground itself ends — a permit's end date, or for the visa-free rule the
    same as ``last_day``. ``days_used`` / ``days_allowed`` are set for counted grounds.
    """

    kind: str
    last_day: date | None
    ends: date | None
    permit: Permit | None = None
    rule: StayRule | None = None
    days_used: int | None = None
    days_allowed: int | None = None
    counted_in: frozenset[str] = frozenset()


@dataclass(frozen=True)
class LegalStay:
    on: date
    country: str
    present: bool
    binding: Basis | None
    bases: tuple[Basis, ...]  # every ground valid on ``on``, the binding one first
    continued_by: tuple[Basis, ...]  # grounds starting later that carry the stay on
    must_leave_by: date | None
    overstayed: bool
    visa_free: StayStatus  # the visa-free count, shown second when a permit binds
    rule: StayRule | None  # the visa-free rule counted (None: none for these citizenships)
    notes: tuple[Note, ...] = field(default_factory=tuple)
    permits: tuple[Permit, ...] = ()  # every recorded permit that can count in this country

    @property
    def basis(self) -> str:
        return self.binding.kind if self.binding is not None else "none"

    @property
    def basis_until(self) -> date | None:
        return self.binding.ends if self.binding is not None else None

    @property
    def days_left(self) -> int | None:
        return (self.must_leave_by - self.on).days if self.must_leave_by is not None else None

    @property
    def days_used(self) -> int:
        """The count that matters: the binding visa's days, otherwise the visa-free rule's."""
        if self.binding is not None and self.binding.days_used is not None and self.binding.permit:
            return self.binding.days_used
        return self.visa_free.days_used


def _preference(basis: Basis) -> tuple[int, int, int]:
    """Sort key, best first: no end at all, then the latest last day, then the kind's rank."""
    rank = PERMIT_KINDS.index(basis.kind) if basis.kind in PERMIT_KINDS else len(PERMIT_KINDS)
    if basis.last_day is None:
        return (0, 0, rank)
    return (1, -basis.last_day.toordinal(), rank)


def legal_stay(
    pack: Pack,
    profile: Profile,
    on: date,
    *,
    citizenships: Sequence[str] | None = None,
    with_pending: bool = True,
) -> LegalStay:
    """Every basis of ``profile`` in ``pack``'s country on ``on``, and the one that binds."""
    check_stays(profile.stays)
    country = pack.country
    held = tuple(citizenships) if citizenships is not None else profile.person.citizenships
    notes: list[Note] = []
    visa_free, rule, free_basis = _visa_free(pack, held, profile.stays, on, notes)
    permits = [
        p for p in relevant_permits(pack, profile.permits) if with_pending or p.kind != "application_pending"
    ]
    bases = [b for b in (_permit_basis(p, pack, profile.stays, on, notes) for p in permits) if b is not None]
    if free_basis is not None:
        bases.append(free_basis)
    bases.sort(key=_preference)
    binding = bases[0] if bases else None
    continued = _continuations(binding, permits, pack, profile.stays, on)
    present = visa_free.present
    if binding is None:
        must_leave_by = visa_free.must_leave_by if rule is not None and counted_limits(rule) else None
        if any(r.visa_required for r in pack.stay_rules_for(held)):
            notes.append(Note(VISA_REQUIRED))
        if present:
            notes.append(Note(NO_BASIS))
    else:
        last = continued[-1] if continued else binding
        must_leave_by = last.last_day
    if with_pending:
        notes += _late_filings(pack, profile, permits, on)
    return LegalStay(
        on=on,
        country=country,
        present=present,
        binding=binding,
        bases=tuple(bases),
        continued_by=tuple(continued),
        must_leave_by=must_leave_by,
        overstayed=present and must_leave_by is not None and must_leave_by < on,
        visa_free=visa_free,
        rule=rule,
        notes=tuple(notes),
        permits=tuple(permits),
    )


def _visa_free(
    pack: Pack, held: Sequence[str], stays: Sequence[Stay], on: date, notes: list[Note]
) -> tuple[StayStatus, StayRule | None, Basis | None]:
    """The best visa-free ground among the person's citizenships, and the count behind it."""
    if not held:
        notes.append(Note(NO_CITIZENSHIP))
    rules = pack.stay_rules_for(tuple(held))
    covered = {c for r in rules for c in r.citizenships}
    missing = tuple(c for c in held if c not in covered)
    if held and not rules:
        notes.append(Note(NO_RULE, citizenships=missing))
    for rule in rules:
        if rule.unknown:
            notes.append(Note(RULE_UNKNOWN, citizenships=tuple(c for c in held if c in rule.citizenships)))
    counted = [r for r in rules if not (r.visa_required or r.unknown)]
    statuses = [(stay_status(r, stays, pack.country, on), r) for r in counted]
    valid = [
        (status, r)
        for status, r in statuses
        if not status.overstayed and (status.must_leave_by is None or status.must_leave_by >= on)
    ]
    if valid:
        status, rule = max(valid, key=lambda item: _last_key(item[0].must_leave_by))
        return status, rule, Basis(VISA_FREE, status.must_leave_by, status.must_leave_by, rule=rule)
    if statuses:
        status, rule = statuses[0]
        return status, rule, None
    shown = rules[0] if rules else None
    return stay_status(shown, stays, pack.country, on), shown, None


def _last_key(day: date | None) -> int:
    return day.toordinal() if day is not None else date.max.toordinal() + 1


def visa_zone(pack: Pack, permit: Permit) -> frozenset[str]:
    """The countries whose days a visa counts: the visa area for a C visa issued inside it."""
    area = pack.visa_area
    if (
        permit.kind == "visa"
        and (permit.category or "").strip().upper() == "C"
        and area is not None
        and permit.country in area.countries
        and pack.country in area.countries
    ):
        return area.countries
    return frozenset({permit.country})


def relevant_permits(pack: Pack, permits: Sequence[Permit]) -> list[Permit]:
    """Permits that can make a stay in ``pack``'s country legal."""
    return [p for p in permits if p.country == pack.country or pack.country in visa_zone(pack, p)]


def _permit_basis(
    permit: Permit, pack: Pack, stays: Sequence[Stay], on: date, notes: list[Note]
) -> Basis | None:
    if not permit.valid_on(on):
        return None
    if permit.kind != "visa":
        return Basis(permit.kind, permit.valid_until, permit.valid_until, permit=permit)
    zone = visa_zone(pack, permit)
    if permit.entries == "single" and _exited_since(stays, zone, permit.valid_from, on):
        notes.append(Note(SINGLE_ENTRY_USED, permit=permit))
        return None
    allowed = visa_days(permit)
    if allowed is None:
        return Basis("visa", permit.valid_until, permit.valid_until, permit=permit, counted_in=zone)
    limit = Limit(kind="window", days=allowed, window=VISA_WINDOW)
    today = on.toordinal()
    history = Presence.of_stays_in(stays, zone, today - 1)
    first_illegal = first_illegal_day(limit, history, today)
    last = first_illegal - 1 if first_illegal is not None else None
    if permit.valid_until is not None:
        last = (
            min(last, permit.valid_until.toordinal()) if last is not None else permit.valid_until.toordinal()
        )
    if last is not None and last < today:
        notes.append(Note(VISA_DAYS_USED, permit=permit))
        return None
    used, _start = days_counted(limit, Presence.of_stays_in(stays, zone, today), today, None)
    return Basis(
        "visa",
        to_date(last) if last is not None else None,
        permit.valid_until,
        permit=permit,
        days_used=used,
        days_allowed=allowed,
        counted_in=zone,
    )


def visa_days(permit: Permit) -> int | None:
    """The days a visa allows in any 180; None: the stay it allows runs to its end date."""
    if permit.days_allowed is not None:
        return permit.days_allowed
    if (permit.category or "").strip().upper() == "C":
        return SHORT_STAY_DAYS
    return None


def _exited_since(stays: Sequence[Stay], zone: Collection[str], since: date, on: date) -> bool:
    """Whether the person entered the zone on or after ``since`` and left it again before ``on``."""
    presence = Presence.of_stays_in(stays, zone, on.toordinal())
    return any(
        start >= since.toordinal() and end < on.toordinal()
        for start, end in zip(presence.starts, presence.ends, strict=True)
    )


def _continuations(
    binding: Basis | None, permits: Sequence[Permit], pack: Pack, stays: Sequence[Stay], on: date
) -> list[Basis]:
    """Permits that begin later but no later than the day after the current ground ends."""
    chain: list[Basis] = []
    current = binding
    while current is not None and current.last_day is not None:
        reach = current.last_day.toordinal()
        nexts = [
            p
            for p in permits
            if on < p.valid_from
            and p.valid_from.toordinal() <= reach + 1
            and (p.valid_until is None or p.valid_until.toordinal() > reach)
            and (p.kind != "visa" or visa_days(p) is None)
        ]
        if not nexts:
            break
        best = min(
            (Basis(p.kind, p.valid_until, p.valid_until, permit=p) for p in nexts),
            key=_preference,
        )
        chain.append(best)
        current = best
    return chain


def _late_filings(pack: Pack, profile: Profile, permits: Sequence[Permit], on: date) -> list[Note]:
    """Applications filed on a day when nothing else kept the person legal there: such a filing
    may not protect them, and they should know before relying on it."""
    notes = []
    for permit in permits:
        if permit.kind != "application_pending" or not permit.valid_on(on):
            continue
        then = legal_stay(pack, profile, permit.valid_from, with_pending=False)
        if then.present and then.binding is None:
            notes.append(Note(FILED_LATE, permit=permit))
    return notes
