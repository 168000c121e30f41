"""Starting the desktop app. Qt is imported here and below, never by the core."""

from __future__ import annotations

import os
import sys


def run_desktop(*, selftest: bool = False) -> int:
    if selftest:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from waystation.ui.selftest import run_selftest

        return run_selftest()
    from PySide6.QtWidgets import QApplication

    from waystation.i18n import language_from_environment
    from waystation.ui.language import switch_language
    from waystation.ui.main_window import MainWindow
    from waystation.ui.session import Session
    from waystation.ui.style import apply_style

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Waystation")
    session = Session()
    switch_language(app, session.settings.language or language_from_environment())
    apply_style(app)
    window = MainWindow(session)
    window.show()
    session.preload_library()
    return int(app.exec())
