"""Locking when the computer says the person stepped away: the desktop session locks, the screen
saver starts, or the machine is about to sleep (KeePassXC does the same).

On Linux the desktop tells over D-Bus: logind's ``PrepareForSleep(true)`` and the session's
``Lock`` signal on the system bus, and ``org.freedesktop.ScreenSaver.ActiveChanged(true)`` on the
session bus (GNOME, KDE, Xfce and others). Where there is no bus (a bare X server, CI), nothing is
connected and the idle lock still applies. Windows (WTS session notifications) and macOS
(NSWorkspace screen-sleep / session-resign notifications) have their own channels, not wired here;
docs/threat-model.md says so.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import SLOT, QObject, Signal, Slot

log = logging.getLogger(__name__)

LOGIN1 = "org.freedesktop.login1"
SCREENSAVER = "org.freedesktop.ScreenSaver"


class SystemLockWatcher(QObject):
    """Emits ``lock_requested`` when the session locks, the screen saver starts or the machine
    goes to sleep. ``connected`` lists the channels it could listen on."""

    lock_requested = Signal()

    def __init__(self, parent: QObject | None = None, *, listen: bool = True) -> None:
        super().__init__(parent)
        self.connected: list[str] = []
        self._listening = False
        if listen:
            self.listen()

    def listen(self) -> None:
        """Connect to the buses (once; the main window does it after its first paint)."""
        if self._listening:
            return
        self._listening = True
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # a Qt without D-Bus
            return
        system = QDBusConnection.systemBus()
        if system.isConnected():
            if system.connect(
                LOGIN1,
                "/org/freedesktop/login1",
                f"{LOGIN1}.Manager",
                "PrepareForSleep",
                self,
                _slot("on_sleep(bool)"),
            ):
                self.connected.append("logind sleep")
            session_path = _login_session_path()
            if system.connect(
                LOGIN1, session_path, f"{LOGIN1}.Session", "Lock", self, _slot("on_session_lock()")
            ):
                self.connected.append("logind session lock")
        bus = QDBusConnection.sessionBus()
        if bus.isConnected():
            for path in ("/org/freedesktop/ScreenSaver", "/ScreenSaver"):
                if bus.connect("", path, SCREENSAVER, "ActiveChanged", self, _slot("on_screensaver(bool)")):
                    self.connected.append(f"screen saver {path}")
        log.debug("system lock channels: %s", ", ".join(self.connected) or "none")

    @Slot(bool)
    def on_sleep(self, going_to_sleep: bool) -> None:
        if going_to_sleep:
            self.lock_requested.emit()

    @Slot()
    def on_session_lock(self) -> None:
        self.lock_requested.emit()

    @Slot(bool)
    def on_screensaver(self, active: bool) -> None:
        if active:
            self.lock_requested.emit()


def _slot(signature: str) -> bytes:
    """Qt's slot name for QDBusConnection.connect, as the bytes its signature declares."""
    return SLOT(signature).encode("ascii")


def _login_session_path() -> str:
    """logind's object for this session: by XDG_SESSION_ID, else "auto" (the caller's session)."""
    session = os.environ.get("XDG_SESSION_ID", "")
    return (
        f"/org/freedesktop/login1/session/{session}"
        if session.isalnum()
        else "/org/freedesktop/login1/session/auto"
    )
