"""Unlocking and creating run on a worker thread: with a slowed key derivation the event loop keeps
turning, the screen says what it does and takes no input, and nothing opens behind a quick exit."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from tests.gui.conftest import STRONG
from tests.gui.test_start_messages import type_text
from waystation.ui.main_window import MainWindow
from waystation.ui.session import Session
from waystation.ui.vault_task import VaultOpener
from waystation.vault.connection import Vault

SLOW_SECONDS = 0.8


class SlowKdf:
    """Opens and creates real vaults, after sleeping as a slow laptop's key derivation would;
    records which thread did the work."""

    def __init__(self, seconds: float = SLOW_SECONDS) -> None:
        self.seconds = seconds
        self.threads: list[int] = []
        self.calls = 0

    def _slowly(self, work: Callable[[Path, str], Vault]) -> Callable[[Path, str], Vault]:
        def run(path: Path, passphrase: str) -> Vault:
            self.calls += 1
            self.threads.append(threading.get_ident())
            time.sleep(self.seconds)
            return work(path, passphrase)

        return run

    def opener(self) -> VaultOpener:
        return VaultOpener(open=self._slowly(Vault.open), create=self._slowly(Vault.create))


class Ticks:
    """A 20 ms timer on the UI thread: it only fires while the event loop turns."""

    def __init__(self) -> None:
        self.count = 0
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        self.count += 1


def vault_at(tmp_path: Path) -> Path:
    path = tmp_path / "slow.vault"
    Vault.create(path, STRONG).close()
    return path


def start_unlock(qtbot: QtBot, window: MainWindow, path: Path, passphrase: str = STRONG) -> None:
    panel = window.start.open_panel
    panel.picker.edit.setText(str(path))
    type_text(panel.passphrase, passphrase)
    qtbot.keyClick(panel.passphrase, Qt.Key.Key_Return)


def test_unlock_with_a_slow_kdf_keeps_the_window_alive_and_shows_it_is_working(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    path = vault_at(tmp_path)
    kdf = SlowKdf()
    window.start.use_opener(kdf.opener())
    panel = window.start.open_panel
    ticks = Ticks()
    start_unlock(qtbot, window, path)
    # At once, and while the key is derived: busy, visibly, and no input taken.
    assert panel.task.running
    assert panel.busy.isVisible() and panel.busy.words.text() == "Unlocking…"
    assert panel.busy.bar.maximum() == 0  # a moving bar
    assert not panel.unlock_button.isEnabled() and not panel.passphrase.isEnabled()
    assert not panel.picker.isEnabled()
    assert not window.start.tabs.tabBar().isEnabled() and not window.start.language.isEnabled()
    assert panel.passphrase.text() == ""
    with qtbot.waitSignal(session.opened, timeout=10_000):
        pass
    ticks.timer.stop()
    assert ticks.count >= 10  # 0.8 s of key derivation, and the UI thread went on turning
    assert kdf.threads and kdf.threads[0] != threading.get_ident()
    assert window.stack.currentWidget() is window.workspace
    assert not panel.busy.isVisible() and panel.unlock_button.isEnabled()


def test_create_with_a_slow_kdf_keeps_the_window_alive(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    kdf = SlowKdf()
    window.start.use_opener(kdf.opener())
    panel = window.start.create_panel
    window.start.tabs.setCurrentWidget(panel)
    panel.picker.edit.setText(str(tmp_path / "new.vault"))
    qtbot.keyClicks(panel.first, STRONG)
    qtbot.keyClicks(panel.second, STRONG)
    panel.understood.setChecked(True)
    ticks = Ticks()
    qtbot.mouseClick(panel.create_button, Qt.MouseButton.LeftButton)
    assert panel.busy.isVisible() and panel.busy.words.text() == "Creating the vault…"
    assert not panel.create_button.isEnabled() and not panel.first.isEnabled()
    with qtbot.waitSignal(session.opened, timeout=10_000):
        pass
    ticks.timer.stop()
    assert ticks.count >= 10
    assert kdf.threads[0] != threading.get_ident()
    assert panel.first.text() == "" and panel.second.text() == ""
    assert (tmp_path / "new.vault").exists()


def test_a_long_unlock_says_why_it_takes_long(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    path = vault_at(tmp_path)
    window.start.use_opener(SlowKdf(1.0).opener())
    panel = window.start.open_panel
    panel.busy.later_timer.setInterval(100)
    start_unlock(qtbot, window, path)
    qtbot.waitUntil(lambda: "Still working" in panel.busy.words.text(), timeout=2000)
    assert "safety copy" in panel.busy.words.text()
    with qtbot.waitSignal(session.opened, timeout=10_000):
        pass


def test_enter_pressed_twice_unlocks_once(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    path = vault_at(tmp_path)
    kdf = SlowKdf(0.3)
    window.start.use_opener(kdf.opener())
    panel = window.start.open_panel
    start_unlock(qtbot, window, path)
    panel.attempt()  # as if Enter reached the panel again while it works
    with qtbot.waitSignal(session.opened, timeout=10_000):
        pass
    assert kdf.calls == 1


def test_quick_exit_during_unlock_leaves_the_vault_closed(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    """The trap: the window hides, the key derivation ends a moment later, and the vault would
    open in a hidden window. It must be closed again instead, and its lock released."""
    path = vault_at(tmp_path)
    window.start.use_opener(SlowKdf(0.4).opener())
    panel = window.start.open_panel
    start_unlock(qtbot, window, path)
    window.quick_exit_action.trigger()
    assert not window.isVisible()
    qtbot.waitUntil(lambda: not panel.task.running, timeout=10_000)
    assert not session.is_open
    Vault.open(path, STRONG).close()  # nobody holds it


def test_quick_exit_during_create_does_not_open_the_new_vault(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    window.start.use_opener(SlowKdf(0.4).opener())
    panel = window.start.create_panel
    window.start.tabs.setCurrentWidget(panel)
    panel.picker.edit.setText(str(tmp_path / "new.vault"))
    qtbot.keyClicks(panel.first, STRONG)
    qtbot.keyClicks(panel.second, STRONG)
    panel.understood.setChecked(True)
    panel.create_button.click()
    window.quick_exit_action.trigger()
    qtbot.waitUntil(lambda: not panel.task.running, timeout=10_000)
    assert not session.is_open
    assert panel.first.text() == "" and panel.second.text() == ""  # nothing typed stays behind
    assert "created, but not opened" in panel.message.text()
    Vault.open(tmp_path / "new.vault", STRONG).close()


def test_an_abandoned_unlock_closes_what_it_opened(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    """When the app quits during an unlock, the vault that finishes opening is closed."""
    path = vault_at(tmp_path)
    window.start.use_opener(SlowKdf(0.3).opener())
    panel = window.start.open_panel
    start_unlock(qtbot, window, path)
    panel.task.abandon()
    qtbot.waitUntil(lambda: not panel.task.running, timeout=10_000)
    assert not session.is_open and panel.unlock_button.isEnabled()
    Vault.open(path, STRONG).close()


@pytest.mark.logs_expected
def test_a_bug_while_opening_is_reported_calmly_and_logged_without_details(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = vault_at(tmp_path)

    def broken(_path: Path, _passphrase: str) -> Vault:
        raise RuntimeError(f"secret detail {STRONG}")

    window.start.use_opener(VaultOpener(open=broken))
    panel = window.start.open_panel
    with caplog.at_level(logging.ERROR, logger="waystation.ui.vault_task"):
        start_unlock(qtbot, window, path)
        qtbot.waitUntil(lambda: not panel.task.running, timeout=10_000)
    assert "error in Waystation" in panel.message.text()
    assert not session.is_open and panel.passphrase.isEnabled()
    assert [r.getMessage() for r in caplog.records] == ["opening or creating a vault failed: RuntimeError"]


def test_an_old_vault_is_upgraded_on_the_worker_with_its_safety_copy(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    """Issue 13.1: the migration and its verified safety copy run off the UI thread too."""
    import shutil

    from tests.golden.make_golden import GOLDEN_PASSPHRASE

    old = tmp_path / "old.vault"
    shutil.copyfile(Path(__file__).resolve().parent.parent / "golden" / "vault-v1.vault", old)
    kdf = SlowKdf(0.2)
    window.start.use_opener(kdf.opener())
    ticks = Ticks()
    panel = window.start.open_panel
    start_unlock(qtbot, window, old, GOLDEN_PASSPHRASE)
    assert panel.busy.isVisible()
    with qtbot.waitSignal(session.opened, timeout=30_000):
        pass
    ticks.timer.stop()
    assert kdf.threads[0] != threading.get_ident() and ticks.count >= 3
    assert (tmp_path / "old.vault.v1.bak").exists()
    assert session.vault.schema_version() > 1
