"""The passphrase field: show/hide (the eye, Ctrl+H), never to the clipboard even while shown, the
Caps Lock warning and the script being typed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.test_start_messages import type_text
from waystation.i18n import set_language
from waystation.ui.main_window import MainWindow
from waystation.ui.widgets.passphrase import PassphraseField, PassphraseHints


@pytest.fixture
def field(qtbot: QtBot) -> Iterator[tuple[PassphraseField, PassphraseHints]]:
    holder = QWidget()
    qtbot.addWidget(holder)
    passphrase = PassphraseField(holder)
    hints = PassphraseHints(passphrase, holder)
    hints.move(0, 40)
    holder.show()
    holder.activateWindow()
    qtbot.waitExposed(holder)
    passphrase.setFocus()
    yield passphrase, hints


def test_the_eye_and_ctrl_h_show_and_hide_the_text(
    qtbot: QtBot, field: tuple[PassphraseField, PassphraseHints]
) -> None:
    passphrase, _hints = field
    qtbot.keyClicks(passphrase, "orchard")
    assert passphrase.echoMode() == QLineEdit.EchoMode.Password
    assert passphrase.reveal_action.toolTip() == "Show the passphrase (Ctrl+H)"
    passphrase.reveal_action.trigger()  # the eye at the end of the field
    assert passphrase.revealed and passphrase.echoMode() == QLineEdit.EchoMode.Normal
    assert passphrase.reveal_action.text() == "Hide the passphrase"
    qtbot.waitUntil(passphrase.hasFocus)
    qtbot.keyClick(passphrase, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert not passphrase.revealed and passphrase.text() == "orchard"
    qtbot.keyClick(passphrase, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert passphrase.revealed
    passphrase.wipe()  # after every attempt: empty, and hidden again
    assert passphrase.text() == "" and not passphrase.revealed


def test_a_shown_passphrase_never_reaches_the_clipboard(
    qtbot: QtBot, field: tuple[PassphraseField, PassphraseHints]
) -> None:
    passphrase, _hints = field
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("before")
    qtbot.keyClicks(passphrase, "orchard lantern")
    passphrase.set_revealed(True)
    passphrase.selectAll()
    qtbot.keyClick(passphrase, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(passphrase, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    assert clipboard.text() == "before"
    assert passphrase.text() == "orchard lantern"  # Cut did not cut either
    menu = passphrase.context_menu()
    states = {a.objectName(): a.isEnabled() for a in menu.actions() if a.objectName()}
    assert states["edit-copy"] is False and states["edit-cut"] is False
    assert "edit-paste" in states  # pasting a passphrase in stays possible
    menu.deleteLater()


def test_caps_lock_is_inferred_from_the_letters(
    qtbot: QtBot, field: tuple[PassphraseField, PassphraseHints]
) -> None:
    passphrase, hints = field
    assert passphrase.caps_lock is None and not hints.caps.isVisible()  # not known before typing
    qtbot.keyClicks(passphrase, "42 ")
    assert passphrase.caps_lock is None  # digits and spaces say nothing
    qtbot.keyClicks(passphrase, "ORC")  # capitals without Shift
    assert passphrase.caps_lock is True
    assert hints.caps.isVisible() and hints.caps.text() == "Caps Lock is on"
    type_text(passphrase, "A", Qt.KeyboardModifier.ShiftModifier)  # a capital with Shift: off
    assert passphrase.caps_lock is False and not hints.caps.isVisible()
    type_text(passphrase, "h", Qt.KeyboardModifier.ShiftModifier)  # lower case with Shift: on
    assert passphrase.caps_lock is True
    QCoreApplication.sendEvent(
        passphrase, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_CapsLock, Qt.KeyboardModifier.NoModifier)
    )
    assert passphrase.caps_lock is False  # the Caps Lock key itself flips what was known
    type_text(passphrase, "Д")
    assert passphrase.caps_lock is True  # Cyrillic capitals tell as much as Latin ones


def test_the_script_being_typed_is_shown(
    qtbot: QtBot, field: tuple[PassphraseField, PassphraseHints]
) -> None:
    passphrase, hints = field
    assert not hints.typing.isVisible()
    type_text(passphrase, "щксрфкв 42")
    assert hints.typing.text() == "Typing in: Cyrillic"
    type_text(passphrase, " lantern")
    assert hints.typing.text() == "Typing in: Cyrillic and Latin"
    passphrase.wipe()
    assert not hints.isVisible()


def test_the_hints_follow_the_language(qtbot: QtBot, field: tuple[PassphraseField, PassphraseHints]) -> None:
    passphrase, hints = field
    type_text(passphrase, "лантерн")
    set_language("ru")
    try:
        QCoreApplication.sendEvent(hints, QEvent(QEvent.Type.LanguageChange))
        assert "кириллица" in hints.typing.text()
    finally:
        set_language("en")


def test_every_passphrase_field_on_the_start_screen_can_be_shown(window: MainWindow) -> None:
    fields = window.start.findChildren(PassphraseField)
    assert len(fields) == 3
    assert all(f.reveal_action.isCheckable() and f.reveal_action.shortcut().toString() for f in fields)
