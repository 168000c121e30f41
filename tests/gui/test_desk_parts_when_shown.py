"""The window's parts an ordinary start does not show are made when they first show (so the first
frame does not wait for them): the guest banner, the line End session waits on, the desk's
actions' icons. And the filters on the whole app are installed even in a window that is never
painted (MainWindow.WATCH_LATEST_MS)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.fakes import ScriptedDialogs
from tests.gui.helpdesk_support import desk_window, start_guest
from waystation.ui.helpdesk.desk_window import DeskWindow
from waystation.ui.main_window import WATCH_LATEST_MS, MainWindow
from waystation.ui.session import Session


def order_in_column(window: DeskWindow) -> list[str]:
    names = {id(window.stack): "screens"}
    for name in ("_guest_banner", "_ending_line"):
        part = getattr(window, name)
        if part is not None:
            names[id(part)] = name.strip("_")
    column = window.column
    found = []
    for index in range(column.count()):
        item = column.itemAt(index)
        widget = item.widget() if item is not None else None
        if widget is not None and id(widget) in names:
            found.append(names[id(widget)])
    return found


def test_an_ordinary_start_makes_no_banner_and_draws_no_desk_icon(
    qtbot: QtBot, session: Session, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    window = desk_window(qtbot, session, dialogs, tmp_path, helpdesk=False)
    assert window._guest_banner is None and window._ending_line is None
    assert not window.end_action.isVisible() and window.end_action.icon().isNull()
    assert window.copy_action.icon().isNull()
    start = window.start
    assert start.settings_button.icon().isNull()  # type: ignore[attr-defined]
    window._waiting("")  # End session waiting on nothing: still nothing made
    assert window._ending_line is None and window.stack.isEnabled()


def test_a_desk_shows_end_session_with_its_icon(
    qtbot: QtBot, session: Session, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    window = desk_window(qtbot, session, dialogs, tmp_path, helpdesk=True)
    assert window.end_action.isVisible() and not window.end_action.icon().isNull()
    assert not window.start.settings_button.icon().isNull()  # type: ignore[attr-defined]
    assert window._guest_banner is None  # no guest session: no banner


def test_the_banner_and_the_waiting_line_come_above_the_screens_when_they_show(
    qtbot: QtBot, session: Session, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    window = desk_window(qtbot, session, dialogs, tmp_path, helpdesk=False)
    window._waiting("Waiting for the printer to receive every page…")  # first: while busy
    line = window._ending_line
    assert line is not None and line.isVisible() and "printer" in line.words.text()
    assert not window.stack.isEnabled()
    assert order_in_column(window) == ["ending_line", "screens"]
    window._waiting("")
    assert not line.isVisible() and window.stack.isEnabled()

    start_guest(qtbot, window, session)
    banner = window._guest_banner
    assert banner is not None and banner.isVisible() and banner.isEnabled()
    assert not banner.save_button.icon().isNull() and not banner.end_button.icon().isNull()
    assert order_in_column(window) == ["guest_banner", "ending_line", "screens"]
    window._waiting("Waiting for the packet being built to stop…")
    assert not banner.isEnabled()  # the banner's buttons wait too
    window._waiting("")
    assert banner.isEnabled()
    window.keeper.changed.emit()  # the banner is not made twice
    assert window._guest_banner is banner
    banner.save_button.click()  # its buttons work: Save opens the handoff dialog
    dialog = window.handoff_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.reject()
    banner.end_button.click()  # End asks first: the guest session would be lost
    leaving = window.leaving_dialog
    assert leaving is not None and leaving.isVisible()
    leaving.back_button.click()  # go back: nothing lost


def test_a_window_never_painted_still_watches_the_whole_app(
    qtbot: QtBot, session: Session, dialogs: ScriptedDialogs
) -> None:
    window = MainWindow(session, dialogs)  # never shown: no first paint
    qtbot.addWidget(window)
    assert not window.system_lock._listening
    qtbot.waitUntil(lambda: window.system_lock._listening, timeout=WATCH_LATEST_MS + 3000)
    assert window._watching
