"""PySide's import hook, lightened (ui/pyside_imports.py): the same answer for every module — does
its source mention PySide6 — from one read of the file instead of ``inspect.getsource``."""

from __future__ import annotations

import inspect
import sys
import zipfile
from pathlib import Path
from types import ModuleType

from waystation.ui.pyside_imports import lighten_import_hook, reading_bytes


def pyside_way(module: ModuleType) -> bool:
    """What PySide's own check answers (shibokensupport.feature._mod_uses_pyside)."""
    try:
        return "PySide6" in inspect.getsource(module)
    except (TypeError, OSError, SyntaxError):
        return False


def test_the_hook_is_replaced_once() -> None:
    assert lighten_import_hook() is True
    feature = sys.modules["shibokensupport.feature"]
    installed = feature._mod_uses_pyside
    assert installed.__name__ == "mentions_pyside"
    assert lighten_import_hook() is True
    assert feature._mod_uses_pyside is installed  # not wrapped twice


def test_every_loaded_module_gets_the_answer_pyside_would_give() -> None:
    import waystation.ui.helpdesk.desk_window  # noqa: F401  (the app's window and all it imports)

    check = reading_bytes(pyside_way)
    modules = [module for module in list(sys.modules.values()) if isinstance(module, ModuleType)]
    assert len(modules) > 300
    users = {module.__name__ for module in modules if check(module)}
    assert "waystation.ui.main_window" in users and "waystation.vault.connection" not in users
    for module in modules:
        assert check(module) == pyside_way(module), module.__name__


def test_what_has_no_readable_file_is_asked_the_way_pyside_asks(tmp_path: Path) -> None:
    asked: list[str] = []

    def original(module: ModuleType) -> bool:
        asked.append(module.__name__)
        return pyside_way(module)

    check = reading_bytes(original)
    assert check(sys) is False  # built in: no file
    gone = ModuleType("gone")
    gone.__file__ = str(tmp_path / "gone.py")  # a file that is not there
    assert check(gone) is False
    archive = tmp_path / "zipped.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("zipped_user.py", "import PySide6\n")
    sys.path.insert(0, str(archive))
    try:
        import zipped_user  # type: ignore[import-not-found]

        assert check(zipped_user) is True  # read through its loader, as PySide does
    finally:
        sys.path.remove(str(archive))
        sys.modules.pop("zipped_user", None)
    assert asked == ["sys", "gone", "zipped_user"]
