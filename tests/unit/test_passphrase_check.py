"""Checking a passphrase against a vault this process holds open (exclusively locked)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from tests.conftest import PASSPHRASE
from waystation.vault import copies
from waystation.vault.connection import Vault
from waystation.vault.passphrase_check import passphrase_opens


def test_only_the_right_passphrase_opens_an_open_vault(tmp_path: Path) -> None:
    path = tmp_path / "a.vault"
    with Vault.create(path, PASSPHRASE) as vault:
        before = path.read_bytes()
        assert passphrase_opens(path, PASSPHRASE)
        assert passphrase_opens(path, unicodedata.normalize("NFD", PASSPHRASE))  # same key on macOS
        assert not passphrase_opens(path, PASSPHRASE + " ")
        assert not passphrase_opens(path, "something else")
        assert vault.is_open
    assert path.read_bytes() == before


def test_follows_a_passphrase_change(tmp_path: Path) -> None:
    path = tmp_path / "a.vault"
    vault = copies.change_passphrase(Vault.create(path, PASSPHRASE), "новая фраза")
    with vault:
        assert passphrase_opens(path, "новая фраза")
        assert not passphrase_opens(path, PASSPHRASE)


def test_a_short_file_is_not_a_vault(tmp_path: Path) -> None:
    path = tmp_path / "short.vault"
    path.write_bytes(b"SQLite format 3\x00")
    assert not passphrase_opens(path, PASSPHRASE)
