"""The first journey, counted: a Russian speaker arriving in Kazakhstan with their passport at hand,
from the first launch to a saved residence packet that holds their scanned passport, on a 1366×768
screen. Every step is done on the real widget a person would use (it must be visible and enabled),
and counted as a person counts:

- a click on a button, tab, check box, link or row: 1;
- typing a value into a field (focus and typing): 1;
- choosing from a drop-down list: 2 (open it, pick);
- a file dialog: 2 (pick or name the file, confirm).

Fails above 35 actions (issue 11). The count and the wall time are printed (``-s``) for the notes."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QRadioButton,
    QTabBar,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from tests.fakes import FakeClock, ScriptedDialogs
from tests.gui.conftest import STRONG
from tests.gui.profiles import new_session
from tests.gui.test_journey import scan_file
from waystation.ui.language import switch_language
from waystation.ui.main_window import MainWindow
from waystation.ui.navigation import KEY_ROLE
from waystation.ui.pages.documents import DocumentsPage
from waystation.ui.pages.packets_page import PacketsPage
from waystation.ui.session import Session
from waystation.ui.widgets.date_text import format_input_date

LIMIT = 35


@dataclass
class Person:
    """Acts on real widgets and counts each action."""

    qtbot: QtBot
    dialogs: ScriptedDialogs
    actions: list[str] = field(default_factory=list)

    def _reachable(self, widget: QWidget, what: str) -> None:
        assert widget.isVisible(), f"{what}: not visible"
        assert widget.isEnabled(), f"{what}: not enabled"

    def click(self, widget: QWidget, what: str) -> None:
        self._reachable(widget, what)
        # A check box reacts to its box and words, not to the empty rest of a stretched row.
        boxed = isinstance(widget, QCheckBox | QRadioButton)
        at = QPoint(8, widget.height() // 2) if boxed else widget.rect().center()
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=at)
        self.actions.append(f"click {what}")

    def type(self, edit: QLineEdit, text: str, what: str) -> None:
        """Focus and type; QTest types ASCII only, ``insert`` is what typing other letters does."""
        self._reachable(edit, what)
        edit.setFocus(Qt.FocusReason.MouseFocusReason)
        if text.isascii():
            self.qtbot.keyClicks(edit, text)
        else:
            edit.insert(text)
        edit.editingFinished.emit()
        self.actions.append(f"type {what}")

    def choose(self, combo: QComboBox, data: object, what: str) -> None:
        self._reachable(combo, what)
        index = combo.findData(data)
        assert index >= 0, f"{what}: {data!r} is not offered"
        combo.setCurrentIndex(index)
        combo.activated.emit(index)
        self.actions.append(f"choose {what} (open)")
        self.actions.append(f"choose {what} (pick)")

    def screen(self, window: MainWindow, key: str, what: str) -> QWidget:
        """A click on the screen's row in the navigation."""
        nav = window.workspace.nav
        self._reachable(nav, what)
        row = next(r for r in range(nav.count()) if nav.item(r).data(KEY_ROLE) == key)
        rect = nav.visualItemRect(nav.item(row))
        self.qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        self.actions.append(f"screen {what}")
        return window.workspace.stack.currentWidget()

    def tab(self, bar: QTabBar, index: int, what: str) -> None:
        self._reachable(bar, what)
        self.qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
        assert bar.currentIndex() == index
        self.actions.append(f"tab {what}")

    def file_dialog(self, answer: object, what: str) -> None:
        """Queued before the click that opens the dialog (the scripted dialogs answer in order)."""
        self.dialogs.answers.append(answer)
        self.actions.extend([f"file dialog {what} (pick)", f"file dialog {what} (confirm)"])


@pytest.fixture
def session(tmp_path: Path, clock: FakeClock) -> Iterator[Session]:
    """The app's very first start on this computer: no settings file yet."""
    s = new_session(tmp_path, clock, first_start=True)
    yield s
    s.lock()
    s.clipboard.detach()


@pytest.fixture
def dialogs(tmp_path: Path) -> ScriptedDialogs:
    scripted = ScriptedDialogs()
    scripted.vault_folder = tmp_path  # the person's Documents folder: new vaults are suggested there
    return scripted


@pytest.fixture
def in_russian() -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    switch_language(app, "ru")  # the system's language: the start screen follows it
    yield
    switch_language(app, "en")


def test_first_launch_to_a_residence_packet_with_a_scanned_passport_in_russian(
    qtbot: QtBot,
    window: MainWindow,
    session: Session,
    dialogs: ScriptedDialogs,
    tmp_path: Path,
    in_russian: None,
) -> None:
    started = time.perf_counter()
    window.resize(1366, 768)
    person = Person(qtbot, dialogs)
    start = window.start
    assert start.tabs.tabText(1) == "Создать хранилище"

    # The start screen: the first start here shows "Create", with a new vault's name filled in.
    assert start.tabs.currentWidget() is start.create_panel
    panel = start.create_panel
    assert panel.picker.path() == tmp_path / "waystation.vault"
    assert window.focusWidget() is panel.first  # where the typing goes once the window is active
    person.type(panel.first, STRONG, "passphrase")
    person.type(panel.second, STRONG, "passphrase again")
    person.click(panel.understood, "I understand it cannot be recovered")
    person.click(panel.create_button, "Create")
    qtbot.waitUntil(lambda: not panel.task.running, timeout=20_000)
    assert not panel.message.showing, panel.message.text()
    qtbot.waitUntil(lambda: window.first_run is not None and window.first_run.isVisible(), timeout=20_000)

    # The first-run wizard, passport at hand.
    wizard = window.first_run
    assert wizard is not None
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    host = wizard.host
    person.choose(host.country, "KZ", "host country")
    person.type(host.arrival, format_input_date(date(2026, 4, 20)), "arrival date")
    person.type(host.city, "Алматы", "city")
    person.type(host.address, "ул. Абая, 10, кв. 5", "address")
    person.click(next_button, "Next")
    person.click(wizard.purposes.boxes["work"], "purpose: work")
    person.click(next_button, "Next")
    person.type(wizard.names.edits["family_name"], "Иванова", "family name")
    person.type(wizard.names.edits["given_names"], "Мария", "given names")
    person.click(next_button, "Next")
    passport = wizard.passport
    person.click(passport.citizenship.listed["RU"], "citizenship: Russia")
    person.type(passport.born, format_input_date(date(1990, 7, 14)), "date of birth")
    person.click(passport.sex.buttons["F"], "sex")
    person.type(passport.place, "Москва", "place of birth")
    person.type(passport.number, "75 1234567", "passport number")
    person.type(passport.issued, format_input_date(date(2021, 5, 20)), "date of issue")
    person.type(passport.expires, format_input_date(date(2031, 5, 20)), "valid until")
    person.type(passport.authority, "МВД 77001", "issued by")
    with qtbot.waitSignal(session.changed, timeout=10_000):
        person.click(wizard.button(QWizard.WizardButton.FinishButton), "Finish")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.workspace)

    # The passport scan, into the documents.
    documents = person.screen(window, "documents", "Documents")
    assert isinstance(documents, DocumentsPage)
    person.file_dialog([scan_file(tmp_path)], "the passport scan")
    person.click(documents.add_button, "Add…")
    qtbot.waitUntil(lambda: documents.adding.dialog is not None, timeout=10_000)
    dialog = documents.adding.dialog
    assert dialog is not None
    assert dialog.page(0).fields.kind.currentData() == "passport"  # guessed from the file's name
    with qtbot.waitSignal(documents.added, timeout=10_000):
        person.click(dialog.add_button, "Add")

    # The residence packet.
    packets = person.screen(window, "packets", "Packets")
    assert isinstance(packets, PacketsPage)
    assert packets.form.country_code() == "KZ"
    if packets.form.track.currentData() != "residence":
        person.choose(packets.form.track, "residence", "track")
    with qtbot.waitSignal(packets.packet_ready, timeout=30_000):
        person.click(packets.build_button, "Build")
    assert packets.form.readiness.gaps == ()  # nothing the office reads is missing
    assert packets.result is not None and packets.result.warnings == ()
    saved = tmp_path / "пакет.pdf"
    person.file_dialog(saved, "where the packet goes")
    person.click(packets.save_button, "Save…")
    qtbot.waitUntil(saved.exists, timeout=10_000)

    reader = PdfReader(saved)
    assert len(reader.pages) == packets.result.pages
    documents_kept = session.vault.documents.list()
    assert [(d.kind, d.passport_number) for d in documents_kept] == [("passport", "75 1234567")]
    text = "".join(page.extract_text() for page in reader.pages)
    for value in ("IVANOVA", "75 1234567", "Алматы"):
        assert value in text, value
    elapsed = time.perf_counter() - started
    print(f"\njourney: {len(person.actions)} actions, {elapsed:.1f} s")
    for number, action in enumerate(person.actions, 1):
        print(f"  {number:2}. {action}")
    assert len(person.actions) <= LIMIT, person.actions
