"""Starting the desktop app. Qt is imported here and below, never by the core.

A second start while the app runs brings the running window forward and ends (exit 0, one line
on stderr). Quick exit ends the process: the event loops stop, and should anything keep the
process alive past a few seconds (a worker that does not stop), it is ended regardless."""

from __future__ import annotations

import os
import sys
import threading

QUICK_EXIT_GRACE_SECONDS = 3.0
PREBUILD_SCREENS_MS = 200  # after the first paint, so the window shows at once


def _end_process() -> None:
    """Stop every event loop (also a modal dialog's), and make sure the process really ends."""
    from PySide6.QtCore import QCoreApplication

    watchdog = threading.Timer(QUICK_EXIT_GRACE_SECONDS, os._exit, args=(0,))
    watchdog.daemon = True
    watchdog.start()
    QCoreApplication.exit(0)


def run_desktop(*, selftest: bool = False, helpdesk: bool = False, guest: bool = False) -> int:
    """``helpdesk``: the desk's start screen and End session (docs/helpdesk.md); ``guest``: a
    guest process, which starts in a guest session and keeps nothing (helpdesk.guest_places
    was activated before Qt loaded)."""
    from waystation.ui.pyside_imports import lighten_import_hook

    lighten_import_hook()  # before the app's own modules are imported
    if selftest:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from waystation.ui.selftest import run_selftest

        return run_selftest(guest=guest)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from waystation.i18n import _, language_from_environment
    from waystation.portable import current as current_places
    from waystation.ui.crash_dialog import CrashReporter
    from waystation.ui.helpdesk.desk_window import DeskWindow
    from waystation.ui.language import switch_language
    from waystation.ui.session import Session
    from waystation.ui.single_instance import SingleInstance, server_name
    from waystation.ui.start_notice import start_notice
    from waystation.ui.style import apply_style

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Waystation")
    session = Session()
    switch_language(app, session.app_settings.language or language_from_environment())
    instance = SingleInstance(server_name(session.store.folder), app)
    if instance.hand_over():
        print(_("Waystation is already running: its window was brought forward."), file=sys.stderr)
        return 0
    apply_style(app, watch_palette=False)  # from the window's first paint (MainWindow)
    window = DeskWindow(session, end_process=_end_process, helpdesk=helpdesk, guest_process=guest)
    crashes = CrashReporter(lambda: window, session.copy)
    crashes.install()
    window.unplug.install_hook()  # a vault's drive pulled out: one message, not a crash report
    notice = start_notice(current_places(), session.store)
    if notice is not None:  # a read-only portable copy, or a settings file that was unreadable
        window.start.open_panel.message.say(notice, calm=True)
    instance.activation_requested.connect(window.bring_forward)
    window.show_where_it_was()
    session.preload_library()
    # The screens are built while the person types the passphrase, not after the unlock
    # (about a third of a second on a slow laptop): unlocking then only fills them.
    QTimer.singleShot(PREBUILD_SCREENS_MS, lambda: window.workspace)
    code = int(app.exec())
    instance.close()
    return code
