"""The About box names the version, commit, build date, Qt, PySide6, SQLCipher and Python, and
where this run keeps its settings and data — in a portable copy too, and says so when that copy
cannot save."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from waystation import __version__, portable
from waystation.build_info import components
from waystation.ui.help_dialogs import AboutDialog
from waystation.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def _installed_mode() -> Iterator[None]:
    portable.reset()
    yield
    portable.reset()


def texts(dialog: AboutDialog) -> str:
    return "\n".join(label.text() for label in dialog.details.findChildren(QLabel))


def test_about_shows_build_and_versions(qtbot: QtBot, window: MainWindow) -> None:
    window.about_action.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, AboutDialog) and w.isVisible())
    shown = texts(dialog)
    parts = components()
    for expected in (
        __version__,
        parts.qt,
        parts.pyside,
        parts.sqlcipher,
        parts.python,
        "SQLCipher",
        "Commit",
    ):
        assert expected and expected in shown
    assert "installed" in shown and "Cannot save" not in shown
    assert "Qt" in dialog.details.text() and "\n" in dialog.details.text()
    dialog.reject()


def test_about_in_a_portable_copy_that_cannot_save(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".portable").write_text("", encoding="utf-8")
    monkeypatch.setattr(portable, "prepare_data_folder", lambda data: "Read-only file system")
    places = portable.activate({}, folder=tmp_path)
    assert places.problem
    dialog = AboutDialog(window)
    qtbot.addWidget(dialog)
    shown = texts(dialog)
    assert str(tmp_path / "data") in shown and "Read-only file system" in shown
    assert "Vaults still open and save where they are" in shown


def test_start_screen_says_a_portable_copy_cannot_save(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from waystation.app_settings import SettingsStore
    from waystation.ui.start_notice import start_notice

    (tmp_path / ".portable").write_text("", encoding="utf-8")
    monkeypatch.setattr(portable, "prepare_data_folder", lambda data: "Read-only file system")
    places = portable.activate({}, folder=tmp_path)
    words = start_notice(places, SettingsStore(tmp_path / "nowhere"))
    assert words is not None and "cannot write to its data folder" in words()
    portable.reset()
    damaged = tmp_path / "cfg"
    damaged.mkdir()
    (damaged / "settings.json").write_text("{ broken", encoding="utf-8")
    store = SettingsStore(damaged)
    store.load()
    words = start_notice(portable.current(), store)
    assert words is not None and "could not be read" in words()
    assert start_notice(portable.current(), SettingsStore(tmp_path / "fine")) is None
