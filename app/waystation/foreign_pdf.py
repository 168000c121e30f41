"""PDFs a person brings — scans kept in the vault, then spliced into packets or counted for the
documents screen — opened with limits, never without them.

A PDF is a program-like format: a small file can declare a million pages, hold a stream that
inflates to gigabytes, or an object graph that takes minutes to walk. Everything Waystation does
with a foreign PDF runs inside ``limited()``:

- **pages**: at most ``MAX_PAGES`` (and the page tree is bounded in entries and depth);
- **objects**: at most ``MAX_OBJECTS`` in the cross-reference table, before any is parsed;
- **streams**: no stream may declare, or inflate to, more than ``MAX_STREAM_BYTES``
  (Flate, LZW, run-length, JBIG2, Brotli alike); arrays and dictionaries are bounded too;
- **time**: a budget (``TIME_BUDGET`` seconds) checked between pages and while a page's
  objects are walked (pdf_pages.py), so no loop over a hostile file runs for long.

The limits are pypdf's own (its ``Configuration``), tightened for this context only: they live
in a context variable, so they hold for the thread that opened the PDF and nowhere else. The
time budget is checked at those points, not by interrupting pypdf: a single pypdf call between two
checks is bounded by the size limits above, not by the clock.

Neutral ground: packets/ uses this, the desktop app's document pictures do, and forms/ reads and
fills official forms inside it (``forms.source.form_limits``). No Qt here.
"""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Literal

from pypdf import PdfReader, apply_configuration
from pypdf.errors import LimitReachedError

from waystation.errors import WaystationError
from waystation.i18n import _

MAX_PAGES = 500
MAX_OBJECTS = 100_000  # a 100-page scan has a few hundred
MAX_STREAM_BYTES = 64 * 1024 * 1024  # as large as a whole document may be (document_files.py)
MAX_ELEMENTS = 100_000  # items of one array, entries of one dictionary
TIME_BUDGET = 30.0  # seconds for one PDF: checking it, or putting its pages into a packet

Reason = Literal["damaged", "encrypted", "empty", "pages", "objects", "limits", "time"]

_LIMITS = {
    "maximum_declared_stream_length": MAX_STREAM_BYTES,
    "array_based_stream_maximum_output_length": MAX_STREAM_BYTES,
    "jbig2_maximum_output_length": MAX_STREAM_BYTES,
    "lzw_maximum_output_length": MAX_STREAM_BYTES,
    "run_length_maximum_output_length": MAX_STREAM_BYTES,
    "zlib_maximum_output_length": MAX_STREAM_BYTES,
    "brotli_maximum_output_length": MAX_STREAM_BYTES,
    "image_maximum_buffer_size": MAX_STREAM_BYTES,
    "stream_decoding_work_maximum_length": 4 * MAX_STREAM_BYTES,
    "array_maximum_element_count": MAX_ELEMENTS,
    "dictionary_maximum_element_count": MAX_ELEMENTS,
    "page_tree_maximum_entries": 4 * MAX_PAGES,
    "page_tree_maximum_depth": 32,
    "page_tree_maximum_page_entries": 100 * MAX_PAGES,
}

_deadline: ContextVar[float | None] = ContextVar("waystation_pdf_deadline", default=None)


class PdfRefused(Exception):
    """A foreign PDF that cannot be used; ``reason`` says why, ``phrase()`` in words."""

    def __init__(self, reason: Reason, pages: int = 0) -> None:
        super().__init__(reason)
        self.reason: Reason = reason
        self.pages = pages

    def phrase(self) -> str:
        """A short translated phrase, to follow the document's name."""
        if self.reason == "encrypted":
            return _("the PDF is protected by a password")
        if self.reason == "empty":
            return _("the PDF has no pages")
        if self.reason == "pages":
            return _("the PDF has {n} pages; Waystation reads PDFs of up to {limit} pages").format(
                n=self.pages, limit=MAX_PAGES
            )
        if self.reason in ("objects", "limits"):
            return _("the PDF is too large or too complex inside to read safely")
        if self.reason == "time":
            return _("reading the PDF took too long; it was stopped")
        return _("the PDF is damaged or cannot be read")


@contextmanager
def limited(seconds: float = TIME_BUDGET) -> Iterator[None]:
    """Run the block with pypdf's limits tightened and a time budget; pypdf's failures inside
    come out as PdfRefused (the caller's own typed errors pass through)."""
    token = _deadline.set(time.monotonic() + seconds)
    try:
        with apply_configuration(None, **_LIMITS):
            yield
    except (PdfRefused, WaystationError):
        raise
    except (LimitReachedError, MemoryError) as exc:
        raise PdfRefused("limits") from exc
    except Exception as exc:  # pypdf raises many kinds of errors on damaged files
        raise PdfRefused("damaged") from exc
    finally:
        _deadline.reset(token)


def check_time() -> None:
    """PdfRefused("time") once the budget of the enclosing ``limited()`` is spent."""
    deadline = _deadline.get()
    if deadline is not None and time.monotonic() > deadline:
        raise PdfRefused("time")


def open_limited(data: bytes, password: str = "") -> PdfReader:
    """A reader on a foreign PDF, checked against the object and page limits and decrypted with
    ``password`` (an empty one opens PDFs that only restrict editing). Call it, and use the
    reader, inside ``limited()``."""
    if _deadline.get() is None:
        raise RuntimeError("open_limited() outside limited()")
    reader = PdfReader(io.BytesIO(data), strict=False)
    objects = sum(len(table) for table in reader.xref.values()) + len(reader.xref_objStm)
    if objects > MAX_OBJECTS:
        raise PdfRefused("objects")
    if reader.is_encrypted and not reader.decrypt(password):
        raise PdfRefused("encrypted")
    pages = len(reader.pages)
    if pages > MAX_PAGES:
        raise PdfRefused("pages", pages)
    if pages < 1:
        raise PdfRefused("empty")
    check_time()
    return reader


def page_count(data: bytes) -> int:
    """How many pages a foreign PDF has; PdfRefused when it is over a limit or unreadable."""
    with limited():
        return len(open_limited(data).pages)
