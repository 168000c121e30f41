"""Quick wipe: destroy a vault and everything of it that Waystation wrote beside it.

The header and salt (the first page) are overwritten with random bytes — without them no
passphrase can ever derive the key again — then the rest of the file once, then the file is
deleted, with its journal and the copies Waystation makes beside it (``NAME.v1.bak`` safety
copies before an upgrade, and the temporary files of an interrupted passphrase change).

What this cannot promise, and the interface says so: on SSDs and USB sticks the controller may
keep old copies of the blocks that were overwritten; backups and copies made elsewhere are not
touched; a file the operating system or a sync tool copied is out of reach.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from waystation.errors import InvalidInput, StorageFailure, VaultDamaged, VaultInUse
from waystation.i18n import _
from waystation.vault.file_kind import HEADER_BYTES, looks_like

PAGE_SIZE = 4096
CHUNK = 1024 * 1024
_PLAIN_SQLITE = b"SQLite format 3\x00"


@dataclass(frozen=True)
class WipeReport:
    vault: Path
    removed: tuple[Path, ...]  # every file removed, the vault first
    # why the vault was overwritten only in part (its first page, with the key's salt, always):
    # the disk refused the rest; the file was deleted all the same
    incomplete: str | None = None


class _PartlyOverwritten(Exception):
    def __init__(self, error: str) -> None:
        super().__init__(error)
        self.error = error


def companions(vault: Path) -> list[Path]:
    """Files Waystation writes beside a vault: journals, safety copies, interrupted copies."""
    folder, name = vault.parent, vault.name
    patterns = (
        rf"{re.escape(name)}-(journal|wal|shm)",
        rf"{re.escape(name)}\.v\d+\.bak(-(journal|wal|shm))?",
        rf"\.{re.escape(name)}\.(rekey|premigration|snapshot|keyproof)-[0-9a-f]+(-(journal|wal|shm))?",
        rf"\.{re.escape(name)}\.v\d+\.bak\.premigration-[0-9a-f]+(-(journal|wal|shm))?",
    )
    found = []
    with contextlib.suppress(OSError):
        for entry in folder.iterdir():
            if (
                any(re.fullmatch(p, entry.name) for p in patterns)
                and entry.is_file()
                and not entry.is_symlink()
            ):
                found.append(entry)
    return sorted(found)


def wipe(path: Path | str) -> WipeReport:
    """Overwrite and delete the vault at ``path`` and its companions. The vault must be closed
    in this process; a vault open in another process is refused (VaultInUse), a file that is
    plainly not a vault is refused untouched (VaultDamaged), and a read-only place is refused
    before anything changes (StorageFailure)."""
    vault = Path(path)
    if vault.is_symlink():
        vault = vault.resolve()
    _check_is_vault(vault)
    _check_writable(vault)
    incomplete = None
    with _claimed(vault) as handle:
        try:
            _overwrite(handle)
        except _PartlyOverwritten as partly:
            incomplete = partly.error  # no passphrase opens it any more: delete it all the same
    removed = [vault]
    _unlink(vault)
    for companion in companions(vault):
        with contextlib.suppress(OSError):
            with companion.open("r+b") as handle, contextlib.suppress(_PartlyOverwritten):
                _overwrite(handle)
            _unlink(companion)
            removed.append(companion)
    _sync_folder(vault.parent)
    return WipeReport(vault, tuple(removed), incomplete)


def _check_is_vault(path: Path) -> None:
    if not path.exists():
        raise InvalidInput(_("There is no vault at {path}.").format(path=path))
    if not path.is_file():
        raise InvalidInput(_("{path} is not a file.").format(path=path))
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(HEADER_BYTES)
    except OSError as exc:
        raise StorageFailure(_("The vault could not be read: {error}").format(error=exc.strerror)) from None
    kind = looks_like(header)
    if kind is not None:
        raise VaultDamaged(
            _(
                "{path} does not look like a Waystation vault (it looks like {kind}); nothing was deleted."
            ).format(path=path, kind=kind)
        )
    if size == 0 or size % PAGE_SIZE or header.startswith(_PLAIN_SQLITE):
        raise VaultDamaged(
            _("{path} does not look like a Waystation vault; nothing was deleted.").format(path=path)
        )


def _check_writable(path: Path) -> None:
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK | os.X_OK):
        raise StorageFailure(
            _("{path} is on a read-only medium or in a protected folder; nothing was deleted.").format(
                path=path
            )
        )


@contextlib.contextmanager
def _claimed(path: Path) -> Iterator[BinaryIO]:
    """The file open for writing with an exclusive lock over every byte SQLite could lock:
    another process that holds the vault open keeps its lock, so the wipe is refused."""
    try:
        handle = path.open("r+b")
    except OSError as exc:
        raise StorageFailure(
            _("{path} could not be opened for wiping ({error}); nothing was deleted.").format(
                path=path, error=exc.strerror
            )
        ) from None
    with handle:
        if not _lock_everything(handle):
            raise VaultInUse(
                _(
                    "The vault is open in another program or window; close it there first. Nothing was deleted."
                )
            )
        yield handle


def _lock_everything(handle: BinaryIO) -> bool:
    """POSIX: an exclusive lock from byte 0 to the end of time conflicts with any lock SQLite
    holds. Windows has no fcntl; there SQLite's own locks make the writes below fail instead."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover (Windows)
        return True
    try:
        fcntl.lockf(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB, 0, 0)
    except OSError:
        return False
    return True


def _overwrite(stream: BinaryIO) -> None:
    """Random bytes over the first page (header and salt), then over the rest, once. Fails with
    StorageFailure when not even the first page could be overwritten (nothing was destroyed), and
    with _PartlyOverwritten when the rest could not be (the vault can no longer be opened)."""
    size = os.fstat(stream.fileno()).st_size
    try:
        stream.seek(0)
        stream.write(os.urandom(min(PAGE_SIZE, size)))
        stream.flush()
        os.fsync(stream.fileno())
    except OSError as exc:
        raise StorageFailure(
            _("The vault could not be overwritten ({error}); it was not deleted.").format(error=exc.strerror)
        ) from None
    try:
        written = min(PAGE_SIZE, size)
        while written < size:
            block = os.urandom(min(CHUNK, size - written))
            stream.write(block)
            written += len(block)
        stream.flush()
        os.fsync(stream.fileno())
    except OSError as exc:
        raise _PartlyOverwritten(exc.strerror or type(exc).__name__) from None


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except OSError as exc:
        raise StorageFailure(
            _("{path} was overwritten but could not be deleted: {error}").format(
                path=path, error=exc.strerror
            )
        ) from None


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
