"""Translated names for the core's codes (step states, tracks, document kinds), shared by the
dashboard, the checklists and the calendar. Functions, not constants: the language can change."""

from __future__ import annotations

from datetime import date

from waystation.i18n import _, format_age, format_date
from waystation.rules.words import track_name

__all__ = ["checked_text", "document_kind_name", "due_text", "sex_name", "state_name", "track_name"]


def state_name(state: str) -> str:
    names = {
        "todo": _("To do"),
        "doing": _("In progress"),
        "done": _("Done"),
        "skipped": _("Skipped"),
    }
    return names.get(state, state)


def sex_name(sex: str) -> str:
    """The sex as a passport states it (``F``, ``M`` or ``X``)."""
    names = {"F": _("Female"), "M": _("Male"), "X": _("X (unspecified, as in some passports)")}
    return names.get(sex, sex)


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


def checked_text(checked: date, today: date, *, stale: bool) -> str:
    """ "Checked 8 months ago (14 March 2026): may be out of date" and the like."""
    words = _("Checked {ago} ({date})").format(
        ago=format_age(checked, today), date=format_date(checked, "long")
    )
    if stale:
        return _("{checked}: may be out of date. Check the sources before you rely on it.").format(
            checked=words
        )
    return words


def due_text(due: date | None, overdue: bool) -> str:
    """ "Due 14 Jun 2026", "Overdue since 14 Jun 2026", or "" when the step has no due date."""
    if due is None:
        return ""
    if overdue:
        return _("Overdue since {date}").format(date=format_date(due))
    return _("Due {date}").format(date=format_date(due))
