"""Dates as the vault, profile files and the command line write them: strict YYYY-MM-DD.

A module of its own so that the start window's date fields can read them without loading the
profile format (and Babel with it)."""

from __future__ import annotations

import re
from datetime import date

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_date(text: str) -> date | None:
    """A strict YYYY-MM-DD date, or None (Python also accepts forms like 20260901)."""
    if not _ISO_DATE.match(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None
