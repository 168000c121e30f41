"""Handoff: "Save a copy for yourself" — the client leaves the desk with their vault.

The copy is the vault's verified backup (``vault/copies.py``): written under a temporary name
beside the target, reopened with its passphrase, integrity-checked (page HMACs, structure,
foreign keys) and compared row by row with the vault before it is moved into place — never over
an existing file. SQLCipher gives it a fresh random salt, so its key and every byte differ from
the vault's; that is checked too. The copy can be re-encrypted under a new passphrase for its
new owner. A guest session's vault (in memory) is saved the same way: "save all this into a
vault" writes a real encrypted vault file wherever the person chooses.
"""

from __future__ import annotations

from pathlib import Path

from waystation.errors import InvalidInput, StorageFailure
from waystation.i18n import _
from waystation.vault import copies
from waystation.vault.connection import Vault
from waystation.vault.passphrase import normalise
from waystation.vault.passphrase_check import SALT_BYTES, passphrase_opens

SUFFIX = ".vault"


def opens(vault: Vault, passphrase: str) -> bool:
    """Whether ``passphrase`` is the open vault's (asked again: Waystation keeps none)."""
    if vault.in_memory:
        from waystation.helpdesk.guest import GuestVault

        return isinstance(vault, GuestVault) and vault.image.opens_with(passphrase)
    try:
        return passphrase_opens(vault.path, passphrase)
    except OSError as exc:
        raise StorageFailure(
            _("The vault could not be read: {error}").format(error=exc.strerror or exc)
        ) from None


def copy_target(chosen: Path) -> Path:
    """The file a chosen name means: ``.vault`` added when the name has no suffix."""
    return chosen if chosen.suffix else chosen.with_name(chosen.name + SUFFIX)


def save_copy(vault: Vault, chosen: Path, passphrase: str, new_passphrase: str | None = None) -> Path:
    """A verified encrypted copy of ``vault`` at ``chosen`` (a new file). ``passphrase`` is the
    vault's; the copy opens with ``new_passphrase`` when given, else with the same one."""
    if new_passphrase is not None:
        normalise(new_passphrase)
    target = copy_target(chosen)
    if not vault.in_memory and target.resolve() == vault.path.resolve():
        raise InvalidInput(_("{path} is the vault itself; choose another file.").format(path=target))
    written = copies.backup(vault, target, passphrase, new_passphrase=new_passphrase)
    if not vault.in_memory and _salt(written) == _salt(vault.path):
        written.unlink(missing_ok=True)
        raise StorageFailure(_("The copy did not get a fresh key; it was discarded."))
    return written


def _salt(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(SALT_BYTES)
