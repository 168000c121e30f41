"""Security promise 1 for the desktop app: after a scripted session — create a vault, import a
profile whose name is a canary, add a scan, build and save a packet, lock — the canary (UTF-8 or
UTF-16) is in no file except the inputs and the saved packet: not in temp folders, Qt's caches,
the settings or any log."""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import SAMPLE_PROFILE
from tests.e2e.test_no_plaintext_residue import CANARY, holders_of_canary
from tests.gui.test_journey import add_passport_scan, scan_file
from tests.gui.test_start_and_lock import create_vault
from waystation.app_settings import SettingsStore
from waystation.ui.dialogs import ScriptedDialogs
from waystation.ui.main_window import MainWindow
from waystation.ui.pages.packets_page import PacketsPage
from waystation.ui.session import Session
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
    session.notify("profile")
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
    session.save_settings(session.settings)  # the settings file is written, and must stay clean
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
