"""What is known about one document — kind, the passport it shows, title, dates — as a small form,
used by the add dialog and by the details beside the list.

A passport scan can be linked to a passport recorded in the profile. While it is, the dates that
passport has in the profile are shown here read-only (the profile is the one place to change them),
and the packet checklist and expiry warnings treat the scan as that passport."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QVBoxLayout, QWidget

from waystation.errors import InvalidInput
from waystation.i18n import _
from waystation.ui.pages.base import plain_label
from waystation.ui.pages.vocabulary import document_kind_name
from waystation.ui.widgets.date_field import DateField
from waystation.ui.widgets.fields import MessageField, hint_label, show_text
from waystation.vault.models import DOCUMENT_KINDS, Passport
from waystation.vault.passport_scans import find_passport, number_key
from waystation.vault.repositories.documents import check_dates

NOT_LINKED = ""  # the passport list's data for "not linked"


@dataclass(frozen=True)
class DocumentValues:
    kind: str
    title: str
    issued: date | None = None
    expires: date | None = None
    passport_number: str | None = None


def passport_label(passport: Passport) -> str:
    """Short, for a narrow list: its dates show in the date fields once it is chosen."""
    kinds = {"international": _("International"), "internal": _("Internal")}  # as in the profile
    kind = kinds.get(passport.kind)
    if kind is None:
        return passport.number
    return _("{number} ({kind})").format(number=passport.number, kind=kind)


def _lock(field: DateField, locked: bool) -> None:
    """Read-only, yet still focusable and read aloud (disabled text would be grey and skipped)."""
    field.edit.setReadOnly(locked)
    for action in field.edit.actions():  # a calendar button picks no day either
        action.setEnabled(not locked)


class DocumentFields(QWidget):
    """``finished`` is emitted when the person completed an edit (left a field, pressed Enter,
    chose from a list); ``values()`` is None while something typed is wrong."""

    finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.passports: tuple[Passport, ...] = ()
        self._lost_link: str | None = None  # a stored link whose passport left the profile
        self.kind = QComboBox(self)
        self.passport = QComboBox(self)
        for combo in (self.kind, self.passport):
            # long names ("number — kind, valid until …") must not widen the form beyond a narrow
            # side panel; the open list shows them whole
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        self.passport_note = hint_label("", self)
        self.title_field = MessageField(self)
        self.issued = DateField(self)
        self.expires = DateField(self)
        self.labels = {
            key: plain_label("", self) for key in ("kind", "passport", "title", "issued", "expires")
        }
        self.form = QFormLayout()
        self._build()
        self.kind.activated.connect(lambda _i: self._kind_chosen())
        self.passport.activated.connect(lambda _i: self._passport_chosen())
        for field in (self.title_field, self.issued, self.expires):
            field.edit.editingFinished.connect(self._finished)
        for field in (self.issued, self.expires):
            field.edited.connect(self.check)
        self.retranslate()

    def _build(self) -> None:
        passport_box = QWidget(self)
        box = QVBoxLayout(passport_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(self.passport)
        box.addWidget(self.passport_note)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setContentsMargins(0, 0, 0, 0)
        rows: dict[str, tuple[QWidget, QWidget]] = {
            "kind": (self.kind, self.kind),
            "passport": (passport_box, self.passport),
            "title": (self.title_field, self.title_field.edit),
            "issued": (self.issued, self.issued.edit),
            "expires": (self.expires, self.expires.edit),
        }
        for key, (widget, buddy) in rows.items():
            self.labels[key].setBuddy(buddy)
            self.form.addRow(self.labels[key], widget)
        self._passport_box = passport_box
        self.setLayout(self.form)

    # -- reading and writing --------------------------------------------------------------------

    def set_passports(self, passports: Sequence[Passport]) -> None:
        """The passports of the profile, to link a passport scan to."""
        self.passports = tuple(p for p in passports if p.number)
        self._fill_passports(self.chosen_passport())

    def show_values(self, values: DocumentValues) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(values.kind)))
        self.title_field.set_text(values.title)
        self.issued.set_value(values.issued)
        self.expires.set_value(values.expires)
        known = find_passport(self.passports, values.passport_number)
        self._lost_link = values.passport_number if values.passport_number and known is None else None
        self._fill_passports(known.number if known else values.passport_number)
        self._follow_link()
        self.check()

    def values(self) -> DocumentValues | None:
        if not self.check():
            return None
        kind = str(self.kind.currentData())
        return DocumentValues(
            kind=kind,
            title=self.title_field.text(),
            issued=self.issued.value(),
            expires=self.expires.value(),
            passport_number=self.chosen_passport() if kind == "passport" else None,
        )

    def chosen_passport(self) -> str | None:
        number = self.passport.currentData()
        return str(number) if number else None

    def check(self) -> bool:
        """Show what is wrong under the date fields; True when nothing is."""
        issued, expires = self.issued.local_problem(), self.expires.local_problem()
        self.issued.show_problem(issued)
        if issued is None and expires is None:
            try:
                check_dates(self.issued.value(), self.expires.value())
            except InvalidInput as exc:
                expires = exc.message
        self.expires.show_problem(expires)
        return issued is None and expires is None

    def problem_field(self) -> QWidget | None:
        """The first field with a problem (to put the focus on), or None."""
        self.check()
        return next((f.edit for f in (self.issued, self.expires) if f.problem()), None)

    def clear(self) -> None:
        self.passports = ()
        self._lost_link = None
        self.passport.clear()
        for field in (self.title_field, self.issued, self.expires):
            field.clear()
        self.kind.setCurrentIndex(max(0, self.kind.findData("other")))
        self._follow_link()

    # -- the passport link ----------------------------------------------------------------------

    def _fill_passports(self, chosen: str | None) -> None:
        blocked = self.passport.blockSignals(True)
        self.passport.clear()
        self.passport.addItem(_("Not linked"), NOT_LINKED)
        for passport in self.passports:
            self.passport.addItem(passport_label(passport), passport.number)
        if self._lost_link:
            self.passport.addItem(
                _("{number} — no longer in the profile").format(number=self._lost_link), self._lost_link
            )
        index = 0
        if chosen:
            index = next(
                (
                    i
                    for i in range(1, self.passport.count())
                    if number_key(self.passport.itemData(i)) == number_key(chosen)
                ),
                0,
            )
        self.passport.setCurrentIndex(index)
        self.passport.blockSignals(blocked)

    def _kind_chosen(self) -> None:
        if (
            self.kind.currentData() == "passport"
            and self.chosen_passport() is None
            and len(self.passports) == 1
        ):
            self._fill_passports(self.passports[0].number)  # the only passport: surely the one shown
        self._follow_link()
        self._finished()

    def _passport_chosen(self) -> None:
        if self._lost_link and self.chosen_passport() != self._lost_link:
            self._lost_link = None  # chosen away from: the lost link is gone from the list
            self._fill_passports(self.chosen_passport())
        self._follow_link()
        self._finished()

    def _follow_link(self) -> None:
        """Show the passport row for passports only; take the linked passport's dates."""
        is_passport = self.kind.currentData() == "passport"
        self.form.setRowVisible(self._passport_box, is_passport)
        linked = find_passport(self.passports, self.chosen_passport()) if is_passport else None
        dates = (linked.issued, linked.expires) if linked is not None else (None, None)
        for field, value in zip((self.issued, self.expires), dates, strict=True):
            if value is not None:
                field.set_value(value)
            _lock(field, value is not None)
        self.passport.setEnabled(bool(self.passports) or bool(self._lost_link))
        note = self._passport_note(linked) if is_passport else ""
        show_text(self.passport_note, note)
        self.form.invalidate()  # QFormLayout keeps the note's old height otherwise (clipped text)
        self.passport.setAccessibleDescription(note)  # a screen reader hears it with the list
        self.check()

    def _passport_note(self, linked: Passport | None) -> str:
        if self._lost_link and self.chosen_passport() == self._lost_link:
            return _("This passport is no longer in your profile. Choose the passport the scan shows.")
        if linked is not None and (linked.issued or linked.expires):
            return _("Its dates come from your profile; change them there.")
        if linked is not None:
            return _("The profile has no dates for this passport; type them here or in the profile.")
        if not self.passports:
            return _("Record your passport in Profile to link this scan to it.")
        return _("Choose the passport this scan shows: its dates then come from your profile.")

    def _finished(self) -> None:
        self.finished.emit()

    def retranslate(self) -> None:
        texts = {
            "kind": _("&Kind"),
            "passport": _("Pa&ssport"),
            "title": _("&Title"),
            "issued": _("&Issued on"),
            "expires": _("E&xpires on"),
        }
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.kind.setAccessibleName(_("Kind"))
        self.passport.setAccessibleName(_("Passport in the profile"))
        self.title_field.edit.setAccessibleName(_("Title"))
        self.issued.edit.setAccessibleName(_("Issued on"))
        self.expires.edit.setAccessibleName(_("Expires on"))
        current = self.kind.currentData() if self.kind.count() else "other"  # never read an empty combo
        blocked = self.kind.blockSignals(True)
        self.kind.clear()
        for kind in DOCUMENT_KINDS:
            self.kind.addItem(document_kind_name(kind), kind)
        self.kind.setCurrentIndex(max(0, self.kind.findData(current)))
        self.kind.blockSignals(blocked)
        self.issued.retranslate()
        self.expires.retranslate()
        if self.passport.count():
            self._fill_passports(self.chosen_passport())
        self._follow_link()
