"""Passphrase entry: a masked field that can be shown while typing, hints about the keyboard (Caps
Lock, the script being typed), and a strength meter (zxcvbn). The meter judges guessability, not
length: "correct horse battery staple" beats "P@ssw0rd!"."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QFocusEvent, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QMenu, QProgressBar, QVBoxLayout, QWidget

from waystation.i18n import _
from waystation.ui.icons import icon
from waystation.ui.pages.base import plain_label
from waystation.ui.widgets.fields import hint_label, show_text
from waystation.ui.widgets.typing_hints import (
    caps_lock_after_key,
    describe_scripts,
    keyboard_language,
    scripts_in,
)

MAX_CHECKED_LENGTH = 100  # zxcvbn grows slow on very long input; longer is strong anyway
REVEAL_SHORTCUT = "Ctrl+H"
_NO_CLIPBOARD_ACTIONS = ("edit-cut", "edit-copy")  # object names of QLineEdit's menu actions


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
    """A masked line edit whose text never reaches the clipboard, even while it is shown.

    The eye at its end (or Ctrl+H while it has focus) shows and hides the text; wiping the field
    hides it again. ``caps_lock`` holds what is known of Caps Lock (None: not known yet)."""

    typed = Signal()  # a key was pressed: what is known about the keyboard may have changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setClearButtonEnabled(False)
        self.caps_lock: bool | None = None
        self.reveal_action = self.addAction(icon("reveal"), QLineEdit.ActionPosition.TrailingPosition)
        self.reveal_action.setCheckable(True)
        self.reveal_action.setShortcut(QKeySequence(REVEAL_SHORTCUT))
        self.reveal_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.reveal_action.toggled.connect(self._show_revealed)
        self.retranslate()

    @property
    def revealed(self) -> bool:
        return self.echoMode() == QLineEdit.EchoMode.Normal

    def set_revealed(self, on: bool) -> None:
        self.reveal_action.setChecked(on)

    def wipe(self) -> None:
        self.clear()
        self.setModified(False)
        self.set_revealed(False)

    def _show_revealed(self, on: bool) -> None:
        self.setEchoMode(QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password)
        self.reveal_action.setIcon(icon("conceal" if on else "reveal"))
        self.retranslate()

    def retranslate(self) -> None:
        text = _("Hide the passphrase") if self.revealed else _("Show the passphrase")
        self.reveal_action.setText(text)
        self.reveal_action.setToolTip(
            # Translators: a tooltip, e.g. "Show the passphrase (Ctrl+H)".
            _("{action} ({shortcut})").format(
                action=text,
                shortcut=QKeySequence(REVEAL_SHORTCUT).toString(QKeySequence.SequenceFormat.NativeText),
            )
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if event.matches(QKeySequence.StandardKey.Copy) or event.matches(QKeySequence.StandardKey.Cut):
            event.accept()  # shown or not, the passphrase never goes to the clipboard
            return
        self.caps_lock = caps_lock_after_key(
            self.caps_lock,
            platform=QGuiApplication.platformName(),
            native_modifiers=int(event.nativeModifiers()),
            text=event.text(),
            shift=bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier),
            caps_lock_key=event.key() == Qt.Key.Key_CapsLock,
        )
        super().keyPressEvent(event)
        self.typed.emit()

    def context_menu(self) -> QMenu:
        """Qt's own menu for the field, without Cut and Copy (Paste stays)."""
        menu = self.createStandardContextMenu()
        for action in menu.actions():
            if action.objectName() in _NO_CLIPBOARD_ACTIONS:
                action.setEnabled(False)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 (Qt API)
        menu = self.context_menu()
        menu.exec(event.globalPos())
        menu.deleteLater()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt API)
        super().focusInEvent(event)
        self.typed.emit()  # the keyboard layout may be shown now


class PassphraseHints(QWidget):
    """A line under a passphrase field: "Caps Lock is on" and "Typing in: Cyrillic" (the script of
    the letters typed so far), or the keyboard layout's language where the platform tells it."""

    def __init__(self, field: PassphraseField, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.caps = plain_label("", self)
        self.caps.setObjectName("caps_lock")
        font = self.caps.font()
        font.setBold(True)
        self.caps.setFont(font)
        self.typing = hint_label("", self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caps)
        layout.addWidget(self.typing, 1)
        field.typed.connect(self.update_hints)
        field.textChanged.connect(self.update_hints)
        method = QGuiApplication.inputMethod()
        method.localeChanged.connect(self.update_hints)
        self.update_hints()

    def typing_text(self) -> str:
        scripts = scripts_in(self.field.text())
        if scripts:
            # Translators: {scripts} names writing systems, e.g. "Cyrillic" or "Latin and Cyrillic".
            return _("Typing in: {scripts}").format(scripts=describe_scripts(scripts))
        if self.field.hasFocus():
            language = keyboard_language(
                QGuiApplication.platformName(), QGuiApplication.inputMethod().locale().name()
            )
            if language:
                # Translators: {language} is the keyboard layout's language, e.g. "Russian".
                return _("Keyboard: {language}").format(language=language)
        return ""

    def update_hints(self) -> None:
        show_text(self.caps, _("Caps Lock is on") if self.field.caps_lock else "")
        show_text(self.typing, self.typing_text())
        self.setVisible(bool(self.caps.text() or self.typing.text()))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.update_hints()
        super().changeEvent(event)


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
        if self.words.text():
            self.words.setText(strength_words(self.score))
            self.bar.setAccessibleDescription(self.words.text())
