"""What an update changes in a guide: steps added, removed and changed (with which of their parts
changed), stay rules added, removed and changed, and the other parts of the guide that changed.
Plain data; ``change_words`` puts it into sentences in the person's language."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Literal

from waystation.content.model import Pack, StayRule, Step

Kind = Literal["added", "removed", "changed"]

# The parts of a step, in the order they are named.
STEP_ASPECTS = (
    "title",
    "body",
    "deadline",
    "documents",
    "conditions",
    "depends_on",
    "cautions",
    "contacts",
    "satisfied_by",
    "sources",
    "unconfirmed",
    "track",
    "last_verified",
)

GUIDE_ASPECTS = (
    "name",
    "summary",
    "verify_here",
    "permit_rules",
    "visa_area",
    "packets",
    "coverage",
    "holidays",
    "use_public_holidays",
    "official_languages",
    "label_language",
    "review_after",
)


@dataclass(frozen=True)
class StepChange:
    kind: Kind
    step: Step  # the new step; the old one when removed
    old: Step | None = None
    aspects: tuple[str, ...] = ()  # for "changed": which parts differ (STEP_ASPECTS)


@dataclass(frozen=True)
class StayRuleChange:
    kind: Kind
    rule: StayRule  # the new rule; the old one when removed
    old: StayRule | None = None
    limits_changed: bool = False  # the days or the shape of the rule, not only its explanation


@dataclass(frozen=True)
class GuideChanges:
    new: Pack
    old: Pack | None  # None: there was no guide for this country
    steps: tuple[StepChange, ...] = ()
    stay_rules: tuple[StayRuleChange, ...] = ()
    guide_aspects: tuple[str, ...] = ()  # GUIDE_ASPECTS that differ

    @property
    def country(self) -> str:
        return self.new.country

    @property
    def nothing(self) -> bool:
        return not (self.steps or self.stay_rules or self.guide_aspects)

    def count(self, kind: Kind) -> int:
        return sum(1 for change in self.steps if change.kind == kind)


def step_aspects(old: Step, new: Step) -> tuple[str, ...]:
    return tuple(name for name in STEP_ASPECTS if getattr(old, name) != getattr(new, name))


def rule_shape(rule: StayRule) -> tuple[object, ...]:
    """What decides the count: the limits and the flags (not the explanation or the sources)."""
    limits = tuple((limit.kind, limit.days, limit.window) for limit in rule.limits)
    return (tuple(sorted(rule.citizenships)), limits, rule.visa_required, rule.no_limit, rule.unknown)


def _step_changes(old: Pack | None, new: Pack) -> tuple[StepChange, ...]:
    before = {s.id: s for s in old.steps} if old is not None else {}
    after = {s.id: s for s in new.steps}
    changes: list[StepChange] = []
    for step in new.steps:
        previous = before.get(step.id)
        if previous is None:
            changes.append(StepChange("added", step))
        elif previous != step:
            changes.append(StepChange("changed", step, previous, step_aspects(previous, step)))
    changes += [StepChange("removed", s) for s in (old.steps if old is not None else ()) if s.id not in after]
    return tuple(changes)


def _rule_changes(old: Pack | None, new: Pack) -> tuple[StayRuleChange, ...]:
    before = {r.id: r for r in old.stay_rules} if old is not None else {}
    after = {r.id: r for r in new.stay_rules}
    changes: list[StayRuleChange] = []
    for rule in new.stay_rules:
        previous = before.get(rule.id)
        if previous is None:
            changes.append(StayRuleChange("added", rule, limits_changed=True))
        elif previous != rule:
            changed = rule_shape(previous) != rule_shape(rule)
            changes.append(StayRuleChange("changed", rule, previous, limits_changed=changed))
    for rule in old.stay_rules if old is not None else ():
        if rule.id not in after:
            changes.append(StayRuleChange("removed", rule, limits_changed=True))
    return tuple(changes)


def guide_changes(old: Pack | None, new: Pack) -> GuideChanges:
    """Everything that differs between the guide in use (``old``) and the one offered (``new``)."""
    aspects: tuple[str, ...] = ()
    if old is not None:
        aspects = tuple(
            f.name
            for f in dataclasses.fields(new)
            if f.name in GUIDE_ASPECTS and getattr(old, f.name) != getattr(new, f.name)
        )
    return GuideChanges(
        new=new,
        old=old,
        steps=_step_changes(old, new),
        stay_rules=_rule_changes(old, new),
        guide_aspects=aspects,
    )
