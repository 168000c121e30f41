"""A whole guide as plain data in one language: what ``waystation content show CC --json``
prints, and the text a terminal reader sees. No Qt, no vault: the guide only."""

from __future__ import annotations

from typing import Any

from waystation.content.model import Deadline, Limit, Pack, Source, Step, Text


def _text(value: Text | None, language: str) -> str | None:
    return value.get(language) if value is not None else None


def _source(source: Source) -> dict[str, Any]:
    return {
        "url": source.url,
        "date": source.stated_date.isoformat() if source.stated_date else "n.d.",
        "title": source.title,
        "weak": source.weak,
    }


def _limit(limit: Limit) -> dict[str, Any]:
    return {"kind": limit.kind, "days": limit.days, "window": limit.window}


def _deadline(deadline: Deadline | None, language: str) -> dict[str, Any] | None:
    if deadline is None:
        return None
    if deadline.on is not None:
        shape: dict[str, Any] = {"date": deadline.on.isoformat()}
    elif deadline.before_stay_limit:
        shape = {"before": "stay_limit", "days_before": deadline.days_before}
    else:
        shape = {"after": deadline.after, "step": deadline.step}
        for unit in ("hours", "days", "business_days"):
            if getattr(deadline, unit) is not None:
                shape[unit] = getattr(deadline, unit)
    shape["note"] = _text(deadline.note, language)
    return shape


def step_to_json(step: Step, language: str) -> dict[str, Any]:
    conditions = step.conditions
    return {
        "id": step.id,
        "track": step.track,
        "title": step.title.get(language),
        "body": step.body.get(language),
        "conditions": {
            "citizenships": list(conditions.citizenships),
            "with_family": conditions.with_family,
            "purposes": list(conditions.purposes),
            "text": _text(conditions.text, language),
        },
        "deadline": _deadline(step.deadline, language),
        "depends_on": list(step.depends_on),
        "documents": [
            {
                "kind": need.kind,
                "note": _text(need.note, language),
                "translated": need.translated,
                "apostilled": need.apostilled,
                "notarised": need.notarised,
                "optional": need.optional,
            }
            for need in step.documents
        ],
        "cautions": [caution.get(language) for caution in step.cautions],
        "sources": [_source(source) for source in step.sources],
        "contacts": [
            {"name": c.name.get(language), "url": c.url, "phone": c.phone, "note": _text(c.note, language)}
            for c in step.contacts
        ],
        "last_verified": step.last_verified.isoformat(),
        "unconfirmed": step.unconfirmed,
    }


def pack_to_json(pack: Pack, language: str) -> dict[str, Any]:
    """The contract of ``content show --json`` (texts in ``language``, English where missing)."""
    return {
        "country": pack.country,
        "name": pack.name.get(language),
        "last_verified": pack.last_verified.isoformat(),
        "review_after": pack.review_after,
        "coverage": {"level": pack.coverage.level, "missing": _text(pack.coverage.missing, language)},
        "summary": _text(pack.summary, language),
        "stay_rules": [
            {
                "id": rule.id,
                "citizenships": list(rule.citizenships),
                "limits": [_limit(limit) for limit in rule.limits],
                "visa_required": rule.visa_required,
                "no_limit": rule.no_limit,
                "unknown": rule.unknown,
                "explain": rule.explain.get(language),
                "sources": [_source(source) for source in rule.sources],
            }
            for rule in pack.stay_rules
        ],
        "permit_rules": [
            {
                "id": rule.id,
                "kind": rule.match.kind,
                "category": rule.match.category,
                "name": rule.name.get(language),
                "renew_days_before": rule.renew.days_before if rule.renew else None,
                "max_absence_days": rule.max_absence_days,
                "explain": rule.explain.get(language),
                "sources": [_source(source) for source in rule.sources],
                "last_verified": rule.last_verified.isoformat(),
            }
            for rule in pack.permit_rules
        ],
        "verify_here": [{"title": link.title.get(language), "url": link.url} for link in pack.verify_here],
        "steps": [step_to_json(step, language) for step in pack.steps],
    }
