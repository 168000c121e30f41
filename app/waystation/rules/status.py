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
from waystation.rules.bases import Basis, LegalStay, legal_stay
from waystation.rules.expiry import DEFAULT_LEAD_DAYS, ExpiryWarning, expiry_warnings
from waystation.rules.plan import StepPlan, plan_steps
from waystation.rules.stay import StayStatus
from waystation.rules.stay_words import note_text
from waystation.vault.models import DocumentInfo, Profile, StepProgress


@dataclass(frozen=True)
class Status:
    on: date
    country: str
    rule: StayRule | None
    stay: StayStatus  # the visa-free count (secondary information when a permit binds)
    plans: tuple[StepPlan, ...]
    expiring: tuple[ExpiryWarning, ...]
    legal: LegalStay  # the basis of stay that binds, and until when


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

    The visa-free rule is the best of the person's citizenships (or of ``citizenships`` when
    given, e.g. to ask "what if I used my other passport"); permits may bind instead.
    """
    legal = legal_stay(pack, profile, on, citizenships=citizenships)
    plans = plan_steps(pack, profile, progress, on, purposes=purposes, stay=legal)
    return Status(
        on=on,
        country=pack.country,
        rule=legal.rule,
        stay=legal.visa_free,
        plans=tuple(plans),
        expiring=tuple(expiry_warnings(profile, documents, on, lead_days)),
        legal=legal,
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
    """``rule`` is "" when no rule covers the person's citizenships (the contract says str).

    ``days_used``, ``days_left`` and ``must_leave_by`` follow the binding basis; ``visa_free``
    keeps the visa-free count on its own, ``bases`` lists every basis valid on the day and
    ``warnings`` says what is missing or at risk, in words."""
    legal = status.legal
    stay = status.stay
    return {
        "rule": stay.rule_id or "",
        "basis": legal.basis,
        "basis_until": _iso(legal.basis_until),
        "present": legal.present,
        "days_used": legal.days_used,
        "days_left": legal.days_left,
        "must_leave_by": _iso(legal.must_leave_by),
        "overstayed": legal.overstayed,
        "entered": _iso(stay.entered),
        "window_start": stay.window_start.isoformat(),
        "limit": _limit_json(stay.binding),
        "visa_required": bool(status.rule and status.rule.visa_required),
        "no_limit": bool(status.rule and status.rule.no_limit),
        "explain": status.rule.explain.get(language) if status.rule is not None else None,
        "visa_free": {
            "days_used": stay.days_used,
            "days_left": stay.days_left,
            "must_leave_by": _iso(stay.must_leave_by),
            "overstayed": stay.overstayed,
        },
        "bases": [_basis_json(basis) for basis in legal.bases],
        "continued_by": [_basis_json(basis) for basis in legal.continued_by],
        "warnings": [note_text(note) for note in legal.notes],
    }


def _basis_json(basis: Basis) -> dict[str, Any]:
    permit = basis.permit
    return {
        "kind": basis.kind,
        "last_day": _iso(basis.last_day),
        "until": _iso(basis.ends),
        "category": permit.category if permit is not None else None,
        "country": permit.country if permit is not None else None,
        "days_used": basis.days_used,
        "days_allowed": basis.days_allowed,
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
