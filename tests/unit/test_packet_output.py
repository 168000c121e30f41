"""Writing a packet: all or nothing, never over an existing file unless asked, clear errors."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from tests.e2e.test_vault_processes import read_only
from waystation.errors import InvalidInput, StorageFailure
from waystation.packets.builder import write_packet
from waystation.packets.request import PacketResult

RESULT = PacketResult(b"%PDF-1.4 packet\n%%EOF\n", 1)


def test_writes_the_file_for_its_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "packet.pdf"
    write_packet(RESULT, target)
    assert target.read_bytes() == RESULT.pdf
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["packet.pdf"]


def test_an_existing_file_is_kept_unless_forced(tmp_path: Path) -> None:
    target = tmp_path / "packet.pdf"
    target.write_bytes(b"precious")
    with pytest.raises(InvalidInput, match="already exists"):
        write_packet(RESULT, target)
    assert target.read_bytes() == b"precious"
    write_packet(RESULT, target, force=True)
    assert target.read_bytes() == RESULT.pdf


def test_missing_folder_and_folder_as_target_are_usage_errors(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="does not exist"):
        write_packet(RESULT, tmp_path / "nope" / "packet.pdf")
    with pytest.raises(InvalidInput, match="is a folder"):
        write_packet(RESULT, tmp_path, force=True)


def test_an_unwritable_folder_leaves_nothing_behind(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    with read_only(folder), pytest.raises(StorageFailure, match="permission denied"):
        write_packet(RESULT, folder / "packet.pdf")
    assert list(folder.iterdir()) == []


def test_a_full_disk_leaves_no_half_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def disk_full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    target = tmp_path / "packet.pdf"
    with pytest.raises(StorageFailure, match="disk is full"):
        write_packet(RESULT, target)
    assert list(tmp_path.iterdir()) == []
