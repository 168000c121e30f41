"""Bundle versions (``YYYY.MM.DD.N``: the day it was signed and a counter for that day) and the
app's own version (``X.Y.Z``), both compared as numbers, never as text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_BUNDLE_VERSION = re.compile(r"(\d{4})\.(\d{2})\.(\d{2})\.([1-9]\d{0,3})")
_APP_VERSION = re.compile(r"(\d{1,4})\.(\d{1,4})\.(\d{1,4})")


@dataclass(frozen=True, order=True)
class BundleVersion:
    day: date
    counter: int

    def __str__(self) -> str:
        return f"{self.day.year:04d}.{self.day.month:02d}.{self.day.day:02d}.{self.counter}"


def parse_bundle_version(text: str) -> BundleVersion | None:
    """None unless ``text`` is a real date followed by a counter from 1, e.g. ``2026.03.14.1``."""
    match = _BUNDLE_VERSION.fullmatch(text)
    if match is None:
        return None
    year, month, day, counter = (int(part) for part in match.groups())
    try:
        return BundleVersion(date(year, month, day), counter)
    except ValueError:
        return None


def parse_app_version(text: str) -> tuple[int, int, int] | None:
    match = _APP_VERSION.fullmatch(text)
    if match is None:
        return None
    major, minor, patch = (int(part) for part in match.groups())
    return major, minor, patch


def app_is_at_least(running: str, needed: str) -> bool:
    """Whether the running app (``0.1.0``, or ``0.1.0.dev3``: only the first three numbers count)
    is at least ``needed``."""
    have = parse_app_version(".".join(running.split(".")[:3]).split("+")[0])
    want = parse_app_version(needed)
    if have is None or want is None:
        return False
    return have >= want
