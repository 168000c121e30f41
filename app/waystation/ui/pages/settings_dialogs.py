"""The two questions the settings screen asks before touching the vault file: the passphrases for
a passphrase change, and the passphrase again for a backup. The current passphrase is kept nowhere,
so both ask for it; the fields are wiped whatever the outcome."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QPushButton, QVBoxLayout, QWidget

from waystation.i18n import _
from waystation.ui.pages.base import plain_label
from waystation.ui.start_screen import MIN_CREATE_SCORE
from waystation.ui.widgets.fields import show_text
from waystation.ui.widgets.passphrase import PassphraseField, StrengthMeter


class _PassphraseDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.intro = plain_label("", self, wrap=True)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.message = plain_label("", self, wrap=True)
        self.message.setObjectName("message")
        self.message.hide()
        self.buttons = QDialogButtonBox(self)
        self.ok_button = QPushButton(self)
        self.ok_button.setDefault(True)
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def fields(self) -> list[PassphraseField]:
        return [f for f in self.findChildren(PassphraseField)]

    def say(self, problem: str) -> None:
        show_text(self.message, problem)

    def wipe(self) -> None:
        for field in self.fields():
            field.wipe()
        show_text(self.message, "")

    def done(self, result: int) -> None:
        self.wipe()
        super().done(result)

    def _submit(self) -> None:
        raise NotImplementedError


class ChangePassphraseDialog(_PassphraseDialog):
    """Emits ``submitted(current, new)`` once the new passphrase is strong and typed twice."""

    submitted = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.current = PassphraseField(self)
        self.new = PassphraseField(self)
        self.repeat = PassphraseField(self)
        self.meter = StrengthMeter(self)
        self.labels = [plain_label("", self) for _i in range(3)]
        for label, field in zip(self.labels, (self.current, self.new, self.repeat), strict=True):
            label.setBuddy(field)
            self.form.addRow(label, field)
            if field is self.new:
                self.form.addRow("", self.meter)
        self.new.textChanged.connect(self.meter.assess)
        self.retranslate()

    def problem(self) -> str | None:
        if not self.current.text():
            return _("Type the current passphrase.")
        if not self.new.text():
            return _("Choose a new passphrase.")
        if self.meter.score < MIN_CREATE_SCORE:
            return _("This passphrase is too easy to guess. Use four or more unrelated words.")
        if self.new.text() != self.repeat.text():
            return _("The two new passphrases differ.")
        if self.new.text() == self.current.text():
            return _("The new passphrase is the same as the current one.")
        return None

    def _submit(self) -> None:
        problem = self.problem()
        if problem:
            self.say(problem)
            return
        self.submitted.emit(self.current.text(), self.new.text())

    def retranslate(self) -> None:
        self.setWindowTitle(_("Change the passphrase"))
        self.intro.setText(
            _(
                "The vault is re-encrypted under the new passphrase and checked before it replaces "
                "the old file. Backups made earlier keep their old passphrase."
            )
        )
        texts = (_("Current passphrase"), _("New passphrase"), _("Repeat the new passphrase"))
        for label, field, text in zip(self.labels, (self.current, self.new, self.repeat), texts, strict=True):
            label.setText(text)
            field.setAccessibleName(text)
        self.ok_button.setText(_("Change passphrase"))
        self.meter.retranslate()


class BackupDialog(_PassphraseDialog):
    """Emits ``submitted(passphrase)``; the backup opens with that same passphrase."""

    submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.passphrase = PassphraseField(self)
        self.label = plain_label("", self)
        self.label.setBuddy(self.passphrase)
        self.form.addRow(self.label, self.passphrase)
        self.retranslate()

    def _submit(self) -> None:
        if not self.passphrase.text():
            self.say(_("Type the vault's passphrase."))
            return
        self.submitted.emit(self.passphrase.text())

    def retranslate(self) -> None:
        self.setWindowTitle(_("Back up the vault"))
        self.intro.setText(
            _(
                "A backup is a complete encrypted copy of this vault, checked after it is written. "
                "It opens with the same passphrase. Keep it somewhere safe, such as a USB stick."
            )
        )
        self.label.setText(_("Passphrase"))
        self.passphrase.setAccessibleName(_("Passphrase"))
        self.ok_button.setText(_("Choose where to save…"))
