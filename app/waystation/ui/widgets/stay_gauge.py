"""A ring that shows how much of the legal stay is used: the arc is the days used, the gap the
days left, and the number in the middle is what the page says it is (usually the days left).

Drawn with QPainter so it scales on high-DPI screens; colours come from the palette, with one
accent, and a warm amber (not alarm red) when the stay is over or nearly over."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from waystation.ui.style import ACCENT

WARM = "#c77700"
RING_WIDTH = 12.0


class StayGauge(QWidget):
    """``set_counts(used, total)``; ``total`` None draws an empty ring (nothing to count down)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._used = 0
        self._total: int | None = None
        self._warm = False
        self._number = ""
        self._caption = ""
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(168, 168)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return self.sizeHint()

    def set_counts(self, used: int, total: int | None, *, warm: bool = False) -> None:
        self._used = max(used, 0)
        self._total = total if total is None else max(total, 0)
        self._warm = warm
        self.update()

    def set_text(self, number: str, caption: str) -> None:
        self._number = number
        self._caption = caption
        self.update()

    def fraction(self) -> float:
        """The share of the ring drawn as used, 0.0 to 1.0."""
        if not self._total:
            return 1.0 if self._warm else 0.0
        return min(self._used / self._total, 1.0)

    def text(self) -> str:
        return f"{self._number} {self._caption}".strip()

    def clear(self) -> None:
        self.set_counts(0, None)
        self.set_text("", "")

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height()) - RING_WIDTH - 2
        ring = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        self._draw_ring(painter, ring)
        self._draw_text(painter, ring)
        painter.end()

    def _draw_ring(self, painter: QPainter, ring: QRectF) -> None:
        track = QColor(self.palette().color(QPalette.ColorRole.Mid))
        track.setAlpha(90)
        painter.setPen(QPen(track, RING_WIDTH, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
        painter.drawEllipse(ring)
        span = round(self.fraction() * 360 * 16)
        if span:
            colour = QColor(WARM if self._warm else ACCENT)
            painter.setPen(QPen(colour, RING_WIDTH, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawArc(ring, 90 * 16, -span)  # clockwise from twelve o'clock

    def _draw_text(self, painter: QPainter, ring: QRectF) -> None:
        inner = ring.adjusted(RING_WIDTH + 4, RING_WIDTH + 4, -RING_WIDTH - 4, -RING_WIDTH - 4)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 2.4)
        big.setWeight(QFont.Weight.DemiBold)
        painter.setFont(big)
        number_box = QRectF(inner.left(), inner.top(), inner.width(), inner.height() * 0.55)
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom
        painter.drawText(number_box, int(flags), self._number)
        small = QFont(self.font())
        small.setPointSizeF(max(small.pointSizeF() * 0.9, 7.0))
        painter.setFont(small)
        caption_box = QRectF(inner.left(), number_box.bottom(), inner.width(), inner.height() * 0.45)
        wrap = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        painter.drawText(caption_box, int(wrap), self._caption)
