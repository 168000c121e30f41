"""The packets screen: choose country / track / language, build on a worker thread with progress and
Cancel, preview the pages, save (with and without a password) and print; bad input, a refused
target and a lock during or after a build."""

from __future__ import annotations

import dataclasses
import io
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from tests.fakes import ScriptedDialogs
from tests.gui.profiles import CANARY, open_vault, profile_in, shows
from waystation.packets.from_vault import request_from_vault
from waystation.packets.request import PacketRequest
from waystation.ui.main_window import MainWindow
from waystation.ui.pages.packets_page import PacketsPage
from waystation.ui.session import Session

PDF_PASSWORD = "plum harbour 7"


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (300, 200), "#2f6f8f").save(buffer, format="PNG")
    return buffer.getvalue()


def broken_png() -> bytes:
    return b"\x89PNG\r\n\x1a\n" + b"not an image" * 8


@pytest.fixture
def page(window: MainWindow, session: Session, tmp_path: Path) -> Iterator[PacketsPage]:
    open_vault(session, tmp_path, profile_in("KZ", [("KZ", date(2026, 3, 1), None)]))
    session.vault.documents.add(png_bytes(), kind="passport", title="passport", original_name="p.png")
    window.enter_workspace()
    shown = window.workspace.show_page("packets")
    assert isinstance(shown, PacketsPage)
    yield shown
    for worker in (shown.worker, shown.drawing, shown.printing):
        assert worker.wait(10_000)  # no build, drawing or printing outlives its test


def build(qtbot: QtBot, page: PacketsPage) -> None:
    with qtbot.waitSignal(page.packet_ready, timeout=20_000):
        qtbot.mouseClick(page.build_button, Qt.MouseButton.LeftButton)


def type_password(page: PacketsPage, first: str, second: str | None = None) -> None:
    page.form.password.setText(first)
    page.form.repeat.setText(first if second is None else second)


class BlockingFetch:
    """Wraps the page's request so that reading a document waits until the test releases it."""

    def __init__(self, page: PacketsPage) -> None:
        self.entered = threading.Event()
        self.release = threading.Event()
        self._make = page.make_request
        page.make_request = self

    def __call__(self, *args: Any, **kwargs: Any) -> PacketRequest:
        request = self._make(*args, **kwargs)
        real = request.fetch

        def fetch(document_id: int) -> bytes:
            data = real(document_id)
            self.entered.set()
            self.release.wait(10)
            return data

        return dataclasses.replace(request, fetch=fetch)


def test_choices_default_to_the_host_country_and_its_packet_tracks(page: PacketsPage) -> None:
    form = page.form
    assert form.country_code() == "KZ"
    assert form.country.currentText() == "Kazakhstan"
    tracks = [form.track.itemData(i) for i in range(form.track.count())]
    assert tracks == list(page.session.library.packs["KZ"].packets)
    assert form.purpose.text().startswith("Application for a temporary residence permit")
    assert form.language_code() == "en"  # the interface language
    form.country.setCurrentIndex(form.country.findData("IL"))
    assert [form.track.itemData(i) for i in range(form.track.count())] == ["counselling"]
    assert "consultation" in form.purpose.text()


def test_build_preview_save_and_print(
    qtbot: QtBot, page: PacketsPage, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    reports: list[tuple[int, int]] = []
    page.worker.progressed.connect(lambda done, total, _text: reports.append((done, total)))
    build(qtbot, page)
    result = page.result
    assert result is not None and not result.encrypted
    assert reports and reports[-1][0] == reports[-1][1]  # the last report is the whole
    assert page.progress.value() == page.progress.maximum() > 0
    assert len(page.preview.pages) == result.pages >= 3
    assert page.preview.position.text() == f"Page 1 of {result.pages}"
    page.preview.next_button.click()
    assert page.preview.position.text() == f"Page 2 of {result.pages}"
    assert "Kazakhstan, Residence" in page.summary.text()
    assert not page.warnings.isVisibleTo(page)

    target = tmp_path / "out" / "my packet"
    target.parent.mkdir()
    dialogs.answers.append(target)
    page.save_button.click()
    saved = target.with_suffix(".pdf")
    assert len(PdfReader(saved).pages) == result.pages
    assert page.saved.text() == f"Saved the packet ({result.pages} pages) as my packet.pdf."

    printed = tmp_path / "printed.pdf"

    def print_to_file(printer: QPrinter, pages: int) -> bool:
        assert pages == result.pages
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return True

    page.print_dialog = print_to_file
    with qtbot.waitSignal(page.printed, timeout=20_000):
        page.print_button.click()
        assert not page.print_button.isEnabled(), "one print job at a time"
    assert len(PdfReader(printed).pages) == result.pages
    assert page.saved.text() == f"Sent {result.pages} pages to the printer."


def test_a_password_protected_packet(
    qtbot: QtBot, page: PacketsPage, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    type_password(page, PDF_PASSWORD)
    build(qtbot, page)
    assert page.result is not None and page.result.encrypted
    assert page.protected.text() == "Protected with a password."
    assert len(page.preview.pages) == page.result.pages  # the preview opened it
    dialogs.answers.append(tmp_path / "locked.pdf")
    page.save_button.click()
    reader = PdfReader(tmp_path / "locked.pdf")
    assert reader.is_encrypted
    assert reader.decrypt("wrong password") == 0
    assert reader.decrypt(PDF_PASSWORD) != 0
    assert len(reader.pages) == page.result.pages


def test_passwords_that_differ_or_cannot_be_used_are_refused_beside_the_field(
    qtbot: QtBot, page: PacketsPage
) -> None:
    type_password(page, PDF_PASSWORD, PDF_PASSWORD + "x")
    page.build_button.click()
    assert page.form.messages["repeat"].text() == "The two passwords differ; type the same one twice."
    assert page.form.messages["repeat"].isVisibleTo(page)
    assert not page.worker.running and page.result is None
    assert page.form.password.text() == PDF_PASSWORD  # nothing lost
    type_password(page, "tulip 🌷")
    page.build_button.click()
    assert "emoji" in page.form.messages["password"].text()
    assert not page.worker.running
    type_password(page, "")
    build(qtbot, page)
    assert not page.form.messages["password"].isVisibleTo(page)


def test_cancel_stops_a_running_build(qtbot: QtBot, page: PacketsPage) -> None:
    blocking = BlockingFetch(page)
    page.build_button.click()
    assert page.worker.running and page.cancel_button.isEnabled()
    assert not page.build_button.isEnabled() and not page.form.isEnabled()
    qtbot.waitUntil(blocking.entered.is_set)
    with qtbot.waitSignal(page.worker.cancelled, timeout=10_000):
        page.cancel_button.click()
        blocking.release.set()
    assert page.result is None and page.preview.pages == []
    assert page.progress_text.text() == "Cancelled; no packet was built."
    assert not page.save_button.isEnabled() and page.build_button.isEnabled()


def test_an_existing_or_unwritable_target_loses_nothing(
    qtbot: QtBot, page: PacketsPage, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    build(qtbot, page)
    existing = tmp_path / "existing.pdf"
    existing.write_bytes(b"keep me")
    questions: list[str] = []
    page.confirm = lambda _title, text, _action: questions.append(text) or False
    dialogs.answers.append(existing)
    page.save_button.click()
    assert questions == ["existing.pdf already exists. Replace it with this packet?"]
    assert existing.read_bytes() == b"keep me"
    assert page.saved.text() == "Nothing was saved."

    dialogs.answers.append(tmp_path / "no such folder" / "packet.pdf")
    page.save_button.click()
    assert "does not exist" in page.message.text() and page.message.isVisibleTo(page)
    assert page.result is not None and page.save_button.isEnabled()  # still here to save elsewhere

    page.confirm = lambda _title, _text, _action: True
    dialogs.answers.append(existing)
    page.save_button.click()
    assert len(PdfReader(existing).pages) == page.result.pages
    assert not page.message.isVisibleTo(page)


def test_a_skipped_scan_is_listed_and_lock_clears_everything(
    qtbot: QtBot, page: PacketsPage, session: Session
) -> None:
    session.vault.documents.add(broken_png(), kind="passport", title=f"{CANARY} scan", original_name="x.png")
    type_password(page, PDF_PASSWORD)
    build(qtbot, page)
    assert page.warnings.isVisibleTo(page)
    assert f"“{CANARY} scan” was left out" in page.warnings.text()
    assert page.preview.pages and page.result is not None
    with qtbot.waitSignal(session.locked):
        session.lock()
    assert page.result is None and page.preview.pages == []
    assert page.form.password.text() == "" and page.form.repeat.text() == ""
    assert page.warnings.text() == "" and page.summary.text() == ""
    assert not page.save_button.isEnabled() and not page.print_button.isEnabled()
    assert not shows(page, CANARY)


def test_lock_during_a_build_cancels_it_and_drops_the_result(
    qtbot: QtBot, page: PacketsPage, session: Session
) -> None:
    blocking = BlockingFetch(page)
    page.build_button.click()
    qtbot.waitUntil(blocking.entered.is_set)
    with qtbot.waitSignal(session.locked):
        session.lock()
    blocking.release.set()
    assert page.worker.wait(10_000)
    QCoreApplication.processEvents()  # the worker's late news arrives, to be dropped
    assert page.result is None and page.preview.pages == []
    assert not page.progress.isVisibleTo(page) and not page.message.text()
    assert not page.build_button.isEnabled()


def test_the_packet_is_built_with_the_chosen_language(qtbot: QtBot, page: PacketsPage) -> None:
    seen: list[PacketRequest] = []

    def spy(*args: Any, **kwargs: Any) -> PacketRequest:
        seen.append(request_from_vault(*args, **kwargs))
        return seen[-1]

    page.make_request = spy
    page.form.set_language("uk")
    page.form.track.setCurrentIndex(page.form.track.findData("counselling"))
    build(qtbot, page)
    assert [(r.pack.country, r.track, r.language, r.password) for r in seen] == [
        ("KZ", "counselling", "uk", None)
    ]
    assert "Counselling" in page.summary.text()


def test_lock_while_the_save_dialog_is_open_writes_nothing(
    qtbot: QtBot, page: PacketsPage, session: Session, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    build(qtbot, page)
    target = tmp_path / "late.pdf"

    def locked_meanwhile(*_args: object) -> Path:
        session.lock()  # auto-lock fired while the dialog was open
        return target

    dialogs.save_file = locked_meanwhile  # type: ignore[method-assign]
    page.save_button.click()
    assert not target.exists()
    assert page.result is None and page.saved.text() == ""


def test_a_profile_the_core_refuses_gives_one_clear_message(
    qtbot: QtBot, page: PacketsPage, session: Session
) -> None:
    session.vault.profile.replace(
        profile_in("KZ", [("GE", date(2026, 1, 10), None), ("KZ", date(2026, 3, 1), None)])
    )
    page.build_button.click()
    assert page.message.isVisibleTo(page)
    assert page.message.text().startswith("Two stays have no exit date")
    assert not page.worker.running and page.result is None
    assert page.build_button.isEnabled()  # fix the profile and try again
