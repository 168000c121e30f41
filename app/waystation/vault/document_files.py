"""Reading a file the person hands to Waystation (a scan to keep, a profile to import, a form to
fill): only a regular file, never more than a hard limit (a FIFO or /dev/zero reports a size of 0
and would never end), and the reason in words when it cannot be read.

``read_regular_file`` does the reading and says *why* a file was refused (``FileRefused.reason``);
each caller words that for its own situation. ``read_document_file`` is the wording for a document
added to the vault: short phrases the caller puts after the file's name."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Literal

from waystation.errors import InvalidInput, StorageFailure
from waystation.i18n import _

MAX_DOCUMENT_BYTES = 64 * 1024 * 1024
_CHUNK = 1024 * 1024

Reason = Literal["missing", "folder", "not_regular", "too_large", "empty"]


class FileRefused(Exception):
    """The file cannot be used; ``reason`` says why (the caller words it)."""

    def __init__(self, reason: Reason) -> None:
        super().__init__(reason)
        self.reason: Reason = reason


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them. Raises FileRefused
    (missing, a folder, not a regular file, larger than ``limit``, empty) or OSError (the disk
    or the permissions refused)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise FileRefused("missing") from None
    if stat.S_ISDIR(info.st_mode):
        raise FileRefused("folder")
    if not stat.S_ISREG(info.st_mode):
        raise FileRefused("not_regular")
    if info.st_size > limit:
        raise FileRefused("too_large")
    try:
        # O_NONBLOCK: a file swapped for a FIFO after the check must not hang the reading
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise FileRefused("missing") from None
    except IsADirectoryError:
        raise FileRefused("folder") from None
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            raise FileRefused("not_regular")
        chunks: list[bytes] = []
        total = 0
        while chunk := os.read(handle, _CHUNK):
            total += len(chunk)
            if total > limit:  # the file grew after the check: the limit still holds
                raise FileRefused("too_large")
            chunks.append(chunk)
    finally:
        os.close(handle)
    if not chunks:
        raise FileRefused("empty")
    return b"".join(chunks)


def too_large(limit: int = MAX_DOCUMENT_BYTES) -> InvalidInput:
    return InvalidInput(_("larger than {limit} MB; it was not added.").format(limit=limit // (1024 * 1024)))


def read_document_file(path: Path, limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    """The bytes of the file at ``path``; InvalidInput or StorageFailure naming the problem."""
    try:
        return read_regular_file(path, limit)
    except FileRefused as refused:
        raise _document_problem(refused.reason, limit) from None
    except OSError as exc:
        if exc.errno == errno.EISDIR:
            raise InvalidInput(_("this is a folder; add the files in it instead.")) from None
        raise StorageFailure(_("cannot be read ({error}).").format(error=exc.strerror)) from None


def _document_problem(reason: Reason, limit: int) -> InvalidInput:
    if reason == "missing":
        return InvalidInput(_("the file is no longer there."))
    if reason == "folder":
        return InvalidInput(_("this is a folder; add the files in it instead."))
    if reason == "not_regular":
        return InvalidInput(_("this is not an ordinary file; it was not added."))
    if reason == "too_large":
        return too_large(limit)
    return InvalidInput(_("the file is empty; it was not added."))
