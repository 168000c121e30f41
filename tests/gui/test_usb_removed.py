"""A USB stick pulled out while a vault on it is open: one clear message, the app keeps running,
nothing is written anywhere else. Simulated two ways: the vault's file moved away under the app
(anyone can run it), and — where the test runs as root with loop devices — a real ext4 file system
on a loop device, lazily unmounted and its backing file emptied, so reads fail with EIO as they do
when a stick is yanked."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from tests.fakes import ScriptedDialogs
from tests.gui.helpdesk_support import desk_window, open_client, start_of
from tests.gui.profiles import STRONG, profile_in
from waystation.errors import StorageFailure
from waystation.ui.session import Session
from waystation.vault.connection import Vault


def client_vault(path: Path) -> Path:
    with Vault.create(path, STRONG) as vault:
        vault.profile.replace(profile_in("GE", [("GE", date(2026, 3, 1), None)]))
        vault.documents.add(b"%PDF-1.4 a scan", kind="passport", title="passport")
    return path


def snapshot(root: Path, skip: Path) -> dict[str, int]:
    found = {}
    for path in root.rglob("*"):
        if path.is_file() and skip not in path.parents and path != skip:
            found[str(path)] = path.stat().st_mtime_ns
    return found


@pytest.mark.slow
def test_a_vault_whose_file_goes_away_is_closed_with_one_message(
    qtbot: QtBot, session: Session, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    window = desk_window(qtbot, session, dialogs, tmp_path, helpdesk=False)
    stick = tmp_path / "stick"
    stick.mkdir()
    path = client_vault(stick / "client.vault")
    open_client(qtbot, window, session, path, STRONG)
    window.workspace.show_page("documents")
    assert not window.unplug.check()  # still there: nothing happens
    before = snapshot(tmp_path, stick)
    elsewhere = tmp_path / "pulled-out"
    shutil.move(stick, elsewhere)  # the stick is gone from where the vault was opened
    with qtbot.waitSignal(window.unplug.removed, timeout=10_000):
        window.unplug.timer.timeout.emit()  # the guard's next look
    assert not session.is_open and window.isVisible()
    message = start_of(window).open_panel.message
    assert message.isVisible() and "drive was removed" in message.text()
    assert snapshot(tmp_path, elsewhere) == before  # nothing written anywhere else
    with Vault.open(elsewhere / "client.vault", STRONG) as vault:  # the stick, put back
        assert [d.title for d in vault.documents.list()] == ["passport"]


def test_a_disk_error_from_a_gone_vault_is_not_a_crash(
    qtbot: QtBot, session: Session, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    """A screen's read fails first (before the guard looks): the error is caught on its way to
    the crash dialog, and handled as a removed drive."""
    window = desk_window(qtbot, session, dialogs, tmp_path, helpdesk=False)
    stick = tmp_path / "stick"
    stick.mkdir()
    path = client_vault(stick / "client.vault")
    open_client(qtbot, window, session, path, STRONG)
    window.unplug.timer.stop()
    shutil.move(stick, tmp_path / "pulled-out")

    def failing_read() -> None:
        raise StorageFailure("The vault could not be read or written (the disk or its folder refused).")

    window.unplug.install_hook()
    try:
        with qtbot.waitSignal(window.unplug.removed, timeout=10_000):
            QTimer.singleShot(0, failing_read)
    finally:
        window.unplug.remove_hook()
    assert not session.is_open and "drive was removed" in start_of(window).open_panel.message.text()


def _can_loop_mount() -> bool:
    return (
        hasattr(os, "geteuid")
        and os.geteuid() == 0
        and all(shutil.which(tool) for tool in ("losetup", "mkfs.ext4", "mount", "umount"))
    )


@pytest.fixture
def usb_stick(tmp_path: Path) -> Iterator[tuple[Path, Path, str]]:
    image = tmp_path / "stick.img"
    image.write_bytes(b"")
    os.truncate(image, 24 * 1024 * 1024)
    device = subprocess.run(["losetup", "-f", "--show", str(image)], capture_output=True, text=True)
    if device.returncode != 0:
        pytest.skip(f"no loop device here: {device.stderr.strip()}")
    loop = device.stdout.strip()
    mounted = tmp_path / "stick"
    mounted.mkdir()
    try:
        subprocess.run(["mkfs.ext4", "-q", loop], check=True)
        subprocess.run(["mount", loop, str(mounted)], check=True)
    except subprocess.CalledProcessError:
        subprocess.run(["losetup", "-d", loop], check=False)
        pytest.skip("the loop device could not be mounted")
    yield image, mounted, loop
    subprocess.run(["umount", "-l", str(mounted)], check=False, capture_output=True)
    subprocess.run(["losetup", "-d", loop], check=False, capture_output=True)


def pull_out(image: Path, mounted: Path, loop: str) -> None:
    """As a yanked stick: the path is gone and what was open answers reads with EIO."""
    subprocess.run(["umount", "-l", str(mounted)], check=True)
    subprocess.run(["losetup", "-d", loop], check=True)
    os.truncate(image, 0)
    Path("/proc/sys/vm/drop_caches").write_text("3")


@pytest.mark.slow
@pytest.mark.skipif(not _can_loop_mount(), reason="needs root and loop devices")
def test_a_stick_pulled_out_under_an_open_vault(
    qtbot: QtBot,
    session: Session,
    dialogs: ScriptedDialogs,
    tmp_path: Path,
    usb_stick: tuple[Path, Path, str],
) -> None:
    image, mounted, loop = usb_stick
    window = desk_window(qtbot, session, dialogs, tmp_path, helpdesk=True)
    path = client_vault(mounted / "client.vault")
    open_client(qtbot, window, session, path, STRONG)
    window.workspace.show_page("documents")
    before = snapshot(tmp_path, image)
    pull_out(image, mounted, loop)
    # SQLite answers reads from its cache of an exclusively held file, so the app would seem
    # to go on working: the guard's next look (every 1.5 s) is what notices.
    with qtbot.waitSignal(window.session_ended, timeout=20_000):
        pass
    assert not session.is_open and window.isVisible()
    message = start_of(window).open_panel.message
    assert "drive was removed" in message.text()
    after = snapshot(tmp_path, image)
    assert {k: v for k, v in after.items() if not k.startswith(str(mounted))} == {
        k: v for k, v in before.items() if not k.startswith(str(mounted))
    }
