"""The clipboard as a password manager handles it: a value copied from Waystation — by a button
or by Ctrl+C in any field — is marked secret and leaves the clipboard after the chosen seconds,
on lock and on quit; another program's copy is never touched."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from tests.gui.profiles import CANARY, open_vault, profile_in
from waystation.ui.clipboard_guard import MARK, ClipboardGuard
from waystation.ui.main_window import MainWindow
from waystation.ui.pages.profile import ProfilePage
from waystation.ui.session import Session


@pytest.fixture(autouse=True)
def only_this_tests_guard(session: Session) -> Iterator[None]:
    """Sessions of earlier tests that the garbage collector has not reached yet still watch the
    one clipboard of the process; in the app there is one. Stop them, so that what these tests
    see is this session's guard alone."""
    gc.collect()
    for other in [o for o in gc.get_objects() if isinstance(o, ClipboardGuard)]:
        if other is not session.clipboard and isValid(other):
            other.detach()
    yield


def profile_field(window: MainWindow, session: Session, tmp_path: Path) -> QLineEdit:
    open_vault(session, tmp_path, profile_in("GE", [("GE", date(2026, 3, 1), None)]))
    window.enter_workspace()
    window.workspace.show_page("profile")
    page = window.workspace.stack.currentWidget()
    assert isinstance(page, ProfilePage)
    edit = next(e for e in page.findChildren(QLineEdit) if e.text() == CANARY)
    return edit


def copy_with_keyboard(qtbot: QtBot, window: MainWindow, edit: QLineEdit) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive)
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)


def clipboard_text() -> str:
    return QGuiApplication.clipboard().text()


def test_ctrl_c_from_a_field_is_marked_and_gone_after_lock(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    edit = profile_field(window, session, tmp_path)
    copy_with_keyboard(qtbot, window, edit)
    qtbot.waitUntil(lambda: session.clipboard.holds_ours())
    assert clipboard_text() == CANARY
    data = QGuiApplication.clipboard().mimeData()
    assert data is not None and bytes(data.data(MARK).data()) == b"secret"
    with qtbot.waitSignal(session.locked):
        window.lock_action.trigger()
    assert clipboard_text() == ""


def test_a_copied_value_leaves_after_the_chosen_seconds(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    edit = profile_field(window, session, tmp_path)
    session.clipboard.set_seconds(1)
    copy_with_keyboard(qtbot, window, edit)
    qtbot.waitUntil(lambda: session.clipboard.holds_ours())
    qtbot.waitUntil(lambda: clipboard_text() == "", timeout=5000)


def test_a_copy_button_uses_the_same_guard(qtbot: QtBot, session: Session) -> None:
    session.clipboard.set_seconds(1)
    session.copy("751234567")
    assert session.clipboard.holds_ours() and clipboard_text() == "751234567"
    qtbot.waitUntil(lambda: clipboard_text() == "", timeout=5000)


def test_another_programs_copy_is_left_alone(qtbot: QtBot, session: Session) -> None:
    session.copy("ours")
    session.clipboard.from_us = lambda: False  # the person switched to another program
    theirs = QMimeData()
    theirs.setText("a shopping list")  # what another program puts there: no secret mark
    QGuiApplication.clipboard().setMimeData(theirs)
    session.clipboard.clear_ours()
    session.lock()
    assert clipboard_text() == "a shopping list"
