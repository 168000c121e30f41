"""Days of presence in one country as sorted, disjoint ordinal intervals with running totals.

Counting the days between two dates is a binary search, not a walk over every day, so a history
of many years costs the same as one of a few weeks.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from waystation.vault.models import Stay


@dataclass(frozen=True)
class Presence:
    """Disjoint intervals ``[starts[i], ends[i]]`` (inclusive ordinals), in order.

    ``through[i]`` is the number of days in intervals ``0..i``, which turns every count into a
    lookup.
    """

    starts: tuple[int, ...] = ()
    ends: tuple[int, ...] = ()
    through: tuple[int, ...] = ()

    @classmethod
    def of_intervals(cls, intervals: Iterable[tuple[int, int]]) -> Presence:
        """Merge overlapping and touching intervals: a day spent twice is present once."""
        merged: list[list[int]] = []
        for start, end in sorted(intervals):
            if end < start:
                continue
            if merged and start <= merged[-1][1] + 1:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        totals: list[int] = []
        running = 0
        for start, end in merged:
            running += end - start + 1
            totals.append(running)
        return cls(tuple(m[0] for m in merged), tuple(m[1] for m in merged), tuple(totals))

    @classmethod
    def of_stays(cls, stays: Sequence[Stay], country: str, until: int) -> Presence:
        """Presence in ``country`` up to and including the ordinal ``until``.

        An open stay (no exit yet) runs up to ``until``; so does a stay whose exit is later.
        """
        return cls.of_stays_in(stays, (country,), until)

    @classmethod
    def of_stays_in(cls, stays: Sequence[Stay], countries: Collection[str], until: int) -> Presence:
        """Presence in any of ``countries`` (e.g. the Schengen area) up to ``until``."""
        return cls.of_intervals(
            (stay.entered.toordinal(), min(until, _exit_ordinal(stay, until)))
            for stay in stays
            if stay.country in countries
        )

    def with_days(self, first: int, last: int) -> Presence:
        """This presence plus every day of ``[first, last]`` (staying on, or a planned trip)."""
        return Presence.of_intervals([*zip(self.starts, self.ends, strict=True), (first, last)])

    @property
    def total(self) -> int:
        return self.through[-1] if self.through else 0

    def upto(self, day: int) -> int:
        """Days of presence on or before ``day``."""
        i = bisect_right(self.starts, day) - 1
        if i < 0:
            return 0
        before = self.through[i - 1] if i else 0
        return before + min(day, self.ends[i]) - self.starts[i] + 1

    def count(self, first: int, last: int) -> int:
        """Days of presence in ``[first, last]``; an empty range counts nothing."""
        if last < first:
            return 0
        return self.upto(last) - self.upto(first - 1)

    def nth_last_before(self, n: int, day: int) -> int | None:
        """The ``n``-th last day of presence strictly before ``day`` (``n`` ≥ 1), if any."""
        wanted = self.upto(day - 1) - n + 1
        if wanted < 1:
            return None
        i = bisect_left(self.through, wanted)
        before = self.through[i - 1] if i else 0
        return self.starts[i] + (wanted - before) - 1


def _exit_ordinal(stay: Stay, default: int) -> int:
    return stay.left.toordinal() if stay.left is not None else default
