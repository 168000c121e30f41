"""Dates are stored as ISO 8601 text (YYYY-MM-DD)."""

from __future__ import annotations

from datetime import date


def to_text(value: date | None) -> str | None:
    return value.isoformat() if value else None


def from_text(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
