"""Scans linked to a passport recorded in the profile.

A scan of a passport can carry the number of the passport it shows (``DocumentInfo.passport_number``).
From then on it *is* that passport for the packet checklist and the expiry warnings: the profile's
record of the passport wins over the dates typed for the scan (one truth), and one passport gives
one warning however many of its pages were scanned.

Numbers are compared as a person reads them: spaces, dashes and "№" do not count, letters are
compared without case, and Cyrillic letters that look like Latin ones (typed on the wrong keyboard
layout: "МР" for "MP") count as those. A link whose passport is no longer in the profile (the number
was corrected, or the passport removed) is kept, but counts as no link until it is chosen again.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from waystation.vault.models import DocumentInfo, Passport, Profile

_LOOKALIKES = str.maketrans("АВЕКМНОРСТУХІ", "ABEKMHOPCTYXI")
_IGNORED = str.maketrans("", "", " \t\u00a0-‐‑–—_./№")


def number_key(number: str) -> str:
    """``number`` as it is compared: "мр 12-34 567" and "MP1234567" give the same key."""
    text = unicodedata.normalize("NFKC", number.translate(_IGNORED))  # before NFKC, which spells "№" "No"
    return text.upper().translate(_IGNORED).translate(_LOOKALIKES)


def find_passport(passports: Iterable[Passport], number: str | None) -> Passport | None:
    """The passport whose number is ``number`` (as compared by ``number_key``), or None."""
    if not number or not number_key(number):
        return None
    key = number_key(number)
    return next((p for p in passports if p.number and number_key(p.number) == key), None)


def linked_passport(document: DocumentInfo, profile: Profile) -> Passport | None:
    """The profile's passport this scan is linked to; None if it is not linked, or the passport is
    no longer in the profile."""
    if document.kind != "passport":
        return None
    return find_passport(profile.passports, document.passport_number)


def as_passport(document: DocumentInfo, passport: Passport) -> DocumentInfo:
    """The scan with the passport's dates where the profile knows them."""
    return document._replace(
        issued=passport.issued or document.issued, expires=passport.expires or document.expires
    )


def with_passport_dates(documents: Iterable[DocumentInfo], profile: Profile) -> list[DocumentInfo]:
    """The documents, each linked scan carrying the dates of its passport in the profile."""
    result = []
    for document in documents:
        passport = linked_passport(document, profile)
        result.append(document if passport is None else as_passport(document, passport))
    return result


def warned_as_passport(document: DocumentInfo, profile: Profile) -> bool:
    """Whether the scan's expiry is already the expiry of a passport in the profile (so a warning
    about that passport covers it)."""
    passport = linked_passport(document, profile)
    return passport is not None and passport.expires is not None
