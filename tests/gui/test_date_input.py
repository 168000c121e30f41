"""The one date input (typed in the language's form or YYYY-MM-DD, or picked in a calendar with
the mouse or the keyboard; empty means "not known"; the problem under the field) and controls
that ignore the mouse wheel unless focused, app-wide."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QDateEdit, QSpinBox, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.profiles import open_vault, profile_in
from waystation.ui.main_window import MainWindow
from waystation.ui.pages.profile import ProfilePage
from waystation.ui.session import Session
from waystation.ui.widgets.date_field import DateField
from waystation.ui.widgets.date_input import CalendarPopup, DateLineEdit
from waystation.ui.widgets.wheel_guard import install_wheel_guard


def field(qtbot: QtBot, *, required: bool = False) -> tuple[QWidget, DateField]:
    """A date field in a window of its own (keep the window: it owns the field)."""
    box = QWidget()
    qtbot.addWidget(box)
    date_field = DateField(box, required=required)
    date_field.edit.today = lambda: date(2026, 5, 1)
    QVBoxLayout(box).addWidget(date_field)
    box.show()
    return box, date_field


def test_empty_means_not_known_and_problems_show_under_the_field(qtbot: QtBot) -> None:
    _box, birth = field(qtbot)
    assert birth.value() is None and birth.local_problem() is None
    assert birth.edit.placeholderText() == "e.g. Sep 25, 2026"
    birth.edit.setText("12.04.1990")
    birth.show_problem(birth.local_problem())
    assert birth.message.text() == "Not a date. Type it like Sep 25, 2026, or as YYYY-MM-DD."
    assert birth.message.isVisible() and birth.edit.accessibleDescription() == birth.message.text()
    _other, required = field(qtbot, required=True)
    assert required.local_problem() == "Required."


def test_leaving_the_field_shows_how_the_day_was_understood(qtbot: QtBot) -> None:
    _box, birth = field(qtbot)
    birth.edit.setText("1990-04-12")
    assert birth.key() == "1990-04-12"
    birth.edit.editingFinished.emit()
    assert birth.edit.text() == "Apr 12, 1990" and birth.key() == "1990-04-12"


# The offscreen platform cannot raise a popup or give it the keyboard grab; it says so.
OFFSCREEN_POPUP = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing the keyboard"
)


@OFFSCREEN_POPUP
def test_the_calendar_with_the_mouse(qtbot: QtBot) -> None:
    _box, day = field(qtbot)
    day.edit.set_value(date(2026, 3, 10))
    finished: list[bool] = []
    day.edit.editingFinished.connect(lambda: finished.append(True))
    day.edit.calendar_action.trigger()
    popup = day.edit.popup
    assert isinstance(popup, CalendarPopup) and popup.isVisible()
    assert popup.calendar.selectedDate().toPython() == date(2026, 3, 10)
    assert popup.calendar.maximumDate().toPython() > date(2100, 1, 1)  # no limit unless asked
    popup.calendar.clicked.emit(popup.calendar.selectedDate().addDays(2))
    assert day.value() == date(2026, 3, 12) and finished == [True]
    qtbot.waitUntil(lambda: day.edit.popup is None)


@OFFSCREEN_POPUP
def test_the_calendar_with_the_keyboard(qtbot: QtBot) -> None:
    _box, arrival = field(qtbot)
    arrival.edit.latest = arrival.edit.today  # arrivals are never after today
    arrival.window().activateWindow()
    arrival.edit.setFocus()
    qtbot.waitUntil(arrival.edit.hasFocus)
    qtbot.keyClick(arrival.edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    popup = arrival.edit.popup
    assert popup is not None and popup.isVisible()
    assert popup.calendar.selectedDate().toPython() == date(2026, 5, 1)  # empty: starts at today
    assert popup.calendar.maximumDate().toPython() == date(2026, 5, 1)
    target = QApplication.focusWidget() or popup.calendar
    qtbot.keyClick(target, Qt.Key.Key_Left)
    qtbot.keyClick(target, Qt.Key.Key_Return)
    assert arrival.value() == date(2026, 4, 30)
    qtbot.waitUntil(lambda: arrival.edit.popup is None)
    qtbot.keyClick(arrival.edit, Qt.Key.Key_F4)
    popup = arrival.edit.popup
    assert popup is not None
    qtbot.keyClick(QApplication.focusWidget() or popup.calendar, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: arrival.edit.popup is None)
    assert arrival.value() == date(2026, 4, 30)  # Escape changed nothing


def wheel(widget: QWidget) -> QWheelEvent:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)
    return event


def test_scrolling_over_the_profile_changes_no_value(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    open_vault(session, tmp_path, profile_in("GE", [("GE", date(2026, 3, 1), None)]))
    window.enter_workspace()
    page = window.workspace.show_page("profile")
    assert isinstance(page, ProfilePage)
    sex = page.person.sex
    assert sex.currentData() == ""
    assert sex.focusPolicy() == Qt.FocusPolicy.StrongFocus  # the wheel does not give it the focus
    event = wheel(sex)
    assert sex.currentData() == "" and not page.is_dirty()
    assert not event.isAccepted()  # left for the scroll area under it
    wheel(page.host.country)
    assert page.host.country.code() == "GE"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    sex.setFocus()
    qtbot.waitUntil(sex.hasFocus)
    wheel(sex)
    assert sex.currentData() != ""  # focused: the wheel is the person's choice


def test_every_value_control_is_guarded(qtbot: QtBot, window: MainWindow) -> None:
    install_wheel_guard()  # once: the main window did it already
    box = QWidget()
    qtbot.addWidget(box)
    layout = QVBoxLayout(box)
    spin, combo, other = QSpinBox(box), QComboBox(box), DateLineEdit(box)
    combo.addItems(["a", "b"])
    for widget in (spin, combo, other):
        layout.addWidget(widget)
    box.show()
    wheel(spin)
    wheel(combo)
    assert (spin.value(), combo.currentIndex()) == (0, 0)
    assert QApplication.instance().findChildren(type(install_wheel_guard())).__len__() == 1  # type: ignore[union-attr]


def test_one_date_input_everywhere(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    open_vault(session, tmp_path, profile_in("KZ", [("KZ", date(2026, 3, 1), None)]))
    window.enter_workspace()
    for key in window.workspace.pages:
        window.workspace.show_page(key)
    dashboard = window.workspace.pages["dashboard"]
    dashboard.plan_trip()  # type: ignore[attr-defined]
    wizard = window.run_first_run_wizard()
    documents = window.workspace.pages["documents"]
    checklists = window.workspace.pages["checklists"]
    inputs = [
        window.workspace.pages["profile"].person.date_of_birth.edit,  # type: ignore[attr-defined]
        window.workspace.pages["profile"].host.arrival_date.edit,  # type: ignore[attr-defined]
        documents.details.issued.edit,  # type: ignore[attr-defined]
        documents.details.expires.edit,  # type: ignore[attr-defined]
        checklists.detail.editor.on,  # type: ignore[attr-defined]
        dashboard.trip_dialog.leave.edit,  # type: ignore[attr-defined]
        wizard.host.arrival,
        wizard.family.add_row().born,
    ]
    assert all(isinstance(edit, DateLineEdit) for edit in inputs)
    for top in QApplication.topLevelWidgets():
        assert not top.findChildren(QDateEdit), top  # no second kind of date input anywhere
    wizard.ask_closing = lambda: "discard"  # type: ignore[assignment,return-value]
    wizard.reject()
