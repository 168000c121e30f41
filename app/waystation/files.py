"""Writing files the user asked for (exports, calendars) without ever leaving half a file behind.

Shared by the command line and the desktop app; no Qt here."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from pathlib import Path

from waystation.errors import InvalidInput, StorageFailure
from waystation.i18n import _


def write_new_file(path: Path, data: bytes, *, force: bool = False, mode: int = 0o600) -> None:
    """Write ``data`` to ``path`` under a temporary name first, so a failure leaves no half file;
    refuses to replace an existing file unless ``force``."""
    if path.exists() and not force:
        raise InvalidInput(
            _("{path} already exists; it was left untouched (use --force to replace it).").format(path=path)
        )
    if not path.parent.is_dir():
        raise InvalidInput(_("The folder {folder} does not exist.").format(folder=path.parent))
    temporary = path.with_name(f".{path.name}.partial-{secrets.token_hex(4)}")
    try:
        fd = os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except PermissionError:
        _remove_quietly(temporary)
        raise StorageFailure(
            _("Cannot write to {folder}: permission denied.").format(folder=path.parent)
        ) from None
    except OSError as exc:
        _remove_quietly(temporary)
        if exc.errno == errno.EROFS:
            raise StorageFailure(read_only_folder(path.parent)) from None
        raise StorageFailure(
            _("{path} could not be written: {error}").format(path=path, error=exc.strerror)
        ) from None


def free_name(folder: Path, stem: str, suffix: str) -> Path:
    """``folder/stem.suffix``, or ``stem-2``, ``stem-3``… : the first name no file has yet."""
    candidate, number = folder / f"{stem}{suffix}", 1
    while candidate.exists() or candidate.is_symlink():
        number += 1
        candidate = folder / f"{stem}-{number}{suffix}"
    return candidate


def read_only_folder(folder: Path) -> str:
    return _("Cannot write to {folder}: the disk or the folder is read-only. Nothing was written.").format(
        folder=folder
    )


def _remove_quietly(temporary: Path) -> None:
    """A read-only folder refuses even removing a file that is not there: the first error counts."""
    with contextlib.suppress(OSError):
        temporary.unlink(missing_ok=True)


def free_vault_name(folder: Path) -> Path:
    """A new vault's suggested file in ``folder``: ``waystation.vault``, else the first free
    ``waystation-N.vault``."""
    return free_name(folder, "waystation", ".vault")
