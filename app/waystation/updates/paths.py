"""Where guide updates live: ``guide-updates/`` in the folder for what the app installs for
itself — the portable ``data/app-data/`` in portable mode, else the per-user data folder
(``WAYSTATION_DATA_DIR`` overrides it; ``waystation.portable`` decides) — never in a vault and
never anywhere else."""

from __future__ import annotations

from pathlib import Path

UPDATES_FOLDER = "guide-updates"


def updates_root() -> Path:
    from waystation.portable import current

    return current().app_data / UPDATES_FOLDER


def installed_root() -> Path:
    """The installed guides (``store``)."""
    return updates_root() / "installed"


def added_keys_folder() -> Path:
    """Keys the person chose to trust (``keys``)."""
    return updates_root() / "trusted-keys"
