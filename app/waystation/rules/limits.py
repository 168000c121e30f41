"""What one limit of a stay rule allows, on day ordinals.

Two questions are answered per limit: staying on without a break from a given day, which is the
first day that breaks the limit; and for a planned trip, the earliest entry day it could start.
Both use the fact that, while someone stays on, a window count can only grow (each new day adds
one, at most one old day drops out), so a binary search or a direct formula replaces a day walk.
"""

from __future__ import annotations

import calendar

from waystation.content.model import Limit
from waystation.errors import InvalidInput
from waystation.i18n import _
from waystation.rules.ordinals import (
    FIRST_DAY,
    LAST_YEAR,
    DateOutOfRange,
    first_of_year,
    last_of_year,
    year_of,
)
from waystation.rules.presence import Presence

# Rules without a day limit still show how much someone has been there: the last 180 days, the
# window most visa-free regimes use, is what an officer would look at first.
DEFAULT_COUNT_WINDOW = 180


def window_length(limit: Limit) -> int:
    """The window of a ``window`` limit; a pack without one is a content bug, said plainly."""
    if limit.window is None or limit.window < 1:
        raise InvalidInput(
            _("A stay limit of {days} days has no valid window length.").format(days=limit.days)
        )
    return limit.window


def last_period_start(presence: Presence, window: int, until: int) -> int | None:
    """For a ``from_first_entry`` limit: the first day of the latest period that has begun by
    ``until``. A period starts on a day of presence and lasts ``window`` days; the first day of
    presence after it starts the next one (also when the person never left)."""
    period: int | None = None
    for first, last in zip(presence.starts, presence.ends, strict=True):
        if first > until:
            break
        day, last = first, min(last, until)
        while day <= last:
            if period is None or day >= period + window:
                period = day
            day = period + window  # the next day that could start a new period
    return period


def first_illegal_day(limit: Limit, history: Presence, start: int) -> int | None:
    """The first day that breaks ``limit`` for someone present every day from ``start`` on.

    ``history`` holds the presence before ``start`` only. None: this limit never ends the stay.
    """
    if limit.kind == "per_stay":
        return start + max(limit.days, 0)
    if limit.kind == "from_first_entry":
        return _first_illegal_in_period(limit.days, window_length(limit), history, start)
    if limit.kind == "window":
        window = window_length(limit)
        if limit.days >= window:
            return None  # every window can be full: this limit never ends a stay
        return _first_illegal_in_window(limit.days, window, history, start)
    return _first_illegal_in_year(limit.days, history, start)


def _first_illegal_in_window(allowed: int, window: int, history: Presence, start: int) -> int:
    """Binary search: the count only grows, and on ``start + allowed`` it is past ``allowed``."""
    low, high = start, start + max(allowed, 0)
    while low < high:
        middle = (low + high) // 2
        if history.count(middle - window + 1, start - 1) + middle - start + 1 > allowed:
            high = middle
        else:
            low = middle + 1
    return low


def _first_illegal_in_period(allowed: int, window: int, history: Presence, start: int) -> int | None:
    if allowed >= window:
        return None
    period = last_period_start(history, window, start - 1)
    if period is None or start >= period + window:
        return start + allowed  # this stay opens a new period
    room = allowed - history.count(period, start - 1)
    period_end = period + window - 1
    if start + max(room, 0) <= period_end:
        return start + max(room, 0)
    return period_end + 1 + allowed  # staying on opens the next period the day after this one ends


def _first_illegal_in_year(allowed: int, history: Presence, start: int) -> int | None:
    year = year_of(start)
    room = allowed - history.count(first_of_year(year), start - 1)
    if start + room <= last_of_year(year):
        return start + max(room, 0)
    if allowed >= 366:
        return None
    # A full year of presence fits unless it is longer than allowed; a leap year comes within
    # eight years (2100 is not one), so this loop is short.
    for later in range(year + 1, year + 9):
        if later > LAST_YEAR:
            raise DateOutOfRange()
        if allowed < 365 + calendar.isleap(later):
            return first_of_year(later) + allowed
    return None


def days_counted(limit: Limit | None, presence: Presence, on: int, entry: int | None) -> tuple[int, int]:
    """Days of presence the limit looks at on ``on``, and the first day it looks at.

    ``presence`` runs up to ``on``; ``entry`` is the current stay's entry, None when away.
    """
    if limit is None:
        start = max(FIRST_DAY, on - DEFAULT_COUNT_WINDOW + 1)
        return presence.count(start, on), start
    if limit.kind == "per_stay":
        return (on - entry + 1, entry) if entry is not None else (0, on)
    if limit.kind == "window":
        start = max(FIRST_DAY, on - window_length(limit) + 1)
        return presence.count(start, on), start
    if limit.kind == "from_first_entry":
        period = last_period_start(presence, window_length(limit), on)
        if period is None or on >= period + window_length(limit):
            return 0, on
        return presence.count(period, on), period
    start = first_of_year(year_of(on))
    return presence.count(start, on), start


def earliest_entry(limit: Limit, history: Presence, after: int, days: int) -> int | None:
    """The earliest entry ≥ ``after`` for a trip of ``days`` days that this limit allows.

    ``history`` holds presence before ``after``. Calendar-year limits are not monotonic in the
    entry day (a trip across 31 December may fit where a shorter one in December does not); they
    answer ``after`` here and are checked trip by trip with :func:`trip_fits_year`.
    """
    if limit.kind == "per_stay":
        return after if days <= limit.days else None
    if limit.kind == "per_calendar_year":
        return after
    window = window_length(limit)
    if limit.kind == "from_first_entry":
        return _earliest_entry_in_period(limit.days, window, history, after, days)
    if limit.days >= window:
        return after
    if days > limit.days:
        return None
    # The trip's last day sees the window [entry + days - window, entry + days - 1]; it fits when
    # at most `spare` days of history fall inside, so the (spare+1)-th last day must drop out.
    spare = limit.days - days
    blocking = history.nth_last_before(spare + 1, after)
    if blocking is None:
        return after
    return max(after, blocking + 1 + window - days)


def _earliest_entry_in_period(
    allowed: int, window: int, history: Presence, after: int, days: int
) -> int | None:
    """A trip fits when the days it spends in the period it enters, plus that period's earlier
    days, stay within ``allowed``, and the days past that period's end (which open a new one)
    do too. Entering later puts fewer days in the current period and more in the next, so the
    earliest entry that fits the current period is the only one inside it worth trying."""
    if allowed >= window:
        return after
    fits_fresh = days <= allowed  # a new period: more days than allowed never fit
    period = last_period_start(history, window, after - 1)
    if period is None or after >= period + window:
        return after if fits_fresh else None
    used = history.count(period, after - 1)
    if used + days <= allowed:
        return after
    period_end = period + window - 1
    entry = max(after, period_end + 1 - max(allowed - used, 0))
    if entry <= period_end:
        inside = min(days, period_end - entry + 1)
        if used + inside <= allowed and days - inside <= allowed:
            return entry
        entry = period_end + 1
    return entry if fits_fresh else None


def trip_fits_year(allowed: int, history: Presence, entry: int, days: int) -> bool:
    """Whether ``days`` days from ``entry`` keep every calendar year within ``allowed`` days."""
    end = entry + days - 1
    year = year_of(entry)
    day = entry
    while day <= end:
        year_end = last_of_year(year)
        last = min(end, year_end)
        if history.count(first_of_year(year), year_end) + last - day + 1 > allowed:
            return False
        day, year = last + 1, year + 1
    return True
