"""A short list whose rows lead somewhere. Each row is a button (Tab reaches it; Enter, Space or
a click follows it; screen readers announce it as a button with its text) holding a title and
a detail line, both plain text that wraps. ``chosen(page key, item id)`` says where to go."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractButton, QLabel, QSizePolicy, QVBoxLayout, QWidget

from waystation.ui.colours import inks
from waystation.ui.pages.base import plain_label
from waystation.ui.style import ACCENT
from waystation.ui.widgets.stay_gauge import WARM

MARK_SIZE = 8


class LinkRow(QAbstractButton):
    def __init__(self, title: str, detail: str, *, warm: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.warm = warm
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.title = self._label(title)
        self.detail = self._label(detail)
        # Inks that keep 4.5:1 on light and dark palettes: the app's style sheet (ui/style.py).
        self.detail.setObjectName("warm" if warm else "hint")
        self.detail.setVisible(bool(detail))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARK_SIZE + 20, 8, 10, 8)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.detail)
        self.setText(f"{title}\n{detail}".strip())
        self.setAccessibleName(self.text())

    def _label(self, text: str) -> QLabel:
        label = plain_label(text, self, wrap=True)
        label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        return label

    def forget(self) -> None:
        """Drop the texts at once (the row itself is deleted later by Qt)."""
        for label in (self.title, self.detail):
            label.clear()
        self.setText("")
        self.setAccessibleName("")

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        if self.underMouse() or self.hasFocus() or self.isDown():
            fill = QColor(ACCENT)
            fill.setAlpha(28)
            painter.setBrush(fill)
            painter.setPen(QPen(QColor(inks().focus), 2) if self.hasFocus() else Qt.PenStyle.NoPen)
            painter.drawRoundedRect(box, 6, 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(WARM if self.warm else ACCENT))
        top = self.title.geometry().center().y() - MARK_SIZE / 2
        painter.drawEllipse(QRectF(10, top, MARK_SIZE, MARK_SIZE))
        painter.end()


class LinkList(QWidget):
    chosen = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("links")
        self.rows: list[LinkRow] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)

    def add_link(self, title: str, detail: str, target: str, item_id: str, *, warm: bool = False) -> LinkRow:
        row = LinkRow(title, detail, warm=warm, parent=self)
        row.clicked.connect(lambda _checked=False: self.chosen.emit(target, item_id))
        self.rows.append(row)
        self._layout.addWidget(row)
        return row

    def count(self) -> int:
        return len(self.rows)

    def texts(self) -> list[str]:
        return [row.text() for row in self.rows]

    def choose_row(self, row: int) -> None:
        self.rows[row].click()

    def clear(self) -> None:
        for row in self.rows:
            row.forget()
            row.hide()
            self._layout.removeWidget(row)
            row.deleteLater()
        self.rows = []
