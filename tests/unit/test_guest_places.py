"""A guest process's places (helpdesk/guest_places.py): every folder Qt and the libraries write to
points at one private folder in memory, the person's settings come along without their recent
vaults, and the folder is removed at the end — also one a killed guest process left."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from waystation import portable
from waystation.app_settings import AppSettings, SettingsStore
from waystation.helpdesk import guest_places


@pytest.fixture
def environ(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    config = tmp_path / "config" / "waystation"
    SettingsStore(config).save(
        AppSettings(
            language="ru", discreet=True, remember_recent=True, recent_vaults=["/home/x/ivanova.vault"]
        )
    )
    monkeypatch.setenv("WAYSTATION_CONFIG_DIR", str(config))
    monkeypatch.setenv("WAYSTATION_DATA_DIR", str(tmp_path / "data"))
    portable.reset()
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    return {"XDG_RUNTIME_DIR": str(runtime), "HOME": str(tmp_path / "home")}


def test_everything_points_into_one_private_folder(environ: dict[str, str], tmp_path: Path) -> None:
    places = guest_places.activate(environ)
    try:
        scratch = places.scratch
        assert scratch.stat().st_mode & 0o777 == 0o700
        for variable in (
            "XDG_CONFIG_HOME",
            "XDG_CACHE_HOME",
            "XDG_DATA_HOME",
            "XDG_STATE_HOME",
            "TMPDIR",
            "TMP",
            "TEMP",
        ):
            assert Path(environ[variable]).is_relative_to(scratch), variable
        assert Path(environ["WAYSTATION_CONFIG_DIR"]) == scratch / "settings"
        assert environ["WAYSTATION_DATA_DIR"] == str(tmp_path / "data")  # installed guides: read in place
        copied = SettingsStore(scratch / "settings").load()
        assert (copied.language, copied.discreet) == ("ru", True)
        assert copied.recent_vaults == [] and not copied.remember_recent
        assert guest_places.active() == places
    finally:
        guest_places.deactivate()
    assert not places.scratch.exists() and guest_places.active() is None


def test_a_memory_file_system_is_preferred() -> None:
    mounts = [("/", "ext4"), ("/dev/shm", "tmpfs"), ("/run/user/1000", "tmpfs")]
    assert guest_places.on_memory_file_system(Path("/dev/shm"), mounts)
    assert not guest_places.on_memory_file_system(Path("/home"), mounts)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="tmpfs folders are a Linux matter")
def test_the_runtime_folder_on_disk_is_not_taken_for_memory(environ: dict[str, str]) -> None:
    root, in_memory = guest_places.memory_root(environ)
    if Path("/dev/shm").is_dir() and guest_places.on_memory_file_system(Path("/dev/shm")):
        assert root == Path("/dev/shm") and in_memory
    assert root != Path(environ["XDG_RUNTIME_DIR"])  # the test's runtime folder is on a disk


def test_a_killed_guest_process_leaves_nothing_for_long(tmp_path: Path) -> None:
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    pid = int(dead.stdout)
    stale = tmp_path / f"{guest_places.PREFIX}{pid}-{'ab' * 8}"
    stale.mkdir(mode=0o700)
    (stale / "QtProject.conf").write_text("[FileDialog]\n")
    alive = tmp_path / f"{guest_places.PREFIX}{os.getpid()}-{'cd' * 8}"
    alive.mkdir(mode=0o700)
    unrelated = tmp_path / "waystation-guest-notes"
    unrelated.mkdir()
    assert guest_places.remove_stale(tmp_path) == [stale]
    assert not stale.exists() and alive.exists() and unrelated.exists()
