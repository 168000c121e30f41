"""Locking when the desktop says the person stepped away: a screen saver's ActiveChanged(true) on
a real (private) D-Bus session bus locks the vault; false does not."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import SLOT
from pytestqt.qtbot import QtBot

from tests.gui.profiles import open_vault, profile_in
from waystation.ui.main_window import MainWindow
from waystation.ui.session import Session
from waystation.ui.system_lock import SystemLockWatcher


def test_each_signal_asks_for_a_lock(qtbot: QtBot) -> None:
    watcher = SystemLockWatcher(listen=False)
    with qtbot.waitSignals([watcher.lock_requested] * 3):
        watcher.on_sleep(True)
        watcher.on_session_lock()
        watcher.on_screensaver(True)
    with qtbot.assertNotEmitted(watcher.lock_requested):
        watcher.on_sleep(False)
        watcher.on_screensaver(False)


def test_the_window_locks_when_asked(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    open_vault(session, tmp_path, profile_in("GE", [("GE", date(2026, 3, 1), None)]))
    window.enter_workspace()
    with qtbot.waitSignal(session.locked):
        window.system_lock.on_screensaver(True)
    assert not session.is_open


@pytest.fixture
def session_bus() -> Iterator[str]:
    if not shutil.which("dbus-daemon") or not shutil.which("dbus-send"):
        pytest.skip("no dbus-daemon here")
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address"], stdout=subprocess.PIPE, text=True
    )
    assert daemon.stdout is not None
    address = daemon.stdout.readline().strip()
    before = os.environ.get("DBUS_SESSION_BUS_ADDRESS")
    os.environ["DBUS_SESSION_BUS_ADDRESS"] = address
    try:
        yield address
    finally:
        daemon.terminate()
        daemon.wait()
        if before is None:
            os.environ.pop("DBUS_SESSION_BUS_ADDRESS", None)
        else:
            os.environ["DBUS_SESSION_BUS_ADDRESS"] = before


def test_a_real_screen_saver_signal_on_the_session_bus(qtbot: QtBot, session_bus: str) -> None:
    from PySide6.QtDBus import QDBusConnection

    bus = QDBusConnection.connectToBus(session_bus, "waystation-test-bus")
    assert bus.isConnected()
    watcher = SystemLockWatcher(listen=False)
    assert bus.connect(
        "",
        "/org/freedesktop/ScreenSaver",
        "org.freedesktop.ScreenSaver",
        "ActiveChanged",
        watcher,
        SLOT("on_screensaver(bool)"),
    )
    send = [
        "dbus-send",
        f"--bus={session_bus}",
        "--type=signal",
        "/org/freedesktop/ScreenSaver",
        "org.freedesktop.ScreenSaver.ActiveChanged",
    ]
    with qtbot.assertNotEmitted(watcher.lock_requested, wait=300):
        subprocess.run([*send, "boolean:false"], check=True)
    with qtbot.waitSignal(watcher.lock_requested, timeout=5000):
        subprocess.run([*send, "boolean:true"], check=True)
    QDBusConnection.disconnectFromBus("waystation-test-bus")
