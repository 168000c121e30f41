""" "Save a copy for yourself" (and, in a guest session, "Save all this into a vault").

The person types the vault's passphrase again (Waystation keeps none), may choose a new one for
the copy (typed twice, as strong as a vault's), then picks where the copy goes — their USB stick,
say. The passphrase is checked, and the copy written, reopened, integrity-checked and compared
with the vault on a worker thread (``helpdesk.handoff``); only then does the dialog say it is
done, and where. The fields are wiped whatever the outcome."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from waystation.helpdesk import handoff
from waystation.i18n import _
from waystation.ui.background import BackgroundTask
from waystation.ui.dialogs import FileDialogs, vault_filter
from waystation.ui.pages.base import plain_label
from waystation.ui.session import Session
from waystation.ui.start_create import MIN_CREATE_SCORE
from waystation.ui.widgets.fields import show_text
from waystation.ui.widgets.passphrase import PassphraseField, StrengthMeter


class HandoffDialog(QDialog):
    """Emits ``saved(path)`` once the verified copy is in place."""

    saved = Signal(object)

    def __init__(self, session: Session, dialogs: FileDialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.session = session
        self.dialogs = dialogs
        self.guest = session.is_guest
        self.task = BackgroundTask(self)
        self.intro = plain_label("", self, wrap=True)
        self.current = PassphraseField(self)
        self.use_new = QCheckBox(self)
        self.new = PassphraseField(self)
        self.meter = StrengthMeter(self)
        self.repeat = PassphraseField(self)
        self.message = plain_label("", self, wrap=True)
        self.message.setObjectName("message")
        self.done_words = plain_label("", self, wrap=True)
        self.done_words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self)
        self.save_button.setDefault(True)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.labels = [plain_label("", self) for _i in range(3)]
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.labels[0], self.current)
        form.addRow(self.use_new)
        form.addRow(self.labels[1], self.new)
        form.addRow("", self.meter)
        form.addRow(self.labels[2], self.repeat)
        for label, field in zip(self.labels, (self.current, self.new, self.repeat), strict=True):
            label.setBuddy(field)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.busy)
        layout.addWidget(self.done_words)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(540)
        self.new.textChanged.connect(self.meter.assess)
        self.use_new.toggled.connect(self._show_new)
        show_text(self.message, "")
        show_text(self.done_words, "")
        self.retranslate()
        self._show_new(False)

    # -- asking ------------------------------------------------------------------------------

    def _show_new(self, on: bool) -> None:
        for widget in (self.new, self.meter, self.repeat, self.labels[1], self.labels[2]):
            widget.setVisible(on)
        self.adjustSize()

    def problem(self) -> str | None:
        if not self.current.text():
            if self.guest:
                return _("Type the passphrase of this guest session.")
            return _("Type the vault's passphrase.")
        if self.use_new.isChecked():
            if self.meter.score < MIN_CREATE_SCORE:
                return _("This passphrase is too easy to guess. Use four or more unrelated words.")
            if self.new.text() != self.repeat.text():
                return _("The two new passphrases differ.")
        return None

    def submit(self) -> None:
        if self.task.running:
            return
        if not self.session.is_open:
            self.reject()
            return
        problem = self.problem()
        if problem:
            show_text(self.message, problem)
            return
        vault = self.session.vault
        current = self.current.text()
        new = self.new.text() if self.use_new.isChecked() else None
        self._set_busy(True)
        self.task.start(
            lambda: handoff.opens(vault, current),
            lambda right: self._checked(bool(right), current, new),
            self._failed,
        )

    def _checked(self, right: bool, current: str, new: str | None) -> None:
        self._set_busy(False)
        if not right:
            show_text(self.message, _("That is not the passphrase of this vault."))
            self.current.wipe()
            self.current.setFocus()
            return
        suggested = f"my-vault-{date.today().isoformat()}.vault"
        chosen = self.dialogs.save_file(self, self.windowTitle(), suggested, vault_filter())
        if chosen is None or not self.session.is_open:
            return
        vault = self.session.vault
        self._set_busy(True)
        self.task.start(lambda: handoff.save_copy(vault, chosen, current, new), self._saved, self._failed)

    def _saved(self, written: object) -> None:
        self._set_busy(False)
        assert isinstance(written, Path)
        key = (
            _("It opens with the new passphrase you chose.")
            if self.use_new.isChecked()
            else _("It opens with the same passphrase.")
        )
        show_text(self.message, "")
        show_text(
            self.done_words,
            _(
                "Saved and checked: {path}. The copy was read back, its integrity checked and every "
                "record compared with the vault."
            ).format(path=written)
            + " "
            + key,
        )
        self._wipe_fields()
        for widget in (self.current, self.use_new, self.save_button):
            widget.setEnabled(False)
        self.close_button.setText(_("Close"))
        self.saved.emit(written)

    def _failed(self, problem: str) -> None:
        self._set_busy(False)
        show_text(self.message, problem)

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for widget in (self.current, self.use_new, self.new, self.repeat, self.save_button):
            widget.setEnabled(not busy)

    def _wipe_fields(self) -> None:
        for field in (self.current, self.new, self.repeat):
            field.wipe()

    def done(self, result: int) -> None:
        self._wipe_fields()
        super().done(result)

    # -- words -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        if self.guest:
            self.setWindowTitle(_("Save all this into a vault"))
            self.intro.setText(
                _(
                    "Everything in this guest session becomes a real encrypted vault file wherever you "
                    "choose — your USB stick, for example. It is checked after it is written. It opens "
                    "with the session's passphrase, or with a new one you choose here."
                )
            )
            self.labels[0].setText(_("Passphrase of this session"))
        else:
            self.setWindowTitle(_("Save a copy for yourself"))
            self.intro.setText(
                _(
                    "A complete encrypted copy of this vault, to take with you — on your USB stick, for "
                    "example. It is checked after it is written. It opens with the same passphrase, or "
                    "with a new one you choose here for the copy."
                )
            )
            self.labels[0].setText(_("Passphrase of this vault"))
        self.current.setAccessibleName(self.labels[0].text())
        self.use_new.setText(_("Use a new passphrase for the copy"))
        self.labels[1].setText(_("New passphrase"))
        self.labels[2].setText(_("Repeat it"))
        self.new.setAccessibleName(_("New passphrase for the copy"))
        self.repeat.setAccessibleName(_("Repeat the new passphrase"))
        self.save_button.setText(_("Choose where to save…"))
        self.busy.setAccessibleName(_("Writing and checking the copy"))
        self.meter.retranslate()
