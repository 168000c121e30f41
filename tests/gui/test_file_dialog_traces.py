"""Qt's own file dialog, the real class (not the scripted seam): after choosing a vault, the
file Qt keeps its dialog state in (QtProject.conf) names neither the vault nor its folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from waystation.ui.dialogs import FileDialogs

CANARY = "Kanareykina-Folder"


@pytest.fixture
def qt_settings_folder(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "qt-config"
    folder.mkdir()
    for scope_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(scope_format, QSettings.Scope.UserScope, str(folder))
    yield folder
    for scope_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(scope_format, QSettings.Scope.UserScope, str(Path.home() / ".config"))


def answer_with(path: Path) -> QTimer:
    """Accept the first file dialog that appears, with ``path`` chosen."""
    timer = QTimer()

    def choose() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog)]
        if not dialogs:
            return
        timer.stop()
        dialog = dialogs[0]
        dialog.setDirectory(str(path.parent))
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        name.setText(str(path))  # what a person types; Qt checks the file exists
        dialog.accept()

    timer.timeout.connect(choose)
    timer.start(50)
    return timer


@pytest.mark.qt_log_ignore(".*")
def test_choosing_a_vault_leaves_no_trace_in_qt_settings(
    qtbot: object, qt_settings_folder: Path, tmp_path: Path
) -> None:
    folder = tmp_path / CANARY
    folder.mkdir()
    vault = folder / "maria.vault"
    vault.write_bytes(b"\0" * 4096)
    timer = answer_with(vault)
    chosen = FileDialogs().open_vault(None)
    timer.stop()
    assert chosen == vault
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    written = list(qt_settings_folder.rglob("*"))
    assert written, "Qt wrote no settings at all: the test would prove nothing"
    for path in written:
        if path.is_file():
            assert CANARY not in path.read_text("utf-8", "replace"), path
            assert "maria" not in path.read_text("utf-8", "replace"), path
