"""Passphrase entry with a strength meter (zxcvbn). The meter judges guessability, not length:
"correct horse battery staple" beats "P@ssw0rd!"."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QProgressBar, QVBoxLayout, QWidget

from waystation.i18n import _
from waystation.ui.pages.base import plain_label

MAX_CHECKED_LENGTH = 100  # zxcvbn grows slow on very long input; longer is strong anyway


def strength_score(passphrase: str) -> int:
    """0 (guessable in seconds) to 4 (very hard to guess)."""
    if not passphrase:
        return 0
    if len(passphrase) > MAX_CHECKED_LENGTH:
        return 4
    from zxcvbn import zxcvbn  # its word lists take a moment to load: only when first needed

    return int(zxcvbn(passphrase)["score"])


def strength_words(score: int) -> str:
    return [
        _("Very weak: guessable in moments"),
        _("Weak: guessable"),
        _("Fair: add a few more words"),
        _("Strong"),
        _("Very strong"),
    ][max(0, min(score, 4))]


class PassphraseField(QLineEdit):
    """A masked line edit that never offers its text to the clipboard or undo history."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setClearButtonEnabled(False)

    def wipe(self) -> None:
        self.clear()
        self.setModified(False)


class StrengthMeter(QWidget):
    scored = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 4)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(8)
        self.words = plain_label("", self)
        layout.addWidget(self.bar)
        layout.addWidget(self.words)
        self.score = 0
        self.retranslate()

    def assess(self, passphrase: str) -> None:
        self.score = strength_score(passphrase)
        self.bar.setValue(self.score)
        self.words.setText(strength_words(self.score) if passphrase else "")
        self.bar.setAccessibleName(_("Passphrase strength"))
        self.bar.setAccessibleDescription(self.words.text())
        self.scored.emit(self.score)

    def retranslate(self) -> None:
        self.bar.setAccessibleName(_("Passphrase strength"))
