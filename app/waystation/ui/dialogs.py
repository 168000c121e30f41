"""File dialogs behind a seam, so tests can answer them without a real dialog.

Native dialogs are avoided on purpose: some platforms record the chosen files in a "recent
documents" list, which would leave traces of vault and document names behind."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from waystation.i18n import _

VAULT_PATTERNS = "*.vault"
DOCUMENT_PATTERNS = "*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.webp *.heic"


def file_filter(*names: str) -> str:
    """Qt's filter string from lines like "Waystation vaults (*.vault)"; "All files" comes last."""
    return ";;".join([*names, all_files_filter()])


def all_files_filter() -> str:
    return _("All files (*)")


def vault_filter() -> str:
    return file_filter(_("Waystation vaults ({patterns})").format(patterns=VAULT_PATTERNS))


def document_filter() -> str:
    return file_filter(_("Scans and PDFs ({patterns})").format(patterns=DOCUMENT_PATTERNS))


def pdf_filter() -> str:
    return _("PDF documents ({patterns})").format(patterns="*.pdf")


def calendar_filter() -> str:
    return _("Calendar files ({patterns})").format(patterns="*.ics")


class FileDialogs:
    """The real dialogs. Every method returns None when the user cancels."""

    _options = QFileDialog.Option.DontUseNativeDialog

    def open_vault(self, parent: QWidget | None) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(
            parent, _("Open a vault"), "", vault_filter(), options=self._options
        )
        return Path(name) if name else None

    def new_vault(self, parent: QWidget | None) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(
            parent, _("Create a vault"), "", vault_filter(), options=self._options
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(".vault")

    def open_documents(self, parent: QWidget | None) -> list[Path]:
        names, _filter = QFileDialog.getOpenFileNames(
            parent, _("Add documents"), "", document_filter(), options=self._options
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
