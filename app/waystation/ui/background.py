"""Running one slow vault operation (re-encrypting, copying) off the UI thread.

The function runs on a worker thread; its result or its error comes back to the UI thread through
queued signals, where ``on_done`` / ``on_failed`` are called. A wait cursor shows meanwhile, and
``running`` tells the screen to keep its buttons disabled."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import QGuiApplication

from waystation.errors import WaystationError
from waystation.i18n import _

log = logging.getLogger(__name__)


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(str)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except WaystationError as exc:
            self._relay.failed.emit(exc.message)
        except Exception as exc:  # a bug: logged by type only, the message may quote personal data
            log.error("a background vault operation failed: %s", type(exc).__name__)
            self._relay.failed.emit(_("The operation failed because of an error in Waystation."))
        else:
            self._relay.done.emit(result)


class BackgroundTask(QObject):
    """At most one operation at a time; ``finished`` is emitted after its callback ran."""

    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._done, Qt.ConnectionType.QueuedConnection)
        self._relay.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self._on_done: Callable[[Any], None] | None = None
        self._on_failed: Callable[[str], None] | None = None

    @property
    def running(self) -> bool:
        return self._on_done is not None

    def start(
        self, work: Callable[[], Any], on_done: Callable[[Any], None], on_failed: Callable[[str], None]
    ) -> None:
        if self.running:
            return
        self._on_done, self._on_failed = on_done, on_failed
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self._pool.start(_Job(work, self._relay))

    def wait(self) -> None:
        """Block until the worker is idle (for shutdown and tests)."""
        self._pool.waitForDone()

    def _finish(self) -> tuple[Callable[[Any], None] | None, Callable[[str], None] | None]:
        callbacks = (self._on_done, self._on_failed)
        self._on_done = self._on_failed = None
        QGuiApplication.restoreOverrideCursor()
        return callbacks

    @Slot(object)
    def _done(self, result: object) -> None:
        on_done, _on_failed = self._finish()
        if on_done is not None:
            on_done(result)
        self.finished.emit()

    @Slot(str)
    def _failed(self, message: str) -> None:
        _on_done, on_failed = self._finish()
        if on_failed is not None:
            on_failed(message)
        self.finished.emit()
