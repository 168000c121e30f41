"""The help desk's own settings, kept apart from the app settings in ``helpdesk.json`` beside
them (the settings folder): whether the app starts as a help desk, the desk's folder for its
clients' vaults, whether the desk's start screen lists the vaults in it by name, and whether the
desk keeps its record of counts (``desk_record``). Nothing of any client is in it.

As with the app settings, a file that cannot be read is never overwritten silently: the desk
starts with the defaults, and the unreadable file is set aside (not deleted) on the next save.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from waystation.app_settings import JsonSettingsStore

DESK_FILE = "helpdesk.json"
VAULT_SUFFIX = ".vault"
MAX_LISTED = 200


@dataclass
class DeskSettings:
    helpdesk: bool = False  # start as a help desk (``waystation --helpdesk`` does it once)
    folder: str = ""  # where new clients' vaults go; "" = the default (``default_desk_folder``)
    show_names: bool = False  # list the vaults in the desk's folder by name on the start screen
    record: bool = False  # keep the desk's record of counts (off unless the desk turns it on)

    def normalised(self) -> DeskSettings:
        return DeskSettings(
            bool(self.helpdesk), str(self.folder or ""), bool(self.show_names), bool(self.record)
        )


def default_desk_folder() -> Path:
    """``Waystation clients`` in the home folder (in a portable copy: ``data/vaults``)."""
    from waystation.portable import current

    vaults = current().vaults
    return vaults if vaults is not None else Path.home() / "Waystation clients"


class DeskSettingsStore(JsonSettingsStore[DeskSettings]):
    """``helpdesk.json`` in the settings folder, kept as the app settings are (app_settings)."""

    file_name = DESK_FILE
    kind = DeskSettings


def desk_folder(settings: DeskSettings) -> Path:
    return Path(settings.folder) if settings.folder else default_desk_folder()


def vaults_in(folder: Path) -> list[Path]:
    """The vault files directly in ``folder``, by name (at most ``MAX_LISTED``); none when the
    folder cannot be read."""
    try:
        found = [
            entry
            for entry in folder.iterdir()
            if entry.suffix == VAULT_SUFFIX and not entry.name.startswith(".") and entry.is_file()
        ]
    except OSError:
        return []
    return sorted(found, key=lambda p: p.name.casefold())[:MAX_LISTED]


def new_client_vault(folder: Path, today: date) -> Path:
    """A neutral name for a new client's vault that says nothing about them:
    ``client-2026-05-01-3.vault`` (the next number of the day free in ``folder``)."""
    number = 1
    while (folder / f"client-{today.isoformat()}-{number}{VAULT_SUFFIX}").exists():
        number += 1
    return folder / f"client-{today.isoformat()}-{number}{VAULT_SUFFIX}"
