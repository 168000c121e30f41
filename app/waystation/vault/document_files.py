"""Reading a file the person wants to keep in the vault: only a regular file, never more than the
vault takes (a FIFO or /dev/zero reports a size of 0 and would never end), and the reason in words
when it cannot be read. The problems are short phrases the caller puts after the file's name."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from waystation.errors import InvalidInput, StorageFailure
from waystation.i18n import _

MAX_DOCUMENT_BYTES = 64 * 1024 * 1024
_CHUNK = 1024 * 1024


def too_large(limit: int = MAX_DOCUMENT_BYTES) -> InvalidInput:
    return InvalidInput(_("larger than {limit} MB; it was not added.").format(limit=limit // (1024 * 1024)))


def read_document_file(path: Path, limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    """The bytes of the file at ``path``; InvalidInput or StorageFailure naming the problem."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise InvalidInput(_("this is a folder; add the files in it instead."))
        if not stat.S_ISREG(info.st_mode):
            raise InvalidInput(_("this is not an ordinary file; it was not added."))
        if info.st_size > limit:
            raise too_large(limit)
        # O_NONBLOCK: a file swapped for a FIFO after the check must not hang the reading
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        try:
            if not stat.S_ISREG(os.fstat(handle).st_mode):
                raise InvalidInput(_("this is not an ordinary file; it was not added."))
            chunks: list[bytes] = []
            total = 0
            while chunk := os.read(handle, _CHUNK):
                total += len(chunk)
                if total > limit:
                    raise too_large(limit)
                chunks.append(chunk)
        finally:
            os.close(handle)
    except FileNotFoundError:
        raise InvalidInput(_("the file is no longer there.")) from None
    except OSError as exc:
        if exc.errno == errno.EISDIR:
            raise InvalidInput(_("this is a folder; add the files in it instead.")) from None
        raise StorageFailure(_("cannot be read ({error}).").format(error=exc.strerror)) from None
    data = b"".join(chunks)
    if not data:
        raise InvalidInput(_("the file is empty; it was not added."))
    return data
