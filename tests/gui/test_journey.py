"""The main journey, end to end as a person would go: create a vault → the first-run wizard → mark a
step done in the checklists → add a scan → build and save a packet → lock → unlock, and what was
saved is all still there (and nothing of the packet stays on screen)."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.fakes import ScriptedDialogs
from tests.gui.conftest import STRONG
from tests.gui.test_start_and_lock import create_vault
from tests.gui.test_wizard import answer_all, finish
from waystation.ui.main_window import MainWindow
from waystation.ui.pages.checklists import ChecklistsPage
from waystation.ui.pages.dashboard import DashboardPage
from waystation.ui.pages.documents import DocumentsPage
from waystation.ui.pages.packets_page import PacketsPage
from waystation.ui.session import Session


def scan_file(folder: Path) -> Path:
    path = folder / "passport.png"
    buffer = io.BytesIO()
    Image.new("RGB", (600, 400), "#2f6f8f").save(buffer, format="PNG")
    path.write_bytes(buffer.getvalue())
    return path


def mark_first_step_done(window: MainWindow) -> str:
    dashboard = window.workspace.stack.currentWidget()
    assert isinstance(dashboard, DashboardPage)
    dashboard.next_steps.links.choose_row(0)
    checklists = window.workspace.stack.currentWidget()
    assert isinstance(checklists, ChecklistsPage)
    step_id = checklists.selected_step()
    editor = checklists.detail.editor
    editor.state.setCurrentIndex(editor.state.findData("done"))
    editor.save_button.click()
    return step_id


def add_passport_scan(qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, scan: Path) -> None:
    """Add… → the file → the add dialog (the kind is guessed from "passport.png") → Add."""
    documents = window.workspace.show_page("documents")
    assert isinstance(documents, DocumentsPage)
    dialogs.answers.append([scan])
    documents.add_button.click()
    qtbot.waitUntil(lambda: documents.adding.dialog is not None, timeout=10_000)
    dialog = documents.adding.dialog
    assert dialog is not None and dialog.page(0).fields.kind.currentData() == "passport"
    with qtbot.waitSignal(documents.added, timeout=10_000):
        dialog.add_button.click()
    assert documents.model.rowCount() == 1


def unlock(qtbot: QtBot, window: MainWindow, session: Session, path: Path) -> None:
    panel = window.start.open_panel
    window.start.tabs.setCurrentWidget(panel)
    panel.picker.edit.setText(str(path))
    qtbot.keyClicks(panel.passphrase, STRONG)
    with qtbot.waitSignal(session.opened):
        qtbot.keyClick(panel.passphrase, Qt.Key.Key_Return)


def test_create_to_packet_to_lock_and_back(
    qtbot: QtBot, window: MainWindow, session: Session, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    vault_path = tmp_path / "journey.vault"
    create_vault(qtbot, window, vault_path)
    qtbot.waitUntil(lambda: window.first_run is not None and window.first_run.isVisible())
    assert window.first_run is not None
    answer_all(qtbot, window.first_run)
    with qtbot.waitSignal(session.changed):
        finish(window.first_run)

    done_id = mark_first_step_done(window)
    add_passport_scan(qtbot, window, dialogs, scan_file(tmp_path))
    assert [d.kind for d in session.vault.documents.list()] == ["passport"]

    packets = window.workspace.show_page("packets")
    assert isinstance(packets, PacketsPage)
    assert packets.form.country_code() == "GE"  # the wizard's host country
    with qtbot.waitSignal(packets.packet_ready, timeout=20_000):
        packets.build_button.click()
    assert packets.result is not None and packets.result.warnings == ()
    saved = tmp_path / "packet-ge-residence.pdf"
    dialogs.answers.append(saved)
    packets.save_button.click()
    assert len(PdfReader(saved).pages) == packets.result.pages == len(packets.preview.pages)

    with qtbot.waitSignal(session.locked):
        window.lock_action.trigger()
    assert window.stack.currentWidget() is window.start
    assert packets.result is None and packets.preview.pages == []

    unlock(qtbot, window, session, vault_path)
    assert window.stack.currentWidget() is window.workspace
    progress = session.vault.progress.get(done_id)
    assert progress is not None and progress.state == "done"
    documents = session.vault.documents.list()
    assert [(d.kind, d.original_name) for d in documents] == [("passport", "passport.png")]
    assert session.vault.profile.load().host.country == "GE"
    assert window.workspace.show_page("packets") is packets
    assert packets.result is None and packets.form.country_code() == "GE"
    assert saved.exists()  # the saved packet is the person's file: locking leaves it alone
