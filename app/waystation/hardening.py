"""Process hardening done first thing at start, by the command line and the desktop app alike.

A core dump of a process that has held a passphrase contains it (Python strings cannot be wiped),
and after Lock it may still contain names and passport numbers. Preventing the dump is the only
defence, so core dumps are turned off (RLIMIT_CORE 0) and, on Linux, the process is marked not
dumpable (PR_SET_DUMPABLE 0), which also keeps other processes of the same user from reading its
memory through /proc or ptrace (debuggers need root then). Where the platform has neither, nothing
happens: docs/threat-model.md says what remains.
"""

from __future__ import annotations

import contextlib
import ctypes
import signal
import sys

PR_SET_DUMPABLE = 4


def survive_file_size_limits() -> None:
    """Under RLIMIT_FSIZE, writing past the limit sends SIGXFSZ, which kills the process before
    any message; ignored, the write fails with EFBIG instead and the user gets one clear line."""
    with contextlib.suppress(AttributeError, ValueError, OSError):
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def disable_core_dumps() -> bool:
    """Turn core dumps off for this process and its children; True when every step worked."""
    done = True
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):  # no resource module (Windows), or refused
        done = False
    if sys.platform.startswith("linux"):
        done = _not_dumpable() and done
    return done


def _not_dumpable() -> bool:
    try:
        libc = _libc()
        return int(libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def is_dumpable() -> bool | None:
    """The kernel's view of this process (Linux), for tests and ``--selftest``; None elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    libc = _libc()
    PR_GET_DUMPABLE = 3  # noqa: N806 (the kernel's name)
    return bool(libc.prctl(PR_GET_DUMPABLE, 0, 0, 0, 0))


def _libc() -> ctypes.CDLL:
    """The C library this process already has loaded (Linux): its symbols, without searching the
    disk for it (``ctypes.util.find_library`` runs ``ldconfig``, which costs start-up time)."""
    return ctypes.CDLL(None, use_errno=True)
