"""Counting working days: Saturdays, Sundays and public holidays do not count.

Offices in the host country close on their public holidays, so a "within 5 working days" rule
runs longer across them. A pack lists the holidays it knows; with ``use_public_holidays`` the
`holidays` library adds the country's official calendar (including moving feasts like Easter).
"""

from __future__ import annotations

from collections.abc import Container
from datetime import date
from functools import cache

from waystation.content.model import Pack
from waystation.rules.ordinals import shift

_SATURDAY = 5


@cache
def _public_holidays(country: str) -> Container[date]:
    """The country's official holidays, or nothing when the library does not know the country.

    Imported here so that only business-day deadlines pay for loading the library.
    """
    import holidays

    try:
        return holidays.country_holidays(country)
    except NotImplementedError:
        return frozenset()


def is_business_day(day: date, pack: Pack) -> bool:
    if day.weekday() >= _SATURDAY or day in pack.holidays:
        return False
    return not (pack.use_public_holidays and day in _public_holidays(pack.country))


def add_business_days(start: date, count: int, pack: Pack) -> date:
    """The ``count``-th working day after ``start`` (``start`` itself is not counted)."""
    day = start
    remaining = count
    while remaining > 0:
        day = shift(day, 1)
        if is_business_day(day, pack):
            remaining -= 1
    return day
