"""One install at a time. The lock is the operating system's lock on an open file (``flock`` /
``LockFileEx``), not the file's existence: a process killed mid-install releases it with its
last breath, so nothing stale is ever left behind. A second process waits a little, then gives up
with a clear message (exit 5)."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

from waystation.i18n import _
from waystation.updates.atomic import make_folder, storage_failure
from waystation.updates.errors import UpdatesBusy

LOCK_NAME = "install.lock"
DEFAULT_WAIT_SECONDS = 20.0


def _try_lock(fd: int) -> bool:
    if os.name == "nt":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined,unused-ignore]
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


@contextlib.contextmanager
def exclusive(folder: Path, wait_seconds: float = DEFAULT_WAIT_SECONDS) -> Iterator[None]:
    """Hold the install lock of ``folder`` (created if missing) while the block runs."""
    make_folder(folder)
    try:
        fd = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise storage_failure(folder, exc) from None
    try:
        deadline = time.monotonic() + wait_seconds
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                raise UpdatesBusy(
                    _(
                        "Another Waystation is changing the installed guides right now; nothing was "
                        "changed. Try again when it has finished."
                    )
                )
            time.sleep(0.1)
        yield
    finally:
        os.close(fd)  # closing the file releases the lock
