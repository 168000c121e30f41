"""Words that do not frighten: a file that is not a vault is named for what it is, calmly; a wrong
passphrase shows that each new try registered; old messages go once the input changed; the
passphrase rules are on screen before the first try."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.gui.conftest import STRONG
from waystation.ui.main_window import MainWindow
from waystation.ui.session import Session
from waystation.ui.start_open import OpenPanel
from waystation.vault.connection import Vault

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(4000)
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(3000)


def type_text(
    widget: QWidget, text: str, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """Key presses carrying any text (QTest.keyClicks only knows Latin-1), as a layout sends them."""
    for character in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QCoreApplication.sendEvent(widget, QKeyEvent(kind, 0, modifiers, character))


def try_passphrase(qtbot: QtBot, panel: OpenPanel, path: Path, passphrase: str) -> None:
    if panel.picker.edit.text() != str(path):
        panel.picker.edit.setText(str(path))
    type_text(panel.passphrase, passphrase)
    qtbot.keyClick(panel.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not panel.task.running, timeout=10_000)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    ("content", "named"), [(JPEG, "a JPEG image"), (PDF, "a PDF document")], ids=["jpeg", "pdf"]
)
def test_a_file_that_is_not_a_vault_is_named_calmly(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path, content: bytes, named: str
) -> None:
    picked = tmp_path / "picked"
    picked.write_bytes(content)
    before = digest(picked)
    panel = window.start.open_panel
    try_passphrase(qtbot, panel, picked, STRONG)
    text = panel.message.text()
    assert f"This is not a Waystation vault (it looks like {named})." in text
    assert "damaged" not in text and "Wrong passphrase" not in text
    assert "left as it was" in text
    assert panel.message.objectName() == "warning"  # the quiet note, not the error colour
    assert panel.message.calm
    assert digest(picked) == before and not session.is_open
    assert panel.picker.edit.hasFocus()  # the file is what to change


def test_a_damaged_looking_file_is_still_shown_as_a_problem(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    odd = tmp_path / "odd.vault"
    odd.write_bytes(os.urandom(5000))  # random bytes of a size no vault has
    panel = window.start.open_panel
    try_passphrase(qtbot, panel, odd, STRONG)
    assert "its size does not fit" in panel.message.text()
    assert panel.message.objectName() == "message" and not panel.message.calm


def test_each_wrong_passphrase_is_counted_and_old_messages_go(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    path = tmp_path / "a.vault"
    Vault.create(path, STRONG).close()
    panel = window.start.open_panel
    try_passphrase(qtbot, panel, path, "not it")
    assert "Wrong passphrase (attempt 1)." in panel.message.text()
    assert panel.passphrase.hasFocus() and panel.passphrase.text() == ""
    assert panel.passphrase.accessibleDescription() == panel.message.text()
    try_passphrase(qtbot, panel, path, "still not it")
    assert "Wrong passphrase (attempt 2)." in panel.message.text()
    assert "attempt 1" not in panel.message.text()
    qtbot.keyClicks(panel.passphrase, "o")  # typing again: the old message has been read
    assert not panel.message.isVisible() and panel.message.text() == ""
    assert panel.passphrase.accessibleDescription() == ""
    panel.passphrase.wipe()
    other = tmp_path / "b.vault"
    Vault.create(other, STRONG).close()
    try_passphrase(qtbot, panel, other, "nope")
    assert "(attempt 1)." in panel.message.text()  # another file: counting starts again
    try_passphrase(qtbot, panel, other, STRONG)
    assert session.is_open


def test_the_wrong_passphrase_message_says_what_the_keyboard_did(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "a.vault"
    Vault.create(path, STRONG).close()
    panel = window.start.open_panel
    try_passphrase(qtbot, panel, path, "ORCHARD LANTERN")  # capitals typed without Shift
    assert "Caps Lock was on." in panel.message.text()
    assert "It was typed in: Latin." in panel.message.text()
    try_passphrase(qtbot, panel, path, "щксрфкв дфтеуктб")  # the right keys on a Russian layout
    assert "Caps Lock was on." not in panel.message.text()
    assert "It was typed in: Cyrillic." in panel.message.text()


def test_a_missing_file_or_passphrase_is_asked_for_calmly(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.start.open_panel
    panel.picker.edit.clear()
    qtbot.keyClicks(panel.passphrase, "something")
    qtbot.keyClick(panel.passphrase, Qt.Key.Key_Return)
    assert panel.message.text() == "Choose the vault file first." and panel.message.calm
    assert panel.passphrase.text() == ""
    panel.picker.edit.setText("/nowhere/at/all.vault")
    assert not panel.message.isVisible()  # the file changed: the old words go
    qtbot.keyClick(panel.passphrase, Qt.Key.Key_Return)
    assert panel.message.text() == "Type the vault's passphrase."


def test_create_shows_the_rules_before_the_first_try(window: MainWindow) -> None:
    panel = window.start.create_panel
    window.start.tabs.setCurrentWidget(panel)
    assert panel.rules.isVisible() and "four or more unrelated words" in panel.rules.text()
    assert panel.first.accessibleDescription() == panel.rules.text()
    assert not panel.message.isVisible()


def test_create_says_when_the_two_passphrases_match(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.start.create_panel
    window.start.tabs.setCurrentWidget(panel)
    qtbot.keyClicks(panel.first, STRONG)
    assert not panel.match.isVisible()
    qtbot.keyClicks(panel.second, STRONG[:5])
    assert not panel.match.isVisible()  # still on the way
    qtbot.keyClicks(panel.second, STRONG[5:])
    assert panel.match.text() == "The two passphrases match."
    qtbot.keyClicks(panel.second, "!")
    assert panel.match.text() == "The two passphrases differ."


def test_create_messages_go_once_fixed(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    panel = window.start.create_panel
    window.start.tabs.setCurrentWidget(panel)
    panel.picker.edit.setText(str(tmp_path / "a.vault"))
    qtbot.keyClicks(panel.first, "password")
    panel.create_button.click()
    assert "too easy to guess" in panel.message.text()
    assert panel.first.hasFocus()
    qtbot.keyClicks(panel.first, " x")  # still too easy: the message stays
    assert "too easy to guess" in panel.message.text()
    panel.first.wipe()
    qtbot.keyClicks(panel.first, STRONG)  # fixed: it goes at once
    assert not panel.message.isVisible()
    panel.create_button.click()
    assert "differ" in panel.message.text() and panel.second.hasFocus()
    qtbot.keyClicks(panel.second, STRONG)
    assert not panel.message.isVisible()
    panel.create_button.click()
    assert "cannot be recovered" in panel.message.text()
    panel.understood.setChecked(True)
    assert not panel.message.isVisible()
    assert not (tmp_path / "a.vault").exists()
