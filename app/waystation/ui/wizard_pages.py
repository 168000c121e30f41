"""The first pages of the first-run wizard: where the person is, since when and at which address,
and why they came. Each page checks its own fields and shows a message right
under the field; the wizard checks the whole profile once more before anything is written."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from waystation.content.loader import PackLibrary
from waystation.i18n import _, current_language
from waystation.ui.pages.base import plain_label
from waystation.ui.widgets.country import guide_label
from waystation.ui.widgets.date_input import DateLineEdit, date_problem

PURPOSES: tuple[str, ...] = (
    "work",
    "self_employed",
    "study",
    "family",
    "business",
    "humanitarian",
    "asylum",
    "property",
)


def purpose_name(purpose: str) -> str:
    names = {
        "work": _("Work for an employer"),
        "self_employed": _("Work for yourself (freelance, sole trader)"),
        "study": _("Study"),
        "family": _("Join or accompany family"),
        "business": _("Run or open a company"),
        "humanitarian": _("Humanitarian protection"),
        "asylum": _("Asylum"),
        "property": _("Own property here"),
    }
    return names.get(purpose, purpose)


def message_label(parent: QWidget) -> QLabel:
    label = plain_label("", parent, wrap=True)
    label.setObjectName("message")
    label.setVisible(False)
    return label


def with_message(parent: QWidget, field: QWidget, message: QLabel) -> QWidget:
    """A field with its message right under it (hidden while there is nothing to say)."""
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    layout.addWidget(message)
    return box


class WizardStep(QWizardPage):
    """A page that owns some fields of the profile document (by their path, e.g. "host.country")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.messages: dict[str, QLabel] = {}
        self.intro = plain_label("", self, wrap=True)

    def owns(self, path: str) -> QLabel | None:
        """The message label for a problem at ``path``, if the field is on this page."""
        for prefix, label in self.messages.items():
            if path == prefix or path.startswith((prefix + ".", prefix + "[")):
                return label
        return None

    def show_problem(self, label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(True)

    def clear_problems(self) -> None:
        for label in self.messages.values():
            label.clear()
            label.setVisible(False)

    def contribute(self, document: dict[str, Any]) -> None:
        raise NotImplementedError

    def retranslate(self) -> None:
        raise NotImplementedError

    def forget(self) -> None:
        """Drop everything typed in (the vault was locked)."""
        self.clear_problems()


class HostPage(WizardStep):
    def __init__(self, library: PackLibrary, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.today = today
        self.country = QComboBox(self)
        self.arrival = DateLineEdit(self)
        self.arrival.today = self.arrival.latest = lambda: self.today
        self.city = QLineEdit(self)
        self.address = QLineEdit(self)
        self.messages = {"host.country": message_label(self), "host.arrival_date": message_label(self)}
        self.messages["stays"] = self.messages["host.arrival_date"]
        self.country_label = plain_label("", self)
        self.arrival_label = plain_label("", self)
        self.country_label.setBuddy(self.country)
        self.arrival_label.setBuddy(self.arrival)
        form = QFormLayout()
        form.addRow(self.country_label, with_message(self, self.country, self.messages["host.country"]))
        arrival_box = with_message(self, self.arrival, self.messages["host.arrival_date"])
        arrival_layout = arrival_box.layout()
        assert arrival_layout is not None
        arrival_layout.setAlignment(self.arrival, Qt.AlignmentFlag.AlignLeft)  # a date needs no full row
        form.addRow(self.arrival_label, arrival_box)
        self.city_label = plain_label("", self)
        self.address_label = plain_label("", self)
        self.city_label.setBuddy(self.city)
        self.address_label.setBuddy(self.address)
        form.addRow(self.city_label, self.city)
        form.addRow(self.address_label, self.address)
        self.address_hint = plain_label("", self, wrap=True)
        self.address_hint.setObjectName("meta")
        form.addRow(self.address_hint)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addStretch(1)
        self.forget()

    def fill_countries(self) -> None:
        chosen = self.country.currentData()
        language = current_language()
        packs = [p for p in (self.library.get(code) for code in self.library.countries()) if p is not None]
        self.country.clear()
        self.country.addItem(_("Choose a country…"), None)
        for pack in sorted(packs, key=lambda p: p.name.get(language)):
            self.country.addItem(guide_label(pack.name.get(language), pack.coverage.partial), pack.country)
            if pack.coverage.partial and pack.coverage.missing is not None:
                self.country.setItemData(
                    self.country.count() - 1, pack.coverage.missing.get(language), Qt.ItemDataRole.ToolTipRole
                )
        self.country.setCurrentIndex(max(self.country.findData(chosen), 0))

    def validatePage(self) -> bool:  # noqa: N802 (Qt API)
        self.clear_problems()
        ok = True
        if self.country.currentData() is None:
            self.show_problem(self.messages["host.country"], _("Choose the country you are in now."))
            ok = False
        arrival = self.arrival.value()
        problem = date_problem(self.arrival.text())
        if problem is None and arrival is not None and arrival > self.today:
            problem = _("The arrival date is in the future.")
        if problem is not None:
            self.show_problem(self.messages["host.arrival_date"], problem)
            ok = False
        return ok

    def contribute(self, document: dict[str, Any]) -> None:
        """The arrival becomes the first entry, an open one (no exit yet): one truth for both."""
        country = self.country.currentData()
        value = self.arrival.value()
        arrival = value.isoformat() if value is not None else None
        document["host"]["country"] = country
        document["host"]["arrival_date"] = arrival
        for key, edit in (("city", self.city), ("address", self.address)):
            text = " ".join(edit.text().split())
            if text:  # an empty field leaves the profile's value as it is
                document["host"][key] = text
        stays = [{"country": country, "entered": arrival, "left": None}] if country and arrival else []
        document["stays"] = stays

    def retranslate(self) -> None:
        self.setTitle(_("Where are you now?"))
        self.intro.setText(
            _(
                "Waystation counts your legal stay from the day you arrived and shows the steps for "
                "this country. You can change all of this later in the profile."
            )
        )
        self.country_label.setText(_("&Country:"))
        self.arrival_label.setText(_("&Arrived on:"))
        self.country.setAccessibleName(_("Country you are in now"))
        self.arrival.setAccessibleName(_("Day you arrived"))
        self.city_label.setText(_("C&ity:"))
        self.address_label.setText(_("Add&ress:"))
        self.city.setAccessibleName(_("City"))
        self.address.setAccessibleName(_("Address where you live"))
        self.address_hint.setText(
            _(
                "Where you live or are registered now, as an office would write it. You can leave it for later."
            )
        )
        self.arrival.retranslate()
        self.fill_countries()

    def forget(self) -> None:
        super().forget()
        self.country.setCurrentIndex(0)
        for edit in (self.arrival, self.city, self.address):
            edit.setText("")  # empty: not known; clear() would stay in the undo history


class PurposesPage(WizardStep):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes = {purpose: QCheckBox(self) for purpose in PURPOSES}
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addSpacing(8)
        for box in self.boxes.values():
            layout.addWidget(box)
        layout.addStretch(1)

    def purposes(self) -> list[str]:
        return [purpose for purpose, box in self.boxes.items() if box.isChecked()]

    def contribute(self, document: dict[str, Any]) -> None:
        """Purposes are a vault setting, not part of the profile document."""

    def retranslate(self) -> None:
        self.setTitle(_("Why are you here?"))
        self.intro.setText(
            _(
                "Some steps are only for some purposes. Tick what fits; if you are not sure, leave it "
                "empty and those steps will be shown as \u201cmay apply\u201d."
            )
        )
        for purpose, box in self.boxes.items():
            box.setText(purpose_name(purpose))

    def forget(self) -> None:
        super().forget()
        for box in self.boxes.values():
            box.setChecked(False)
