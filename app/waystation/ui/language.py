"""Switching the interface language while the app runs.

Our own strings come from gettext (``waystation.i18n``); Qt's own (standard buttons, line-edit
context menus) from Qt's ``qtbase`` catalogs shipped with PySide6. Installing a Qt translator makes
Qt send ``LanguageChange`` to every window itself; the event is also posted explicitly, because
for English (or a language Qt has no catalog for) no translator changes and Qt would stay silent.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from waystation.i18n import UI_LANGUAGES, layout_direction, set_language

# Each language is offered in its own name, so someone who cannot read the current one finds theirs.
LANGUAGE_NAMES: dict[str, str] = {
    "en": "English",
    "ru": "Русский",
    "uk": "Українська",
    "be": "Беларуская",
}

# Qt ships no Belarusian catalog; Belarusian readers get Qt's standard buttons in Russian rather
# than in English.
QT_FALLBACKS: dict[str, tuple[str, ...]] = {"be": ("ru",)}

_installed: list[QTranslator] = []


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


def _install_qt_translation(app: QCoreApplication, code: str) -> None:
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if code == "en":
        return
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for candidate in (code, *QT_FALLBACKS.get(code, ())):
        translator = QTranslator(app)
        if translator.load(f"qtbase_{candidate}", folder):
            app.installTranslator(translator)
            _installed.append(translator)
            return


def switch_language(app: QCoreApplication, code: str) -> None:
    """Make ``code`` the interface language at once; every window retranslates itself."""
    code = code if code in UI_LANGUAGES else "en"
    set_language(code)
    QLocale.setDefault(QLocale(code))
    _install_qt_translation(app, code)
    if isinstance(app, QApplication):
        right_to_left = layout_direction(code) == "rtl"
        app.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if right_to_left else Qt.LayoutDirection.LeftToRight
        )
        for widget in app.topLevelWidgets():
            QCoreApplication.postEvent(widget, QEvent(QEvent.Type.LanguageChange))
