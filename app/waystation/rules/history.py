"""Checks on the recorded history of entries and exits, and questions asked of it.

A wrong history would give a wrong count of legal days, which can cost someone their status; so
impossible histories are refused with a message that names the stay to fix, never guessed at.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from waystation.errors import InvalidInput
from waystation.i18n import _, format_date
from waystation.vault.models import Stay


class StayHistoryError(InvalidInput):
    """The entries and exits contradict each other; ``stay`` is the one to look at."""

    def __init__(self, message: str, stay: Stay) -> None:
        super().__init__(message)
        self.stay = stay


def describe(stay: Stay) -> str:
    """A stay as the user recorded it, e.g. "GE, 1 Sep 2026 – 14 Oct 2026"."""
    if stay.left is None:
        return _("{country}, from {entered} (still there)").format(
            country=stay.country, entered=format_date(stay.entered)
        )
    return _("{country}, {entered} – {left}").format(
        country=stay.country, entered=format_date(stay.entered), left=format_date(stay.left)
    )


def check_stays(stays: Sequence[Stay]) -> None:
    """Raise :class:`StayHistoryError` for the first contradiction found.

    A same-day exit and re-entry (one stay's exit day is the next one's entry day, in the same or
    another country) is a real border crossing, not an overlap; stays after any given day are
    fine and simply not counted yet.
    """
    for stay in stays:
        if stay.left is not None and stay.left < stay.entered:
            raise StayHistoryError(
                _("The stay {stay} ends before it starts.").format(stay=describe(stay)), stay
            )
    _check_single_open(stays)
    # One person is in one country at a time: stays in different countries may not overlap either
    # (except on the border day itself).
    _check_no_overlap(list(stays))


def _check_single_open(stays: Sequence[Stay]) -> None:
    open_stays = [stay for stay in stays if stay.left is None]
    if len(open_stays) > 1:
        first, second = sorted(open_stays, key=lambda s: s.entered)[:2]
        raise StayHistoryError(
            _(
                "Two stays have no exit date: {first} and {second}. Only the current stay may be left open."
            ).format(first=describe(first), second=describe(second)),
            second,
        )


def _check_no_overlap(stays: list[Stay]) -> None:
    ordered = sorted(stays, key=lambda s: (s.entered, s.left or date.max))
    latest: Stay | None = None
    for stay in ordered:
        if latest is not None and _overlap(latest, stay):
            raise StayHistoryError(
                _("The stays {first} and {second} overlap.").format(
                    first=describe(latest), second=describe(stay)
                ),
                stay,
            )
        if latest is None or _exit_or_max(stay) >= _exit_or_max(latest):
            latest = stay


def _overlap(earlier: Stay, later: Stay) -> bool:
    if earlier == later:
        return True
    return earlier.left is None or later.entered < earlier.left


def _exit_or_max(stay: Stay) -> date:
    return stay.left if stay.left is not None else date.max


def current_entry(stays: Sequence[Stay], country: str, on: date) -> date | None:
    """The entry day of the stay in ``country`` that ``on`` lies in (the later one on a border
    run day), or None when the person is not there on ``on``."""
    entries = [
        stay.entered
        for stay in stays
        if stay.country == country and stay.entered <= on and (stay.left is None or on <= stay.left)
    ]
    return max(entries, default=None)


def latest_entry(stays: Sequence[Stay], country: str, on: date) -> date | None:
    """The last entry into ``country`` on or before ``on``."""
    return max((s.entered for s in stays if s.country == country and s.entered <= on), default=None)


def unbroken_since(stays: Sequence[Stay], country: str, on: date) -> date | None:
    """The first entry of the latest run of stays in ``country`` (up to ``on``) with no day of
    absence between them: a re-entry on the exit day or the day after continues the run."""
    chain = sorted((s for s in stays if s.country == country and s.entered <= on), key=lambda s: s.entered)
    if not chain:
        return None
    first = chain[-1].entered
    for earlier in reversed(chain[:-1]):
        if earlier.left is None or (first - earlier.left).days > 1:
            break
        first = earlier.entered
    return first


def stay_problems(stays: Sequence[Stay]) -> list[str]:
    """The contradiction in a stays history as a field-named message, for profile import."""
    try:
        check_stays(stays)
    except StayHistoryError as exc:
        return [f"stays: {exc.message}"]
    return []
