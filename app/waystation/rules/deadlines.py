"""Due dates of checklist steps, from the deadline rule in the country guide.

A due date is only given when its starting point is known: a step counted from another step has
no due date until that step is done, rather than a guessed one that would be wrong.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from waystation.content.model import Deadline, Pack, Step
from waystation.rules.business_days import add_business_days
from waystation.rules.history import latest_entry, unbroken_since
from waystation.rules.ordinals import shift
from waystation.rules.stay import StayEnd
from waystation.vault.models import Profile, StepProgress

FINISHED_STATES = frozenset({"done", "skipped"})


def due_date(
    step: Step,
    pack: Pack,
    profile: Profile,
    progress: Mapping[str, StepProgress],
    on: date,
    stay: StayEnd | None = None,
) -> date | None:
    """When ``step`` is due, or None when it has no deadline or its start is not known yet."""
    deadline = step.deadline
    if deadline is None:
        return None
    if deadline.on is not None:
        return deadline.on
    if deadline.before_stay_limit:
        return _before_stay_limit(deadline, stay)
    anchor = anchor_date(deadline, pack, profile, progress, on)
    if anchor is None:
        return None
    return _offset(deadline, anchor, pack)


def anchor_date(
    deadline: Deadline,
    pack: Pack,
    profile: Profile,
    progress: Mapping[str, StepProgress],
    on: date,
) -> date | None:
    """The day an ``after:`` deadline counts from."""
    if deadline.after == "arrival":
        return arrival_date(pack, profile, on)
    if deadline.after == "entry":
        return latest_entry(profile.stays, pack.country, on)
    if deadline.after == "step" and deadline.step is not None:
        done = progress.get(deadline.step)
        if done is not None and done.state == "done":
            return done.on
    return None


def arrival_date(pack: Pack, profile: Profile, on: date) -> date | None:
    """The arrival the profile states for this country, else the first entry of the current
    unbroken presence there (a border run does not make a new arrival)."""
    host = profile.host
    if host.arrival_date is not None and host.country in (None, pack.country):
        return host.arrival_date
    return unbroken_since(profile.stays, pack.country, on)


def _before_stay_limit(deadline: Deadline, stay: StayEnd | None) -> date | None:
    """Only while the person is there: for someone away the "last day" is hypothetical."""
    if stay is None or not stay.present or stay.must_leave_by is None:
        return None
    return shift(stay.must_leave_by, -deadline.days_before)


def _offset(deadline: Deadline, anchor: date, pack: Pack) -> date:
    """Hours become whole days rounded up: 24 hours after any moment of a day ends the next day."""
    if deadline.hours is not None:
        return shift(anchor, -(-deadline.hours // 24))
    if deadline.days is not None:
        return shift(anchor, deadline.days)
    if deadline.business_days is not None:
        return add_business_days(anchor, deadline.business_days, pack)
    return anchor


def is_overdue(due: date | None, state: str, on: date) -> bool:
    return due is not None and due < on and state not in FINISHED_STATES
