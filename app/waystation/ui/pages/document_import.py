"""Adding documents off the UI thread, in two passes with the add dialog between them.

Reading: each file is read (regular files only, within the vault's size limit), hashed, recognised,
and pictured in memory; files already in the vault are named, not added twice. Only what the dialog
needs is kept (the pictures and the hash, not the bytes), so a large batch does not fill memory.
Writing: each file is read again, checked against the hash the person saw, and stored in the vault
in a transaction of its own. Either pass can be cancelled between two files; what was stored stays.

``ImportWorker`` lives on the UI thread and runs one job at a time on its own thread pool; a job
that was cancelled or replaced is never heard from again (its late news is dropped here, so a job
that ends just after the vault locked never reaches a screen)."""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtGui import QImage

from waystation.errors import WaystationError
from waystation.i18n import _, ngettext
from waystation.ui.pages.document_fields import DocumentValues
from waystation.ui.widgets.thumbnail import describe, thumbnail_image
from waystation.vault.document_files import read_document_file
from waystation.vault.filetypes import sniff_mime
from waystation.vault.models import DocumentInfo

log = logging.getLogger(__name__)

MAX_FILES_AT_ONCE = 50
Progress = Callable[[int, int, str], None]  # files done, files in all, the file at hand
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class ReadFile:
    """A file ready for the add dialog (the bytes were let go)."""

    path: Path
    size: int
    mime: str
    sha256: str
    description: str  # "PDF, 2 pages", "Image, 900 × 620 pixels"
    picture: QImage | None  # fits the details' picture, at the screen's pixel ratio; None: not an image


@dataclass(frozen=True)
class Refused:
    name: str
    problem: str

    def text(self) -> str:
        return _("{name}: {problem}").format(name=self.name, problem=self.problem)


@dataclass(frozen=True)
class Reading:
    files: tuple[ReadFile, ...]
    refused: tuple[Refused, ...]
    cancelled: bool = False


@dataclass(frozen=True)
class Addition:
    file: ReadFile
    values: DocumentValues


@dataclass(frozen=True)
class Writing:
    added: tuple[tuple[DocumentInfo, ReadFile], ...]
    refused: tuple[Refused, ...]
    wanted: int
    cancelled: bool = False


def _at_once() -> str:
    return ngettext(
        "only {n} file is added at once; add this one afterwards.",
        "only {n} files are added at once; add this one afterwards.",
        MAX_FILES_AT_ONCE,
    ).format(n=MAX_FILES_AT_ONCE)


def read_files(
    paths: Sequence[Path],
    known: Mapping[str, str],
    *,
    picture_size: int,
    ratio: float,
    progress: Progress,
    cancelled: Cancelled,
) -> Reading:
    """``known`` maps the hash of every stored document to its title."""
    files: list[ReadFile] = []
    refused: list[Refused] = []
    seen: dict[str, str] = {}
    for number, path in enumerate(paths):
        if cancelled():
            return Reading(tuple(files), tuple(refused), cancelled=True)
        if number >= MAX_FILES_AT_ONCE:
            refused.append(Refused(path.name, _at_once()))
            continue
        progress(number, len(paths), path.name)
        try:
            data = read_document_file(path)
        except WaystationError as exc:
            refused.append(Refused(path.name or str(path), exc.message))
            continue
        digest = hashlib.sha256(data).hexdigest()
        if digest in known:
            refused.append(
                Refused(
                    path.name,
                    _("already in the vault as “{title}”; it was not added again.").format(
                        title=known[digest]
                    ),
                )
            )
            continue
        if digest in seen:
            refused.append(
                Refused(path.name, _("the same file as {name}; it is added once.").format(name=seen[digest]))
            )
            continue
        seen[digest] = path.name
        mime = sniff_mime(data, path.name)
        picture = thumbnail_image(data, mime, picture_size, ratio)
        files.append(ReadFile(path, len(data), mime, digest, describe(data, mime), picture))
    progress(len(paths), len(paths), "")
    return Reading(tuple(files), tuple(refused))


def write_files(
    additions: Sequence[Addition],
    add: Callable[..., DocumentInfo],
    *,
    today: date,
    progress: Progress,
    cancelled: Cancelled,
) -> Writing:
    """Store each addition with ``add`` (the vault's ``documents.add``); stop between two files
    when cancelled."""
    added: list[tuple[DocumentInfo, ReadFile]] = []
    refused: list[Refused] = []
    for number, addition in enumerate(additions):
        if cancelled():
            return Writing(tuple(added), tuple(refused), len(additions), cancelled=True)
        file, values = addition.file, addition.values
        progress(number, len(additions), file.path.name)
        try:
            data = read_document_file(file.path)
            if hashlib.sha256(data).hexdigest() != file.sha256:
                refused.append(
                    Refused(file.path.name, _("the file changed after it was read; add it again."))
                )
                continue
            info = add(
                data,
                kind=values.kind,
                original_name=file.path.name,
                title=values.title,
                issued=values.issued,
                expires=values.expires,
                added=today,
                passport_number=values.passport_number,
            )
        except WaystationError as exc:
            refused.append(Refused(file.path.name, exc.message))
            continue
        added.append((info, file))
    progress(len(additions), len(additions), "")
    return Writing(tuple(added), tuple(refused), len(additions))


Work = Callable[[Progress, Cancelled], Any]


class _Relay(QObject):
    """The jobs' voice, owned by the worker (so deleted on the UI thread); each signal names its
    job, so the worker can tell a replaced job's late news."""

    progressed = Signal(object, int, int, str)
    done = Signal(object, object)
    failed = Signal(object, str)


class ImportJob:
    def __init__(self, work: Work, relay: _Relay) -> None:
        self._work: Work | None = work
        self._relay = relay
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        work, self._work = self._work, None
        if work is None:
            return
        try:
            result = work(self._progress, self._cancel.is_set)
        except WaystationError as exc:
            self._relay.failed.emit(self, exc.message)
        except Exception as exc:  # a bug: logged by type only, the message may quote a file name
            log.error("adding documents failed: %s", type(exc).__name__)
            self._relay.failed.emit(
                self, _("The documents could not be added because of an error in Waystation.")
            )
        else:
            self._relay.done.emit(self, result)

    def _progress(self, done: int, total: int, name: str) -> None:
        self._relay.progressed.emit(self, done, total, name)


class ImportWorker(QObject):
    progressed = Signal(int, int, str)
    done = Signal(object)  # the work's result: Reading or Writing
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # created before the relay, so deleted first: its destructor waits for a running job
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        queued = Qt.ConnectionType.QueuedConnection
        self._relay.progressed.connect(self._progressed, queued)
        self._relay.done.connect(self._done, queued)
        self._relay.failed.connect(self._failed, queued)
        self.job: ImportJob | None = None

    @property
    def running(self) -> bool:
        return self.job is not None

    def start(self, work: Work) -> ImportJob:
        self.forget()
        job = ImportJob(work, self._relay)
        self.job = job
        self._pool.start(job.run)
        return job

    def cancel(self) -> None:
        """Ask the job to stop after the file at hand; its result (marked cancelled) follows."""
        if self.job is not None:
            self.job.cancel()

    def forget(self) -> None:
        """Stop the job and drop whatever it still sends (the vault locked)."""
        if self.job is not None:
            self.job.cancel()
            self.job = None

    def wait(self, milliseconds: int = 30_000) -> bool:
        """Block until the worker thread is idle (tests, and closing the app)."""
        return self._pool.waitForDone(milliseconds)

    def _progressed(self, job: ImportJob, done: int, total: int, name: str) -> None:
        if job is self.job:
            self.progressed.emit(done, total, name)

    def _done(self, job: ImportJob, result: object) -> None:
        if job is self.job:
            self.job = None
            self.done.emit(result)

    def _failed(self, job: ImportJob, message: str) -> None:
        if job is self.job:
            self.job = None
            self.failed.emit(message)
