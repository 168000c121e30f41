"""Whole-vault operations that make a new encrypted file: backups, passphrase changes and the
safety copy taken before a migration; plus the integrity check.

A copy counts only after it was reopened with its passphrase, passed both integrity checks and
held exactly the same rows as the original. Until then it lives under a temporary name beside its
destination, so a failure never leaves a half-written file where a good one is expected, and the
original is never modified.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import secrets
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from waystation.errors import InvalidInput, StorageFailure, VaultDamaged, WaystationError
from waystation.i18n import _
from waystation.vault import sqlerrors
from waystation.vault.connection import Connection, Vault, _raw_connect, _uri
from waystation.vault.migrations import APPLICATION_ID
from waystation.vault.passphrase import normalise


@dataclass(frozen=True)
class CheckReport:
    schema_version: int
    size_bytes: int
    documents: int
    document_bytes: int
    stays: int
    steps_with_progress: int
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def integrity_problems(conn: Connection) -> list[str]:
    """Every problem SQLCipher (page HMACs) and SQLite (structure, foreign keys) can find."""
    try:
        problems = [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
        structure = [str(r[0]) for r in conn.execute("PRAGMA integrity_check").fetchall()]
        if structure != ["ok"]:
            problems += structure
        problems += [f"foreign key: {r}" for r in conn.execute("PRAGMA foreign_key_check").fetchall()]
    except sqlerrors.DatabaseError as exc:
        if sqlerrors.primary_code(exc) in (sqlerrors.SQLITE_CORRUPT, sqlerrors.SQLITE_NOTADB):
            return [str(exc)]
        raise sqlerrors.translate(exc) from None
    return problems


def check(vault: Vault) -> CheckReport:
    problems = integrity_problems(vault.conn)
    counts = (0, 0, 0, 0)
    if not problems:
        try:
            counts = tuple(  # type: ignore[assignment]
                int(vault.read(sql)[0][0])
                for sql in (
                    "SELECT count(*) FROM document",
                    "SELECT coalesce(sum(size), 0) FROM document",
                    "SELECT count(*) FROM stay",
                    "SELECT count(*) FROM step_progress",
                )
            )
        except VaultDamaged as exc:
            problems.append(str(exc))
    return CheckReport(
        schema_version=vault.schema_version(),
        size_bytes=vault.path.stat().st_size,
        documents=counts[0],
        document_bytes=counts[1],
        stays=counts[2],
        steps_with_progress=counts[3],
        problems=tuple(problems),
    )


def content_digest(conn: Connection, schema: str = "main") -> str:
    """A digest of every row of every table, to prove a copy holds exactly the original's data."""
    digest = hashlib.sha256()
    tables = [
        r[0]
        for r in conn.execute(
            f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' ORDER BY name"
        ).fetchall()
    ]
    for table in tables:
        digest.update(table.encode())
        for row in conn.execute(f'SELECT * FROM {schema}."{table}" ORDER BY rowid'):
            digest.update(repr(row).encode())
    for pragma in ("user_version", "application_id"):
        digest.update(repr(conn.execute(f"PRAGMA {schema}.{pragma}").fetchone()).encode())
    return digest.hexdigest()


def _temporary_sibling(target: Path, purpose: str) -> Path:
    return target.with_name(f".{target.name}.{purpose}-{secrets.token_hex(4)}")


# SQLite's own file system on this platform. An attached database otherwise inherits the VFS of
# the connection: the copy of a guest session's in-memory vault would stay in memory too.
_DISK_VFS = "win32" if os.name == "nt" else "unix"


def _export(conn: Connection, destination: Path, passphrase: str) -> None:
    """Write an encrypted copy (with its own fresh salt) of ``conn``'s database to ``destination``."""
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        target = f"{_uri(destination, 'rwc')}&vfs={_DISK_VFS}"
        conn.execute("ATTACH DATABASE ? AS waystation_copy KEY ?", (target, normalise(passphrase)))
        try:
            conn.execute("SELECT sqlcipher_export('waystation_copy')").fetchall()
            conn.execute(f"PRAGMA waystation_copy.user_version = {version:d}")
            conn.execute(f"PRAGMA waystation_copy.application_id = {APPLICATION_ID:d}")
        finally:
            conn.execute("DETACH DATABASE waystation_copy")
    except sqlerrors.DatabaseError as exc:
        raise sqlerrors.translate(exc) from None


def _verify(copy: Path, passphrase: str, expected_digest: str) -> None:
    conn = _raw_connect(copy, passphrase, "rw")
    try:
        problems = integrity_problems(conn)
        if problems or content_digest(conn) != expected_digest:
            raise StorageFailure(_("The copy did not read back identical to the vault; it was discarded."))
    except sqlerrors.DatabaseError as exc:
        raise StorageFailure(
            _("The copy could not be read back ({error}); it was discarded.").format(error=exc)
        ) from None
    finally:
        conn.close()


def _fsync_file_and_folder(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())
    with contextlib.suppress(OSError):  # not every platform can fsync a folder
        fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _verified_copy(
    vault: Vault, target: Path, passphrase: str, purpose: str, current: str | None = None
) -> Path:
    """A verified copy under a temporary name beside ``target``; the caller moves it into place.

    With the vault's ``current`` passphrase the work runs on a snapshot (see ``_snapshot``): the
    vault itself is held only while its bytes are copied, and other threads — the window — go on
    reading it meanwhile. Without it, the copy is made through the vault's own connection, which
    holds the vault for the whole copy."""
    temporary = _temporary_sibling(target, purpose)
    try:
        if current is None:
            with vault.exclusive() as conn:
                expected = content_digest(conn)
                _export(conn, temporary, passphrase)
        else:
            spare = target if target.parent != vault.path.parent else None
            expected = _export_snapshot(vault, current, temporary, passphrase, spare)
        os.chmod(temporary, 0o600)
        _fsync_file_and_folder(temporary)
        _verify(temporary, passphrase, expected)
    except BaseException:
        with contextlib.suppress(OSError):  # a read-only folder refuses even this; keep the first error
            temporary.unlink(missing_ok=True)
        raise
    return temporary


def _snapshot(vault: Vault, spare: Path | None = None) -> Path:
    """The vault's bytes as they are — still encrypted under its key — copied while nothing can
    write. This is the only moment a backup or a passphrase change holds the vault; the long
    part (re-encrypting, verifying) runs on the snapshot's own connection. The snapshot lies
    beside the vault, or beside ``spare`` when the vault's folder is read-only (a backup from a
    locked USB stick): it is as encrypted as the vault."""
    try:
        return _snapshot_beside(vault, vault.path)
    except StorageFailure:
        if spare is None:
            raise
        return _snapshot_beside(vault, spare)


def _snapshot_beside(vault: Vault, neighbour: Path) -> Path:
    snapshot = _temporary_sibling(neighbour, "snapshot")
    try:
        fd = os.open(snapshot, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        with vault.exclusive(), os.fdopen(fd, "wb") as out, vault.path.open("rb") as source:
            while block := source.read(1024 * 1024):
                out.write(block)
    except OSError as exc:
        with contextlib.suppress(OSError):
            snapshot.unlink(missing_ok=True)
        raise StorageFailure(
            _("The vault could not be copied ({error}); nothing was changed.").format(error=exc.strerror)
        ) from None
    except BaseException:
        with contextlib.suppress(OSError):
            snapshot.unlink(missing_ok=True)
        raise
    return snapshot


def _export_snapshot(
    vault: Vault, current: str, destination: Path, passphrase: str, spare: Path | None = None
) -> str:
    """Export a snapshot of the vault to ``destination``; returns the digest of its content."""
    snapshot = _snapshot(vault) if spare is None else _snapshot(vault, spare)
    try:
        conn = _raw_connect(snapshot, current, "ro")
        try:
            expected = content_digest(conn)
            _export(conn, destination, passphrase)
        except sqlerrors.DatabaseError as exc:
            raise sqlerrors.translate(exc, while_unlocking=True) from None
        finally:
            conn.close()
    finally:
        snapshot.unlink(missing_ok=True)
    return expected


def _place_without_overwriting(temporary: Path, target: Path) -> None:
    try:
        os.link(temporary, target)  # atomic, and fails if the target appeared meanwhile
    except FileExistsError:
        temporary.unlink(missing_ok=True)
        raise InvalidInput(_("{path} already exists; it was left untouched.").format(path=target)) from None
    except OSError:
        # Filesystems without hard links (FAT on USB sticks): fall back to a checked rename.
        if target.exists():
            temporary.unlink(missing_ok=True)
            raise InvalidInput(
                _("{path} already exists; it was left untouched.").format(path=target)
            ) from None
        os.replace(temporary, target)
        return
    temporary.unlink()


_LEFTOVER = re.compile(
    r"\.(?P<name>.+)\.(?P<purpose>rekey|backup|premigration|keyproof|snapshot)-[0-9a-f]{8}(-journal|-wal|-shm)?"
)


def remove_leftovers(folder: Path, name: str, purposes: tuple[str, ...]) -> list[Path]:
    """Temporary copies an interrupted operation left in ``folder`` for the file ``name``
    (``.NAME.rekey-1a2b3c4d`` and its journal...). They are ours and hold nothing the vault does
    not (the vault itself was never replaced by a half copy), so they are removed."""
    removed = []
    with contextlib.suppress(OSError):
        for entry in folder.iterdir():
            match = _LEFTOVER.fullmatch(entry.name)
            if match and match["purpose"] in purposes and match["name"].startswith(name) and entry.is_file():
                with contextlib.suppress(OSError):
                    entry.unlink()
                    removed.append(entry)
    return removed


def remove_vault_leftovers(vault: Vault) -> list[Path]:
    """After the vault is open (its key proven, the file ours): what a killed passphrase change,
    upgrade or key check left beside it."""
    return remove_leftovers(
        vault.path.parent, vault.path.name, ("rekey", "premigration", "keyproof", "snapshot")
    )


def backup_target(vault: Vault, destination: Path) -> Path:
    if destination.is_dir():
        return (
            destination
            / f"{vault.path.stem}-backup-{date.today().isoformat()}{vault.path.suffix or '.vault'}"
        )
    return destination


def backup(
    vault: Vault, destination: Path | str, passphrase: str, *, new_passphrase: str | None = None
) -> Path:
    """A verified encrypted copy at ``destination`` (a new file, or a folder to put it in).
    ``passphrase`` is the vault's own: the copy opens with it (with a fresh salt, so a fresh key),
    and it opens the snapshot the copy is made from — unless ``new_passphrase`` is given, which
    then opens the copy instead (a handoff copy re-encrypted for its new owner). A vault in memory
    (a guest session) has no file to snapshot: its copy is made through its own connection."""
    target = backup_target(vault, Path(destination))
    if target.exists():
        raise InvalidInput(_("{path} already exists; it was left untouched.").format(path=target))
    if not target.parent.is_dir():
        raise InvalidInput(_("The folder {folder} does not exist.").format(folder=target.parent))
    remove_leftovers(target.parent, target.name, ("backup", "snapshot"))  # from a backup killed midway
    try:
        copy_passphrase = passphrase if new_passphrase is None else new_passphrase
        current = None if vault.in_memory else passphrase
        temporary = _verified_copy(vault, target, copy_passphrase, "backup", current=current)
        _place_without_overwriting(temporary, target)
    except PermissionError:
        raise StorageFailure(
            _("Cannot write to {folder}: permission denied.").format(folder=target.parent)
        ) from None
    except OSError as exc:
        raise StorageFailure(
            _("The backup could not be written: {error}").format(error=exc.strerror)
        ) from None
    return target


def change_passphrase(vault: Vault, new_passphrase: str, current: str | None = None) -> Vault:
    """Re-encrypt the vault under a new passphrase and return it reopened with that passphrase.

    The new file is written and verified beside the vault, then swapped in with one atomic rename:
    at every moment the path holds either the old vault or the complete new one. With the
    ``current`` passphrase, the re-encryption runs on a snapshot and the vault stays readable until
    the swap; a write made after the snapshot is caught before the swap, and nothing is lost.
    """
    normalise(new_passphrase)
    path = vault.path
    try:
        if current is None:
            with vault.exclusive():
                return _swap_in_new_passphrase(
                    vault, path, _verified_copy(vault, path, new_passphrase, "rekey"), new_passphrase
                )
        temporary = _verified_copy(vault, path, new_passphrase, "rekey", current=current)
    except OSError as exc:  # the folder refused (read-only, full): the vault was not touched
        raise StorageFailure(
            _("The passphrase could not be changed: {error}. The old passphrase still works.").format(
                error=exc.strerror
            )
        ) from None
    with vault.exclusive() as conn:
        if content_digest(conn) != _digest_of(temporary, new_passphrase):
            temporary.unlink(missing_ok=True)  # something was saved meanwhile: copy again, holding it
            return _swap_in_new_passphrase(
                vault, path, _verified_copy(vault, path, new_passphrase, "rekey"), new_passphrase
            )
        return _swap_in_new_passphrase(vault, path, temporary, new_passphrase)


def _digest_of(copy: Path, passphrase: str) -> str:
    conn = _raw_connect(copy, passphrase, "ro")
    try:
        return content_digest(conn)
    finally:
        conn.close()


def _swap_in_new_passphrase(vault: Vault, path: Path, temporary: Path, new_passphrase: str) -> Vault:
    try:
        vault.close()
        os.replace(temporary, path)
        _fsync_file_and_folder(path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise StorageFailure(
            _("The passphrase could not be changed: {error}. The old passphrase still works.").format(
                error=exc.strerror
            )
        ) from None
    return Vault.open(path, new_passphrase)


def backup_before_migration(vault: Vault, passphrase: str, version: int) -> Path:
    """The safety copy taken before a migration: ``<vault>.v<version>.bak`` beside the vault."""
    target = vault.path.with_name(f"{vault.path.name}.v{version}.bak")
    if target.exists():
        return target  # an earlier, interrupted upgrade already saved the pre-migration state
    try:
        temporary = _verified_copy(vault, target, passphrase, "premigration")
        _place_without_overwriting(temporary, target)
    except WaystationError:
        raise
    except OSError as exc:
        raise StorageFailure(
            _(
                "No safety copy could be made before upgrading the vault ({error}); it was not changed."
            ).format(error=exc.strerror)
        ) from None
    return target
