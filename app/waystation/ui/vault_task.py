"""Opening or creating a vault off the UI thread.

Deriving the key takes 0.2–1 s (longer on an old laptop), and opening a vault from an older version
first makes and checks a safety copy, then migrates it: none of that may freeze the window. The
start screen hands the work to a :class:`VaultTask`; the opened vault (or the typed error) comes
back to the UI thread through a queued signal.

The functions that open and create vaults come through :class:`VaultOpener`, a seam tests use to
slow the key derivation down. A task whose result is no longer wanted (the window was hidden by a
quick exit, the app is quitting) is *abandoned*: a vault that finishes opening afterwards is closed
at once, so no vault stays open behind the person's back.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from waystation.errors import WaystationError
from waystation.i18n import _

if TYPE_CHECKING:
    from waystation.vault.connection import Vault

log = logging.getLogger(__name__)


# The vault code (SQLCipher and the repositories) is imported here, on the worker thread, if the
# start-up preload (Session.preload_library) has not imported it yet: never on the UI thread.


def _open(path: Path, passphrase: str) -> Vault:
    from waystation.vault.connection import Vault

    return Vault.open(path, passphrase)


def _create(path: Path, passphrase: str) -> Vault:
    from waystation.vault.connection import Vault

    return Vault.create(path, passphrase)


class VaultOpener(NamedTuple):
    """How the start screen opens and creates vaults (the core's functions, unless a test says)."""

    open: Callable[[Path, str], Vault] = _open
    create: Callable[[Path, str], Vault] = _create


class _Relay(QObject):
    opened = Signal(object)
    failed = Signal(object)
    dropped = Signal()


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Vault], relay: _Relay, abandoned: threading.Event) -> None:
        super().__init__()
        self._work = work
        self._relay = relay
        self._abandoned = abandoned

    def run(self) -> None:
        try:
            vault = self._work()
        except WaystationError as exc:
            self._relay.failed.emit(exc)
            return
        except Exception as exc:  # a bug: logged by type only, the message may quote a path
            log.error("opening or creating a vault failed: %s", type(exc).__name__)
            self._relay.failed.emit(
                WaystationError(_("The vault could not be opened because of an error in Waystation."))
            )
            return
        if self._abandoned.is_set():
            vault.close()
            self._relay.dropped.emit()
            return
        try:
            self._relay.opened.emit(vault)
        except RuntimeError:  # the screen was deleted meanwhile (the app is closing)
            vault.close()


class VaultTask(QObject):
    """One open or create at a time. ``settled`` says the worker is done (always, first); then
    ``opened`` carries the open :class:`Vault` or ``failed`` the :class:`WaystationError` — unless
    the task was abandoned. All arrive on the UI thread."""

    settled = Signal()
    opened = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.opened.connect(self._opened, Qt.ConnectionType.QueuedConnection)
        self._relay.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self._relay.dropped.connect(self._dropped, Qt.ConnectionType.QueuedConnection)
        self._abandoned = threading.Event()
        self._running = False

    @property
    def running(self) -> bool:
        return self._running

    def start(self, work: Callable[[], Vault]) -> bool:
        """Run ``work`` on the worker thread; False (and nothing started) while one is running."""
        if self._running:
            return False
        self._running = True
        self._abandoned = threading.Event()
        self._pool.start(_Job(work, self._relay, self._abandoned))
        return True

    def abandon(self) -> None:
        """Nobody wants the result any more: a vault that still finishes opening is closed."""
        self._abandoned.set()

    def wait(self) -> None:
        """Block until the worker is idle (for shutdown and tests)."""
        self._pool.waitForDone()

    @Slot(object)
    def _opened(self, vault: Vault) -> None:
        self._running = False
        self.settled.emit()
        if self._abandoned.is_set():
            vault.close()
            return
        self.opened.emit(vault)

    @Slot(object)
    def _failed(self, error: WaystationError) -> None:
        self._running = False
        self.settled.emit()
        if not self._abandoned.is_set():
            self.failed.emit(error)

    @Slot()
    def _dropped(self) -> None:
        self._running = False
        self.settled.emit()
