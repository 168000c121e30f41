"""End session at a help desk: it waits for a safe point and says so (a packet being built stops,
a passphrase change finishes), works from under a modal dialog, and any lock at a desk ends in the
same clean slate. The desk's start screen names no one unless the desk chose so; a client's vault
that is in use, damaged or from a newer version gets one clear message and stays untouched; the
volunteer prints straight from the packet screen, and no print file stays in the temp folder."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from tests.fakes import FakeClock, ScriptedDialogs
from tests.gui.helpdesk_support import (
    desk_window,
    end_session_by_keys,
    open_client,
    run_deferred_deletes,
    start_of,
    texts_anywhere,
)
from tests.gui.profiles import STRONG, profile_in
from tests.gui.test_packets_page import BlockingFetch, png_bytes
from waystation.errors import WrongPassphrase
from waystation.ui.helpdesk.desk_window import DeskWindow
from waystation.ui.pages.packets_page import PacketsPage
from waystation.ui.pages.settings import SettingsPage
from waystation.ui.session import Session
from waystation.vault import copies
from waystation.vault.connection import Vault

NEW = "harbour meadow copper violin 7"


def client_vault(path: Path, country: str = "KZ") -> Path:
    with Vault.create(path, STRONG) as vault:
        vault.profile.replace(profile_in(country, [(country, date(2026, 3, 1), None)]))
        vault.documents.add(png_bytes(), kind="passport", title="passport", original_name="p.png")
    return path


@pytest.fixture
def desk(qtbot: QtBot, session: Session, dialogs: ScriptedDialogs, tmp_path: Path) -> DeskWindow:
    return desk_window(qtbot, session, dialogs, tmp_path)


def opened(qtbot: QtBot, desk: DeskWindow, session: Session, tmp_path: Path) -> Path:
    path = client_vault(tmp_path / "desk" / "client.vault")
    open_client(qtbot, desk, session, path, STRONG)
    return path


@pytest.mark.slow
def test_end_session_waits_for_a_packet_build_to_stop(
    qtbot: QtBot, desk: DeskWindow, session: Session, tmp_path: Path
) -> None:
    opened(qtbot, desk, session, tmp_path)
    page = desk.workspace.show_page("packets")
    assert isinstance(page, PacketsPage)
    blocking = BlockingFetch(page)
    page.build_button.click()
    qtbot.waitUntil(blocking.entered.is_set, timeout=20_000)
    desk.end_action.trigger()
    assert desk.ending_line.isVisible() and "packet being built" in desk.ending_line.words.text()
    assert session.is_open and not desk.stack.isEnabled() and not desk.end_action.isEnabled()
    desk.end_action.trigger()  # pressed again: still one ending
    with qtbot.waitSignal(desk.session_ended, timeout=30_000):
        blocking.release.set()
    run_deferred_deletes()
    assert not desk.ending_line.isVisible() and desk.stack.isEnabled() and not session.is_open
    assert not isValid(page)


@pytest.mark.slow
def test_end_session_waits_for_a_passphrase_change_to_finish(
    qtbot: QtBot, desk: DeskWindow, session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = opened(qtbot, desk, session, tmp_path)
    release = threading.Event()
    entered = threading.Event()
    real = copies.change_passphrase

    def slow_change(*args: object, **kwargs: object) -> Vault:
        entered.set()
        release.wait(20)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(copies, "change_passphrase", slow_change)
    page = desk.workspace.show_page("settings")
    assert isinstance(page, SettingsPage)
    page.change_button.click()
    dialog = page.passphrase_dialog
    assert dialog is not None
    dialog.current.setText(STRONG)
    dialog.new.setText(NEW)
    dialog.repeat.setText(NEW)
    dialog.ok_button.click()
    qtbot.waitUntil(entered.is_set, timeout=20_000)
    desk.end_action.trigger()
    assert "passphrase change" in desk.ending_line.words.text() and session.handle is not None
    with qtbot.waitSignal(desk.session_ended, timeout=30_000):
        release.set()
    assert not session.is_open
    with pytest.raises(WrongPassphrase):
        Vault.open(path, STRONG)
    with Vault.open(path, NEW) as vault:  # the change finished, safely, before the session ended
        assert copies.check(vault).ok
    assert [p.name for p in path.parent.iterdir() if p.name.startswith(".")] == []


@pytest.mark.slow
def test_end_session_works_from_under_a_modal_dialog_and_is_always_shown(
    qtbot: QtBot, desk: DeskWindow, session: Session, tmp_path: Path
) -> None:
    assert desk.end_action.isVisible()  # on the desk's start screen too
    opened(qtbot, desk, session, tmp_path)
    assert desk.end_action.isVisible() and desk.copy_action.isVisible()
    desk.copy_action.trigger()
    dialog = desk.handoff_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.current.setText(STRONG)
    dialog.current.setFocus()
    end_session_by_keys(qtbot, desk)
    run_deferred_deletes()
    assert not session.is_open and not isValid(dialog)
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not desk] == []


@pytest.mark.slow
def test_an_idle_lock_at_a_desk_ends_in_a_clean_slate(
    qtbot: QtBot, desk: DeskWindow, session: Session, tmp_path: Path, clock: FakeClock
) -> None:
    path = opened(qtbot, desk, session, tmp_path)
    first = desk.start
    clock.advance(seconds=(session.app_settings.auto_lock_minutes + 1) * 60)
    with qtbot.waitSignal(desk.session_ended, timeout=20_000):
        desk.idle.check()
    assert desk.start is not first and not session.is_open
    start = start_of(desk)
    assert start.open_panel.picker.edit.text() == "" and start.open_panel.just_locked is None
    assert not any(str(path) in text or path.name in text for _w, text in texts_anywhere())


def test_the_desk_lists_no_vault_names_unless_it_chose_to(
    qtbot: QtBot, session: Session, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    (tmp_path / "desk").mkdir()
    client_vault(tmp_path / "desk" / "ivanova-maria.vault")
    desk = desk_window(qtbot, session, dialogs, tmp_path)
    assert not any("ivanova" in text for _w, text in texts_anywhere())
    start = start_of(desk)
    start.open_desk_settings()
    section = start.desk_dialog.section if start.desk_dialog is not None else None
    assert section is not None
    section.show_names.setChecked(True)
    start.desk_dialog.reject()  # type: ignore[union-attr]
    assert start.desk_list.isVisible() and start.desk_list.item(0).text() == "ivanova-maria.vault"
    start.desk_list.itemClicked.emit(start.desk_list.item(0))
    assert start.open_panel.picker.path() == tmp_path / "desk" / "ivanova-maria.vault"


def fingerprint(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def attempt(qtbot: QtBot, desk: DeskWindow, path: Path) -> str:
    panel = start_of(desk).open_panel
    panel.picker.edit.setText(str(path))
    panel.passphrase.setText(STRONG)
    with qtbot.waitSignal(panel.task.settled, timeout=20_000):
        panel.unlock_button.click()
    return start_of(desk).open_panel.message.text()  # a new start screen, if the vault was closed


@pytest.mark.slow
def test_vaults_in_use_damaged_or_newer_get_one_clear_message(
    qtbot: QtBot, desk: DeskWindow, session: Session, tmp_path: Path
) -> None:
    busy = client_vault(tmp_path / "busy.vault")
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from waystation.vault.connection import Vault; "
            f"v = Vault.open(sys.argv[1], {STRONG!r}); print('open', flush=True); sys.stdin.read()",
            str(busy),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        assert "open in another window or program" in attempt(qtbot, desk, busy)
    finally:
        holder.communicate("", timeout=30)

    damaged = client_vault(tmp_path / "damaged.vault")
    data = bytearray(damaged.read_bytes())
    data[5000] ^= 0x40
    damaged.write_bytes(bytes(data))
    before = fingerprint(damaged)
    words = attempt(qtbot, desk, damaged)
    assert "damaged" in words and "closed it without writing" in words
    assert fingerprint(damaged) == before and not session.is_open

    newer = client_vault(tmp_path / "newer.vault")
    with Vault.open(newer, STRONG) as vault:
        vault.conn.execute("PRAGMA user_version = 99")
    before = fingerprint(newer)
    assert "newer version of Waystation" in attempt(qtbot, desk, newer)
    assert fingerprint(newer) == before
    assert not session.is_open and desk.isVisible()


@pytest.mark.slow
def test_the_volunteer_prints_from_the_packet_screen_and_no_print_file_stays(
    qtbot: QtBot, desk: DeskWindow, session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    opened(qtbot, desk, session, tmp_path)
    page = desk.workspace.show_page("packets")
    assert isinstance(page, PacketsPage)
    with qtbot.waitSignal(page.packet_ready, timeout=30_000):
        page.build_button.click()
    assert page.result is not None
    printed = tmp_path / "printer-out.pdf"

    def print_to_file(printer: QPrinter, pages: int) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return True

    page.print_dialog = print_to_file
    with qtbot.waitSignal(page.printed, timeout=30_000):
        page.print_button.click()
    assert len(PdfReader(printed).pages) == page.result.pages
    end: Callable[[], None] = desk.end_action.trigger
    with qtbot.waitSignal(desk.session_ended, timeout=30_000):
        end()
    assert list(temp.iterdir()) == []
