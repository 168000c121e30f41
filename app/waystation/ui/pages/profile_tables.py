"""Editable tables of the profile (passports, entries and exits, family): one row per record, cells
edited in place (F2, typing or a double click; choices from a drop-down, dates with the app's date
input and its calendar), rows added and removed with buttons. Problems are marked on the cell and
spelled out under the table. A date cell shows the day in the interface language and keeps it as
YYYY-MM-DD (``VALUE``); text that is no date is kept as typed, and marked."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from waystation.i18n import _
from waystation.ui.colours import problem_background
from waystation.ui.icons import icon
from waystation.ui.pages.base import plain_label
from waystation.ui.widgets.date_input import VALUE, DateDelegate, date_problem
from waystation.ui.widgets.date_text import format_input_date, parse_input_date
from waystation.ui.widgets.view_columns import keep_titles_readable

PROBLEM_BACKGROUND = QColor("#fbe3e1")

Choices = Callable[[], list[tuple[str, str]]]  # (stored value, translated label)
Row = dict[str, str]
CellKey = tuple[int, str]
AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    key: str
    title: Callable[[], str]
    kind: Literal["text", "date", "choice", "number"] = "text"
    required: bool = False
    choices: Choices | None = None
    default: str = ""
    past_only: bool = False  # a date that cannot be after today (the calendar offers none)

    def label(self, value: str) -> str:
        labels = dict(self.choices()) if self.choices else {}
        return labels.get(value, value)


class ChoiceDelegate(QStyledItemDelegate):
    """Edits a cell with a drop-down; the stored value lives in ``VALUE``, the label is shown."""

    def __init__(self, column: Column, parent: QWidget) -> None:
        super().__init__(parent)
        self.column = column

    def createEditor(  # noqa: N802 (Qt API)
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        editor = QComboBox(parent)
        editor.setMaxVisibleItems(16)
        for value, label in self.column.choices() if self.column.choices else []:
            editor.addItem(label, value)
        editor.setAccessibleName(self.column.title())
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:  # noqa: N802 (Qt API)
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(VALUE))))

    def setModelData(  # noqa: N802 (Qt API)
        self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), VALUE)
        model.setData(index, editor.currentText(), Qt.ItemDataRole.DisplayRole)


class RecordTable(QWidget):
    edited = Signal()

    def __init__(
        self,
        columns: tuple[Column, ...],
        add_text: Callable[[], str],
        remove_text: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = columns
        self.today: Callable[[], date] = date.today  # the session's clock, for the calendars
        self._add_text = add_text
        self._remove_text = remove_text
        self.table = QTableWidget(0, len(columns), self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move between cells
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        for number, column in enumerate(columns):
            fits = column.kind in ("date", "number") or (column.kind == "choice" and column.key != "country")
            mode = QHeaderView.ResizeMode.ResizeToContents if fits else QHeaderView.ResizeMode.Stretch
            header.setSectionResizeMode(number, mode)
            if column.kind == "choice":
                self.table.setItemDelegateForColumn(number, ChoiceDelegate(column, self.table))
            elif column.kind == "date":
                delegate = DateDelegate(
                    self.table, today=lambda: self.today(), past_only=column.past_only, name=column.title
                )
                self.table.setItemDelegateForColumn(number, delegate)
        self.add_button = QPushButton(icon("add"), "", self)
        self.remove_button = QPushButton(icon("delete"), "", self)
        self.message = plain_label("", self, wrap=True)
        self.message.setObjectName("message")
        self.message.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)
        self.table.itemChanged.connect(self._item_changed)
        self.table.currentCellChanged.connect(lambda *_: self._enable())
        self._fit_height()
        self._enable()
        self.retranslate()

    # -- values -------------------------------------------------------------------------------

    def rows(self) -> list[Row]:
        return [
            {column.key: self._value(row, number) for number, column in enumerate(self.columns)}
            for row in range(self.table.rowCount())
        ]

    def _value(self, row: int, number: int) -> str:
        item = self.table.item(row, number)
        if item is None:
            return ""
        kind = self.columns[number].kind
        if kind == "choice":
            return str(item.data(VALUE) or "")
        if kind == "date" and item.data(VALUE) is not None:
            return str(item.data(VALUE)).strip()
        return item.text().strip()

    def set_rows(self, rows: list[Row]) -> None:
        if rows == self.rows():
            return
        blocked = self.table.blockSignals(True)
        self.table.setRowCount(0)
        for values in rows:
            self._append(values)
        self.table.blockSignals(blocked)
        self._fit_height()
        self._enable()

    def _append(self, values: Row) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for number, column in enumerate(self.columns):
            value = values.get(column.key, "")
            item = QTableWidgetItem(column.label(value) if column.kind == "choice" else value)
            if column.kind == "choice":
                item.setData(VALUE, value)
            elif column.kind == "date":
                _show_date(item, value)
            self.table.setItem(row, number, item)
        return row

    def add_row(self) -> None:
        row = self._append({column.key: column.default for column in self.columns})
        self._fit_height()
        self._enable()
        self.table.setFocus()
        self.table.setCurrentCell(row, 0)
        self.edited.emit()

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        self.table.removeRow(row)
        self._fit_height()
        self._enable()
        self.edited.emit()

    def _item_changed(self, item: QTableWidgetItem) -> None:
        column = self.columns[item.column()]
        blocked = self.table.blockSignals(True)
        if column.kind == "choice":  # keep the shown label in step with the stored value
            label = column.label(str(item.data(VALUE) or ""))
            if item.text() != label:
                item.setText(label)
        elif column.kind == "date":  # keep the day as YYYY-MM-DD, show it in the language's form
            _show_date(item, item.text())
        self.table.blockSignals(blocked)
        self.edited.emit()

    def clear(self) -> None:
        blocked = self.table.blockSignals(True)
        self.table.setRowCount(0)
        self.table.blockSignals(blocked)
        self.show_problems({}, [])
        self._fit_height()
        self._enable()

    # -- problems -----------------------------------------------------------------------------

    def local_problems(self) -> dict[CellKey, str]:
        """What the core cannot even be asked about: unreadable dates and empty required cells."""
        problems: dict[CellKey, str] = {}
        for row, values in enumerate(self.rows()):
            for column in self.columns:
                text = values[column.key]
                if column.kind == "date":
                    problem = date_problem(text, required=column.required)
                elif column.kind == "number" and text and not (text.isdigit() and text.isascii()):
                    problem = _("Not a whole number.")
                else:
                    problem = _("Required.") if column.required and not text else None
                if problem:
                    problems[(row, column.key)] = problem
        return problems

    def show_problems(self, cells: dict[CellKey, str], general: list[str]) -> None:
        blocked = self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            for number, column in enumerate(self.columns):
                item = self.table.item(row, number)
                if item is None:
                    continue
                problem = cells.get((row, column.key))
                item.setBackground(problem_background() if problem else QColor(Qt.GlobalColor.transparent))
                item.setToolTip(problem or "")
        self.table.blockSignals(blocked)
        lines = [
            _("Row {row}, {column}: {problem}").format(row=row + 1, column=self._title(key), problem=problem)
            for (row, key), problem in sorted(cells.items())
        ]
        text = "\n".join(lines + general)
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.table.setAccessibleDescription(text)

    def _title(self, key: str) -> str:
        return next((c.title() for c in self.columns if c.key == key), key)

    # -- look ----------------------------------------------------------------------------------

    def _fit_height(self) -> None:
        """Show every row: the page scrolls, not the table."""
        rows = max(self.table.rowCount(), 1)
        height = (
            self.table.horizontalHeader().sizeHint().height()
            + rows * self.table.verticalHeader().defaultSectionSize()
        )
        self.table.setFixedHeight(height + 2 * self.table.frameWidth())

    def _enable(self) -> None:
        self.remove_button.setEnabled(self.table.currentRow() >= 0 and self.table.rowCount() > 0)

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([column.title() for column in self.columns])
        keep_titles_readable(self.table.horizontalHeader())  # narrow windows (issue 11, item 6)
        blocked = self.table.blockSignals(True)
        for number, column in enumerate(self.columns):
            if column.kind not in ("choice", "date"):
                continue
            for row in range(self.table.rowCount()):
                item = self.table.item(row, number)
                if item is None:
                    continue
                if column.kind == "choice":
                    item.setText(column.label(str(item.data(VALUE) or "")))
                else:
                    _show_date(item, str(item.data(VALUE) or item.text()))
        self.table.blockSignals(blocked)
        self.add_button.setText(self._add_text())
        self.remove_button.setText(self._remove_text())
        self.add_button.setAccessibleName(self._add_text())
        self.remove_button.setAccessibleName(self._remove_text())


def _show_date(item: QTableWidgetItem, text: str) -> None:
    """Keep a date cell's day as YYYY-MM-DD and show it in the language's form (call with the
    table's signals blocked); text that names no day stays as typed."""
    value = parse_input_date(text)
    item.setData(VALUE, value.isoformat() if value is not None else text.strip())
    shown = format_input_date(value) if value is not None else text.strip()
    if item.text() != shown:
        item.setText(shown)
