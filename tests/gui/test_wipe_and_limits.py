"""Quick wipe from Settings (a typed word, a button Enter never presses, a countdown that can be
stopped) and unlock limits in the app (the N-th wrong passphrase wipes the vault)."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.gui.profiles import STRONG, open_vault, profile_in
from waystation.ui.main_window import MainWindow
from waystation.ui.pages.settings import SettingsPage
from waystation.ui.pages.wipe_dialog import WipeDialog
from waystation.ui.session import Session


def settings_page(window: MainWindow, session: Session, tmp_path: Path) -> SettingsPage:
    open_vault(session, tmp_path, profile_in("GE", [("GE", date(2026, 3, 1), None)]))
    window.enter_workspace()
    window.workspace.show_page("settings")
    page = window.workspace.stack.currentWidget()
    assert isinstance(page, SettingsPage)
    return page


def open_wipe_dialog(qtbot: QtBot, page: SettingsPage) -> WipeDialog:
    qtbot.mouseClick(page.security.wipe_button, Qt.MouseButton.LeftButton)
    dialog = page.security.wipe_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_a_stray_key_cannot_wipe(qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path) -> None:
    page = settings_page(window, session, tmp_path)
    dialog = open_wipe_dialog(qtbot, page)
    assert not dialog.wipe_button.isEnabled()
    qtbot.keyClicks(dialog.word, "wipe")  # not the word, in capitals
    assert not dialog.wipe_button.isEnabled()
    dialog.word.clear()
    qtbot.keyClicks(dialog.word, "WIPE")
    assert dialog.wipe_button.isEnabled()
    qtbot.keyClick(dialog.word, Qt.Key.Key_Return)  # Enter presses Cancel, never Wipe
    assert not dialog.timer.isActive() and not dialog.isVisible()
    qtbot.wait(200)
    assert session.is_open and (tmp_path / "test.vault").exists()


def test_the_countdown_can_be_stopped(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    page = settings_page(window, session, tmp_path)
    dialog = open_wipe_dialog(qtbot, page)
    qtbot.keyClicks(dialog.word, "WIPE")
    qtbot.mouseClick(dialog.wipe_button, Qt.MouseButton.LeftButton)
    assert dialog.timer.isActive() and "Wiping in 5 seconds" in dialog.countdown.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.timer.isActive() and not dialog.isVisible()
    qtbot.wait(1200)
    assert session.is_open and (tmp_path / "test.vault").exists()


def test_the_wipe_locks_deletes_and_says_so(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    page = settings_page(window, session, tmp_path)
    vault = tmp_path / "test.vault"
    (tmp_path / "test.vault.v1.bak").write_bytes(b"\0" * 4096)
    dialog = open_wipe_dialog(qtbot, page)
    dialog.remaining = 1
    qtbot.keyClicks(dialog.word, "WIPE")
    qtbot.mouseClick(dialog.wipe_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(session.wiped, timeout=15000):
        pass
    assert not session.is_open
    assert not vault.exists() and not (tmp_path / "test.vault.v1.bak").exists()
    panel = window.start.open_panel
    assert "was wiped" in panel.message.text()
    assert panel.just_locked is None and panel.picker.edit.text() == ""


def test_the_fifth_wrong_passphrase_wipes_in_the_app(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    open_vault(session, tmp_path)
    session.save_settings(dataclasses.replace(session.app_settings, wipe_after_failures=5))
    vault = tmp_path / "test.vault"
    session.lock()
    panel = window.start.open_panel
    panel.picker.edit.setText(str(vault))
    for attempt in range(1, 6):
        panel.passphrase.setText(f"wrong {attempt}")
        panel.attempt()
        qtbot.waitUntil(lambda: not panel.task.running, timeout=15000)
        if attempt < 5:
            assert f"{5 - attempt} attempt" in panel.message.text()
    assert "was wiped" in panel.message.text()
    assert not vault.exists()
    panel.passphrase.setText(STRONG)
