"""A file that is plainly something else raises NotAVault (so the app can say so calmly), which is
still a VaultDamaged for the command line (exit code 4); real damage stays VaultDamaged."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from waystation.errors import NotAVault, VaultDamaged
from waystation.vault.connection import Vault


def plain_database(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda p: p.write_bytes(b"\xff\xd8\xff\xe0" + bytes(4092)), "it looks like a JPEG image"),
        (lambda p: p.write_bytes(b"%PDF-1.4\n" + bytes(4087)), "it looks like a PDF document"),
        (lambda p: p.write_bytes(b""), "is empty"),
        (plain_database, "unencrypted database"),
    ],
    ids=["jpeg", "pdf", "empty", "sqlite"],
)
def test_plainly_not_a_vault(tmp_path: Path, make: object, words: str) -> None:
    path = tmp_path / "picked.vault"
    make(path)  # type: ignore[operator]
    before = path.read_bytes()
    with pytest.raises(NotAVault, match=words) as caught:
        Vault.open(path, "orchard lantern velvet quarry 42")
    assert isinstance(caught.value, VaultDamaged) and caught.value.exit_code == 4
    assert "damaged" not in caught.value.message
    assert path.read_bytes() == before


def test_a_damaged_looking_file_is_not_called_something_else(tmp_path: Path) -> None:
    path = tmp_path / "odd.vault"
    path.write_bytes(b"\x00" + os.urandom(5000))
    with pytest.raises(VaultDamaged) as caught:
        Vault.open(path, "orchard lantern velvet quarry 42")
    assert not isinstance(caught.value, NotAVault)
