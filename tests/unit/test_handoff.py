"""Handoff (helpdesk/handoff.py): "Save a copy for yourself" makes a verified copy with a fresh
salt — every byte of it differs — optionally under a new passphrase, never over an existing file,
and the vault itself is not touched. A guest session is saved into a real vault file the same
way."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from waystation.errors import InvalidInput, WrongPassphrase
from waystation.helpdesk import handoff
from waystation.helpdesk.guest import GuestImage
from waystation.vault.connection import Vault
from waystation.vault.copies import content_digest, integrity_problems
from waystation.vault.models import Host, Person, Profile

PASS = "orchard lantern velvet quarry 42"
NEW = "a different river of copper kites"
CANARY = "Canaryova Zlata"


def client_vault(folder: Path) -> Vault:
    vault = Vault.create(folder / "client.vault", PASS)
    vault.profile.replace(Profile(person=Person(family_name=CANARY), host=Host(country="AM")))
    vault.documents.add(b"\x89PNG\r\n\x1a\n" + b"x" * 3000, kind="passport", title="passport")
    return vault


def digest_of(path: Path, passphrase: str) -> str:
    with Vault.open(path, passphrase) as vault:
        assert integrity_problems(vault.conn) == []
        return content_digest(vault.conn)


def test_a_copy_is_verified_has_a_fresh_salt_and_leaves_the_vault_alone(tmp_path: Path) -> None:
    vault = client_vault(tmp_path)
    original = vault.path.read_bytes()
    stick = tmp_path / "stick"
    stick.mkdir()
    written = handoff.save_copy(vault, stick / "mine", PASS)
    assert written == stick / "mine.vault"
    expected = content_digest(vault.conn)
    vault.close()
    copy = written.read_bytes()
    assert copy[:16] != original[:16]  # the salt, hence the key and every page
    assert copy[4096:8192] != original[4096:8192]
    assert vault.path.read_bytes() == original
    assert digest_of(written, PASS) == expected
    assert written.stat().st_mode & 0o777 == 0o600


@pytest.mark.slow
def test_a_copy_under_a_new_passphrase(tmp_path: Path) -> None:
    vault = client_vault(tmp_path)
    written = handoff.save_copy(vault, tmp_path / "for-you.vault", PASS, NEW)
    vault.close()
    with pytest.raises(WrongPassphrase):
        Vault.open(written, PASS)
    with Vault.open(written, NEW) as copy:
        assert copy.profile.load().person.family_name == CANARY
    with Vault.open(vault.path, PASS):
        pass  # the vault keeps its own passphrase


def test_the_passphrase_is_checked_first(tmp_path: Path) -> None:
    vault = client_vault(tmp_path)
    assert handoff.opens(vault, PASS)
    assert not handoff.opens(vault, "wrong one")
    vault.close()


@pytest.mark.slow
@pytest.mark.parametrize("name", ["a copy #1 ?.vault", "100% мой.vault", "дом & семья.vault"])
def test_awkward_file_names(tmp_path: Path, name: str) -> None:
    vault = client_vault(tmp_path)
    written = handoff.save_copy(vault, tmp_path / name, PASS)
    vault.close()
    assert written.name == name and digest_of(written, PASS)


def test_nothing_is_overwritten_and_bad_targets_are_refused(tmp_path: Path) -> None:
    vault = client_vault(tmp_path)
    taken = tmp_path / "taken.vault"
    taken.write_bytes(b"someone else's file")
    with pytest.raises(InvalidInput, match="already exists"):
        handoff.save_copy(vault, taken, PASS)
    assert taken.read_bytes() == b"someone else's file"
    with pytest.raises(InvalidInput, match="does not exist"):
        handoff.save_copy(vault, tmp_path / "no-such-folder" / "x.vault", PASS)
    with pytest.raises(InvalidInput, match="the vault itself"):
        handoff.save_copy(vault, vault.path, PASS)
    with pytest.raises(InvalidInput, match="empty"):
        handoff.save_copy(vault, tmp_path / "y.vault", PASS, "")
    vault.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["client.vault", "taken.vault"]


def test_a_guest_session_saved_into_a_vault(tmp_path: Path) -> None:
    image = GuestImage()
    try:
        guest = image.create(PASS)
        guest.profile.replace(Profile(person=Person(family_name=CANARY), host=Host(country="RS")))
        guest.documents.add(b"%PDF-1.4 scan", kind="other", title="scan")
        assert handoff.opens(guest, PASS) and not handoff.opens(guest, "nope")
        expected = content_digest(guest.conn)
        written = handoff.save_copy(guest, tmp_path / "saved-guest", PASS, NEW)
    finally:
        image.discard()
    assert written.suffix == ".vault"
    assert digest_of(written, NEW) == expected
    assert hashlib.sha256(written.read_bytes()).hexdigest()  # a real file on disk
    assert sorted(p.name for p in tmp_path.iterdir()) == ["saved-guest.vault"]  # no leftovers
