"""Line edits that carry their own message: a problem is shown right under the field, in words,
while the person types; the quiet labels around them. The date field is ``date_field.DateField``
(the date input and what it loads stay out of the start screen)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from waystation.ui.pages.base import plain_label


def hint_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A quieter, wrapped plain-text label for explanations under a heading or a control."""
    label = plain_label(text, parent, wrap=True)
    # The app's style sheet gives "hint" a quieter ink that keeps 4.5:1 on light and dark
    # palettes, and follows the palette when it changes (waystation.ui.style).
    label.setObjectName("hint")
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

    def __init__(self, parent: QWidget | None = None, *, edit: QLineEdit | None = None) -> None:
        super().__init__(parent)
        self.edit = edit or QLineEdit()
        self.edit.setParent(self)
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

    def key(self) -> str:
        """What the field holds, for telling whether it changed."""
        return self.edit.text()

    def show_problem(self, problem: str | None) -> None:
        self.message.setText(problem or "")
        self.message.setVisible(bool(problem))
        self.edit.setAccessibleDescription(problem or "")

    def problem(self) -> str | None:
        return self.message.text() or None

    def clear(self) -> None:
        self.edit.setText("")  # unlike clear(), setText() also empties the undo history
        self.show_problem(None)
