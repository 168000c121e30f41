"""Language before anything else: the start screen offers the interface language before a vault
exists, keeps the choice in the app settings, and the start and lock screens reword themselves at
run time — with the real Russian catalog."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.fakes import FakeClock, ScriptedDialogs
from tests.gui.conftest import STRONG
from tests.gui.profiles import new_session
from waystation.app_settings import SettingsStore
from waystation.i18n import current_language, language_from_environment
from waystation.ui.language import switch_language
from waystation.ui.main_window import MainWindow
from waystation.ui.mnemonics import without_mnemonic
from waystation.ui.session import Session
from waystation.ui.start_screen import StartScreen


def app() -> QApplication:
    instance = QApplication.instance()
    assert isinstance(instance, QApplication)
    return instance


@pytest.fixture(autouse=True)
def _back_to_english() -> Iterator[None]:
    yield
    switch_language(app(), "en")


def choose(start: StartScreen, code: str) -> None:
    """As a person picks from the list (``activated`` is what a click or Enter emits)."""
    combo = start.language.combo
    index = combo.findData(code)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def in_russian(start: StartScreen) -> bool:
    return start.tabs.tabText(0) == "Открыть хранилище"


def test_the_language_is_offered_first_each_in_its_own_name(window: MainWindow) -> None:
    combo = window.start.language.combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "English",
        "Русский",
        "Українська",
        "Беларуская",
    ]
    assert combo.currentData() == current_language() == "en"
    assert window.start.language.isVisible() and window.stack.currentWidget() is window.start
    assert combo.accessibleName() == "Interface language"


def test_choosing_a_language_rewords_the_start_screen_and_is_kept(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path, clock: FakeClock
) -> None:
    start = window.start
    choose(start, "ru")
    qtbot.waitUntil(lambda: in_russian(start))
    assert current_language() == "ru"
    assert start.tabs.tabText(1) == "Создать хранилище"
    # (the window gives each control an Alt+letter of the shown language: ui/mnemonics.py)
    assert without_mnemonic(start.open_panel.unlock_button.text()) == "Открыть"
    assert without_mnemonic(start.open_panel.pass_label.text()) == "Парольная фраза"
    assert without_mnemonic(start.create_panel.second_label.text()) == "Повторите"
    assert without_mnemonic(start.language.label.text()) == "Язык"
    assert window.lock_action.text() == "Заблокировать"
    # Kept in the app settings, and nothing else went there.
    store = SettingsStore(tmp_path / "config")
    assert store.load().language == "ru"
    saved = json.loads(store.path.read_text("utf-8"))
    assert saved["recent_vaults"] == [] and str(tmp_path) not in store.path.read_text("utf-8")
    # The next start begins in Russian.
    assert new_session(tmp_path, clock).app_settings.language == "ru"


def test_the_lock_screen_follows_a_change_made_while_the_vault_was_open(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    session.create(tmp_path / "a.vault", STRONG)
    elsewhere = QWidget()  # stands in for the workspace: the start screen is hidden meanwhile
    window.stack.addWidget(elsewhere)
    window.stack.setCurrentWidget(elsewhere)
    assert not window.start.isVisible()
    switch_language(app(), "ru")  # as the Settings screen does
    qtbot.waitUntil(lambda: window.lock_action.text() == "Заблокировать")
    with qtbot.waitSignal(session.locked):
        window.lock()
    assert window.stack.currentWidget() is window.start
    assert in_russian(window.start)
    assert window.start.language.combo.currentData() == "ru"
    assert without_mnemonic(window.start.open_panel.unlock_button.text()) == "Открыть"


def test_a_shown_message_is_reworded_too(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.start.open_panel
    panel.picker.edit.clear()
    panel.attempt()
    assert panel.message.text() == "Choose the vault file first."
    choose(window.start, "ru")
    qtbot.waitUntil(lambda: panel.message.text() == "Сначала выберите файл хранилища.")
    choose(window.start, "en")
    qtbot.waitUntil(lambda: panel.message.text() == "Choose the vault file first.")


def test_without_a_saved_choice_the_system_language_is_used(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WAYSTATION_LANG", "ru")
    session = new_session(tmp_path, clock)
    assert session.app_settings.language == ""  # nothing chosen yet
    switch_language(app(), session.app_settings.language or language_from_environment())  # as launch does
    window = MainWindow(session, ScriptedDialogs())
    qtbot.addWidget(window)
    window.show()
    assert in_russian(window.start)
    assert window.start.language.combo.currentData() == "ru"
    session.lock()


def test_a_settings_folder_that_cannot_be_written_still_switches(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    blocker = tmp_path / "config"
    shutil.rmtree(blocker)  # the settings folder of an earlier start, gone…
    blocker.write_text("a file where the folder should be")  # mkdir fails: the choice cannot be kept
    choose(window.start, "ru")
    qtbot.waitUntil(lambda: in_russian(window.start))
    message = window.start.open_panel.message
    assert message.isVisible() and message.calm
