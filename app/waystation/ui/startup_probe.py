"""Start-up measurement for ``make bench`` (bench/startup_bench.py), in the frozen bundle and from
source alike: with ``WAYSTATION_STARTUP_PROBE=app`` the app starts as usual up to its first
painted window, prints ``painted`` and exits; with ``=bare`` the same interpreter (the same bundle)
draws a bare PySide6 window instead — the floor the app is compared with. The parent times from
starting the process to reading the line, so interpreter and bundle start-up count too."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from waystation.ui.main_window import MainWindow
    from waystation.ui.session import Session

PROBE_ENV = "WAYSTATION_STARTUP_PROBE"


def run_probe(kind: str) -> int:
    if kind == "bare":
        return _bare()
    if kind == "app":
        return _app()
    print(f"unknown probe {kind!r}", file=sys.stderr)
    return 2


def _bare() -> int:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("Waystation"))
    window.resize(1100, 720)
    window.show()
    window.repaint()
    app.processEvents()
    print("painted", flush=True)
    return 0


def first_window() -> tuple[QApplication, Session, MainWindow]:
    """The steps of ui.launch.run_desktop up to the first paint (no single-instance socket)."""
    from PySide6.QtWidgets import QApplication

    from waystation.i18n import language_from_environment
    from waystation.ui.language import switch_language
    from waystation.ui.main_window import MainWindow
    from waystation.ui.session import Session
    from waystation.ui.style import apply_style

    app = QApplication(sys.argv[:1])
    app.setApplicationName("Waystation")
    session = Session()
    switch_language(app, session.app_settings.language or language_from_environment())
    apply_style(app)
    window = MainWindow(session)
    window.show_where_it_was()
    window.repaint()
    app.processEvents()
    return app, session, window


def _app() -> int:
    _qt, session, _window = first_window()
    print("painted", flush=True)
    session.preload_library()  # as the app does right after: must not delay the paint above
    return 0
