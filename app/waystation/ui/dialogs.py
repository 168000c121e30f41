"""File dialogs behind a seam, so tests can answer them without a real dialog.

Native dialogs are avoided on purpose: some platforms record the chosen files in a "recent
documents" list, which would leave traces of vault and document names behind."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from waystation.files import free_vault_name
from waystation.i18n import _

if TYPE_CHECKING:
    from PySide6.QtWidgets import QFileDialog, QWidget

# Qt's dialog classes are imported when a dialog is asked for: every screen holds a FileDialogs,
# and building QFileDialog's, QDir's and QStandardPaths' Python types (their enums) costs ~2 ms
# that the first frame need not wait for.

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
    """The real dialogs. Every method returns None (or []) when the user cancels.

    Qt's own (non-native) file dialog remembers where it was — its history and last folder — in
    ``QtProject.conf`` when it is destroyed. That would put a vault's folder name on disk outside
    the vault, so each dialog is made here, and before it goes its history is emptied and its
    folder set back to the home folder."""

    def _ask(
        self,
        parent: QWidget | None,
        title: str,
        file_filter: str,
        *,
        several: bool = False,
        saving: bool = False,
        suggested: str = "",
        folder: str = "",
    ) -> list[str]:
        """Existing files (one, or ``several``), or a name to save to (``saving``)."""
        from PySide6.QtWidgets import QDialog, QFileDialog

        dialog = QFileDialog(parent, title, folder, file_filter)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        if saving:
            dialog.setFileMode(QFileDialog.FileMode.AnyFile)
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        else:
            dialog.setFileMode(
                QFileDialog.FileMode.ExistingFiles if several else QFileDialog.FileMode.ExistingFile
            )
        if suggested:
            dialog.selectFile(suggested)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return list(dialog.selectedFiles()) if accepted else []
        finally:
            forget_where_it_was(dialog)
            dialog.deleteLater()

    def open_vault(self, parent: QWidget | None) -> Path | None:
        names = self._ask(
            parent,
            _("Open a vault"),
            vault_filter(),
            folder=vault_folder(),
        )
        return Path(names[0]) if names else None

    def new_vault(self, parent: QWidget | None) -> Path | None:
        names = self._ask(
            parent,
            _("Create a vault"),
            vault_filter(),
            saving=True,
            folder=vault_folder(),
        )
        if not names:
            return None
        path = Path(names[0])
        return path if path.suffix else path.with_suffix(".vault")

    def suggested_vault(self) -> Path | None:
        """Where a new vault goes unless the person chooses: a free name in the portable copy's
        vaults folder, else in their Documents folder (else home). Never an existing file."""
        from PySide6.QtCore import QStandardPaths

        folder = Path(
            vault_folder()
            or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        )
        if not folder.is_dir():
            folder = Path.home()
        return free_vault_name(folder) if folder.is_dir() else None

    def open_documents(self, parent: QWidget | None) -> list[Path]:
        names = self._ask(parent, _("Add documents"), document_filter(), several=True)
        return [Path(n) for n in names]

    def open_vaults(self, parent: QWidget | None, title: str) -> list[Path]:
        """Several vault files (a help desk packing a family's vaults into one bundle)."""
        names = self._ask(parent, title, vault_filter(), several=True, folder=vault_folder())
        return [Path(n) for n in names]

    def save_file(self, parent: QWidget | None, title: str, suggested: str, file_filter: str) -> Path | None:
        names = self._ask(parent, title, file_filter, saving=True, suggested=suggested)
        return Path(names[0]) if names else None

    def open_file(self, parent: QWidget | None, title: str, file_filter: str) -> Path | None:
        """One existing file (a guide update, a key)."""
        names = self._ask(parent, title, file_filter)
        return Path(names[0]) if names else None


def vault_folder() -> str:
    """Where the vault dialogs start: data/vaults in a portable copy, else Qt's own choice."""
    from waystation.portable import current

    vaults = current().vaults
    return str(vaults) if vaults is not None and vaults.is_dir() else ""


def forget_where_it_was(dialog: QFileDialog) -> None:
    """What Qt writes to QtProject.conf when the dialog is destroyed: nothing of where it was."""
    from PySide6.QtCore import QDir

    dialog.setHistory([])
    dialog.setDirectory(QDir.homePath())
