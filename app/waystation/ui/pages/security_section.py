"""Settings: security. How long a copied value stays on the clipboard, whether wrong passphrases
wipe the vault after a limit (off unless chosen, with plain words on what it does not stop), and
the quick wipe of the open vault."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtWidgets import QComboBox, QFormLayout, QPushButton, QVBoxLayout, QWidget

from waystation.app_settings import CLIPBOARD_CHOICES, WIPE_AFTER_CHOICES, forget_vault
from waystation.i18n import _, ngettext
from waystation.ui.background import BackgroundTask
from waystation.ui.icons import icon
from waystation.ui.pages.base import plain_label
from waystation.ui.pages.wipe_dialog import WipeDialog
from waystation.ui.session import Session
from waystation.ui.widgets.fields import hint_label, show_text
from waystation.unlock_guard import limit_explained
from waystation.vault.wipe import WipeReport, wipe


class SecuritySection(QWidget):
    """The wipe is announced through the session (``Session.wiped``): the start screen says so
    and forgets the vault."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.task = BackgroundTask(self)
        self.heading = plain_label("", self)
        self.heading.setObjectName("subheading")
        self.clipboard = QComboBox(self)
        self.limit = QComboBox(self)
        self.limit_hint = hint_label("", self)
        self.wipe_button = QPushButton(icon("delete"), "", self)
        self.wipe_hint = hint_label("", self)
        self.message = plain_label("", self, wrap=True)
        self.message.setObjectName("message")
        show_text(self.message, "")
        self.wipe_dialog: WipeDialog | None = None
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.clipboard_label = plain_label("", self)
        self.limit_label = plain_label("", self)
        self.clipboard_label.setBuddy(self.clipboard)
        self.limit_label.setBuddy(self.limit)
        form.addRow(self.clipboard_label, self.clipboard)
        form.addRow(self.limit_label, self.limit)
        form.addRow(self.limit_hint)
        form.addRow(self.wipe_button)
        form.addRow(self.wipe_hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 14, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.message)
        self.clipboard.currentIndexChanged.connect(lambda _i: self._save_choice())
        self.limit.currentIndexChanged.connect(lambda _i: self._save_choice())
        self.wipe_button.clicked.connect(self.ask_to_wipe)
        self.retranslate()

    # -- settings ----------------------------------------------------------------------------

    def show_settings(self) -> None:
        settings = self.session.app_settings
        for combo, value in (
            (self.clipboard, settings.clipboard_seconds),
            (self.limit, settings.wipe_after_failures),
        ):
            blocked = combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(blocked)

    def _save_choice(self) -> None:
        changed = dataclasses.replace(
            self.session.app_settings,
            clipboard_seconds=int(self.clipboard.currentData()),
            wipe_after_failures=int(self.limit.currentData()),
        )
        try:
            self.session.save_settings(changed)
        except OSError as exc:
            show_text(
                self.message,
                _("The settings could not be saved: {error}").format(error=exc.strerror or str(exc)),
            )
            return
        show_text(self.message, "")

    # -- wiping ------------------------------------------------------------------------------

    def ask_to_wipe(self) -> None:
        if not self.session.is_open:
            return
        self.wipe_dialog = WipeDialog(self.session.vault.path, self)
        self.wipe_dialog.confirmed.connect(self._wipe)
        self.wipe_dialog.open()

    def _wipe(self, path: Path) -> None:
        self.session.lock()  # the vault closes first: nothing can write to it any more
        self.task.start(lambda: wipe(path), self._wiped, self._wipe_failed)

    def _wiped(self, report: WipeReport) -> None:
        forget_vault(report.vault, self.session.store)
        self.session.app_settings = self.session.store.load()
        self.session.wiped.emit(report.vault)

    def _wipe_failed(self, problem: str) -> None:
        self.session.wipe_failed.emit(problem)

    # -- words ---------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(_("Security"))
        self.clipboard_label.setText(_("Copied values leave the clipboard after"))
        self.limit_label.setText(_("Wipe the vault after wrong passphrases"))
        for combo, choices, name in (
            (self.clipboard, CLIPBOARD_CHOICES, self._seconds),
            (self.limit, WIPE_AFTER_CHOICES, self._attempts),
        ):
            blocked = combo.blockSignals(True)
            combo.clear()
            for value in choices:
                combo.addItem(name(value), value)
            combo.blockSignals(blocked)
        self.limit_hint.setText(
            _(
                "Off unless you choose a number. After that many wrong passphrases in a row, the vault is wiped."
            )
            + " "
            + limit_explained()
        )
        self.wipe_button.setText(_("Wipe this vault…"))
        self.wipe_hint.setText(
            _(
                "Overwrites and deletes the open vault after a confirmation and a short countdown you can stop."
            )
        )
        self.show_settings()

    @staticmethod
    def _seconds(value: int) -> str:
        return ngettext("{n} second", "{n} seconds", value).format(n=value)

    @staticmethod
    def _attempts(value: int) -> str:
        if value == 0:
            return _("Never (off)")
        return ngettext("{n} wrong passphrase", "{n} wrong passphrases", value).format(n=value)
