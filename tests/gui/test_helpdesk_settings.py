"""The desk's settings (Settings → Help desk, and the desk's start screen): help-desk mode turned on
takes effect when the session ends; the record is off by default, says where it is kept and what
it holds, counts, exports CSV (never over a file) and can be erased. Bundles of vaults are packed
at the desk and unpacked at home from the start screen."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.fakes import ScriptedDialogs
from tests.gui.helpdesk_support import desk_window, new_client, open_client, start_of
from tests.gui.profiles import STRONG, profile_in
from waystation.helpdesk.desk_record import DeskRecord
from waystation.helpdesk.desk_settings import DeskSettingsStore
from waystation.ui.helpdesk.desk_section import DeskSection
from waystation.ui.helpdesk.desk_start import DeskStartScreen
from waystation.ui.pages.settings import SettingsPage
from waystation.ui.session import Session
from waystation.vault.connection import Vault


def client_vault(path: Path) -> Path:
    with Vault.create(path, STRONG) as vault:
        vault.profile.replace(profile_in("TR", [("TR", date(2026, 3, 1), None)]))
    return path


def test_help_desk_mode_from_settings_takes_effect_when_the_session_ends(
    qtbot: QtBot, session: Session, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    window = desk_window(qtbot, session, dialogs, tmp_path, helpdesk=False)
    assert not window.end_action.isVisible()  # an ordinary start: no desk
    assert start_of(window).heading.text() == "Waystation"
    path = client_vault(tmp_path / "mine.vault")
    open_client(qtbot, window, session, path, STRONG)
    page = window.workspace.show_page("settings")
    assert isinstance(page, SettingsPage)
    section = page.desk
    assert not section.helpdesk.isChecked() and section.keep_record.isChecked()  # set by the fixture
    section.helpdesk.setChecked(True)
    assert DeskSettingsStore(session.store.folder).load().helpdesk
    with qtbot.waitSignal(window.session_ended, timeout=20_000):
        window.lock_action.trigger()
    assert window.helpdesk_mode and window.end_action.isVisible()
    start = start_of(window)
    assert start.heading.text() == "Waystation — help desk" and start.open_panel.picker.edit.text() == ""


def test_the_record_says_where_it_is_and_exports_csv(
    qtbot: QtBot, session: Session, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    record = DeskRecord(tmp_path / "app-data" / "helpdesk" / "desk-record.json")
    section = DeskSection(DeskSettingsStore(tmp_path / "cfg"), dialogs=dialogs, record=record)
    qtbot.addWidget(section)
    assert not section.keep_record.isChecked()  # off by default
    assert str(record.path) in section.record_hint.text() and "No names" in section.record_hint.text()
    assert not section.export_button.isEnabled()
    section.keep_record.setChecked(True)
    record.add(date(2026, 5, 1), "GE", sessions=2, new_vaults=1, packets=3)
    section.show_settings()
    assert section.totals.text() == "So far: 2 sessions, 1 new vault, 3 packets."
    target = tmp_path / "report"
    dialogs.answers.append(target)
    section.export_button.click()
    rows = list(csv.reader((tmp_path / "report.csv").open(encoding="utf-8")))
    assert rows[1] == ["2026-05-01", "GE", "2", "1", "3"]
    dialogs.answers.append(tmp_path / "report.csv")
    section.export_button.click()
    assert "already exists" in section.message.text()
    section.confirm = lambda _title, _text, _action: True
    section.erase_button.click()
    assert record.rows() == [] and not section.export_button.isEnabled()


@pytest.mark.slow
def test_a_desk_counts_new_clients_sessions_and_packets(
    qtbot: QtBot, session: Session, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    window = desk_window(qtbot, session, dialogs, tmp_path)
    new_client(qtbot, window, STRONG)
    if window.first_run is not None:
        window.first_run.reject()
    session.vault.profile.replace(profile_in("KZ", [("KZ", date(2026, 3, 1), None)]))
    with qtbot.waitSignal(window.session_ended, timeout=20_000):
        window.end_action.trigger()
    rows = DeskRecord(tmp_path / "app-data" / "helpdesk" / "desk-record.json").rows()
    assert [(r.country, r.sessions, r.new_vaults, r.packets) for r in rows] == [("KZ", 1, 1, 0)]
    assert rows[0].day == session.today().isoformat()


@pytest.mark.slow
def test_a_family_bundle_packed_at_the_desk_and_unpacked_at_home(
    qtbot: QtBot, session: Session, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    window = desk_window(qtbot, session, dialogs, tmp_path)
    mother = client_vault(tmp_path / "desk" / "mother.vault")
    son = client_vault(tmp_path / "desk" / "son.vault")
    start = start_of(window)
    assert start.bundles.pack_button.isVisible()
    out = tmp_path / "stick" / "family"
    out.parent.mkdir()
    dialogs.answers += [[mother, son], out]
    with qtbot.waitSignal(start.bundles.task.finished, timeout=20_000):
        start.bundles.pack_button.click()
    assert "Packed 2 vaults" in start.bundles.message.text()
    bundle = out.with_name("family.wsvaults")
    home = tmp_path / "home-laptop"
    home.mkdir()
    carried = home / bundle.name
    carried.write_bytes(bundle.read_bytes())

    at_home = desk_window(qtbot, session, dialogs, tmp_path, helpdesk=False)
    home_start = start_of(at_home)
    assert isinstance(home_start, DeskStartScreen) and not home_start.bundles.pack_button.isVisibleTo(
        home_start
    )
    dialogs.answers.append(carried)
    with qtbot.waitSignal(home_start.bundles.task.finished, timeout=20_000):
        home_start.bundles.unpack_button.click()
    assert sorted(p.name for p in home.iterdir()) == ["family.wsvaults", "mother.vault", "son.vault"]
    assert home_start.open_panel.picker.path() == home / "mother.vault"
    open_client(qtbot, at_home, session, home / "son.vault", STRONG)
    assert session.vault.profile.load().host.country == "TR"
