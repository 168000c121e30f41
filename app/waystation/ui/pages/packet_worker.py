"""Building a packet off the UI thread. ``PacketBuild`` lives on the UI thread and runs one
``PacketJob`` at a time on its own thread pool; the job reports through queued signals, and a job
that was cancelled or replaced is never heard from again (its late news is dropped here, so a
packet finished just after the vault locked never reaches a screen)."""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal

from waystation.errors import WaystationError
from waystation.i18n import _
from waystation.packets.request import PacketCancelled, PacketRequest, PacketResult

log = logging.getLogger(__name__)


class _Relay(QObject):
    """The jobs' voice. Owned by a PacketBuild (so deleted on the UI thread, never by a worker);
    each signal names its job, so the receiver can tell a replaced job's late news."""

    progressed = Signal(object, int, int, str)
    built = Signal(object, object)  # job, PacketResult
    failed = Signal(object, str)
    stopped = Signal(object)


class PacketJob:
    """One build. ``run`` is called on the worker thread, ``cancel`` from the UI thread."""

    def __init__(self, request: PacketRequest, relay: _Relay) -> None:
        self._request: PacketRequest | None = request
        self._relay = relay
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        request, self._request = self._request, None  # the job holds the data only until it runs
        if request is None:
            return
        if self.is_cancelled():  # forgotten while it waited for the thread
            self._relay.stopped.emit(self)
            return
        # ReportLab, pypdf and Pillow load with the first packet, not with the app
        from waystation.packets.builder import build_packet

        try:
            result = build_packet(request, progress=self._progress, cancelled=self._cancel.is_set)
        except PacketCancelled:
            self._relay.stopped.emit(self)
        except WaystationError as exc:
            self._ended_by(exc.message)
        except Exception as exc:  # a bug: logged without its message, which may quote personal data
            log.error("building a packet failed: %s", type(exc).__name__)
            self._ended_by(_("The packet could not be built because of an error in Waystation."))
        else:
            if self.is_cancelled():
                self._relay.stopped.emit(self)
            else:
                self._relay.built.emit(self, result)

    def _ended_by(self, message: str) -> None:
        # a vault locked under the build makes its reads fail: that is the cancel, not an error
        if self.is_cancelled():
            self._relay.stopped.emit(self)
        else:
            self._relay.failed.emit(self, message)

    def _progress(self, done: int, total: int, message: str) -> None:
        self._relay.progressed.emit(self, done, total, message)


class PacketBuild(QObject):
    """The page's side of the worker: start, cancel, and the outcome of the current job only."""

    progressed = Signal(int, int, str)
    built = Signal(object)  # PacketResult
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # created before the relay, so deleted first: its destructor waits for a running job
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        queued = Qt.ConnectionType.QueuedConnection
        self._relay.progressed.connect(self._progressed, queued)
        self._relay.built.connect(self._built, queued)
        self._relay.failed.connect(self._failed, queued)
        self._relay.stopped.connect(self._stopped, queued)
        self.job: PacketJob | None = None

    @property
    def running(self) -> bool:
        return self.job is not None

    def start(self, request: PacketRequest) -> PacketJob:
        self.forget()
        job = PacketJob(request, self._relay)
        self.job = job
        self._pool.start(job.run)
        return job

    def cancel(self) -> None:
        """Ask the running job to stop; ``cancelled`` follows once it has."""
        if self.job is not None:
            self.job.cancel()

    def forget(self) -> None:
        """Stop the running job and drop whatever it still sends (the vault locked)."""
        if self.job is not None:
            self.job.cancel()
            self.job = None

    def wait(self, milliseconds: int = 30_000) -> bool:
        """Block until the worker thread is idle (tests, and closing the app)."""
        return self._pool.waitForDone(milliseconds)

    def _progressed(self, job: PacketJob, done: int, total: int, text: str) -> None:
        if job is self.job and not job.is_cancelled():
            self.progressed.emit(done, total, text)

    def _built(self, job: PacketJob, result: PacketResult) -> None:
        if job is self.job:
            self.job = None
            self.built.emit(result)

    def _failed(self, job: PacketJob, message: str) -> None:
        if job is self.job:
            self.job = None
            self.failed.emit(message)

    def _stopped(self, job: PacketJob) -> None:
        if job is self.job:
            self.job = None
            self.cancelled.emit()
