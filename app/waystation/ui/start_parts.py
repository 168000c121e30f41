"""Pieces the open and create panels of the start screen share: the file picker, the busy line
("Unlocking…" with a moving bar) and the message line, which speaks calmly about a wrong file and
plainly about a real problem, and which re-words itself when the language changes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)

from waystation.errors import NotAVault, StorageFailure, VaultDamaged, WaystationError, WrongPassphrase
from waystation.ui.pages.base import plain_label

STILL_WORKING_AFTER_MS = 4000
ERROR_STYLE = "message"  # objectName styled in the error colour (ui/style.py)
CALM_STYLE = "warning"  # objectName styled as a quiet note with a bar at its side


class FormGrid(QGridLayout):
    """Labels beside fields, as in QFormLayout — but a wrapped text under a field gets the height
    it needs at its real width (QFormLayout sizes it as if the window were at its narrowest)."""

    def __init__(self) -> None:
        super().__init__()
        self.setColumnStretch(1, 1)
        self._rows = 0

    def add_row(self, label: QLabel | None, field: QWidget) -> None:
        if label is not None:
            label.setBuddy(field)
            self.addWidget(label, self._rows, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.addWidget(field, self._rows, 1)
        self._rows += 1


def announce(widget: QWidget, text: str) -> None:
    """Say ``text`` through a running screen reader. QAccessible is imported here: building its
    Python types (a hundred roles and events) costs ~3 ms, which the first frame need not wait for."""
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    if QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))


class PathPicker(QWidget):
    """A file path with a Browse button (the dialog comes through the FileDialogs seam)."""

    def __init__(self, choose: Callable[[QWidget], Path | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choose = choose
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit(self)
        self.browse = QPushButton(self)
        self.browse.clicked.connect(self._pick)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.browse)
        self.setFocusProxy(self.edit)

    def _pick(self) -> None:
        chosen = self._choose(self)
        if chosen:
            self.edit.setText(str(chosen))

    def path(self) -> Path | None:
        text = self.edit.text().strip()
        return Path(text) if text else None


def is_calm(error: WaystationError) -> bool:
    """A wrong file, a missing file, a vault open elsewhere: nothing is broken, so nothing is shown
    in the error colour. A wrong passphrase, damage and disk failures are shown as problems."""
    if isinstance(error, NotAVault):
        return True
    return not isinstance(error, WrongPassphrase | VaultDamaged | StorageFailure)


class MessageLine(QLabel):
    """One message under a form, kept as a function so it can be worded again in a new language."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._words: Callable[[], str] | None = None
        self.calm = False
        # Styled when first polished: asking for style() here would build QStyle's Python type
        # (~9 ms) before the first frame.
        self.setObjectName(ERROR_STYLE)
        self.hide()

    def say(self, words: Callable[[], str], *, calm: bool = False) -> None:
        self._words = words
        self.calm = calm
        self._set_style(CALM_STYLE if calm else ERROR_STYLE)
        self.retranslate()
        announce(self, self.text())

    def dismiss(self) -> None:
        self._words = None
        self.setText("")
        self.hide()

    @property
    def showing(self) -> bool:
        return self._words is not None

    def retranslate(self) -> None:
        self.setText(self._words() if self._words is not None else "")
        self.setVisible(bool(self.text()))

    def _set_style(self, name: str) -> None:
        if self.objectName() != name:
            self.setObjectName(name)
            self.style().unpolish(self)
            self.style().polish(self)
            self.setFrameStyle(self.frameStyle())  # QFrame recomputes its border and padding only here


class BusyLine(QWidget):
    """What the screen is doing while a vault opens: words and a moving bar; after a few seconds,
    a second sentence says that it is still working and why it may take longer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)  # no steps to count: a moving bar
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(160)
        self.bar.setMaximumHeight(10)
        self.words = plain_label("", self, wrap=True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.words, 1)
        self._first: Callable[[], str] = str
        self._later: Callable[[], str] = str
        self._still = False
        self.later_timer = QTimer(self)
        self.later_timer.setSingleShot(True)
        self.later_timer.setInterval(STILL_WORKING_AFTER_MS)
        self.later_timer.timeout.connect(self._still_working)
        self.hide()

    def start(self, first: Callable[[], str], later: Callable[[], str]) -> None:
        self._first, self._later, self._still = first, later, False
        self.retranslate()
        self.show()
        self.later_timer.start()
        announce(self.words, self.words.text())

    def stop(self) -> None:
        self.later_timer.stop()
        self.hide()

    def _still_working(self) -> None:
        self._still = True
        self.retranslate()

    def retranslate(self) -> None:
        text = self._first()
        if self._still:
            text = f"{text} {self._later()}"
        self.words.setText(text)
        self.bar.setAccessibleName(self._first())
