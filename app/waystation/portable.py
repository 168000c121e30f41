"""Portable mode (PRODUCT.md, capability 8), as KeePassXC does it: a file named ``.portable``
beside the executable makes Waystation keep everything of its own in a ``data/`` folder beside
it, so a copy on a USB stick leaves nothing of ours on the computer it runs on.

``activate()`` runs first thing at start (before Qt or any library is imported) and points every
place that a library or Qt might write to into ``data/``:

    data/settings/   the app settings and the window's place (settings.json, window.json)
    data/app-data/   what the app installs for itself (guide updates, trusted keys)
    data/vaults/     where the file dialogs suggest new vaults
    data/system/     Qt's and the libraries' own config, cache, data and state folders
                     (XDG_CONFIG_HOME, XDG_CACHE_HOME, XDG_DATA_HOME, XDG_STATE_HOME: the file
                     dialog's QtProject.conf, the font cache…)
    data/tmp/        the temporary folder (TMPDIR, TMP, TEMP; Python's and Qt's alike)

When ``data/`` cannot be written (a read-only stick), the app still runs: nothing is redirected
to the host instead, settings stay in memory, temporary work uses the system's temporary folder
(Waystation never puts anything personal there), and ``Places.problem`` says why, so the app can
tell the person. Vaults open read-write wherever they are.

This module imports nothing from Qt: the command line uses it too.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sys
import tempfile
from collections.abc import MutableMapping
from dataclasses import dataclass
from pathlib import Path

MARKER = ".portable"
DATA_FOLDER = "data"
CONFIG_ENV = "WAYSTATION_CONFIG_DIR"
DATA_ENV = "WAYSTATION_DATA_DIR"
PORTABLE_ENV = "WAYSTATION_PORTABLE_ROOT"  # set by activate(): child processes know the mode

# Qt and the libraries below it follow these (on Linux and the BSDs; see docs/portable.md for
# what Windows and macOS keep regardless).
SYSTEM_FOLDERS = {
    "XDG_CONFIG_HOME": "config",
    "XDG_CACHE_HOME": "cache",
    "XDG_DATA_HOME": "share",
    "XDG_STATE_HOME": "state",
}
TEMP_VARIABLES = ("TMPDIR", "TMP", "TEMP")
# Caches nobody needs on a stick: compiled GPU shaders (nothing personal, but written at every
# new driver) are simply not kept.
DISABLED_CACHES = {"MESA_SHADER_CACHE_DISABLE": "true", "QT_DISABLE_SHADER_DISK_CACHE": "1"}


@dataclass(frozen=True)
class Places:
    """Where this run of Waystation keeps what it keeps."""

    portable: bool
    root: Path | None  # the folder that holds ``.portable`` (portable mode only)
    settings: Path
    app_data: Path
    vaults: Path | None  # None: the file dialog's own default
    temp: Path | None  # None: the system's temporary folder
    problem: str = ""  # why data/ cannot be written; "" when it can (or not portable)

    @property
    def writable(self) -> bool:
        return not self.problem

    @property
    def data(self) -> Path | None:
        return self.root / DATA_FOLDER if self.root is not None else None


_active: Places | None = None


def app_folder() -> Path:
    """The folder of the executable a person started: the bundle's folder when frozen (the
    folder beside an AppImage, or beside a macOS .app), else the launcher script's."""
    if getattr(sys, "frozen", False):
        appimage = os.environ.get("APPIMAGE")
        if appimage:
            return Path(appimage).resolve().parent
        folder = Path(sys.executable).resolve().parent
        in_app = (
            folder.name == "MacOS"
            and folder.parent.name == "Contents"
            and folder.parent.parent.suffix == ".app"
        )
        if in_app and not (folder / MARKER).is_file():
            return folder.parent.parent.parent  # the marker sits beside the .app
        return folder
    launcher = sys.argv[0] if sys.argv and sys.argv[0] not in ("", "-c", "-m") else ""
    return Path(launcher).resolve().parent if launcher else Path.cwd()


def portable_root(folder: Path | None = None) -> Path | None:
    folder = app_folder() if folder is None else folder
    return folder if (folder / MARKER).is_file() else None


def installed_places() -> Places:
    from waystation.app_settings import default_config_dir

    return Places(
        portable=False,
        root=None,
        settings=default_config_dir(),
        app_data=default_data_dir(),
        vaults=None,
        temp=None,
    )


def default_data_dir() -> Path:
    """WAYSTATION_DATA_DIR, else the platform's per-user data folder."""
    override = os.environ.get(DATA_ENV)
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or os.environ.get("APPDATA") or Path.home()) / "Waystation"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "Waystation"
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "waystation"


def portable_places(root: Path) -> Places:
    data = root / DATA_FOLDER
    problem = prepare_data_folder(data)
    return Places(
        portable=True,
        root=root,
        settings=data / "settings",
        app_data=data / "app-data",
        vaults=data / "vaults",
        temp=None if problem else data / "tmp",
        problem=problem,
    )


def prepare_data_folder(data: Path) -> str:
    """Create data/ and its folders; "" when a file can be written there, else the reason."""
    try:
        for sub in (
            "settings",
            "app-data",
            "vaults",
            "tmp",
            *(f"system/{s}" for s in SYSTEM_FOLDERS.values()),
        ):
            (data / sub).mkdir(parents=True, exist_ok=True)
        probe = data / f".write-test-{secrets.token_hex(4)}"
        fd = os.open(probe, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
        probe.unlink()
    except OSError as exc:
        return exc.strerror or str(exc)
    return ""


def activate(environ: MutableMapping[str, str] | None = None, folder: Path | None = None) -> Places:
    """Decide the mode of this run and point the environment at it; call once, first thing."""
    global _active
    environ = os.environ if environ is None else environ
    root = portable_root(folder)
    if root is None:
        _active = installed_places()
        return _active
    places = portable_places(root)
    data = root / DATA_FOLDER
    environ[PORTABLE_ENV] = str(root)
    environ[CONFIG_ENV] = str(places.settings)
    environ[DATA_ENV] = str(places.app_data)
    for variable, sub in SYSTEM_FOLDERS.items():
        environ[variable] = str(data / "system" / sub)
    environ.update(DISABLED_CACHES)
    if places.temp is not None:
        for variable in TEMP_VARIABLES:
            environ[variable] = str(places.temp)
        if environ is os.environ:
            tempfile.tempdir = str(places.temp)
    _active = places
    return places


def current() -> Places:
    """The places of this run (installed ones when ``activate`` was never called)."""
    return _active if _active is not None else installed_places()


def reset() -> None:
    """Forget the activated mode (tests)."""
    global _active
    _active = None
    with contextlib.suppress(AttributeError):
        tempfile.tempdir = None
