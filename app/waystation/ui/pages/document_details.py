"""One document, beside the list: a larger picture, and its kind, passport link, title and dates to
edit (ui/pages/document_fields.py).

A change is kept as soon as the person finishes it (leaves the field, presses Enter, picks a
kind or a passport), once it is valid; a date that cannot be read gets a message under the field
instead."""

from __future__ import annotations

from collections.abc import Sequence

from babel.numbers import format_decimal
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from waystation.i18n import _, current_language
from waystation.rules.expiry import ExpiryWarning
from waystation.ui.colours import danger_text, warm_text
from waystation.ui.icons import icon
from waystation.ui.pages.base import plain_label
from waystation.ui.pages.document_fields import DocumentFields, DocumentValues
from waystation.ui.pages.document_model import document_title, expiry_text
from waystation.ui.widgets.fields import hint_label
from waystation.vault.models import DocumentInfo, Passport

PICTURE_SIZE = 240


def size_text(size: int) -> str:
    locale = current_language()
    if size < 1024:
        return _("{n} bytes").format(n=size)
    if size < 1024 * 1024:
        return _("{n} KB").format(n=format_decimal(size / 1024, "#,##0", locale=locale))
    return _("{n} MB").format(n=format_decimal(size / (1024 * 1024), "#,##0.0", locale=locale))


def values_of(info: DocumentInfo) -> DocumentValues:
    return DocumentValues(info.kind, info.title, info.issued, info.expires, info.passport_number)


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
        self.fields = DocumentFields(self)
        self.kind, self.passport = self.fields.kind, self.fields.passport
        self.title_field, self.issued, self.expires = (
            self.fields.title_field,
            self.fields.issued,
            self.fields.expires,
        )
        self.preview_button = QPushButton(icon("preview"), "", self)
        self.export_button = QPushButton(icon("export"), "", self)
        self.delete_button = QPushButton(icon("delete"), "", self)
        self._build()
        self.fields.finished.connect(self._finished)
        self.retranslate()
        self.clear()

    def _build(self) -> None:
        buttons = QVBoxLayout()  # one above the other: three in a row do not fit a narrow panel in Russian
        buttons.setSpacing(6)
        for button in (self.preview_button, self.export_button, self.delete_button):
            buttons.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.picture)
        layout.addWidget(self.name)
        layout.addWidget(self.facts)
        layout.addWidget(self.expiry)
        layout.addWidget(self.fields)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def show_document(
        self,
        info: DocumentInfo,
        warning: ExpiryWarning | None,
        picture: QPixmap,
        description: str,
        passports: Sequence[Passport] = (),
    ) -> None:
        """``info`` as the screen sees it: a linked scan carries its passport's dates."""
        self.info = info
        self.setEnabled(True)
        self.picture.setPixmap(picture)
        self.name.setText(document_title(info))
        self.facts.setText(
            " · ".join(t for t in (info.original_name, size_text(info.size), description) if t)
        )
        self.expiry.setText(expiry_text(info, warning))
        colour = "" if warning is None else (danger_text() if warning.expired else warm_text()).name()
        self.expiry.setStyleSheet(f"color: {colour}; font-weight: 600;" if colour else "")
        self.fields.set_passports(passports)
        self.fields.show_values(values_of(info))

    def show_picture(self, picture: QPixmap, description: str) -> None:
        """The picture (and "PDF, 2 pages"), when it comes later than the rest."""
        self.picture.setPixmap(picture)
        if self.info is not None:
            self.facts.setText(
                " · ".join(t for t in (self.info.original_name, size_text(self.info.size), description) if t)
            )

    def values(self) -> DocumentValues | None:
        """What the fields say, or None while something in them is wrong."""
        return self.fields.values()

    def _finished(self) -> None:
        values = self.values()
        info = self.info
        if values is None or info is None:
            return
        if values != values_of(info):
            self.edited.emit()

    def clear(self) -> None:
        self.info = None
        self.picture.clear()
        self.picture.setText(_("Choose a document in the list."))
        for label in (self.name, self.facts, self.expiry):
            label.clear()
        self.fields.clear()
        self.setEnabled(False)

    def retranslate(self) -> None:
        self.fields.retranslate()
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
