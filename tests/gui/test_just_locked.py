"""After locking, the vault that was just open is offered again — one passphrase away — kept in
memory for this run only (unless recent vaults are turned on), and forgettable at once."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.fakes import FakeClock, ScriptedDialogs
from tests.gui.conftest import STRONG
from tests.gui.profiles import new_session
from tests.gui.test_start_and_lock import create_vault
from waystation.ui.main_window import MainWindow
from waystation.ui.session import Session


def lock(qtbot: QtBot, window: MainWindow, session: Session) -> None:
    with qtbot.waitSignal(session.locked):
        window.lock_action.trigger()


def files_mentioning(folder: Path, text: str) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and text.encode() in p.read_bytes()]


def test_the_just_locked_vault_is_one_passphrase_away(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    path = tmp_path / "maria.vault"
    create_vault(qtbot, window, path)
    assert session.is_open
    lock(qtbot, window, session)
    panel = window.start.open_panel
    assert window.start.tabs.currentWidget() is panel
    assert panel.picker.edit.text() == str(path)
    assert panel.offer.isVisible() and "only until it closes" in panel.offer_words.text()
    assert window.focusWidget() is panel.passphrase  # where the typing goes once the window is active
    # One passphrase and Enter: nothing else to do.
    qtbot.keyClicks(panel.passphrase, STRONG)
    with qtbot.waitSignal(session.opened, timeout=10_000):
        qtbot.keyClick(panel.passphrase, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.workspace
    # Kept in memory only: no file in the settings folder knows the vault's name.
    assert files_mentioning(tmp_path / "config", "maria") == []


def test_forget_it_drops_the_offer(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    create_vault(qtbot, window, tmp_path / "client-a.vault")
    lock(qtbot, window, session)
    panel = window.start.open_panel
    qtbot.mouseClick(panel.forget_button, Qt.MouseButton.LeftButton)
    assert panel.picker.edit.text() == "" and not panel.offer.isVisible()
    assert panel.just_locked is None
    window.start.reset()  # shown again later: still nothing offered
    assert panel.picker.edit.text() == ""


def test_a_new_run_offers_nothing(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path, clock: FakeClock
) -> None:
    create_vault(qtbot, window, tmp_path / "a.vault")
    lock(qtbot, window, session)
    later = new_session(tmp_path, clock)  # the next start of the app, with the same settings
    again = MainWindow(later, ScriptedDialogs())
    qtbot.addWidget(again)
    assert again.start.open_panel.picker.edit.text() == ""
    assert not again.start.open_panel.offer.isVisibleTo(again.start)


def test_with_recent_vaults_turned_on_the_list_offers_it(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path, clock: FakeClock
) -> None:
    session.save_settings(dataclasses.replace(session.app_settings, remember_recent=True))
    path = tmp_path / "a.vault"
    create_vault(qtbot, window, path)
    lock(qtbot, window, session)
    panel = window.start.open_panel
    assert not panel.offer.isVisible()  # the list says it already
    assert panel.recent.isVisible() and panel.recent.item(0).text() == str(path.resolve())
    later = new_session(tmp_path, clock)
    again = MainWindow(later, ScriptedDialogs())
    qtbot.addWidget(again)
    assert again.start.open_panel.picker.edit.text() == str(path.resolve())  # asked for: kept
