"""Small writes that are either complete or absent: a temporary name in the same folder, flushed
to the disk, then renamed over the target, and the folder itself flushed so the rename lasts
through a power cut."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from waystation.errors import StorageFailure
from waystation.i18n import _


def sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (not possible, nor needed, on Windows)."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_file(path: Path, data: bytes, mode: int = 0o644) -> None:
    """Write a new file that is flushed to the disk (inside a folder that is not yet in use)."""
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, mode)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def storage_failure(folder: Path, exc: OSError) -> StorageFailure:
    return StorageFailure(
        _("The guide updates folder {folder} cannot be written: {error}. Nothing was changed.").format(
            folder=folder, error=exc.strerror or exc
        )
    )


def make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise storage_failure(folder, exc) from None


def replace_file(path: Path, data: bytes, mode: int = 0o644) -> None:
    """Put ``data`` at ``path`` in one step, replacing what was there."""
    temporary = path.with_name(f".{path.name}.new-{secrets.token_hex(4)}")
    try:
        write_file(temporary, data, mode)
        os.replace(temporary, path)
        sync_folder(path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise StorageFailure(
            _("{path} could not be written: {error}").format(path=path, error=exc.strerror or exc)
        ) from None
