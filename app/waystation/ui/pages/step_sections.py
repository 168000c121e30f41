"""The lists inside a step's detail: documents needed (present or missing, with "Attach…"),
cautions, contacts and sources. Content-pack text is untrusted, so it is plain text; links are
shown as text and opened only by an explicit button, and only when they are web addresses."""

from __future__ import annotations

from collections.abc import Callable, Collection

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from waystation.content.model import Contact, DocumentNeed, Source
from waystation.i18n import _, format_date
from waystation.ui.pages.base import plain_label
from waystation.ui.pages.vocabulary import document_kind_name
from waystation.ui.widgets.url_label import UrlLabel

UrlOpener = Callable[[QUrl], object]


def web_url(text: str) -> QUrl | None:
    url = QUrl(text)
    return url if url.isValid() and url.scheme() in ("http", "https") else None


class RowList(QWidget):
    """A vertical list of small row widgets, rebuilt for every step."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(10)
        self.rows: list[QWidget] = []

    def add(self, row: QWidget) -> None:
        self.rows.append(row)
        self._layout.addWidget(row)

    def clear_rows(self) -> None:
        for row in self.rows:
            row.hide()
            row.setParent(None)
            row.deleteLater()
        self.rows = []


def _row(parent: QWidget, texts: list[tuple[str, str]], button: QPushButton | None) -> QWidget:
    """Labels stacked on the left (text, object name), an optional button on the right."""
    row = QWidget(parent)
    column = QVBoxLayout()
    column.setSpacing(2)
    for text, name in texts:
        if text:
            # an address has no spaces to wrap at: UrlLabel breaks it anywhere (issue 11, item 6)
            label = UrlLabel(text, row) if name == "url" else plain_label(text, row, wrap=True)
            label.setObjectName(name)
            if name != "url":
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            column.addWidget(label)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addLayout(column, 1)
    if button is not None:
        button.setParent(row)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
    return row


class DocumentRows(RowList):
    attach_requested = Signal(str)  # document kind

    def show_needs(self, needs: Collection[DocumentNeed], present: Collection[str], language: str) -> None:
        self.clear_rows()
        for need in needs:
            have = need.kind in present
            mark = _("✓ Present") if have else _("✗ Missing")
            if need.optional:
                mark = _("{mark} (optional)").format(mark=mark)
            button = QPushButton(_("Attach…"))
            button.setAccessibleName(_("Attach a {kind}").format(kind=document_kind_name(need.kind).lower()))
            button.clicked.connect(lambda _checked=False, kind=need.kind: self.attach_requested.emit(kind))
            texts = [
                (document_kind_name(need.kind), "strong"),
                (mark, "present" if have else "missing"),
                (_requirements(need), ""),
                (need.note.get(language) if need.note else "", ""),
            ]
            self.add(_row(self, texts, button))


def _requirements(need: DocumentNeed) -> str:
    parts = []
    if need.translated:
        parts.append(_("translated"))
    if need.apostilled:
        parts.append(_("with an apostille"))
    if need.notarised:
        parts.append(_("notarised"))
    return ", ".join(parts)


class LinkRows(RowList):
    """Sources and contacts: title, address as text, and an "Open" button for web addresses."""

    def __init__(self, parent: QWidget | None = None, *, opener: UrlOpener | None = None) -> None:
        super().__init__(parent)
        self.opener: UrlOpener = opener or QDesktopServices.openUrl

    def show_sources(self, sources: Collection[Source]) -> None:
        self.clear_rows()
        for source in sources:
            dated = (
                _("stated date: {date}").format(date=format_date(source.stated_date))
                if source.stated_date
                else _("undated")
            )
            if source.weak:
                dated = _("{date} · weak source: confirm it elsewhere").format(date=dated)
            texts = [
                (source.title or "", "strong"),
                (source.url, "url"),
                (dated, "warm" if source.weak else ""),
            ]
            self.add(_row(self, texts, self._open_button(source.url)))

    def show_contacts(self, contacts: Collection[Contact], language: str) -> None:
        self.clear_rows()
        for contact in contacts:
            texts = [
                (contact.name.get(language), "strong"),
                (contact.note.get(language) if contact.note else "", ""),
                (contact.url or "", "url"),
            ]
            self.add(_row(self, texts, self._open_button(contact.url)))

    def _open_button(self, address: str | None) -> QPushButton | None:
        url = web_url(address or "")
        if url is None:
            return None
        button = QPushButton(_("Open"))
        button.setAccessibleName(_("Open {address} in the browser").format(address=url.host()))
        button.setToolTip(url.toString())
        button.clicked.connect(lambda _checked=False, target=url: self.opener(target))
        return button
