"""Time, behind a seam: tests use a fake clock for auto-lock and deadlines."""

from __future__ import annotations

import time
from datetime import date


class Clock:
    def today(self) -> date:
        return date.today()

    def monotonic(self) -> float:
        return time.monotonic()


class FakeClock(Clock):
    """A clock the test moves by hand."""

    def __init__(self, today: date | None = None) -> None:
        self._today = today or date(2026, 11, 22)
        self._seconds = 1000.0

    def today(self) -> date:
        return self._today

    def monotonic(self) -> float:
        return self._seconds

    def advance(self, seconds: float = 0.0, days: int = 0) -> None:
        from datetime import timedelta

        self._seconds += seconds
        self._today += timedelta(days=days)
