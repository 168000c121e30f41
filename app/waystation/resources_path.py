"""One resolver for the data folders, whether Waystation runs from a checkout, an installed
package or a frozen (PyInstaller) bundle.

Installed and frozen builds carry the folders inside the package as ``waystation/resources`` and
``waystation/locales``; a source checkout keeps them at the top of the repository, beside ``app/``.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _candidates(name: str) -> list[Path]:
    found: list[Path] = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        found.append(Path(frozen_root) / "waystation" / name)
    found.append(_PACKAGE_DIR / name)
    found.append(_PACKAGE_DIR.parent.parent / name)
    return found


@cache
def data_dir(name: str) -> Path:
    """The folder ``name`` ("resources" or "locales"); raises if the installation is incomplete."""
    for candidate in _candidates(name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"Waystation data folder {name!r} is missing from this installation")


def resource(*parts: str) -> Path:
    """A path inside resources/, e.g. ``resource("schemas", "profile.schema.json")``."""
    return data_dir("resources").joinpath(*parts)


def locales_dir() -> Path:
    return data_dir("locales")
