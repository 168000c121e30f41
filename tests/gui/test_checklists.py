"""The checklists: the model, tracks and filters, the detail pane, recording progress, attaching a
needed document, links that open only on request, and lock."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QLabel
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.fakes import ScriptedDialogs
from tests.gui.profiles import CANARY, open_vault, profile_in, shows
from waystation.i18n import current_language
from waystation.ui.main_window import MainWindow
from waystation.ui.pages.checklist_model import ChecklistModel, StepFilter
from waystation.ui.pages.checklists import ChecklistsPage
from waystation.ui.session import Change

BANK = "ge.work.bank_account"  # needs a passport; one weak source
RENT = "ge.housing.rent"  # needs a lease


@pytest.fixture
def page(window: MainWindow, tmp_path: Path) -> ChecklistsPage:
    session = window.session
    open_vault(session, tmp_path, profile_in("GE", [("GE", date(2026, 3, 1), None)]))
    window.enter_workspace()
    checklists = window.workspace.show_page("checklists")
    assert isinstance(checklists, ChecklistsPage)
    return checklists


def visible_steps(page: ChecklistsPage) -> list[str]:
    return [
        page.model.step_id(page.filter.mapToSource(page.filter.index(r, 0)).row())
        for r in range(page.filter.rowCount())
    ]


def test_the_models_are_sound(qtmodeltester: ModelTester, page: ChecklistsPage) -> None:
    qtmodeltester.check(page.model)
    page.filter.set_search("bank")
    qtmodeltester.check(page.filter)


def test_a_standalone_model_and_filter_pass_the_model_tester(
    qtmodeltester: ModelTester, page: ChecklistsPage
) -> None:
    status = page.session.status()
    assert status is not None
    model = ChecklistModel()
    model.load(status.plans, current_language(), status.on)
    proxy = StepFilter()
    proxy.setSourceModel(model)
    proxy.set_track("housing")
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == len([p for p in status.plans if p.step.track == "housing"])


def test_steps_come_in_what_next_order_with_state_and_due(page: ChecklistsPage) -> None:
    status = page.session.status()
    assert status is not None
    assert visible_steps(page) == [plan.step.id for plan in status.plans]
    assert page.model.item(0, 1).text() == "To do"
    assert page.selected_step() == status.plans[0].step.id
    assert page.detail.heading.text() == status.plans[0].step.title.get("en")


def test_tracks_state_filter_and_search(qtbot: QtBot, page: ChecklistsPage) -> None:
    tabs = [page.tracks.tabText(i) for i in range(page.tracks.count())]
    assert tabs == ["All tracks", "Residence", "Work", "Housing", "Counselling", "Documents from home"]
    page.tracks.setCurrentIndex(3)
    guide = page.session.host_pack()
    assert guide is not None
    assert RENT in visible_steps(page)
    assert set(visible_steps(page)) == {step.id for step in guide.steps_in("housing")}
    page.tracks.setCurrentIndex(0)
    qtbot.keyClicks(page.search, "open a bank account")
    assert visible_steps(page) == [BANK]
    assert page.selected_step() == BANK  # the only match is shown at once
    page.search.clear()
    page.state_filter.setCurrentIndex(page.state_filter.findData("done"))
    assert visible_steps(page) == []
    assert page.detail.text.text() == "No step matches the filter."


def test_detail_shows_documents_sources_and_dates(page: ChecklistsPage) -> None:
    page.focus_item(BANK)
    detail = page.detail
    rows = detail.documents.rows
    assert len(rows) == 2  # a passport and a bank statement
    labels = [label.text() for row in rows for label in row.findChildren(QLabel)]
    assert "Passport" in labels and "✗ Missing" in labels
    source_texts = [label.text() for row in detail.sources.rows for label in row.findChildren(QLabel)]
    assert any("weak source: confirm it elsewhere" in text for text in source_texts)
    assert any(text.startswith("https://") for text in source_texts)
    assert detail.verified.text().startswith("Checked ") and "(November 28, 2026)" in detail.verified.text()
    assert all(label.textFormat().name == "PlainText" for label in detail.findChildren(QLabel))


def test_links_open_only_on_request_and_only_web_addresses(page: ChecklistsPage) -> None:
    opened: list[QUrl] = []
    page.focus_item(BANK)
    page.detail.sources.opener = opened.append
    assert opened == []
    buttons = [row.findChildren(type(page.detail.editor.save_button))[0] for row in page.detail.sources.rows]
    buttons[0].click()
    assert len(opened) == 1 and opened[0].scheme() == "https"


def test_marking_a_step_done_is_saved_and_shown(qtbot: QtBot, page: ChecklistsPage) -> None:
    page.focus_item(RENT)
    editor = page.detail.editor
    editor.state.setCurrentIndex(editor.state.findData("done"))
    editor.on.set_value(date(2026, 4, 28))  # the clock says 1 May 2026
    editor.note.setPlainText(f"Landlord {CANARY} wants two months up front")
    with qtbot.waitSignal(page.session.changed) as signal:
        editor.save_button.click()
    assert signal.args == ["progress"]
    saved = page.session.vault.progress.get(RENT)
    assert saved is not None and saved.state == "done" and saved.on == date(2026, 4, 28)
    assert saved.note.startswith("Landlord")
    assert page.selected_step() == RENT  # the refresh kept the place
    assert page.model.item(page.model.row_of(RENT), 1).text() == "Done"
    assert editor.saved.text() == "Saved."


def test_a_date_in_the_future_is_refused_next_to_the_field(page: ChecklistsPage) -> None:
    page.focus_item(RENT)
    editor = page.detail.editor
    editor.state.setCurrentIndex(editor.state.findData("doing"))
    editor.on.set_value(date(2026, 5, 3))
    editor.note.setPlainText("keep me")
    editor.save_button.click()
    assert "in the future" in editor.date_message.text()
    assert editor.date_message.isVisibleTo(page)
    assert page.session.vault.progress.get(RENT) is None
    assert editor.note.toPlainText() == "keep me"  # nothing lost


def test_attach_adds_a_document_of_the_needed_kind(
    page: ChecklistsPage, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    scan = tmp_path / "lease.pdf"
    scan.write_bytes(b"%PDF-1.4 lease")
    page.focus_item(RENT)
    dialogs.answers.append([scan])
    attach = page.detail.documents.rows[0].findChildren(type(page.detail.editor.save_button))[0]
    attach.click()
    documents = page.session.vault.documents.list()
    assert [(d.kind, d.original_name) for d in documents] == [("lease", "lease.pdf")]
    labels = [label.text() for label in page.detail.documents.rows[0].findChildren(QLabel)]
    assert "✓ Present" in labels


def test_attach_of_an_unreadable_file_says_so_and_adds_nothing(
    page: ChecklistsPage, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    page.focus_item(RENT)
    dialogs.answers.append([tmp_path / "gone.pdf"])
    attach = page.detail.documents.rows[0].findChildren(type(page.detail.editor.save_button))[0]
    attach.click()
    assert "gone.pdf cannot be read" in page.message.text()
    assert page.session.vault.documents.list() == []


def test_focus_item_widens_filters_that_hide_the_step(page: ChecklistsPage) -> None:
    page.tracks.setCurrentIndex(3)  # housing
    page.search.setText("rent")
    page.focus_item(BANK)
    assert page.selected_step() == BANK
    assert page.tracks.currentIndex() == 0 and page.search.text() == ""


def test_without_a_guide_the_page_points_to_the_profile(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    open_vault(window.session, tmp_path, None)
    window.enter_workspace()
    page = window.workspace.show_page("checklists")
    assert isinstance(page, ChecklistsPage)
    assert "Choose your host country" in page.message.text()
    with qtbot.waitSignal(page.navigate) as signal:
        page.profile_button.click()
    assert signal.args == ["profile", "host"]


def test_lock_clears_the_checklists(qtbot: QtBot, window: MainWindow, page: ChecklistsPage) -> None:
    page.session.vault.progress.set(RENT, "doing", date(2026, 4, 30), f"call {CANARY}")
    page.session.notify(Change.PROGRESS)
    page.focus_item(RENT)
    assert shows(page, CANARY)
    with qtbot.waitSignal(page.session.locked):
        window.lock_action.trigger()
    assert not shows(page, CANARY)
    assert page.model.rowCount() == 0 and page.detail.heading.text() == ""


def test_tracks_become_a_list_when_the_window_is_too_narrow_for_their_tabs(
    qtbot: QtBot, window: MainWindow, page: ChecklistsPage
) -> None:
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: not page.tracks.as_list)
    assert page.tracks.bar.isVisible() and not page.tracks.combo.isVisible()
    window.resize(640, 600)  # narrower than the six tabs: none may hide behind scroll arrows
    qtbot.waitUntil(lambda: page.tracks.as_list)
    combo = page.tracks.combo
    assert combo.isVisible() and not page.tracks.bar.isVisible()
    assert [combo.itemText(i) for i in range(combo.count())] == [
        page.tracks.tabText(i) for i in range(page.tracks.count())
    ]
    combo.setCurrentIndex(3)  # housing, chosen from the list
    assert page.tracks.currentIndex() == 3 and page.filter._track == "housing"
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: not page.tracks.as_list)
    assert page.tracks.bar.currentIndex() == 3  # the same choice, as a tab again
