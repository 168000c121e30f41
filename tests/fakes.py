"""Fakes the tests (and the screenshot tools) inject through constructors: a clock moved by hand
and file dialogs that answer from a queue. They live here, not in the app, so nothing shipped can
pick them up by mistake."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtWidgets import QWidget

from waystation.files import free_vault_name
from waystation.ui.clock import Clock
from waystation.ui.dialogs import FileDialogs


class FakeClock(Clock):
    """A clock the test moves by hand."""

    def __init__(self, today: date | None = None) -> None:
        self._today = today or date(2026, 11, 22)
        self._seconds = 1000.0

    def today(self) -> date:
        return self._today

    def monotonic(self) -> float:
        return self._seconds

    def advance(self, seconds: float = 0.0, days: int = 0) -> None:
        self._seconds += seconds
        self._today += timedelta(days=days)


class ScriptedDialogs(FileDialogs):
    """Answers queued by a test, in order; an empty queue means "cancel"."""

    def __init__(self) -> None:
        self.answers: list[object] = []
        self.vault_folder: Path | None = None  # where new vaults are suggested; None: no suggestion

    def _next(self) -> object:
        return self.answers.pop(0) if self.answers else None

    def open_vault(self, parent: QWidget | None) -> Path | None:
        return self._next()  # type: ignore[return-value]

    def new_vault(self, parent: QWidget | None) -> Path | None:
        return self._next()  # type: ignore[return-value]

    def suggested_vault(self) -> Path | None:
        return free_vault_name(self.vault_folder) if self.vault_folder else None

    def open_documents(self, parent: QWidget | None) -> list[Path]:
        answer = self._next()
        return list(answer) if isinstance(answer, list) else []

    def open_vaults(self, parent: QWidget | None, title: str) -> list[Path]:
        answer = self._next()
        return list(answer) if isinstance(answer, list) else []

    def save_file(self, parent: QWidget | None, title: str, suggested: str, file_filter: str) -> Path | None:
        return self._next()  # type: ignore[return-value]

    def open_file(self, parent: QWidget | None, title: str, file_filter: str) -> Path | None:
        return self._next()  # type: ignore[return-value]
