"""The dashboard: the stay gauge in every case the core reports, next steps, deadlines, expiring
documents, rows that lead to their place, the welcome without a host country, and lock."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui.profiles import CANARY, open_vault, profile_in, shows
from waystation.i18n import set_language
from waystation.ui.main_window import MainWindow
from waystation.ui.pages.checklists import ChecklistsPage
from waystation.ui.pages.dashboard import DashboardPage
from waystation.ui.session import Change, Session
from waystation.vault.models import Profile

TODAY = date(2026, 5, 1)  # the clock fixture's day


def enter(window: MainWindow, session: Session, tmp_path: Path, profile: Profile | None) -> DashboardPage:
    open_vault(session, tmp_path, profile)
    window.enter_workspace()
    page = window.workspace.pages["dashboard"]
    assert isinstance(page, DashboardPage)
    assert window.workspace.stack.currentWidget() is page
    return page


def ru_rule_explain(session: Session, language: str) -> str:
    """The host guide's rule for a Russian passport, in ``language``: the card shows it as is."""
    guide = session.host_pack()
    assert guide is not None
    rule = guide.stay_rule_for(("RU",))
    assert rule is not None
    return rule.explain.get(language)


def test_dashboard_is_the_first_screen(window: MainWindow) -> None:
    assert next(iter(window.workspace.pages)) == "dashboard"


def test_counts_days_left_and_explains_the_rule(window: MainWindow, session: Session, tmp_path: Path) -> None:
    page = enter(window, session, tmp_path, profile_in("GE", [("GE", date(2026, 3, 1), None)]))
    card = page.stay_card
    # One year per stay, entry day included: 1 Mar 2026 .. 28 Feb 2027; 303 days after 1 May.
    assert card.headline.text() == "303 days of legal stay left"
    assert "Last day you may stay: February 28, 2027" in card.lines.text()
    assert "62 days since your entry" in card.lines.text()
    assert card.gauge.text() == "303 days left"
    assert 0.15 < card.gauge.fraction() < 0.2
    assert card.explain.text() == ru_rule_explain(session, "en")
    assert card.explain.textFormat() == Qt.TextFormat.PlainText
    assert not card.note.isVisibleTo(page)
    assert page.where.text() == "Georgia · today is May 1, 2026"


def test_overstay_is_said_clearly_and_calmly(window: MainWindow, session: Session, tmp_path: Path) -> None:
    page = enter(window, session, tmp_path, profile_in("RS", [("RS", date(2026, 3, 1), None)]))
    card = page.stay_card
    assert card.headline.text() == "Your legal stay ended on March 30, 2026"
    assert card.gauge.text() == "32 days over"
    assert card.note.isVisibleTo(page)
    assert "32 days longer than the rule allows" in card.note.text()
    assert "talk to a lawyer" in card.note.text()


def test_away_and_cannot_enter_gives_the_earliest_return(
    window: MainWindow, session: Session, tmp_path: Path
) -> None:
    # 59 + 31 = 90 days of the 90 allowed in 180: no entry until January's days drop out.
    stays = [("TR", date(2026, 1, 1), date(2026, 2, 28)), ("TR", date(2026, 3, 2), date(2026, 4, 1))]
    page = enter(window, session, tmp_path, profile_in("TR", stays))
    card = page.stay_card
    assert card.headline.text() == "Turkey: you are not there now"
    assert "Earliest return: June 30, 2026." in card.note.text()
    assert "90 days used in the last 180 days" in card.lines.text()


def test_visa_required_and_no_rule(window: MainWindow, session: Session, tmp_path: Path) -> None:
    page = enter(window, session, tmp_path, profile_in("DE", [("DE", date(2026, 4, 1), None)]))
    assert page.stay_card.headline.text() == "Your visa or permit decides how long you may stay"
    assert page.stay_card.gauge.text() == "31 days counted"
    profile = profile_in("GE", [("GE", date(2026, 4, 1), None)], citizenships=("IN",))
    session.vault.profile.replace(profile)
    session.notify(Change.PROFILE)
    assert page.stay_card.headline.text() == "This guide has no stay rule for your citizenship"
    assert page.stay_card.profile_button.isVisibleTo(page)


def test_without_a_host_country_a_welcome_leads_to_the_profile(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    page = enter(window, session, tmp_path, None)
    assert page.welcome.isVisibleTo(page) and not page.overview.isVisibleTo(page)
    assert "Tell Waystation which country you are in" in page.welcome_text.text()
    with qtbot.waitSignal(page.navigate) as signal:
        qtbot.mouseClick(page.welcome_button, Qt.MouseButton.LeftButton)
    assert signal.args == ["profile", "host"]


def test_next_steps_lead_to_the_checklist_by_keyboard(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    page = enter(window, session, tmp_path, profile_in("GE", [("GE", date(2026, 3, 1), None)]))
    rows = page.next_steps.links.rows
    assert len(rows) == 3
    status = session.status()
    assert status is not None
    first = next(p for p in status.plans if not p.finished and p.applies is not False)
    assert rows[0].title.text() == first.step.title.get("en")
    rows[1].setFocus()
    second = page.next_steps.links.rows[1]
    qtbot.keyClick(second, Qt.Key.Key_Return)
    checklists = window.workspace.stack.currentWidget()
    assert isinstance(checklists, ChecklistsPage)
    step_id = checklists.selected_step()
    assert checklists.plans[step_id].step.title.get("en") == second.title.text()


def test_deadlines_and_expiring_documents(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    # Serbia: 30 days per stay, so the last day falls inside the 30-day horizon.
    page = enter(window, session, tmp_path, profile_in("RS", [("RS", date(2026, 4, 20), None)]))
    document = session.vault.documents.add(
        b"%PDF-1.4 scan", kind="permit", title=CANARY, expires=date(2026, 6, 1), original_name="p.pdf"
    )
    session.notify(Change.DOCUMENTS)
    deadline_titles = [row.title.text() for row in page.deadlines.links.rows]
    assert "Last day of legal stay" in deadline_titles
    stay_row = page.deadlines.links.rows[deadline_titles.index("Last day of legal stay")]
    assert stay_row.detail.text() == "May 19, 2026 (in 18 days)"
    expiring = page.expiring.links.rows
    assert [row.title.text() for row in expiring] == [f"Permit: {CANARY}"]
    assert expiring[0].detail.text() == "Expires on Jun 1, 2026 (in 31 days)"
    with qtbot.waitSignal(page.navigate) as signal:
        qtbot.mouseClick(expiring[0], Qt.MouseButton.LeftButton)
    assert signal.args == ["documents", str(document.id)]


def test_lock_clears_the_dashboard(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    page = enter(window, session, tmp_path, profile_in("GE", [("GE", date(2026, 3, 1), None)]))
    session.vault.documents.add(b"scan", kind="passport", title=CANARY, expires=date(2026, 6, 1))
    session.notify(Change.DOCUMENTS)
    assert shows(page, CANARY)
    with qtbot.waitSignal(session.locked):
        window.lock_action.trigger()
    assert not shows(page, CANARY)
    assert not shows(page, "days left")
    assert page.next_steps.links.count() == 0


def test_russian_texts_and_dates(window: MainWindow, session: Session, tmp_path: Path) -> None:
    set_language("ru")
    page = enter(window, session, tmp_path, profile_in("GE", [("GE", date(2026, 3, 1), None)]))
    assert "Грузия" in page.where.text()
    assert page.stay_card.explain.text() == ru_rule_explain(session, "ru")
    assert "2027" in page.stay_card.lines.text()


def test_language_switch_at_run_time(window: MainWindow, session: Session, tmp_path: Path) -> None:
    page = enter(window, session, tmp_path, profile_in("GE", [("GE", date(2026, 3, 1), None)]))
    assert page.stay_card.explain.text() == ru_rule_explain(session, "en")
    set_language("ru")
    QApplication.sendEvent(page, QEvent(QEvent.Type.LanguageChange))
    assert page.stay_card.explain.text() == ru_rule_explain(session, "ru")
    assert "Грузия" in page.where.text()


def test_a_contradictory_history_is_named_not_guessed(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    stays = [("GE", date(2026, 3, 1), None), ("GE", date(2026, 4, 1), None)]
    page = enter(window, session, tmp_path, profile_in("GE", stays))
    assert page.problem.isVisibleTo(page)
    assert page.problem.text()  # the core's message, naming the stay to fix
    assert not page.stay_card.isVisibleTo(page)
    assert page.next_steps.links.count() == 0
    with qtbot.waitSignal(page.navigate) as signal:
        page.problem_button.click()
    assert signal.args == ["profile", "stays"]


def test_a_partial_guide_says_so_on_the_overview_and_in_the_pickers(
    window: MainWindow, session: Session, tmp_path: Path
) -> None:
    from waystation.ui.pages.profile import ProfilePage

    page = enter(window, session, tmp_path, profile_in("LV", [("LV", date(2026, 3, 1), None)]))
    guide = session.host_pack()
    assert guide is not None and guide.coverage.partial and guide.coverage.missing is not None
    assert page.coverage.isVisibleTo(page)
    assert page.coverage.text().startswith("This guide is partial")
    assert guide.coverage.missing.get("en") in page.coverage.text()
    window.workspace.show_page("profile")
    profile_page = window.workspace.stack.currentWidget()
    assert isinstance(profile_page, ProfilePage)
    combo = profile_page.host.country
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert "Latvia · partial guide" in labels and "Georgia" in labels


def test_a_full_guide_shows_no_coverage_note(window: MainWindow, session: Session, tmp_path: Path) -> None:
    page = enter(window, session, tmp_path, profile_in("GE", [("GE", date(2026, 3, 1), None)]))
    assert not page.coverage.isVisibleTo(page)
