"""Telling a person, once, which of *their* steps and stay rules changed since they last looked.

The vault keeps (encrypted, like everything of the person's) a small record of the guide as the
person last saw it: a digest and the title of each step that applies to them or that they have
worked on, the ids of every step, and their stay rules. When the overview opens and the guide in
use differs, the differences that concern the person are the news; the record is then brought up
to date, so the same news is never told twice. A vault that has no record yet learns the guide
silently — unless the guide in use is an installed update, which is then compared with the
built-in guide the person saw before it."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from waystation.content.model import Limit, Pack, StayRule, Step, Text
from waystation.updates.changes import StayRuleChange, rule_shape

if TYPE_CHECKING:
    from waystation.rules.status import Status
    from waystation.vault.connection import Vault

SETTING_PREFIX = "guide_seen."
RECORD_FORMAT = 1


def _digest(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def step_digest(step: Step) -> str:
    """What the person would notice: not the date it was checked, nor the list of sources."""
    parts = dataclasses.asdict(step)
    for unnoticed in ("last_verified", "sources"):
        parts.pop(unnoticed, None)
    return _digest(parts)


def _rule_record(rule: StayRule) -> dict[str, Any]:
    return {
        "citizenships": list(rule.citizenships),
        "limits": [[limit.kind, limit.days, limit.window] for limit in rule.limits],
        "flags": [rule.visa_required, rule.no_limit, rule.unknown],
        "digest": _digest(dataclasses.asdict(rule)),
    }


def _rule_from(rule_id: str, record: dict[str, Any]) -> StayRule:
    visa_required, no_limit, unknown = (bool(f) for f in record["flags"])
    return StayRule(
        id=rule_id,
        citizenships=tuple(str(c) for c in record["citizenships"]),
        limits=tuple(Limit(kind=k, days=int(d), window=w) for k, d, w in record["limits"]),
        explain=Text({"en": ""}),
        sources=(),
        visa_required=visa_required,
        no_limit=no_limit,
        unknown=unknown,
    )


def _rules_for(pack: Pack, citizenships: Sequence[str]) -> dict[str, StayRule]:
    return {rule.id: rule for rule in pack.stay_rules_for(list(citizenships))}


def guide_record(pack: Pack, relevant: set[str], citizenships: Sequence[str]) -> dict[str, Any]:
    """What the person sees of ``pack`` now."""
    return {
        "format": RECORD_FORMAT,
        "ids": sorted(step.id for step in pack.steps),
        "steps": {
            step.id: {"digest": step_digest(step), "title": dict(step.title.values)}
            for step in pack.steps
            if step.id in relevant
        },
        "rules": {rule_id: _rule_record(rule) for rule_id, rule in _rules_for(pack, citizenships).items()},
    }


@dataclass(frozen=True)
class GuideNews:
    """What changed for the person in the guide of ``country``."""

    pack: Pack
    added: tuple[Step, ...] = ()
    changed: tuple[Step, ...] = ()
    removed: tuple[Text, ...] = ()  # the titles of steps that are gone
    stay: tuple[StayRuleChange, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.removed or self.stay)


def _stay_news(seen: dict[str, Any], pack: Pack, citizenships: Sequence[str]) -> tuple[StayRuleChange, ...]:
    before = {rule_id: _rule_from(rule_id, record) for rule_id, record in seen["rules"].items()}
    after = _rules_for(pack, citizenships)
    changes: list[StayRuleChange] = []
    for rule_id, rule in after.items():
        old = before.get(rule_id)
        if old is None:
            changes.append(StayRuleChange("added", rule, limits_changed=True))
        elif seen["rules"][rule_id]["digest"] != _rule_record(rule)["digest"]:
            changed = rule_shape(old) != rule_shape(rule)
            changes.append(StayRuleChange("changed", rule, old, limits_changed=changed))
    changes += [
        StayRuleChange("removed", old, limits_changed=True) for i, old in before.items() if i not in after
    ]
    return tuple(changes)


def news_since(
    seen: dict[str, Any], pack: Pack, relevant: set[str], citizenships: Sequence[str]
) -> GuideNews:
    """What differs, for this person, between the guide they saw (``seen``) and ``pack``."""
    steps = {step.id: step for step in pack.steps}
    old_ids = set(seen["ids"])
    added = tuple(s for s in pack.steps if s.id in relevant and s.id not in old_ids)
    changed = tuple(
        steps[i]
        for i, record in seen["steps"].items()
        if i in steps and step_digest(steps[i]) != record["digest"]
    )
    removed = tuple(Text(dict(record["title"])) for i, record in seen["steps"].items() if i not in steps)
    return GuideNews(pack, added, changed, removed, _stay_news(seen, pack, citizenships))


def _parse_record(text: str | None) -> dict[str, Any] | None:
    if not text:
        return None
    try:
        record = json.loads(text)
        valid = (
            isinstance(record, dict)
            and record.get("format") == RECORD_FORMAT
            and isinstance(record.get("ids"), list)
            and isinstance(record.get("steps"), dict)
            and isinstance(record.get("rules"), dict)
        )
    except ValueError:
        return None
    return record if valid else None


def relevant_steps(status: Status) -> set[str]:
    """The person's steps: those that apply (or may), and any they have worked on."""
    return {
        plan.step.id
        for plan in status.plans
        if not plan.step.generated and (plan.applies is not False or plan.state != "todo")
    }


def take_news(
    vault: Vault,
    pack: Pack,
    status: Status,
    *,
    installed: bool,
    built_in: Callable[[str], Pack | None],
) -> GuideNews | None:
    """The news for this person, told once: the vault's record is updated before returning."""
    citizenships = vault.profile.load().person.citizenships
    relevant = relevant_steps(status)
    key = SETTING_PREFIX + pack.country
    stored = vault.settings.get(key)
    seen = _parse_record(stored)
    if seen is None and installed:
        previous = built_in(pack.country)
        seen = guide_record(previous, relevant, citizenships) if previous is not None else None
    news = news_since(seen, pack, relevant, citizenships) if seen is not None else None
    current = json.dumps(guide_record(pack, relevant, citizenships), sort_keys=True, ensure_ascii=False)
    if stored != current:
        vault.settings.set(key, current)
    return news if news is not None and not news.empty else None
