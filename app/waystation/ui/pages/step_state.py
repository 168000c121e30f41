"""Where a person records their progress on one step: the state, the day it was reached, a
private note. Saving goes through the vault's progress repository; nothing else is written."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from waystation.i18n import _, current_language
from waystation.ui.pages.base import plain_label
from waystation.ui.pages.vocabulary import state_name
from waystation.vault.models import STEP_STATES, StepProgress


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class StepStateEditor(QWidget):
    """``save_requested(state, on, note)`` when the user saves; the page does the writing."""

    save_requested = Signal(str, object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = QComboBox(self)
        for state in STEP_STATES:
            self.state.addItem(state_name(state), state)
        self.on = QDateEdit(self)
        self.on.setCalendarPopup(True)
        self.note = QPlainTextEdit(self)
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(80)
        self.save_button = QPushButton(self)
        self.save_button.clicked.connect(self._save)
        self.date_message = plain_label("", self, wrap=True)
        self.date_message.setObjectName("message")
        self.saved = plain_label("", self, wrap=True)
        self.state_label = plain_label("", self)
        self.on_label = plain_label("", self)
        self.note_label = plain_label("", self)
        for label, field in (
            (self.state_label, self.state),
            (self.on_label, self.on),
            (self.note_label, self.note),
        ):
            label.setBuddy(field)
        date_box = QVBoxLayout()
        date_box.setSpacing(2)
        date_box.addWidget(self.on, 0, Qt.AlignmentFlag.AlignLeft)
        date_box.addWidget(self.date_message)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.state_label, self.state)
        form.addRow(self.on_label, date_box)
        form.addRow(self.note_label, self.note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.saved, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self._today = date.today()
        self._dirty = False
        for signal in (self.state.currentIndexChanged, self.on.dateChanged, self.note.textChanged):
            signal.connect(self._edited)
        shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self._save)
        self.retranslate()

    @property
    def dirty(self) -> bool:
        """Edited since it was last shown or saved."""
        return self._dirty

    def show_progress(self, progress: StepProgress | None, today: date) -> None:
        self._today = today
        self.state.setCurrentIndex(self.state.findData(progress.state if progress else "todo"))
        self.on.setDate(to_qdate(progress.on if progress and progress.on else today))
        self.note.setPlainText(progress.note if progress else "")
        self.date_message.clear()
        self.date_message.setVisible(False)
        self.saved.clear()
        self._dirty = False

    def show_saved(self) -> None:
        self.saved.setText(_("Saved."))

    def show_error(self, message: str) -> None:
        self.date_message.setText(message)
        self.date_message.setVisible(True)

    def clear(self) -> None:
        self.note.clear()
        self.date_message.clear()
        self.date_message.setVisible(False)
        self.saved.clear()
        self.state.setCurrentIndex(0)
        self._dirty = False

    def retranslate(self) -> None:
        for index in range(self.state.count()):
            self.state.setItemText(index, state_name(str(self.state.itemData(index))))
        self.state_label.setText(_("&State:"))
        self.on_label.setText(_("&Date:"))
        self.note_label.setText(_("&Note:"))
        self.on.setDisplayFormat("yyyy-MM-dd")
        self.on.setLocale(QLocale(current_language()))  # the calendar popup's month names
        self.save_button.setText(_("Save &progress"))
        self.state.setAccessibleName(_("State of this step"))
        self.on.setAccessibleName(_("Date the state was reached"))
        self.note.setAccessibleName(_("Private note for this step"))
        self.note.setPlaceholderText(_("Only you can see this note."))
        self.save_button.setAccessibleDescription(_("Save the state, date and note (Ctrl+S)"))

    def _edited(self) -> None:
        self._dirty = True
        self.saved.clear()

    def _save(self) -> None:
        state = str(self.state.currentData())
        on = from_qdate(self.on.date())
        self.date_message.clear()
        self.date_message.setVisible(False)
        if state != "todo" and on > self._today:
            self.show_error(_("This date is in the future; choose the day it happened."))
            self.on.setFocus()
            return
        self.save_requested.emit(state, None if state == "todo" else on, self.note.toPlainText())
