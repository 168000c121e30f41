"""The help desk and guest sessions in the desktop app (docs/helpdesk.md).

``DeskWindow`` is the main window of every desktop run started by the launcher: it adds to
``MainWindow`` a guest session (a start-screen tab, a banner while one runs, a warning before
it is lost), "Save a copy for yourself", and — in help-desk mode — the desk's start screen and
"End session", which waits for a safe point, locks, closes every window and dialog, clears the
clipboard and Qt's file-dialog history, and replaces the start screen and every screen with
new ones, so nothing of the last client is left to be seen or reached. The core it uses is in
``waystation.helpdesk``."""
