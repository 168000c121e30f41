"""Backups, passphrase changes and migrations cannot lose data (security promise 6)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PASSPHRASE
from waystation.errors import InvalidInput, VaultDamaged, WrongPassphrase
from waystation.vault import copies
from waystation.vault import migrations as ladder
from waystation.vault.connection import Vault
from waystation.vault.models import Person, Profile


def filled(path: Path) -> Path:
    with Vault.create(path, PASSPHRASE) as vault:
        vault.profile.replace(Profile(person=Person(family_name="Сидоров"), notes="n"))
        vault.documents.add(b"%PDF-1.4 scan", kind="passport", original_name="p.pdf")
        vault.progress.set("ge.residence.permit", "done")
    return path


def digest_of(path: Path, passphrase: str = PASSPHRASE) -> str:
    with Vault.open(path, passphrase) as vault:
        return copies.content_digest(vault.conn)


def test_backup_is_verified_identical_with_fresh_salt(tmp_path: Path) -> None:
    path = filled(tmp_path / "a.vault")
    (tmp_path / "usb").mkdir()
    with Vault.open(path, PASSPHRASE) as vault:
        target = copies.backup(vault, tmp_path / "usb" / "copy.vault", PASSPHRASE)
    assert target.read_bytes()[:16] != path.read_bytes()[:16]  # SQLCipher's salt
    assert digest_of(target) == digest_of(path)
    assert sorted(p.name for p in (tmp_path / "usb").iterdir()) == ["copy.vault"]


def test_backup_into_a_folder_and_never_over_a_file(tmp_path: Path) -> None:
    path = filled(tmp_path / "a.vault")
    folder = tmp_path / "usb"
    folder.mkdir()
    with Vault.open(path, PASSPHRASE) as vault:
        first = copies.backup(vault, folder, PASSPHRASE)
        assert first.parent == folder
        before = first.read_bytes()
        with pytest.raises(InvalidInput, match="already exists"):
            copies.backup(vault, first, PASSPHRASE)
    assert first.read_bytes() == before


def test_change_passphrase(tmp_path: Path) -> None:
    path = filled(tmp_path / "a.vault")
    before = digest_of(path)
    vault = Vault.open(path, PASSPHRASE)
    copies.change_passphrase(vault, "новая фраза").close()
    with pytest.raises(WrongPassphrase):
        Vault.open(path, PASSPHRASE)
    assert digest_of(path, "новая фраза") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.vault"]


def test_change_passphrase_to_empty_is_refused_and_keeps_the_old_one(tmp_path: Path) -> None:
    path = filled(tmp_path / "a.vault")
    with Vault.open(path, PASSPHRASE) as vault, pytest.raises(InvalidInput):
        copies.change_passphrase(vault, "")
    assert digest_of(path)


def _add_flag_column(conn: Any) -> None:
    conn.execute("ALTER TABLE document ADD COLUMN flagged INTEGER NOT NULL DEFAULT 0")


def _broken(conn: Any) -> None:
    conn.execute("CREATE TABLE half_done (x)")
    raise RuntimeError("migration failed half way")


def test_migration_backs_up_first_then_upgrades(tmp_path: Path) -> None:
    path = filled(tmp_path / "a.vault")
    before = digest_of(path)
    current = ladder.latest_version()
    ladder_next = (*ladder.MIGRATIONS, _add_flag_column)
    with Vault.open(path, PASSPHRASE, migrations=ladder_next) as vault:
        assert vault.schema_version() == current + 1
        assert vault.read("SELECT flagged FROM document") == [(0,)]
    safety = tmp_path / f"a.vault.v{current}.bak"
    assert digest_of(safety) == before


def test_failed_migration_rolls_back(tmp_path: Path) -> None:
    path = filled(tmp_path / "a.vault")
    before = digest_of(path)
    with pytest.raises(RuntimeError):
        Vault.open(path, PASSPHRASE, migrations=(*ladder.MIGRATIONS, _broken))
    assert digest_of(path) == before


def test_vault_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "new.vault"
    with Vault.create(path, PASSPHRASE, migrations=(*ladder.MIGRATIONS, _add_flag_column)):
        pass
    data = path.read_bytes()
    with pytest.raises(VaultDamaged, match="newer version"):
        Vault.open(path, PASSPHRASE)
    assert path.read_bytes() == data


def test_check_reports_counts(tmp_path: Path) -> None:
    path = filled(tmp_path / "a.vault")
    with Vault.open(path, PASSPHRASE) as vault:
        report = copies.check(vault)
    assert report.ok
    assert (report.documents, report.steps_with_progress) == (1, 1)
    assert report.schema_version == ladder.latest_version()


def test_the_vault_stays_readable_during_a_long_backup(tmp_path: Path) -> None:
    """A 60 MB backup holds the vault only while its bytes are copied: reads from another thread
    (the window) go on while the copy is re-encrypted and verified."""
    import threading
    import time

    path = tmp_path / "big.vault"
    with Vault.create(path, PASSPHRASE) as vault:
        for i in range(6):
            vault.documents.add(os.urandom(10 * 1024 * 1024), kind="other", title=f"scan {i}")
        done = threading.Event()
        worker = threading.Thread(
            target=lambda: (copies.backup(vault, tmp_path / "copy.vault", PASSPHRASE), done.set())
        )
        started = time.monotonic()
        worker.start()
        slowest = 0.0
        reads = 0
        while not done.is_set() and time.monotonic() - started < 120:
            before = time.monotonic()
            vault.profile.load()
            slowest = max(slowest, time.monotonic() - before)
            reads += 1
            time.sleep(0.01)
        worker.join()
        took = time.monotonic() - started
    assert done.is_set() and (tmp_path / "copy.vault").exists()
    assert reads > 10
    assert slowest < took / 2, (slowest, took)  # held only for the raw copy, not the whole backup
    with Vault.open(tmp_path / "copy.vault", PASSPHRASE) as copy:
        assert len(copy.documents.list()) == 6


def test_a_save_during_a_passphrase_change_is_not_lost(tmp_path: Path) -> None:
    path = filled(tmp_path / "a.vault")
    with Vault.open(path, PASSPHRASE) as vault:
        original = copies._snapshot

        def snapshot_then_save(v: Vault) -> Path:
            taken = original(v)
            v.settings.set("saved meanwhile", "yes")  # after the snapshot, before the swap
            return taken

        copies._snapshot = snapshot_then_save  # type: ignore[assignment]
        try:
            reopened = copies.change_passphrase(vault, "new words for this vault", PASSPHRASE)
        finally:
            copies._snapshot = original  # type: ignore[assignment]
        with reopened:
            assert reopened.settings.get("saved meanwhile") == "yes"
    assert not [p for p in tmp_path.iterdir() if ".snapshot-" in p.name or ".rekey-" in p.name]
