"""One page of a form at a time, drawn on a worker (form_tasks.draw_work) and kept in memory only,
with the chosen field outlined on it. Previous / Next move between pages; the picture follows
the width of the view."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from waystation.forms.model import PageBox, Rect
from waystation.i18n import _
from waystation.ui.pages.base import plain_label

RENDER_WIDTH = 900  # pixels: the page is drawn once this wide and scaled to the view
HIGHLIGHT = QColor(214, 72, 0)


def to_picture(rect: Rect, box: PageBox, width: int, height: int) -> QRectF:
    """``rect`` (in the page's points) on the page's picture (``width`` × ``height`` pixels),
    the page turned as it is shown."""
    left, bottom, right, top = rect
    x0, y0 = left - box.left, bottom - box.bottom
    x1, y1 = right - box.left, top - box.bottom
    turned = box.rotation in (90, 270)
    scale = width / (box.height if turned else box.width)
    if box.rotation == 90:
        corners = [(y0, x0), (y1, x1)]
    elif box.rotation == 180:
        corners = [(box.width - x0, y0), (box.width - x1, y1)]
    elif box.rotation == 270:
        corners = [(box.height - y0, box.width - x0), (box.height - y1, box.width - x1)]
    else:
        corners = [(x0, box.height - y0), (x1, box.height - y1)]
    xs = [c[0] * scale for c in corners]
    ys = [c[1] * scale for c in corners]
    return QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)).intersected(
        QRectF(0, 0, width, height)
    )


class FormPreview(QWidget):
    wanted = Signal(int)  # a page is to be shown that has not been drawn yet

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: tuple[PageBox, ...] = ()
        self.images: dict[int, QImage] = {}
        self.current = 0
        self.highlight: tuple[int, Rect] | None = None
        self.previous_button = QPushButton(self)
        self.next_button = QPushButton(self)
        self.position = plain_label("", self)
        self.position.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption = plain_label("", self)
        self.caption.setObjectName("meta")
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(8)
        self.busy.hide()
        self.picture = QLabel(self)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.area = QScrollArea(self)
        self.area.setWidgetResizable(True)
        self.area.setWidget(self.picture)
        self.area.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.viewport().installEventFilter(self)
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(60)
        self._refit.timeout.connect(self._show)
        bar = QHBoxLayout()
        bar.addWidget(self.previous_button)
        bar.addWidget(self.position, 1)
        bar.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addLayout(bar)
        layout.addWidget(self.busy)
        layout.addWidget(self.area, 1)
        self.previous_button.clicked.connect(lambda: self.go_to(self.current - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.current + 1))
        self.retranslate()
        self._update()

    def retranslate(self) -> None:
        self.previous_button.setText(_("Pre&vious page"))
        self.next_button.setText(_("Ne&xt page"))
        self.area.setAccessibleName(_("Page of the form"))
        self.busy.setAccessibleName(_("Drawing the page"))
        self._update()

    def start(self, boxes: tuple[PageBox, ...], caption: str) -> None:
        """A new document: forget the pictures of the last one."""
        self.boxes = boxes
        self.images = {}
        self.current = 0
        self.caption.setText(caption)
        self._update()
        self.wanted.emit(0)

    def clear(self) -> None:
        self.boxes = ()
        self.images = {}
        self.highlight = None
        self.current = 0
        self.caption.clear()
        self.picture.clear()
        self._update()

    def add_image(self, index: int, image: QImage) -> None:
        self.images[index] = image
        if index == self.current:
            self._show()

    def go_to(self, index: int, rect: Rect | None = None) -> None:
        if not self.boxes:
            return
        index = max(0, min(index, len(self.boxes) - 1))
        self.current = index
        self.highlight = (index, rect) if rect is not None else self.highlight
        self._update()
        if index in self.images:
            self._show()
        else:
            self.picture.clear()
            self.wanted.emit(index)

    def outline(self, page: int, rect: Rect | None) -> None:
        """Outline ``rect`` on ``page`` and show that page (no outline: ``rect`` None)."""
        self.highlight = (page, rect) if rect is not None else None
        if page >= 0 and page != self.current:
            self.go_to(page, rect)
        else:
            self._show()

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Resize and self.images:
            self._refit.start()
        return super().eventFilter(watched, event)

    def _show(self) -> None:
        image = self.images.get(self.current)
        if image is None:
            return
        ratio = self.devicePixelRatioF()
        width = max(self.area.viewport().width() - 4, 160)
        pixels = min(round(width * ratio), image.width())
        scaled = image.scaledToWidth(pixels, Qt.TransformationMode.SmoothTransformation)
        if (
            self.highlight is not None
            and self.highlight[0] == self.current
            and self.current < len(self.boxes)
        ):
            painter = QPainter(scaled)
            pen = QPen(HIGHLIGHT)
            pen.setWidthF(max(2.0, 2.5 * ratio))
            painter.setPen(pen)
            painter.setBrush(QColor(214, 72, 0, 40))
            area = to_picture(self.highlight[1], self.boxes[self.current], scaled.width(), scaled.height())
            painter.drawRect(area.adjusted(-3, -3, 3, 3))
            painter.end()
            self._scroll_to(area.center().y() / ratio)
        pixmap = QPixmap.fromImage(scaled)
        pixmap.setDevicePixelRatio(ratio)
        self.picture.setPixmap(pixmap)

    def _scroll_to(self, y: float) -> None:
        bar = self.area.verticalScrollBar()
        QTimer.singleShot(0, lambda: bar.setValue(max(0, round(y - self.area.viewport().height() / 2))))

    def _update(self) -> None:
        count = len(self.boxes)
        self.position.setText(
            _("Page {n} of {total}").format(n=self.current + 1, total=count) if count else ""
        )
        self.previous_button.setEnabled(count > 0 and self.current > 0)
        self.next_button.setEnabled(count > 0 and self.current < count - 1)
        self.picture.setAccessibleName(self.position.text())
