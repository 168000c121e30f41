"""Ctrl+Shift+E ends the session from any window of the app, also under a modal dialog (where the
main window's own shortcuts are blocked), as the quick-exit keys do (``ui/keyboard.py``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence

END_SESSION_KEYS = QKeySequence("Ctrl+Shift+E")


class EndSessionKeys(QObject):
    """Calls ``on_end`` when the keys are pressed, while ``enabled()`` says they apply."""

    def __init__(
        self, on_end: Callable[[], None], enabled: Callable[[], bool], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._on_end = on_end
        self._enabled = enabled

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and not event.isAutoRepeat()
            and QKeySequence(event.keyCombination()).matches(END_SESSION_KEYS)
            == QKeySequence.SequenceMatch.ExactMatch
            and self._enabled()
        ):
            self._on_end()
            return True
        return False
