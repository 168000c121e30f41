"""The very first start on a computer (no app settings yet) opens on "Create a vault" with a new
vault's file already suggested — never an existing file — and the passphrase ready for typing.
Once a vault was created, the start screen opens on "Open a vault" again, as it does for anyone
who has been here before."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.fakes import FakeClock, ScriptedDialogs
from tests.gui.profiles import new_session
from tests.gui.test_start_and_lock import create_vault
from waystation.ui.main_window import MainWindow


@pytest.fixture
def documents(tmp_path: Path) -> Path:
    folder = tmp_path / "Documents"
    folder.mkdir()
    return folder


@pytest.fixture
def first_window(qtbot: QtBot, tmp_path: Path, clock: FakeClock, documents: Path) -> Iterator[MainWindow]:
    session = new_session(tmp_path, clock, first_start=True)
    dialogs = ScriptedDialogs()
    dialogs.vault_folder = documents
    (documents / "waystation.vault").write_bytes(b"someone else's file")  # taken: never suggested
    window = MainWindow(session, dialogs)
    qtbot.addWidget(window)
    window.show()
    yield window
    session.lock()
    session.clipboard.detach()


def test_the_first_start_suggests_a_free_file_and_waits_for_the_passphrase(
    qtbot: QtBot, first_window: MainWindow, documents: Path
) -> None:
    start = first_window.start
    panel = start.create_panel
    assert start.tabs.currentWidget() is panel
    assert panel.picker.path() == documents / "waystation-2.vault"
    assert first_window.focusWidget() is panel.first
    assert (documents / "waystation.vault").read_bytes() == b"someone else's file"


def test_after_the_first_vault_the_start_screen_opens_on_open(
    qtbot: QtBot, first_window: MainWindow, documents: Path
) -> None:
    session = first_window.session
    create_vault(qtbot, first_window, documents / "mine.vault")
    qtbot.waitUntil(lambda: session.is_open, timeout=20_000)
    if first_window.first_run is not None:
        first_window.first_run.forget_and_close()
    with qtbot.waitSignal(session.locked):
        first_window.lock_action.trigger()
    start = first_window.start
    assert start.tabs.currentWidget() is start.open_panel
    start.tabs.setCurrentWidget(start.create_panel)
    assert (
        start.create_panel.picker.path() == documents / "waystation-2.vault"
    )  # mine.vault is not in the way


def test_a_returning_start_opens_on_open(window: MainWindow, dialogs: ScriptedDialogs) -> None:
    assert window.start.tabs.currentWidget() is window.start.open_panel
    assert window.start.create_panel.picker.path() is None  # no folder known: the person chooses


def test_the_real_dialogs_suggest_the_documents_folder_or_home(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from waystation.ui.dialogs import FileDialogs

    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    suggested = FileDialogs().suggested_vault()
    assert suggested is not None and suggested.parent in (home / "Documents", home)
    assert not suggested.exists()
