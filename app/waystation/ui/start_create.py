"""The "Create a new vault" side of the start screen.

The rules for a passphrase are on screen before the first try, the two fields say when they
match, and what stops creation is said in words — and goes away as soon as it is fixed. The vault
is created on a worker thread (the key derivation takes a moment) while the screen says so."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QPushButton, QVBoxLayout, QWidget

from waystation.errors import WaystationError
from waystation.i18n import _
from waystation.ui.dialogs import FileDialogs
from waystation.ui.pages.base import plain_label
from waystation.ui.session import Session
from waystation.ui.start_parts import BusyLine, FormGrid, MessageLine, PathPicker, is_calm
from waystation.ui.vault_task import VaultOpener, VaultTask
from waystation.ui.widgets.fields import hint_label, show_text
from waystation.ui.widgets.passphrase import PassphraseField, PassphraseHints, StrengthMeter

if TYPE_CHECKING:
    from waystation.vault.connection import Vault

MIN_CREATE_SCORE = 2


class CreatePanel(QWidget):
    created = Signal()
    busy_changed = Signal(bool)

    def __init__(self, session: Session, dialogs: FileDialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.opener = VaultOpener()
        self.task = VaultTask(self)
        self.picker = PathPicker(dialogs.new_vault, self)
        self._suggest = dialogs.suggested_vault  # filled in when shown: one less dialog to go through
        self.first = PassphraseField(self)
        self.rules = hint_label("", self)
        self.first_hints = PassphraseHints(self.first, self)
        self.meter = StrengthMeter(self)
        self.second = PassphraseField(self)
        self.match = hint_label("", self)
        self.understood = QCheckBox(self)
        self.warning = plain_label("", self, wrap=True)
        self.warning.setObjectName("warning")
        self.create_button = QPushButton(self)
        self.create_button.setDefault(True)  # Enter in the form creates (ui/keyboard.py)
        self.busy = BusyLine(self)
        self.message = MessageLine(self)
        self._shown_problem: str | None = None  # which problem the message is about, if one
        self._build()
        self.first.textChanged.connect(self.meter.assess)
        for field in (self.first, self.second):
            field.textChanged.connect(self._show_match)
            field.textEdited.connect(self._inputs_changed)
        self.first.returnPressed.connect(self._first_entered)
        self.second.returnPressed.connect(self.attempt)
        self.picker.edit.textChanged.connect(self._inputs_changed)
        self.understood.toggled.connect(self._inputs_changed)
        self.create_button.clicked.connect(self.attempt)
        self.task.settled.connect(lambda: self._set_busy(False))
        self.task.opened.connect(self._opened)
        self.task.failed.connect(self._failed)
        self.retranslate()
        self._show_match()

    def _build(self) -> None:
        form = FormGrid()
        self.file_label = plain_label("", self)
        self.first_label = plain_label("", self)
        self.second_label = plain_label("", self)
        form.add_row(self.file_label, self.picker)
        form.add_row(self.first_label, self.first)
        form.add_row(None, self.first_hints)
        form.add_row(None, self.rules)
        form.add_row(None, self.meter)
        form.add_row(self.second_label, self.second)
        form.add_row(None, self.match)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.understood)
        layout.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addStretch(1)

    # -- what stops creation -------------------------------------------------------------------

    def _problems(self) -> list[tuple[str, Callable[[], str], QWidget]]:
        """Every problem now: (key, words, the field to fix it in), in the order of the form."""
        found: list[tuple[str, Callable[[], str], QWidget]] = []
        if self.picker.path() is None:
            found.append(("path", lambda: _("Choose where to save the new vault."), self.picker))
        if not self.first.text():
            found.append(("empty", lambda: _("Choose a passphrase."), self.first))
        elif self.meter.score < MIN_CREATE_SCORE:
            found.append(
                (
                    "weak",
                    lambda: _("This passphrase is too easy to guess. Use four or more unrelated words."),
                    self.first,
                )
            )
        if self.first.text() != self.second.text():
            found.append(("differ", lambda: _("The two passphrases differ."), self.second))
        if not self.understood.isChecked():
            found.append(
                (
                    "consent",
                    lambda: _(
                        "Please confirm that you understand a forgotten passphrase cannot be recovered."
                    ),
                    self.understood,
                )
            )
        return found

    def problem(self) -> str | None:
        """What stops creation, in words; None when everything is ready."""
        problems = self._problems()
        return problems[0][1]() if problems else None

    def _inputs_changed(self) -> None:
        """A message goes away once what it said is fixed (or, for an error from the vault, once
        anything it could be about changed)."""
        if not self.message.showing or self.task.running:
            return
        if self._shown_problem is not None and self._shown_problem in {k for k, _w, _f in self._problems()}:
            return
        self._shown_problem = None
        self.message.dismiss()

    def _first_entered(self) -> None:
        if self.second.text():
            self.attempt()
        else:
            self.second.setFocus()

    def _show_match(self) -> None:
        first, second = self.first.text(), self.second.text()
        if not second or (len(second) < len(first) and first.startswith(second)):
            show_text(self.match, "")  # nothing typed yet, or still on the way
        elif first == second:
            show_text(self.match, _("The two passphrases match."))
        else:
            show_text(self.match, _("The two passphrases differ."))

    # -- creating ---------------------------------------------------------------------------------

    def attempt(self) -> None:
        if self.task.running:
            return
        problems = self._problems()
        if problems:
            key, words, field = problems[0]
            self._shown_problem = key
            self.message.say(words, calm=True)
            field.setFocus()
            return
        path = self.picker.path()
        assert path is not None
        passphrase = self.first.text()
        create_vault = self.opener.create
        self._shown_problem = None
        self.message.dismiss()
        self._set_busy(True)
        self.task.start(lambda: create_vault(path, passphrase))

    def present(self) -> None:
        """Coming into view: a new vault's file is suggested if none is chosen, and the focus goes
        where typing starts (the passphrase, once there is a file)."""
        if not self.picker.edit.text().strip():
            suggested = self._suggest()
            if suggested is not None:
                self.picker.edit.setText(str(suggested))
        (self.first if self.picker.path() else self.picker).setFocus()

    def _opened(self, vault: Vault) -> None:
        self.wipe()
        self.picker.edit.setText("")  # that file exists now: the next new vault gets a new name
        if not self.isVisible():  # hidden meanwhile (quick exit): open nothing behind their back
            vault.close()
            self.message.say(
                lambda: _(
                    "The vault was created, but not opened because the window was hidden. Open it "
                    "from “Open a vault”."
                ),
                calm=True,
            )
            return
        self.session.adopt(vault)
        self.created.emit()

    def _failed(self, error: WaystationError) -> None:
        self._shown_problem = None
        self.message.say(lambda: error.message, calm=is_calm(error))
        self.picker.setFocus()

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.picker, self.first, self.second, self.understood, self.create_button):
            widget.setEnabled(not busy)
        if busy:
            self.busy.start(
                lambda: _("Creating the vault…"),
                lambda: _("Still working: this takes longer on a slow computer."),
            )
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.busy.stop()
            self.unsetCursor()
        self.busy_changed.emit(busy)

    def wipe(self) -> None:
        self.first.wipe()
        self.second.wipe()
        self.understood.setChecked(False)
        self._shown_problem = None
        self.message.dismiss()

    def retranslate(self) -> None:
        self.file_label.setText(_("Save as"))
        self.first_label.setText(_("Passphrase"))
        self.second_label.setText(_("Repeat it"))
        self.picker.browse.setText(_("Browse…"))
        self.picker.browse.setAccessibleName(_("Choose where to save the vault"))
        self.picker.edit.setAccessibleName(_("New vault file"))
        self.first.setAccessibleName(_("New passphrase"))
        self.second.setAccessibleName(_("Repeat the new passphrase"))
        self.rules.setText(
            _(
                "Use four or more unrelated words — a short, odd sentence only you would think of. "
                "Spaces, capitals and punctuation all count. The strength bar below must be at least "
                "half full."
            )
        )
        self.first.setAccessibleDescription(self.rules.text())
        self.warning.setText(
            _(
                "Nobody can recover a forgotten passphrase — not Waystation, not a volunteer, not "
                "anyone else. Write it down and keep it somewhere safe, away from this computer."
            )
        )
        self.understood.setText(_("I understand that a forgotten passphrase cannot be recovered"))
        self.create_button.setText(_("Create vault"))
        self.meter.retranslate()
        self._show_match()
        self.message.retranslate()
        self.busy.retranslate()
