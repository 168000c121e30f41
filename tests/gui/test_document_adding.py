"""Adding documents: one dialog asks what each file is (kind guessed from its name, title, dates)
before anything is stored; several files at once; files that cannot be added are named; reading
and storing run on a worker with a visible busy state that can stop them, and the window keeps
turning meanwhile; locking ends it all and leaves nothing on screen."""

from __future__ import annotations

import itertools
import time
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from tests.fakes import ScriptedDialogs
from tests.gui.documents_support import (
    CANARY,
    accept,
    add_dialog,
    add_sample,
    documents_page,
    drop,
    local,
    pdf_bytes,
    png_bytes,
    sample_files,
    wait_for_thumbnail,
)
from tests.gui.profiles import shows
from waystation.ui.main_window import MainWindow
from waystation.ui.pages import document_import
from waystation.ui.pages.document_adding import Stage
from waystation.ui.pages.documents import DocumentsPage
from waystation.ui.session import Session
from waystation.vault import document_files


@pytest.fixture
def page(window: MainWindow, session: Session, tmp_path: Path) -> DocumentsPage:
    return documents_page(window, session, tmp_path)


@pytest.fixture
def files(tmp_path: Path) -> Path:
    return sample_files(tmp_path)


def test_add_asks_kind_and_dates_at_once_with_a_guess_from_the_name(
    qtbot: QtBot, page: DocumentsPage, session: Session, dialogs: ScriptedDialogs, files: Path
) -> None:
    assert page.empty.isVisibleTo(page) and not page.list.isVisibleTo(page)
    dialogs.answers.append(sorted(files.iterdir()))
    page.add_button.click()
    dialog = add_dialog(qtbot, page)
    assert session.vault.documents.list() == [], "nothing is stored before the person says what it is"
    passport, registration = dialog.file_pages()
    assert dialog.list.isVisibleTo(dialog) and dialog.list.count() == 2
    assert passport.fields.kind.currentData() == "passport" and "guessed" in passport.guess_note.text()
    assert registration.fields.kind.currentData() == "registration"
    assert "PDF, 2 pages" in registration.facts.text()
    assert not passport.picture.pixmap().isNull()
    dialog.list.setCurrentRow(1)
    registration.fields.expires.edit.setText("2026-11-30")
    passport.fields.expires.edit.setText("2031-02-03")
    with qtbot.waitSignal(session.changed, check_params_cb=lambda what: what == "documents", timeout=10_000):
        ids = accept(qtbot, page, dialog)
    stored = session.vault.documents.list()
    assert [d.id for d in stored] == ids
    assert [(d.original_name, d.kind, d.expires, d.added) for d in stored] == [
        (f"{CANARY}-passport.png", "passport", date(2031, 2, 3), date(2026, 5, 1)),
        ("registration.pdf", "registration", date(2026, 11, 30), date(2026, 5, 1)),
    ]
    assert page.notice.text() == "Added 2 documents."
    assert page.model.rowCount() == 2 and page.current() is not None and page.current().id == ids[-1]
    # the pictures made while reading are used at once: no second decoding on the UI thread
    assert (stored[1].id, stored[1].sha256) in page.model._thumbnails
    assert "PDF, 2 pages" in page.model.data(page.model.index(1, 0))
    assert "PDF, 2 pages" in page.details.facts.text()
    assert page.list.hasFocus() or not page.isActiveWindow()
    assert page.adding.stage is Stage.IDLE and page.add_button.isEnabled()


def test_one_file_has_no_list_and_a_name_that_says_nothing_is_not_guessed(
    qtbot: QtBot, page: DocumentsPage, session: Session, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    scan = tmp_path / "IMG_2041.jpg"
    scan.write_bytes(png_bytes())
    dialogs.answers.append([scan])
    page.add_from_dialog()
    dialog = add_dialog(qtbot, page)
    [only] = dialog.file_pages()
    assert not dialog.list.isVisibleTo(dialog)
    assert (
        only.fields.kind.currentData() == "other" and "Choose what this document is" in only.guess_note.text()
    )
    assert dialog.windowTitle() == "Add a document" and dialog.add_button.text() == "&Add the document"
    only.fields.kind.setCurrentIndex(only.fields.kind.findData("diploma"))
    accept(qtbot, page, dialog)
    assert [(d.kind, d.mime_type) for d in session.vault.documents.list()] == [("diploma", "image/png")]


def test_add_jumps_to_the_file_whose_dates_are_wrong_and_stores_nothing(
    qtbot: QtBot, page: DocumentsPage, session: Session, dialogs: ScriptedDialogs, files: Path
) -> None:
    dialogs.answers.append(sorted(files.iterdir()))
    page.add_button.click()
    dialog = add_dialog(qtbot, page)
    second = dialog.page(1)
    second.fields.issued.edit.setText("2026-05-01")
    second.fields.expires.edit.setText("2026-04-01")  # before the issue date
    dialog.list.setCurrentRow(0)
    dialog.add_button.click()
    assert dialog.isVisible() and dialog.list.currentRow() == 1
    assert "before the issue date" in second.fields.expires.message.text()
    second.fields.expires.edit.setText("")
    accept(qtbot, page, dialog)
    assert len(session.vault.documents.list()) == 2


def test_cancel_after_a_change_asks_and_never_loses_answers_silently(
    qtbot: QtBot, page: DocumentsPage, session: Session, dialogs: ScriptedDialogs, files: Path
) -> None:
    dialogs.answers.append(sorted(files.iterdir()))
    page.add_button.click()
    dialog = add_dialog(qtbot, page)
    asked: list[str] = []
    dialog.confirm = lambda title, text, action: asked.append(text) is not None  # "keep editing"
    dialog.reject()  # nothing changed yet: it closes at once
    assert not dialog.isVisible() and asked == []
    qtbot.waitUntil(lambda: page.adding.stage is Stage.IDLE)
    assert session.vault.documents.list() == [] and page.add_button.isEnabled()

    dialogs.answers.append(sorted(files.iterdir()))
    page.add_button.click()
    dialog = add_dialog(qtbot, page)
    dialog.confirm = lambda title, text, action: asked.append(text) is not None
    dialog.page(0).fields.expires.edit.setText("2031-02-03")
    dialog.reject()  # Escape or Cancel
    assert dialog.isVisible() and "will be lost" in asked[0]
    dialog.confirm = lambda title, text, action: True
    dialog.reject()
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: page.adding.stage is Stage.IDLE)
    assert session.vault.documents.list() == []


def test_files_that_cannot_be_added_are_named_and_the_rest_are_asked_about(
    qtbot: QtBot,
    page: DocumentsPage,
    session: Session,
    files: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    big = files / "huge.png"
    big.write_bytes(b"\x89PNG" + bytes(20_000))
    empty = files / "empty.pdf"
    empty.write_bytes(b"")
    existing = add_sample(
        session, (files / "registration.pdf").read_bytes(), kind="registration", title="Регистрация"
    )
    twin = files / "copy-of-passport.png"
    twin.write_bytes((files / f"{CANARY}-passport.png").read_bytes())
    monkeypatch.setattr(document_files, "MAX_DOCUMENT_BYTES", 10_000)
    monkeypatch.setattr(
        document_import, "read_document_file", lambda p: document_files.read_document_file(p, 10_000)
    )
    urls = local(files / f"{CANARY}-passport.png", files, big, empty, files / "registration.pdf", twin)
    assert drop(page, urls)
    dialog = add_dialog(qtbot, page)
    assert [p.file.path.name for p in dialog.file_pages()] == [f"{CANARY}-passport.png"]
    message = page.message.text()
    assert page.message.isVisibleTo(page)
    assert "scans: this is a folder" in message and "huge.png: larger than" in message
    assert "empty.pdf: the file is empty" in message
    assert "registration.pdf: already in the vault as “Регистрация”" in message
    assert f"copy-of-passport.png: the same file as {CANARY}-passport.png" in message
    accept(qtbot, page, dialog)
    assert [d.id for d in session.vault.documents.list()][:1] == [existing]
    assert len(session.vault.documents.list()) == 2


def test_a_file_changed_between_reading_and_storing_is_not_stored(
    qtbot: QtBot, page: DocumentsPage, session: Session, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    scan = tmp_path / "passport.png"
    scan.write_bytes(png_bytes())
    dialogs.answers.append([scan])
    page.add_button.click()
    dialog = add_dialog(qtbot, page)
    scan.write_bytes(png_bytes(colour="#000000"))  # not what the person saw in the dialog
    dialog.add_button.click()
    qtbot.waitUntil(lambda: page.adding.stage is Stage.IDLE, timeout=10_000)
    assert session.vault.documents.list() == []
    assert "passport.png: the file changed after it was read" in page.message.text()


def slowed(monkeypatch: pytest.MonkeyPatch, seconds: float) -> None:
    """Every file takes ``seconds`` to read (as from a slow USB stick)."""
    real = document_import.read_document_file

    def slow(path: Path) -> bytes:
        time.sleep(seconds)
        return real(path)

    monkeypatch.setattr(document_import, "read_document_file", slow)


def many(folder: Path, count: int) -> list[Path]:
    paths = []
    for number in range(count):
        path = folder / f"page-{number}.png"
        path.write_bytes(png_bytes(colour=f"#{number:02x}6f8f"))
        paths.append(path)
    return paths


def test_a_slow_read_keeps_the_window_turning_with_a_busy_bar_that_stops_it(
    qtbot: QtBot, page: DocumentsPage, session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    slowed(monkeypatch, 0.25)
    ticks: list[float] = []
    timer = QTimer(page)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    paths = many(tmp_path, 6)
    started = time.monotonic()
    assert page.add_paths(paths)
    assert time.monotonic() - started < 0.2, "add_paths returns at once; the reading is on the worker"
    assert page.busy.isVisibleTo(page) and not page.add_button.isEnabled()
    qtbot.waitUntil(lambda: "page-1.png" in page.busy.label.text(), timeout=5_000)
    assert "(2 of 6)" in page.busy.label.text() and page.busy.bar.maximum() == 6
    assert not drop(page, local(paths[0])), "a second addition waits for the first"
    assert not page.add_paths(paths)
    page.busy.cancel_button.click()
    qtbot.waitUntil(lambda: page.adding.stage is Stage.IDLE, timeout=5_000)
    timer.stop()
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert len(ticks) >= 10 and max(gaps) < 0.2, "the event loop kept turning while files were read"
    assert page.notice.text() == "Stopped: nothing was added."
    assert page.adding.dialog is None and not page.busy.isVisibleTo(page) and page.add_button.isEnabled()
    assert session.vault.documents.list() == []


def test_a_slow_store_keeps_the_window_turning_and_stops_between_two_files(
    qtbot: QtBot, page: DocumentsPage, session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = many(tmp_path, 4)
    page.add_paths(paths)
    dialog = add_dialog(qtbot, page)
    slowed(monkeypatch, 0.3)  # storing reads each file again
    ticks: list[float] = []
    timer = QTimer(page)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    dialog.add_button.click()
    assert page.adding.stage is Stage.STORING and page.busy.isVisibleTo(page)
    qtbot.waitUntil(lambda: "page-1.png" in page.busy.label.text(), timeout=5_000)
    assert "Storing" in page.busy.label.text()
    page.busy.cancel_button.click()
    assert "Stopping" in page.busy.label.text()
    qtbot.waitUntil(lambda: page.adding.stage is Stage.IDLE, timeout=5_000)
    timer.stop()
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert len(ticks) >= 10 and max(gaps) < 0.2, "the event loop kept turning while files were stored"
    stored = session.vault.documents.list()
    assert [d.original_name for d in stored] == ["page-0.png", "page-1.png"]
    assert page.notice.text() == "Stopped: 2 documents were added."
    assert page.model.rowCount() == 2


def test_locking_while_reading_or_asking_ends_it_and_leaves_nothing_on_screen(
    qtbot: QtBot,
    window: MainWindow,
    page: DocumentsPage,
    session: Session,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    secret = tmp_path / f"{CANARY}-passport.png"
    secret.write_bytes(png_bytes())
    slowed(monkeypatch, 0.3)
    page.add_paths([secret, *many(tmp_path, 2)])
    qtbot.waitUntil(lambda: CANARY in page.busy.label.text(), timeout=5_000)
    with qtbot.waitSignal(session.locked):
        window.lock_action.trigger()
    assert page.adding.stage is Stage.IDLE and not page.busy.isVisibleTo(page)
    qtbot.wait(800)  # the worker's late news arrives, and is dropped
    assert page.adding.dialog is None and not shows(page, CANARY)

    path = tmp_path / "again.vault"
    session.create(path, "orchard lantern velvet quarry 42")
    window.enter_workspace()
    window.workspace.show_page("documents")
    monkeypatch.undo()
    page.add_paths([secret])
    dialog = add_dialog(qtbot, page)
    dialog.confirm = lambda title, text, action: pytest.fail("locking asks nothing")  # type: ignore[func-returns-value]
    dialog.page(0).fields.title_field.edit.setText(f"{CANARY} changed")
    with qtbot.waitSignal(session.locked):
        window.lock_action.trigger()
    assert not dialog.isVisible() and page.adding.dialog is None
    assert not shows(dialog, CANARY) and not shows(page, CANARY)


def test_new_documents_get_their_thumbnails_without_decoding_again(
    qtbot: QtBot, page: DocumentsPage, session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scan = tmp_path / "lease.pdf"
    scan.write_bytes(pdf_bytes(3))
    page.add_paths([scan])
    dialog = add_dialog(qtbot, page)
    requests: list[int] = []
    monkeypatch.setattr(page.pictures, "request", lambda info, *rest: requests.append(info.id))
    accept(qtbot, page, dialog)
    assert session.vault.documents.list()[0].kind == "lease"
    assert "PDF, 3 pages" in page.model.data(page.model.index(0, 0))
    wait_for_thumbnail(qtbot, page, 0)
    assert requests == [], "the list and the details used the pictures made while reading"


def test_a_batch_larger_than_the_limit_reads_the_first_files_and_names_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(document_import, "MAX_FILES_AT_ONCE", 2)
    steps: list[tuple[int, int, str]] = []
    reading = document_import.read_files(
        many(tmp_path, 3),
        {},
        picture_size=64,
        ratio=1.0,
        progress=lambda done, total, name: steps.append((done, total, name)),
        cancelled=lambda: False,
    )
    assert [f.path.name for f in reading.files] == ["page-0.png", "page-1.png"]
    assert [r.text() for r in reading.refused] == [
        "page-2.png: only 2 files are added at once; add this one afterwards."
    ]
    assert all(f.picture is not None and f.picture.width() <= 64 for f in reading.files)
    assert steps[0] == (0, 3, "page-0.png") and steps[-1] == (3, 3, "")


def test_keyboard_only_the_kind_has_the_focus_and_enter_adds(
    qtbot: QtBot, page: DocumentsPage, session: Session, tmp_path: Path
) -> None:
    scan = tmp_path / "диплом.png"
    scan.write_bytes(png_bytes())
    page.add_paths([scan])
    dialog = add_dialog(qtbot, page)
    dialog.activateWindow()
    kind = dialog.page(0).fields.kind
    qtbot.waitUntil(kind.hasFocus)
    assert kind.currentData() == "diploma"
    with qtbot.waitSignal(page.added, timeout=10_000):
        qtbot.keyClick(kind, Qt.Key.Key_Return)  # the default button: Add
    assert [d.kind for d in session.vault.documents.list()] == ["diploma"]
