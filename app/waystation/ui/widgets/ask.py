"""Questions asked in a message box. Screens hold these as attributes (``self.confirm = ...``) so a
test can answer them without a real dialog. Texts are plain text: they may quote a title."""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

Leaving = Literal["save", "discard", "cancel"]


def _box(parent: QWidget | None, title: str, text: str, icon: QMessageBox.Icon) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setWindowTitle(title)
    box.setText(text)
    return box


def confirm(parent: QWidget | None, title: str, text: str, action: str) -> bool:
    """True when the person chose ``action`` (a verb such as "Delete"), False on Cancel."""
    box = _box(parent, title, text, QMessageBox.Icon.Question)
    chosen = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is chosen


def save_discard_cancel(parent: QWidget | None, title: str, text: str) -> Leaving:
    box = _box(parent, title, text, QMessageBox.Icon.Question)
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return "save"
    if answer == QMessageBox.StandardButton.Discard:
        return "discard"
    return "cancel"
