"""Where a person records their progress on one step: the state, the day it was reached (the
app's date input; empty means "not known", and a step leaving "to do" gets today until the person
says otherwise), a private note. Saving goes through the vault's progress repository; nothing else
is written. ``dirty`` compares with what was last shown, so typing a change back is no change."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from waystation.i18n import _
from waystation.ui.pages.base import plain_label
from waystation.ui.pages.vocabulary import state_name
from waystation.ui.widgets.date_input import DateLineEdit, date_problem, from_qdate, to_qdate
from waystation.vault.models import STEP_STATES, StepProgress

__all__ = ["StepStateEditor", "from_qdate", "to_qdate"]  # the converters moved to date_input

Snapshot = tuple[str, str, str]


class StepStateEditor(QWidget):
    """``save_requested(state, on, note)`` when the user saves; the page does the writing."""

    save_requested = Signal(str, object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = QComboBox(self)
        for state in STEP_STATES:
            self.state.addItem(state_name(state), state)
        self.on = DateLineEdit(self)
        self.on.today = self.on.latest = lambda: self._today
        self.note = QPlainTextEdit(self)
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(80)
        self.save_button = QPushButton(self)
        self.save_button.setDefault(True)  # Enter in the step's fields saves (ui/keyboard.py)
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
        self._shown: Snapshot = self.snapshot()
        self.state.currentIndexChanged.connect(self._state_changed)
        for signal in (self.on.textChanged, self.note.textChanged):
            signal.connect(self._edited)
        shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self._save)
        self.retranslate()

    def snapshot(self) -> Snapshot:
        """State, day and note as they would be saved (a "to do" step keeps no day)."""
        state = str(self.state.currentData())
        value = self.on.value()
        day = "" if state == "todo" else (value.isoformat() if value else self.on.text().strip())
        return (state, day, self.note.toPlainText())

    @property
    def dirty(self) -> bool:
        """Changed since it was last shown or saved."""
        return self.snapshot() != self._shown

    def show_progress(self, progress: StepProgress | None, today: date) -> None:
        self._today = today
        self.state.setCurrentIndex(self.state.findData(progress.state if progress else "todo"))
        self.on.set_value(progress.on if progress else None)
        self.on.setEnabled(self.state.currentData() != "todo")
        self.note.setPlainText(progress.note if progress else "")
        self.date_message.clear()
        self.date_message.setVisible(False)
        self.saved.clear()
        self._shown = self.snapshot()

    def show_saved(self) -> None:
        self.saved.setText(_("Saved."))

    def show_error(self, message: str) -> None:
        self.date_message.setText(message)
        self.date_message.setVisible(True)

    def clear(self) -> None:
        self.note.clear()
        self.on.setText("")  # clear() would stay in the undo history
        self.date_message.clear()
        self.date_message.setVisible(False)
        self.saved.clear()
        self.state.setCurrentIndex(0)
        self._shown = self.snapshot()

    def retranslate(self) -> None:
        for index in range(self.state.count()):
            self.state.setItemText(index, state_name(str(self.state.itemData(index))))
        self.state_label.setText(_("&State:"))
        self.on_label.setText(_("&Date:"))
        self.note_label.setText(_("&Note:"))
        self.on.retranslate()
        self.save_button.setText(_("Save &progress"))
        self.state.setAccessibleName(_("State of this step"))
        self.on.setAccessibleName(_("Date the state was reached"))
        self.note.setAccessibleName(_("Private note for this step"))
        self.note.setPlaceholderText(_("Only you can see this note."))
        self.save_button.setAccessibleDescription(_("Save the state, date and note (Ctrl+S)"))

    def _state_changed(self) -> None:
        started = self.state.currentData() != "todo"
        self.on.setEnabled(started)
        if started and not self.on.text().strip():
            self.on.set_value(self._today)
        self._edited()

    def _edited(self) -> None:
        self.saved.clear()
        if self.date_message.isVisible() and date_problem(self.on.text()) is None:
            self.date_message.clear()  # the date was fixed: the old message goes
            self.date_message.setVisible(False)

    def request_save(self) -> None:
        """Check the day and ask the page to save; ``dirty`` turns False once it is saved."""
        self._save()

    def _save(self) -> None:
        state = str(self.state.currentData())
        self.date_message.clear()
        self.date_message.setVisible(False)
        on = self.on.value()
        problem = None if state == "todo" else date_problem(self.on.text())
        if problem is None and state != "todo" and on is not None and on > self._today:
            problem = _("This date is in the future; choose the day it happened.")
        if problem is not None:
            self.show_error(problem)
            self.on.setFocus()
            return
        self.save_requested.emit(state, None if state == "todo" else on, self.note.toPlainText())
