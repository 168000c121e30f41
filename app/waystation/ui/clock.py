"""Time, behind a seam: tests use a fake clock for auto-lock and deadlines."""

from __future__ import annotations

import time
from datetime import date


class Clock:
    def today(self) -> date:
        return date.today()

    def monotonic(self) -> float:
        return time.monotonic()
