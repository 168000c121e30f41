"""The wizard page for a person with their passport at hand: citizenship, date and place of birth,
sex, and the passport's number, dates and issuing authority — what every office reads first, typed
once here instead of being hunted down in the profile later. Everything is optional except one
citizenship (the stay rules depend on it); a passport's details need its number."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from waystation.i18n import _
from waystation.ui.pages.base import plain_label
from waystation.ui.pages.vocabulary import sex_name
from waystation.ui.widgets.date_input import DateLineEdit, date_problem
from waystation.ui.wizard_pages import WizardStep, message_label, with_message
from waystation.vault.models import SEXES
from waystation.vault.profile_json import country_codes

LISTED_CITIZENSHIPS: tuple[str, ...] = ("RU", "BY")
PASSPORT_FIELDS: tuple[str, ...] = ("number", "issued", "expires", "authority")


class CitizenshipBox(QWidget):
    """Russia, Belarus, and other citizenships as two-letter codes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.listed = {code: QCheckBox(self) for code in LISTED_CITIZENSHIPS}
        self.other = QLineEdit(self)
        self.other_label = plain_label("", self)
        self.other_label.setBuddy(self.other)
        self.messages = {"person.citizenships": message_label(self)}
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for box in self.listed.values():
            row.addWidget(box)
        row.addSpacing(12)
        row.addWidget(self.other_label)
        row.addWidget(self.other, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.messages["person.citizenships"])

    def codes(self) -> list[str]:
        chosen = [code for code, box in self.listed.items() if box.isChecked()]
        for code in self.other.text().replace(",", " ").upper().split():
            if code not in chosen:
                chosen.append(code)
        return chosen

    def problem(self) -> str | None:
        unknown = [code for code in self.codes() if code not in country_codes()]
        if unknown:
            return _("{codes}: not a country code. Use two letters, e.g. UA or KZ.").format(
                codes=", ".join(unknown)
            )
        if not self.codes():
            return _("Choose at least one citizenship: the stay rules depend on it.")
        return None

    def retranslate(self) -> None:
        self.listed["RU"].setText(_("&Russia"))
        self.listed["BY"].setText(_("&Belarus"))
        self.other_label.setText(_("&Other:"))
        self.other.setPlaceholderText(_("two-letter codes, e.g. UA, KZ"))
        self.other.setAccessibleName(_("Other citizenships as country codes"))

    def forget(self) -> None:
        for box in self.listed.values():
            box.setChecked(False)
        self.other.setText("")  # clear() would stay in the undo history


class SexChoice(QWidget):
    """As the passport states it; none chosen means not given."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.buttons = {sex: QRadioButton(self) for sex in SEXES}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for button in self.buttons.values():
            self.group.addButton(button)
            row.addWidget(button)
        row.addStretch(1)

    def value(self) -> str | None:
        return next((sex for sex, button in self.buttons.items() if button.isChecked()), None)

    def retranslate(self) -> None:
        for sex, button in self.buttons.items():
            button.setText(sex_name(sex))

    def forget(self) -> None:
        self.group.setExclusive(False)  # an exclusive group never lets the last choice go
        for button in self.buttons.values():
            button.setChecked(False)
        self.group.setExclusive(True)


class PassportPage(WizardStep):
    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.citizenship = CitizenshipBox(self)
        self.born = DateLineEdit(self)
        self.born.today = self.born.latest = lambda: self.today
        self.sex = SexChoice(self)
        self.place = QLineEdit(self)
        self.number = QLineEdit(self)
        self.issued = DateLineEdit(self)
        self.issued.today = self.issued.latest = lambda: self.today
        self.expires = DateLineEdit(self)
        self.expires.today = lambda: self.today
        self.authority = QLineEdit(self)
        self.messages = {
            **self.citizenship.messages,
            "person.date_of_birth": message_label(self),
            "person.sex": message_label(self),
            "person.place_of_birth": message_label(self),
            "passports": message_label(self),
        }
        self.labels: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setVerticalSpacing(6)
        for key, field in (
            ("citizenship", self.citizenship),
            ("person.date_of_birth", self.born),
            ("person.sex", self.sex),
            ("person.place_of_birth", self.place),
            ("number", self.number),
            ("issued", self.issued),
            ("expires", self.expires),
            ("passports", self.authority),
        ):
            label = self.labels[key] = plain_label("", self)
            label.setBuddy(self.citizenship.listed["RU"] if field is self.citizenship else field)
            message = self.messages.get(key)
            shown = with_message(self, field, message) if message is not None else field
            if isinstance(field, DateLineEdit):
                box_layout = shown.layout()
                if box_layout is not None:
                    box_layout.setAlignment(field, Qt.AlignmentFlag.AlignLeft)  # a date needs no full row
            form.addRow(label, shown)
        self.passport_heading = plain_label("", self)
        self.passport_heading.setObjectName("strong")
        form.insertRow(4, self.passport_heading)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addSpacing(4)
        layout.addLayout(form)
        layout.addStretch(1)

    # -- answers -------------------------------------------------------------------------------

    def passport(self) -> dict[str, Any] | None:
        """The passport as the profile format writes it, or None when nothing of it was given."""
        texts = {
            "number": " ".join(self.number.text().split()),
            "authority": " ".join(self.authority.text().split()),
        }
        dates = {"issued": self.issued, "expires": self.expires}
        if not any(texts.values()) and not any(edit.text().strip() for edit in dates.values()):
            return None
        document: dict[str, Any] = {"number": texts["number"], "kind": "international"}
        for key, edit in dates.items():
            value = edit.value()
            document[key] = value.isoformat() if value else (edit.text().strip() or None)
        document["authority"] = texts["authority"]
        return document

    def validatePage(self) -> bool:  # noqa: N802 (Qt API)
        self.clear_problems()
        ok = True
        problem = self.citizenship.problem()
        if problem is not None:
            self.show_problem(self.messages["person.citizenships"], problem)
            ok = False
        born_problem = date_problem(self.born.text())
        born = self.born.value()
        if born_problem is None and born is not None and born > self.today:
            born_problem = _("is in the future")
        if born_problem is not None:
            self.show_problem(self.messages["person.date_of_birth"], born_problem)
            ok = False
        passport_problem = self._passport_problem()
        if passport_problem is not None:
            self.show_problem(self.messages["passports"], passport_problem)
            ok = False
        return ok

    def _passport_problem(self) -> str | None:
        for edit in (self.issued, self.expires):
            problem = date_problem(edit.text())
            if problem is not None:
                return problem
        passport = self.passport()
        if passport is not None and not passport["number"]:
            return _("Type the passport's number too, or leave its details for later.")
        issued, expires = self.issued.value(), self.expires.value()
        if issued is not None and issued > self.today:
            return _("The passport's date of issue is in the future.")
        if issued is not None and expires is not None and expires < issued:
            return _("The passport is valid until a day before its date of issue.")
        return None

    def contribute(self, document: dict[str, Any]) -> None:
        """Only what was given: an empty field leaves the profile's value as it is."""
        person = document["person"]
        person["citizenships"] = self.citizenship.codes()
        born = self.born.value()
        if born is not None or self.born.text().strip():
            person["date_of_birth"] = born.isoformat() if born else self.born.text().strip()
        if self.sex.value() is not None:
            person["sex"] = self.sex.value()
        place = " ".join(self.place.text().split())
        if place:
            person["place_of_birth"] = place
        passport = self.passport()
        if passport is not None:
            others = [p for p in document.get("passports") or [] if p.get("number") != passport["number"]]
            document["passports"] = [passport, *others]  # the first passport is the one offices read

    # -- language, forgetting ------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setTitle(_("Your passport"))
        self.intro.setText(
            _(
                "With your passport at hand, copy these from it: offices read them first. Only the "
                "citizenship is needed now; the rest can wait for the profile."
            )
        )
        texts = {
            "citizenship": _("Citizenship:"),
            "person.date_of_birth": _("&Date of birth:"),
            "person.sex": _("Sex:"),
            "person.place_of_birth": _("&Place of birth:"),
            "number": _("Passport &number:"),
            "issued": _("Date of &issue:"),
            "expires": _("&Valid until:"),
            "passports": _("Issued &by:"),
        }
        for key, text in texts.items():
            self.labels[key].setText(text)
        for edit, text in (
            (self.born, _("Date of birth")),
            (self.place, _("Place of birth")),
            (self.number, _("Passport number")),
            (self.issued, _("Passport: date of issue")),
            (self.expires, _("Passport: valid until")),
            (self.authority, _("Passport: issued by")),
        ):
            edit.setAccessibleName(text)
        for edit in (self.born, self.issued, self.expires):
            edit.retranslate()
        self.passport_heading.setText(_("The passport you travel with"))
        self.citizenship.retranslate()
        self.sex.retranslate()

    def forget(self) -> None:
        super().forget()
        self.citizenship.forget()
        self.sex.forget()
        for edit in (self.born, self.place, self.number, self.issued, self.expires, self.authority):
            edit.setText("")  # clear() would stay in the undo history
