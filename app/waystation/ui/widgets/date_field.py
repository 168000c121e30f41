"""The date input with its message under it (``fields.MessageField`` around ``date_input``)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from waystation.ui.widgets.date_input import DateLineEdit, date_problem
from waystation.ui.widgets.fields import MessageField


class DateField(MessageField):
    """The date input with its message under it; an empty field means "not known"."""

    edit: DateLineEdit

    def __init__(self, parent: QWidget | None = None, *, required: bool = False) -> None:
        super().__init__(parent, edit=DateLineEdit())
        self.required = required
        layout = self.layout()
        assert layout is not None
        layout.setAlignment(self.edit, Qt.AlignmentFlag.AlignLeft)  # a date needs no full row
        self.retranslate()

    def local_problem(self) -> str | None:
        return date_problem(self.text(), required=self.required)

    def value(self) -> date | None:
        return self.edit.value()

    def set_value(self, value: date | None) -> None:
        self.edit.set_value(value)

    def key(self) -> str:
        """The day, not how it is written: "01.09.2026" and "2026-09-01" are no change."""
        value = self.value()
        return value.isoformat() if value is not None else self.text()

    def retranslate(self) -> None:
        self.edit.retranslate()
        self.edit.setMinimumWidth(self.edit.sizeHint().width())
