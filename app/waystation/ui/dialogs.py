"""File dialogs behind a seam, so tests can answer them without a real dialog.

Native dialogs are avoided on purpose: some platforms record the chosen files in a "recent
documents" list, which would leave traces of vault and document names behind."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from waystation.i18n import _

VAULT_FILTER = "Waystation vault (*.vault);;All files (*)"
DOCUMENT_FILTER = "Scans and PDFs (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.webp *.heic);;All files (*)"


class FileDialogs:
    """The real dialogs. Every method returns None when the user cancels."""

    _options = QFileDialog.Option.DontUseNativeDialog

    def open_vault(self, parent: QWidget | None) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(
            parent, _("Open a vault"), "", VAULT_FILTER, options=self._options
        )
        return Path(name) if name else None

    def new_vault(self, parent: QWidget | None) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(
            parent, _("Create a vault"), "", VAULT_FILTER, options=self._options
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(".vault")

    def open_documents(self, parent: QWidget | None) -> list[Path]:
        names, _filter = QFileDialog.getOpenFileNames(
            parent, _("Add documents"), "", DOCUMENT_FILTER, options=self._options
        )
        return [Path(n) for n in names]

    def save_file(self, parent: QWidget | None, title: str, suggested: str, file_filter: str) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(
            parent, title, suggested, file_filter, options=self._options
        )
        return Path(name) if name else None


class ScriptedDialogs(FileDialogs):
    """Answers queued by a test, in order; an empty queue means "cancel"."""

    def __init__(self) -> None:
        self.answers: list[object] = []

    def _next(self) -> object:
        return self.answers.pop(0) if self.answers else None

    def open_vault(self, parent: QWidget | None) -> Path | None:
        return self._next()  # type: ignore[return-value]

    def new_vault(self, parent: QWidget | None) -> Path | None:
        return self._next()  # type: ignore[return-value]

    def open_documents(self, parent: QWidget | None) -> list[Path]:
        answer = self._next()
        return list(answer) if isinstance(answer, list) else []

    def save_file(self, parent: QWidget | None, title: str, suggested: str, file_filter: str) -> Path | None:
        return self._next()  # type: ignore[return-value]
