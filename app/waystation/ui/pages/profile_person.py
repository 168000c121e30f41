"""The person and the host country: simple forms, one field per value, messages under the fields."""

from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from waystation.i18n import _
from waystation.ui.pages.base import plain_label
from waystation.ui.pages.vocabulary import sex_name
from waystation.ui.widgets.country import CountryCombo, country_name
from waystation.ui.widgets.date_field import DateField
from waystation.ui.widgets.fields import MessageField, hint_label
from waystation.vault.models import SEXES, Host, Person


def _form(parent: QWidget) -> QFormLayout:
    form = QFormLayout(parent)
    form.setContentsMargins(0, 0, 0, 0)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setVerticalSpacing(10)
    form.setHorizontalSpacing(16)
    return form


def citizenship_codes(text: str) -> tuple[str, ...]:
    """ "ru, by" → ("RU", "BY"); commas, semicolons and spaces all separate."""
    return tuple(code for code in re.split(r"[\s,;]+", text.upper()) if code)


class CitizenshipsField(MessageField):
    """Country codes typed as "RU, BY"; their names are shown under the field as a check."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names = hint_label("", self)
        layout = self.layout()
        assert layout is not None
        layout.addWidget(self.names)
        self.edit.textChanged.connect(self._show_names)

    def codes(self) -> tuple[str, ...]:
        return citizenship_codes(self.text())

    def _show_names(self) -> None:
        self.names.setText(", ".join(country_name(code) for code in self.codes()))

    def clear(self) -> None:
        super().clear()
        self.names.clear()


class PersonSection(QWidget):
    edited = Signal()

    TEXT_FIELDS = (
        "family_name",
        "given_names",
        "patronymic",
        "family_name_latin",
        "given_names_latin",
        "place_of_birth",
        "phone",
        "email",
    )

    ORDER = (
        "family_name",
        "given_names",
        "patronymic",
        "family_name_latin",
        "given_names_latin",
        "date_of_birth",
        "place_of_birth",
        "sex",
        "citizenships",
        "phone",
        "email",
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Created in the order they appear on screen, which is the order Tab follows.
        self.fields: dict[str, MessageField] = {}
        self.labels: dict[str, QLabel] = {}
        form = _form(self)
        for key in self.ORDER:
            self.labels[key] = label = plain_label("", self)
            widget: QWidget
            if key == "sex":
                widget = self.sex = QComboBox(self)
                label.setBuddy(widget)
            else:
                widget = self.fields[key] = self._field(key)
                label.setBuddy(self.fields[key].edit)
            form.addRow(label, widget)
        for field in self.fields.values():
            field.edited.connect(self.edited)
        self.sex.currentIndexChanged.connect(lambda _i: self.edited.emit())
        self.retranslate()

    def _field(self, key: str) -> MessageField:
        if key == "date_of_birth":
            self.date_of_birth = DateField(self)
            return self.date_of_birth
        if key == "citizenships":
            self.citizenships = CitizenshipsField(self)
            return self.citizenships
        return MessageField(self)

    def person(self) -> Person:
        f = self.fields
        return Person(
            family_name=f["family_name"].text(),
            given_names=f["given_names"].text(),
            patronymic=f["patronymic"].text(),
            family_name_latin=f["family_name_latin"].text(),
            given_names_latin=f["given_names_latin"].text(),
            date_of_birth=self.date_of_birth.value(),
            place_of_birth=f["place_of_birth"].text(),
            sex=self.sex.currentData() or None,
            citizenships=self.citizenships.codes(),
            phone=f["phone"].text(),
            email=f["email"].text(),
        )

    def set_person(self, person: Person) -> None:
        for key in self.TEXT_FIELDS:
            self.fields[key].set_text(str(getattr(person, key)))
        self.date_of_birth.set_value(person.date_of_birth)
        self.sex.setCurrentIndex(max(0, self.sex.findData(person.sex or "")))
        if self.citizenships.codes() != person.citizenships:
            self.citizenships.set_text(", ".join(person.citizenships))

    def snapshot(self) -> tuple[str, ...]:
        return (*(field.key() for field in self.fields.values()), str(self.sex.currentData()))

    def clear(self) -> None:
        for field in self.fields.values():
            field.clear()
        self.sex.setCurrentIndex(0)

    def retranslate(self) -> None:
        texts = {
            "family_name": _("Family name"),
            "given_names": _("Given names"),
            "patronymic": _("Patronymic"),
            "family_name_latin": _("Family name in Latin letters (as in the passport)"),
            "given_names_latin": _("Given names in Latin letters"),
            "date_of_birth": _("Date of birth"),
            "place_of_birth": _("Place of birth"),
            "sex": _("Sex"),
            "citizenships": _("Citizenships (country codes, e.g. RU, BY)"),
            "phone": _("Phone"),
            "email": _("Email"),
        }
        for key, text in texts.items():
            self.labels[key].setText(text)
            target = self.sex if key == "sex" else self.fields[key].edit
            target.setAccessibleName(text)
        self.date_of_birth.retranslate()
        current = self.sex.currentData() if self.sex.count() else ""  # never read an empty combo
        blocked = self.sex.blockSignals(True)
        self.sex.clear()
        self.sex.addItem(_("Not given"), "")
        for sex in SEXES:
            self.sex.addItem(sex_name(sex), sex)
        self.sex.setCurrentIndex(max(0, self.sex.findData(current)))
        self.sex.blockSignals(blocked)
        self.citizenships._show_names()


class HostSection(QWidget):
    edited = Signal()

    def __init__(
        self,
        guide_countries: tuple[str, ...],
        parent: QWidget | None = None,
        *,
        partial_guides: frozenset[str] = frozenset(),
    ) -> None:
        super().__init__(parent)
        self.country = CountryCombo(self, first=guide_countries, partial=partial_guides)
        self.city = MessageField(self)
        self.address = MessageField(self)
        self.arrival_date = DateField(self)
        self.fields: dict[str, MessageField] = {
            "city": self.city,
            "address": self.address,
            "arrival_date": self.arrival_date,
        }
        self.country_label = plain_label("", self)
        self.country_label.setBuddy(self.country)
        self.labels: dict[str, QLabel] = {}
        form = _form(self)
        form.addRow(self.country_label, self.country)
        for key, field in self.fields.items():
            self.labels[key] = label = plain_label("", self)
            label.setBuddy(field.edit)
            form.addRow(label, field)
            field.edited.connect(self.edited)
        self.country.currentIndexChanged.connect(lambda _i: self.edited.emit())
        self.retranslate()

    def host(self) -> Host:
        return Host(
            country=self.country.code(),
            city=self.city.text(),
            address=self.address.text(),
            arrival_date=self.arrival_date.value(),
        )

    def set_host(self, host: Host) -> None:
        self.country.set_code(host.country)
        self.city.set_text(host.city)
        self.address.set_text(host.address)
        self.arrival_date.set_value(host.arrival_date)

    def snapshot(self) -> tuple[str, ...]:
        return (str(self.country.code()), *(field.key() for field in self.fields.values()))

    def clear(self) -> None:
        self.country.set_code(None)
        for field in self.fields.values():
            field.clear()

    def retranslate(self) -> None:
        texts = {
            "city": _("City"),
            "address": _("Address"),
            "arrival_date": _("Arrival date"),
        }
        self.country_label.setText(_("Country you live in now"))
        self.country.setAccessibleName(_("Country you live in now"))
        blocked = self.country.blockSignals(True)
        self.country.retranslate()
        self.country.blockSignals(blocked)
        for key, text in texts.items():
            self.labels[key].setText(text)
            self.fields[key].edit.setAccessibleName(text)
        self.arrival_date.retranslate()
