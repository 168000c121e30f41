"""Auto-lock: any keyboard or mouse input counts as activity; after the configured minutes
without any, ``idle`` is emitted once."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

from waystation.ui.clock import Clock

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, clock: Clock, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._limit = minutes * 60.0
        self._last = clock.monotonic()
        self._armed = False
        self._timer = QTimer(self)
        self._timer.setInterval(5000)
        self._timer.timeout.connect(self.check)

    def set_minutes(self, minutes: int) -> None:
        self._limit = minutes * 60.0

    def arm(self) -> None:
        """Start watching (a vault was opened)."""
        self._last = self._clock.monotonic()
        self._armed = True
        self._timer.start()

    def disarm(self) -> None:
        self._armed = False
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() in _ACTIVITY:
            self._last = self._clock.monotonic()
        return False

    def check(self) -> None:
        if self._armed and self._clock.monotonic() - self._last >= self._limit:
            self.disarm()
            self.idle.emit()
