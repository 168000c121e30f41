"""Work on a built packet off the UI thread: drawing its pages for the preview, and printing.

A ``PageTask`` runs one piece of work at a time on its own thread. The work reports each step
(``report(done, total, payload)``) and looks at ``cancelled()`` between steps; its news reaches
the UI thread through queued signals, and the news of a job that was forgotten (a new packet, or
the vault locked) is dropped, so a page drawn just after a lock never reaches the screen.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal

from waystation.errors import WaystationError

log = logging.getLogger(__name__)

Report = Callable[[int, int, object], None]
Cancelled = Callable[[], bool]
Work = Callable[[Report, Cancelled], object]


class _Relay(QObject):
    progressed = Signal(object, int, int, object)  # job, done, total, payload
    finished = Signal(object, object)  # job, result
    failed = Signal(object, str)


class _Job:
    def __init__(self, work: Work, relay: _Relay, bug_message: Callable[[], str]) -> None:
        self._work: Work | None = work
        self._relay = relay
        self._bug_message = bug_message
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        work, self._work = self._work, None  # the job holds the packet only until it runs
        if work is None or self.is_cancelled():
            return
        try:
            result = work(self._report, self._cancel.is_set)
        except WaystationError as exc:
            self._relay.failed.emit(self, exc.message)
        except Exception as exc:  # a bug: logged without its message, which may quote personal data
            log.error("work on a packet's pages failed: %s", type(exc).__name__)
            self._relay.failed.emit(self, self._bug_message())
        else:
            self._relay.finished.emit(self, result)

    def _report(self, done: int, total: int, payload: object) -> None:
        self._relay.progressed.emit(self, done, total, payload)


class PageTask(QObject):
    """Runs one piece of work on a packet at a time; ``bug_message`` says, translated, what
    failed when the work fails unexpectedly."""

    progressed = Signal(int, int, object)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, bug_message: Callable[[], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        # created before the relay, so deleted first: its destructor waits for a running job
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._bug_message = bug_message
        queued = Qt.ConnectionType.QueuedConnection
        self._relay.progressed.connect(self._progressed, queued)
        self._relay.finished.connect(self._finished, queued)
        self._relay.failed.connect(self._failed, queued)
        self.job: _Job | None = None

    @property
    def running(self) -> bool:
        return self.job is not None

    def start(self, work: Work) -> None:
        self.forget()
        job = _Job(work, self._relay, self._bug_message)
        self.job = job
        self._pool.start(job.run)

    def forget(self) -> None:
        """Stop the running job at its next step and drop whatever it still sends."""
        if self.job is not None:
            self.job.cancel()
            self.job = None

    def wait(self, milliseconds: int = 30_000) -> bool:
        """Block until the thread is idle (tests, and closing the app)."""
        return self._pool.waitForDone(milliseconds)

    def _progressed(self, job: _Job, done: int, total: int, payload: object) -> None:
        if job is self.job and not job.is_cancelled():
            self.progressed.emit(done, total, payload)

    def _finished(self, job: _Job, result: object) -> None:
        if job is self.job:
            self.job = None
            self.finished.emit(result)

    def _failed(self, job: _Job, message: str) -> None:
        if job is self.job:
            self.job = None
            self.failed.emit(message)
