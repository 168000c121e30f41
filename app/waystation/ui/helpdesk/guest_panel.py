"""The "Guest session" side of the start screen.

Starting one: the person chooses a passphrase for the session (typed twice, as strong as a
vault's) — it unlocks the session if it locks while they step away, and it is the passphrase of
the vault if they save the session into one. The vault is made in memory on a worker thread
(the key derivation takes a moment). While a guest session is locked, the same tab resumes it
with that passphrase, or ends it ("End it without saving" — the window asks first)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from waystation.errors import WaystationError, WrongPassphrase
from waystation.i18n import _
from waystation.ui.helpdesk.guest_keeper import GuestKeeper
from waystation.ui.icons import icon
from waystation.ui.pages.base import plain_label
from waystation.ui.session import Session
from waystation.ui.start_create import MIN_CREATE_SCORE
from waystation.ui.start_parts import BusyLine, FormGrid, MessageLine, is_calm
from waystation.ui.vault_task import VaultTask
from waystation.ui.widgets.fields import hint_label, show_text
from waystation.ui.widgets.passphrase import PassphraseField, StrengthMeter

if TYPE_CHECKING:
    from waystation.vault.connection import Vault


class GuestPanel(QWidget):
    created = Signal()  # a new guest session is open in the session
    resumed = Signal()  # a locked guest session is open again
    end_requested = Signal()  # "End it without saving" (the window confirms)
    busy_changed = Signal(bool)

    def __init__(self, session: Session, keeper: GuestKeeper, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.keeper = keeper
        self.task = VaultTask(self)
        self.pages = QStackedWidget(self)
        self.start_page = QWidget(self.pages)
        self.locked_page = QWidget(self.pages)
        self.intro = plain_label("", self.start_page, wrap=True)
        self.intro.setObjectName("warning")
        self.first = PassphraseField(self.start_page)
        self.meter = StrengthMeter(self.start_page)
        self.second = PassphraseField(self.start_page)
        self.match = hint_label("", self.start_page)
        self.start_button = QPushButton(self.start_page)
        self.start_button.setDefault(True)
        self.locked_words = plain_label("", self.locked_page, wrap=True)
        self.resume_field = PassphraseField(self.locked_page)
        self.resume_button = QPushButton(icon("lock"), "", self.locked_page)
        self.resume_button.setDefault(True)
        self.end_button = QPushButton(self.locked_page)
        self.busy = BusyLine(self)
        self.message = MessageLine(self)
        self._resuming = False
        self._build()
        self.first.textChanged.connect(self.meter.assess)
        for field in (self.first, self.second):
            field.textChanged.connect(self._show_match)
            field.textEdited.connect(lambda _t: self.message.dismiss())
        self.first.returnPressed.connect(lambda: self.second.setFocus())
        self.second.returnPressed.connect(self.start_session)
        self.start_button.clicked.connect(self.start_session)
        self.resume_field.returnPressed.connect(self.resume_session)
        self.resume_button.clicked.connect(self.resume_session)
        self.end_button.clicked.connect(self.end_requested)
        self.task.settled.connect(lambda: self._set_busy(False))
        self.task.opened.connect(self._opened)
        self.task.failed.connect(self._failed)
        keeper.changed.connect(self.show_state)
        self.retranslate()
        self.show_state()

    def _build(self) -> None:
        form = FormGrid()
        self.first_label = plain_label("", self.start_page)
        self.second_label = plain_label("", self.start_page)
        form.add_row(self.first_label, self.first)
        form.add_row(None, self.meter)
        form.add_row(self.second_label, self.second)
        form.add_row(None, self.match)
        start = QVBoxLayout(self.start_page)
        start.setContentsMargins(0, 0, 0, 0)
        start.addWidget(self.intro)
        start.addLayout(form)
        start.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignRight)
        start.addStretch(1)
        locked_form = FormGrid()
        self.resume_label = plain_label("", self.locked_page)
        locked_form.add_row(self.resume_label, self.resume_field)
        buttons = QHBoxLayout()
        buttons.addWidget(self.end_button)
        buttons.addStretch(1)
        buttons.addWidget(self.resume_button)
        locked = QVBoxLayout(self.locked_page)
        locked.setContentsMargins(0, 0, 0, 0)
        locked.addWidget(self.locked_words)
        locked.addLayout(locked_form)
        locked.addLayout(buttons)
        locked.addStretch(1)
        self.pages.addWidget(self.start_page)
        self.pages.addWidget(self.locked_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)

    # -- state -----------------------------------------------------------------------------

    def show_state(self) -> None:
        """A locked session to resume, or a new one to start."""
        locked = self.keeper.exists
        self.pages.setCurrentWidget(self.locked_page if locked else self.start_page)

    def focus_first(self) -> None:
        (self.resume_field if self.keeper.exists else self.first).setFocus()

    def wipe(self) -> None:
        for field in (self.first, self.second, self.resume_field):
            field.wipe()
        self.message.dismiss()

    # -- starting and resuming ---------------------------------------------------------------

    def problem(self) -> tuple[Callable[[], str], QWidget] | None:
        if not self.first.text():
            return (lambda: _("Choose a passphrase for this session.")), self.first
        if self.meter.score < MIN_CREATE_SCORE:
            return (
                lambda: _("This passphrase is too easy to guess. Use four or more unrelated words.")
            ), self.first
        if self.first.text() != self.second.text():
            return (lambda: _("The two passphrases differ.")), self.second
        return None

    def start_session(self) -> None:
        if self.task.running or self.keeper.exists:
            return
        problem = self.problem()
        if problem is not None:
            words, field = problem
            self.message.say(words, calm=True)
            field.setFocus()
            return
        passphrase = self.first.text()
        self.wipe()
        self._resuming = False
        self._set_busy(True)
        self.task.start(lambda: self.keeper.create(passphrase))

    def resume_session(self) -> None:
        if self.task.running or not self.keeper.exists:
            return
        passphrase = self.resume_field.text()
        self.resume_field.wipe()
        if not passphrase:
            self.message.say(lambda: _("Type the passphrase of this guest session."), calm=True)
            self.resume_field.setFocus()
            return
        self.message.dismiss()
        self._resuming = True
        self._set_busy(True)
        self.task.start(lambda: self.keeper.resume(passphrase))

    def _opened(self, vault: Vault) -> None:
        if not self.isVisible():  # hidden meanwhile (quick exit): open nothing behind their back
            vault.close()
            if not self._resuming:
                self.keeper.discard()
            return
        self.session.adopt(vault)
        self.keeper.changed.emit()
        (self.resumed if self._resuming else self.created).emit()

    def _failed(self, error: WaystationError) -> None:
        if isinstance(error, WrongPassphrase):
            self.message.say(lambda: _("That is not the passphrase of this guest session."))
            self.resume_field.setFocus()
            return
        self.message.say(lambda: error.message, calm=is_calm(error))

    def _set_busy(self, busy: bool) -> None:
        self.pages.setEnabled(not busy)
        if busy:
            first = _("Starting the guest session…") if not self._resuming else _("Unlocking…")
            self.busy.start(lambda: first, lambda: _("Still working: this takes longer on a slow computer."))
        else:
            self.busy.stop()
        self.busy_changed.emit(busy)

    def _show_match(self) -> None:
        first, second = self.first.text(), self.second.text()
        if not second or (len(second) < len(first) and first.startswith(second)):
            show_text(self.match, "")
        elif first == second:
            show_text(self.match, _("The two passphrases match."))
        else:
            show_text(self.match, _("The two passphrases differ."))

    def retranslate(self) -> None:
        self.intro.setText(
            _(
                "A guest session keeps everything in this computer's memory only — nothing is written "
                "to its disk. When the session ends or Waystation closes, all of it is gone, unless you "
                "save it into a vault (for example on your USB stick) before."
            )
        )
        self.first_label.setText(_("Passphrase for this session"))
        self.second_label.setText(_("Repeat it"))
        self.first.setAccessibleName(_("Passphrase for this session"))
        self.second.setAccessibleName(_("Repeat the passphrase for this session"))
        self.first.setAccessibleDescription(
            _("It unlocks the session if it locks, and it is the passphrase of the vault if you save it.")
        )
        self.start_button.setText(_("Start a guest session"))
        self.locked_words.setText(
            _(
                "A guest session is locked. Type its passphrase to go on, or end it: then everything "
                "in it is gone."
            )
        )
        self.resume_label.setText(_("Passphrase"))
        self.resume_field.setAccessibleName(_("Passphrase of the guest session"))
        self.resume_button.setText(_("Unlock"))
        self.end_button.setText(_("End it without saving…"))
        self.meter.retranslate()
        self._show_match()
        self.message.retranslate()
        self.busy.retranslate()
