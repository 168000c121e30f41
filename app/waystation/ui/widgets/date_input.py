"""The one date input of the app, used by every form and table that asks for a day.

A line edit that shows the day in the interface language's form and reads what people type (that
form, the language's other usual forms, or YYYY-MM-DD: see ``date_text``), with a calendar at its
end (a click on the calendar icon, Alt+Down or F4; arrows to move, Enter to pick, Escape to close).
Empty means "not known". When the person leaves the field, a day it could read is shown again in
the language's form, so they see how it was understood. ``date_field.DateField`` adds the message
under the field; ``DateDelegate`` puts the same input into table cells."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from waystation.i18n import _, current_language
from waystation.ui.icons import icon
from waystation.ui.widgets.date_text import EXAMPLE, format_input_date, parse_input_date

LONG_DAY = date(2026, 9, 28)  # a long month name and a two-digit day in most languages

VALUE = Qt.ItemDataRole.UserRole  # a table cell's date as YYYY-MM-DD (or the text, if unreadable)


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def date_problem(text: str, *, required: bool = False) -> str | None:
    """Why ``text`` is not an acceptable date, or None."""
    if not text.strip():
        return _("Required.") if required else None
    if parse_input_date(text) is None:
        return _("Not a date. Type it like {example}, or as YYYY-MM-DD.").format(
            example=format_input_date(EXAMPLE)
        )
    return None


class CalendarPopup(QFrame):
    """The calendar under a date input; it belongs to the input, so focus inside it is the
    input's own (a table cell being edited stays open while the calendar is)."""

    def __init__(self, owner: DateLineEdit) -> None:
        super().__init__(owner, Qt.WindowType.Popup)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget(self)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.addWidget(self.calendar)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)


class DateLineEdit(QLineEdit):
    """``picked`` is sent when a day was chosen in the calendar (``editingFinished`` follows)."""

    picked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today: Callable[[], date] = date.today
        self.latest: Callable[[], date | None] = lambda: None  # no later day in the calendar
        self.popup: CalendarPopup | None = None
        self._value: date | None = None
        self.setMaxLength(40)
        self.calendar_action = self.addAction(icon("calendar"), QLineEdit.ActionPosition.TrailingPosition)
        self.calendar_action.triggered.connect(self.open_calendar)
        self.textChanged.connect(self._remember)
        self.editingFinished.connect(self.tidy)
        self.retranslate()

    def value(self) -> date | None:
        return parse_input_date(self.text())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        """Wide enough for the longest day in the language and the hint, not the whole form."""
        hint = super().sizeHint()
        metrics = self.fontMetrics()
        longest = max(
            metrics.horizontalAdvance(format_input_date(LONG_DAY)),
            metrics.horizontalAdvance(self.placeholderText()),
        )
        return QSize(longest + 3 * hint.height(), hint.height())

    def set_value(self, value: date | None) -> None:
        text = format_input_date(value) if value is not None else ""
        if self.text() != text:
            self.setText(text)

    def tidy(self) -> None:
        """Show a day that could be read in the language's form."""
        value = self.value()
        if value is not None:
            self.set_value(value)

    def _remember(self) -> None:
        self._value = self.value()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        opens = event.key() == Qt.Key.Key_F4 or (
            event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        if opens:
            self.open_calendar()
            return
        super().keyPressEvent(event)

    def open_calendar(self) -> CalendarPopup:
        if self.popup is not None:
            self.popup.close()
        popup = self.popup = CalendarPopup(self)
        popup.destroyed.connect(self._popup_gone)
        calendar = popup.calendar
        locale = QLocale(current_language())
        calendar.setLocale(locale)
        calendar.setFirstDayOfWeek(locale.firstDayOfWeek())
        today = self.today()
        latest = self.latest()
        if latest is not None:
            calendar.setMaximumDate(to_qdate(latest))
        start = self.value() or (min(today, latest) if latest is not None else today)
        calendar.setSelectedDate(to_qdate(start))
        calendar.clicked.connect(self._pick)
        calendar.activated.connect(self._pick)
        popup.adjustSize()
        popup.move(self._popup_position(popup))
        popup.show()
        calendar.setFocus(Qt.FocusReason.PopupFocusReason)
        return popup

    def _popup_position(self, popup: QWidget) -> QPoint:
        """Under the field, or above it when the screen ends; never off the screen's sides."""
        below = self.mapToGlobal(QPoint(0, self.height()))
        screen = self.screen().availableGeometry()
        x = max(screen.left(), min(below.x(), screen.right() - popup.width()))
        y = below.y()
        if y + popup.height() > screen.bottom():
            y = max(screen.top(), self.mapToGlobal(QPoint(0, 0)).y() - popup.height())
        return QPoint(x, y)

    def _popup_gone(self) -> None:
        self.popup = None

    def _pick(self, day: QDate) -> None:
        self.set_value(from_qdate(day))
        if self.popup is not None:
            self.popup.close()
        self.setFocus(Qt.FocusReason.PopupFocusReason)
        self.picked.emit()
        self.editingFinished.emit()

    def retranslate(self) -> None:
        """Show the day in the language now in use, and say how to type one."""
        if self._value is not None and self.text().strip():
            self.set_value(self._value)
        self.setPlaceholderText(_("e.g. {date}").format(date=format_input_date(EXAMPLE)))
        self.calendar_action.setText(_("Choose in the calendar"))
        self.calendar_action.setToolTip(_("Choose in the calendar (Alt+Down)"))


AnyIndex = QModelIndex | QPersistentModelIndex


class DateDelegate(QStyledItemDelegate):
    """Edits a table cell with the date input. The cell keeps the day as YYYY-MM-DD in ``VALUE``
    and shows it in the language's form (the table does that when the text changes)."""

    def __init__(
        self,
        parent: QWidget,
        *,
        today: Callable[[], date],
        past_only: bool = False,
        name: Callable[[], str] = lambda: "",
    ) -> None:
        super().__init__(parent)
        self.today = today
        self.past_only = past_only
        self.name = name

    def createEditor(  # noqa: N802 (Qt API)
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        editor = DateLineEdit(parent)
        editor.setFrame(False)
        editor.today = self.today
        if self.past_only:
            editor.latest = self.today
        editor.setAccessibleName(self.name())
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:  # noqa: N802 (Qt API)
        assert isinstance(editor, DateLineEdit)
        stored = str(index.data(VALUE) or index.data(Qt.ItemDataRole.DisplayRole) or "")
        value = parse_input_date(stored)
        if value is not None:
            editor.set_value(value)
        else:
            editor.setText(stored)

    def setModelData(  # noqa: N802 (Qt API)
        self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex
    ) -> None:
        assert isinstance(editor, DateLineEdit)
        model.setData(index, editor.text().strip(), Qt.ItemDataRole.DisplayRole)
