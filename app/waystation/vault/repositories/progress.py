"""Checklist progress: a state per step, the date it was reached, and a private note."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from waystation.errors import InvalidInput
from waystation.i18n import _
from waystation.vault.legacy_text import readable
from waystation.vault.models import STEP_STATES, StepProgress
from waystation.vault.repositories._dates import from_text, to_text

if TYPE_CHECKING:
    from waystation.vault.connection import Vault


class ProgressRepository:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def all(self) -> dict[str, StepProgress]:
        rows = self._vault.read("SELECT step_id, state, on_date, note FROM step_progress ORDER BY step_id")
        return {r[0]: StepProgress(step_id=r[0], state=r[1], on=from_text(r[2]), note=r[3]) for r in rows}

    def get(self, step_id: str) -> StepProgress | None:
        return self.all().get(step_id)

    def set(self, step_id: str, state: str, on: date | None = None, note: str | None = None) -> StepProgress:
        """Record a state; keeps the existing note unless a new one is given."""
        if state not in STEP_STATES:
            raise InvalidInput(
                _("Unknown state {state!r}; use one of: {states}.").format(
                    state=state, states=", ".join(STEP_STATES)
                )
            )
        note = readable(note) if note is not None else None  # bytes from a legacy terminal
        with self._vault.transaction() as conn:
            row = conn.execute("SELECT note FROM step_progress WHERE step_id = ?", (step_id,)).fetchone()
            kept_note = note if note is not None else (row[0] if row else "")
            conn.execute(
                "INSERT INTO step_progress (step_id, state, on_date, note) VALUES (?,?,?,?) "
                "ON CONFLICT(step_id) DO UPDATE SET state=excluded.state, on_date=excluded.on_date, "
                "note=excluded.note",
                (step_id, state, to_text(on), kept_note),
            )
        return StepProgress(step_id=step_id, state=state, on=on, note=kept_note)  # type: ignore[arg-type]
