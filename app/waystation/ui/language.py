"""Switching the interface language while the app runs.

Our own strings come from gettext (``waystation.i18n``); Qt's own (standard buttons, line-edit
context menus) from Qt's ``qtbase`` catalogs shipped with PySide6. Installing a Qt translator makes
Qt send ``LanguageChange`` to every window itself; the event is also posted explicitly, because
for English (or a language Qt has no catalog for) no translator changes and Qt would stay silent.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from waystation.i18n import UI_LANGUAGES, set_language

# Each language is offered in its own name, so someone who cannot read the current one finds theirs.
LANGUAGE_NAMES: dict[str, str] = {
    "en": "English",
    "ru": "Русский",
    "uk": "Українська",
    "be": "Беларуская",
}

_installed: list[QTranslator] = []


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


def _install_qt_translation(app: QCoreApplication, code: str) -> None:
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if code == "en":
        return
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{code}", folder):
        app.installTranslator(translator)
        _installed.append(translator)


def switch_language(app: QCoreApplication, code: str) -> None:
    """Make ``code`` the interface language at once; every window retranslates itself."""
    code = code if code in UI_LANGUAGES else "en"
    set_language(code)
    QLocale.setDefault(QLocale(code))
    _install_qt_translation(app, code)
    if isinstance(app, QApplication):
        for widget in app.topLevelWidgets():
            QCoreApplication.postEvent(widget, QEvent(QEvent.Type.LanguageChange))
