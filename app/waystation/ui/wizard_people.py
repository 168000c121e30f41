"""The wizard pages about people: the person's names (native script and Latin, with the Latin
form offered by the passport transliteration) and the family members who came along."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from waystation.i18n import _
from waystation.translit import to_latin
from waystation.ui.pages.base import plain_label
from waystation.ui.widgets.date_input import DateLineEdit, date_problem
from waystation.ui.wizard_pages import WizardStep, message_label, with_message

LATIN_NAME = re.compile(r"^[A-Za-z][A-Za-z '\-]*$")
RELATIONS: tuple[str, ...] = ("spouse", "partner", "child", "parent", "sibling", "other")
NAME_FIELDS: tuple[str, ...] = ("family_name", "given_names", "patronymic")
LATIN_FIELDS = {"family_name_latin": "family_name", "given_names_latin": "given_names"}


def relation_name(relation: str) -> str:
    names = {
        "spouse": _("Spouse"),
        "partner": _("Partner"),
        "child": _("Child"),
        "parent": _("Parent"),
        "sibling": _("Brother or sister"),
        "other": _("Other relative"),
    }
    return names.get(relation, relation)


class NamesPage(WizardStep):
    """Latin fields follow the native ones (transliterated) until the user types in them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edits = {name: QLineEdit(self) for name in (*NAME_FIELDS, *LATIN_FIELDS)}
        self.labels = {name: plain_label("", self) for name in self.edits}
        self.messages = {f"person.{name}": message_label(self) for name in self.edits}
        self.corrected: set[str] = set()
        self.suggest_button = QPushButton(self)
        self.suggest_button.clicked.connect(self.suggest)
        self.hint = plain_label("", self, wrap=True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for name, edit in self.edits.items():
            self.labels[name].setBuddy(edit)
            form.addRow(self.labels[name], with_message(self, edit, self.messages[f"person.{name}"]))
        for latin, native in LATIN_FIELDS.items():
            self.edits[native].textChanged.connect(lambda _text, field=latin: self._follow(field))
            self.edits[latin].textEdited.connect(lambda _text, field=latin: self.corrected.add(field))
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.suggest_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def _follow(self, latin: str) -> None:
        if latin not in self.corrected:
            self.edits[latin].setText(to_latin(self.edits[LATIN_FIELDS[latin]].text().strip()))

    def suggest(self) -> None:
        """Offer the passport spelling again, replacing the user's corrections."""
        self.corrected.clear()
        for latin in LATIN_FIELDS:
            self._follow(latin)

    def text(self, name: str) -> str:
        return " ".join(self.edits[name].text().split())

    def validatePage(self) -> bool:  # noqa: N802 (Qt API)
        self.clear_problems()
        ok = True
        for latin in LATIN_FIELDS:
            value = self.text(latin)
            if value and not LATIN_NAME.match(value):
                self.show_problem(
                    self.messages[f"person.{latin}"],
                    _("Use Latin letters only, exactly as in your passport."),
                )
                ok = False
        return ok

    def contribute(self, document: dict[str, Any]) -> None:
        for name in self.edits:
            document["person"][name] = self.text(name)

    def retranslate(self) -> None:
        self.setTitle(_("Your name"))
        self.intro.setText(_("As it is written in your passport. You can leave this for later."))
        texts = {
            "family_name": _("&Family name:"),
            "given_names": _("&Given names:"),
            "patronymic": _("Pa&tronymic:"),
            "family_name_latin": _("Family name in &Latin letters:"),
            "given_names_latin": _("Given names in Latin l&etters:"),
        }
        for name, text in texts.items():
            self.labels[name].setText(text)
            self.edits[name].setAccessibleName(text.replace("&", "").rstrip(":"))
        self.hint.setText(
            _(
                "The Latin spelling is suggested the way Russian passports write names (ICAO 9303). "
                "If your passport spells it differently, correct it here: the passport wins."
            )
        )
        self.suggest_button.setText(_("&Suggest the Latin spelling again"))

    def forget(self) -> None:
        super().forget()
        for edit in self.edits.values():
            edit.setText("")  # clear() would stay in the undo history
        self.corrected.clear()


class FamilyRow(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.relation = QComboBox(self)
        for relation in RELATIONS:
            self.relation.addItem(relation_name(relation), relation)
        self.family_name = QLineEdit(self)
        self.given_names = QLineEdit(self)
        self.born = DateLineEdit(self)
        self.born.latest = lambda: self.born.today()  # nobody is born after today
        self.born.setMinimumWidth(self.born.fontMetrics().horizontalAdvance("00.00.0000") + 48)
        self.remove_button = QPushButton(self)
        self.message = message_label(self)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.relation)
        row.addWidget(self.family_name, 2)
        row.addWidget(self.given_names, 2)
        row.addWidget(self.born, 1)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.retranslate()

    def retranslate(self) -> None:
        for index in range(self.relation.count()):
            self.relation.setItemText(index, relation_name(str(self.relation.itemData(index))))
        self.relation.setAccessibleName(_("Relation"))
        self.family_name.setPlaceholderText(_("Family name"))
        self.family_name.setAccessibleName(_("Family name"))
        self.given_names.setPlaceholderText(_("Given names"))
        self.given_names.setAccessibleName(_("Given names"))
        self.born.retranslate()
        self.born.setToolTip(_("Date of birth"))
        self.born.setAccessibleName(_("Date of birth"))
        self.remove_button.setText(_("Remove"))
        self.remove_button.setAccessibleName(_("Remove this family member"))

    def document(self) -> dict[str, Any]:
        born = self.born.value()
        return {
            "relation": self.relation.currentData(),
            "family_name": " ".join(self.family_name.text().split()),
            "given_names": " ".join(self.given_names.text().split()),
            "date_of_birth": born.isoformat() if born else (self.born.text().strip() or None),
        }

    def forget(self) -> None:
        for edit in (self.family_name, self.given_names, self.born):
            edit.setText("")
        self.message.clear()


class FamilyPage(WizardStep):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[FamilyRow] = []
        self.general = message_label(self)
        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(self.add_row)
        self.rows_box = QVBoxLayout()
        self.rows_box.setSpacing(8)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addSpacing(8)
        layout.addLayout(self.rows_box)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.general)
        layout.addStretch(1)

    def add_row(self) -> FamilyRow:
        row = FamilyRow(self)
        row.remove_button.clicked.connect(lambda _checked=False, r=row: self.remove_row(r))
        self.rows.append(row)
        self.rows_box.addWidget(row)
        row.relation.setFocus()
        return row

    def remove_row(self, row: FamilyRow) -> None:
        index = self.rows.index(row)
        self.rows.remove(row)
        row.forget()
        row.hide()
        self.rows_box.removeWidget(row)
        row.deleteLater()
        neighbour = self.rows[min(index, len(self.rows) - 1)] if self.rows else None
        (neighbour.relation if neighbour else self.add_button).setFocus()

    def owns(self, path: str) -> QLabel | None:
        match = re.match(r"^family\[(\d+)\]", path)
        if match and int(match.group(1)) < len(self.rows):
            return self.rows[int(match.group(1))].message
        return None

    def clear_problems(self) -> None:
        self.general.clear()
        self.general.setVisible(False)
        for row in self.rows:
            row.message.clear()
            row.message.setVisible(False)

    def validatePage(self) -> bool:  # noqa: N802 (Qt API)
        self.clear_problems()
        ok = True
        for row in self.rows:
            problem = date_problem(row.born.text())
            if problem is not None:
                self.show_problem(row.message, problem)
                ok = False
        return ok

    def contribute(self, document: dict[str, Any]) -> None:
        document["family"] = [row.document() for row in self.rows]

    def retranslate(self) -> None:
        self.setTitle(_("Family with you"))
        self.intro.setText(
            _(
                "Add the family members who came with you: relation, family name, given names and "
                "date of birth. Some steps depend on it. You can skip this."
            )
        )
        self.add_button.setText(_("&Add a family member"))
        for row in self.rows:
            row.retranslate()

    def forget(self) -> None:
        for row in list(self.rows):
            self.remove_row(row)
