"""Qt's own dialogs and buttons in the interface language, Belarusian falling back to Russian, and
the file dialogs' words translated too (issue 11, item 12)."""

from __future__ import annotations

import ast
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QPushButton
from pytestqt.qtbot import QtBot

import waystation.ui.language as language_module
from waystation.ui import dialogs
from waystation.ui.language import (
    qt_catalog_for,
    qt_translation_folders,
    qt_translation_installed,
    switch_language,
)

QT_FOLDER = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    switch_language(qapp, "en")


@pytest.mark.parametrize(
    ("code", "catalog"), [("ru", "qtbase_ru.qm"), ("uk", "qtbase_uk.qm"), ("be", "qtbase_ru.qm")]
)
def test_every_interface_language_has_qt_words(code: str, catalog: str) -> None:
    found = qt_catalog_for(code)
    assert found is not None and found.name == catalog and found.is_file()


def test_english_needs_no_catalog() -> None:
    assert qt_catalog_for("en") is None


@pytest.mark.parametrize(
    ("code", "cancel"), [("ru", "Отмена"), ("uk", "Скасувати"), ("be", "Отмена"), ("en", "Cancel")]
)
def test_qt_buttons_follow_the_language(app: QApplication, code: str, cancel: str) -> None:
    switch_language(app, code)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == cancel
    expected = "" if code == "en" else "ru" if code == "be" else code
    assert qt_translation_installed().split("_")[0] == expected


def test_the_file_dialog_speaks_russian(qtbot: QtBot, app: QApplication) -> None:
    english = _file_dialog_words(qtbot)
    switch_language(app, "ru")
    russian = _file_dialog_words(qtbot)
    assert russian != english
    assert any(any("а" <= c <= "я" for c in word.lower()) for word in russian)


def _file_dialog_words(qtbot: QtBot) -> list[str]:
    dialog = QFileDialog(None, "", "", dialogs.vault_filter())
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    words = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    words += [button.text() for button in dialog.findChildren(QPushButton) if button.text()]
    dialog.deleteLater()
    return sorted(words)


def test_file_filters_are_made_in_the_interface_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WAYSTATION_PSEUDO", "1")  # every translated word shows as ⟦…⟧
    for made in (dialogs.vault_filter(), dialogs.document_filter()):
        names = made.split(";;")
        assert all(name.startswith("⟦") for name in names), made
        assert names[-1].endswith("(*)⟧") or "(*)" in names[-1]
    assert "(*.vault)" in dialogs.vault_filter()
    assert "*.pdf *.jpg" in dialogs.document_filter()
    assert dialogs.pdf_filter().startswith("⟦") and "(*.pdf)" in dialogs.pdf_filter()
    assert dialogs.calendar_filter().startswith("⟦") and "(*.ics)" in dialogs.calendar_filter()


def test_every_word_in_dialogs_py_is_translated() -> None:
    """No English sentence outside _(): only file patterns and the like may be plain literals."""
    tree = ast.parse(Path(dialogs.__file__).read_text("utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    translated = {
        id(arg)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "_"
        for arg in node.args
    }
    loose = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings | translated
        and any(word.isalpha() and len(word) > 2 for word in node.value.split() if not word.startswith("*"))
    ]
    assert loose == []


def test_the_resolver_finds_catalogs_in_a_frozen_bundle(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    bundle = tmp_path / "bundle"
    frozen = bundle / "PySide6" / "Qt" / "translations"
    frozen.mkdir(parents=True)
    shutil.copy(QT_FOLDER / "qtbase_uk.qm", frozen / "qtbase_uk.qm")
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    monkeypatch.setattr(language_module.QLibraryInfo, "path", lambda _which: str(tmp_path / "nowhere"))
    assert frozen in qt_translation_folders()
    found = qt_catalog_for("uk")
    assert found == frozen / "qtbase_uk.qm"
    assert qt_catalog_for("ru") is None  # not in this bundle: English, rather than a crash


def test_catalogs_shipped_with_the_resources_come_first(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    ours = tmp_path / "qt-translations"
    ours.mkdir()
    shutil.copy(QT_FOLDER / "qtbase_ru.qm", ours / "qtbase_ru.qm")
    monkeypatch.setattr(language_module, "resource", lambda *parts: tmp_path.joinpath(*parts))
    assert qt_translation_folders()[0] == ours
    assert qt_catalog_for("be") == ours / "qtbase_ru.qm"
