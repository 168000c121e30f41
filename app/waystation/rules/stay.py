"""The legal-stay calculator: how many days someone has used, and until when they may stay.

Entry and exit days both count as days of presence. A rule may have several limits (Turkey: 60
days per stay *and* 90 days in any 180); all apply and the one that ends the stay first binds.
Rules that require a visa or set no limit still count the days (over the last 180), but give no
last day: the visa or permit decides that, not the calculator.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from waystation.content.model import Limit, StayRule
from waystation.errors import InvalidInput
from waystation.i18n import _
from waystation.rules.history import StayHistoryError, check_stays, current_entry
from waystation.rules.limits import (
    days_counted,
    earliest_entry,
    first_illegal_day,
    trip_fits_year,
)
from waystation.rules.ordinals import LAST_DAY, DateOutOfRange, to_date
from waystation.rules.presence import Presence
from waystation.vault.models import Stay

__all__ = [
    "StayEnd",
    "StayHistoryError",
    "StayStatus",
    "check_stays",
    "counted_limits",
    "earliest_return",
    "stay_status",
]

# Calendar-year limits are searched trip by trip; past five years only the calendar repeats.
_YEAR_SEARCH_DAYS = 5 * 366


@dataclass(frozen=True)
class StayStatus:
    """The stay count on one day.

    ``binding`` is the limit that sets ``must_leave_by`` (None when nothing limits the stay);
    ``days_used`` and ``window_start`` are counted the way that limit counts (or over the last
    180 days when there is none). When the person is away on ``on``, ``must_leave_by`` is the
    last day they could stay if they entered on ``on``; ``on - 1`` means they cannot enter now.
    """

    rule_id: str | None
    present: bool
    days_used: int
    days_left: int | None
    must_leave_by: date | None
    binding: Limit | None
    overstayed: bool
    window_start: date
    entered: date | None = None


class StayEnd(Protocol):
    """Whether the person is there, and their last legal day: what "before the stay limit"
    deadlines count back from (the visa-free count, or the legal stay with its permits)."""

    @property
    def present(self) -> bool: ...

    @property
    def must_leave_by(self) -> date | None: ...


def counted_limits(rule: StayRule | None) -> tuple[Limit, ...]:
    """The limits the calculator applies; a visa or a "no limit" rule has none to count down."""
    if rule is None or rule.visa_required or rule.no_limit:
        return ()
    return rule.limits


def stay_status(rule: StayRule | None, stays: Sequence[Stay], country: str, on: date) -> StayStatus:
    """The stay count in ``country`` on ``on``; stays after ``on`` are not counted."""
    check_stays(stays)
    today = on.toordinal()
    entered = current_entry(stays, country, on)
    start = entered.toordinal() if entered is not None else today
    binding, last_legal = _binding_limit(counted_limits(rule), stays, country, start)
    counting = binding or next(iter(counted_limits(rule)), None)
    presence = Presence.of_stays(stays, country, until=today)
    used, window_start = days_counted(counting, presence, today, start if entered else None)
    must_leave_by = to_date(last_legal) if last_legal is not None else None
    return StayStatus(
        rule_id=rule.id if rule is not None else None,
        present=entered is not None,
        days_used=used,
        days_left=last_legal - today if last_legal is not None else None,
        must_leave_by=must_leave_by,
        binding=binding,
        overstayed=entered is not None and last_legal is not None and last_legal < today,
        window_start=to_date(window_start),
        entered=entered,
    )


def _binding_limit(
    limits: Sequence[Limit], stays: Sequence[Stay], country: str, start: int
) -> tuple[Limit | None, int | None]:
    """The limit that ends a stay from ``start`` soonest, and the last legal day it allows.

    Ties go to the limit listed first in the pack, so the explanation shown is stable.
    """
    history = Presence.of_stays(stays, country, until=start - 1)
    best: tuple[Limit | None, int | None] = (None, None)
    for limit in limits:
        first_illegal = first_illegal_day(limit, history, start)
        if first_illegal is not None and (best[1] is None or first_illegal - 1 < best[1]):
            best = (limit, first_illegal - 1)
    return best


def earliest_return(
    rule: StayRule | None, stays: Sequence[Stay], country: str, after: date, days: int
) -> date | None:
    """The earliest day ≥ ``after`` on which the person could enter ``country`` and stay ``days``
    days in a row (entry and exit days included) without breaking any limit.

    Presence from ``after`` on is not counted: the trip replaces it. None when no entry day
    allows such a trip (``days`` is more than a limit ever allows).
    """
    check_stays(stays)
    if days < 1:
        raise InvalidInput(_("A planned stay must last at least one day."))
    start = after.toordinal()
    history = Presence.of_stays(stays, country, until=start - 1)
    limits = counted_limits(rule)
    entry = start
    for limit in limits:
        earliest = earliest_entry(limit, history, start, days)
        if earliest is None:
            return None
        entry = max(entry, earliest)
    yearly = [limit.days for limit in limits if limit.kind == "per_calendar_year"]
    found = _first_fitting_year_limits(yearly, history, entry, days)
    return to_date(found) if found is not None else None


def _first_fitting_year_limits(yearly: Sequence[int], history: Presence, entry: int, days: int) -> int | None:
    """The first entry day from ``entry`` whose trip fits every calendar-year limit."""
    for candidate in range(entry, entry + (_YEAR_SEARCH_DAYS if yearly else 1)):
        if candidate + days - 1 > LAST_DAY:
            raise DateOutOfRange()
        if all(trip_fits_year(allowed, history, candidate, days) for allowed in yearly):
            return candidate
    return None
