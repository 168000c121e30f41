"""Unlock limits: after N wrong passphrases in a row, the vault is wiped (off unless the person
turns it on: 5, 10 or 20 attempts).

The count survives restarts and lives in the app's config folder, outside the vault, without
naming it: each vault is keyed by a hash of its real path and its salt (the first 16 bytes of the
file, random for every vault). Deleting the count file resets it; and none of this stops anyone
who copied the vault first — the setting says so.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from waystation.app_settings import SettingsStore, forget_vault
from waystation.errors import WrongPassphrase
from waystation.i18n import _, ngettext

if TYPE_CHECKING:
    from waystation.vault.connection import Vault

COUNTS_FILE = "unlock-failures.json"
SALT_BYTES = 16


class WipedAfterFailures(WrongPassphrase):
    """The last allowed attempt failed: the vault was wiped."""


class FailureCounter:
    def __init__(self, folder: Path) -> None:
        self.path = folder / COUNTS_FILE

    def key(self, vault: Path) -> str | None:
        try:
            with vault.open("rb") as handle:
                salt = handle.read(SALT_BYTES)
        except OSError:
            return None
        real = os.path.realpath(vault).encode("utf-8", "surrogateescape")
        return hashlib.sha256(real + b"\0" + salt).hexdigest()[:32]

    def _load(self) -> dict[str, int]:
        try:
            data = json.loads(self.path.read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict):
            return {}
        return {str(k): int(v) for k, v in data.items() if isinstance(v, int) and v > 0}

    def _save(self, counts: dict[str, int]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(COUNTS_FILE + ".new")
        fd = os.open(temporary, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(counts, handle)
        os.replace(temporary, self.path)

    def count(self, vault: Path) -> int:
        key = self.key(vault)
        return self._load().get(key, 0) if key else 0

    def record_failure(self, vault: Path) -> int:
        key = self.key(vault)
        if key is None:
            return 0
        counts = self._load()
        counts[key] = counts.get(key, 0) + 1
        with contextlib.suppress(OSError):  # a read-only config folder must not stop the unlock
            self._save(counts)
        return counts[key]

    def forget(self, vault: Path, key: str | None = None) -> None:
        key = key or self.key(vault)
        counts = self._load()
        if key and counts.pop(key, None) is not None:
            with contextlib.suppress(OSError):
                self._save(counts)


def open_guarded(
    path: Path,
    passphrase: str,
    *,
    limit: int,
    counter: FailureCounter,
    opener: Callable[[Path, str], Vault] | None = None,
) -> Vault:
    """Open the vault (with ``opener``, by default Vault.open); with a ``limit``, count wrong
    passphrases and wipe at the limit. The app calls this on a worker thread, which is where the
    vault code is imported if the start-up preload has not done it yet."""
    if opener is None:
        from waystation.vault.connection import Vault

        opener = Vault.open
    if not limit:
        return opener(path, passphrase)
    key = counter.key(path)
    try:
        vault = opener(path, passphrase)
    except WrongPassphrase as exc:
        failures = counter.record_failure(path)
        if failures >= limit:
            from waystation.vault.wipe import wipe  # only at the limit (not with the start screen)

            wipe(path)
            counter.forget(path, key)
            forget_vault(path, SettingsStore(counter.path.parent))
            raise WipedAfterFailures(
                ngettext(
                    "Wrong passphrase {n} time in a row: as set in Settings, the vault was wiped.",
                    "Wrong passphrase {n} times in a row: as set in Settings, the vault was wiped.",
                    failures,
                ).format(n=failures)
            ) from None
        left = limit - failures
        raise WrongPassphrase(
            exc.message
            + " "
            + ngettext(
                "{n} attempt left before the vault is wiped.",
                "{n} attempts left before the vault is wiped.",
                left,
            ).format(n=left)
        ) from None
    counter.forget(path, key)
    return vault


def limit_explained() -> str:
    return _(
        "This protects against someone guessing at this computer. It does not stop anyone who "
        "copied the vault file before: they can guess on their own copy."
    )
