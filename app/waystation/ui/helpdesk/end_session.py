"""Ending a client's session at a help desk, in one place.

``SessionEnder.end()`` (the End session button, Ctrl+Shift+E) first waits for a safe point: a
packet being built is told to stop at its next step, while a passphrase change, a copy being
written or a print job is left to finish — the window says what it waits for, and takes no input
meanwhile. Then it locks (screens save what is valid into the client's vault and clear
themselves), ends a guest session if one runs, waits for any work the lock stopped to wind down,
and cleans: every other window and dialog is closed, the clipboard emptied (all of it: at a desk
the next person must not paste the last one's words), Qt's file-dialog history forgotten, and the
start screen and every screen of the workspace are replaced by new ones — a new screen holds
nothing of the last client by construction, which is a stronger promise than clearing each field
by hand. The new screens are built after the start screen shows, while the next client types.

``after_lock()`` does the waiting and cleaning alone, for a lock that already happened (idle,
Ctrl+L, the screen locking) at a help desk.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThreadPool, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QToolTip, QWidget

from waystation.i18n import _
from waystation.ui.session import Session, VaultState

POLL_MS = 50


def clear_clipboard() -> None:
    """Every clipboard the platform has, whoever put something there."""
    clipboard = QGuiApplication.clipboard()
    clipboard.clear(QClipboard.Mode.Clipboard)
    if clipboard.supportsSelection():
        clipboard.clear(QClipboard.Mode.Selection)
    if clipboard.supportsFindBuffer():
        clipboard.clear(QClipboard.Mode.FindBuffer)


def forget_file_dialog_history() -> None:
    """What Qt's own file dialog keeps between runs (``QtProject.conf``): no history, no last
    folder. Each dialog already forgets where it was when it closes (``ui/dialogs.py``); this
    also covers a dialog that closed another way. Nothing is written if Qt kept nothing."""
    from PySide6.QtCore import QDir, QSettings, QUrl  # not with the first window (their enums)

    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.beginGroup("FileDialog")
    if settings.contains("history"):
        settings.setValue("history", [])
    if settings.contains("lastVisited"):
        settings.setValue("lastVisited", QUrl.fromLocalFile(QDir.homePath()))
    settings.endGroup()
    settings.sync()


def close_other_windows(keep: QWidget) -> None:
    """Every window and dialog of the app but ``keep``: dialogs are rejected (their own clean-up
    runs), the rest closed; tooltips hidden."""
    QToolTip.hideText()
    for widget in QApplication.topLevelWidgets():
        if widget is keep or not widget.isVisible():
            continue
        if isinstance(widget, QDialog):
            widget.reject()
        widget.close()


def work_words(owner: QObject | None) -> str:
    """What a busy worker is doing, from the objects that own its pool."""
    from waystation.ui.pages.documents import DocumentsPage
    from waystation.ui.pages.packet_print import PrintRun
    from waystation.ui.pages.packet_worker import PacketBuild
    from waystation.ui.pages.settings import SettingsPage

    while owner is not None:
        if isinstance(owner, PrintRun):
            return _("Waiting for the printer to receive every page…")
        if isinstance(owner, PacketBuild):
            return _("Waiting for the packet being built to stop…")
        if isinstance(owner, SettingsPage):
            return _("Waiting for the passphrase change or backup to finish safely…")
        if isinstance(owner, DocumentsPage):
            return _("Waiting for the documents being added…")
        if type(owner).__name__ == "HandoffDialog":
            return _("Waiting for the copy to be written and checked…")
        owner = owner.parent()
    return _("Waiting for work in progress to finish…")


class SessionEnder(QObject):
    waiting = Signal(str)  # what it waits for; "" when it no longer waits
    ended = Signal()  # the desk's start screen is back, clean

    def __init__(
        self,
        session: Session,
        window: QWidget,
        *,
        before_lock: Callable[[], None],
        end_guest: Callable[[], None],
        clean: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self.session = session
        self.window = window
        self._before_lock = before_lock
        self._end_guest = end_guest
        self._clean = clean
        self._phase = ""
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._step)

    @property
    def running(self) -> bool:
        return bool(self._phase)

    def end(self) -> None:
        """End the session (the button, Ctrl+Shift+E)."""
        if self.running:
            return
        self._phase = "safe point"
        self._before_lock()  # e.g. a packet build is told to stop
        self._step()

    def after_lock(self) -> None:
        """Clean up after a lock that already happened."""
        if self.running:
            return
        self._phase = "wind down"
        self._step()

    def busy_with(self) -> str:
        """What is still running in the window ("" when nothing is)."""
        if self.session.state is VaultState.SWAPPING:
            return _("Waiting for the passphrase change to finish safely…")
        roots: list[QObject] = [self.window, *QApplication.topLevelWidgets()]
        for root in roots:
            for pool in root.findChildren(QThreadPool):
                if pool.activeThreadCount() > 0:
                    return work_words(pool.parent())
        return ""

    def _quiet(self) -> bool:
        """Nothing runs, and what finished has been delivered (queued results are handled now,
        not after the screens they would go to are gone)."""
        if self.busy_with():
            return False
        QCoreApplication.sendPostedEvents(None, QEvent.Type.MetaCall)  # queued signals only
        return not self.busy_with()

    def _step(self) -> None:
        words = self.busy_with()
        if words or not self._quiet():
            self.waiting.emit(words or _("Waiting for work in progress to finish…"))
            if not self._timer.isActive():
                self._timer.start()
            return
        if self._phase == "safe point":
            self._phase = "wind down"
            if self.session.handle is not None:
                self.session.lock()
            self._end_guest()
            self._step()
            return
        self._timer.stop()
        self._phase = ""
        self.waiting.emit("")
        self._clean()
        self.ended.emit()
