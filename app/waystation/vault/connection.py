"""Opening and creating vaults: one SQLCipher 4 file per person, held exclusively by one process.

The order of operations matters for the promises in ENGINEERING.md:
- an existing vault is opened with a ``mode=rw`` URI, so a missing path is never created;
- the key is proven by a read before anything can write, so a wrong passphrase writes nothing;
- only then is the exclusive lock claimed (a second process gets "in use"), and only then may a
  migration run — after a backup copy of the vault was made and verified.
"""

from __future__ import annotations

import contextlib
import os
import threading
import urllib.parse
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import sqlcipher3

from waystation.errors import (
    InvalidInput,
    NotAVault,
    StorageFailure,
    VaultDamaged,
    WaystationError,
    WrongPassphrase,
)
from waystation.i18n import _
from waystation.vault import migrations as ladder
from waystation.vault import sqlerrors
from waystation.vault.file_kind import HEADER_BYTES, looks_like
from waystation.vault.key_proof import has_journal, prove_key_on_first_page
from waystation.vault.passphrase import sql_literal

PAGE_SIZE = 4096
PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"

Connection = Any  # sqlcipher3 has no type stubs


def _uri(path: Path, mode: str) -> str:
    # Bytes, not text: a file name in a legacy encoding arrives with surrogates (PEP 383).
    return f"file:{urllib.parse.quote(os.fsencode(path.absolute()))}?mode={mode}"


def _raw_connect(path: Path, passphrase: str, mode: str) -> Connection:
    """A keyed connection; nothing has been read or written yet."""
    try:
        conn = sqlcipher3.connect(
            _uri(path, mode), uri=True, isolation_level=None, timeout=0, check_same_thread=False
        )
    except sqlerrors.DatabaseError as exc:
        raise sqlerrors.translate(exc, while_unlocking=True) from None
    try:
        # Before the key: otherwise SQLCipher prints "hmac check failed" to stderr on a wrong key.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {sql_literal(passphrase)}")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA secure_delete = ON")
    except BaseException:
        conn.close()
        raise
    return conn


def resolved(path: Path) -> Path:
    """The real file behind a symlink: replacing the vault (a passphrase change) must replace the
    file itself, not the link that points to it."""
    return path.resolve() if path.is_symlink() else path


def _check_file_shape(path: Path) -> str | None:
    """Reject what cannot be a vault before SQLCipher sees it (an empty file would open as an
    empty database; a plaintext SQLite file would be reported as a wrong passphrase). A file
    whose size fits a vault but whose first bytes look like another kind of file is not refused
    here — a vault's first bytes are its random salt, which may look like anything — and that
    kind ("a JPEG image") is returned, for Vault.open to name if the file does not open."""
    if not path.exists():
        raise InvalidInput(_("There is no vault at {path}.").format(path=path))
    if not path.is_file():
        raise InvalidInput(_("{path} is not a file.").format(path=path))
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(HEADER_BYTES)
    except PermissionError:
        raise StorageFailure(_("Permission denied: {path}").format(path=path)) from None
    except OSError as exc:
        raise StorageFailure(_("The vault could not be read: {error}").format(error=exc.strerror)) from None
    if size == 0:
        raise NotAVault(_("{path} is empty: it is not a vault.").format(path=path))
    if header.startswith(PLAIN_SQLITE_HEADER):
        raise NotAVault(_("{path} is an unencrypted database, not a vault.").format(path=path))
    kind = looks_like(header)
    if kind is not None and size % PAGE_SIZE:
        raise NotAVault(_looks_like_message(kind))
    if size % PAGE_SIZE:
        raise VaultDamaged(
            _(
                "This is not a Waystation vault, or it is a damaged one: its size does not fit. "
                "If it is your vault, open a backup copy."
            )
        )
    return kind


def _looks_like_message(kind: str) -> str:
    return _("This is not a Waystation vault (it looks like {kind}).").format(kind=kind)


class Vault:
    """An open, unlocked vault. Close it (or use it as a context manager) to release the lock."""

    # True for a guest session's vault, which lives in memory only (waystation.helpdesk.guest):
    # it has no file, so nothing may be read from, remembered by or written beside its path.
    in_memory = False

    def __init__(self, path: Path, conn: Connection) -> None:
        self.path = path
        self._conn: Connection | None = conn
        # The desktop app reads from worker threads (packet export); one statement at a time.
        self._lock = threading.RLock()

    # -- opening -----------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path | str,
        passphrase: str,
        *,
        migrations: Sequence[ladder.Migration] = ladder.MIGRATIONS,
    ) -> Vault:
        path = resolved(Path(path))
        kind = _check_file_shape(path)
        try:
            if has_journal(path):
                prove_key_on_first_page(path, passphrase, _raw_connect)
            conn = _raw_connect(path, passphrase, "rw")
            try:
                version = _unlock(conn)
                vault = cls(path, conn)
            except BaseException:
                conn.close()
                raise
        except (WrongPassphrase, VaultDamaged):
            if kind is None:
                raise
            raise NotAVault(_looks_like_message(kind)) from None
        try:
            vault._upgrade(version, passphrase, migrations)
        except BaseException:
            vault.close()
            raise
        from waystation.vault.copies import remove_vault_leftovers

        remove_vault_leftovers(vault)
        return vault

    @classmethod
    def create(
        cls,
        path: Path | str,
        passphrase: str,
        *,
        migrations: Sequence[ladder.Migration] = ladder.MIGRATIONS,
    ) -> Vault:
        """A new vault at ``path``; refuses to touch an existing file."""
        path = resolved(Path(path))
        sql_literal(passphrase)  # validate before anything reaches the disk
        _reserve_new_file(path)
        try:
            conn = _raw_connect(path, passphrase, "rw")
            try:
                conn.execute("PRAGMA locking_mode = EXCLUSIVE")
                conn.execute(f"PRAGMA application_id = {ladder.APPLICATION_ID:d}")
                ladder.apply(conn, 0, migrations)
            except BaseException:
                conn.close()
                raise
        except sqlerrors.DatabaseError as exc:
            path.unlink(missing_ok=True)
            raise sqlerrors.translate(exc) from None
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        return cls(path, conn)

    def _upgrade(self, version: int, passphrase: str, migrations: Sequence[ladder.Migration]) -> None:
        latest = ladder.latest_version(migrations)
        if version > latest:
            raise VaultDamaged(
                _(
                    "This vault was written by a newer version of Waystation (format {found}; this "
                    "version reads up to {supported}). Update Waystation to open it."
                ).format(found=version, supported=latest)
            )
        if version == latest:
            return
        from waystation.vault.copies import backup_before_migration

        backup_before_migration(self, passphrase, version)
        try:
            ladder.apply(self.conn, version, migrations)
        except sqlerrors.DatabaseError as exc:
            raise sqlerrors.translate(exc) from None

    # -- use ---------------------------------------------------------------------------------

    @property
    def conn(self) -> Connection:
        if self._conn is None:
            raise WaystationError(_("The vault is locked."))
        return self._conn

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One atomic write: all of it is saved, or none of it."""
        with self._lock:
            yield from self._transaction(self.conn)

    def _transaction(self, conn: Connection) -> Iterator[Connection]:
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlerrors.DatabaseError as exc:
            raise sqlerrors.translate(exc) from None
        try:
            yield conn
            conn.execute("COMMIT")
        except sqlerrors.DatabaseError as exc:
            _rollback_quietly(conn)
            raise sqlerrors.translate(exc) from None
        except BaseException:
            _rollback_quietly(conn)
            raise

    @contextlib.contextmanager
    def exclusive(self) -> Iterator[Connection]:
        """The connection for a long whole-vault operation (copying, re-encrypting): no other
        thread can read, write or close the vault until it is done."""
        with self._lock:
            yield self.conn

    def read(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        with self._lock:
            try:
                return list(self.conn.execute(sql, params).fetchall())
            except sqlerrors.DatabaseError as exc:
                raise sqlerrors.translate(exc) from None

    def schema_version(self) -> int:
        return int(self.read("PRAGMA user_version")[0][0])

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                conn, self._conn = self._conn, None
                conn.close()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # Repositories are created on demand so that a closed vault cannot be used through them.
    @property
    def profile(self) -> ProfileRepository:
        return ProfileRepository(self)

    @property
    def documents(self) -> DocumentRepository:
        return DocumentRepository(self)

    @property
    def progress(self) -> ProgressRepository:
        return ProgressRepository(self)

    @property
    def settings(self) -> SettingsRepository:
        return SettingsRepository(self)


def _rollback_quietly(conn: Connection) -> None:
    with contextlib.suppress(sqlerrors.DatabaseError):
        conn.execute("ROLLBACK")


def _unlock(conn: Connection) -> int:
    """Prove the key with a read, then claim the file for this process. Returns user_version."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
    except sqlerrors.DatabaseError as exc:
        raise sqlerrors.translate(exc, while_unlocking=True) from None
    try:
        app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if app_id != ladder.APPLICATION_ID:
            raise NotAVault(_("This file is an encrypted database, but not a Waystation vault."))
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        # An empty exclusive transaction takes the lock, which EXCLUSIVE mode then keeps.
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("COMMIT")
    except sqlerrors.DatabaseError as exc:
        raise sqlerrors.translate(exc) from None
    return version


def _reserve_new_file(path: Path) -> None:
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        raise InvalidInput(
            _("{path} already exists; it was left untouched. Choose a new file name.").format(path=path)
        ) from None
    except FileNotFoundError:
        raise InvalidInput(_("The folder {folder} does not exist.").format(folder=path.parent)) from None
    except PermissionError:
        raise StorageFailure(
            _("Cannot create a vault in {folder}: permission denied (read-only folder?).").format(
                folder=path.parent
            )
        ) from None
    except IsADirectoryError:
        raise InvalidInput(_("{path} is a folder.").format(path=path)) from None
    except OSError as exc:
        raise StorageFailure(
            _("Cannot create {path}: {error}").format(path=path, error=exc.strerror)
        ) from None
    os.close(fd)


# Imported at the end: the repositories need the Vault type only for annotations.
from waystation.vault.repositories import (  # noqa: E402
    DocumentRepository,
    ProfileRepository,
    ProgressRepository,
    SettingsRepository,
)
