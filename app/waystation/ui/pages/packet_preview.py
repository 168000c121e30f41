"""The pages of a built packet, rendered in memory with PDFium (pypdfium2): never a file, never a
cache. ``PagePreview`` shows them one below the other in a scroll area, with page navigation."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pypdfium2 as pdfium
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from waystation.errors import InvalidInput
from waystation.i18n import _
from waystation.ui.pages.base import plain_label

PREVIEW_WIDTH = 340  # device-independent pixels: a page that is legible beside the form
POINTS_PER_INCH = 72


@contextmanager
def opened(pdf: bytes, password: str | None) -> Iterator[pdfium.PdfDocument]:
    """The packet opened from memory; an InvalidInput when PDFium cannot read it."""
    try:
        document = pdfium.PdfDocument(pdf, password=password)
    except pdfium.PdfiumError:
        raise InvalidInput(_("The packet's pages could not be shown.")) from None
    try:
        yield document
    finally:
        document.close()


def page_image(
    document: pdfium.PdfDocument, index: int, *, dpi: float = POINTS_PER_INCH, width: int | None = None
) -> QImage:
    """Page ``index`` at ``dpi``, or ``width`` pixels wide: PDFium → PIL → a QImage that owns its
    pixels."""
    page = document[index]
    try:
        scale = width / (page.get_width() or POINTS_PER_INCH) if width else dpi / POINTS_PER_INCH
        picture = page.render(scale=scale).to_pil().convert("RGB")
    finally:
        page.close()
    width, height = picture.size
    return QImage(picture.tobytes(), width, height, 3 * width, QImage.Format.Format_RGB888).copy()


def render_pages(pdf: bytes, password: str | None, width: int) -> list[QImage]:
    """Every page, ``width`` pixels wide."""
    with opened(pdf, password) as document:
        return [page_image(document, index, width=width) for index in range(len(document))]


class PagePreview(QWidget):
    """Pages as pictures in a scroll area; Previous / Next and the scroll bar move between them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages: list[QLabel] = []
        self.previous_button = QPushButton(self)
        self.next_button = QPushButton(self)
        self.position = plain_label("", self)
        self.position.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty = plain_label("", self, wrap=True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setObjectName("meta")
        self._sheet = QWidget(self)
        self._column = QVBoxLayout(self._sheet)
        self._column.setContentsMargins(12, 12, 12, 12)
        self._column.setSpacing(16)
        self._column.addWidget(self.empty, 1)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self._sheet)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Page Up / Page Down scroll it
        self._build()
        self.previous_button.clicked.connect(lambda: self.go_to(self.current() - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.current() + 1))
        self.scroll.verticalScrollBar().valueChanged.connect(lambda _value: self._update_position())
        self.retranslate()
        self._update_position()

    def _build(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.previous_button)
        bar.addWidget(self.position, 1)
        bar.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)

    def retranslate(self) -> None:
        self.previous_button.setText(_("Pre&vious page"))
        self.next_button.setText(_("Ne&xt page"))
        self.previous_button.setAccessibleName(_("Previous page"))
        self.next_button.setAccessibleName(_("Next page"))
        self.scroll.setAccessibleName(_("Pages of the packet"))
        self.empty.setText(_("The pages appear here once the packet is built."))
        for number, label in enumerate(self.pages, start=1):
            label.setAccessibleName(self._page_name(number))
        self._update_position()

    def show_images(self, images: list[QImage]) -> None:
        self.clear()
        ratio = self.devicePixelRatioF()
        for image in images:
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            label = QLabel(self._sheet)
            label.setPixmap(pixmap)
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setObjectName("page")
            self._column.insertWidget(self._column.count() - 1, label)
            self.pages.append(label)
        self.empty.setVisible(not self.pages)
        self.retranslate()
        self.scroll.verticalScrollBar().setValue(0)

    def clear(self) -> None:
        for label in self.pages:
            label.clear()
            label.hide()
            label.deleteLater()
        self.pages = []
        self.empty.show()
        self._update_position()

    def current(self) -> int:
        """The page at the top of the view (0-based); 0 without pages."""
        bar = self.scroll.verticalScrollBar()
        top = bar.value()
        if self.pages and 0 < bar.maximum() <= top:
            return len(self.pages) - 1
        current = 0
        for index, label in enumerate(self.pages):
            if label.geometry().top() <= top + self.scroll.viewport().height() // 3:
                current = index
        return current

    def go_to(self, index: int) -> None:
        if not self.pages:
            return
        index = max(0, min(index, len(self.pages) - 1))
        self._column.activate()
        self.scroll.verticalScrollBar().setValue(self.pages[index].geometry().top() - 12)
        self._update_position(index)

    def _page_name(self, number: int) -> str:
        return _("Page {n} of {total}").format(n=number, total=len(self.pages))

    def _update_position(self, index: int | None = None) -> None:
        count = len(self.pages)
        current = self.current() if index is None else index
        self.position.setText(self._page_name(current + 1) if count else "")
        self.previous_button.setEnabled(count > 0 and current > 0)
        self.next_button.setEnabled(count > 0 and current < count - 1)
