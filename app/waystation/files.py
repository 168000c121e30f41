"""Writing files the user asked for (exports, calendars) without ever leaving half a file behind.

Shared by the command line and the desktop app; no Qt here."""

from __future__ import annotations

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
        temporary.unlink(missing_ok=True)
        raise StorageFailure(
            _("Cannot write to {folder}: permission denied.").format(folder=path.parent)
        ) from None
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise StorageFailure(
            _("{path} could not be written: {error}").format(path=path, error=exc.strerror)
        ) from None
