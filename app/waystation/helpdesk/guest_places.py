"""Where a guest process (``waystation --guest``) lets Qt and the libraries write: nowhere that
outlives it.

Waystation itself writes nothing personal outside a vault, but Qt and the libraries under it keep
their own files: the file dialog's state (``QtProject.conf``), the font cache, a print job's
temporary file, the single-instance socket. In a guest process every folder they use — the XDG
config, cache, data and state folders and the temporary folder — points at one private folder
(mode 0700) in memory: the user's runtime folder (``$XDG_RUNTIME_DIR``) or ``/dev/shm``,
whichever is a memory file system (tmpfs). It is removed when the app closes; one left by a
killed guest process is removed by the next guest start (and by the system at logout or reboot,
since it lives in memory). Where no memory file system exists (Windows, macOS), it is a private
folder in the system's temporary folder, removed the same way.

The app's own settings (language, discreet mode…) are read from the person's settings folder
first and copied into it without the list of recent vaults, so the guest sees the app as they
set it, and nothing the guest changes is kept. Installed guide updates are still read from where
they are (``WAYSTATION_DATA_DIR`` keeps pointing there). No Qt here: this runs before Qt loads.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import re
import secrets
import shutil
import stat
import sys
import tempfile
from collections.abc import MutableMapping
from dataclasses import dataclass
from pathlib import Path

from waystation.portable import DISABLED_CACHES, SYSTEM_FOLDERS, TEMP_VARIABLES

PREFIX = "waystation-guest-"
GUEST_ENV = "WAYSTATION_GUEST_SCRATCH"  # set while a guest process runs (child processes see it)
_NAME = re.compile(rf"{PREFIX}(?P<pid>\d+)-[0-9a-f]{{16}}")


@dataclass(frozen=True)
class GuestPlaces:
    scratch: Path
    in_memory: bool  # on a memory file system (tmpfs), not a disk

    @property
    def settings(self) -> Path:
        return self.scratch / "settings"


_active: GuestPlaces | None = None


def active() -> GuestPlaces | None:
    """The guest places of this process, or None when it is not a guest process."""
    return _active


def _mount_types() -> list[tuple[str, str]]:
    try:
        lines = Path("/proc/self/mounts").read_text("utf-8", "replace").splitlines()
    except OSError:
        return []
    mounts = []
    for line in lines:
        parts = line.split()
        if len(parts) >= 3:
            mounts.append((parts[1].replace("\\040", " "), parts[2]))
    return mounts


def on_memory_file_system(folder: Path, mounts: list[tuple[str, str]] | None = None) -> bool:
    """Whether ``folder`` lies on tmpfs/ramfs (the longest mount point that contains it)."""
    mounts = _mount_types() if mounts is None else mounts
    try:
        real = str(folder.resolve())
    except OSError:
        return False
    best, kind = "", ""
    for point, fs_type in mounts:
        inside = real == point or real.startswith(point.rstrip("/") + "/")
        if inside and len(point) > len(best):
            best, kind = point, fs_type
    return kind in ("tmpfs", "ramfs")


def _private(folder: Path) -> bool:
    try:
        info = folder.stat()
    except OSError:
        return False
    owner_ok = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return stat.S_ISDIR(info.st_mode) and owner_ok and os.access(folder, os.W_OK)


def memory_root(environ: MutableMapping[str, str]) -> tuple[Path, bool]:
    """The folder to put the scratch folder in, and whether it is in memory."""
    mounts = _mount_types()
    candidates = [Path(environ["XDG_RUNTIME_DIR"])] if environ.get("XDG_RUNTIME_DIR") else []
    if sys.platform.startswith("linux"):
        candidates.append(Path("/dev/shm"))
    for folder in candidates:
        if folder.is_dir() and os.access(folder, os.W_OK) and on_memory_file_system(folder, mounts):
            return folder, True
    return Path(tempfile.gettempdir()), False


def remove_stale(root: Path) -> list[Path]:
    """Scratch folders of guest processes that no longer run (killed): removed."""
    removed = []
    with contextlib.suppress(OSError):
        for entry in root.iterdir():
            match = _NAME.fullmatch(entry.name)
            if match is None or _alive(int(match["pid"])) or not _private(entry):
                continue
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def _copy_app_settings(source: Path, target: Path) -> None:
    """The person's app settings, minus the recent vaults; a desk's own settings as they are."""
    from waystation.app_settings import SettingsStore
    from waystation.helpdesk.desk_settings import DeskSettingsStore

    settings = SettingsStore(source).load()
    settings.remember_recent = False
    settings.recent_vaults = []
    with contextlib.suppress(OSError):
        SettingsStore(target).save(settings)
        DeskSettingsStore(target).save(DeskSettingsStore(source).load())


def activate(environ: MutableMapping[str, str] | None = None) -> GuestPlaces:
    """Make this process a guest process; call first thing (after portable mode, before Qt)."""
    global _active
    environ = os.environ if environ is None else environ
    from waystation.portable import current

    places = current()
    root, in_memory = memory_root(environ)
    remove_stale(root)
    scratch = root / f"{PREFIX}{os.getpid()}-{secrets.token_hex(8)}"
    scratch.mkdir(mode=0o700)
    for sub in ("settings", "tmp", *SYSTEM_FOLDERS.values()):
        (scratch / sub).mkdir(mode=0o700)
    _copy_app_settings(places.settings, scratch / "settings")
    environ["WAYSTATION_DATA_DIR"] = str(places.app_data)  # installed guides: read where they are
    environ["WAYSTATION_CONFIG_DIR"] = str(scratch / "settings")
    for variable, sub in SYSTEM_FOLDERS.items():
        environ[variable] = str(scratch / sub)
    for variable in TEMP_VARIABLES:
        environ[variable] = str(scratch / "tmp")
    environ.update(DISABLED_CACHES)
    environ[GUEST_ENV] = str(scratch)
    if environ is os.environ:
        tempfile.tempdir = str(scratch / "tmp")
    _active = GuestPlaces(scratch, in_memory)
    atexit.register(deactivate)
    return _active


def deactivate() -> None:
    """Remove the scratch folder and everything Qt or a library left in it."""
    global _active
    places, _active = _active, None
    if places is not None:
        shutil.rmtree(places.scratch, ignore_errors=True)
        tempfile.tempdir = None
