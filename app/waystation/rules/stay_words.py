"""The legal stay in words: the sentence the overview, ``waystation status`` and the packet say
first ("You are in Kazakhstan on a temporary residence permit until 30 June 2027. File the
renewal by 31 May 2027."), the lines that follow it, and the warnings behind ``Note`` codes."""

from __future__ import annotations

from dataclasses import dataclass

from waystation.content.model import Pack
from waystation.i18n import _, current_language, format_date, ngettext
from waystation.rules.bases import (
    FILED_LATE,
    NO_BASIS,
    NO_CITIZENSHIP,
    NO_RULE,
    RULE_UNKNOWN,
    SINGLE_ENTRY_USED,
    VISA_DAYS_USED,
    VISA_FREE,
    VISA_REQUIRED,
    Basis,
    LegalStay,
    Note,
)
from waystation.rules.renewals import renewal_due, successor
from waystation.rules.stay import counted_limits
from waystation.rules.words import permit_name
from waystation.vault.models import Permit


@dataclass(frozen=True)
class StayWords:
    headline: str
    details: tuple[str, ...] = ()


def _name(permit: Permit | None, pack: Pack | None) -> str:
    return permit_name(permit, pack) if permit is not None else _("permit")


def note_text(note: Note, pack: Pack | None = None) -> str:
    permit = note.permit
    if note.code == NO_CITIZENSHIP:
        return _(
            "Your profile names no citizenship: add it in the profile so Waystation can tell which "
            "visa-free rule applies to you."
        )
    if note.code == NO_RULE:
        return _(
            "This guide states no stay rule for your citizenship ({countries}); check the official "
            "pages before you rely on any count."
        ).format(countries=", ".join(note.citizenships))
    if note.code == RULE_UNKNOWN:
        return _(
            "The visa-free rule for your citizenship ({countries}) is not known to this guide; "
            "check the official pages."
        ).format(countries=", ".join(note.citizenships))
    if note.code == VISA_REQUIRED:
        return _(
            "Your citizenship needs a visa or permit here: record it in the profile so Waystation "
            "can count your stay."
        )
    if note.code == NO_BASIS:
        return _(
            "Nothing recorded makes your stay legal today. Record your visa, permit or application "
            "receipt, or get legal advice now."
        )
    if note.code == SINGLE_ENTRY_USED:
        return _("Your single-entry {permit} was used when you left; it does not let you back in.").format(
            permit=_name(permit, pack)
        )
    if note.code == VISA_DAYS_USED:
        return _("Your {permit} is still valid, but its days of stay are used up.").format(
            permit=_name(permit, pack)
        )
    if note.code == FILED_LATE and permit is not None:
        return _(
            "Your application was filed on {date}, when nothing else covered your stay. A late "
            "application may not keep your stay legal: get legal advice."
        ).format(date=format_date(permit.valid_from))
    return note.code


def describe_stay(legal: LegalStay, pack: Pack) -> StayWords:
    """The headline about the binding basis, then what follows it and the visa-free count."""
    country = pack.name.get(current_language())
    binding = legal.binding
    if binding is None:
        return StayWords(_without_basis(legal, country))
    details: list[str] = []
    for later in legal.continued_by:
        details.append(
            _("Then your {permit} carries your stay on until {date}.").format(
                permit=_name(later.permit, pack), date=_until(later)
            )
            if later.ends is not None
            else _("Then your {permit} carries your stay on, with no end date.").format(
                permit=_name(later.permit, pack)
            )
        )
    if binding.kind != VISA_FREE and legal.rule is not None and counted_limits(legal.rule):
        details.append(_visa_free_line(legal))
    return StayWords(_headline(legal, binding, pack, country), tuple(details))


def _until(basis: Basis) -> str:
    return format_date(basis.ends) if basis.ends is not None else ""


def _headline(legal: LegalStay, binding: Basis, pack: Pack, country: str) -> str:
    permit = binding.permit
    if binding.kind == VISA_FREE:
        if binding.last_day is None:
            return _("You may stay in {country} without a visa; the guide states no time limit.").format(
                country=country
            )
        left = (binding.last_day - legal.on).days
        return ngettext(
            "You may stay in {country} without a visa for {n} more day (last day {date}).",
            "You may stay in {country} without a visa for {n} more days (last day {date}).",
            left,
        ).format(country=country, n=left, date=format_date(binding.last_day))
    name = _name(permit, pack)
    if binding.days_allowed is not None and binding.last_day is not None:
        left = (binding.last_day - legal.on).days
        if binding.ends is not None and binding.ends > binding.last_day:
            return ngettext(
                "Your {permit} allows {n} more day (last day {date}; the visa itself ends on {ends}).",
                "Your {permit} allows {n} more days (last day {date}; the visa itself ends on {ends}).",
                left,
            ).format(permit=name, n=left, date=format_date(binding.last_day), ends=format_date(binding.ends))
        return ngettext(
            "Your {permit} allows {n} more day, until it ends on {date}.",
            "Your {permit} allows {n} more days, until it ends on {date}.",
            left,
        ).format(permit=name, n=left, date=format_date(binding.last_day))
    if binding.kind == "application_pending":
        if binding.ends is None:
            return _(
                "Your {permit} keeps your stay in {country} legal while the decision is pending."
            ).format(permit=name, country=country)
        return _(
            "Your {permit} keeps your stay in {country} legal while the decision is pending; the "
            "receipt is valid until {date}."
        ).format(permit=name, country=country, date=format_date(binding.ends))
    if binding.ends is None:
        return _("Your {permit} lets you live in {country} with no end date.").format(
            country=country, permit=name
        )
    if binding.kind in ("visa", "residence_permit"):
        sentence = _("You are in {country} on your {permit} until {date}.").format(
            country=country, permit=name, date=format_date(binding.ends)
        )
    else:
        sentence = _("Your {permit} lets you stay in {country} until {date}.").format(
            country=country, permit=name, date=format_date(binding.ends)
        )
    rule = pack.permit_rule_for(permit.kind, permit.category) if permit is not None else None
    due = renewal_due(pack, permit) if permit is not None and rule is not None else None
    if permit is not None and due is not None and successor(permit, legal.permits) is None:
        sentence += " " + _("File the renewal by {date}.").format(date=format_date(due))
    return sentence


def _visa_free_line(legal: LegalStay) -> str:
    free = legal.visa_free
    used = ngettext(
        "Visa-free count: {n} day used.", "Visa-free count: {n} days used.", free.days_used
    ).format(n=free.days_used)
    if free.must_leave_by is None or free.days_left is None:
        return used
    if free.days_left < 0:
        return _("Visa-free count: used up; the last day was {date}.").format(
            date=format_date(free.must_leave_by)
        )
    return (
        used
        + " "
        + ngettext(
            "{n} day left (last day {date}).", "{n} days left (last day {date}).", free.days_left
        ).format(n=free.days_left, date=format_date(free.must_leave_by))
    )


def _without_basis(legal: LegalStay, country: str) -> str:
    if legal.present and legal.must_leave_by is not None and legal.must_leave_by < legal.on:
        return _("Your legal stay in {country} ended on {date}: you are overstaying.").format(
            country=country, date=format_date(legal.must_leave_by)
        )
    if legal.present:
        return _("No legal basis is recorded for your stay in {country}.").format(country=country)
    if legal.must_leave_by is not None and legal.must_leave_by < legal.on:
        return _("You are not in {country}, and could not enter without a visa today.").format(
            country=country
        )
    return _("You are not in {country} now, and no visa or permit for it is recorded.").format(
        country=country
    )
