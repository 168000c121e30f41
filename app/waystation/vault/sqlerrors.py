"""Turning SQLite/SQLCipher failures into the typed errors the user sees."""

from __future__ import annotations

import sqlcipher3

from waystation.errors import (
    StorageFailure,
    VaultDamaged,
    VaultInUse,
    WaystationError,
    WrongPassphrase,
)
from waystation.i18n import _

SQLITE_ERROR = 1
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26

DatabaseError = sqlcipher3.dbapi2.DatabaseError


def primary_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def wrong_passphrase() -> WrongPassphrase:
    return WrongPassphrase(_("Wrong passphrase, or the vault is damaged."))


def damaged(detail: str = "") -> VaultDamaged:
    message = _("The vault is damaged and cannot be read safely.")
    return VaultDamaged(f"{message} ({detail})" if detail else message)


def in_use() -> VaultInUse:
    return VaultInUse(_("The vault is open in another window or program. Close it there first."))


def translate(exc: BaseException, *, while_unlocking: bool = False) -> WaystationError:
    """A typed error for an SQLite failure. ``while_unlocking``: the key was not yet proven, so
    "not a database" means a wrong passphrase rather than damage."""
    code = primary_code(exc)
    if code in (None, SQLITE_ERROR):  # a generic code (sqlcipher_export reports one): read the words
        code = _code_from_text(str(exc).lower()) or code
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return in_use()
    if code == SQLITE_NOTADB:
        return wrong_passphrase() if while_unlocking else damaged()
    if code == SQLITE_CORRUPT:
        return damaged()
    if code == SQLITE_FULL:
        return StorageFailure(_("The disk is full. Nothing was saved; free some space and try again."))
    if code == SQLITE_READONLY:
        return StorageFailure(_("The vault or its folder is read-only. Nothing was saved."))
    if code in (SQLITE_IOERR, SQLITE_CANTOPEN):
        return StorageFailure(_("The vault could not be read or written (the disk or its folder refused)."))
    text = str(exc).lower()
    if "hmac" in text or "malformed" in text:
        return damaged()
    raise exc


_TEXT_CODES = (
    ("database is locked", SQLITE_BUSY),
    ("database or disk is full", SQLITE_FULL),
    ("readonly database", SQLITE_READONLY),
    ("disk i/o error", SQLITE_IOERR),
    ("unable to open database", SQLITE_CANTOPEN),
    ("file is not a database", SQLITE_NOTADB),
)


def _code_from_text(text: str) -> int | None:
    """Some builds raise without ``sqlite_errorcode``: the message names the failure instead."""
    return next((code for words, code in _TEXT_CODES if words in text), None)
