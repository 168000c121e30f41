"""Renewal and filing deadlines from the permits a person holds.

A guide states, per kind of permit, when the next application must be filed ("at least 30 days
before the TRP ends"); each recorded permit then becomes a dated step in the plan, so it shows on
the overview, in the checklists and in the calendar export. A permit followed by another one that
starts before it ends (or the day after) has been renewed or replaced: it needs no step. A permit
the guide says nothing about still gets a step on its last day, so an end date is never silent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from waystation.content.model import Deadline, Pack, PermitRule, Step, Text
from waystation.i18n import _, format_date
from waystation.rules.bases import relevant_permits
from waystation.rules.ordinals import shift
from waystation.rules.words import permit_name
from waystation.vault.models import Permit, Profile

# A renewal long past is history, not a task: permits that ended over a year ago get no step.
FORGET_AFTER_DAYS = 365


@dataclass(frozen=True)
class Renewal:
    permit: Permit
    rule: PermitRule | None
    due: date
    step: Step


def renewal_id(pack: Pack, permit: Permit) -> str:
    """Stable per permit: progress recorded against it survives edits to other permits."""
    assert permit.valid_until is not None
    return f"{pack.country.lower()}.permit.{permit.kind}.{permit.valid_until.isoformat()}.renew"


def renewal_due(pack: Pack, permit: Permit) -> date | None:
    """The last day to file the next application for ``permit``, or None when nothing is due."""
    if permit.valid_until is None:
        return None
    rule = pack.permit_rule_for(permit.kind, permit.category)
    if rule is not None and rule.renew is None:
        return None  # the guide says nothing needs filing (e.g. a short-stay visa)
    before = rule.renew.days_before if rule is not None and rule.renew is not None else 0
    return shift(permit.valid_until, -before)


def successor(permit: Permit, permits: Sequence[Permit]) -> Permit | None:
    """A later permit that takes over before this one ends, or on the day after."""
    if permit.valid_until is None:
        return None
    for other in permits:
        if other is permit or other.valid_from <= permit.valid_from:
            continue
        if other.valid_from.toordinal() <= permit.valid_until.toordinal() + 1:
            return other
    return None


def renewals(pack: Pack, profile: Profile, on: date) -> list[Renewal]:
    """One dated step per permit that still needs its next application filed."""
    permits = relevant_permits(pack, profile.permits)
    found = []
    for permit in permits:
        due = renewal_due(pack, permit)
        if due is None or permit.valid_until is None or successor(permit, permits) is not None:
            continue
        if (on - permit.valid_until).days > FORGET_AFTER_DAYS:
            continue
        rule = pack.permit_rule_for(permit.kind, permit.category)
        found.append(Renewal(permit, rule, due, _renewal_step(pack, permit, rule, due)))
    return found


def _renewal_step(pack: Pack, permit: Permit, rule: PermitRule | None, due: date) -> Step:
    assert permit.valid_until is not None
    if rule is not None and rule.renew is not None:
        title = rule.renew.title
        body = rule.explain
        note = rule.renew.note
        sources = rule.sources
        checked = rule.last_verified
    else:
        name = permit_name(permit, pack)
        title = Text.single(
            _("Your {permit} ends on {date}: find out how to stay on").format(
                permit=name, date=format_date(permit.valid_until)
            )
        )
        body = Text.single(
            _(
                "This guide has no rule for your {permit}. Ask the office that issued it, or a "
                "lawyer, how and when to apply for the next one, well before {date}."
            ).format(permit=name, date=format_date(permit.valid_until))
        )
        note, sources, checked = None, (), pack.last_verified
    return Step(
        id=renewal_id(pack, permit),
        track="residence",
        title=title,
        body=body,
        sources=sources,
        last_verified=checked,
        deadline=Deadline(on=due, note=note),
        generated=True,
    )
