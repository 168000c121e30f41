"""Quick wipe from the app: a confirmation no stray key can give (a word to type, and a button that
Enter does not press), then a few seconds' countdown that can still be cancelled, then the vault is
locked, overwritten and deleted with the copies beside it (waystation.vault.wipe) on a worker.

The wording never promises "unrecoverable": on SSDs and USB sticks old blocks may survive, and
copies made elsewhere are out of reach — the dialog says so."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from waystation.i18n import _, ngettext
from waystation.ui.pages.base import plain_label
from waystation.ui.widgets.fields import hint_label

COUNTDOWN_SECONDS = 5


def confirmation_word() -> str:
    # Translators: the word a person types, in capitals, to confirm wiping their vault.
    return _("WIPE")


class WipeDialog(QDialog):
    """Emits ``confirmed`` with the vault's path once the countdown ran out uncancelled."""

    confirmed = Signal(object)

    def __init__(self, vault: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.remaining = COUNTDOWN_SECONDS
        self.setWindowTitle(_("Wipe this vault"))
        self.explain = plain_label(
            _(
                "This locks the vault, overwrites the file {name} once with random bytes and deletes "
                "it, with the safety copies Waystation made beside it. Nobody can open it afterwards "
                "with any passphrase."
            ).format(name=vault.name),
            self,
            wrap=True,
        )
        self.limits = hint_label(
            _(
                "What a wipe cannot do: backups and copies elsewhere (a USB stick, cloud folders) "
                "are not touched, and on SSDs and USB sticks the storage itself may keep old blocks "
                "for a while. It cannot be undone."
            ),
            self,
        )
        self.ask = plain_label(
            _("To confirm, type {word} below.").format(word=confirmation_word()), self, wrap=True
        )
        self.word = QLineEdit(self)
        self.word.setAccessibleName(_("Confirmation word"))
        self.countdown = plain_label("", self, wrap=True)
        self.countdown.setObjectName("warning")
        self.countdown.hide()
        self.wipe_button = QPushButton(_("Wipe the vault"), self)
        self.wipe_button.setAutoDefault(False)  # Enter must never wipe
        self.wipe_button.setDefault(False)
        self.wipe_button.setEnabled(False)
        self.cancel_button = QPushButton(_("Cancel"), self)
        self.cancel_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.wipe_button)
        layout = QVBoxLayout(self)
        for widget in (self.explain, self.limits, self.ask, self.word, self.countdown):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)
        self.word.textChanged.connect(self._typed)
        self.word.returnPressed.connect(lambda: None)  # swallow Enter in the field
        self.wipe_button.clicked.connect(self.start_countdown)
        self.cancel_button.clicked.connect(self.reject)
        self.resize(520, 320)

    def _typed(self, text: str) -> None:
        self.wipe_button.setEnabled(text.strip() == confirmation_word() and not self.timer.isActive())

    def start_countdown(self) -> None:
        if self.word.text().strip() != confirmation_word():
            return
        self.remaining = COUNTDOWN_SECONDS
        self.word.setEnabled(False)
        self.wipe_button.setEnabled(False)
        self.cancel_button.setText(_("Stop, do not wipe"))
        self.cancel_button.setFocus()
        self.countdown.show()
        self._show_remaining()
        self.timer.start()

    def _tick(self) -> None:
        self.remaining -= 1
        if self.remaining > 0:
            self._show_remaining()
            return
        self.timer.stop()
        self.accept()
        self.confirmed.emit(self.vault)

    def _show_remaining(self) -> None:
        self.countdown.setText(
            ngettext(
                "Wiping in {n} second… Press Escape or Stop to keep the vault.",
                "Wiping in {n} seconds… Press Escape or Stop to keep the vault.",
                self.remaining,
            ).format(n=self.remaining)
        )

    def reject(self) -> None:
        self.timer.stop()
        super().reject()
