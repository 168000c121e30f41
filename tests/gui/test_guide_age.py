"""Steps nobody has re-checked for longer than the guide's review_after are marked "may be out
of date" in the checklist, the step's detail and the overview; the documents-from-home track is
there in every guide."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.fakes import FakeClock
from tests.gui.profiles import open_vault, profile_in
from waystation.i18n import set_language
from waystation.rules.words import track_name
from waystation.ui.main_window import MainWindow
from waystation.ui.pages.checklist_model import CHECKED
from waystation.ui.pages.checklists import ChecklistsPage
from waystation.ui.pages.dashboard import DashboardPage
from waystation.ui.session import Session


def checklists(window: MainWindow, session: Session, tmp_path: Path) -> ChecklistsPage:
    open_vault(session, tmp_path, profile_in("GE", [("GE", date(2026, 3, 1), None)]))
    window.enter_workspace()
    window.workspace.show_page("checklists")
    page = window.workspace.stack.currentWidget()
    assert isinstance(page, ChecklistsPage)
    return page


def test_recent_steps_show_their_age_without_a_warning(
    window: MainWindow, session: Session, tmp_path: Path
) -> None:
    page = checklists(window, session, tmp_path)
    step_id = "ge.residence.entry_insurance"
    page.focus_item(step_id)
    row = page.model.row_of(step_id)
    checked = page.model.item(row, CHECKED)
    assert checked is not None and not checked.text().startswith("⚠")
    assert "may be out of date" not in page.detail.verified.text()
    assert "Checked" in page.detail.verified.text()


def test_old_steps_are_marked_everywhere(
    window: MainWindow, session: Session, clock: FakeClock, tmp_path: Path
) -> None:
    clock.advance(days=(date(2027, 9, 1) - clock.today()).days)  # Georgia's guide asks for 120 days
    page = checklists(window, session, tmp_path)
    step_id = "ge.residence.entry_insurance"
    page.focus_item(step_id)
    checked = page.model.item(page.model.row_of(step_id), CHECKED)
    assert checked is not None and checked.text().startswith("⚠")
    assert "may be out of date" in checked.toolTip()
    assert "may be out of date" in page.detail.verified.text()
    assert page.detail.verified.objectName() == "warning"
    window.workspace.show_page("dashboard")
    dashboard = window.workspace.stack.currentWidget()
    assert isinstance(dashboard, DashboardPage)
    details = [row.detail.text() for row in dashboard.next_steps.links.rows]
    assert details and all("may be out of date" in detail for detail in details)


def test_documents_from_home_is_a_track_of_its_own(
    window: MainWindow, session: Session, tmp_path: Path
) -> None:
    set_language("ru")
    page = checklists(window, session, tmp_path)
    labels = [page.tracks.tabText(i) for i in range(page.tracks.count())]
    assert track_name("home_documents") in labels
    assert track_name("home_documents") == "Документы из страны гражданства"
