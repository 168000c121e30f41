"""One truth for the arrival date and the entries, and impossible dates refused next to their
field, on the profile screen and the overview. Today is 1 May 2026 (the clock)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.gui.profiles import STRONG, open_vault, profile_in
from waystation.i18n import set_language
from waystation.ui.main_window import MainWindow
from waystation.ui.pages.dashboard import DashboardPage
from waystation.ui.pages.profile import ProfilePage
from waystation.ui.pages.profile_tables import RecordTable
from waystation.ui.session import Session
from waystation.ui.widgets.date_input import VALUE, DateLineEdit
from waystation.vault.models import Host, Person, Profile, Stay

D = date
IN_GE = profile_in("GE", [("GE", D(2026, 3, 1), None)])


def profile_page(window: MainWindow, session: Session, tmp_path: Path, profile: Profile) -> ProfilePage:
    open_vault(session, tmp_path, profile)
    window.enter_workspace()
    page = window.workspace.show_page("profile")
    assert isinstance(page, ProfilePage)
    return page


def cell(table: RecordTable, row: int, key: str) -> str:
    item = table.table.item(row, [c.key for c in table.columns].index(key))
    assert item is not None
    return item.text()


def set_cell(table: RecordTable, row: int, key: str, text: str) -> None:
    item = table.table.item(row, [c.key for c in table.columns].index(key))
    assert item is not None
    item.setText(text)


def test_a_future_arrival_is_refused_next_to_the_field(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    page = profile_page(window, session, tmp_path, IN_GE)
    arrival = page.host.arrival_date
    arrival.edit.setText("")
    qtbot.keyClicks(arrival.edit, "May 2, 2026")
    assert arrival.message.text() == "Is in the future" and arrival.message.isVisibleTo(page)
    assert "Row 1, Entered: Is in the future" in page.stays.message.text()  # it moved the entry too
    assert not page.save_button.isEnabled() and not page.save()
    assert session.vault.profile.load() == IN_GE
    arrival.edit.setText("Apr 2, 2026")
    assert arrival.message.text() == "" and page.save()
    stored = session.vault.profile.load()
    assert stored.host.arrival_date == D(2026, 4, 2) and stored.stays == (Stay("GE", D(2026, 4, 2)),)


def test_a_future_entry_is_refused_on_its_cell(window: MainWindow, session: Session, tmp_path: Path) -> None:
    page = profile_page(window, session, tmp_path, IN_GE)
    page.stays.add_row()
    set_cell(page.stays, 1, "country", "")
    item = page.stays.table.item(1, 0)
    assert item is not None
    item.setData(VALUE, "AM")
    set_cell(page.stays, 0, "left", "2026-04-01")
    set_cell(page.stays, 1, "entered", "2026-05-09")
    assert "Row 2, Entered: Is in the future" in page.stays.message.text()
    assert not page.save_button.isEnabled()


@pytest.mark.parametrize(
    ("born", "message"),
    [("2026-03-02", "After the arrival date"), ("2026-06-01", "Is in the future")],
)
def test_impossible_birth_dates_are_refused(
    window: MainWindow, session: Session, tmp_path: Path, born: str, message: str
) -> None:
    page = profile_page(window, session, tmp_path, IN_GE)
    page.person.date_of_birth.edit.setText(born)
    assert page.person.date_of_birth.message.text() == message
    assert not page.save_button.isEnabled()
    page.person.date_of_birth.edit.setText("1990-04-12")
    assert page.save_button.isEnabled()


def test_the_arrival_date_moves_its_entry_and_the_entries_move_the_arrival(
    window: MainWindow, session: Session, tmp_path: Path
) -> None:
    history = profile_in("GE", [("AM", D(2025, 6, 1), D(2026, 2, 27)), ("GE", D(2026, 3, 1), None)])
    page = profile_page(window, session, tmp_path, history)
    page.host.arrival_date.edit.setText("2026-02-28")
    assert (
        cell(page.stays, 1, "entered") == "Feb 28, 2026" and cell(page.stays, 0, "entered") == "Jun 1, 2025"
    )
    assert page.status.text() == "The entries below follow the arrival date."
    set_cell(page.stays, 1, "entered", "3/2/2026")  # typed as an English speaker writes it
    assert page.stays.rows()[1]["entered"] == "2026-03-02" and cell(page.stays, 1, "entered") == "Mar 2, 2026"
    assert page.host.arrival_date.value() == D(2026, 3, 2)
    assert page.status.text() == "The arrival date follows the entries below."
    assert page.save()
    stored = session.vault.profile.load()
    assert stored.host.arrival_date == D(2026, 3, 2) and stored.stays[1].entered == D(2026, 3, 2)


def test_after_skipping_the_wizard_the_arrival_becomes_the_entry_and_the_overview_counts(
    window: MainWindow, session: Session, tmp_path: Path
) -> None:
    page = profile_page(window, session, tmp_path, Profile(person=Person(citizenships=("RU",))))
    page.host.country.set_code("KZ")
    page.host.arrival_date.edit.setText("2026-04-10")
    assert page.stays.rows() == [{"country": "KZ", "entered": "2026-04-10", "left": ""}]
    assert page.save()
    window.workspace.show_page("dashboard")
    dashboard = window.workspace.pages["dashboard"]
    assert isinstance(dashboard, DashboardPage)
    assert dashboard.stay_card.headline.text() == "68 days of legal stay left"  # 90 in 180, 22 used


def test_an_older_vault_with_an_arrival_but_no_entry(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    older = Profile(person=Person(citizenships=("RU",)), host=Host(country="KZ", arrival_date=D(2026, 4, 10)))
    open_vault(session, tmp_path, older)
    window.enter_workspace()
    dashboard = window.workspace.pages["dashboard"]
    assert isinstance(dashboard, DashboardPage)
    card = dashboard.stay_card
    assert card.headline.text() == "Your arrival on April 10, 2026 is not in your entries yet"
    assert card.profile_button.isVisibleTo(dashboard)
    with qtbot.waitSignal(dashboard.navigate) as signal:
        qtbot.mouseClick(card.profile_button, Qt.MouseButton.LeftButton)
    assert signal.args[0] == "profile"
    page = window.workspace.show_page("profile")
    assert isinstance(page, ProfilePage)
    assert page.stays.rows() == [{"country": "KZ", "entered": "2026-04-10", "left": ""}]
    assert page.status.text() == "Your arrival date is now also an entry below. Save to keep it."
    assert page.is_dirty() and page.save()
    assert session.vault.profile.load().stays == (Stay("KZ", D(2026, 4, 10)),)
    window.workspace.show_page("dashboard")
    assert card.headline.text() == "68 days of legal stay left"


def test_a_stored_disagreement_is_named_under_the_arrival(
    window: MainWindow, session: Session, tmp_path: Path
) -> None:
    stored = profile_in("GE", [("GE", D(2026, 3, 1), None)])
    stored = Profile(
        person=stored.person, host=Host(country="GE", arrival_date=D(2026, 2, 1)), stays=stored.stays
    )
    page = profile_page(window, session, tmp_path, stored)
    assert page.host.arrival_date.message.text() == (
        "Does not match the entries: your latest stay in GE began on 2026-03-01"
    )


def test_lock_keeps_valid_profile_edits_and_drops_invalid_ones(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    page = profile_page(window, session, tmp_path, IN_GE)
    page.ask_leaving = lambda: pytest.fail("a lock never asks")  # type: ignore[assignment,return-value]
    page.person.fields["phone"].edit.setText("+995 555 000 111")
    with qtbot.waitSignal(session.locked):
        window.lock_action.trigger()
    session.open(tmp_path / "test.vault", STRONG)
    assert session.vault.profile.load().person.phone == "+995 555 000 111"
    window.enter_workspace()
    window.workspace.show_page("profile")
    page.person.fields["phone"].edit.setText("+7 700")
    page.person.date_of_birth.edit.setText("31.31.1990")  # cannot be saved
    session.lock()
    session.open(tmp_path / "test.vault", STRONG)
    assert session.vault.profile.load().person.phone == "+995 555 000 111"


def test_dates_follow_the_interface_language(window: MainWindow, session: Session, tmp_path: Path) -> None:
    page = profile_page(window, session, tmp_path, IN_GE)
    try:
        set_language("ru")
        page.retranslate()
        assert page.host.arrival_date.edit.text() == "01.03.2026"
        assert cell(page.stays, 0, "entered") == "01.03.2026"
        page.host.arrival_date.edit.setText("2 марта 2026")
        assert (
            page.host.arrival_date.value() == D(2026, 3, 2)
            and page.stays.rows()[0]["entered"] == "2026-03-02"
        )
    finally:
        set_language("en")
        page.retranslate()
    assert page.host.arrival_date.edit.text() == "Mar 2, 2026"  # the day, now in English


def test_table_dates_are_edited_with_the_date_input(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    page = profile_page(window, session, tmp_path, IN_GE)
    table = page.stays.table
    index = table.model().index(0, 1)
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.indexWidget(index) or table.findChild(DateLineEdit)
    assert isinstance(editor, DateLineEdit)
    assert editor.value() == D(2026, 3, 1) and editor.latest() == D(2026, 5, 1)
    editor.setText("Feb 27, 2026")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.stays.rows()[0]["entered"] == "2026-02-27")  # committed when queued
    assert page.host.arrival_date.value() == D(2026, 2, 27)
