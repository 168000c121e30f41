"""The question before a guest session is lost — when the window closes or the session ends:
save it into a vault, lose it, or go back. Said plainly: otherwise everything is gone."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from waystation.i18n import _

SAVE = "save"
LOSE = "lose"
BACK = "back"


class GuestLeavingDialog(QMessageBox):
    """Emits ``chosen(SAVE | LOSE | BACK)``. ``closing``: the app is closing (else the session
    ends); ``can_save``: the session is open (a locked one must be unlocked first)."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None, *, closing: bool, can_save: bool) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        if closing:
            self.setWindowTitle(_("Close Waystation?"))
            self.setText(
                _(
                    "This guest session is kept nowhere. When Waystation closes, everything in it — the "
                    "profile, the documents, the packets — is gone for good."
                )
            )
        else:
            self.setWindowTitle(_("End the guest session?"))
            self.setText(
                _(
                    "This guest session is kept nowhere. When it ends, everything in it — the profile, "
                    "the documents, the packets — is gone for good."
                )
            )
        if can_save:
            self.setInformativeText(
                _("To keep it, save it into a vault first, for example on your USB stick.")
            )
        else:
            self.setInformativeText(
                _("To keep it, go back, unlock the session with its passphrase and save it into a vault.")
            )
        self.save_button: QPushButton | None = None
        if can_save:
            self.save_button = self.addButton(_("Save into a vault…"), QMessageBox.ButtonRole.AcceptRole)
        lose_words = _("Close and lose everything") if closing else _("End and lose everything")
        self.lose_button = self.addButton(lose_words, QMessageBox.ButtonRole.DestructiveRole)
        self.back_button = self.addButton(_("Go back"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.save_button or self.back_button)
        self.setEscapeButton(self.back_button)
        self.buttonClicked.connect(self._clicked)

    def _clicked(self, button: object) -> None:
        if button is self.save_button:
            self.chosen.emit(SAVE)
        elif button is self.lose_button:
            self.chosen.emit(LOSE)
        else:
            self.chosen.emit(BACK)
