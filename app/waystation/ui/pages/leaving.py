"""Leaving a screen that holds unsaved edits.

Moving to another screen asks the screen's own question — save, discard, or stay — and "stay"
(or a save that fails) brings the person back with their edits as they were. Locking asks nothing
and never waits: each screen saves what is valid when the session says the vault is about to lock
(``Session.about_to_lock``) and drops what cannot be saved, so a lock — auto-lock or quick exit —
never loses a valid edit and never writes an invalid one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QStackedWidget, QWidget

from waystation.ui.widgets.ask import Leaving


class LeaveGuard(QObject):
    """Watches the stack of screens ``page`` is in; call ``watch`` once the page is in it."""

    def __init__(
        self,
        page: QWidget,
        *,
        dirty: Callable[[], bool],
        save: Callable[[], bool],
        discard: Callable[[], None],
        ask: Callable[[], Leaving],
    ) -> None:
        super().__init__(page)
        self.page = page
        self._dirty = dirty
        self._save = save
        self._discard = discard
        self._ask = ask
        self._stack: QStackedWidget | None = None

    def watch(self) -> None:
        stack = self.page.parentWidget()
        if self._stack is None and isinstance(stack, QStackedWidget):
            stack.currentChanged.connect(self._on_screen_changed)
            self._stack = stack

    def may_leave(self) -> bool:
        """True when nothing is unsaved any more (saved or discarded); False to stay."""
        if not self._dirty():
            return True
        answer = self._ask()
        if answer == "discard":
            self._discard()
            return True
        return answer == "save" and self._save()

    def _on_screen_changed(self, index: int) -> None:
        if self._stack is None or self._stack.widget(index) is self.page:
            return
        if not self.may_leave():
            QTimer.singleShot(0, self._come_back)

    def _come_back(self) -> None:
        widget = self.page.parentWidget()
        while widget is not None and not hasattr(widget, "show_page"):
            widget = widget.parentWidget()
        key = getattr(self.page, "key", "")
        if widget is not None and key:
            widget.show_page(key)
