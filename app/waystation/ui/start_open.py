"""The "Open a vault" side of the start screen.

The passphrase is taken from its field and the field wiped before anything else happens; the key
is derived on a worker thread while the screen says "Unlocking…" and takes no input. A wrong
passphrase is counted, so a new try visibly registers ("Wrong passphrase (attempt 3)"), and says
whether Caps Lock was on and in which script it was typed. A message goes away as soon as the
person changes what it was about.

After a lock, the vault that was just open is filled in again, so unlocking is one passphrase
away; that path is kept in memory only (for this run), unless recent vaults are turned on in
Settings. "Forget it" drops it at once, for a shared computer.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from waystation.errors import InvalidInput, NotAVault, WaystationError, WrongPassphrase
from waystation.i18n import _, ngettext
from waystation.ui.dialogs import FileDialogs
from waystation.ui.icons import icon
from waystation.ui.pages.base import plain_label
from waystation.ui.session import Session
from waystation.ui.start_parts import BusyLine, FormGrid, MessageLine, PathPicker, is_calm
from waystation.ui.vault_task import VaultOpener, VaultTask
from waystation.ui.widgets.fields import hint_label
from waystation.ui.widgets.passphrase import PassphraseField, PassphraseHints
from waystation.ui.widgets.typing_hints import describe_scripts, scripts_in
from waystation.unlock_guard import FailureCounter, WipedAfterFailures, open_guarded

if TYPE_CHECKING:
    from waystation.vault.connection import Vault


def wrong_passphrase_words(attempt: int, caps_lock: bool | None, scripts: tuple[str, ...]) -> str:
    """What a failed attempt says: its number, and what may have gone wrong at the keyboard."""
    # Translators: {n} counts the failed tries on this vault file (1, 2, 3…), so a new try visibly registers.
    lines = [_("Wrong passphrase (attempt {n}).").format(n=attempt)]
    if caps_lock:
        lines.append(_("Caps Lock was on."))
    if scripts:
        # Translators: {scripts} names writing systems, e.g. "Latin and Cyrillic" (already translated).
        lines.append(_("It was typed in: {scripts}.").format(scripts=describe_scripts(scripts)))
    lines.append(
        _(
            "Check the keyboard layout and try again. If you are sure of the passphrase, the file "
            "may be damaged: open a backup copy."
        )
    )
    return "\n".join(lines)


def not_a_vault_words(error: WaystationError) -> str:
    return "\n".join(
        (
            error.message,
            _("That file was left as it was. Choose your vault file (its name usually ends in .vault)."),
        )
    )


class OpenPanel(QWidget):
    unlocked = Signal()
    busy_changed = Signal(bool)

    def __init__(self, session: Session, dialogs: FileDialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.opener = VaultOpener()
        self.task = VaultTask(self)
        self.picker = PathPicker(dialogs.open_vault, self)
        self.offer = QWidget(self)
        self.offer_words = hint_label("", self.offer)
        self.forget_button = QPushButton(self.offer)
        self.passphrase = PassphraseField(self)
        self.hints = PassphraseHints(self.passphrase, self)
        self.unlock_button = QPushButton(icon("lock"), "", self)
        self.unlock_button.setDefault(True)
        self.busy = BusyLine(self)
        self.message = MessageLine(self)
        self.recent_label = plain_label("", self)
        self.recent = QListWidget(self)
        self.just_locked: Path | None = None  # in memory only: never written anywhere
        self.attempts = 0
        self._attempted: Path | None = None
        self._typed: tuple[bool | None, tuple[str, ...]] = (None, ())
        self._build()
        self.picker.edit.textChanged.connect(self._path_changed)
        self.passphrase.textEdited.connect(self._passphrase_edited)
        self.passphrase.returnPressed.connect(self.attempt)
        self.unlock_button.clicked.connect(self.attempt)
        self.forget_button.clicked.connect(self.forget_just_locked)
        self.recent.itemActivated.connect(self._choose_recent)
        self.recent.itemClicked.connect(self._choose_recent)
        self.task.settled.connect(lambda: self._set_busy(False))
        self.task.opened.connect(self._opened)
        self.task.failed.connect(self._failed)
        session.opened.connect(self._remember_open_vault)
        session.wiped.connect(self._after_wipe)
        session.wipe_failed.connect(lambda problem: self.message.say(lambda: problem))
        self.retranslate()
        self.show_recent()

    def _build(self) -> None:
        offer_row = QHBoxLayout(self.offer)
        offer_row.setContentsMargins(0, 0, 0, 0)
        offer_row.addWidget(self.offer_words, 1)
        offer_row.addWidget(self.forget_button, 0, Qt.AlignmentFlag.AlignTop)
        self.offer.hide()
        form = FormGrid()
        self.file_label = plain_label("", self)
        self.pass_label = plain_label("", self)
        form.add_row(self.file_label, self.picker)
        form.add_row(None, self.offer)
        form.add_row(self.pass_label, self.passphrase)
        form.add_row(None, self.hints)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addWidget(self.recent_label)
        layout.addWidget(self.recent)
        layout.addStretch(1)

    # -- what is offered -------------------------------------------------------------------------

    def _remember_open_vault(self) -> None:
        vault = self.session.handle
        if vault is not None and not vault.in_memory:  # a guest session has no file to offer
            self.just_locked = vault.path

    def show_recent(self) -> None:
        remember = self.session.app_settings.remember_recent
        paths = self.session.app_settings.recent_vaults if remember else []
        self.recent.clear()
        self.recent.addItems(paths)
        self.recent.setVisible(bool(paths))
        self.recent_label.setVisible(bool(paths))
        self.offer.setVisible(self.just_locked is not None and not remember)

    def _choose_recent(self, item: QListWidgetItem) -> None:
        self.picker.edit.setText(item.text())
        self.passphrase.setFocus()

    def _after_wipe(self, path: Path) -> None:
        """A vault wiped from Settings: nothing of it is offered any more."""
        self.just_locked = None
        self.picker.edit.clear()
        self.show_recent()
        name = path.name
        self.message.say(lambda: _("The vault {name} was wiped.").format(name=name), calm=True)

    def forget_just_locked(self) -> None:
        if self.just_locked is not None and self.picker.edit.text() == str(self.just_locked):
            self.picker.edit.clear()
        self.just_locked = None
        self.offer.hide()
        self.picker.setFocus()

    def reset(self) -> None:
        """Back on screen after a lock (or at start): everything typed is gone; the vault that was
        just open (or the most recent one, when they are remembered) is filled in."""
        self.passphrase.wipe()
        self.attempts = 0
        self.show_recent()
        recent = self.session.app_settings.recent_vaults if self.session.app_settings.remember_recent else []
        suggestion = str(self.just_locked) if self.just_locked is not None else (recent[0] if recent else "")
        if suggestion:
            self.picker.edit.setText(suggestion)
        self.message.dismiss()
        (self.passphrase if self.picker.path() else self.picker).setFocus()

    # -- unlocking -------------------------------------------------------------------------------

    def attempt(self) -> None:
        if self.task.running:
            return
        path = self.picker.path()
        passphrase = self.passphrase.text()
        self._typed = (self.passphrase.caps_lock, scripts_in(passphrase))
        self.passphrase.wipe()
        if path is None:
            self._say(lambda: _("Choose the vault file first."), calm=True)
            self.picker.setFocus()
            return
        if not passphrase:
            self._say(lambda: _("Type the vault's passphrase."), calm=True)
            self.passphrase.setFocus()
            return
        if path != self._attempted:
            self._attempted, self.attempts = path, 0
        self.message.dismiss()
        opener = self.opener.open
        limit = self.session.app_settings.wipe_after_failures
        counter = FailureCounter(self.session.store.folder)
        self._set_busy(True)
        self.task.start(lambda: open_guarded(path, passphrase, limit=limit, counter=counter, opener=opener))

    def _opened(self, vault: Vault) -> None:
        if not self.isVisible():  # hidden meanwhile (quick exit): open nothing behind their back
            vault.close()
            return
        self.attempts = 0
        self.session.adopt(vault)
        self.unlocked.emit()

    def _failed(self, error: WaystationError) -> None:
        if isinstance(error, WipedAfterFailures):
            self.just_locked = None
            self.picker.edit.clear()
            self._say(lambda: error.message)
            self.picker.setFocus()
            return
        if isinstance(error, WrongPassphrase):
            self.attempts += 1
            attempt, (caps_lock, scripts) = self.attempts, self._typed
            left = self._attempts_left()
            self._say(lambda: wrong_passphrase_words(attempt, caps_lock, scripts) + left)
            self.passphrase.setFocus()
            return
        if isinstance(error, NotAVault):
            self._say(lambda: not_a_vault_words(error), calm=True)
        else:
            self._say(lambda: error.message, calm=is_calm(error))
        if isinstance(error, NotAVault | InvalidInput):
            self.picker.setFocus()
            self.picker.edit.selectAll()
        else:
            self.passphrase.setFocus()

    def _attempts_left(self) -> str:
        """With an unlock limit set: how many tries remain before the vault is wiped."""
        limit = self.session.app_settings.wipe_after_failures
        path = self.picker.path()
        if not limit or path is None or not path.exists():
            return ""
        left = limit - FailureCounter(self.session.store.folder).count(path)
        return " " + ngettext(
            "{n} attempt left before the vault is wiped.",
            "{n} attempts left before the vault is wiped.",
            left,
        ).format(n=left)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.picker, self.offer, self.passphrase, self.unlock_button, self.recent):
            widget.setEnabled(not busy)
        if busy:
            self.busy.start(
                lambda: _("Unlocking…"),
                lambda: _(
                    "Still working: this takes longer on a slow computer, and when a vault from an "
                    "older version is updated (a safety copy is made first)."
                ),
            )
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.busy.stop()
            self.unsetCursor()
        self.busy_changed.emit(busy)

    # -- messages --------------------------------------------------------------------------------

    def _say(self, words: Callable[[], str], *, calm: bool = False) -> None:
        self.message.say(words, calm=calm)
        self.passphrase.setAccessibleDescription(self.message.text())

    def _dismiss(self) -> None:
        self.message.dismiss()
        self.passphrase.setAccessibleDescription("")

    def _path_changed(self) -> None:
        if not self.task.running:
            self._dismiss()

    def _passphrase_edited(self) -> None:
        if self.message.showing and not self.task.running:
            self._dismiss()

    def retranslate(self) -> None:
        self.file_label.setText(_("Vault file"))
        self.pass_label.setText(_("Passphrase"))
        self.picker.browse.setText(_("Browse…"))
        self.picker.browse.setAccessibleName(_("Choose the vault file"))
        self.picker.edit.setAccessibleName(_("Vault file"))
        self.passphrase.setAccessibleName(_("Passphrase"))
        self.unlock_button.setText(_("Unlock"))
        self.recent_label.setText(_("Recent vaults"))
        self.offer_words.setText(
            _("The vault you just locked is filled in. Waystation keeps it in mind only until it closes.")
        )
        self.forget_button.setText(_("Forget it"))
        self.forget_button.setAccessibleName(_("Forget the vault you just locked"))
        self.message.retranslate()
        self.busy.retranslate()
        if self.message.showing:
            self.passphrase.setAccessibleDescription(self.message.text())
