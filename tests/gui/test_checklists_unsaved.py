"""Checklists never lose a changed state, date or note silently: another step, a track that hides
the step, or another screen asks (save / discard / stay); a filter that hides the step keeps it
in the detail pane; locking saves valid progress and drops what cannot be saved. Today is 1 May
2026 (the clock)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.fakes import FakeClock
from tests.gui.profiles import STRONG, open_vault, profile_in
from waystation.ui.main_window import MainWindow
from waystation.ui.pages.checklists import ChecklistsPage
from waystation.ui.session import Change

BANK = "ge.work.bank_account"  # work track
RENT = "ge.housing.rent"  # housing track


@pytest.fixture
def page(window: MainWindow, tmp_path: Path) -> ChecklistsPage:
    open_vault(window.session, tmp_path, profile_in("GE", [("GE", date(2026, 3, 1), None)]))
    window.enter_workspace()
    checklists = window.workspace.show_page("checklists")
    assert isinstance(checklists, ChecklistsPage)
    return checklists


class Asked:
    def __init__(self, answer: str) -> None:
        self.answer = answer
        self.times = 0

    def __call__(self) -> str:
        self.times += 1
        return self.answer


def edit_rent(page: ChecklistsPage, note: str = "call the landlord") -> None:
    page.focus_item(RENT)
    editor = page.detail.editor
    editor.state.setCurrentIndex(editor.state.findData("doing"))
    editor.note.setPlainText(note)
    assert editor.dirty


def test_leaving_todo_fills_in_today_and_typing_back_is_no_change(page: ChecklistsPage) -> None:
    page.focus_item(RENT)
    editor = page.detail.editor
    assert editor.on.text() == "" and not editor.on.isEnabled()  # "to do" has no day
    editor.state.setCurrentIndex(editor.state.findData("done"))
    assert editor.on.value() == date(2026, 5, 1) and editor.on.isEnabled()
    assert editor.dirty
    editor.state.setCurrentIndex(editor.state.findData("todo"))
    assert not editor.dirty  # back as it was shown


@pytest.mark.parametrize("answer", ["cancel", "discard", "save"])
def test_choosing_another_step_asks(page: ChecklistsPage, answer: str) -> None:
    asked = page.ask_leaving = Asked(answer)  # type: ignore[assignment]
    edit_rent(page)
    page.focus_item(BANK)
    assert asked.times == 1
    progress = page.session.vault.progress.get(RENT)
    if answer == "cancel":
        assert page.selected_step() == RENT and page.detail.step_id == RENT
        assert page.detail.editor.note.toPlainText() == "call the landlord"  # nothing lost
        assert progress is None
    else:
        assert page.selected_step() == BANK and page.detail.step_id == BANK
        assert (progress is not None) == (answer == "save")
    if answer == "save":
        assert progress is not None and (progress.state, progress.on) == ("doing", date(2026, 5, 1))
        assert progress.note == "call the landlord"


def test_a_save_that_fails_stays_on_the_step(page: ChecklistsPage) -> None:
    page.ask_leaving = Asked("save")  # type: ignore[assignment]
    edit_rent(page)
    page.detail.editor.on.setText("May 9, 2026")  # in the future
    page.focus_item(BANK)
    assert page.detail.step_id == RENT
    assert "in the future" in page.detail.editor.date_message.text()
    assert page.session.vault.progress.get(RENT) is None


def test_unchanged_steps_never_ask(page: ChecklistsPage) -> None:
    page.ask_leaving = lambda: pytest.fail("asked without changes")  # type: ignore[assignment,return-value]
    page.focus_item(RENT)
    page.focus_item(BANK)
    page.tracks.setCurrentIndex(2)
    page.window().workspace.show_page("documents")  # type: ignore[attr-defined]


def test_a_track_that_hides_the_step_asks_and_cancel_stays(page: ChecklistsPage) -> None:
    asked = page.ask_leaving = Asked("cancel")  # type: ignore[assignment]
    edit_rent(page)
    tabs = {page.tracks.tabData(i): i for i in range(page.tracks.count())}
    page.tracks.setCurrentIndex(tabs["housing"])  # the step's own track: no question
    assert asked.times == 0
    page.tracks.setCurrentIndex(tabs["work"])
    assert asked.times == 1
    assert page.tracks.currentIndex() == tabs["housing"] and page.filter._track == "housing"
    assert page.detail.editor.note.toPlainText() == "call the landlord"


def test_a_search_that_hides_the_step_keeps_it_in_the_detail(qtbot: QtBot, page: ChecklistsPage) -> None:
    page.ask_leaving = lambda: pytest.fail("a filter is no move")  # type: ignore[assignment,return-value]
    edit_rent(page)
    qtbot.keyClicks(page.search, "bank")
    assert page.detail.step_id == RENT and page.detail.editor.note.toPlainText() == "call the landlord"
    page.session.notify(Change.DOCUMENTS)  # a refresh while the step is hidden
    assert page.detail.step_id == RENT and page.detail.editor.dirty


@pytest.mark.parametrize("answer", ["cancel", "discard", "save"])
def test_another_screen_asks(qtbot: QtBot, window: MainWindow, page: ChecklistsPage, answer: str) -> None:
    asked = page.ask_leaving = Asked(answer)  # type: ignore[assignment]
    edit_rent(page)
    window.workspace.show_page("documents")
    assert asked.times == 1
    stack = window.workspace.stack
    if answer == "cancel":
        qtbot.waitUntil(lambda: stack.currentWidget() is page)
        assert page.detail.editor.note.toPlainText() == "call the landlord"
    else:
        assert stack.currentWidget() is not page
        assert (page.session.vault.progress.get(RENT) is not None) == (answer == "save")


def test_lock_saves_valid_progress_without_asking(
    qtbot: QtBot, window: MainWindow, page: ChecklistsPage, tmp_path: Path
) -> None:
    page.ask_leaving = lambda: pytest.fail("a lock never asks")  # type: ignore[assignment,return-value]
    edit_rent(page, "left in a hurry")
    session = page.session
    with qtbot.waitSignal(session.locked):
        window.lock_action.trigger()
    assert page.detail.editor.note.toPlainText() == ""
    session.open(tmp_path / "test.vault", STRONG)
    progress = session.vault.progress.get(RENT)
    assert progress is not None and progress.note == "left in a hurry" and progress.state == "doing"


def test_lock_drops_progress_that_cannot_be_saved(
    qtbot: QtBot, window: MainWindow, page: ChecklistsPage, tmp_path: Path
) -> None:
    edit_rent(page)
    page.detail.editor.on.setText("31.02.2026")
    session = page.session
    with qtbot.waitSignal(session.locked):
        window.lock_action.trigger()
    session.open(tmp_path / "test.vault", STRONG)
    assert session.vault.progress.get(RENT) is None


def test_auto_lock_keeps_the_note_of_a_person_who_walked_away(
    qtbot: QtBot, window: MainWindow, page: ChecklistsPage, clock: FakeClock, tmp_path: Path
) -> None:
    page.ask_leaving = lambda: pytest.fail("a lock never asks")  # type: ignore[assignment,return-value]
    edit_rent(page, "half a thought")
    session = page.session
    clock.advance(seconds=session.app_settings.auto_lock_minutes * 60 + 1)
    with qtbot.waitSignal(session.locked):
        window.idle.check()
    session.open(tmp_path / "test.vault", STRONG)
    progress = session.vault.progress.get(RENT)
    assert progress is not None and progress.note == "half a thought"
