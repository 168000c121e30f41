"""Controls that hold a value — drop-downs, spin boxes and date-time edits, sliders, tab bars —
ignore the mouse wheel unless they have the keyboard focus: scrolling a page over a form scrolls
the page and never changes "Sex" to "X" on the way. One event filter on the application covers
every such control, ours, Qt's own and those inside dialogs, with no subclass to remember.

Two parts: such a control may not take the focus from the wheel (Qt gives it before any filter
sees the wheel event), and an unfocused one leaves the wheel event ignored, which Qt then hands
to the parent — the scroll area under it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QSlider, QTabBar, QWidget

GUARDED = (QComboBox, QAbstractSpinBox, QSlider, QTabBar)
_NAME = "wheel_guard"


def _focused(widget: QWidget) -> bool:
    focus = QApplication.focusWidget()
    return widget.hasFocus() or (focus is not None and widget.isAncestorOf(focus))


def _no_wheel_focus(widget: QWidget) -> None:
    if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


def _guarded_widgets() -> list[QWidget]:
    """The value controls that exist now, found by Qt (findChildren by type): going through
    every widget from Python would make PySide build a Python type for each kind of widget,
    Qt's internal ones included, which cost the first window ~15 ms."""
    found: list[QWidget] = []
    for window in QApplication.topLevelWidgets():
        for kind in GUARDED:
            if isinstance(window, kind):
                found.append(window)
            found.extend(window.findChildren(kind))
    return found


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        kind = event.type()
        if kind == QEvent.Type.Wheel:
            if isinstance(watched, GUARDED) and not _focused(watched):
                event.ignore()
                return True
        elif kind == QEvent.Type.Polish and isinstance(watched, GUARDED):
            _no_wheel_focus(watched)
        return False


def install_wheel_guard(app: QCoreApplication | None = None) -> WheelGuard | None:
    """Install the guard on the application once (later calls return the same guard)."""
    app = app or QApplication.instance()
    if app is None:
        return None
    guard = app.findChild(WheelGuard, _NAME)
    if guard is None:
        guard = WheelGuard(app)
        guard.setObjectName(_NAME)
        app.installEventFilter(guard)
        for widget in _guarded_widgets():  # those polished before the guard was there
            _no_wheel_focus(widget)
    return guard
