"""Errors the user or the world caused. Each carries one clear, translated message and the exit
code the command line returns for it (see PRODUCT.md, "The command line").

Anything that is not a :class:`WaystationError` is a bug.
"""

from __future__ import annotations


class WaystationError(Exception):
    """Base class; exit code 1 means a failure the user cannot fix by changing the input."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InvalidInput(WaystationError):
    """Bad usage or invalid input (a malformed file, a bad date, a missing path)."""

    exit_code = 2


class WrongPassphrase(WaystationError):
    """The passphrase does not open the vault (or the vault's first page is damaged)."""

    exit_code = 3


class VaultDamaged(WaystationError):
    """Not a vault, or a vault whose contents fail the integrity checks."""

    exit_code = 4


class NotAVault(VaultDamaged):
    """The file is plainly something else (an image, a PDF, an unencrypted database): nothing is
    damaged, the person picked the wrong file."""


class VaultInUse(WaystationError):
    """Another process holds the vault open."""

    exit_code = 5


class StorageFailure(WaystationError):
    """The disk refused: full, read-only, removed, or permission denied."""

    exit_code = 1
