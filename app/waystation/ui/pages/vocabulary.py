"""Translated names for the core's codes (step states, tracks, document kinds), shared by the
dashboard, the checklists and the calendar. Functions, not constants: the language can change."""

from __future__ import annotations

from datetime import date

from waystation.i18n import _, format_date


def state_name(state: str) -> str:
    names = {
        "todo": _("To do"),
        "doing": _("In progress"),
        "done": _("Done"),
        "skipped": _("Skipped"),
    }
    return names.get(state, state)


def track_name(track: str) -> str:
    names = {
        "residence": _("Residence and visa"),
        "work": _("Work"),
        "housing": _("Housing"),
        "counselling": _("Help and counselling"),
    }
    return names.get(track, track)


def document_kind_name(kind: str) -> str:
    names = {
        "passport": _("Passport"),
        "id_card": _("ID card"),
        "photo": _("Photo"),
        "birth_certificate": _("Birth certificate"),
        "marriage_certificate": _("Marriage certificate"),
        "diploma": _("Diploma"),
        "criminal_record": _("Criminal record certificate"),
        "lease": _("Lease"),
        "employment_contract": _("Employment contract"),
        "bank_statement": _("Bank statement"),
        "health_insurance": _("Health insurance"),
        "registration": _("Registration"),
        "permit": _("Permit"),
        "other": _("Other document"),
    }
    return names.get(kind, kind)


def due_text(due: date | None, overdue: bool) -> str:
    """ "Due 14 Jun 2026", "Overdue since 14 Jun 2026", or "" when the step has no due date."""
    if due is None:
        return ""
    if overdue:
        return _("Overdue since {date}").format(date=format_date(due))
    return _("Due {date}").format(date=format_date(due))
