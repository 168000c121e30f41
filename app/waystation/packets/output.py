"""Writing a finished packet: under a temporary name in the target folder first, renamed only
once complete, so a failed export (full disk, removed stick) never leaves half a PDF behind."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from pathlib import Path

from waystation.errors import InvalidInput, StorageFailure
from waystation.files import read_only_folder
from waystation.i18n import _


def write_new_pdf(path: Path, data: bytes, *, force: bool = False, mode: int = 0o600) -> None:
    """Refuses to replace an existing file unless ``force``; the file is readable by its owner
    only (a packet holds passport data)."""
    if path.exists() and not force:
        raise InvalidInput(
            _("{path} already exists; it was left untouched (use --force to replace it).").format(path=path)
        )
    if path.is_dir():
        raise InvalidInput(_("{path} is a folder.").format(path=path))
    folder = path.parent
    if not folder.is_dir():
        raise InvalidInput(_("The folder {folder} does not exist.").format(folder=folder))
    temporary = folder / f".{path.name}.partial-{secrets.token_hex(4)}"
    try:
        fd = os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, mode)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise _storage_failure(exc, path) from None


def _storage_failure(exc: OSError, path: Path) -> StorageFailure:
    if exc.errno == errno.EROFS:
        return StorageFailure(read_only_folder(path.parent))
    if exc.errno in (errno.EACCES, errno.EPERM):
        return StorageFailure(_("Cannot write to {folder}: permission denied.").format(folder=path.parent))
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return StorageFailure(_("The disk is full; {path} was not written.").format(path=path))
    return StorageFailure(
        _("{path} could not be written: {error}").format(path=path, error=exc.strerror or type(exc).__name__)
    )
