"""Run-time switching with the shipped catalogs: en → ru → uk → be → en, every visible text follows."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from waystation.ui.language import switch_language
from waystation.ui.main_window import MainWindow
from waystation.ui.pages.settings import SettingsPage
from waystation.ui.session import Session

EXPECTED = {
    "en": ("Profile", "Lock", "Settings"),
    "ru": ("Профиль", "Заблокировать", "Настройки"),
    "uk": ("Профіль", "Заблокувати", "Налаштування"),
    "be": ("Профіль", "Заблакаваць", "Налады"),
}


@pytest.fixture
def page(window: MainWindow, session: Session, tmp_path: object) -> Iterator[SettingsPage]:
    from pathlib import Path

    session.create(Path(str(tmp_path)) / "lang.vault", "orchard lantern velvet quarry 42")
    window.enter_workspace()
    shown = window.workspace.show_page("settings")
    assert isinstance(shown, SettingsPage)
    yield shown
    app = QApplication.instance()
    assert app is not None
    switch_language(app, "en")


@pytest.mark.parametrize("order", [("ru", "uk", "be", "en")])
def test_every_language_in_turn(
    qtbot: QtBot, window: MainWindow, page: SettingsPage, order: tuple[str, ...]
) -> None:
    nav = window.workspace.nav
    row = list(window.workspace.pages).index("profile")
    for code in order:
        page.language.setCurrentIndex(page.language.findData(code))
        profile, lock, heading = EXPECTED[code]
        qtbot.waitUntil(
            lambda expected=(profile, lock, heading): (
                (nav.item(row).text(), window.lock_action.text(), page.heading.text()) == expected
            )
        )
        assert window.start.open_panel.unlock_button.text() != ""


def test_the_open_window_and_what_is_built_in_it_later_take_the_new_locale(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Qt's default locale reaches windows made afterwards only: a window keeps the locale it
    was made with and gives it to its children, so switching sets it on the open windows too."""
    app = QApplication.instance()
    assert app is not None
    try:
        switch_language(app, "ru")
        later = QLabel(window.centralWidget())  # e.g. a screen built after the switch
        assert window.locale().language() == QLocale.Language.Russian
        assert later.locale().language() == QLocale.Language.Russian
        assert window.start.locale().language() == QLocale.Language.Russian
        switch_language(app, "uk")
        assert later.locale().language() == QLocale.Language.Ukrainian
    finally:
        switch_language(app, "en")
    assert window.locale().language() == QLocale.Language.English
