"""Day arithmetic on proleptic ordinals (``date.toordinal()``).

The calculators work on plain integers so that intermediate values never overflow; only turning a
result back into a :class:`~datetime.date` can fail, and then the user gets one clear message
instead of an ``OverflowError`` from deep inside a calculation.
"""

from __future__ import annotations

from datetime import date

from waystation.errors import InvalidInput
from waystation.i18n import _

FIRST_DAY = date.min.toordinal()
LAST_DAY = date.max.toordinal()
LAST_YEAR = date.max.year


class DateOutOfRange(InvalidInput):
    """A count ran past the last date the calendar can hold (31 Dec 9999)."""

    def __init__(self) -> None:
        super().__init__(_("Date out of range: the count runs past the last date Waystation can handle."))


def to_date(ordinal: int) -> date:
    """The date of an ordinal, or :class:`DateOutOfRange` instead of a bare ``ValueError``."""
    if not FIRST_DAY <= ordinal <= LAST_DAY:
        raise DateOutOfRange()
    return date.fromordinal(ordinal)


def shift(day: date, days: int) -> date:
    """``day + days`` that fails with a clear message near the ends of the calendar."""
    return to_date(day.toordinal() + days)


def year_of(ordinal: int) -> int:
    return date.fromordinal(max(FIRST_DAY, min(ordinal, LAST_DAY))).year


def first_of_year(year: int) -> int:
    """1 January of ``year`` as an ordinal; years past 9999 continue the count past the end."""
    if year > LAST_YEAR:
        return LAST_DAY + 1
    return date(year, 1, 1).toordinal()


def last_of_year(year: int) -> int:
    if year >= LAST_YEAR:
        return LAST_DAY
    return first_of_year(year + 1) - 1
