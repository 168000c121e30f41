"""Passphrases: normalised the same way on every machine, and quoted safely for SQLCipher.

NFC normalisation matters because the same passphrase typed on macOS (often NFD) and on Linux or
Windows (NFC) would otherwise produce different keys and lock the person out of their vault.
"""

from __future__ import annotations

import unicodedata

from waystation.errors import InvalidInput
from waystation.i18n import _


def normalise(passphrase: str) -> str:
    """The NFC form of ``passphrase``; refuses empty passphrases and NUL characters."""
    if not isinstance(passphrase, str) or passphrase == "":
        raise InvalidInput(_("The passphrase is empty."))
    if "\x00" in passphrase:
        raise InvalidInput(_("The passphrase contains a NUL character, which cannot be used."))
    return unicodedata.normalize("NFC", passphrase)


def sql_literal(passphrase: str) -> str:
    """The normalised passphrase as an SQL string literal for ``PRAGMA key`` / ``ATTACH ... KEY``."""
    return "'" + normalise(passphrase).replace("'", "''") + "'"
