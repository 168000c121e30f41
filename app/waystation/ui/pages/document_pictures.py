"""Pictures of stored documents, made off the UI thread: reading a scan of several megabytes out of
the vault and decoding it takes long enough to stall the window, so the list and the details show
an icon at once and the picture when it is ready. Pictures are kept in memory only (QImage made on
the worker, QPixmap on the UI thread) and forgotten when the vault locks."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtGui import QImage

from waystation.errors import WaystationError
from waystation.ui.widgets.thumbnail import describe, thumbnail_image
from waystation.vault.models import DocumentInfo

log = logging.getLogger(__name__)

Fetch = Callable[[int], bytes]  # a document's bytes, by its id


@dataclass(frozen=True)
class Picture:
    document_id: int
    sha256: str
    mime: str
    size: int
    image: QImage | None  # None: not an image Qt can read (an icon stands in)
    description: str  # "PDF, 2 pages", "Image, 900 × 620 pixels"


class _Relay(QObject):
    loaded = Signal(int, object)  # generation, Picture


class PictureLoader(QObject):
    """Loads one picture at a time, in the order asked; each (document, size) once."""

    loaded = Signal(object)  # Picture

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)  # before the relay: deleted first, waiting for a running job
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.loaded.connect(self._loaded, Qt.ConnectionType.QueuedConnection)
        self._generation = 0
        self._pending: set[tuple[int, str, int]] = set()

    def request(self, info: DocumentInfo, size: int, ratio: float, fetch: Fetch) -> None:
        key = (info.id, info.sha256, size)
        if key in self._pending:
            return
        self._pending.add(key)
        generation, relay = self._generation, self._relay

        def work() -> None:
            relay.loaded.emit(generation, _make(info, size, ratio, fetch))

        self._pool.start(work)

    def forget(self) -> None:
        """Drop every request and whatever is still on its way (the vault locked)."""
        self._generation += 1
        self._pending.clear()
        self._pool.clear()

    def wait(self, milliseconds: int = 30_000) -> bool:
        return self._pool.waitForDone(milliseconds)

    def _loaded(self, generation: int, picture: Picture) -> None:
        if generation != self._generation:
            return
        self._pending.discard((picture.document_id, picture.sha256, picture.size))
        self.loaded.emit(picture)


def _make(info: DocumentInfo, size: int, ratio: float, fetch: Fetch) -> Picture:
    try:
        data = fetch(info.id)
        image = thumbnail_image(data, info.mime_type, size, ratio)
        return Picture(info.id, info.sha256, info.mime_type, size, image, describe(data, info.mime_type))
    except WaystationError:  # locked meanwhile, or damaged: the icon stays
        return Picture(info.id, info.sha256, info.mime_type, size, None, "")
    except Exception as exc:  # a bug: by type only, the message may quote a name
        log.error("a document's picture could not be made: %s", type(exc).__name__)
        return Picture(info.id, info.sha256, info.mime_type, size, None, "")
