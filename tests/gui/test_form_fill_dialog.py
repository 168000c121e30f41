"""The official-form screen: opened from the Packets screen, it reads the form on a worker,
proposes the mapping, lets the person change what fills a field next to the page with the field
outlined, fills the form with the check report beside it, saves it, keeps a copy among the
documents and the mapping in the vault, asks for a protected form's password, and forgets
everything when the vault locks."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from pypdf import PdfReader, PdfWriter
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.fakes import ScriptedDialogs
from tests.forms_support import german_form, umlaut_profile
from tests.gui.profiles import STRONG, shows
from waystation.forms.library import kept_for
from waystation.ui.main_window import MainWindow
from waystation.ui.pages.form_fill_dialog import FormFillDialog
from waystation.ui.pages.packets_page import PacketsPage
from waystation.ui.session import Session

WAIT = 30_000


@pytest.fixture
def form_file(tmp_path: Path) -> Path:
    path = tmp_path / "antrag.pdf"
    path.write_bytes(german_form())
    return path


@pytest.fixture
def dialog(
    qtbot: QtBot, window: MainWindow, session: Session, dialogs: ScriptedDialogs, tmp_path: Path
) -> Iterator[FormFillDialog]:
    session.create(tmp_path / "test.vault", STRONG)
    session.vault.profile.replace(umlaut_profile())
    window.enter_workspace()
    page = window.workspace.show_page("packets")
    assert isinstance(page, PacketsPage)
    qtbot.mouseClick(page.form_button, Qt.MouseButton.LeftButton)
    opened = page.form_button.dialog
    assert isinstance(opened, FormFillDialog) and opened.isVisible()
    yield opened
    if shiboken6.isValid(opened):  # pytest-qt may have closed the window (and this dialog) already
        assert opened.wait(WAIT)


def load(qtbot: QtBot, dialog: FormFillDialog, dialogs: ScriptedDialogs, path: Path) -> None:
    dialogs.answers.append(path)
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT):
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)


def row_of(dialog: FormFillDialog, name: str) -> int:
    model = dialog.editor.model
    return next(
        row
        for row in range(model.rowCount())
        if model.item(row, 0).data(Qt.ItemDataRole.UserRole + 1) == name
    )


def pick(dialog: FormFillDialog, name: str, label: str) -> None:
    dialog.editor.select(name)
    combo = dialog.editor.source
    index = combo.findText(label)
    assert index >= 0, [combo.itemText(i) for i in range(combo.count())]
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_the_mapping_screen_fills_saves_and_keeps(
    qtbot: QtBot,
    dialog: FormFillDialog,
    dialogs: ScriptedDialogs,
    session: Session,
    form_file: Path,
    tmp_path: Path,
) -> None:
    load(qtbot, dialog, dialogs, form_file)
    assert "Proposed from the form's labels" in dialog.message.text()
    table = dialog.editor.model
    assert table.rowCount() == 45
    assert table.item(row_of(dialog, "Textfeld 1"), 2).text() == "MÜLLER-LÜDENSCHEIDT"
    assert table.item(row_of(dialog, "Textfeld 31"), 0).text() == "Vorname (Kind 2)"
    assert table.item(row_of(dialog, "Kontrollkästchen 1"), 2).text() == "checked"
    # the selected field is outlined on its page, which is drawn on a worker
    with qtbot.waitSignal(dialog.drawn, timeout=WAIT):
        dialog.editor.select("Textfeld 27")  # on page 2
    assert dialog.pages.preview.current == 1 and dialog.pages.preview.highlight is not None
    # the person says what fills a field the proposal left for them
    pick(dialog, "Textfeld 2", "Family name (Latin letters)")
    assert dialog.editor.mapping.rules["Textfeld 2"].paths[0].text == "person.family_name_latin"
    assert table.item(row_of(dialog, "Textfeld 2"), 2).text() == "MÜLLER-LÜDENSCHEIDT"
    pick(dialog, "Textfeld 4", "Date of birth")
    dialog.editor.date_format.setCurrentText("YYYY-MM-DD")
    dialog.editor.date_format.activated.emit(0)
    dialog.editor.date_format.setCurrentText("YYYY-MM-DD")
    dialog.editor._edited()
    assert table.item(row_of(dialog, "Textfeld 4"), 2).text() == "1990-04-12"
    assert any("expects DD.MM.YYYY" in line for line in dialog.report.texts())
    with qtbot.waitSignal(dialog.filled, timeout=WAIT):
        qtbot.mouseClick(dialog.fill_button, Qt.MouseButton.LeftButton)
    assert dialog.filled_result is not None and dialog.filled_result.flattened
    assert "things to check" in dialog.report.summary.text()
    assert dialog.pages.showing_filled
    # choosing a line of the report selects its field
    dialog.report.lines.clicked.emit(dialog.report.model.index(0, 0))
    assert dialog.editor.current_name() is not None
    target = tmp_path / "filled.pdf"
    dialogs.answers.append(target)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Saved the filled form as filled.pdf" in dialog.message.text()
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert "MÜLLER-LÜDENSCHEIDT" in text and "1990-04-12" in text
    with qtbot.waitSignal(dialog.work.finished, timeout=WAIT):
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    [document] = session.vault.documents.list()
    assert (document.kind, document.mime_type) == ("other", "application/pdf")
    qtbot.mouseClick(dialog.keep_button, Qt.MouseButton.LeftButton)
    kept = kept_for(session.vault, dialog.loaded_form.opened.info.fingerprint)  # type: ignore[union-attr]
    assert kept is not None and kept.rules["Textfeld 2"].paths[0].text == "person.family_name_latin"
    # the next time the form is opened, the kept mapping is used
    load(qtbot, dialog, dialogs, form_file)
    assert "Using the mapping kept in your vault" in dialog.message.text()
    assert dialog.editor.mapping.rules["Textfeld 4"].date_format == "YYYY-MM-DD"


def test_a_password_protected_result_and_a_protected_form(
    qtbot: QtBot, dialog: FormFillDialog, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(german_form())))
    writer.encrypt(user_password="amt 2026", owner_password="office", algorithm="AES-256")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as handle:
        writer.write(handle)
    dialogs.answers.append(locked)
    with qtbot.waitSignal(dialog.work.finished, timeout=WAIT):
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialog.password.isVisible() and "protected by a password" in dialog.message.text()
    dialog.password.setText("wrong")
    with qtbot.waitSignal(dialog.work.failed, timeout=WAIT):
        qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert "Wrong password for the form" in dialog.message.text()
    dialog.password.setText("amt 2026")
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT):
        qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert not dialog.password.isVisible() and dialog.password.text() == ""
    dialog.options.password.setText("new pass 1")
    dialog.options.repeat.setText("new pass 2")
    qtbot.mouseClick(dialog.fill_button, Qt.MouseButton.LeftButton)
    assert "differ" in dialog.options.problem.text() and not dialog.work.running
    dialog.options.repeat.setText("new pass 1")
    with qtbot.waitSignal(dialog.filled, timeout=WAIT):
        qtbot.mouseClick(dialog.fill_button, Qt.MouseButton.LeftButton)
    assert dialog.filled_result is not None and dialog.filled_result.encrypted
    with qtbot.waitSignal(dialog.drawn, timeout=WAIT):
        dialog.pages.show_document(filled=True)  # drawn with the new password


def test_a_file_that_is_not_a_form_is_said_plainly(
    qtbot: QtBot, dialog: FormFillDialog, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    photo = tmp_path / "photo.pdf"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 64)
    dialogs.answers.append(photo)
    with qtbot.waitSignal(dialog.work.failed, timeout=WAIT):
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert "it looks like a JPEG image" in dialog.message.text()
    assert dialog.loaded_form is None and not dialog.fill_button.isEnabled()


def test_locking_forgets_the_form_and_closes_the_screen(
    qtbot: QtBot, dialog: FormFillDialog, dialogs: ScriptedDialogs, session: Session, form_file: Path
) -> None:
    load(qtbot, dialog, dialogs, form_file)
    with qtbot.waitSignal(dialog.filled, timeout=WAIT):
        qtbot.mouseClick(dialog.fill_button, Qt.MouseButton.LeftButton)
    assert shows(dialog, "MÜLLER-LÜDENSCHEIDT")
    session.lock()
    assert not dialog.isVisible()
    assert dialog.loaded_form is None and dialog.filled_result is None and not dialog.pages.preview.images
    assert not shows(dialog, "MÜLLER") and not shows(dialog, "Hohe Straße")


def test_the_screen_follows_a_change_of_language(
    qtbot: QtBot, dialog: FormFillDialog, dialogs: ScriptedDialogs, form_file: Path
) -> None:
    from PySide6.QtWidgets import QApplication

    from waystation.ui.language import switch_language

    load(qtbot, dialog, dialogs, form_file)
    english = dialog.pages.preview.previous_button.text()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        switch_language(app, "ru")
        qtbot.waitUntil(lambda: dialog.pages.preview.previous_button.text() != english, timeout=5_000)
        assert dialog.editor.model.rowCount() == 45  # the list is rebuilt, nothing lost
        assert dialog.editor.mapping is not None and dialog.editor.mapping.rules
    finally:
        switch_language(app, "en")
