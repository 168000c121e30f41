"""The profile screen: shows what is stored, checks while typing (with the core's own checks),
saves in one go, undoes unsaved edits, asks before leaving with unsaved edits, clears on lock."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.conftest import SAMPLE_PROFILE
from tests.fakes import FakeClock
from tests.gui.profiles import open_vault, shows
from waystation.ui.main_window import MainWindow
from waystation.ui.pages.profile import ProfilePage
from waystation.ui.pages.profile_tables import VALUE, RecordTable
from waystation.ui.session import Session
from waystation.vault import profile_json
from waystation.vault.models import Profile

STORED = profile_json.from_document(SAMPLE_PROFILE)


@pytest.fixture
def clock() -> FakeClock:
    """After the sample's arrival (1 Sep 2026) and the entries these tests add."""
    return FakeClock(date(2026, 11, 22))


@pytest.fixture
def page(window: MainWindow, session: Session, tmp_path: Path) -> ProfilePage:
    open_vault(session, tmp_path, STORED)
    window.enter_workspace()
    shown = window.workspace.show_page("profile")
    assert isinstance(shown, ProfilePage)
    return shown


def set_cell(table: RecordTable, row: int, key: str, value: str) -> None:
    column = [c.key for c in table.columns].index(key)
    item = table.table.item(row, column)
    assert item is not None
    if table.columns[column].kind == "choice":
        item.setData(VALUE, value)
    else:
        item.setText(value)


def test_shows_the_stored_profile_and_the_form_gives_it_back(page: ProfilePage) -> None:
    person = page.person.fields
    assert person["family_name"].edit.text() == "Иванова"
    assert page.person.date_of_birth.edit.text() == "Apr 12, 1990"  # the language's form
    assert page.person.date_of_birth.value() == date(1990, 4, 12)
    assert page.host.country.code() == "GE"
    assert page.passports.rows()[0]["number"] == "751234567"
    assert page.stays.rows() == [{"country": "GE", "entered": "2026-09-01", "left": ""}]
    assert page.notes.toPlainText() == "Первая заметка"
    assert page.form_profile() == STORED  # the form and the JSON import agree
    assert not page.save_button.isEnabled() and not page.undo_button.isEnabled()


def test_edit_and_save_replaces_the_profile_once(qtbot: QtBot, page: ProfilePage, session: Session) -> None:
    page.person.fields["given_names"].edit.clear()
    qtbot.keyClicks(page.person.fields["given_names"].edit, "Maria Anna")
    set_cell(page.stays, 0, "left", "2026-10-01")
    page.stays.add_row()
    set_cell(page.stays, 1, "country", "KZ")
    set_cell(page.stays, 1, "entered", "2026-10-02")
    assert page.status.text() == "Unsaved changes."
    assert page.save_button.isEnabled()
    with qtbot.waitSignal(session.changed, check_params_cb=lambda what: what == "profile"):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    stored = session.vault.profile.load()
    assert stored.person.given_names == "Maria Anna"
    assert [s.country for s in stored.stays] == ["GE", "KZ"]
    assert not page.is_dirty() and not page.save_button.isEnabled()
    assert page.status.text() == "Saved."


def test_a_bad_date_gets_a_message_beside_the_field_and_blocks_save(
    qtbot: QtBot, page: ProfilePage, session: Session
) -> None:
    birth = page.person.date_of_birth
    birth.edit.clear()
    qtbot.keyClicks(birth.edit, "12.04.1990")
    assert "YYYY-MM-DD" in birth.message.text() and birth.message.isVisibleTo(page)
    assert not page.save_button.isEnabled()
    assert "Fix the marked fields" in page.status.text()
    birth.edit.clear()
    qtbot.keyClicks(birth.edit, "1990-04-13")
    assert birth.message.text() == "" and page.save_button.isEnabled()
    assert session.vault.profile.load() == STORED  # nothing was written while typing


def test_core_checks_are_shown_where_they_belong(qtbot: QtBot, page: ProfilePage, session: Session) -> None:
    set_cell(page.passports, 0, "expires", "2018-01-01")
    assert "Row 1, Expires: Before the issue date" in page.passports.message.text()
    set_cell(page.passports, 0, "expires", "2029-05-20")
    page.person.citizenships.edit.setText("RU, XX")
    assert "XX" in page.person.citizenships.message.text()
    page.person.citizenships.edit.setText("ru by")
    assert page.person.citizenships.message.text() == ""
    assert page.person.citizenships.names.text() == "Russia, Belarus"
    page.passports.add_row()  # a passport needs a number
    assert "Row 2, Number: Required." in page.passports.message.text()
    assert not page.save_button.isEnabled()
    page.passports.table.setCurrentCell(1, 0)
    page.passports.remove_row()
    assert page.save_button.isEnabled()
    assert session.vault.profile.load() == STORED


def test_overlapping_stays_are_refused_with_the_history_check(page: ProfilePage) -> None:
    page.stays.add_row()
    set_cell(page.stays, 1, "country", "KZ")
    set_cell(page.stays, 1, "entered", "2026-10-01")
    assert "Only the current stay may be left open" in page.stays.message.text()
    set_cell(page.stays, 0, "left", "2026-10-05")
    assert "overlap" in page.stays.message.text()
    assert not page.save_button.isEnabled()
    set_cell(page.stays, 0, "left", "2026-09-30")
    assert page.stays.message.text() == "" and page.save_button.isEnabled()


def test_undo_changes_goes_back_to_what_is_stored(qtbot: QtBot, page: ProfilePage) -> None:
    page.person.fields["family_name"].edit.setText("Петрова")
    page.notes.setPlainText("другое")
    page.family.table.setCurrentCell(0, 0)
    page.family.remove_row()
    assert page.undo_button.isEnabled()
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    assert page.person.fields["family_name"].edit.text() == "Иванова"
    assert page.notes.toPlainText() == "Первая заметка"
    assert len(page.family.rows()) == 1
    assert not page.is_dirty() and not page.undo_button.isEnabled()


@pytest.mark.parametrize("answer", ["cancel", "discard", "save"])
def test_leaving_with_unsaved_changes_asks(
    qtbot: QtBot, window: MainWindow, page: ProfilePage, session: Session, answer: str
) -> None:
    asked: list[bool] = []

    def ask() -> str:
        asked.append(True)
        return answer

    page.ask_leaving = ask  # type: ignore[assignment]
    page.person.fields["phone"].edit.setText("+7 700 000 00 00")
    window.workspace.show_page("documents")
    assert asked == [True]
    stack = window.workspace.stack
    if answer == "cancel":
        qtbot.waitUntil(lambda: stack.currentWidget() is page)
        assert page.person.fields["phone"].edit.text() == "+7 700 000 00 00"
        assert window.workspace.nav.currentItem().text() == "Profile"
    else:
        assert stack.currentWidget() is not page
        phone = session.vault.profile.load().person.phone
        assert phone == ("+7 700 000 00 00" if answer == "save" else STORED.person.phone)
        assert not page.is_dirty()


def test_leaving_unchanged_does_not_ask(window: MainWindow, page: ProfilePage) -> None:
    page.ask_leaving = lambda: pytest.fail("asked without changes")  # type: ignore[assignment,return-value]
    page.person.fields["phone"].edit.setText("x")
    page.person.fields["phone"].edit.setText(STORED.person.phone)  # typed back: nothing changed
    window.workspace.show_page("documents")


def test_lock_clears_the_form_and_its_undo_history(
    qtbot: QtBot, window: MainWindow, page: ProfilePage, session: Session
) -> None:
    page.person.fields["family_name"].edit.setText("Несохранённая")
    with qtbot.waitSignal(session.locked):
        window.lock_action.trigger()
    assert not shows(page, "Иванова") and not shows(page, "Несохранённая")
    edit = page.person.fields["family_name"].edit
    edit.undo()
    assert edit.text() == ""
    assert page.stays.table.rowCount() == 0 and page.form_profile() == Profile()


def test_tab_follows_the_order_on_screen(qtbot: QtBot, window: MainWindow, page: ProfilePage) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    person = page.person
    expected = [
        person.date_of_birth.edit,
        person.fields["place_of_birth"].edit,
        person.sex,
        person.citizenships.edit,
        person.fields["phone"].edit,
    ]
    expected[0].setFocus()
    for following in expected[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is following
    page.person.fields["email"].edit.setFocus()
    qtbot.keyClick(page.person.fields["email"].edit, Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    assert focused is page.passports.table, focused.accessibleName()  # the next section on screen
