"""Creating and opening vaults: real SQLCipher files on disk."""

from __future__ import annotations

import hashlib
import os
import stat
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from waystation.errors import InvalidInput, VaultDamaged, VaultInUse, WrongPassphrase
from waystation.vault.connection import Vault
from waystation.vault.migrations import latest_version
from waystation.vault.models import Person, Profile, Stay


def digest(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def make_vault(path: Path, passphrase: str = PASSPHRASE) -> Path:
    with Vault.create(path, passphrase) as vault:
        vault.profile.replace(
            Profile(person=Person(family_name="Петрова"), stays=(Stay("KZ", date(2026, 1, 1)),))
        )
    return path


def test_create_then_open_keeps_data(tmp_path: Path) -> None:
    path = make_vault(tmp_path / "a.vault")
    with Vault.open(path, PASSPHRASE) as vault:
        profile = vault.profile.load()
    assert profile.person.family_name == "Петрова"
    assert profile.stays == (Stay("KZ", date(2026, 1, 1)),)


def test_vault_file_is_encrypted_and_private(tmp_path: Path) -> None:
    path = make_vault(tmp_path / "a.vault")
    raw = path.read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    assert "Петрова".encode() not in raw
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_default_kdf_is_sqlcipher4(tmp_path: Path) -> None:
    with Vault.create(tmp_path / "a.vault", PASSPHRASE) as vault:
        assert vault.read("PRAGMA kdf_iter")[0][0] in ("256000", 256000)
        assert vault.read("PRAGMA cipher_kdf_algorithm")[0][0] == "PBKDF2_HMAC_SHA512"
        assert vault.read("PRAGMA temp_store")[0][0] == 2  # MEMORY


def test_create_refuses_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "existing.vault"
    path.write_bytes(b"precious")
    with pytest.raises(InvalidInput, match="already exists"):
        Vault.create(path, PASSPHRASE)
    assert path.read_bytes() == b"precious"


def test_create_refuses_empty_passphrase_and_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput):
        Vault.create(tmp_path / "a.vault", "")
    assert not (tmp_path / "a.vault").exists()


def test_create_in_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="does not exist"):
        Vault.create(tmp_path / "nope" / "a.vault", PASSPHRASE)


def test_open_missing_file_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="no vault"):
        Vault.open(tmp_path / "missing.vault", PASSPHRASE)
    assert not (tmp_path / "missing.vault").exists()


@pytest.mark.parametrize(
    "passphrase",
    [
        'it\'s "quoted"',
        "'; DROP TABLE person; --",
        "эмодзи 🔐🇬🇪",
        "  leading and trailing  ",
        "ї ў ґ",
    ],
)
def test_unusual_passphrases(tmp_path: Path, passphrase: str) -> None:
    path = make_vault(tmp_path / "a.vault", passphrase)
    with Vault.open(path, passphrase) as vault:
        assert vault.profile.load().person.family_name == "Петрова"
    with pytest.raises(WrongPassphrase):
        Vault.open(path, passphrase.strip() + "x")


def test_nfd_and_nfc_forms_open_the_same_vault(tmp_path: Path) -> None:
    nfc = unicodedata.normalize("NFC", "Ёлка-йод café")
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfc != nfd
    path = make_vault(tmp_path / "a.vault", nfd)
    with Vault.open(path, nfc) as vault:
        assert vault.schema_version() == latest_version()


def test_twenty_wrong_passphrases_change_nothing(tmp_path: Path) -> None:
    path = make_vault(tmp_path / "a.vault")
    before = digest(path)
    for attempt in range(20):
        with pytest.raises(WrongPassphrase):
            Vault.open(path, f"wrong {attempt}")
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.vault"]


def test_second_open_in_use(tmp_path: Path) -> None:
    path = make_vault(tmp_path / "a.vault")
    with Vault.open(path, PASSPHRASE), pytest.raises(VaultInUse):
        Vault.open(path, PASSPHRASE)
    with Vault.open(path, PASSPHRASE):  # released on close
        pass


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"SQLite format 3\x00" + bytes(4080), "unencrypted"),
        (os.urandom(5000), "damaged"),
    ],
)
def test_not_a_vault(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "x.vault"
    path.write_bytes(content)
    with pytest.raises(VaultDamaged, match=message):
        Vault.open(path, PASSPHRASE)
    assert path.read_bytes() == content


def test_random_pages_look_like_a_wrong_passphrase(tmp_path: Path) -> None:
    path = tmp_path / "x.vault"
    content = os.urandom(4096 * 3)
    path.write_bytes(content)
    with pytest.raises(WrongPassphrase):
        Vault.open(path, PASSPHRASE)
    assert path.read_bytes() == content


def test_encrypted_database_that_is_not_a_vault(tmp_path: Path) -> None:
    import sqlcipher3

    path = tmp_path / "other.db"
    conn = sqlcipher3.connect(str(path))
    conn.execute("PRAGMA key = 'k'")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(VaultDamaged, match="not a Waystation vault"):
        Vault.open(path, "k")
