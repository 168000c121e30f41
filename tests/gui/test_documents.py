"""The documents screen: add by dialog and by drag and drop, thumbnails in memory, kind / title /
dates edited in place with checks, expiry marks, preview, export, delete, and lock."""

from __future__ import annotations

import io
import os
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QPixmap
from pytestqt.qtbot import QtBot

from tests.gui.profiles import open_vault, shows
from waystation.ui.dialogs import ScriptedDialogs
from waystation.ui.main_window import MainWindow
from waystation.ui.pages import documents as documents_module
from waystation.ui.pages.document_model import EXPIRED_COLOUR, SOON_COLOUR
from waystation.ui.pages.documents import DocumentsPage
from waystation.ui.session import Session

TODAY = date(2026, 5, 1)  # the clock fixture's day
CANARY = "Kanareikina"


def png_bytes(size: tuple[int, int] = (300, 200)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "#2f6f8f").save(buffer, format="PNG")
    return buffer.getvalue()


def pdf_bytes(pages: int) -> bytes:
    images = [Image.new("RGB", (200, 280), "white") for _page in range(pages)]
    buffer = io.BytesIO()
    images[0].save(buffer, format="PDF", save_all=True, append_images=images[1:])
    return buffer.getvalue()


@pytest.fixture
def page(window: MainWindow, session: Session, tmp_path: Path) -> DocumentsPage:
    open_vault(session, tmp_path)
    window.enter_workspace()
    shown = window.workspace.show_page("documents")
    assert isinstance(shown, DocumentsPage)
    return shown


@pytest.fixture
def files(tmp_path: Path) -> Path:
    folder = tmp_path / "scans"
    folder.mkdir()
    (folder / f"{CANARY}-passport.png").write_bytes(png_bytes())
    (folder / "registration.pdf").write_bytes(pdf_bytes(2))
    return folder


def drop(page: DocumentsPage, urls: list[QUrl]) -> bool:
    """Drag ``urls`` over the page and drop them; True when the page took them. (Qt delivers a
    drop only during a real drag, so the page's handlers are called as Qt would call them.)"""
    mime = QMimeData()
    mime.setUrls(urls)
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter.setAccepted(False)
    page.dragEnterEvent(enter)
    if not enter.isAccepted():
        return False
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    event.setAccepted(False)
    page.dropEvent(event)
    return event.isAccepted()


def local(*paths: Path) -> list[QUrl]:
    return [QUrl.fromLocalFile(str(p)) for p in paths]


def add_sample(session: Session, **fields: object) -> int:
    info = session.vault.documents.add(png_bytes(), original_name="scan.png", **fields)  # type: ignore[arg-type]
    session.notify("documents")
    return info.id


def test_add_by_dialog_lists_documents_with_thumbnails_made_in_memory(
    qtbot: QtBot, page: DocumentsPage, session: Session, dialogs: ScriptedDialogs, files: Path
) -> None:
    assert page.empty.isVisibleTo(page) and not page.list.isVisibleTo(page)
    dialogs.answers.append(sorted(files.iterdir()))
    with qtbot.waitSignal(session.changed, check_params_cb=lambda what: what == "documents"):
        qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    stored = session.vault.documents.list()
    assert [d.original_name for d in stored] == [f"{CANARY}-passport.png", "registration.pdf"]
    assert page.model.rowCount() == 2 and page.notice.text() == "Added 2 documents."
    image = page.model.data(page.model.index(0, 0), Qt.ItemDataRole.DecorationRole)
    assert isinstance(image, QPixmap) and not image.isNull()
    assert "PDF, 2 pages" in page.model.data(page.model.index(1, 0))
    assert page.current() is not None and page.current().id == stored[-1].id  # the last one added
    assert "PDF, 2 pages" in page.details.facts.text()


def test_drop_adds_files_and_refuses_folders_and_oversized_files(
    qtbot: QtBot, page: DocumentsPage, session: Session, files: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = files / "huge.png"
    big.write_bytes(os.urandom(20_000))
    monkeypatch.setattr(documents_module, "MAX_DOCUMENT_BYTES", 10_000)
    assert drop(page, local(files / "registration.pdf", files, big))
    assert [d.original_name for d in session.vault.documents.list()] == ["registration.pdf"]
    message = page.message.text()
    assert "scans: this is a folder" in message and "huge.png: larger than" in message
    assert page.message.isVisibleTo(page)


def test_drop_of_something_that_is_not_a_local_file_is_ignored(page: DocumentsPage, session: Session) -> None:
    assert not drop(page, [QUrl("https://example.org/scan.png")])
    assert session.vault.documents.list() == []


def test_kind_title_and_dates_are_edited_in_place_with_checks(
    qtbot: QtBot, page: DocumentsPage, session: Session
) -> None:
    doc = add_sample(session, kind="other")
    details = page.details
    details.kind.setCurrentIndex(details.kind.findData("passport"))
    details.kind.activated.emit(details.kind.currentIndex())
    details.title_field.edit.setText("Загранпаспорт")
    details.title_field.edit.editingFinished.emit()
    details.issued.edit.setText("2019-05-20")
    details.expires.edit.setText("2019-05-19")
    details.expires.edit.editingFinished.emit()
    assert "before the issue date" in details.expires.message.text()
    details.expires.edit.setText("2029-5-20")
    assert "YYYY-MM-DD" in details.expires.message.text()
    stored = session.vault.documents.get(doc)
    assert (stored.kind, stored.title, stored.expires) == ("passport", "Загранпаспорт", None)
    details.expires.edit.setText("2029-05-20")
    details.expires.edit.editingFinished.emit()
    stored = session.vault.documents.get(doc)
    assert (stored.issued, stored.expires) == (date(2019, 5, 20), date(2029, 5, 20))
    assert "Passport" in page.model.data(page.model.index(0, 0))


def test_expired_documents_are_red_and_soon_expiring_amber(page: DocumentsPage, session: Session) -> None:
    add_sample(session, kind="permit", expires=date(2026, 4, 30))
    add_sample(session, kind="health_insurance", expires=date(2026, 7, 1))
    add_sample(session, kind="diploma", expires=date(2030, 1, 1))
    colours = [page.model.data(page.model.index(r, 0), Qt.ItemDataRole.ForegroundRole) for r in range(3)]
    assert colours == [EXPIRED_COLOUR, SOON_COLOUR, None]
    assert "Expired on" in page.model.data(page.model.index(0, 0))
    assert "in 61 days" in page.model.data(page.model.index(1, 0))
    session.save_settings(type(session.settings)(expiry_lead_days=30))  # a shorter lead time
    page.refresh()
    assert page.model.data(page.model.index(1, 0), Qt.ItemDataRole.ForegroundRole) is None


def test_export_writes_the_bytes_and_never_overwrites_without_asking(
    page: DocumentsPage, session: Session, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    add_sample(session, kind="photo")
    target = tmp_path / "out" / "photo.png"
    target.parent.mkdir()
    dialogs.answers.append(target)
    page.details.export_button.click()
    assert target.read_bytes() == png_bytes()
    assert "not encrypted" in page.notice.text()
    target.write_bytes(b"keep me")
    asked: list[str] = []
    page.confirm = lambda title, text, action: asked.append(text) is not None  # says no
    dialogs.answers.append(target)
    page.export()
    assert target.read_bytes() == b"keep me" and "already exists" in asked[0]
    page.confirm = lambda title, text, action: True
    dialogs.answers.append(target)
    page.export()
    assert target.read_bytes() == png_bytes()
    assert sorted(p.name for p in target.parent.iterdir()) == ["photo.png"]  # no partial files left


def test_delete_asks_first(page: DocumentsPage, session: Session) -> None:
    add_sample(session, kind="photo", title=CANARY)
    questions: list[str] = []
    page.confirm = lambda title, text, action: questions.append(text) is not None
    page.details.delete_button.click()
    assert len(session.vault.documents.list()) == 1 and CANARY in questions[0]
    page.confirm = lambda title, text, action: True
    page.details.delete_button.click()
    assert session.vault.documents.list() == []
    assert page.empty.isVisibleTo(page)


def test_focus_item_selects_the_document(page: DocumentsPage, session: Session) -> None:
    first = add_sample(session, kind="photo", title="first")
    second = add_sample(session, kind="lease", title="second")
    page.focus_item(str(first))
    assert page.current() is not None and page.current().id == first
    page.focus_item(str(second))
    assert page.details.title_field.edit.text() == "second"
    page.focus_item("not a number")
    assert page.current() is not None and page.current().id == second


def test_preview_and_lock_drop_every_picture_and_name(
    qtbot: QtBot, window: MainWindow, page: DocumentsPage, session: Session
) -> None:
    add_sample(session, kind="passport", title=CANARY)
    page.preview()
    dialog = page.preview_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.picture.pixmap() is not None and not dialog.picture.pixmap().isNull()
    assert dialog.windowTitle() == CANARY
    with qtbot.waitSignal(session.locked):
        window.lock_action.trigger()
    assert not dialog.isVisible() and dialog.picture.pixmap().isNull() and dialog.windowTitle() == ""
    assert page.model.rowCount() == 0 and page.details.picture.pixmap().isNull()
    assert not shows(page, CANARY)
