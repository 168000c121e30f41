"""A guest session's vault (helpdesk/guest.py): a real SQLCipher vault in SQLite's memory file
system. What is proven here: the image it is stored in is encrypted (a connection without the
key, or with another key, cannot read it), the process opens no file for it, locking keeps only
the encrypted image and resuming needs the passphrase, ending it frees it, and its size is capped
with a message that says what to do."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import sqlcipher3

from waystation.errors import StorageFailure, WrongPassphrase
from waystation.helpdesk import guest
from waystation.helpdesk.guest import GuestImage
from waystation.vault.connection import Vault
from waystation.vault.copies import integrity_problems
from waystation.vault.models import Host, Person, Profile

PASS = "orchard lantern velvet quarry 42"
CANARY = "Canaryova Zlata"


def open_files() -> set[str]:
    """Every regular file this process has open."""
    found = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith("/") and Path(target).is_file():
            found.add(target)
    return found


@pytest.fixture
def image() -> GuestImage:
    made = GuestImage()
    yield made
    made.discard()


def test_a_guest_vault_works_like_a_vault(image: GuestImage) -> None:
    vault = image.create(PASS)
    assert vault.in_memory and not Vault.in_memory
    vault.profile.replace(Profile(person=Person(family_name=CANARY), host=Host(country="GE")))
    vault.documents.add(b"%PDF-1.4 scan", kind="passport", title="passport")
    assert vault.profile.load().person.family_name == CANARY
    assert [d.kind for d in vault.documents.list()] == ["passport"]
    assert integrity_problems(vault.conn) == []
    assert vault.read("PRAGMA temp_store")[0][0] == 2  # MEMORY: temporary tables never spill


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_no_file_is_opened_for_it(image: GuestImage) -> None:
    before = open_files()
    vault = image.create(PASS)
    vault.profile.replace(Profile(person=Person(family_name=CANARY)))
    for i in range(20):
        vault.documents.add(os.urandom(50_000), kind="other", title=f"scan {i}")
    vault.close()
    image.resume(PASS).documents.list()
    assert open_files() - before == set()


def test_its_image_is_encrypted(image: GuestImage) -> None:
    vault = image.create(PASS)
    vault.profile.replace(Profile(person=Person(family_name=CANARY)))
    for key in (None, "another passphrase entirely"):
        conn = sqlcipher3.connect(image.uri, uri=True, isolation_level=None)
        conn.execute("PRAGMA cipher_log_level = NONE")
        if key is not None:
            conn.execute(f"PRAGMA key = '{key}'")
        with pytest.raises(sqlcipher3.DatabaseError, match="not a database"):
            conn.execute("SELECT * FROM sqlite_master").fetchall()
        conn.close()


def test_lock_keeps_the_session_and_resume_needs_its_passphrase(image: GuestImage) -> None:
    vault = image.create(PASS)
    vault.profile.replace(Profile(person=Person(family_name=CANARY)))
    vault.close()
    assert image.exists and not image.is_open
    with pytest.raises(WrongPassphrase):
        image.resume("not the passphrase at all")
    assert not image.opens_with("not the passphrase at all")
    again = image.resume(PASS)
    assert again.profile.load().person.family_name == CANARY
    assert image.opens_with(PASS)  # asked again before a copy is saved, while it is open


def test_ending_the_session_frees_everything(image: GuestImage) -> None:
    vault = image.create(PASS)
    vault.profile.replace(Profile(person=Person(family_name=CANARY)))
    uri = image.uri
    image.discard()
    assert not image.exists and not vault.is_open
    with pytest.raises(StorageFailure, match="ended"):
        image.resume(PASS)
    conn = sqlcipher3.connect(uri, uri=True, isolation_level=None)
    conn.execute(f"PRAGMA key = '{PASS}'")
    assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0  # a new, empty file
    conn.close()


def test_two_sessions_never_meet() -> None:
    first, second = GuestImage(), GuestImage()
    try:
        first.create(PASS).profile.replace(Profile(person=Person(family_name=CANARY)))
        other = second.create(PASS)
        assert other.profile.load().person.family_name == ""
    finally:
        first.discard()
        second.discard()


def test_a_full_session_says_so_and_keeps_what_it_has(
    image: GuestImage, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(guest, "GUEST_LIMIT_BYTES", 400 * 4096)
    vault = image.create(PASS)
    vault.profile.replace(Profile(person=Person(family_name=CANARY)))
    added = 0
    with pytest.raises(StorageFailure) as raised:
        for i in range(50):
            vault.documents.add(os.urandom(200_000), kind="other", title=f"scan {i}")
            added += 1
    assert (
        "guest session is full" in raised.value.message
        and "Save the session into a vault" in raised.value.message
    )
    assert len(vault.documents.list()) == added and vault.profile.load().person.family_name == CANARY
    assert image.size_bytes() <= 400 * 4096


def test_a_second_start_on_the_same_image_is_refused(image: GuestImage) -> None:
    image.create(PASS)
    with pytest.raises(StorageFailure):
        image.create(PASS)
