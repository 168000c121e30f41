"""The first screen: open (unlock) a vault, or create a new one.

A wrong passphrase gets a calm message and another try; the passphrase fields are wiped after
every attempt, successful or not."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from waystation.errors import WaystationError
from waystation.i18n import _
from waystation.ui.dialogs import FileDialogs
from waystation.ui.pages.base import plain_label
from waystation.ui.session import Session
from waystation.ui.widgets.passphrase import PassphraseField, StrengthMeter

MIN_CREATE_SCORE = 2


class PathPicker(QWidget):
    """A file path with a Browse button (the dialog comes through the FileDialogs seam)."""

    def __init__(self, choose: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choose = choose
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit(self)
        self.browse = QPushButton(self)
        self.browse.clicked.connect(self._pick)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.browse)

    def _pick(self) -> None:
        chosen = self._choose(self)  # type: ignore[operator]
        if chosen:
            self.edit.setText(str(chosen))

    def path(self) -> Path | None:
        text = self.edit.text().strip()
        return Path(text) if text else None


class OpenPanel(QWidget):
    unlocked = Signal()

    def __init__(self, session: Session, dialogs: FileDialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.picker = PathPicker(dialogs.open_vault, self)
        self.passphrase = PassphraseField(self)
        self.unlock_button = QPushButton(self)
        self.unlock_button.setDefault(True)
        self.message = plain_label("", self, wrap=True)
        self.message.setObjectName("message")
        self.recent = QListWidget(self)
        self.recent.itemActivated.connect(lambda item: self.picker.edit.setText(item.text()))
        self.recent.itemClicked.connect(lambda item: self.picker.edit.setText(item.text()))
        self.recent_label = plain_label("", self)
        form = QFormLayout()
        self.file_label = plain_label("", self)
        self.pass_label = plain_label("", self)
        form.addRow(self.file_label, self.picker)
        form.addRow(self.pass_label, self.passphrase)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.message)
        layout.addWidget(self.recent_label)
        layout.addWidget(self.recent)
        layout.addStretch(1)
        self.unlock_button.clicked.connect(self.attempt)
        self.passphrase.returnPressed.connect(self.attempt)
        self.retranslate()
        self.show_recent()

    def show_recent(self) -> None:
        paths = self.session.settings.recent_vaults if self.session.settings.remember_recent else []
        self.recent.clear()
        self.recent.addItems(paths)
        self.recent.setVisible(bool(paths))
        self.recent_label.setVisible(bool(paths))

    def attempt(self) -> None:
        path = self.picker.path()
        passphrase = self.passphrase.text()
        self.passphrase.wipe()
        if path is None:
            self.message.setText(_("Choose the vault file first."))
            return
        if not passphrase:
            self.message.setText(_("Type the vault's passphrase."))
            return
        try:
            self.session.open(path, passphrase)
        except WaystationError as exc:
            self.message.setText(exc.message)
            self.passphrase.setFocus()
            return
        self.message.clear()
        self.unlocked.emit()

    def retranslate(self) -> None:
        self.file_label.setText(_("Vault file"))
        self.pass_label.setText(_("Passphrase"))
        self.picker.browse.setText(_("Browse…"))
        self.picker.browse.setAccessibleName(_("Choose the vault file"))
        self.picker.edit.setAccessibleName(_("Vault file"))
        self.passphrase.setAccessibleName(_("Passphrase"))
        self.unlock_button.setText(_("Unlock"))
        self.recent_label.setText(_("Recent vaults"))


class CreatePanel(QWidget):
    created = Signal()

    def __init__(self, session: Session, dialogs: FileDialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.picker = PathPicker(dialogs.new_vault, self)
        self.first = PassphraseField(self)
        self.second = PassphraseField(self)
        self.meter = StrengthMeter(self)
        self.understood = QCheckBox(self)
        self.warning = plain_label("", self, wrap=True)
        self.warning.setObjectName("warning")
        self.create_button = QPushButton(self)
        self.message = plain_label("", self, wrap=True)
        self.message.setObjectName("message")
        form = QFormLayout()
        self.file_label = plain_label("", self)
        self.first_label = plain_label("", self)
        self.second_label = plain_label("", self)
        form.addRow(self.file_label, self.picker)
        form.addRow(self.first_label, self.first)
        form.addRow("", self.meter)
        form.addRow(self.second_label, self.second)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.understood)
        layout.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.first.textChanged.connect(self.meter.assess)
        self.create_button.clicked.connect(self.attempt)
        self.retranslate()

    def problem(self) -> str | None:
        """What stops creation, in words; None when everything is ready."""
        if self.picker.path() is None:
            return _("Choose where to save the new vault.")
        if not self.first.text():
            return _("Choose a passphrase.")
        if self.meter.score < MIN_CREATE_SCORE:
            return _("This passphrase is too easy to guess. Use four or more unrelated words.")
        if self.first.text() != self.second.text():
            return _("The two passphrases differ.")
        if not self.understood.isChecked():
            return _("Please confirm that you understand a forgotten passphrase cannot be recovered.")
        return None

    def attempt(self) -> None:
        problem = self.problem()
        if problem:
            self.message.setText(problem)
            return
        path = self.picker.path()
        assert path is not None
        passphrase = self.first.text()
        try:
            self.session.create(path, passphrase)
        except WaystationError as exc:
            self.message.setText(exc.message)
            return
        finally:
            del passphrase
        self.first.wipe()
        self.second.wipe()
        self.understood.setChecked(False)
        self.message.clear()
        self.created.emit()

    def retranslate(self) -> None:
        self.file_label.setText(_("Save as"))
        self.first_label.setText(_("Passphrase"))
        self.second_label.setText(_("Repeat it"))
        self.picker.browse.setText(_("Browse…"))
        self.picker.browse.setAccessibleName(_("Choose where to save the vault"))
        self.picker.edit.setAccessibleName(_("New vault file"))
        self.first.setAccessibleName(_("New passphrase"))
        self.second.setAccessibleName(_("Repeat the new passphrase"))
        self.warning.setText(
            _(
                "Nobody can recover a forgotten passphrase — not Waystation, not a volunteer, not "
                "anyone else. Write it down and keep it somewhere safe, away from this computer."
            )
        )
        self.understood.setText(_("I understand that a forgotten passphrase cannot be recovered"))
        self.create_button.setText(_("Create vault"))
        self.meter.retranslate()


class StartScreen(QWidget):
    """Unlock or create; emits ``opened`` or ``created`` once a vault is open in the session."""

    opened = Signal()
    created = Signal()

    def __init__(self, session: Session, dialogs: FileDialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = plain_label("", self)
        self.heading.setObjectName("heading")
        self.intro = plain_label("", self, wrap=True)
        self.tabs = QTabWidget(self)
        self.open_panel = OpenPanel(session, dialogs, self.tabs)
        self.create_panel = CreatePanel(session, dialogs, self.tabs)
        self.tabs.addTab(self.open_panel, "")
        self.tabs.addTab(self.create_panel, "")
        self.open_panel.unlocked.connect(self.opened)
        self.create_panel.created.connect(self.created)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(self.tabs, 1)
        self.retranslate()

    def reset(self) -> None:
        self.open_panel.passphrase.wipe()
        self.create_panel.first.wipe()
        self.create_panel.second.wipe()
        self.open_panel.message.clear()
        self.create_panel.message.clear()
        self.open_panel.show_recent()
        self.tabs.setCurrentWidget(self.open_panel)
        self.open_panel.passphrase.setFocus()

    def retranslate(self) -> None:
        self.heading.setText(_("Waystation"))
        self.intro.setText(
            _(
                "Your papers, deadlines and next steps, kept in an encrypted vault on this computer. "
                "Nothing is sent anywhere."
            )
        )
        self.tabs.setTabText(0, _("Open a vault"))
        self.tabs.setTabText(1, _("Create a new vault"))
        self.open_panel.retranslate()
        self.create_panel.retranslate()
