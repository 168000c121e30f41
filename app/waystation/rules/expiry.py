"""Documents about to expire: a passport or permit that lapses abroad is slow and sometimes
dangerous to replace (a consulate visit), so they are flagged months ahead."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from waystation.vault.models import DocumentInfo, Permit, Profile
from waystation.vault.passport_scans import warned_as_passport

DEFAULT_LEAD_DAYS = 90


@dataclass(frozen=True)
class ExpiryWarning:
    """One document that expires within the lead time, or already has.

    ``document_id`` is None for a passport recorded in the profile; ``title`` is the user's own
    label (empty for profile passports) and is for the screen, not for exports.
    """

    kind: str
    expires: date
    days_left: int
    document_id: int | None = None
    title: str = ""

    @property
    def expired(self) -> bool:
        return self.days_left < 0


def expiry_warnings(
    profile: Profile,
    documents: Iterable[DocumentInfo],
    on: date,
    lead_days: int = DEFAULT_LEAD_DAYS,
) -> list[ExpiryWarning]:
    """Passports, recorded permits and stored documents expiring by ``on + lead_days``, the
    soonest first. A permit replaced by a later one of the same kind and country is not warned
    about. A scan linked to a passport of the profile is that passport (one warning, with the
    profile's date); an unlinked passport scan with the same expiry as one is one warning too.
    """
    warnings = [
        ExpiryWarning("passport", passport.expires, (passport.expires - on).days)
        for passport in profile.passports
        if passport.expires is not None
    ]
    for permit in profile.permits:
        if permit.valid_until is None or _replaced(permit, profile.permits):
            continue
        label = f"{permit.country} · {permit.category}" if permit.category else permit.country
        warnings.append(
            ExpiryWarning("permit", permit.valid_until, (permit.valid_until - on).days, title=label)
        )
    passport_dates = {warning.expires for warning in warnings}
    for document in documents:
        if document.expires is None or warned_as_passport(document, profile):
            continue
        if document.kind == "passport" and document.expires in passport_dates:
            continue
        warnings.append(
            ExpiryWarning(
                document.kind,
                document.expires,
                (document.expires - on).days,
                document.id,
                document.title,
            )
        )
    due = [warning for warning in warnings if warning.days_left <= lead_days]
    return sorted(due, key=lambda w: (w.expires, w.kind, w.document_id or 0))


def _replaced(permit: Permit, permits: tuple[Permit, ...]) -> bool:
    """Whether a later permit of the same kind and country takes over by the day after this one."""
    assert permit.valid_until is not None
    return any(
        other.kind == permit.kind
        and other.country == permit.country
        and other.valid_from > permit.valid_from
        and other.valid_from.toordinal() <= permit.valid_until.toordinal() + 1
        for other in permits
    )
