"""The pages of a built packet, rendered in memory with PDFium (pypdfium2): never a file, never a
cache. ``draw_pages`` is the work of drawing them on a worker thread (see packet_tasks.py); PDFium
may be used by one thread at a time, so every call into it holds ``PDFIUM``. ``PagePreview``
shows the pages one below the other as they arrive, scaled to its width, with page navigation
and a busy bar while they are being drawn."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from waystation.errors import InvalidInput
from waystation.i18n import _
from waystation.ui.pages.base import plain_label
from waystation.ui.pages.packet_tasks import Cancelled, Report, Work

if TYPE_CHECKING:
    import pypdfium2 as pdfium
    from PIL import Image

RENDER_WIDTH = 720  # device-independent pixels; pages are shown scaled to the view's width
MARGIN = 12
POINTS_PER_INCH = 72
PDFIUM = threading.RLock()  # PDFium is not thread-safe: one call at a time, whichever thread


@contextmanager
def opened(pdf: bytes, password: str | None) -> Iterator[pdfium.PdfDocument]:
    """The packet opened from memory; an InvalidInput when PDFium cannot read it."""
    import pypdfium2 as pdfium  # loaded with the first packet, not with the app

    with PDFIUM:
        try:
            document = pdfium.PdfDocument(pdf, password=password)
        except pdfium.PdfiumError:
            raise InvalidInput(_("The packet's pages could not be shown.")) from None
    try:
        yield document
    finally:
        with PDFIUM:
            document.close()


def page_count(document: pdfium.PdfDocument) -> int:
    with PDFIUM:
        return len(document)


def page_image(
    document: pdfium.PdfDocument, index: int, *, dpi: float = POINTS_PER_INCH, width: int | None = None
) -> QImage:
    """Page ``index`` at ``dpi``, or ``width`` pixels wide: PDFium → PIL → a QImage that owns its
    pixels."""
    with PDFIUM:
        page = document[index]
        try:
            scale = width / (page.get_width() or POINTS_PER_INCH) if width else dpi / POINTS_PER_INCH
            picture = rendered_picture(page.render(scale=scale))
        finally:
            page.close()
    width, height = picture.size
    return QImage(picture.tobytes(), width, height, 3 * width, QImage.Format.Format_RGB888).copy()


def rendered_picture(bitmap: pdfium.PdfBitmap) -> Image.Image:
    """A PIL copy of PDFium's ``bitmap``, which is then closed — here, under the caller's hold of
    ``PDFIUM``. Left to the garbage collector, the bitmap would be freed whenever and on whatever
    thread collection runs, possibly while another thread is inside PDFium, which is not
    thread-safe: memory it corrupts that way can crash the app much later, anywhere."""
    try:
        picture: Image.Image = bitmap.to_pil().convert("RGB")  # a copy: nothing points into it
        return picture
    finally:
        bitmap.close()


def render_pages(pdf: bytes, password: str | None, width: int) -> list[QImage]:
    """Every page, ``width`` pixels wide."""
    with opened(pdf, password) as document:
        return [page_image(document, index, width=width) for index in range(page_count(document))]


def draw_pages(pdf: bytes, password: str | None, width: int) -> Work:
    """The work of drawing every page ``width`` pixels wide, each reported as it is done (a
    QImage, safe to make off the UI thread); the work's result is the page count."""

    def work(report: Report, cancelled: Cancelled) -> int:
        with opened(pdf, password) as document:
            total = page_count(document)
            for index in range(total):
                if cancelled():
                    break
                report(index + 1, total, page_image(document, index, width=width))
        return total

    return work


class PagePreview(QWidget):
    """Pages as pictures in a scroll area; Previous / Next and the scroll bar move between them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages: list[QLabel] = []
        self._images: list[QImage] = []
        self._expected = 0  # pages still being drawn count in "Page 1 of N"
        self._drawing = False
        self._current = 0
        self._following = True  # the position follows the scroll bar (not while go_to moves it)
        self.previous_button = QPushButton(self)
        self.next_button = QPushButton(self)
        self.position = plain_label("", self)
        self.position.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty = plain_label("", self, wrap=True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setObjectName("meta")
        self.busy = QProgressBar(self)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(8)
        self.busy.hide()
        self._sheet = QWidget(self)
        self._column = QVBoxLayout(self._sheet)
        self._column.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        self._column.setSpacing(16)
        self._column.addWidget(self.empty, 1)
        self.area = QScrollArea(self)
        self.area.setWidgetResizable(True)
        self.area.setWidget(self._sheet)
        self.area.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Page Up / Page Down scroll it
        # pages are fitted to the width: the view never needs to scroll sideways, and with the
        # vertical bar always there, its width does not change when the pages arrive
        self.area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.viewport().installEventFilter(self)
        self._refit = QTimer(self)  # while a window is being resized, scale the pages once it rests
        self._refit.setSingleShot(True)
        self._refit.setInterval(60)
        self._refit.timeout.connect(self._fit)
        self._build()
        self.previous_button.clicked.connect(lambda: self.go_to(self.current() - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.current() + 1))
        self.area.verticalScrollBar().valueChanged.connect(lambda _value: self._scrolled())
        self.retranslate()
        self._update_position(0)

    def _build(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.previous_button)
        bar.addWidget(self.position, 1)
        bar.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(bar)
        layout.addWidget(self.busy)
        layout.addWidget(self.area, 1)

    def retranslate(self) -> None:
        self.previous_button.setText(_("Pre&vious page"))
        self.next_button.setText(_("Ne&xt page"))
        self.previous_button.setAccessibleName(_("Previous page"))
        self.next_button.setAccessibleName(_("Next page"))
        self.area.setAccessibleName(_("Pages of the packet"))
        self.busy.setAccessibleName(_("Drawing the pages"))
        if self._drawing and self._expected:
            self.empty.setText(
                _("Drawing the pages ({n} of {total})…").format(n=len(self.pages), total=self._expected)
            )
        elif self._drawing:
            self.empty.setText(_("Drawing the pages…"))
        else:
            self.empty.setText(_("The pages appear here once the packet is built."))
        for number, label in enumerate(self.pages, start=1):
            label.setAccessibleName(self._page_name(number))
        self._update_position()

    @property
    def drawing(self) -> bool:
        """Pages are still on their way (between ``begin`` and ``finish``)."""
        return self._drawing

    def begin(self, expected: int = 0) -> None:
        """Forget the pages shown and wait for new ones: a busy bar and a line saying so."""
        self.clear()
        self._expected = expected
        self._drawing = True
        self.busy.setRange(0, expected)  # (0, 0): busy without a known count
        self.busy.show()
        self.retranslate()

    def add_image(self, image: QImage, expected: int | None = None) -> None:
        """One more page, shown at once; ``expected`` is how many there will be."""
        if expected is not None:
            self._expected = expected
            self.busy.setRange(0, expected)
        label = QLabel(self._sheet)
        label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self._column.insertWidget(self._column.count() - 1, label)
        self.pages.append(label)
        self._images.append(image)
        self._fit_page(image, label)
        self.busy.setValue(len(self.pages))
        self._update_position()
        self.retranslate()

    def finish(self) -> None:
        """All pages are here (or no more will come)."""
        self.busy.hide()
        self._drawing = False
        self._expected = len(self.pages)
        self.empty.setVisible(not self.pages)
        self.retranslate()

    def show_images(self, images: list[QImage]) -> None:
        self.begin(len(images))
        for image in images:
            self.add_image(image)
        self.finish()
        self.area.verticalScrollBar().setValue(0)

    def clear(self) -> None:
        self._refit.stop()
        self.busy.hide()
        self._drawing = False
        self._expected = 0
        for label in self.pages:
            label.clear()
            label.hide()
            label.deleteLater()
        self.pages = []
        self._images = []
        self.empty.show()
        self._update_position(0)
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Resize and self._images:
            self._refit.start()
        return super().eventFilter(watched, event)

    def _fit(self) -> None:
        """Each page as wide as the view (never wider than it was rendered)."""
        for image, label in zip(self._images, self.pages, strict=True):
            self._fit_page(image, label)

    def _fit_page(self, image: QImage, label: QLabel) -> None:
        ratio = self.devicePixelRatioF()
        width = max(self.area.viewport().width() - 2 * MARGIN, 120)
        pixels = min(round(width * ratio), image.width())
        pixmap = QPixmap.fromImage(image.scaledToWidth(pixels, Qt.TransformationMode.SmoothTransformation))
        pixmap.setDevicePixelRatio(ratio)
        label.setPixmap(pixmap)

    def current(self) -> int:
        """The page shown at the top of the view (0-based); 0 without pages."""
        return self._current

    def go_to(self, index: int) -> None:
        if not self.pages:
            return
        index = max(0, min(index, len(self.pages) - 1))
        # the pages' places and the scroll range, even before the first paint
        QCoreApplication.sendPostedEvents(self._sheet, QEvent.Type.LayoutRequest)
        self._following = False
        self.area.verticalScrollBar().setValue(self.pages[index].y() - self._column.spacing())
        self._following = True
        self._update_position(index)

    def _scrolled(self) -> None:
        """The page at the top third of the view follows the scroll bar."""
        if not self._following or not self.pages:
            return
        bar = self.area.verticalScrollBar()
        if 0 < bar.maximum() <= bar.value():
            self._update_position(len(self.pages) - 1)
            return
        line = bar.value() + self.area.viewport().height() // 3
        above = [index for index, label in enumerate(self.pages) if label.y() <= line]
        self._update_position(above[-1] if above else 0)

    def _page_name(self, number: int) -> str:
        return _("Page {n} of {total}").format(n=number, total=max(self._expected, len(self.pages)))

    def _update_position(self, index: int | None = None) -> None:
        count = len(self.pages)
        if index is not None:
            self._current = index
        current = self._current
        self.position.setText(self._page_name(current + 1) if count else "")
        for widget in (self.previous_button, self.position, self.next_button):
            widget.setVisible(count > 0)
        self.previous_button.setEnabled(count > 0 and current > 0)
        self.next_button.setEnabled(count > 0 and current < count - 1)
