"""Starting the desktop app. Qt is imported here and below, never by the core."""

from __future__ import annotations

import os
import sys


def run_desktop(*, selftest: bool = False) -> int:
    if selftest:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from waystation.i18n import language_from_environment, set_language
    from waystation.ui.start_window import StartWindow

    set_language(language_from_environment())
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Waystation")
    window = StartWindow()
    window.show()
    if selftest:
        QTimer.singleShot(0, app.quit)
    return int(app.exec())
