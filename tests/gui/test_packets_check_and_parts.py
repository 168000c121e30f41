"""The Packets screen before and after building: the check of empty fields the office needs, with
links into the profile; the choice of part (for the office, for you, both); and the pages drawn on
a worker thread, shown as they arrive, while the window keeps responding."""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from tests.fakes import ScriptedDialogs
from tests.gui.profiles import open_vault, profile_in
from tests.gui.test_packets_page import build, png_bytes
from tests.unit.test_packet_support import flat, pdftotext, profile
from waystation.errors import InvalidInput
from waystation.packets.from_vault import request_from_vault
from waystation.packets.request import PacketRequest
from waystation.ui.main_window import MainWindow
from waystation.ui.pages import packet_print
from waystation.ui.pages.packet_preview import draw_pages
from waystation.ui.pages.packet_tasks import Cancelled, PageTask, Report, Work
from waystation.ui.pages.packets_page import PacketsPage
from waystation.ui.pages.profile import ProfilePage
from waystation.ui.session import Session

PAGE_PAUSE = 0.25  # seconds per page in the slowed drawing


@pytest.fixture
def page(window: MainWindow, session: Session, tmp_path: Path) -> Iterator[PacketsPage]:
    open_vault(session, tmp_path, profile_in("KZ", [("KZ", date(2026, 3, 1), None)]))
    session.vault.documents.add(png_bytes(), kind="passport", title="passport", original_name="p.png")
    window.enter_workspace()
    shown = window.workspace.show_page("packets")
    assert isinstance(shown, PacketsPage)
    yield shown
    for worker in (shown.worker, shown.drawing, shown.printing):
        assert worker.wait(10_000)


def choose(page: PacketsPage, part: str) -> None:
    page.form.part_buttons[part].click()


def slowed(pause: float = PAGE_PAUSE) -> Any:
    def draw(pdf: bytes, password: str | None, width: int) -> Work:
        real = draw_pages(pdf, password, width)

        def work(report: Report, cancelled: Cancelled) -> object:
            def report_slowly(done: int, total: int, image: object) -> None:
                time.sleep(pause)
                report(done, total, image)

            return real(report_slowly, cancelled)

        return work

    return draw


def test_empty_fields_the_office_needs_are_listed_with_links(page: PacketsPage) -> None:
    panel = page.form.readiness
    assert panel.isVisibleTo(page)
    assert panel.summary.text() == "The office will look for 8 fields that are empty in your profile:"
    assert panel.links.texts() == [
        "Family name in Latin letters (as in the passport)\nProfile · Person",
        "Given names in Latin letters\nProfile · Person",
        "Date of birth\nProfile · Person",
        "Place of birth\nProfile · Person",
        "4 more empty fields\nOpen the profile",
    ]
    assert "build the packet anyway" in panel.note.text()
    assert page.build_button.isEnabled(), "building anyway stays possible"


def test_a_link_opens_the_profile_at_the_field(qtbot: QtBot, window: MainWindow, page: PacketsPage) -> None:
    profile_page = window.workspace.pages["profile"]
    assert isinstance(profile_page, ProfilePage)
    page.form.readiness.links.choose_row(2)  # date of birth
    assert window.workspace.stack.currentWidget() is profile_page
    assert window.focusWidget() is profile_page.person.fields["date_of_birth"].edit
    window.workspace.show_page("packets")
    page.form.readiness.links.choose_row(4)  # "4 more": the first of them, the sex
    assert window.focusWidget() is profile_page.person.sex
    window.workspace.show_page("packets")
    page.session.vault.profile.replace(profile("KZ"))
    page.refresh()
    texts = page.form.readiness.links.texts()
    assert texts == [] and page.form.readiness.summary.text().startswith("Everything the office")


def test_links_to_passports_and_the_address(qtbot: QtBot, window: MainWindow, page: PacketsPage) -> None:
    profile_page = window.workspace.pages["profile"]
    assert isinstance(profile_page, ProfilePage)
    page.navigate.emit("profile", "passports")
    assert window.focusWidget() is profile_page.tables["passports"].table
    page.navigate.emit("profile", "host.address")
    assert window.focusWidget() is profile_page.host.fields["address"].edit
    page.navigate.emit("profile", "person.no_such_field")  # an unknown field: its section
    assert window.workspace.stack.currentWidget() is profile_page


def test_the_check_follows_the_track_and_the_part(page: PacketsPage) -> None:
    panel = page.form.readiness
    page.form.track.setCurrentIndex(page.form.track.findData("counselling"))
    assert panel.links.texts() == ["Phone or email\nProfile · Person"]
    assert panel.summary.text() == "The office will look for 1 field that is empty in your profile:"
    choose(page, "personal")
    assert not panel.isVisibleTo(page), "the part for you needs nothing from the profile"
    choose(page, "office")
    assert panel.isVisibleTo(page)


def test_building_anyway_prints_not_provided(qtbot: QtBot, page: PacketsPage) -> None:
    choose(page, "office")
    build(qtbot, page)
    assert page.result is not None
    text = flat(pdftotext(page.result.pdf))
    assert "not provided" in text and "For you" not in text and "missing" not in text


@pytest.mark.parametrize(("part", "suffix"), [("office", "-office"), ("personal", "-personal"), ("both", "")])
def test_the_chosen_part_is_built_and_named(
    qtbot: QtBot, page: PacketsPage, dialogs: ScriptedDialogs, part: str, suffix: str
) -> None:
    seen: list[PacketRequest] = []

    def spy(*args: Any, **kwargs: Any) -> PacketRequest:
        seen.append(request_from_vault(*args, **kwargs))
        return seen[-1]

    page.make_request = spy
    choose(page, part)
    build(qtbot, page)
    assert [request.part for request in seen] == [part]
    assert page.result is not None and len(page.preview.pages) == page.result.pages
    text = flat(pdftotext(page.result.pdf))
    assert ("For you, not for the office" in text) == (part != "office")
    assert ("Signature of the applicant" in text) == (part != "personal")
    suggested: list[str] = []
    dialogs.save_file = lambda _parent, _title, name, _filter: suggested.append(name)  # type: ignore[assignment,method-assign]
    page.save_button.click()
    assert suggested == [f"packet-kz-residence{suffix}.pdf"]


def test_pages_are_drawn_on_a_worker_while_the_window_responds(qtbot: QtBot, page: PacketsPage) -> None:
    page.draw_pages = slowed()
    ticks: list[float] = []
    timer = QTimer(page)
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    arrived: list[int] = []
    page.drawing.progressed.connect(lambda done, _total, _image: arrived.append(len(page.preview.pages)))
    with qtbot.waitSignal(page.worker.built, timeout=20_000):
        page.build_button.click()
    assert page.result is not None and page.preview.drawing
    assert page.save_button.isEnabled() and page.print_button.isEnabled(), "the packet is usable at once"
    assert page.preview.busy.isVisibleTo(page)
    assert page.preview.empty.text().startswith("Drawing the pages")
    started = len(ticks)
    with qtbot.waitSignal(page.packet_ready, timeout=30_000):
        pass
    timer.stop()
    pages = page.result.pages
    assert pages >= 3 and len(page.preview.pages) == pages
    assert arrived[0] <= 1 < pages, "pages are shown as they arrive, not all at the end"
    assert not page.preview.drawing and not page.preview.busy.isVisibleTo(page)
    assert page.preview.position.text() == f"Page 1 of {pages}"
    # the drawing took pages × PAGE_PAUSE; the event loop kept turning all along
    assert len(ticks) - started >= pages * PAGE_PAUSE / 0.02 / 3
    gaps = [later - earlier for earlier, later in itertools.pairwise(ticks)]
    assert max(gaps) < PAGE_PAUSE, "no freeze as long as drawing one page"


def test_lock_while_pages_are_drawn_drops_them(qtbot: QtBot, page: PacketsPage, session: Session) -> None:
    page.draw_pages = slowed(0.4)
    with qtbot.waitSignal(page.drawing.progressed, timeout=20_000):
        page.build_button.click()
    with qtbot.waitSignal(session.locked):
        session.lock()
    assert page.drawing.wait(10_000)
    QCoreApplication.processEvents()  # late pages arrive, to be dropped
    assert page.preview.pages == [] and page.result is None and not page.preview.drawing


def test_pages_that_cannot_be_drawn_leave_a_packet_that_can_be_saved(
    qtbot: QtBot, page: PacketsPage, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    def unreadable(_pdf: bytes, _password: str | None, _width: int) -> Work:
        def work(_report: Report, _cancelled: Cancelled) -> object:
            raise InvalidInput("The packet's pages could not be shown.")

        return work

    page.draw_pages = unreadable
    build(qtbot, page)
    assert page.message.text() == "The packet's pages could not be shown."
    assert page.preview.pages == [] and page.save_button.isEnabled()
    dialogs.answers.append(tmp_path / "kept.pdf")
    page.save_button.click()
    assert (tmp_path / "kept.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.logs_expected
def test_a_bug_in_page_work_is_reported_calmly_and_logged_without_values(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    task = PageTask(lambda: "The packet's pages could not be shown because of an error in Waystation.")

    def broken(_report: Report, _cancelled: Cancelled) -> object:
        raise RuntimeError("Canarykova 751234567")

    with qtbot.waitSignal(task.failed, timeout=10_000) as failed:
        task.start(broken)
    assert failed.args == ["The packet's pages could not be shown because of an error in Waystation."]
    assert (
        "RuntimeError" in caplog.text and "Canarykova" not in caplog.text and "751234567" not in caplog.text
    )
    assert not task.running and task.wait(5_000)
    caplog.clear()  # the error record is expected here


def test_a_forgotten_task_is_never_heard_from(qtbot: QtBot) -> None:
    task = PageTask(lambda: "bug")
    heard: list[object] = []
    task.progressed.connect(lambda *args: heard.append(args))
    task.finished.connect(heard.append)
    started = threading.Event()

    def slow(report: Report, cancelled: Cancelled) -> object:
        started.set()
        for step in range(50):
            if cancelled():
                return "stopped"
            report(step, 50, None)
            time.sleep(0.01)
        return "done"

    task.start(slow)
    assert started.wait(5)
    task.forget()
    assert task.wait(5_000)
    QCoreApplication.processEvents()
    assert heard == [], "neither its progress nor its result reaches the page"


def test_printing_runs_on_a_worker_and_stops_at_a_lock(
    qtbot: QtBot, page: PacketsPage, session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(qtbot, page)
    assert page.result is not None
    real = packet_print.page_image

    def slow_page(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.3)
        return real(*args, **kwargs)

    monkeypatch.setattr(packet_print, "page_image", slow_page)
    printed = tmp_path / "printed.pdf"

    def print_to_file(printer: QPrinter, _pages: int) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return True

    page.print_dialog = print_to_file
    ticks: list[int] = []
    timer = QTimer(page)
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    with qtbot.waitSignal(page.printing.task.progressed, timeout=20_000):
        page.print_button.click()
    assert page.saved.text().startswith("Printing page 1 of")
    assert len(ticks) >= 5, "the window kept responding while the first page was printed"
    with qtbot.waitSignal(session.locked):
        session.lock()
    assert page.printing.wait(10_000)
    QCoreApplication.processEvents()
    timer.stop()
    assert page.saved.text() == "" and not page.printing.running
    assert not printed.exists() or len(PdfReader(printed).pages) < 4, "it stopped between pages"
