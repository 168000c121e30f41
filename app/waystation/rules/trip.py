"""Planning a trip: "if I leave on A and come back on B, how long may I stay then, and does the
trip cost me anything?" (the planning mode of the EU's short-stay calculator, with permits).

The trip is simulated on the recorded history: the current stay ends on the day of leaving, a new
one begins on the day of return (both days count as days of presence), and the legal stay is
worked out on the day of return as for any other day. Warnings name what the trip puts at risk:
a single-entry visa used by the exit, a permit that ends while away, an absence longer than a
permit tolerates, or a return before the count allows one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from waystation.content.model import Pack
from waystation.errors import InvalidInput
from waystation.i18n import _, current_language, format_date, ngettext
from waystation.rules.bases import LegalStay, legal_stay, relevant_permits
from waystation.rules.history import current_entry
from waystation.rules.stay import earliest_return
from waystation.rules.stay_words import describe_stay
from waystation.rules.words import permit_name
from waystation.vault.models import Permit, Profile, Stay


@dataclass(frozen=True)
class TripPlan:
    leave: date
    back: date
    legal: LegalStay  # the legal stay on the day of return
    earliest_return: date | None  # when the return day is too early: the first day that works
    warnings: tuple[str, ...]

    @property
    def must_leave_by(self) -> date | None:
        return self.legal.must_leave_by if self.can_return else None

    @property
    def days_left(self) -> int | None:
        return self.legal.days_left if self.can_return else None

    @property
    def can_return(self) -> bool:
        return self.legal.binding is not None


def plan_trip(pack: Pack, profile: Profile, leave: date, back: date, today: date) -> TripPlan:
    """The stay after a trip away from ``pack``'s country from ``leave`` to ``back``."""
    if leave < today:
        raise InvalidInput(_("The day you leave ({date}) is in the past.").format(date=format_date(leave)))
    if back < leave:
        raise InvalidInput(
            _("The return day ({back}) is before the day you leave ({leave}).").format(
                back=format_date(back), leave=format_date(leave)
            )
        )
    warnings: list[str] = []
    there = current_entry(profile.stays, pack.country, leave) is not None
    if not there:
        warnings.append(
            _(
                "Your recorded entries do not place you in {country} on {date}; the plan uses them "
                "as they are, so check them first."
            ).format(country=pack.name.get(current_language()), date=format_date(leave))
        )
    trip_profile = _with_trip(profile, pack.country, leave, back, there)
    before = legal_stay(pack, profile, leave)
    after = legal_stay(pack, trip_profile, back)
    warnings += _permit_warnings(pack, profile, before, leave, back)
    warnings += _lost_entries(pack, before, after)
    found: date | None = None
    if after.binding is None:
        found = _earliest_return(pack, trip_profile, back)
        warnings.append(_cannot_return(pack, back, found))
    return TripPlan(leave, back, after, found, tuple(warnings))


def _with_trip(profile: Profile, country: str, leave: date, back: date, there: bool) -> Profile:
    """The history as it would be: the stay ends on ``leave``; a new one opens on ``back``."""
    stays: list[Stay] = []
    for stay in profile.stays:
        if stay.entered > leave:
            continue  # planned or wrongly dated later entries give way to the trip
        if there and stay.country == country and (stay.left is None or stay.left >= leave):
            stays.append(Stay(stay.country, stay.entered, leave))
        else:
            stays.append(stay)
    stays.append(Stay(country, back, None))
    return Profile(
        person=profile.person,
        passports=profile.passports,
        host=profile.host,
        stays=tuple(stays),
        family=profile.family,
        notes=profile.notes,
        permits=profile.permits,
    )


def _permit_warnings(pack: Pack, profile: Profile, before: LegalStay, leave: date, back: date) -> list[str]:
    warnings = []
    away = (back - leave).days - 1  # the days of leaving and of return are days of presence
    for permit in relevant_permits(pack, profile.permits):
        if not permit.valid_on(leave):
            continue
        name = permit_name(permit, pack)
        if permit.valid_until is not None and permit.valid_until < back:
            warnings.append(
                _("Your {permit} ends on {date}, while you are away.").format(
                    permit=name, date=format_date(permit.valid_until)
                )
            )
        rule = pack.permit_rule_for(permit.kind, permit.category)
        if rule is not None and rule.max_absence_days is not None and away > rule.max_absence_days:
            warnings.append(
                ngettext(
                    "This trip keeps you away {n} day.", "This trip keeps you away {n} days.", away
                ).format(n=away)
                + " "
                + ngettext(
                    "Your {permit} can be lost after an absence longer than {max} day.",
                    "Your {permit} can be lost after an absence longer than {max} days.",
                    rule.max_absence_days,
                ).format(permit=name, max=rule.max_absence_days)
            )
    return warnings


def _lost_entries(pack: Pack, before: LegalStay, after: LegalStay) -> list[str]:
    """A single-entry visa that carried the stay before the trip is spent by leaving."""
    used: list[Permit] = [
        b.permit
        for b in before.bases
        if b.permit is not None and b.permit.kind == "visa" and b.permit.entries == "single"
    ]
    still = {b.permit for b in after.bases if b.permit is not None}
    return [
        _("Leaving uses up your single-entry {permit}: it will not let you back in.").format(
            permit=permit_name(permit, pack)
        )
        for permit in used
        if permit not in still
    ]


def _earliest_return(pack: Pack, trip_profile: Profile, back: date) -> date | None:
    """The first day from ``back`` on which the visa-free count would let the person in."""
    history = trip_profile.stays[:-1]
    found = [
        day
        for rule in pack.stay_rules_for(trip_profile.person.citizenships)
        if not (rule.visa_required or rule.unknown)
        for day in [earliest_return(rule, history, pack.country, back, 1)]
        if day is not None
    ]
    return min(found, default=None)


def _cannot_return(pack: Pack, back: date, found: date | None) -> str:
    if found is None:
        return _("Nothing recorded would let you enter {country} on {date}.").format(
            country=pack.name.get(current_language()), date=format_date(back)
        )
    return _(
        "You could not enter {country} on {date}; the earliest day you may come back is {earliest}."
    ).format(country=pack.name.get(current_language()), date=format_date(back), earliest=format_date(found))


def trip_summary(plan: TripPlan, pack: Pack) -> tuple[str, list[str]]:
    """The trip in a sentence, then what the stay after it looks like (warnings apart)."""
    away = max((plan.back - plan.leave).days - 1, 0)
    headline = ngettext(
        "Trip: leave {country} on {leave}, come back on {back} ({n} day away).",
        "Trip: leave {country} on {leave}, come back on {back} ({n} days away).",
        away,
    ).format(
        country=pack.name.get(current_language()),
        leave=format_date(plan.leave),
        back=format_date(plan.back),
        n=away,
    )
    details: list[str] = []
    if plan.can_return and plan.must_leave_by is not None and plan.days_left is not None:
        details.append(
            ngettext(
                "After coming back you may stay {n} more day: the last day is {day}.",
                "After coming back you may stay {n} more days: the last day is {day}.",
                plan.days_left,
            ).format(n=plan.days_left, day=format_date(plan.must_leave_by))
        )
    elif plan.can_return:
        details.append(_("After coming back nothing recorded ends your stay."))
    if plan.can_return:
        words = describe_stay(plan.legal, pack)
        details += [words.headline, *words.details]
    return headline, details


def trip_to_json(plan: TripPlan) -> dict[str, object]:
    """The ``waystation plan --json`` document."""
    legal = plan.legal
    return {
        "leave": plan.leave.isoformat(),
        "return": plan.back.isoformat(),
        "must_leave_by": plan.must_leave_by.isoformat() if plan.must_leave_by else None,
        "days_left": plan.days_left,
        "basis": legal.basis,
        "basis_until": legal.basis_until.isoformat() if legal.basis_until else None,
        "earliest_return": plan.earliest_return.isoformat() if plan.earliest_return else None,
        "warnings": list(plan.warnings),
    }
