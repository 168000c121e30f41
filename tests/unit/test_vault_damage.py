"""Damage is detected, never silent: flipped bits and truncation never give wrong data, a crash
or a rewrite (security promise 3)."""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from waystation.errors import VaultDamaged, WrongPassphrase
from waystation.vault import copies
from waystation.vault.connection import PAGE_SIZE, Vault


def big_vault(path: Path) -> Path:
    with Vault.create(path, PASSPHRASE) as vault:
        for i in range(6):
            vault.documents.add(bytes([i]) * 20000, kind="other", title=f"doc {i}")
    return path


def flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x10
    path.write_bytes(bytes(data))


def test_flipped_bit_in_first_page_reads_as_wrong_passphrase_or_damage(tmp_path: Path) -> None:
    path = big_vault(tmp_path / "a.vault")
    flip(path, 100)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises((WrongPassphrase, VaultDamaged)):
        Vault.open(path, PASSPHRASE)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


@pytest.mark.parametrize("page", [2, 5, 12])
def test_flipped_bit_in_a_later_page_is_reported(tmp_path: Path, page: int) -> None:
    path = big_vault(tmp_path / "a.vault")
    assert path.stat().st_size > page * PAGE_SIZE
    flip(path, page * PAGE_SIZE + 200)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    try:
        with Vault.open(path, PASSPHRASE) as vault:
            report = copies.check(vault)
        assert not report.ok
    except VaultDamaged:
        pass
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_truncated_vault(tmp_path: Path) -> None:
    path = big_vault(tmp_path / "a.vault")
    data = path.read_bytes()
    for size in (len(data) - 100, len(data) - 3 * PAGE_SIZE, PAGE_SIZE):
        path.write_bytes(data[:size])
        try:
            with Vault.open(path, PASSPHRASE) as vault:
                report = copies.check(vault)
                assert not report.ok
        except VaultDamaged:
            pass
        assert path.read_bytes() == data[:size]


def test_damaged_document_content_is_never_returned_silently(tmp_path: Path) -> None:
    path = big_vault(tmp_path / "a.vault")
    size = path.stat().st_size
    flip(path, size - PAGE_SIZE // 2)  # inside the last page, which holds document bytes
    with Vault.open(path, PASSPHRASE) as vault:
        originals = {i: bytes([i]) * 20000 for i in range(6)}
        for info in vault.documents.list():
            with contextlib.suppress(VaultDamaged):
                assert vault.documents.content(info.id) == originals[info.id - 1]


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"\xff\xd8\xff\xe0\x00\x10JFIF" + b"\x00" * 5000, "a JPEG image"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "a PNG image"),
        (b"%PDF-1.7\n" + b"x" * 4087, "a PDF document"),
        (b"PK\x03\x04" + b"\x00" * 300, "a ZIP archive"),
        (b'{"format": "waystation-profile/2"}', "a JSON file"),
        ("Мой пароль где-то здесь\n".encode(), "a text file"),
    ],
)
def test_a_file_that_is_not_a_vault_is_named_for_what_it_is(
    tmp_path: Path, content: bytes, kind: str
) -> None:
    from waystation.errors import VaultDamaged
    from waystation.vault.connection import Vault

    path = tmp_path / "picked.vault"
    path.write_bytes(content)
    with pytest.raises(VaultDamaged) as caught:
        Vault.open(path, "whatever passphrase")
    assert caught.value.message.startswith("This is not a Waystation vault (it looks like " + kind)
    assert path.read_bytes() == content


def test_random_bytes_of_an_odd_size_are_not_called_a_damaged_vault(tmp_path: Path) -> None:
    from waystation.errors import VaultDamaged
    from waystation.vault.connection import Vault

    path = tmp_path / "noise"
    path.write_bytes(bytes(range(256)) * 7 + b"\x01\x02\x03")
    with pytest.raises(VaultDamaged, match="not a Waystation vault, or it is a damaged one"):
        Vault.open(path, "whatever passphrase")
