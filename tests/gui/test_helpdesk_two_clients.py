"""A day at a help desk with two clients on one laptop, driven as people would (the issue's proof).

Client A ("Canaryova Zlata") is a new client: the wizard, a scan added and previewed, a packet
built and previewed, a value copied, Qt's real file dialog used in a folder named after her, her
name searched in the checklists, a copy saved for herself. Then End session (Ctrl+Shift+E) — and
her name is nowhere: not in any widget of any window (visible or hidden), item model, window
title or undo history, not on the clipboard, not in Qt's file-dialog history, not in the app's
settings files or the desk's record. Client B then opens his own vault and works normally."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from tests.fakes import ScriptedDialogs
from tests.gui.helpdesk_support import (
    clipboard_texts,
    desk_window,
    end_session_by_keys,
    files_holding,
    new_client,
    open_client,
    qt_settings_folder,
    run_deferred_deletes,
    start_of,
    texts_anywhere,
)
from tests.gui.test_wizard import answer_host, finish
from waystation.helpdesk.desk_record import DeskRecord
from waystation.ui.dialogs import FileDialogs
from waystation.ui.helpdesk.desk_window import DeskWindow
from waystation.ui.pages.checklists import ChecklistsPage
from waystation.ui.pages.documents import DocumentsPage
from waystation.ui.pages.packets_page import PacketsPage
from waystation.ui.session import Session
from waystation.vault.connection import Vault
from waystation.vault.models import Host, Person, Profile, Stay

__all__ = ["qt_settings_folder"]

CANARY = "Canaryova"
FULL_NAME = "Canaryova Zlata"
PASS_A = "orchard lantern velvet quarry 42"
PASS_B = "harbour meadow copper violin 7"


def scan_named(folder: Path, name: str) -> Path:
    path = folder / name
    buffer = io.BytesIO()
    Image.new("RGB", (600, 400), "#2f6f8f").save(buffer, format="PNG")
    path.write_bytes(buffer.getvalue())
    return path


def use_the_real_file_dialog(folder: Path) -> None:
    """Qt's own dialog, in a folder named after the client (what the seam cannot show)."""
    chosen = folder / "a-vault.vault"
    chosen.write_bytes(b"\0" * 4096)
    timer = QTimer()

    def answer() -> None:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()]
        if found:
            timer.stop()
            found[0].setDirectory(str(folder))
            edit = found[0].findChild(QLineEdit, "fileNameEdit")
            assert edit is not None
            edit.setText(str(chosen))
            found[0].accept()

    timer.timeout.connect(answer)
    timer.start(50)
    assert FileDialogs().open_vault(None) == chosen
    timer.stop()


def client_a(
    qtbot: QtBot, window: DeskWindow, session: Session, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    new_client(qtbot, window, PASS_A)
    qtbot.waitUntil(lambda: window.first_run is not None and window.first_run.isVisible())
    wizard = window.first_run
    assert wizard is not None
    answer_host(wizard, "GE")
    wizard.purposes.boxes["work"].setChecked(True)
    wizard.next()
    wizard.names.edits["family_name"].setText(CANARY)
    wizard.names.edits["given_names"].setText("Zlata")
    wizard.next()
    wizard.citizenship.listed["RU"].setChecked(True)
    wizard.next()
    with qtbot.waitSignal(session.changed):
        finish(wizard)
    assert session.vault.profile.load().person.family_name == CANARY

    documents = window.workspace.show_page("documents")
    assert isinstance(documents, DocumentsPage)
    dialogs.answers.append([scan_named(tmp_path, f"{CANARY}-passport.png")])
    documents.add_button.click()
    qtbot.waitUntil(lambda: documents.adding.dialog is not None, timeout=10_000)
    assert documents.adding.dialog is not None
    with qtbot.waitSignal(documents.added, timeout=10_000):
        documents.adding.dialog.add_button.click()
    documents.preview()

    packets = window.workspace.show_page("packets")
    assert isinstance(packets, PacketsPage)
    with qtbot.waitSignal(packets.packet_ready, timeout=30_000):
        packets.build_button.click()
    assert packets.preview.pages

    checklists = window.workspace.show_page("checklists")
    assert isinstance(checklists, ChecklistsPage)
    checklists.search.setText(CANARY)

    session.copy(FULL_NAME)  # a Copy button
    QGuiApplication.clipboard().setText(f"typed by {CANARY}")  # Ctrl+C in a field
    named = tmp_path / f"{CANARY} papers"
    named.mkdir()
    use_the_real_file_dialog(named)
    qt = QSettings(QSettings.Scope.UserScope, "QtProject")  # as a dialog that closed another way leaves it
    qt.setValue("FileDialog/history", [str(named)])
    qt.setValue("FileDialog/lastVisited", str(named))
    qt.sync()

    stick = tmp_path / "stick"
    stick.mkdir()
    dialogs.answers.append(stick / "mine")
    window.copy_action.trigger()
    dialog = window.handoff_dialog
    assert dialog is not None
    dialog.current.setText(PASS_A)
    with qtbot.waitSignal(dialog.saved, timeout=30_000):
        dialog.save_button.click()
    assert (stick / "mine.vault").exists()
    assert any(CANARY in text for _where, text in texts_anywhere())


@pytest.mark.slow
def test_a_day_with_two_clients(
    qtbot: QtBot,
    session: Session,
    dialogs: ScriptedDialogs,
    tmp_path: Path,
    qt_settings_folder: Path,
) -> None:
    window = desk_window(qtbot, session, dialogs, tmp_path)
    first_start = window.start
    client_a(qtbot, window, session, dialogs, tmp_path)
    old_pages = list(window.workspace.pages.values())

    end_session_by_keys(qtbot, window)
    run_deferred_deletes()

    assert not session.is_open and window.stack.currentWidget() is window.start
    assert window.start is not first_start and not isValid(first_start)
    assert not any(isValid(page) for page in old_pages)  # the screens A used are gone, not cleared
    left = [(where, text) for where, text in texts_anywhere() if CANARY in text]
    assert left == []
    assert all(CANARY not in title for title in (w.windowTitle() for w in QApplication.topLevelWidgets()))
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window] == []
    assert all(CANARY not in text for text in clipboard_texts())
    qt = QSettings(QSettings.Scope.UserScope, "QtProject")
    assert CANARY not in str(qt.value("FileDialog/history")) and CANARY not in str(
        qt.value("FileDialog/lastVisited")
    )
    assert files_holding(qt_settings_folder, CANARY) == []
    assert files_holding(session.store.folder, CANARY) == []  # settings.json, helpdesk.json, window.json
    record = DeskRecord(tmp_path / "app-data" / "helpdesk" / "desk-record.json")
    assert files_holding(record.path.parent, CANARY) == []
    assert [(r.country, r.sessions, r.new_vaults, r.packets) for r in record.rows()] == [("GE", 1, 1, 1)]
    start = start_of(window)
    assert start.open_panel.picker.edit.text() == "" and not start.open_panel.offer.isVisible()
    assert start.create_panel.picker.edit.text().endswith("-2.vault")  # the next neutral name

    # Client B works normally.
    b_path = tmp_path / "desk" / "b.vault"
    with Vault.create(b_path, PASS_B) as vault:
        vault.profile.replace(
            Profile(
                person=Person(family_name="Bystrov", citizenships=("BY",)),
                host=Host(country="AM", arrival_date=date(2026, 4, 1)),
                stays=(Stay("AM", date(2026, 4, 1)),),
            )
        )
    open_client(qtbot, window, session, b_path, PASS_B)
    assert session.vault.profile.load().person.family_name == "Bystrov"
    documents = window.workspace.show_page("documents")
    assert isinstance(documents, DocumentsPage) and documents.model.rowCount() == 0
    packets = window.workspace.show_page("packets")
    assert isinstance(packets, PacketsPage) and packets.result is None and packets.form.country_code() == "AM"
    checklists = window.workspace.show_page("checklists")
    assert isinstance(checklists, ChecklistsPage) and checklists.search.text() == ""
    with qtbot.waitSignal(packets.packet_ready, timeout=30_000):
        window.workspace.show_page("packets")
        packets.build_button.click()
    window.workspace.show_page("profile")
    assert any("Bystrov" in text for _w, text in texts_anywhere())
    assert not any(CANARY in text for _w, text in texts_anywhere())
