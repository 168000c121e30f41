"""Form mappings the person keeps (waystation/forms/mapping.py): one per form, keyed by the
form's fingerprint, stored as their JSON text. They hold no personal data, but which forms a
person fills says something about them, so they stay in the encrypted vault."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from waystation.vault.repositories._dates import from_text, to_text

if TYPE_CHECKING:
    from waystation.vault.connection import Vault


@dataclass(frozen=True)
class StoredMapping:
    fingerprint: str
    title: str
    text: str  # the mapping's JSON
    saved: date


class FormMapRepository:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def all(self) -> list[StoredMapping]:
        rows = self._vault.read(
            "SELECT fingerprint, title, mapping, saved FROM form_mapping ORDER BY title COLLATE NOCASE, fingerprint"
        )
        return [StoredMapping(str(f), str(t), str(m), from_text(str(s)) or date.min) for f, t, m, s in rows]

    def get(self, fingerprint: str) -> StoredMapping | None:
        rows = self._vault.read(
            "SELECT fingerprint, title, mapping, saved FROM form_mapping WHERE fingerprint = ?",
            (fingerprint,),
        )
        if not rows:
            return None
        f, t, m, s = rows[0]
        return StoredMapping(str(f), str(t), str(m), from_text(str(s)) or date.min)

    def save(self, fingerprint: str, title: str, text: str, saved: date) -> None:
        """Keep the mapping for this form, replacing the one kept before (one transaction)."""
        with self._vault.transaction() as conn:
            conn.execute(
                "INSERT INTO form_mapping (fingerprint, title, mapping, saved) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(fingerprint) DO UPDATE SET title = excluded.title, "
                "mapping = excluded.mapping, saved = excluded.saved",
                (fingerprint, title, text, to_text(saved)),
            )

    def save_all(self, mappings: list[StoredMapping]) -> None:
        """Several at once: all of them are kept, or none."""
        with self._vault.transaction() as conn:
            for item in mappings:
                conn.execute(
                    "INSERT INTO form_mapping (fingerprint, title, mapping, saved) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT(fingerprint) DO UPDATE SET title = excluded.title, "
                    "mapping = excluded.mapping, saved = excluded.saved",
                    (item.fingerprint, item.title, item.text, to_text(item.saved)),
                )

    def delete(self, fingerprint: str) -> bool:
        with self._vault.transaction() as conn:
            cursor = conn.execute("DELETE FROM form_mapping WHERE fingerprint = ?", (fingerprint,))
            return bool(cursor.rowcount)
