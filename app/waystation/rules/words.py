"""Names the core gives to the kinds of permit, in the interface language (functions, not
constants: the language can change at run time)."""

from __future__ import annotations

from waystation.content.model import Pack
from waystation.i18n import _, current_language
from waystation.vault.models import Permit


def track_name(track: str) -> str:
    """One name per track in every language: locales/GLOSSARY.md ("track") decides."""
    names = {
        "residence": _("Residence"),
        "work": _("Work"),
        "housing": _("Housing"),
        "counselling": _("Counselling"),
        "home_documents": _("Documents from home"),
    }
    return names.get(track, track)


def permit_kind_name(kind: str) -> str:
    names = {
        "visa": _("visa"),
        "residence_permit": _("residence permit"),
        "permanent_residence": _("permanent residence"),
        "temporary_protection": _("temporary protection"),
        "application_pending": _("pending application"),
        "visa_free": _("visa-free stay"),
    }
    return names.get(kind, kind)


def permit_name(permit: Permit, pack: Pack | None = None) -> str:
    """The guide's own name for this permit when it has one ("temporary residence permit (TRP)"),
    else the kind with the category ("visa (C)")."""
    if pack is not None:
        rule = pack.permit_rule_for(permit.kind, permit.category)
        if rule is not None:
            return rule.name.get(current_language())
    kind = permit_kind_name(permit.kind)
    if permit.category:
        return _("{kind} ({category})").format(kind=kind, category=permit.category)
    return kind
