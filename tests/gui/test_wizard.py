"""The first-run wizard, and the start of the main journey: create a vault → wizard → the
dashboard counts the days → a step marked done in the checklists → the next steps change. The
arrival becomes the first entry; closing with answers asks; locking keeps valid answers."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from tests.gui.profiles import CANARY, STRONG, shows
from tests.gui.test_start_and_lock import create_vault
from waystation.ui.main_window import MainWindow
from waystation.ui.pages.checklists import ChecklistsPage
from waystation.ui.pages.dashboard import DashboardPage
from waystation.ui.session import Session
from waystation.ui.wizard import FirstRunWizard
from waystation.vault.models import Profile


@pytest.fixture
def wizard(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> FirstRunWizard:
    create_vault(qtbot, window, tmp_path / "new.vault")
    qtbot.waitUntil(lambda: window.first_run is not None and window.first_run.isVisible())
    assert window.first_run is not None
    assert window.first_run.isModal()
    return window.first_run


def answer_host(wizard: FirstRunWizard, country: str = "GE", arrived: date | None = None) -> None:
    host = wizard.host
    host.country.setCurrentIndex(host.country.findData(country))
    host.arrival.set_value(arrived or date(2026, 3, 1))
    wizard.next()


def answer_all(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    answer_host(wizard)
    assert wizard.currentPage() is wizard.purposes
    wizard.purposes.boxes["work"].setChecked(True)
    wizard.next()
    # QTest types ASCII only; setText changes the text as typing does (textChanged).
    wizard.names.edits["family_name"].setText("Иванова")
    wizard.names.edits["given_names"].setText("Мария")
    wizard.next()
    assert wizard.currentPage() is wizard.passport
    wizard.citizenship.listed["RU"].setChecked(True)
    wizard.next()
    assert wizard.currentPage() is wizard.family


def to_passport_page(wizard: FirstRunWizard) -> None:
    answer_host(wizard)
    wizard.next()
    wizard.next()
    assert wizard.currentPage() is wizard.passport


def finish(wizard: FirstRunWizard) -> None:
    wizard.button(QWizard.WizardButton.FinishButton).click()


def test_the_main_journey_begins(
    qtbot: QtBot, window: MainWindow, session: Session, wizard: FirstRunWizard
) -> None:
    answer_all(qtbot, wizard)
    row = wizard.family.add_row()
    row.relation.setCurrentIndex(row.relation.findData("child"))
    row.given_names.setText("Пётр")
    qtbot.keyClicks(row.born, "2016-02-03")
    with qtbot.waitSignal(session.changed) as changed:
        finish(wizard)
    assert changed.args == ["profile"]
    assert window.first_run is None  # closed, answers dropped, deleted later

    profile = session.vault.profile.load()
    assert profile.host.country == "GE" and profile.host.arrival_date == date(2026, 3, 1)
    assert [(s.country, s.entered, s.left) for s in profile.stays] == [("GE", date(2026, 3, 1), None)]
    assert profile.person.citizenships == ("RU",)
    assert (profile.person.family_name_latin, profile.person.given_names_latin) == ("IVANOVA", "MARIIA")
    assert [(f.relation, f.given_names, f.date_of_birth) for f in profile.family] == [
        ("child", "Пётр", date(2016, 2, 3))
    ]
    assert json.loads(session.vault.settings.get("purposes") or "[]") == ["work"]

    dashboard = window.workspace.stack.currentWidget()
    assert isinstance(dashboard, DashboardPage)
    assert dashboard.stay_card.headline.text() == "303 days of legal stay left"
    before = [row.title.text() for row in dashboard.next_steps.links.rows]

    dashboard.next_steps.links.choose_row(0)
    checklists = window.workspace.stack.currentWidget()
    assert isinstance(checklists, ChecklistsPage)
    done_id = checklists.selected_step()
    editor = checklists.detail.editor
    editor.state.setCurrentIndex(editor.state.findData("done"))
    editor.save_button.click()
    assert session.vault.progress.get(done_id) is not None

    window.workspace.show_page("dashboard")
    after = [row.title.text() for row in dashboard.next_steps.links.rows]
    assert after != before
    assert before[0] not in after and after[:2] == before[1:3]


def test_latin_names_follow_until_corrected(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    names = wizard.names
    names.edits["family_name"].setText("Щукин")
    assert names.edits["family_name_latin"].text() == "SHCHUKIN"
    names.edits["given_names_latin"].clear()
    qtbot.keyClicks(names.edits["given_names_latin"], "YULIA")
    names.edits["given_names"].setText("Юлия")
    assert names.edits["given_names_latin"].text() == "YULIA"  # the user's spelling is kept
    names.suggest_button.click()
    assert names.edits["given_names_latin"].text() == "IULIIA"


def test_bad_citizenship_code_is_shown_next_to_the_field(
    qtbot: QtBot, session: Session, wizard: FirstRunWizard
) -> None:
    to_passport_page(wizard)
    qtbot.keyClicks(wizard.citizenship.other, "ua, XX")
    wizard.next()
    assert wizard.currentPage() is wizard.passport
    message = wizard.citizenship.messages["person.citizenships"]
    assert message.text() == "XX: not a country code. Use two letters, e.g. UA or KZ."
    assert message.isVisibleTo(wizard)
    assert wizard.citizenship.other.text() == "ua, XX"  # nothing lost
    wizard.citizenship.other.setText("UA")
    wizard.next()
    assert wizard.currentPage() is wizard.family
    assert wizard.citizenship.codes() == ["UA"]


def test_nothing_chosen_is_refused(wizard: FirstRunWizard) -> None:
    wizard.next()
    assert wizard.currentPage() is wizard.host
    assert wizard.host.messages["host.country"].text() == "Choose the country you are in now."
    to_passport_page(wizard)
    wizard.next()
    assert wizard.currentPage() is wizard.passport
    assert "at least one citizenship" in wizard.citizenship.messages["person.citizenships"].text()


def test_latin_field_with_cyrillic_letters_is_refused(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    answer_all(qtbot, wizard)
    wizard.back()
    wizard.back()
    wizard.names.edits["family_name_latin"].setText("Иванова")
    wizard.next()
    assert wizard.currentPage() is wizard.names
    assert wizard.names.messages["person.family_name_latin"].text() == (
        "Use Latin letters only, exactly as in your passport."
    )


def test_problems_found_at_the_end_go_back_to_their_page_and_write_nothing(
    qtbot: QtBot, session: Session, wizard: FirstRunWizard
) -> None:
    answer_all(qtbot, wizard)
    wizard.family.add_row().born.setText("2999-01-01")
    wizard.names.edits["patronymic"].setText("я" * 1001)
    finish(wizard)
    assert wizard.isVisible()
    assert wizard.currentPage() is wizard.names
    assert wizard.names.messages["person.patronymic"].text() == "too long"
    wizard.names.edits["patronymic"].setText("Сергеевна")
    wizard.next()
    wizard.next()
    finish(wizard)
    assert wizard.isVisible() and wizard.currentPage() is wizard.family
    assert wizard.family.rows[0].message.text() == "is in the future"
    assert session.vault.profile.load() == Profile()
    assert session.vault.settings.get("purposes") is None


def test_family_rows_can_be_added_and_removed(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    family = wizard.family
    first = family.add_row()
    family.add_row().given_names.setText("second")
    qtbot.mouseClick(first.remove_button, Qt.MouseButton.LeftButton)
    assert [row.given_names.text() for row in family.rows] == ["second"]
    family.rows[0].born.setText("03.02.2016")  # in English the month comes first, with slashes
    assert not family.validatePage()
    assert family.rows[0].message.text() == "Not a date. Type it like Sep 25, 2026, or as YYYY-MM-DD."
    family.rows[0].born.setText("Feb 3, 2016")
    assert family.validatePage()
    assert family.rows[0].document()["date_of_birth"] == "2016-02-03"


def test_later_without_answers_closes_at_once_and_the_dashboard_guides(
    window: MainWindow, session: Session, wizard: FirstRunWizard
) -> None:
    wizard.ask_closing = lambda: pytest.fail("asked with nothing answered")  # type: ignore[assignment,return-value]
    wizard.button(QWizard.WizardButton.CancelButton).click()
    assert window.first_run is None  # closed, deleted later
    assert session.vault.profile.load() == Profile()
    dashboard = window.workspace.pages["dashboard"]
    assert isinstance(dashboard, DashboardPage)
    assert dashboard.welcome.isVisibleTo(dashboard)


@pytest.mark.parametrize("how", ["later", "escape", "close"])
@pytest.mark.parametrize("answer", ["cancel", "discard", "save"])
def test_closing_with_answers_asks_first(
    qtbot: QtBot, window: MainWindow, session: Session, wizard: FirstRunWizard, how: str, answer: str
) -> None:
    asked: list[bool] = []

    def ask() -> str:
        asked.append(True)
        return answer

    wizard.ask_closing = ask  # type: ignore[assignment]
    answer_host(wizard, "KZ", date(2026, 4, 2))
    wizard.citizenship.listed["RU"].setChecked(True)
    if how == "later":
        wizard.button(QWizard.WizardButton.CancelButton).click()
    elif how == "escape":
        qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    else:
        wizard.close()
    assert asked == [True]
    if answer == "cancel":
        assert wizard.isVisible() and window.first_run is wizard
        assert wizard.citizenship.listed["RU"].isChecked()  # nothing lost
        assert wizard.host.arrival.value() == date(2026, 4, 2)
        assert session.vault.profile.load() == Profile()
        return
    assert window.first_run is None
    profile = session.vault.profile.load()
    if answer == "discard":
        assert profile == Profile()
    else:
        assert (profile.host.country, profile.host.arrival_date) == ("KZ", date(2026, 4, 2))
        assert [(s.country, s.entered, s.left) for s in profile.stays] == [("KZ", date(2026, 4, 2), None)]
        assert profile.person.citizenships == ("RU",)


def test_a_future_or_unreadable_arrival_is_refused_next_to_the_field(
    qtbot: QtBot, session: Session, wizard: FirstRunWizard
) -> None:
    host = wizard.host
    host.country.setCurrentIndex(host.country.findData("GE"))
    qtbot.keyClicks(host.arrival, "May 2, 2026")  # the clock says 1 May 2026
    wizard.next()
    message = host.messages["host.arrival_date"]
    assert wizard.currentPage() is host
    assert message.text() == "The arrival date is in the future." and message.isVisibleTo(wizard)
    host.arrival.setText("31.04.2026")
    wizard.next()
    assert wizard.currentPage() is host and message.text().startswith("Not a date.")
    host.arrival.setText("Apr 30, 2026")
    wizard.next()
    assert wizard.currentPage() is wizard.purposes


def test_no_arrival_date_means_no_entry(qtbot: QtBot, session: Session, wizard: FirstRunWizard) -> None:
    answer_all(qtbot, wizard)
    wizard.back()
    wizard.back()
    wizard.back()
    wizard.back()
    wizard.host.arrival.setText("")  # not known yet
    for _page in range(4):
        wizard.next()
    finish(wizard)
    profile = session.vault.profile.load()
    assert profile.host.country == "GE" and profile.host.arrival_date is None and profile.stays == ()


def test_lock_closes_the_wizard_and_forgets_the_answers(
    qtbot: QtBot, window: MainWindow, session: Session, wizard: FirstRunWizard
) -> None:
    answer_all(qtbot, wizard)
    qtbot.keyClicks(wizard.family.add_row().family_name, CANARY)
    qtbot.keyClicks(wizard.citizenship.other, CANARY[:2])
    with qtbot.waitSignal(session.locked):
        window.lock_action.trigger()
    assert window.first_run is None  # closed, answers dropped, deleted later
    assert not shiboken6.isValid(wizard) or not (shows(wizard, CANARY) or shows(wizard, "Иванова"))
    assert window.stack.currentWidget() is window.start


def test_lock_keeps_valid_answers_in_the_vault_and_drops_invalid_ones(
    qtbot: QtBot, window: MainWindow, session: Session, wizard: FirstRunWizard, tmp_path: Path
) -> None:
    wizard.ask_closing = lambda: pytest.fail("a lock never asks")  # type: ignore[assignment,return-value]
    answer_all(qtbot, wizard)
    with qtbot.waitSignal(session.locked):
        window.lock_action.trigger()
    session.open(tmp_path / "new.vault", STRONG)
    profile = session.vault.profile.load()
    assert profile.person.family_name == "Иванова"
    assert [(s.country, s.entered) for s in profile.stays] == [("GE", date(2026, 3, 1))]

    second = window.run_first_run_wizard()
    second.names.edits["family_name"].setText("Петрова")
    second.family.add_row().born.setText("32.13.2016")  # cannot be saved
    session.lock()
    assert window.first_run is None
    session.open(tmp_path / "new.vault", STRONG)
    assert session.vault.profile.load().person.family_name == "Иванова"  # nothing half-written


def test_the_passport_page_fills_what_offices_read_first(
    qtbot: QtBot, session: Session, wizard: FirstRunWizard
) -> None:
    answer_host(wizard, "KZ", date(2026, 4, 2))
    wizard.host.city.setText("Алматы")
    wizard.host.address.setText("ул. Абая, 10, кв. 5")
    wizard.next()
    wizard.next()
    page = wizard.passport
    page.citizenship.listed["RU"].setChecked(True)
    qtbot.keyClicks(page.born, "1990-07-14")
    page.sex.buttons["F"].click()
    page.place.setText("Москва")
    qtbot.keyClicks(page.number, "75 1234567")
    qtbot.keyClicks(page.issued, "2021-05-20")
    qtbot.keyClicks(page.expires, "2031-05-20")
    page.authority.setText("МВД 77001")
    with qtbot.waitSignal(session.changed):
        finish(wizard)  # on the passport page: the family can wait
    profile = session.vault.profile.load()
    person = profile.person
    assert (person.date_of_birth, person.sex, person.place_of_birth) == (date(1990, 7, 14), "F", "Москва")
    assert person.citizenships == ("RU",)
    assert [(p.number, p.issued, p.expires, p.authority) for p in profile.passports] == [
        ("75 1234567", date(2021, 5, 20), date(2031, 5, 20), "МВД 77001")
    ]
    assert (profile.host.city, profile.host.address) == ("Алматы", "ул. Абая, 10, кв. 5")


def test_the_passport_page_refuses_impossible_details_next_to_them(
    qtbot: QtBot, session: Session, wizard: FirstRunWizard
) -> None:
    to_passport_page(wizard)
    page = wizard.passport
    page.citizenship.listed["BY"].setChecked(True)
    qtbot.keyClicks(page.born, "2030-01-01")  # the clock says 1 May 2026
    qtbot.keyClicks(page.issued, "2021-05-20")
    wizard.next()
    assert wizard.currentPage() is page
    assert page.messages["person.date_of_birth"].text() == "is in the future"
    assert (
        page.messages["passports"].text() == "Type the passport's number too, or leave its details for later."
    )
    page.born.setText("1990-07-14")
    page.number.setText("MP1234567")
    page.expires.setText("2020-01-01")
    wizard.next()
    assert page.messages["passports"].text() == "The passport is valid until a day before its date of issue."
    assert page.born.text() != "" and page.number.text() == "MP1234567"  # nothing lost
    page.expires.setText("2031-05-20")
    wizard.next()
    assert wizard.currentPage() is wizard.family
    assert session.vault.profile.load() == Profile()  # nothing written before Finish


def test_every_page_can_finish_and_unanswered_pages_change_nothing(
    qtbot: QtBot, session: Session, wizard: FirstRunWizard
) -> None:
    answer_host(wizard, "GE", date(2026, 3, 1))
    assert wizard.currentPage() is wizard.purposes
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.isVisible() and finish.isEnabled()
    with qtbot.waitSignal(session.changed):
        finish.click()
    profile = session.vault.profile.load()
    assert profile.host.country == "GE" and profile.passports == ()
    assert profile.person.citizenships == () and profile.host.city == ""
