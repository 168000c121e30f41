"""PySide6's import hook, made to read less at start-up.

Once ``PySide6.QtCore`` is loaded, PySide looks at every module imported after it, to know whether
the module uses PySide (for its opt-in ``from __feature__ import ...`` syntax, which Waystation does
not use). It finds out with ``inspect.getsource``: each module's source is read, decoded, split into
lines and kept in ``linecache``, and ``inspect.getmodule`` scans ``sys.modules``. For the ~100
modules the first window imports that is 8–15 ms of the start.

:func:`lighten_import_hook` gives PySide the same answer — does the module's source file mention
``PySide6`` — from one read of the file's bytes. Anything else (built-in and extension modules, a
source inside an archive, a file that cannot be read) is still asked the way PySide asks. If a
PySide version has no such hook, nothing is changed."""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

_HOOK_MODULE = "shibokensupport.feature"
_HOOK = "_mod_uses_pyside"
_MARK = "_waystation_reads_bytes"


def lighten_import_hook() -> bool:
    """Install the byte-reading check (once); True if PySide has the hook this replaces."""
    import PySide6.QtCore  # noqa: F401  (loads the hook module)

    feature = sys.modules.get(_HOOK_MODULE)
    original = getattr(feature, _HOOK, None)
    if feature is None or not callable(original):
        return False
    if not getattr(original, _MARK, False):
        setattr(feature, _HOOK, reading_bytes(original))
    return True


def reading_bytes(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def mentions_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            with open(path, "rb") as source:  # noqa: PTH123 (pathlib costs more than the read here)
                return b"PySide6" in source.read()
        except OSError:
            return original(module)

    setattr(mentions_pyside, _MARK, True)
    return mentions_pyside
