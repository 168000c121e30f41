"""Reading a file to keep in the vault: regular files only, a hard size limit, problems in words."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pytest

from waystation.errors import InvalidInput, StorageFailure
from waystation.vault.document_files import read_document_file


def test_a_regular_file_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.4\n" + os.urandom(3 * 1024 * 1024))
    assert read_document_file(path) == path.read_bytes()


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda p: p.mkdir(), "this is a folder"),
        (lambda p: p.write_bytes(b""), "the file is empty"),
        (lambda p: None, "no longer there"),
        (lambda p: p.write_bytes(b"x" * 2000), "larger than"),
    ],
    ids=["folder", "empty", "missing", "too large"],
)
def test_what_cannot_be_added_is_named(tmp_path: Path, make, problem: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "thing"
    make(path)
    with pytest.raises(InvalidInput, match=problem):
        read_document_file(path, limit=1000)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.jpg"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []
    reader = threading.Thread(target=lambda: _capture(outcome, fifo), daemon=True)
    reader.start()
    reader.join(5)
    assert not reader.is_alive(), "reading a FIFO must not wait for a writer"
    assert isinstance(outcome[0], InvalidInput) and "not an ordinary file" in str(outcome[0])


def _capture(outcome: list[BaseException], path: Path) -> None:
    try:
        read_document_file(path)
    except BaseException as exc:  # the test looks at it
        outcome.append(exc)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_an_endless_device_is_refused() -> None:
    with pytest.raises(InvalidInput, match="not an ordinary file"):
        read_document_file(Path("/dev/zero"))


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads anything")
def test_an_unreadable_file_is_a_storage_failure(tmp_path: Path) -> None:
    path = tmp_path / "secret.jpg"
    path.write_bytes(b"x")
    path.chmod(0)
    with pytest.raises(StorageFailure, match="cannot be read"):
        read_document_file(path)
