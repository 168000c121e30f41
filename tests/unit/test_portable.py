"""Portable mode: the marker, where everything goes, and what happens when data/ is read-only."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from waystation import portable
from waystation.app_settings import AppSettings, SettingsStore
from waystation.portable import MARKER, activate, portable_root


@pytest.fixture(autouse=True)
def _forget_mode() -> Iterator[None]:
    yield
    portable.reset()


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """``folder`` refuses new files, even for root (chattr +i)."""
    if os.geteuid() == 0:
        if not shutil.which("chattr") or subprocess.run(["chattr", "+i", str(folder)]).returncode:
            pytest.skip("cannot make a folder read-only for root here (no chattr +i)")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
    else:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)


def test_without_a_marker_nothing_is_redirected(tmp_path: Path) -> None:
    environ: dict[str, str] = {"XDG_CONFIG_HOME": "/somewhere"}
    places = activate(environ, folder=tmp_path)
    assert not places.portable and places.root is None and places.temp is None
    assert environ == {"XDG_CONFIG_HOME": "/somewhere"}
    assert portable_root(tmp_path) is None


def test_a_marker_sends_everything_into_data(tmp_path: Path) -> None:
    (tmp_path / MARKER).write_text("", encoding="utf-8")
    environ: dict[str, str] = {"HOME": "/home/someone", "TMPDIR": "/tmp"}
    places = activate(environ, folder=tmp_path)
    data = tmp_path / "data"
    assert places.portable and places.writable and places.data == data
    assert places.settings == data / "settings" and places.app_data == data / "app-data"
    assert places.vaults == data / "vaults" and places.temp == data / "tmp"
    assert environ["WAYSTATION_CONFIG_DIR"] == str(data / "settings")
    assert environ["WAYSTATION_DATA_DIR"] == str(data / "app-data")
    for variable in (
        "XDG_CONFIG_HOME",
        "XDG_CACHE_HOME",
        "XDG_DATA_HOME",
        "XDG_STATE_HOME",
        "TMPDIR",
        "TMP",
        "TEMP",
    ):
        assert Path(environ[variable]).is_relative_to(data), variable
        assert Path(environ[variable]).is_dir(), variable
    assert environ["HOME"] == "/home/someone"  # the file dialog still starts where people expect
    assert environ["MESA_SHADER_CACHE_DISABLE"] == "true"
    assert portable.current() is places
    assert not list(data.glob(".write-test-*"))  # the probe file is gone again


def test_a_folder_named_like_the_marker_is_not_a_marker(tmp_path: Path) -> None:
    (tmp_path / MARKER).mkdir()
    assert not activate({}, folder=tmp_path).portable


def test_read_only_copy_says_it_cannot_save_and_writes_nowhere_else(tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    (stick / MARKER).write_text("", encoding="utf-8")
    environ: dict[str, str] = {"TMPDIR": "/host/tmp"}
    with read_only(stick):
        places = activate(environ, folder=stick)
        assert places.portable and not places.writable and places.problem
        assert places.temp is None and environ["TMPDIR"] == "/host/tmp"  # nothing personal goes there
        assert environ["XDG_CONFIG_HOME"].startswith(str(stick))  # never back to the host's home
        store = SettingsStore(places.settings)
        assert store.load() == AppSettings()
        with pytest.raises(OSError):
            store.save(AppSettings(language="ru"))
        assert not (stick / "data").exists()


def test_data_folder_not_writable(tmp_path: Path) -> None:
    (tmp_path / MARKER).write_text("", encoding="utf-8")
    data = tmp_path / "data"
    data.mkdir()
    with read_only(data):
        places = activate({}, folder=tmp_path)
    assert places.portable and places.problem and places.temp is None


def test_damaged_settings_in_data_are_moved_aside_never_overwritten(tmp_path: Path) -> None:
    (tmp_path / MARKER).write_text("", encoding="utf-8")
    places = activate({}, folder=tmp_path)
    for round_ in (1, 2):
        places.settings.joinpath("settings.json").write_text(f"{{ damaged {round_}", encoding="utf-8")
        store = SettingsStore(places.settings)
        assert store.load() == AppSettings() and store.problem
        store.save(AppSettings(language="uk"))
    kept = sorted(p.name for p in places.settings.iterdir())
    assert kept == ["settings.json", "settings.json.unreadable", "settings.json.unreadable-2"]
    assert (places.settings / "settings.json.unreadable").read_text("utf-8") == "{ damaged 1"
    assert (places.settings / "settings.json.unreadable-2").read_text("utf-8") == "{ damaged 2"
    assert SettingsStore(places.settings).load().language == "uk"


def test_activate_points_python_temp_into_data(tmp_path: Path) -> None:
    (tmp_path / MARKER).write_text("", encoding="utf-8")
    saved = dict(os.environ)
    try:
        places = activate(None, folder=tmp_path)
        assert tempfile.gettempdir() == str(places.temp)
    finally:
        os.environ.clear()
        os.environ.update(saved)
