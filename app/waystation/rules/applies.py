"""Whether a step applies to a person: True, False, or None when it cannot be known.

"None" matters: the profile does not say why someone moved (work, study, family...), so a step
for one purpose is shown as "may apply" rather than hidden or pushed on everyone.
"""

from __future__ import annotations

from collections.abc import Collection

from waystation.content.model import Conditions
from waystation.vault.models import Profile


def step_applies(
    conditions: Conditions, profile: Profile, purposes: Collection[str] | None = None
) -> bool | None:
    """Combine the conditions: any that fails makes False; any unknown makes None."""
    answers = (
        _citizenship(conditions, profile),
        _family(conditions, profile),
        _purpose(conditions, purposes),
    )
    if False in answers:
        return False
    if None in answers:
        return None
    return True


def _citizenship(conditions: Conditions, profile: Profile) -> bool | None:
    if not conditions.citizenships:
        return True
    held = profile.person.citizenships
    if not held:
        return None
    return any(country in conditions.citizenships for country in held)


def _family(conditions: Conditions, profile: Profile) -> bool | None:
    if conditions.with_family is None:
        return True
    return conditions.with_family == bool(profile.family)


def _purpose(conditions: Conditions, purposes: Collection[str] | None) -> bool | None:
    if not conditions.purposes:
        return True
    if purposes is None:
        return None
    return any(purpose in conditions.purposes for purpose in purposes)
