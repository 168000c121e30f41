"""Security promise 1 for the desktop app: after a scripted session — create a vault, import a
profile whose name is a canary, add a scan, build and save a packet, lock — the canary (UTF-8 or
UTF-16) is in no file except the inputs and the saved packet: not in temp folders, Qt's caches,
the settings or any log. And the settings file holds nothing personal (issue 12): a canary typed
into the wizard, carried by a document's name and drawn in the packet preview reaches no file
under the config, data, cache and state folders, nor Qt's settings files."""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths
from pytestqt.qtbot import QtBot

from tests.conftest import SAMPLE_PROFILE
from tests.e2e.test_no_plaintext_residue import CANARY, files_under, holders_of_canary
from tests.fakes import ScriptedDialogs
from tests.gui.test_journey import add_passport_scan, scan_file
from tests.gui.test_start_and_lock import create_vault
from tests.gui.test_wizard import answer_host, finish
from waystation.app_settings import SettingsStore
from waystation.ui.main_window import MainWindow
from waystation.ui.pages.packets_page import PacketsPage
from waystation.ui.session import Change, Session
from waystation.vault import profile_json


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Home, config, cache, data, state and temp folders of this test only."""
    root = tmp_path / "home"
    for name in ("config", "cache", "data", "state", "tmp"):
        (root / name).mkdir(parents=True)
    monkeypatch.setenv("HOME", str(root))
    for variable, name in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_STATE_HOME", "state"),
        ("TMPDIR", "tmp"),
    ):
        monkeypatch.setenv(variable, str(root / name))
    monkeypatch.delenv("WAYSTATION_CONFIG_DIR", raising=False)
    monkeypatch.setattr(tempfile, "tempdir", str(root / "tmp"))
    yield root


def test_gui_session_leaves_no_plaintext(
    home: Path, qtbot: QtBot, tmp_path: Path, dialogs: ScriptedDialogs, clock: object
) -> None:
    started = time.time() - 1
    session = Session(clock=clock, store=SettingsStore())  # type: ignore[arg-type]
    window = MainWindow(session, dialogs)
    qtbot.addWidget(window)
    window.show()
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    create_vault(qtbot, window, tmp_path / "client.vault")
    if getattr(window, "first_run", None) is not None:
        window.first_run.reject()  # type: ignore[union-attr]
    profile = json.loads(json.dumps(SAMPLE_PROFILE))
    profile["person"]["family_name"] = CANARY
    profile["notes"] = f"note about {CANARY}"
    session.vault.profile.replace(profile_json.from_document(profile))
    session.notify(Change.PROFILE)
    scan = scan_file(inputs)
    add_passport_scan(qtbot, window, dialogs, scan)
    packets = window.workspace.show_page("packets")
    assert isinstance(packets, PacketsPage)
    with qtbot.waitSignal(packets.packet_ready, timeout=20_000):
        packets.build_button.click()
    saved = tmp_path / "packet.pdf"
    dialogs.answers.append(saved)
    packets.save_button.click()
    assert saved.exists()
    session.save_settings(session.app_settings)  # the settings file is written, and must stay clean
    with qtbot.waitSignal(session.locked):
        window.lock_action.trigger()
    window.close()

    skip = {saved, scan}
    planted = home / "tmp" / "planted.txt"  # the scan itself must be able to see a leak
    planted.write_bytes(CANARY.encode("utf-16-le"))
    assert holders_of_canary([tmp_path], skip, started) == [planted]
    planted.unlink()
    assert (home / "config" / "waystation" / "settings.json").exists()
    assert holders_of_canary([tmp_path, Path("/tmp")], skip, started) == []


FOLDER_CANARY = "Papka-Kanareyki-Qx9"  # the vault's folder: no list may name it (recent vaults are off)


@pytest.fixture
def qt_settings_in_home(home: Path) -> Iterator[Path]:
    """Qt's QSettings files (QtProject.conf, any organisation's .conf) under this test's config."""
    folder = home / "config"
    for scope_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(scope_format, QSettings.Scope.UserScope, str(folder))
    yield folder
    for scope_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(scope_format, QSettings.Scope.UserScope, str(Path.home() / ".config"))


def app_folders(home: Path) -> list[Path]:
    """Every folder where settings, app data, caches and Qt's settings could land."""
    folders = [home / name for name in ("config", "data", "cache", "state")]
    for location in (
        QStandardPaths.StandardLocation.AppConfigLocation,
        QStandardPaths.StandardLocation.AppDataLocation,
        QStandardPaths.StandardLocation.AppLocalDataLocation,
        QStandardPaths.StandardLocation.CacheLocation,
        QStandardPaths.StandardLocation.GenericConfigLocation,
        QStandardPaths.StandardLocation.StateLocation,
    ):
        found = QStandardPaths.writableLocation(location)
        if found:
            folders.append(Path(found))
    return folders


def test_settings_and_app_data_hold_nothing_personal(
    home: Path,
    qt_settings_in_home: Path,
    qtbot: QtBot,
    tmp_path: Path,
    dialogs: ScriptedDialogs,
    clock: object,
) -> None:
    """Security promise (issue 12, item 4): the canary typed into the wizard, carried by a
    document's name and shown in a packet's preview appears in no file under the config, data,
    cache and state folders, nor in Qt's settings files; the vault's folder is named nowhere."""
    session = Session(clock=clock, store=SettingsStore())  # type: ignore[arg-type]
    window = MainWindow(session, dialogs)
    qtbot.addWidget(window)
    window.show()
    folder = tmp_path / FOLDER_CANARY
    folder.mkdir()
    create_vault(qtbot, window, folder / "client.vault")
    qtbot.waitUntil(lambda: window.first_run is not None and window.first_run.isVisible())
    wizard = window.first_run
    assert wizard is not None
    answer_host(wizard)
    wizard.next()  # purposes
    wizard.names.edits["family_name"].setText(CANARY)
    wizard.names.edits["given_names"].setText("Мария")
    wizard.next()
    wizard.citizenship.listed["RU"].setChecked(True)
    wizard.next()
    with qtbot.waitSignal(session.changed):
        finish(wizard)
    assert session.vault.profile.load().person.family_name == CANARY
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    scan = inputs / f"{CANARY}-passport.png"
    scan.write_bytes(scan_file(inputs).read_bytes())
    add_passport_scan(qtbot, window, dialogs, scan)
    assert [d.title for d in session.vault.documents.list()] == [f"{CANARY}-passport"]
    packets = window.workspace.show_page("packets")
    assert isinstance(packets, PacketsPage)
    with qtbot.waitSignal(packets.packet_ready, timeout=30_000):
        packets.build_button.click()
    assert packets.preview.pages  # the preview drew the pages, the canary among them
    settings = session.app_settings
    session.save_settings(replace(settings, auto_lock_minutes=settings.auto_lock_minutes + 1))
    with qtbot.waitSignal(session.locked):
        window.lock_action.trigger()
    window.close()

    needles = [CANARY, FOLDER_CANARY, "Канарейкина", "Zqx7", "ZQX7", "Kanareikina", "KANAREIKINA"]
    written = [path for root in app_folders(home) if root.exists() for path in files_under(root)]
    assert (home / "config" / "waystation" / "settings.json") in written
    leaks = [
        path
        for path in set(written)
        if any(n.encode(e) in path.read_bytes() for n in needles for e in ("utf-8", "utf-16-le", "utf-16-be"))
    ]
    assert leaks == []
