"""Per-vault settings (not personal data, but they belong to the person, so they stay encrypted)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from waystation.vault.connection import Vault


class SettingsRepository:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def get(self, key: str, default: str | None = None) -> str | None:
        rows = self._vault.read("SELECT value FROM setting WHERE key = ?", (key,))
        return str(rows[0][0]) if rows else default

    def set(self, key: str, value: str) -> None:
        with self._vault.transaction() as conn:
            conn.execute(
                "INSERT INTO setting (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
