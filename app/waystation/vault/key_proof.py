"""Proving a passphrase without letting SQLite touch a vault that has a hot journal.

After a crash in the middle of a write, a journal waits beside the vault; SQLite rolls it back on
the first read, before it can tell that the key is wrong. Nothing is lost (the rollback restores
the last committed state), but the promise "a wrong passphrase changes nothing" would break. So,
when a journal is there, the key is first tried on a copy of the vault's first page alone (it
stays encrypted: the copy is as unreadable as the vault), and only a key that decrypts it goes on
to the real file.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import tempfile
from pathlib import Path
from typing import Any

from waystation.vault import sqlerrors

PAGE_SIZE = 4096
JOURNAL_SUFFIXES = ("-journal", "-wal")


def has_journal(path: Path) -> bool:
    return any(
        (journal := path.with_name(path.name + suffix)).exists() and journal.stat().st_size > 0
        for suffix in JOURNAL_SUFFIXES
    )


def prove_key_on_first_page(path: Path, passphrase: str, connect: Any) -> None:
    """Raise WrongPassphrase if ``passphrase`` does not decrypt the vault's first page.
    ``connect(path, passphrase, mode)`` is the vault's own keyed-connection function."""
    with path.open("rb") as handle:
        first_page = handle.read(PAGE_SIZE)
    probe = _probe_path(path)
    fd = os.open(probe, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(first_page)
        conn = connect(probe, passphrase, "ro")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
        except sqlerrors.DatabaseError as exc:
            if _is_wrong_key(exc):
                raise sqlerrors.translate(exc, while_unlocking=True) from None
            # Any other complaint (the schema runs past page 1) means page 1 did decrypt.
        finally:
            conn.close()
    finally:
        for leftover in (probe, probe.with_name(probe.name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _probe_path(path: Path) -> Path:
    name = f".{path.name}.keyproof-{secrets.token_hex(4)}"
    if os.access(path.parent, os.W_OK):
        return path.with_name(name)
    return Path(tempfile.gettempdir()) / name


def _is_wrong_key(exc: Exception) -> bool:
    text = str(exc).lower()
    return "not a database" in text or "encrypted" in text
