"""One document, beside the list: a larger picture, and its kind, title and dates to edit.

A change is kept as soon as the person finishes it (leaves the field, presses Enter, picks a
kind), once it is valid; a date that cannot be read gets a message under the field instead."""

from __future__ import annotations

from datetime import date

from babel.numbers import format_decimal
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from waystation.errors import InvalidInput
from waystation.i18n import _, current_language
from waystation.rules.expiry import ExpiryWarning
from waystation.ui.icons import icon
from waystation.ui.pages.base import plain_label
from waystation.ui.pages.document_model import EXPIRED_COLOUR, SOON_COLOUR, document_title, expiry_text
from waystation.ui.pages.vocabulary import document_kind_name
from waystation.ui.widgets.fields import DateField, MessageField, hint_label
from waystation.vault.models import DOCUMENT_KINDS, DocumentInfo
from waystation.vault.repositories.documents import check_dates

PICTURE_SIZE = 240
Values = tuple[str, str, date | None, date | None]


def size_text(size: int) -> str:
    locale = current_language()
    if size < 1024:
        return _("{n} bytes").format(n=size)
    if size < 1024 * 1024:
        return _("{n} KB").format(n=format_decimal(size / 1024, "#,##0", locale=locale))
    return _("{n} MB").format(n=format_decimal(size / (1024 * 1024), "#,##0.0", locale=locale))


class DocumentDetails(QWidget):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info: DocumentInfo | None = None
        self.picture = QLabel(self)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setMinimumHeight(PICTURE_SIZE)
        self.name = plain_label("", self, wrap=True)
        self.name.setObjectName("subheading")
        self.facts = hint_label("", self)
        self.expiry = plain_label("", self, wrap=True)
        self.kind = QComboBox(self)
        self.title_field = MessageField(self)
        self.issued = DateField(self)
        self.expires = DateField(self)
        self.preview_button = QPushButton(icon("preview"), "", self)
        self.export_button = QPushButton(icon("export"), "", self)
        self.delete_button = QPushButton(icon("delete"), "", self)
        self.labels = {key: plain_label("", self) for key in ("kind", "title", "issued", "expires")}
        self._build()
        self.kind.activated.connect(lambda _i: self._finished())
        for field in (self.title_field, self.issued, self.expires):
            field.edit.editingFinished.connect(self._finished)
        for field in (self.issued, self.expires):
            field.edited.connect(self._check)
        self.retranslate()
        self.clear()

    def _build(self) -> None:
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        fields: dict[str, QWidget] = {
            "kind": self.kind,
            "title": self.title_field,
            "issued": self.issued,
            "expires": self.expires,
        }
        for key, widget in fields.items():
            self.labels[key].setBuddy(widget.focusProxy() or widget)
            form.addRow(self.labels[key], widget)
        buttons = QHBoxLayout()
        for button in (self.preview_button, self.export_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.picture)
        layout.addWidget(self.name)
        layout.addWidget(self.facts)
        layout.addWidget(self.expiry)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def show_document(
        self, info: DocumentInfo, warning: ExpiryWarning | None, picture: QPixmap, description: str
    ) -> None:
        self.info = info
        self.setEnabled(True)
        self.picture.setPixmap(picture)
        self.name.setText(document_title(info))
        self.facts.setText(
            " · ".join(t for t in (info.original_name, size_text(info.size), description) if t)
        )
        self.expiry.setText(expiry_text(info, warning))
        colour = "" if warning is None else (EXPIRED_COLOUR if warning.expired else SOON_COLOUR).name()
        self.expiry.setStyleSheet(f"color: {colour}; font-weight: 600;" if colour else "")
        self.kind.setCurrentIndex(max(0, self.kind.findData(info.kind)))
        self.title_field.set_text(info.title)
        self.issued.set_value(info.issued)
        self.expires.set_value(info.expires)
        self._check()

    def values(self) -> Values | None:
        """What the fields say, or None while something in them is wrong."""
        if not self._check():
            return None
        return (
            str(self.kind.currentData()),
            self.title_field.text(),
            self.issued.value(),
            self.expires.value(),
        )

    def _check(self) -> bool:
        issued, expires = self.issued.local_problem(), self.expires.local_problem()
        self.issued.show_problem(issued)
        if issued is None and expires is None:
            try:
                check_dates(self.issued.value(), self.expires.value())
            except InvalidInput as exc:
                expires = exc.message
        self.expires.show_problem(expires)
        return issued is None and expires is None

    def _finished(self) -> None:
        values = self.values()
        info = self.info
        if values is None or info is None:
            return
        if values != (info.kind, info.title, info.issued, info.expires):
            self.edited.emit()

    def clear(self) -> None:
        self.info = None
        self.picture.clear()
        self.picture.setText(_("Choose a document in the list."))
        for label in (self.name, self.facts, self.expiry):
            label.clear()
        for field in (self.title_field, self.issued, self.expires):
            field.clear()
        self.kind.setCurrentIndex(0)
        self.setEnabled(False)

    def retranslate(self) -> None:
        texts = {"kind": _("Kind"), "title": _("Title"), "issued": _("Issued on"), "expires": _("Expires on")}
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.kind.setAccessibleName(texts["kind"])
        self.title_field.edit.setAccessibleName(texts["title"])
        self.issued.edit.setAccessibleName(texts["issued"])
        self.expires.edit.setAccessibleName(texts["expires"])
        current = self.kind.currentData() if self.kind.count() else "other"  # never read an empty combo
        blocked = self.kind.blockSignals(True)
        self.kind.clear()
        for kind in DOCUMENT_KINDS:
            self.kind.addItem(document_kind_name(kind), kind)
        self.kind.setCurrentIndex(max(0, self.kind.findData(current)))
        self.kind.blockSignals(blocked)
        self.issued.retranslate()
        self.expires.retranslate()
        self.preview_button.setText(_("&Preview"))
        self.export_button.setText(_("&Export…"))
        self.delete_button.setText(_("&Delete…"))
        self.preview_button.setAccessibleDescription(_("Show the document larger"))
        self.export_button.setAccessibleDescription(_("Save an unencrypted copy of the document to a file"))
        self.delete_button.setAccessibleDescription(_("Remove the document from the vault"))
        if self.info is None:
            self.picture.setText(_("Choose a document in the list."))
        else:
            self.name.setText(document_title(self.info))
