"""Start screen, create / unlock, lock, quick exit and auto-lock, driven like a person would."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from tests.fakes import FakeClock
from tests.gui.conftest import STRONG
from waystation.ui.main_window import MainWindow
from waystation.ui.session import Session
from waystation.vault.connection import Vault


def create_vault(qtbot: QtBot, window: MainWindow, path: Path, passphrase: str = STRONG) -> None:
    """Create through the screen as a person would, and wait for the worker to finish."""
    panel = window.start.create_panel
    window.start.tabs.setCurrentWidget(panel)
    panel.picker.edit.setText(str(path))
    qtbot.keyClicks(panel.first, passphrase)
    qtbot.keyClicks(panel.second, passphrase)
    panel.understood.setChecked(True)
    qtbot.mouseClick(panel.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.task.running)  # created on a worker thread


def test_create_requires_strong_matching_passphrase_and_consent(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    panel = window.start.create_panel
    panel.picker.edit.setText(str(tmp_path / "a.vault"))
    qtbot.keyClicks(panel.first, "password")
    qtbot.mouseClick(panel.create_button, Qt.MouseButton.LeftButton)
    assert "too easy to guess" in panel.message.text()
    panel.first.clear()
    qtbot.keyClicks(panel.first, STRONG)
    qtbot.keyClicks(panel.second, STRONG + "x")
    qtbot.mouseClick(panel.create_button, Qt.MouseButton.LeftButton)
    assert "differ" in panel.message.text()
    panel.second.clear()
    qtbot.keyClicks(panel.second, STRONG)
    qtbot.mouseClick(panel.create_button, Qt.MouseButton.LeftButton)
    assert "cannot be recovered" in panel.message.text()
    assert not (tmp_path / "a.vault").exists()


def test_create_opens_the_workspace_and_lock_returns(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    path = tmp_path / "a.vault"
    create_vault(qtbot, window, path)
    assert session.is_open and path.exists()
    assert window.stack.currentWidget() is window.workspace
    assert window.start.create_panel.first.text() == ""
    with qtbot.waitSignal(session.locked):
        window.lock_action.trigger()
    assert window.stack.currentWidget() is window.start
    Vault.open(path, STRONG).close()  # the lock was released


def test_wrong_passphrase_is_calm_and_allows_another_try(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    path = tmp_path / "a.vault"
    Vault.create(path, STRONG).close()
    panel = window.start.open_panel
    panel.picker.edit.setText(str(path))
    qtbot.keyClicks(panel.passphrase, "not it")
    qtbot.keyClick(panel.passphrase, Qt.Key.Key_Return)
    assert panel.passphrase.text() == ""  # wiped at once, before the worker even starts
    qtbot.waitUntil(lambda: not panel.task.running)
    assert "Wrong passphrase" in panel.message.text()
    assert not session.is_open
    qtbot.keyClicks(panel.passphrase, STRONG)
    with qtbot.waitSignal(session.opened):
        qtbot.keyClick(panel.passphrase, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.workspace


def test_create_refuses_to_overwrite(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "taken.vault"
    path.write_bytes(b"keep me")
    create_vault(qtbot, window, path)
    panel = window.start.create_panel
    assert "already exists" in panel.message.text()
    assert path.read_bytes() == b"keep me"
    assert panel.first.text() == STRONG  # nothing typed is lost: only the file name must change
    panel.picker.edit.setText(str(tmp_path / "free.vault"))
    assert not panel.message.isVisible()  # the old message goes once the name changed


def test_auto_lock_after_idle_with_a_fake_clock(
    qtbot: QtBot, window: MainWindow, session: Session, clock: FakeClock, tmp_path: Path
) -> None:
    create_vault(qtbot, window, tmp_path / "a.vault")
    session.copy("751234567")
    assert QGuiApplication.clipboard().text() == "751234567"
    clock.advance(seconds=session.app_settings.auto_lock_minutes * 60 - 10)
    window.idle.check()
    assert session.is_open
    clock.advance(seconds=20)
    with qtbot.waitSignal(session.locked):
        window.idle.check()
    assert not session.is_open
    assert window.stack.currentWidget() is window.start
    assert QGuiApplication.clipboard().text() == ""


def test_quick_exit_hides_and_locks(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    create_vault(qtbot, window, tmp_path / "a.vault")
    with qtbot.waitSignal(session.locked):
        window.quick_exit_action.trigger()
    assert not window.isVisible() and not session.is_open
