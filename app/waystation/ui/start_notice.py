"""What the start screen says once, before anything else, about where this run keeps its
settings: a portable copy whose data folder cannot be written (a read-only stick), or a settings
file that could not be read (kept aside, never overwritten: app_settings)."""

from __future__ import annotations

from collections.abc import Callable

from waystation.app_settings import SettingsStore
from waystation.i18n import _
from waystation.portable import Places
from waystation.version_text import cannot_save_text


def start_notice(places: Places, store: SettingsStore) -> Callable[[], str] | None:
    """The words (as a function, so they follow a language switch), or None when all is well."""
    if places.problem:
        return lambda: cannot_save_text(places)
    if store.problem:
        return lambda: _(
            "The settings file could not be read, so Waystation starts with the default settings. "
            "The file is kept as it is, and moved aside the first time you change a setting."
        )
    return None
