"""A web address shown whole in a narrow column: broken over lines anywhere, since an address has
no spaces for word wrap to break at (a wrapped QLabel lets it run past its edge, cut off).

The lines are for the eye only: "Copy the address" (context menu, or Ctrl+C while it has focus)
copies the address itself, never the line breaks; the tooltip and the accessible name hold it
whole. Plain text, as every text from a guide."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QLabel, QMenu, QSizePolicy, QWidget

from waystation.i18n import _

MIN_CHARACTERS = 12


def broken_lines(text: str, measure: Callable[[str], int], width: int) -> list[str]:
    """``text`` cut into lines no wider than ``width`` (``measure`` gives a line's width in px);
    at least one character per line, so a very narrow column still shows everything."""
    lines: list[str] = []
    line = ""
    for character in text:
        if line and measure(line + character) > width:
            lines.append(line)
            line = ""
        line += character
    if line or not lines:
        lines.append(line)
    return lines


class UrlLabel(QLabel):
    def __init__(self, url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.url = url
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setToolTip(url)
        self.setAccessibleName(url)
        self._laid_out_for = -1
        self._lay_out(self.sizeHint().width())

    def _text_width(self) -> int:
        margins = self.contentsMargins()
        return max(1, self.width() - margins.left() - margins.right() - 2 * self.margin())

    def _lines(self, width: int) -> list[str]:
        return broken_lines(self.url, self.fontMetrics().horizontalAdvance, width)

    def _lay_out(self, width: int) -> None:
        if width != self._laid_out_for:
            self._laid_out_for = width
            super().setText("\n".join(self._lines(width)))

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt API)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt API)
        margins = self.contentsMargins()
        inner = max(1, width - margins.left() - margins.right() - 2 * self.margin())
        lines = len(self._lines(inner))
        return lines * self.fontMetrics().lineSpacing() + margins.top() + margins.bottom()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        metrics = self.fontMetrics()
        width = min(metrics.horizontalAdvance(self.url), metrics.averageCharWidth() * 48) + 2
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        metrics = self.fontMetrics()
        return QSize(metrics.averageCharWidth() * MIN_CHARACTERS, metrics.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._lay_out(self._text_width())

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.url)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 (Qt API)
        menu = QMenu(self)
        menu.addAction(_("Copy the address"), self.copy)
        menu.exec(event.globalPos())
        menu.deleteLater()
