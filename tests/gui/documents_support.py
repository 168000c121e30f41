"""Helpers for the documents screen's tests: sample files, drag and drop as Qt delivers it, and
waiting for the worker (the add dialog, the stored documents, the thumbnails)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QPixmap
from pytestqt.qtbot import QtBot

from tests.gui.profiles import open_vault
from waystation.ui.main_window import MainWindow
from waystation.ui.pages.document_add import AddDocumentsDialog
from waystation.ui.pages.documents import DocumentsPage
from waystation.ui.session import Change, Session

TODAY = date(2026, 5, 1)  # the clock fixture's day
CANARY = "Kanareikina"


def png_bytes(size: tuple[int, int] = (300, 200), colour: str = "#2f6f8f") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="PNG")
    return buffer.getvalue()


def pdf_bytes(pages: int) -> bytes:
    images = [Image.new("RGB", (200, 280), "white") for _page in range(pages)]
    buffer = io.BytesIO()
    images[0].save(buffer, format="PDF", save_all=True, append_images=images[1:])
    return buffer.getvalue()


def documents_page(window: MainWindow, session: Session, tmp_path: Path) -> DocumentsPage:
    """The documents screen of a new, empty vault."""
    open_vault(session, tmp_path)
    window.enter_workspace()
    shown = window.workspace.show_page("documents")
    assert isinstance(shown, DocumentsPage)
    return shown


def sample_files(tmp_path: Path) -> Path:
    """A folder with a passport scan (named with the canary) and a two-page PDF."""
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


def add_sample(session: Session, data: bytes | None = None, **fields: object) -> int:
    info = session.vault.documents.add(data or png_bytes(), original_name="scan.png", **fields)  # type: ignore[arg-type]
    session.notify(Change.DOCUMENTS)
    return info.id


def add_dialog(qtbot: QtBot, page: DocumentsPage) -> AddDocumentsDialog:
    """The add dialog, once the worker has read the files."""
    qtbot.waitUntil(lambda: page.adding.dialog is not None and page.adding.dialog.isVisible(), timeout=10_000)
    assert page.adding.dialog is not None
    return page.adding.dialog


def accept(qtbot: QtBot, page: DocumentsPage, dialog: AddDocumentsDialog) -> list[int]:
    """Press Add and wait until the worker stored everything; the ids added."""
    with qtbot.waitSignal(page.added, timeout=10_000) as blocker:
        dialog.add_button.click()
    return list(blocker.args[0])


def wait_for_thumbnail(qtbot: QtBot, page: DocumentsPage, row: int) -> QPixmap:
    index = page.model.index(row, 0)

    def real() -> bool:
        info = page.model.document(row)
        return info is not None and (info.id, info.sha256) in page.model._thumbnails

    qtbot.waitUntil(real, timeout=10_000)
    picture = page.model.data(index, Qt.ItemDataRole.DecorationRole)
    assert isinstance(picture, QPixmap)
    return picture
