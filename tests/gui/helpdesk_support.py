"""Helpers for the help-desk tests: a desk window (help-desk mode, the desk's folder and record in
the test's own folder), driving its start screen as a person would, and every text the app still
holds anywhere a person or a screen reader could find it."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.fakes import ScriptedDialogs
from tests.gui.test_lock_clears_every_page import every_text
from waystation.helpdesk.desk_record import DeskRecord
from waystation.helpdesk.desk_settings import DeskSettings, DeskSettingsStore
from waystation.ui.helpdesk.desk_start import DeskStartScreen
from waystation.ui.helpdesk.desk_window import RETIRE_MS, DeskWindow
from waystation.ui.session import Session

GUEST_PASS = "lantern orchard quarry velvet 17"


@pytest.fixture
def qt_settings_folder(tmp_path: Path) -> Iterator[Path]:
    """Qt's own settings (QtProject.conf: the file dialog's history) in the test's folder."""
    folder = tmp_path / "qt-config"
    folder.mkdir()
    for scope_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(scope_format, QSettings.Scope.UserScope, str(folder))
    yield folder
    for scope_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(scope_format, QSettings.Scope.UserScope, str(Path.home() / ".config"))


def desk_window(
    qtbot: QtBot,
    session: Session,
    dialogs: ScriptedDialogs,
    tmp_path: Path,
    *,
    helpdesk: bool = True,
    record: bool = True,
    show_names: bool = False,
    guest_process: bool = False,
) -> DeskWindow:
    store = DeskSettingsStore(session.store.folder)
    (tmp_path / "desk").mkdir(exist_ok=True)
    store.save(DeskSettings(folder=str(tmp_path / "desk"), record=record, show_names=show_names))
    window = DeskWindow(
        session,
        dialogs,
        helpdesk=helpdesk,
        guest_process=guest_process,
        desk_store=store,
        record=DeskRecord(tmp_path / "app-data" / "helpdesk" / "desk-record.json"),
    )
    qtbot.addWidget(window)
    window.show()
    return window


def start_of(window: DeskWindow) -> DeskStartScreen:
    assert isinstance(window.start, DeskStartScreen)
    return window.start


def new_client(qtbot: QtBot, window: DeskWindow, passphrase: str, path: Path | None = None) -> Path:
    """ "New client": the neutral name is filled in; the client types their passphrase twice."""
    start = start_of(window)
    panel = start.create_panel
    start.tabs.setCurrentWidget(panel)
    if path is not None:
        panel.picker.edit.setText(str(path))
    chosen = panel.picker.path()
    assert chosen is not None
    qtbot.keyClicks(panel.first, passphrase)
    qtbot.keyClicks(panel.second, passphrase)
    panel.understood.setChecked(True)
    with qtbot.waitSignal(start.created, timeout=20_000):
        qtbot.mouseClick(panel.create_button, Qt.MouseButton.LeftButton)
    return chosen


def open_client(qtbot: QtBot, window: DeskWindow, session: Session, path: Path, passphrase: str) -> None:
    start = start_of(window)
    panel = start.open_panel
    start.tabs.setCurrentWidget(panel)
    panel.picker.edit.setText(str(path))
    qtbot.keyClicks(panel.passphrase, passphrase)
    with qtbot.waitSignal(session.opened, timeout=20_000):
        qtbot.keyClick(panel.passphrase, Qt.Key.Key_Return)


def start_guest(qtbot: QtBot, window: DeskWindow, session: Session, passphrase: str = GUEST_PASS) -> None:
    start = start_of(window)
    panel = start.guest_panel
    start.tabs.setCurrentWidget(panel)
    panel.first.setText(passphrase)
    panel.second.setText(passphrase)
    with qtbot.waitSignal(session.opened, timeout=20_000):
        panel.start_button.click()


def end_session_by_keys(qtbot: QtBot, window: DeskWindow) -> None:
    with qtbot.waitSignal(window.session_ended, timeout=30_000):
        focus = QApplication.focusWidget() or window
        qtbot.keyClick(
            focus, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        )


def run_deferred_deletes() -> None:
    """What the event loop does in the app within a moment: the last client's screens are
    destroyed just after the new start screen is painted (DeskWindow.RETIRE_MS)."""
    deadline = time.monotonic() + (RETIRE_MS + 100) / 1000
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    for _round in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()


def texts_anywhere(extra_roots: list[QWidget] | None = None) -> list[tuple[str, str]]:
    """Every text of every widget of every window (visible or not), with the windows' titles."""
    roots = [*QApplication.topLevelWidgets(), *(extra_roots or [])]
    return list(every_text(roots))


def clipboard_texts() -> list[str]:
    clipboard = QGuiApplication.clipboard()
    found = []
    for mode in (QClipboard.Mode.Clipboard, QClipboard.Mode.Selection, QClipboard.Mode.FindBuffer):
        data = clipboard.mimeData(mode)
        if data is None:
            continue
        found.append(clipboard.text(mode))
        for kind in data.formats():
            found.append(bytes(data.data(kind).data()).decode("utf-8", "replace"))
    return found


def files_holding(root: Path, needle: str) -> list[Path]:
    """Files under ``root`` whose bytes hold ``needle`` (UTF-8 or UTF-16)."""
    patterns = [needle.encode("utf-8"), needle.encode("utf-16-le")]
    found = []
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            data = path.read_bytes()
            if any(pattern in data for pattern in patterns):
                found.append(path)
    return found
