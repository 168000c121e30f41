"""The whole picture for one day: stay count, steps in order, expiring documents.

This is what ``waystation status`` prints and what the dashboard shows; ``status_to_json`` gives
the machine-readable shape promised in PRODUCT.md (``status --json``), with a few extra keys.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from waystation.content.model import Limit, Pack, StayRule
from waystation.i18n import current_language
from waystation.rules.expiry import DEFAULT_LEAD_DAYS, ExpiryWarning, expiry_warnings
from waystation.rules.plan import StepPlan, plan_steps
from waystation.rules.stay import StayStatus, stay_status
from waystation.vault.models import DocumentInfo, Profile, StepProgress


@dataclass(frozen=True)
class Status:
    on: date
    country: str
    rule: StayRule | None
    stay: StayStatus
    plans: tuple[StepPlan, ...]
    expiring: tuple[ExpiryWarning, ...]


def build_status(
    pack: Pack,
    profile: Profile,
    progress: Mapping[str, StepProgress] | Iterable[StepProgress],
    on: date,
    *,
    documents: Iterable[DocumentInfo] = (),
    citizenships: Sequence[str] | None = None,
    purposes: Collection[str] | None = None,
    lead_days: int = DEFAULT_LEAD_DAYS,
) -> Status:
    """The status in ``pack``'s country on ``on``.

    The stay rule is the pack's first rule for one of the person's citizenships (or of
    ``citizenships`` when given, e.g. to ask "what if I used my other passport").
    """
    rule = pack.stay_rule_for(
        tuple(citizenships) if citizenships is not None else profile.person.citizenships
    )
    stay = stay_status(rule, profile.stays, pack.country, on)
    plans = plan_steps(pack, profile, progress, on, purposes=purposes, stay=stay)
    return Status(
        on=on,
        country=pack.country,
        rule=rule,
        stay=stay,
        plans=tuple(plans),
        expiring=tuple(expiry_warnings(profile, documents, on, lead_days)),
    )


def status_to_json(status: Status, language: str | None = None) -> dict[str, Any]:
    """The ``status --json`` document; ``language`` picks the rule's explanation text."""
    return {
        "on": status.on.isoformat(),
        "country": status.country,
        "stay": _stay_json(status, language or current_language()),
        "steps": [_step_json(plan) for plan in status.plans],
        "expiring": [_expiry_json(warning) for warning in status.expiring],
    }


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _stay_json(status: Status, language: str) -> dict[str, Any]:
    """``rule`` is "" when no rule covers the person's citizenships (the contract says str)."""
    stay = status.stay
    return {
        "rule": stay.rule_id or "",
        "present": stay.present,
        "days_used": stay.days_used,
        "days_left": stay.days_left,
        "must_leave_by": _iso(stay.must_leave_by),
        "overstayed": stay.overstayed,
        "entered": _iso(stay.entered),
        "window_start": stay.window_start.isoformat(),
        "limit": _limit_json(stay.binding),
        "visa_required": bool(status.rule and status.rule.visa_required),
        "no_limit": bool(status.rule and status.rule.no_limit),
        "explain": status.rule.explain.get(language) if status.rule is not None else None,
    }


def _limit_json(limit: Limit | None) -> dict[str, Any] | None:
    if limit is None:
        return None
    return {"kind": limit.kind, "days": limit.days, "window": limit.window}


def _step_json(plan: StepPlan) -> dict[str, Any]:
    return {
        "id": plan.step.id,
        "track": plan.step.track,
        "state": plan.state,
        "due": _iso(plan.due),
        "overdue": plan.overdue,
        "done_on": _iso(plan.done_on),
        "applies": plan.applies,
        "blocked_by": list(plan.blocked_by),
    }


def _expiry_json(warning: ExpiryWarning) -> dict[str, Any]:
    return {
        "kind": warning.kind,
        "expires": warning.expires.isoformat(),
        "days_left": warning.days_left,
        "expired": warning.expired,
        "document_id": warning.document_id,
        "title": warning.title,
    }
