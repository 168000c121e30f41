"""The mapping editor: the form's fields in a list (printed label, what fills it, what it will
read), and under it the choice for the selected field — a profile value, a fixed text, a state,
by hand — with a date format for dates. The choices and the rules they stand for come from the
core (forms/choices.py); this widget only shows them. Field labels come from the PDF and are
shown as plain text."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from waystation.errors import InvalidInput
from waystation.forms import choices
from waystation.forms.mapping import FormMap, Rule
from waystation.forms.model import FormField, FormInfo
from waystation.forms.values import OFF, plan
from waystation.i18n import _
from waystation.ui.pages.base import plain_label
from waystation.vault.models import Profile

NAME_ROLE = Qt.ItemDataRole.UserRole + 1


def kind_name(item: FormField) -> str:
    names = {
        "text": _("text"),
        "checkbox": _("checkbox"),
        "radio": _("radio buttons"),
        "choice": _("list"),
        "signature": _("signature"),
        "button": _("button"),
    }
    return names[item.kind]


def _state_text(item: FormField, state: str) -> str:
    if state == OFF:
        return _("not checked") if item.kind == "checkbox" else _("none chosen")
    if item.kind == "checkbox" and len(item.states) <= 1:
        return _("checked")
    return _("“{state}” chosen").format(state=state)


def _cell(text: str) -> QStandardItem:
    cell = QStandardItem(text)
    cell.setEditable(False)
    return cell


class MappingEditor(QWidget):
    changed = Signal()  # the person changed what fills a field
    selected = Signal(str)  # a field was selected (its name)
    checked = Signal(object)  # the check report for the mapping as it stands (a CheckReport)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info: FormInfo | None = None
        self.mapping: FormMap | None = None
        self.profile: Profile | None = None
        self.today = date.today()
        self._fields: list[FormField] = []
        self._filling = False
        self.model = QStandardItemModel(0, 3, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.field_title = plain_label("", self, wrap=True)
        self.field_title.setObjectName("caption")
        self.source = QComboBox(self)
        self.source.setMaxVisibleItems(20)
        self.text = QLineEdit(self)
        self.text_note = plain_label("", self, wrap=True)
        self.text_note.setObjectName("meta")
        self.date_format = QComboBox(self)
        self.date_format.setEditable(True)
        self.row_labels = {key: QLabel(self) for key in ("source", "text", "date_format")}
        self.details = QFormLayout()
        self.details.addRow(self.field_title)
        self.details.addRow(self.row_labels["source"], self.source)
        self.details.addRow(self.row_labels["text"], self.text)
        self.details.addRow(self.text_note)
        self.details.addRow(self.row_labels["date_format"], self.date_format)
        for key, widget in (("source", self.source), ("text", self.text), ("date_format", self.date_format)):
            self.row_labels[key].setBuddy(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.details)
        self.table.selectionModel().selectionChanged.connect(lambda *_args: self._row_chosen())
        self.source.activated.connect(lambda _index: self._edited())
        self.text.editingFinished.connect(self._edited)
        self.date_format.activated.connect(lambda _index: self._edited())
        typed = self.date_format.lineEdit()
        if typed is not None:
            typed.editingFinished.connect(self._edited)
        self.retranslate()
        self._show_details(None)

    def retranslate(self) -> None:
        self.model.setHorizontalHeaderLabels(
            [_("Field on the form"), _("Fills with"), _("What it will read")]
        )
        self.table.setAccessibleName(_("Fields of the form"))
        self.source.setAccessibleName(_("What fills the field"))
        self.text.setAccessibleName(_("Fixed text"))
        self.text.setPlaceholderText(_("Text written in the field"))
        self.text_note.setText(
            _(
                "A fixed text is saved in the mapping as typed: do not type personal details here if you share it."
            )
        )
        self.date_format.setAccessibleName(_("Date format"))
        self.row_labels["source"].setText(_("&Fills with:"))
        self.row_labels["text"].setText(_("&Text:"))
        self.row_labels["date_format"].setText(_("&Date format:"))
        if self.info is not None and self.mapping is not None and self.profile is not None:
            self.show_form(self.info, self.mapping, self.profile, self.today)

    # -- content -------------------------------------------------------------------------------

    def show_form(self, info: FormInfo, mapping: FormMap, profile: Profile, today: date) -> None:
        """The form's fields with what fills them and what they will read with ``profile``."""
        selected = self.current_name()
        self.info, self.mapping, self.profile, self.today = info, mapping, profile, today
        results = self._results()
        self._fields = [item for item in info.fields if item.fillable or item.kind == "signature"]
        self._filling = True
        self.model.setRowCount(len(self._fields))
        for row, item in enumerate(self._fields):
            name_item = _cell(item.display_label)
            name_item.setData(item.name, NAME_ROLE)
            name_item.setToolTip(f"{item.name} · {kind_name(item)}")
            self.model.setItem(row, 0, name_item)
            self.model.setItem(row, 1, _cell(self._rule_text(item)))
            self.model.setItem(row, 2, _cell(results.get(item.name, "")))
        self._filling = False
        if selected:
            self.select(selected)
        self._checked()

    def _results(self) -> dict[str, str]:
        """What each field will read with the profile as it is."""
        if self.info is None or self.mapping is None or self.profile is None:
            return {}
        planned, _report = plan(self.info, self.mapping, self.profile, self.today)
        found = {}
        for entry in planned:
            if entry.state is not None:
                found[entry.field.name] = _state_text(entry.field, entry.state)
            elif entry.text:
                found[entry.field.name] = entry.text.replace("\n", " / ")
        return found

    def _checked(self) -> None:
        if self.info is not None and self.mapping is not None and self.profile is not None:
            self.checked.emit(plan(self.info, self.mapping, self.profile, self.today)[1])

    def _show_results(self) -> None:
        results = self._results()
        for row, item in enumerate(self._fields):
            cell = self.model.item(row, 2)
            if cell is not None:
                cell.setText(results.get(item.name, ""))

    def clear(self) -> None:
        self.info = self.mapping = self.profile = None
        self._fields = []
        self.model.setRowCount(0)
        self.text.clear()
        self._show_details(None)

    def current_name(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        cell = self.model.item(rows[0].row(), 0)
        return str(cell.data(NAME_ROLE)) if cell is not None else None

    def select(self, name: str) -> None:
        for row, item in enumerate(self._fields):
            if item.name == name:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
                return

    def _item(self, name: str | None) -> FormField | None:
        return next((item for item in self._fields if item.name == name), None)

    def _rule_text(self, item: FormField) -> str:
        rule = self.mapping.rules.get(item.name) if self.mapping else None
        if item.kind == "signature" and rule is None:
            return _("Sign by hand")
        key = choices.key_of(item, rule)
        if key == choices.FIXED_TEXT and rule is not None:
            return _("Fixed text: “{text}”").format(text=rule.constant)
        for choice in choices.choices_for(item):
            if choice.key == key:
                suffix = f" ({rule.date_format})" if rule is not None and rule.date_format else ""
                return choice.label + suffix
        return choices.explain(item, rule)

    # -- the selected field ------------------------------------------------------------------

    def _row_chosen(self) -> None:
        if self._filling:
            return
        name = self.current_name()
        self._show_details(self._item(name))
        if name is not None:
            self.selected.emit(name)

    def _show_details(self, item: FormField | None) -> None:
        for widget in (self.source, self.text, self.date_format, self.text_note, *self.row_labels.values()):
            widget.setVisible(item is not None)
        self.field_title.setText(
            _("Choose a field in the list to say what fills it.")
            if item is None
            else _("{label} ({kind})").format(label=item.display_label, kind=kind_name(item))
        )
        if item is None or self.mapping is None:
            return
        rule = self.mapping.rules.get(item.name)
        key = choices.key_of(item, rule)
        self.source.blockSignals(True)
        self.source.clear()
        if key == choices.AS_IN_MAPPING:
            self.source.addItem(_("As in the mapping: {rule}").format(rule=choices.explain(item, rule)), key)
        for choice in choices.choices_for(item):
            self.source.addItem(choice.label, choice.key)
        self.source.setCurrentIndex(max(0, self.source.findData(key)))
        self.source.setEnabled(item.fillable)
        self.source.blockSignals(False)
        self.text.setText(
            rule.constant
            if rule is not None and rule.kind == "constant" and key == choices.FIXED_TEXT
            else ""
        )
        self._show_extras(key, rule)

    def _show_extras(self, key: str, rule: Rule | None) -> None:
        fixed = key == choices.FIXED_TEXT
        dated = choices.takes_date(rule)
        texts: tuple[QWidget, ...] = (self.text, self.text_note, self.row_labels["text"])
        for widget in texts:
            widget.setVisible(fixed)
        formats: tuple[QWidget, ...] = (self.date_format, self.row_labels["date_format"])
        for widget in formats:
            widget.setVisible(dated)
        if dated and rule is not None:
            self.date_format.blockSignals(True)
            self.date_format.clear()
            self.date_format.addItems(choices.date_formats(rule.date_format))
            self.date_format.setCurrentText(rule.date_format or "DD.MM.YYYY")
            self.date_format.blockSignals(False)

    def _edited(self) -> None:
        item = self._item(self.current_name())
        if item is None or self.mapping is None:
            return
        key = str(self.source.currentData())
        if key == choices.AS_IN_MAPPING:
            return
        before = self.mapping.rules.get(item.name)
        date_format = self.date_format.currentText().strip() if self.date_format.isVisible() else None
        try:
            rule = choices.rule_for(item, key, text=self.text.text(), date_format=date_format or None)
        except InvalidInput:  # a date format that is none: the one before stays
            kept = before.date_format if before is not None else None
            rule = choices.rule_for(item, key, text=self.text.text(), date_format=kept)
        if rule == before:
            self._show_extras(key, rule)
            return
        self.mapping = self.mapping.with_rule(item.name, rule)
        row = self._fields.index(item)
        cell = self.model.item(row, 1)
        if cell is not None:
            cell.setText(self._rule_text(item))
        self._show_extras(key, rule)
        self._show_results()
        self._checked()
        self.changed.emit()
