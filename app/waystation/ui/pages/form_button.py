"""The Packets screen's way in: a "Fill an official form…" button that opens the form dialog
(form_fill_dialog.py) over the window. It retranslates itself."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QPushButton, QWidget

from waystation.i18n import _
from waystation.ui.dialogs import FileDialogs
from waystation.ui.session import Session


class FillFormButton(QPushButton):
    def __init__(self, session: Session, dialogs: FileDialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.dialogs = dialogs
        self.dialog: QWidget | None = None
        self.clicked.connect(self.open_dialog)
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(_("Fill an official &form…"))
        self.setAccessibleDescription(
            _("Fill a fillable PDF form from an office with the details in your vault")
        )

    def open_dialog(self) -> None:
        if not self.session.is_open:
            return
        from waystation.ui.pages.form_fill_dialog import FormFillDialog  # loaded when first used

        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        dialog = FormFillDialog(self.session, self.dialogs, self.window())
        self.dialog = dialog
        dialog.finished.connect(lambda _code: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: QWidget) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
