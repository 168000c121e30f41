"""Keyboard behaviour the window adds to every screen.

- **Enter on a form presses its default button**, as it does in a dialog. Qt does this only
  inside QDialog; the screens of the workspace are plain widgets, so the main window catches the
  Return that an input did not use and presses the default button of the nearest form around
  the input (the closest ancestor that holds a visible, enabled default button — not one on the
  other side of a splitter, which is another pane). A search field (a line edit with a clear
  button) filters as one types: its Enter submits nothing.
- **The quick-exit keys work everywhere**, also while a modal dialog (a file dialog, a question)
  is open, where the main window's own shortcuts are blocked: an application-wide event filter
  watches for them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import SIGNAL, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPushButton,
    QSplitter,
    QWidget,
)

QUICK_EXIT_KEYS = QKeySequence("Ctrl+Shift+Q")
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def is_enter(event: QKeyEvent) -> bool:
    plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return event.key() in _ENTER_KEYS and plain == Qt.KeyboardModifier.NoModifier


def _takes_enter_for_the_form(widget: QWidget) -> bool:
    """Inputs whose Enter means "done with this form" (not a list row, a text area or a button)."""
    if isinstance(widget, QLineEdit):
        # A line edit whose Return already does something of its own keeps it to itself.
        return widget.receivers(SIGNAL("returnPressed()")) == 0 and not widget.isClearButtonEnabled()
    if isinstance(widget, QAbstractButton):
        return widget.isCheckable() and not isinstance(widget, QPushButton)
    return isinstance(widget, QAbstractSpinBox | QComboBox)


def _in_another_pane(button: QWidget, ancestor: QWidget, widget: QWidget) -> bool:
    """True when ``button`` and ``widget`` sit on different sides of a splitter (up to and
    including ``ancestor``)."""
    side, step = button, button.parentWidget()
    while step is not None:
        if isinstance(step, QSplitter) and not (side is widget or side.isAncestorOf(widget)):
            return True
        if step is ancestor:
            return False
        side, step = step, step.parentWidget()
    return False


def default_button_for(widget: QWidget) -> QPushButton | None:
    """The default button of the nearest form around ``widget``, if it can be pressed."""
    ancestor = widget.parentWidget()
    while ancestor is not None:
        for button in ancestor.findChildren(QPushButton):
            if (
                button.isDefault()
                and button.isVisible()
                and button.isEnabled()
                and not _in_another_pane(button, ancestor, widget)
            ):
                return button
        if ancestor.isWindow():
            return None
        ancestor = ancestor.parentWidget()
    return None


def press_default_button(focus: QWidget | None) -> bool:
    """Press the default button for the input ``focus``; False when there is none to press."""
    if focus is None:
        return False
    source = focus
    container = focus.parentWidget()
    if isinstance(focus, QLineEdit) and isinstance(container, QAbstractSpinBox | QComboBox):
        source = container  # the editor inside a date field, a spin box or an editable combo
    if not _takes_enter_for_the_form(source):
        return False
    button = default_button_for(source)
    if button is None:
        return False
    button.animateClick()
    return True


def _matches(event: QKeyEvent, keys: QKeySequence) -> bool:
    return keys.count() == 1 and keys.matches(QKeySequence(event.keyCombination())) == (
        QKeySequence.SequenceMatch.ExactMatch
    )


class QuickExitKeys(QObject):
    """Calls ``on_quick_exit`` when the quick-exit keys are pressed in any window of the app."""

    def __init__(self, on_quick_exit: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_quick_exit = on_quick_exit

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and not event.isAutoRepeat()
            and _matches(event, QUICK_EXIT_KEYS)
        ):
            self._on_quick_exit()
            return True
        return False
