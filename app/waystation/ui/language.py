"""Switching the interface language while the app runs.

Our own strings come from gettext (``waystation.i18n``); Qt's own (standard buttons, the file
dialog, line-edit context menus) from Qt's ``qtbase`` catalogs. PySide6-Essentials ships them
(``qtbase_ru.qm``, ``qtbase_uk.qm`` …) in its translations folder; ``qt_translation_folders``
finds that folder from a checkout or an installed package (QLibraryInfo) and inside a frozen
bundle (PyInstaller puts it under ``PySide6/Qt/translations``), after a ``qt-translations``
folder of our own resources, should an installer ship its own copies. Qt has no Belarusian
catalog at all (neither Qt upstream nor Debian's qt6-translations-l10n): Belarusian readers get
Qt's buttons and dialogs in Russian rather than in English.

Installing a Qt translator makes Qt send ``LanguageChange`` to every window itself; the event is
also posted explicitly, because for English (or a language Qt has no catalog for) no translator
changes and Qt would stay silent.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from waystation.i18n import UI_LANGUAGES, layout_direction, set_language
from waystation.resources_path import resource

# Each language is offered in its own name, so someone who cannot read the current one finds theirs.
LANGUAGE_NAMES: dict[str, str] = {
    "en": "English",
    "ru": "Русский",
    "uk": "Українська",
    "be": "Беларуская",
}

QT_FALLBACKS: dict[str, tuple[str, ...]] = {"be": ("ru",)}
QT_CATALOG = "qtbase"

_installed: list[QTranslator] = []


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


def qt_translation_folders() -> list[Path]:
    """Where Qt's own catalogs may be, best first; only folders that exist."""
    candidates: list[Path] = []
    with contextlib.suppress(FileNotFoundError):
        candidates.append(resource("qt-translations"))
    candidates.append(Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        for inner in (("PySide6", "Qt", "translations"), ("PySide6", "translations")):
            candidates.append(Path(frozen_root).joinpath(*inner))
    seen: list[Path] = []
    for folder in candidates:
        if folder.is_dir() and folder not in seen:
            seen.append(folder)
    return seen


def qt_catalog_for(code: str) -> Path | None:
    """The qtbase catalog Qt's own texts come from in ``code`` (Belarusian: the Russian one)."""
    if code == "en":
        return None
    for candidate in (code, *QT_FALLBACKS.get(code, ())):
        for folder in qt_translation_folders():
            path = folder / f"{QT_CATALOG}_{candidate}.qm"
            if path.is_file():
                return path
    return None


def _install_qt_translation(app: QCoreApplication, code: str) -> None:
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    catalog = qt_catalog_for(code)
    if catalog is None:
        return
    translator = QTranslator(app)
    if translator.load(catalog.name, str(catalog.parent)):
        app.installTranslator(translator)
        _installed.append(translator)


def qt_translation_installed() -> str:
    """The language of the Qt catalog in use ("" for none): for tests and the About box."""
    return _installed[0].language() if _installed else ""


def switch_language(app: QCoreApplication, code: str) -> None:
    """Make ``code`` the interface language at once; every window retranslates itself."""
    code = code if code in UI_LANGUAGES else "en"
    set_language(code)
    locale = QLocale(code)
    QLocale.setDefault(locale)  # for windows made from now on
    _install_qt_translation(app, code)
    if isinstance(app, QApplication):
        right_to_left = layout_direction(code) == "rtl"
        app.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if right_to_left else Qt.LayoutDirection.LeftToRight
        )
        for widget in app.topLevelWidgets():
            # A window keeps the locale it was made with, and gives it to what is built in it
            # later: the open windows take the new one too.
            widget.setLocale(locale)
            QCoreApplication.postEvent(widget, QEvent(QEvent.Type.LanguageChange))
