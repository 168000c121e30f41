"""``waystation --portable-setup DIR``: copy this installed app onto a USB stick (or any folder)
as a portable copy — the bundle in ``DIR/waystation/``, the ``.portable`` marker beside the
executable, an empty ``data/`` folder and a short text for the person who will use it.

The copy is made under a temporary name and renamed only when complete, so an interrupted copy
never looks like a working one; an existing ``DIR/waystation`` is never overwritten. Sticks
formatted FAT32 or exFAT cannot hold symbolic links: the files they point to are copied instead.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import sys
from pathlib import Path

from waystation.errors import InvalidInput, StorageFailure
from waystation.i18n import _
from waystation.portable import DATA_FOLDER, MARKER, prepare_data_folder

COPY_NAME = "waystation"
README_NAME = "README-portable.txt"
MARKER_TEXT = (
    "This file makes Waystation portable: it keeps its settings, guide updates and new vaults\n"
    "in the data/ folder beside it, and writes nothing of its own on the computer it runs on.\n"
    "Delete this file to make this copy an ordinary installed app.\n"
)


def installed_bundle() -> Path:
    """The folder of the running frozen app (the .app on macOS); InvalidInput from source."""
    if not getattr(sys, "frozen", False):
        raise InvalidInput(
            _(
                "--portable-setup copies the built app, and this is Waystation running from its "
                "source code: build it first (make installer), then run dist/waystation/waystation "
                "--portable-setup DIR."
            )
        )
    folder = Path(sys.executable).resolve().parent
    if folder.name == "MacOS" and folder.parent.name == "Contents":
        return folder.parent.parent
    return folder


def prepare_stick(target: Path, bundle: Path | None = None) -> Path:
    """Make ``target/waystation`` a portable copy of ``bundle``; returns the new folder."""
    bundle = installed_bundle() if bundle is None else bundle
    if target.exists() and not target.is_dir():
        raise InvalidInput(_("{path} is not a folder.").format(path=str(target)))
    destination = target / (bundle.name if bundle.suffix == ".app" else COPY_NAME)
    if destination.exists() or destination.is_symlink():
        raise InvalidInput(
            _("{path} already exists: nothing was changed. Choose another folder or remove it first.").format(
                path=str(destination)
            )
        )
    if _inside(target.resolve(), bundle.resolve()):
        raise InvalidInput(_("The portable copy cannot be made inside the app it copies."))
    partial = target / f".{destination.name}.partial-{secrets.token_hex(4)}"
    try:
        target.mkdir(parents=True, exist_ok=True)
        _check_space(bundle, target)
        copy_tree(bundle, partial)
        executable_folder = _executable_folder(partial)
        (executable_folder / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
        problem = prepare_data_folder(executable_folder / DATA_FOLDER)
        if problem:
            raise OSError(errno.EIO, problem)
        (partial / README_NAME).write_text(readme_text(), encoding="utf-8")
        partial.rename(destination)
    except OSError as exc:
        with contextlib.suppress(OSError):
            shutil.rmtree(partial)
        raise StorageFailure(
            _("The portable copy could not be written to {path}: {error}").format(
                path=str(target), error=exc.strerror or str(exc)
            )
        ) from None
    return destination


def _executable_folder(copy: Path) -> Path:
    """Where ``.portable`` and ``data/`` go: beside the executable (beside the .app on macOS)."""
    return copy.parent if copy.suffix == ".app" else copy


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _check_space(bundle: Path, target: Path) -> None:
    needed = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file())
    free = shutil.disk_usage(target).free
    if free < needed + 32 * 1024 * 1024:  # and room for the first settings, guides and vaults
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def copy_tree(source: Path, target: Path) -> None:
    """Copy a folder, keeping symbolic links where the target can hold them and copying what
    they point to where it cannot (FAT32, exFAT)."""
    target.mkdir(parents=True)
    for entry in sorted(source.iterdir()):
        out = target / entry.name
        if entry.is_symlink():
            try:
                out.symlink_to(entry.readlink())
                continue
            except OSError:
                entry = entry.resolve()
        if entry.is_dir():
            copy_tree(entry, out)
        else:
            shutil.copy2(entry, out)


def readme_text() -> str:
    return _(
        "Waystation, portable copy\n"
        "\n"
        "Start it with the program “waystation” in this folder (waystation.exe on Windows).\n"
        "Everything Waystation keeps of its own stays in the folder “data” beside it: settings,\n"
        "guide updates, and new vaults unless you save them elsewhere. Nothing of Waystation's is\n"
        "written on the computer it runs on; what the computer's own system may remember (for\n"
        "example that a USB stick was plugged in) is described in docs/portable.md.\n"
        "\n"
        "Vaults are encrypted. Keep the passphrase in your head, not on this stick.\n"
    )
