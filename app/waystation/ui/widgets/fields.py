"""Line edits that carry their own message: a problem is shown right under the field, in words,
while the person types. Dates are typed as YYYY-MM-DD and checked with the core's parser."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from waystation.i18n import _
from waystation.ui.pages.base import plain_label
from waystation.vault.profile_json import parse_date


def hint_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A quieter, wrapped plain-text label for explanations under a heading or a control."""
    label = plain_label(text, parent, wrap=True)
    palette = label.palette()
    ink, paper = palette.color(QPalette.ColorRole.WindowText), palette.color(QPalette.ColorRole.Window)
    # Two thirds of the way from the background to the text: quieter, still well above 4.5:1.
    quiet = QColor(
        (2 * ink.red() + paper.red()) // 3,
        (2 * ink.green() + paper.green()) // 3,
        (2 * ink.blue() + paper.blue()) // 3,
    )
    palette.setColor(QPalette.ColorRole.WindowText, quiet)
    label.setPalette(palette)
    return label


def show_text(label: QLabel, text: str) -> None:
    """Set a label's text and hide it while empty (an empty wrapped label still takes room)."""
    label.setText(text)
    label.setVisible(bool(text))


def set_text_quietly(edit: QLineEdit, text: str) -> None:
    """Set a line edit's text only when it differs (keeps the cursor where the person left it)."""
    if edit.text() != text:
        edit.setText(text)


class MessageField(QWidget):
    """A line edit with a message label under it (hidden while there is nothing to say)."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.message = plain_label("", self, wrap=True)
        self.message.setObjectName("message")
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.message)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self.edited)

    def text(self) -> str:
        return self.edit.text().strip()

    def set_text(self, text: str) -> None:
        set_text_quietly(self.edit, text)

    def show_problem(self, problem: str | None) -> None:
        self.message.setText(problem or "")
        self.message.setVisible(bool(problem))
        self.edit.setAccessibleDescription(problem or "")

    def problem(self) -> str | None:
        return self.message.text() or None

    def clear(self) -> None:
        self.edit.setText("")  # unlike clear(), setText() also empties the undo history
        self.show_problem(None)


def date_problem(text: str, *, required: bool = False) -> str | None:
    """Why ``text`` is not an acceptable date, or None."""
    if not text:
        return _("Required.") if required else None
    if parse_date(text) is None:
        return _("Not a date: type it as YYYY-MM-DD, e.g. 2026-09-01.")
    return None


class DateField(MessageField):
    """A date typed as YYYY-MM-DD; an empty field means "not known"."""

    def __init__(self, parent: QWidget | None = None, *, required: bool = False) -> None:
        super().__init__(parent)
        self.required = required
        self.edit.setMaxLength(10)
        self.retranslate()

    def local_problem(self) -> str | None:
        return date_problem(self.text(), required=self.required)

    def value(self) -> date | None:
        return parse_date(self.text())

    def set_value(self, value: date | None) -> None:
        self.set_text(value.isoformat() if value else "")

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(_("YYYY-MM-DD"))
