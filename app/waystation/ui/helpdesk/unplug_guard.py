"""A vault whose USB stick is pulled out (or whose file disappears) while it is open — or that
turns out to be damaged once its pages are read.

SQLite keeps the open file and would go on answering from what it has read, then fail with disk
errors on the next read or save. So the guard looks every second and a half whether the path
still leads to the very file that was opened (same device, same inode); when it does not — the
stick was removed, the file was moved or deleted, the folder became unreadable — it closes the
vault *without* saving first (there is nowhere safe to save to) and locks, and the start screen
says once, calmly, what happened. An error of the same kind that reaches a screen first (a read
failing with a disk error) is caught on its way to the crash dialog and handled the same way.
Nothing is ever written anywhere else: SQLite's journal lives beside the vault, on the stick.

A vault whose first page is intact opens, and damage further in shows only when that page is
read (the overview reads the profile at once). Then too the vault is closed without saving and
the start screen says what happened, instead of a crash report."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QObject, QTimer, Signal

from waystation.errors import StorageFailure, VaultDamaged, WaystationError
from waystation.i18n import _
from waystation.ui.session import Session

CHECK_MS = 1500

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def damaged_words(problem: str) -> Callable[[], str]:
    return lambda: " ".join(
        (
            problem,
            _("Waystation closed it without writing anything to it. Open a backup copy of the vault."),
        )
    )


def removed_words() -> str:
    return _(
        "The vault's drive was removed, or its file moved, while it was open. Waystation closed it "
        "without writing anything anywhere else. Everything saved before is in the vault: put the "
        "drive back and open the vault again."
    )


class UnplugGuard(QObject):
    removing = Signal()  # the vault's file went away: it is about to be closed and locked
    removed = Signal()  # the vault was closed because its file went away
    damaged = Signal(str)  # the vault turned out damaged (its message); it is about to be closed

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._identity: tuple[int, int] | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        session.opened.connect(self._opened)
        session.locked.connect(self._locked)
        self._previous_hook: Hook | None = None

    def _opened(self) -> None:
        vault = self.session.handle
        if vault is None or vault.in_memory:
            return
        try:
            info = vault.path.stat()
        except OSError:
            return
        self._identity = (info.st_dev, info.st_ino)
        self.timer.start()

    def _locked(self) -> None:
        self.timer.stop()
        self._identity = None

    def gone(self) -> bool:
        """The open vault's path no longer leads to the file that was opened."""
        vault = self.session.handle
        if vault is None or vault.in_memory or self._identity is None:
            return False
        try:
            info = vault.path.stat()
        except OSError:
            return True
        return (info.st_dev, info.st_ino) != self._identity

    def check(self) -> bool:
        """Close and lock if the vault went away; True when it did."""
        if not self.gone():
            return False
        self.removing.emit()
        self._close_without_saving()
        self.removed.emit()
        return True

    def failed(self, error: WaystationError) -> bool:
        """A read of the open vault failed: the drive went away, or the vault is damaged. Close it
        without saving and say so; False when the error is of another kind (it goes on)."""
        if self.check():
            return True
        if not isinstance(error, VaultDamaged) or self.session.handle is None:
            return False
        self.damaged.emit(error.message)
        self._close_without_saving()
        return True

    def _close_without_saving(self) -> None:
        vault = self.session.handle
        self.timer.stop()
        if vault is not None:
            with contextlib.suppress(Exception):  # the device may answer with errors only
                vault.close()  # first: locking must not save into a file that is gone or damaged
        self.session.lock()

    # -- errors on their way to the crash dialog -------------------------------------------------

    def install_hook(self) -> None:
        previous = sys.excepthook
        self._previous_hook = previous

        def hook(kind: type[BaseException], value: BaseException, trace: TracebackType | None) -> None:
            if isinstance(value, StorageFailure | VaultDamaged) and self.failed(value):
                return
            previous(kind, value, trace)

        sys.excepthook = hook

    def remove_hook(self) -> None:
        if self._previous_hook is not None:
            sys.excepthook = self._previous_hook
            self._previous_hook = None
