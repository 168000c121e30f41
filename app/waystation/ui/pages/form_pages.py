"""The pages beside the mapping: the blank form, or the filled one once it is filled, one page at
a time (form_preview.py), each drawn on a worker when it is first shown and kept in memory only
until the form is forgotten."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from waystation.forms.model import PageBox, Rect
from waystation.i18n import _
from waystation.ui.pages.form_preview import RENDER_WIDTH, FormPreview
from waystation.ui.pages.form_tasks import draw_work
from waystation.ui.pages.packet_tasks import PageTask

Document = tuple[bytes, str | None]  # a PDF and its password


class FormPages(QWidget):
    drawn = Signal()  # a page picture arrived
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.drawing = PageTask(
            lambda: _("The page could not be shown because of an error in Waystation."), self
        )
        self.preview = FormPreview(self)
        self.blank_button = QPushButton(self)
        self.filled_button = QPushButton(self)
        self._boxes: tuple[PageBox, ...] = ()
        self._blank: Document | None = None
        self._filled: Document | None = None
        self.showing_filled = False
        which = QHBoxLayout()
        which.addWidget(self.blank_button)
        which.addWidget(self.filled_button)
        which.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(which)
        layout.addWidget(self.preview, 1)
        self.blank_button.clicked.connect(lambda: self.show_document(filled=False))
        self.filled_button.clicked.connect(lambda: self.show_document(filled=True))
        self.preview.wanted.connect(self._draw)
        self.drawing.finished.connect(self._drawn)
        self.drawing.failed.connect(self._failed)
        self.retranslate()
        self._update()

    def retranslate(self) -> None:
        self.blank_button.setText(_("&Blank form"))
        self.filled_button.setText(_("Filled for&m"))
        self.preview.retranslate()
        self.preview.caption.setText(self._caption())

    def set_blank(self, pdf: bytes, password: str | None, boxes: tuple[PageBox, ...]) -> None:
        self._blank, self._filled, self._boxes = (pdf, password), None, boxes
        self.show_document(filled=False)

    def set_filled(self, pdf: bytes, password: str | None) -> None:
        self._filled = (pdf, password)
        self.show_document(filled=True)

    def show_document(self, *, filled: bool) -> None:
        if self._blank is None or (filled and self._filled is None):
            return
        self.showing_filled = filled
        self.drawing.forget()
        self.preview.start(self._boxes, self._caption())
        self._update()

    def outline(self, page: int, rect: Rect | None) -> None:
        self.preview.outline(page, rect)

    def set_enabled(self, enabled: bool) -> None:
        self.blank_button.setEnabled(enabled and self._blank is not None)
        self.filled_button.setEnabled(enabled and self._filled is not None)

    def clear(self) -> None:
        self.drawing.forget()
        self._blank = self._filled = None
        self._boxes = ()
        self.showing_filled = False
        self.preview.clear()
        self._update()

    def wait(self, milliseconds: int = 30_000) -> bool:
        return self.drawing.wait(milliseconds)

    def _caption(self) -> str:
        if self._blank is None:
            return ""
        return _("The filled form") if self.showing_filled else _("The blank form")

    def _update(self) -> None:
        self.set_enabled(True)

    def _draw(self, index: int) -> None:
        document = self._filled if self.showing_filled else self._blank
        if document is None:
            return
        width = round(RENDER_WIDTH * self.devicePixelRatioF())
        self.preview.set_busy(True)
        self.drawing.start(draw_work(document[0], document[1], index, width))

    def _drawn(self, result: object) -> None:
        self.preview.set_busy(False)
        if isinstance(result, tuple):
            index, image = result
            self.preview.add_image(index, image)
            self.drawn.emit()

    def _failed(self, message: str) -> None:
        self.preview.set_busy(False)
        self.failed.emit(message)
