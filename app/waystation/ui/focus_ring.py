"""A visible focus ring for the controls the style leaves unmarked.

Fusion shows keyboard focus on buttons, fields, boxes and tabs, but not on a scrolled page, a
list or a table as a whole (only on a current row, which an empty table has not), and it draws
a focused default button just as it draws that button unfocused: Tab stopped there and nothing
on screen said where. The ring is drawn on top of such a control, inside its
edges, in the palette's focus ink (3:1 against the background, WCAG 1.4.11) — only when the
focus came from the keyboard, as Fusion does for the others."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QPushButton, QWidget
from shiboken6 import isValid

from waystation.ui.colours import inks

RING_WIDTH = 2


def needs_ring(widget: QWidget) -> bool:
    if isinstance(widget, QPushButton):
        return widget.isDefault()  # Fusion marks "default" and "focused" alike: the ring tells them apart
    return isinstance(widget, QAbstractScrollArea) and widget.objectName() != "navigation"


def keyboard_focus(widget: QWidget) -> bool:
    window = widget.window()
    return window is not None and window.testAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)


class FocusRing(QWidget):
    """One ring for the app; it moves to whichever marked control has the focus."""

    def __init__(self, home: QWidget | None = None) -> None:
        super().__init__(home)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.target: QWidget | None = None
        self.hide()

    def follow(self, widget: QWidget | None) -> None:
        if self.target is not None and isValid(self.target):
            self.target.removeEventFilter(self)
        self.target = widget if widget is not None and needs_ring(widget) and keyboard_focus(widget) else None
        if self.target is None:
            self.hide()
            return
        self.setParent(self.target)
        self.target.installEventFilter(self)
        self._place()
        self.show()
        self.raise_()

    def _place(self) -> None:
        if self.target is not None:
            self.setGeometry(self.target.rect())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self.target and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._place()
            self.raise_()
        return False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(inks().focus), RING_WIDTH))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        inset = RING_WIDTH / 2
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(inset, inset, -inset, -inset), 3, 3)
        painter.end()


class FocusRingFollower(QObject):
    """Moves the ring with the application's focus (a new ring when Qt deleted the old one with
    the control it sat on)."""

    def __init__(self, app: QApplication, home: QWidget | None = None) -> None:
        super().__init__(home)
        self.home = home  # where a ring waits while no control needs it (deleted with it)
        self.ring = FocusRing(home)
        app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        self.refresh(new)

    def refresh(self, widget: QWidget | None = None) -> None:
        if not isValid(self.ring):
            self.ring = FocusRing(self.home if self.home is not None and isValid(self.home) else None)
        self.ring.follow(widget if widget is not None else QApplication.focusWidget())
