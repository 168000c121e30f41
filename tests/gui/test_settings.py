"""The settings screen: language switched at run time (and back), auto-lock minutes applied,
discreet mode, recent vaults forgotten, the expiry lead time, passphrase change and backup."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.fakes import FakeClock, ScriptedDialogs
from tests.gui.conftest import STRONG
from tests.gui.profiles import new_session, open_vault
from waystation import i18n
from waystation.app_settings import AppSettings, SettingsStore
from waystation.errors import WrongPassphrase
from waystation.ui.language import switch_language
from waystation.ui.main_window import MainWindow
from waystation.ui.pages.settings import SettingsPage
from waystation.ui.session import Session
from waystation.vault import copies
from waystation.vault.connection import Vault

NEW = "harbour meadow copper violin 7"
RUSSIAN = {
    "Profile": "Профиль",
    "Settings": "Настройки",
    "Interface language": "Язык интерфейса",
    "Lock": "Заблокировать",
}


@pytest.fixture
def page(window: MainWindow, session: Session, tmp_path: Path) -> SettingsPage:
    open_vault(session, tmp_path)
    window.enter_workspace()
    shown = window.workspace.show_page("settings")
    assert isinstance(shown, SettingsPage)
    return shown


@pytest.fixture
def russian_catalog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A small Russian catalog of our own, so the test does not depend on translation progress."""
    folder = tmp_path / "locales" / "ru" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    catalog = Catalog(locale="ru", domain="waystation")
    for source, translation in RUSSIAN.items():
        catalog.add(source, translation)
    with (folder / "waystation.mo").open("wb") as handle:
        write_mo(handle, catalog)
    monkeypatch.setattr(i18n, "locales_dir", lambda: tmp_path / "locales")
    yield
    app = QApplication.instance()
    assert app is not None
    switch_language(app, "en")


def choose(page: SettingsPage, code: str) -> None:
    page.language.setCurrentIndex(page.language.findData(code))


@pytest.mark.usefixtures("russian_catalog")
def test_switching_language_retranslates_at_once_and_persists(
    qtbot: QtBot, window: MainWindow, page: SettingsPage, session: Session
) -> None:
    names = [page.language.itemText(i) for i in range(page.language.count())]
    assert names == ["English", "Русский", "Українська", "Беларуская"]  # each in its own name
    assert page.language.currentData() == "en"
    nav = window.workspace.nav
    profile_row = list(window.workspace.pages).index("profile")
    choose(page, "ru")
    qtbot.waitUntil(lambda: nav.item(profile_row).text() == "Профиль")
    assert page.heading.text() == "Настройки"
    assert page.texts["language"].text() == "Язык интерфейса"
    assert window.lock_action.text() == "Заблокировать"
    assert session.store.load().language == "ru"
    page.change_passphrase()  # Qt's own words come from Qt's catalog
    assert page.passphrase_dialog is not None
    cancel = page.passphrase_dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text().replace("&", "") == "Отмена"
    page.passphrase_dialog.reject()
    choose(page, "en")
    qtbot.waitUntil(lambda: nav.item(profile_row).text() == "Profile")
    assert page.heading.text() == "Settings" and window.lock_action.text() == "Lock"
    assert session.store.load().language == "en"


def test_discreet_mode_gives_a_neutral_title(
    page: SettingsPage, window: MainWindow, session: Session
) -> None:
    assert window.windowTitle() == "Waystation"
    ordinary = window.windowIcon().cacheKey()
    page.discreet.click()
    assert window.windowTitle() == "Notes" and session.app_settings.discreet
    assert window.windowIcon().cacheKey() != ordinary
    page.discreet.click()
    assert window.windowTitle() == "Waystation"


def test_auto_lock_minutes_and_lead_days_are_applied(
    qtbot: QtBot, page: SettingsPage, window: MainWindow, session: Session, clock: FakeClock
) -> None:
    page.lead_days.setValue(30)
    assert session.app_settings.expiry_lead_days == 30 and session.store.load().expiry_lead_days == 30
    page.auto_lock.setValue(2)
    assert session.app_settings.auto_lock_minutes == 2 and session.store.load().auto_lock_minutes == 2
    clock.advance(seconds=110)
    window.idle.check()
    assert session.is_open
    clock.advance(seconds=20)
    with qtbot.waitSignal(session.locked):
        window.idle.check()


def test_turning_off_recent_vaults_forgets_the_list(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    store = SettingsStore(tmp_path / "config")
    store.save(AppSettings(remember_recent=True, recent_vaults=["/somewhere/a.vault"]))
    session = new_session(tmp_path, clock)
    other = MainWindow(session, dialogs)
    qtbot.addWidget(other)
    open_vault(session, tmp_path)
    other.enter_workspace()
    page = other.workspace.show_page("settings")
    assert isinstance(page, SettingsPage) and page.remember.isChecked()
    page.remember.click()
    assert store.load().recent_vaults == [] and not store.load().remember_recent
    session.lock()


def test_change_passphrase_checks_the_current_one_then_reopens(
    qtbot: QtBot, page: SettingsPage, session: Session, tmp_path: Path
) -> None:
    page.change_button.click()
    dialog = page.passphrase_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.current.setText("not it")
    dialog.new.setText("short")
    dialog.repeat.setText("short")
    dialog.ok_button.click()
    assert "too easy" in dialog.message.text()
    dialog.new.setText(NEW)
    dialog.repeat.setText(NEW)
    with qtbot.waitSignal(page.task.finished, timeout=20_000):
        dialog.ok_button.click()
        assert not dialog.isEnabled()  # the work runs on a worker thread meanwhile
    assert dialog.message.text() == "That is not the current passphrase." and dialog.isVisible()
    assert dialog.current.text() == "" and dialog.isEnabled()
    dialog.current.setText(STRONG)
    with qtbot.waitSignal(page.task.finished, timeout=20_000):
        dialog.ok_button.click()
    assert not dialog.isVisible() and session.is_open
    assert "passphrase was changed" in page.notice.text()
    assert all(field.text() == "" for field in (dialog.current, dialog.new, dialog.repeat))
    session.vault.settings.set("probe", "still writable")  # the reopened vault is in use
    session.lock()
    with pytest.raises(WrongPassphrase):
        Vault.open(tmp_path / "test.vault", STRONG)
    with Vault.open(tmp_path / "test.vault", NEW) as vault:
        assert vault.settings.get("probe") == "still writable"


def test_back_up_asks_the_passphrase_again_and_a_destination(
    qtbot: QtBot, page: SettingsPage, session: Session, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    page.backup_button.click()
    dialog = page.backup_dialog
    assert dialog is not None
    dialog.passphrase.setText("not it")
    with qtbot.waitSignal(page.task.finished, timeout=20_000):
        dialog.ok_button.click()
    assert dialog.message.text() == "That is not the vault's passphrase."
    (tmp_path / "usb").mkdir()
    dialogs.answers.append(tmp_path / "usb" / "copy")
    dialog.passphrase.setText(STRONG)
    with qtbot.waitSignal(page.task.finished, timeout=20_000):  # the passphrase check
        dialog.ok_button.click()
    qtbot.waitUntil(lambda: not page.task.running, timeout=20_000)  # then the copy itself
    assert not dialog.isVisible()
    assert "verified" in page.notice.text()
    with Vault.open(tmp_path / "usb" / "copy.vault", STRONG):
        pass


def test_lock_during_a_passphrase_change_keeps_the_vault_locked(
    qtbot: QtBot, page: SettingsPage, session: Session, tmp_path: Path
) -> None:
    page.change_button.click()
    dialog = page.passphrase_dialog
    assert dialog is not None
    dialog.current.setText(STRONG)
    dialog.new.setText(NEW)
    dialog.repeat.setText(NEW)
    with qtbot.waitSignal(page.task.finished, timeout=20_000):
        dialog.ok_button.click()
        session.lock()  # auto-lock or quick exit while the worker re-encrypts
    assert not session.is_open and session.handle is None
    page.task.wait()
    # Depending on when the lock came, the change happened or never began; either way exactly
    # one passphrase opens an intact vault, and nothing is half-done.
    opened = []
    for candidate in (STRONG, NEW):
        try:
            with Vault.open(tmp_path / "test.vault", candidate) as vault:
                assert copies.check(vault).ok
                opened.append(candidate)
        except WrongPassphrase:
            pass
    assert len(opened) == 1
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".test.vault")) == []
