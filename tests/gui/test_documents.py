"""The documents screen: the list with thumbnails made in memory off the UI thread, kind / title /
dates edited in place with checks, expiry marks, preview, export, delete, and lock. Adding is in
test_document_adding.py; linking a scan to a passport in test_document_passports.py."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QPixmap
from pytestqt.qtbot import QtBot

from tests.fakes import ScriptedDialogs
from tests.gui.documents_support import (
    CANARY,
    add_sample,
    documents_page,
    drop,
    pdf_bytes,
    png_bytes,
    wait_for_thumbnail,
)
from tests.gui.profiles import shows
from waystation.ui.colours import danger_text, warm_text
from waystation.ui.main_window import MainWindow
from waystation.ui.pages.document_model import THUMBNAIL_SIZE
from waystation.ui.pages.documents import DocumentsPage
from waystation.ui.session import Session


@pytest.fixture
def page(window: MainWindow, session: Session, tmp_path: Path) -> DocumentsPage:
    return documents_page(window, session, tmp_path)


def test_thumbnails_are_made_off_the_ui_thread_and_arrive_in_the_list(
    qtbot: QtBot, page: DocumentsPage, session: Session
) -> None:
    add_sample(session, kind="photo")
    add_sample(session, pdf_bytes(2), kind="registration")
    first = page.model.data(page.model.index(0, 0), Qt.ItemDataRole.DecorationRole)
    assert isinstance(first, QPixmap) and not first.isNull()  # an icon at once
    picture = wait_for_thumbnail(qtbot, page, 0)
    assert picture.toImage().pixelColor(THUMBNAIL_SIZE // 2, THUMBNAIL_SIZE // 2).name() == "#2f6f8f"
    wait_for_thumbnail(qtbot, page, 1)
    assert "PDF, 2 pages" in page.model.data(page.model.index(1, 0))
    page.select(page.model.document(1).id)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: "PDF, 2 pages" in page.details.facts.text(), timeout=10_000)


def test_drop_of_something_that_is_not_a_local_file_is_ignored(page: DocumentsPage, session: Session) -> None:
    assert not drop(page, [QUrl("https://example.org/scan.png")])
    assert session.vault.documents.list() == [] and page.adding.dialog is None


def test_kind_title_and_dates_are_edited_in_place_with_checks(
    qtbot: QtBot, page: DocumentsPage, session: Session
) -> None:
    doc = add_sample(session, kind="other")
    details = page.details
    details.kind.setCurrentIndex(details.kind.findData("photo"))
    details.kind.activated.emit(details.kind.currentIndex())
    details.title_field.edit.setText("Фото 3×4")
    details.title_field.edit.editingFinished.emit()
    details.issued.edit.setText("2019-05-20")
    details.expires.edit.setText("2019-05-19")
    details.expires.edit.editingFinished.emit()
    assert "before the issue date" in details.expires.message.text()
    details.expires.edit.setText("2029-13-45")
    assert details.expires.problem() is not None
    stored = session.vault.documents.get(doc)
    assert (stored.kind, stored.title, stored.expires) == ("photo", "Фото 3×4", None)
    details.expires.edit.setText("2029-05-20")
    details.expires.edit.editingFinished.emit()
    stored = session.vault.documents.get(doc)
    assert (stored.issued, stored.expires) == (date(2019, 5, 20), date(2029, 5, 20))
    assert "Photo" in page.model.data(page.model.index(0, 0))


def test_the_passport_row_shows_only_for_passports(page: DocumentsPage, session: Session) -> None:
    add_sample(session, kind="diploma")
    fields = page.details.fields
    assert not fields.passport.isVisibleTo(page)
    fields.kind.setCurrentIndex(fields.kind.findData("passport"))
    fields.kind.activated.emit(fields.kind.currentIndex())
    assert fields.passport.isVisibleTo(page)
    assert "Record your passport in Profile" in fields.passport_note.text()  # no passport recorded yet


def test_expired_documents_are_red_and_soon_expiring_amber(page: DocumentsPage, session: Session) -> None:
    add_sample(session, kind="permit", expires=date(2026, 4, 30))
    add_sample(session, kind="health_insurance", expires=date(2026, 7, 1))
    add_sample(session, kind="diploma", expires=date(2030, 1, 1))
    colours = [page.model.data(page.model.index(r, 0), Qt.ItemDataRole.ForegroundRole) for r in range(3)]
    assert colours == [danger_text(), warm_text(), None]
    assert "Expired on" in page.model.data(page.model.index(0, 0))
    assert "in 61 days" in page.model.data(page.model.index(1, 0))
    session.save_settings(type(session.app_settings)(expiry_lead_days=30))  # a shorter lead time
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
    second = add_sample(session, png_bytes(colour="#ffffff"), kind="lease", title="second")
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
    assert dialog is not None and dialog.isVisible() and dialog.windowTitle() == CANARY
    qtbot.waitUntil(lambda: dialog.picture.pixmap() is not None and not dialog.picture.pixmap().isNull())
    qtbot.waitUntil(
        lambda: page.details.picture.pixmap() is not None and not page.details.picture.pixmap().isNull()
    )
    with qtbot.waitSignal(session.locked):
        window.lock_action.trigger()
    assert not dialog.isVisible() and dialog.picture.pixmap().isNull() and dialog.windowTitle() == ""
    assert page.model.rowCount() == 0 and page.details.picture.pixmap().isNull()
    assert not shows(page, CANARY)
    assert page._larger == {} and page.model._thumbnails == {}
