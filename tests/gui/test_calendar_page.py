"""The calendar: upcoming dates as a list and a month view, the day's items, .ics export (a real
file read back with icalendar, written atomically), and lock."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import QDate
from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot

from tests.fakes import ScriptedDialogs
from tests.gui.profiles import CANARY, open_vault, profile_in, shows
from waystation.ui.main_window import MainWindow
from waystation.ui.pages.calendar_page import CalendarPage
from waystation.ui.session import Session

LAST_DAY = date(2026, 5, 19)  # Serbia, 30 days per stay from 20 April


@pytest.fixture
def page(window: MainWindow, session: Session, tmp_path: Path) -> CalendarPage:
    open_vault(session, tmp_path, profile_in("RS", [("RS", date(2026, 4, 20), None)]))
    session.vault.documents.add(b"%PDF-1.4", kind="permit", title=CANARY, expires=date(2026, 6, 1))
    window.enter_workspace()
    calendar = window.workspace.show_page("calendar")
    assert isinstance(calendar, CalendarPage)
    return calendar


def test_registry_order_puts_calendar_after_the_checklists(window: MainWindow) -> None:
    keys = list(window.workspace.pages)
    assert keys.index("dashboard") < keys.index("checklists") < keys.index("calendar")


def test_upcoming_dates_are_listed_and_marked_in_the_month(page: CalendarPage) -> None:
    titles = [row.title.text() for row in page.upcoming.rows]
    assert "Last day of legal stay in RS" in titles
    assert "Permit expires" in titles
    assert not shows(page.upcoming, CANARY)  # the calendar names kinds, not the user's titles
    last = page.upcoming.rows[titles.index("Last day of legal stay in RS")]
    assert last.detail.text() == "May 19, 2026"
    marked = page.month.dateTextFormat()
    assert QDate(2026, 5, 19) in marked and QDate(2026, 6, 1) in marked
    assert marked[QDate(2026, 5, 19)].fontWeight() == QFont.Weight.Bold
    assert QDate(2026, 5, 18) not in marked


def test_choosing_a_day_shows_its_items(qtbot: QtBot, page: CalendarPage) -> None:
    page.month.setSelectedDate(QDate(2026, 6, 1))
    assert page.day_title.text() == "June 1, 2026: 1 item"
    assert page.day_items.texts() == ["Permit expires"]
    page.month.setSelectedDate(QDate(2026, 6, 2))
    assert page.day_title.text() == "June 2, 2026: nothing due"
    assert page.day_items.count() == 0
    with qtbot.waitSignal(page.navigate) as signal:
        page.upcoming.choose_row(0)
    assert signal.args[0] in {"checklists", "dashboard", "documents", "profile"}


def test_focus_item_shows_the_day(page: CalendarPage) -> None:
    page.focus_item(LAST_DAY.isoformat())
    assert page.month.selectedDate() == QDate(2026, 5, 19)
    assert page.day_items.texts() == ["Last day of legal stay in RS"]


def test_export_writes_an_ics_file(page: CalendarPage, dialogs: ScriptedDialogs, tmp_path: Path) -> None:
    target = tmp_path / "dates.ics"
    dialogs.answers.append(target)
    page.export_button.click()
    calendar = Calendar.from_ical(target.read_bytes())
    events = calendar.walk("VEVENT")
    assert len(events) == len(page.entries) >= 2
    assert {str(e.get("summary")) for e in events} >= {"Last day of legal stay in RS", "Permit expires"}
    assert CANARY.encode() not in target.read_bytes()
    assert page.message.text() == f"Saved {len(page.entries)} dates to dates.ics."
    assert [p.name for p in tmp_path.iterdir() if "partial" in p.name] == []


def test_export_adds_the_extension_and_cancel_writes_nothing(
    page: CalendarPage, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    page.export_button.click()  # no answer queued: the user cancelled
    assert list(tmp_path.glob("*.ics")) == []
    dialogs.answers.append(tmp_path / "mine")
    page.export_button.click()
    assert (tmp_path / "mine.ics").exists()


def test_export_into_a_missing_folder_says_so(
    page: CalendarPage, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    dialogs.answers.append(tmp_path / "nowhere" / "dates.ics")
    page.export_button.click()
    assert "does not exist" in page.message.text()
    assert not (tmp_path / "nowhere").exists()


def test_lock_clears_the_calendar(qtbot: QtBot, window: MainWindow, page: CalendarPage) -> None:
    assert page.upcoming.count() > 0
    with qtbot.waitSignal(page.session.locked):
        window.lock_action.trigger()
    assert page.upcoming.count() == 0 and page.day_items.count() == 0
    assert page.month.dateTextFormat() == {}
    assert not page.export_button.isEnabled()
    assert not shows(page, "legal stay in RS")
