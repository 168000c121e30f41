"""Start-up measurement for ``make bench`` (bench/startup_bench.py), in the frozen bundle and from
source alike: with ``WAYSTATION_STARTUP_PROBE=app`` the app starts as usual up to its first
painted window and prints ``painted`` the moment that frame is drawn (``repaint()`` paints at
once), then lets the events waiting behind it run and prints ``settled``; with ``=bare`` the same
interpreter (the same bundle) does the same with a bare PySide6 window — the floor the app is
compared with. The parent times from starting the process to reading each line, so interpreter
and bundle start-up count too. Work the app leaves until after its first frame (the filters on
the whole app, see MainWindow.paintEvent) counts in ``settled``, not in ``painted``."""

from __future__ import annotations

import sys
from collections.abc import Callable
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
    print("painted", flush=True)
    app.processEvents()
    print("settled", flush=True)
    return 0


def first_window(*, painted: Callable[[], None] = lambda: None) -> tuple[QApplication, Session, MainWindow]:
    """The steps of ui.launch.run_desktop up to the first paint (no single-instance socket);
    ``painted`` is called once the first frame is drawn, before the waiting events run."""
    from waystation.ui.pyside_imports import lighten_import_hook

    lighten_import_hook()  # as ui.launch does
    from PySide6.QtWidgets import QApplication

    from waystation.i18n import language_from_environment
    from waystation.ui.helpdesk.desk_window import DeskWindow
    from waystation.ui.language import switch_language
    from waystation.ui.session import Session
    from waystation.ui.style import apply_style

    app = QApplication(sys.argv[:1])
    app.setApplicationName("Waystation")
    session = Session()
    switch_language(app, session.app_settings.language or language_from_environment())
    apply_style(app, watch_palette=False)  # from the window's first paint (MainWindow)
    window = DeskWindow(session)  # the window ui.launch builds (a help desk only if set)
    window.show_where_it_was()
    window.repaint()
    painted()
    app.processEvents()
    return app, session, window


def _app() -> int:
    _qt, session, _window = first_window(painted=lambda: print("painted", flush=True))
    print("settled", flush=True)
    session.preload_library()  # as the app does right after: must not delay the paint above
    return 0
