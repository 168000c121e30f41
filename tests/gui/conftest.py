"""GUI fixtures: the real main window offscreen, a fake clock, scripted file dialogs and settings
kept in the test's own folder."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.gui.profiles import STRONG, delete_closed_widgets, new_session

__all__ = ["STRONG"]
from tests.fakes import FakeClock, ScriptedDialogs
from waystation.ui.main_window import MainWindow
from waystation.ui.session import Session


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(date(2026, 5, 1))


@pytest.fixture
def dialogs() -> ScriptedDialogs:
    return ScriptedDialogs()


@pytest.fixture(autouse=True)
def _delete_closed_widgets() -> Iterator[None]:
    yield
    delete_closed_widgets()


@pytest.fixture
def session(tmp_path: Path, clock: FakeClock) -> Iterator[Session]:
    s = new_session(tmp_path, clock)
    yield s
    s.lock()
    s.clipboard.detach()


@pytest.fixture
def window(qtbot: QtBot, session: Session, dialogs: ScriptedDialogs) -> MainWindow:
    w = MainWindow(session, dialogs)
    qtbot.addWidget(w)
    w.show()
    return w
