"""Version and build details: the stamp a bundle carries, the commit of a checkout, the rows that
--version and the About box show."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from installer import stamp

from waystation import __version__, build_info
from waystation.build_info import BuildInfo, Components
from waystation.portable import Places
from waystation.version_text import build_rows, places_rows, version_text

HASH = "0123456789abcdef0123456789abcdef01234567"


def test_stamp_written_at_build_time_is_read_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    monkeypatch.setenv("WAYSTATION_BUILD_COMMIT", HASH)
    written = stamp.write_stamp(tmp_path / "build-info.json")
    data = json.loads(written.read_text("utf-8"))
    assert data["commit"] == HASH and data["build_date"] == "2026-09-21T14:13Z"
    assert data["version"] == __version__
    assert build_info._read_stamp(written) == data


@pytest.mark.parametrize("content", [b"", b"[1, 2]", b"not json", b"{" + b" " * 5000 + b"}"])
def test_a_broken_stamp_is_ignored(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "build-info.json"
    path.write_bytes(content)
    assert build_info._read_stamp(path) is None


def make_git(root: Path, *, packed: bool) -> None:
    git = root / ".git"
    (git / "refs" / "heads").mkdir(parents=True)
    (git / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    if packed:
        (git / "packed-refs").write_text(f"# pack-refs\n{HASH} refs/heads/main\n", encoding="utf-8")
    else:
        (git / "refs" / "heads" / "main").write_text(HASH + "\n", encoding="utf-8")


@pytest.mark.parametrize("packed", [False, True])
def test_commit_read_from_git_files(tmp_path: Path, packed: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WAYSTATION_BUILD_COMMIT", raising=False)
    make_git(tmp_path, packed=packed)
    assert stamp.commit_of(tmp_path) == HASH
    assert build_info._checkout_commit(tmp_path) == HASH


def test_no_git_no_commit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WAYSTATION_BUILD_COMMIT", raising=False)
    assert stamp.commit_of(tmp_path) == "" and build_info._checkout_commit(tmp_path) == ""


def test_rows_name_every_part() -> None:
    rows = dict(
        build_rows(
            BuildInfo("1.2.3", HASH, "2026-09-21T14:13Z", True),
            Components("3.11.7", "6.11.3", "6.11.3", "4.6.1 community"),
        )
    )
    assert rows == {
        "Version": "1.2.3",
        "Commit": HASH[:12],
        "Built": "2026-09-21T14:13Z",
        "Qt": "6.11.3",
        "PySide6": "6.11.3",
        "SQLCipher": "4.6.1 community",
        "Python": "3.11.7",
    }
    from_source = dict(build_rows(BuildInfo("1.2.3", "", "", False), Components("3.11.7", "", "", "")))
    assert from_source["Commit"] == "not known" and "source" in from_source["Built"]


def test_places_rows_in_each_mode(tmp_path: Path) -> None:
    installed = dict(places_rows(Places(False, None, tmp_path / "cfg", tmp_path / "share", None, None)))
    assert installed["Mode"].startswith("installed") and installed["Settings"] == str(tmp_path / "cfg")
    assert "Cannot save" not in installed
    data = tmp_path / "data"
    stick = Places(
        True, tmp_path, data / "settings", data / "app-data", data / "vaults", None, "Read-only file system"
    )
    rows = dict(places_rows(stick))
    assert str(data) in rows["Mode"] and rows["New vaults"] == str(data / "vaults")
    assert "Read-only file system" in rows["Cannot save"]


def test_version_text_keeps_its_first_line() -> None:
    text = version_text()
    assert text.splitlines()[0] == f"waystation {__version__}"
    assert "SQLCipher:" in text and "community" in text  # the real library answered
