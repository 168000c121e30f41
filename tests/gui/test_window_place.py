"""The window comes back where it was, at the size it had (issue 11, item 6) — and the file that
remembers it holds five numbers and a flag, nothing else."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from tests.fakes import ScriptedDialogs
from tests.gui.profiles import CANARY, open_vault, profile_in
from waystation.ui.main_window import MainWindow
from waystation.ui.session import Session
from waystation.ui.window_place import PLACE_FILE, WindowPlace, WindowPlaceStore, fitted


def _new_window(qtbot: QtBot, session: Session) -> MainWindow:
    window = MainWindow(session, ScriptedDialogs())
    qtbot.addWidget(window)
    window.show_where_it_was()
    return window


def test_size_and_position_come_back_next_time(qtbot: QtBot, session: Session, tmp_path: Path) -> None:
    first = _new_window(qtbot, session)
    open_vault(session, tmp_path, profile_in("KZ"))
    first.enter_workspace()
    first.resize(760, 580)  # the offscreen screen is 800×800
    first.move(30, 20)
    size, where = first.size(), first.pos()
    first.close()
    place = json.loads((session.store.folder / PLACE_FILE).read_text("utf-8"))
    assert place == {"x": where.x(), "y": where.y(), "width": 760, "height": 580, "maximized": False}

    second = _new_window(qtbot, session)
    assert second.size() == size
    assert second.pos() == where


def test_the_file_holds_nothing_personal(qtbot: QtBot, session: Session, tmp_path: Path) -> None:
    window = _new_window(qtbot, session)
    open_vault(session, tmp_path, profile_in("KZ"))  # the profile carries the canary name
    window.enter_workspace()
    window.close()
    text = (session.store.folder / PLACE_FILE).read_text("utf-8")
    assert CANARY not in text and "vault" not in text and str(tmp_path) not in text
    assert set(json.loads(text)) == {"x", "y", "width", "height", "maximized"}


def test_a_maximised_window_comes_back_maximised(qtbot: QtBot, session: Session) -> None:
    WindowPlaceStore(session.store.folder).save(WindowPlace(10, 10, 900, 640, maximized=True))
    window = _new_window(qtbot, session)
    qtbot.waitUntil(window.isMaximized)
    window.close()
    saved = WindowPlaceStore(session.store.folder).load()
    assert saved is not None and saved.maximized


@pytest.mark.parametrize(
    "content",
    [
        "not json",
        "[1, 2, 3]",
        '{"x": 1, "y": 2, "width": -5, "height": 600}',
        '{"x": "1", "y": 2, "width": 900, "height": 600}',
        '{"x": 1, "y": 2, "width": 1e99, "height": 600}',
        '{"x": 1, "y": 2, "width": 900, "height": 600, "maximized": "yes"}',
        '{"x": 1, "y": 2, "width": true, "height": 600}',
        "",
    ],
)
def test_a_broken_file_is_ignored(qtbot: QtBot, session: Session, content: str) -> None:
    session.store.folder.mkdir(parents=True, exist_ok=True)
    (session.store.folder / PLACE_FILE).write_text(content, encoding="utf-8")
    assert WindowPlaceStore(session.store.folder).load() is None
    window = _new_window(qtbot, session)
    available = window.screen().availableGeometry()
    assert 0 < window.width() <= max(available.width(), window.minimumSizeHint().width())


def test_a_place_off_every_screen_is_brought_back(qtbot: QtBot, session: Session) -> None:
    WindowPlaceStore(session.store.folder).save(WindowPlace(9000, -7000, 700, 500))
    window = _new_window(qtbot, session)
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    assert screen.availableGeometry().intersects(QRect(window.pos(), window.size()))


def test_fitting_keeps_the_window_on_the_screen_and_above_its_minimum() -> None:
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    available = screen.availableGeometry()
    huge = fitted(WindowPlace(0, 0, 10 * available.width(), 10 * available.height()), available.size() / 4)
    assert available.contains(huge)
    tiny = fitted(WindowPlace(0, 0, 10, 10), available.size() / 2)
    assert tiny.width() >= available.width() // 2 and tiny.height() >= available.height() // 2


def test_an_unwritable_settings_folder_costs_only_the_place(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    store = WindowPlaceStore(blocked / "config")
    store.save(WindowPlace(1, 2, 800, 600))  # no exception
    assert store.load() is None
