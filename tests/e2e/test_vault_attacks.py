"""Findings of the attack pass on the vault (issue 12): a wrong passphrase after a crash changes
nothing, a symlinked vault keeps working through a passphrase change, and what a killed
passphrase change or backup leaves behind is cleaned up."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE, CliResult, pw
from tests.faults.support import crashed_mid_write, fingerprint
from waystation.errors import WrongPassphrase
from waystation.vault import copies
from waystation.vault.connection import Vault


def test_a_wrong_passphrase_after_a_crash_changes_nothing(tmp_path: Path) -> None:
    path = crashed_mid_write(tmp_path)
    journal = path.with_name(path.name + "-journal")
    before, journal_before = fingerprint(path), fingerprint(journal)
    for _attempt in range(5):
        with pytest.raises(WrongPassphrase):
            Vault.open(path, "not the passphrase")
    assert fingerprint(path) == before and fingerprint(journal) == journal_before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["crashed.vault", "crashed.vault-journal"]
    with Vault.open(path, PASSPHRASE) as vault:  # the right one rolls back to the last commit
        assert vault.settings.get("kept") == "yes"
        assert vault.read("SELECT count(*) FROM setting WHERE key GLOB 'k[0-9]*'") == [(0,)]
    assert not journal.exists() or journal.stat().st_size == 0


def test_passwd_on_a_symlinked_vault_changes_the_real_file(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    real = tmp_path / "data" / "real.vault"
    real.parent.mkdir()
    with Vault.create(real, PASSPHRASE):
        pass
    link = tmp_path / "link.vault"
    link.symlink_to(real)
    result = cli(
        "vault", "passwd", str(link), "--passphrase-stdin", stdin=pw(PASSPHRASE, "a brand new passphrase")
    )
    assert result.code == 0, result.err
    assert link.is_symlink() and link.resolve() == real
    with pytest.raises(WrongPassphrase):
        Vault.open(real, PASSPHRASE)
    with Vault.open(link, "a brand new passphrase"):
        pass


def test_leftovers_of_killed_operations_are_removed_on_the_next_open(tmp_path: Path) -> None:
    path = tmp_path / "v.vault"
    with Vault.create(path, PASSPHRASE):
        pass
    leftovers = [
        tmp_path / ".v.vault.rekey-0123abcd",
        tmp_path / ".v.vault.rekey-0123abcd-journal",
        tmp_path / ".v.vault.v1.bak.premigration-89abcdef",
        tmp_path / ".v.vault.keyproof-00ff00ff",
    ]
    for leftover in leftovers:
        leftover.write_bytes(b"\x00" * 4096)
    other = tmp_path / ".other.vault.rekey-0123abcd"
    other.write_bytes(b"\x00" * 4096)
    with Vault.open(path, PASSPHRASE):
        pass
    assert not any(p.exists() for p in leftovers)
    assert other.exists()  # another vault's: not ours to remove


def test_a_killed_backup_leaves_nothing_after_the_next_backup(tmp_path: Path) -> None:
    path = tmp_path / "v.vault"
    dest = tmp_path / "stick"
    dest.mkdir()
    with Vault.create(path, PASSPHRASE) as vault:
        target = dest / "copy.vault"
        stale = dest / ".copy.vault.backup-deadbeef"
        stale.write_bytes(b"\x00" * 4096)
        (dest / ".copy.vault.backup-deadbeef-journal").write_bytes(b"\x00" * 512)
        copies.backup(vault, target, PASSPHRASE)
    assert sorted(p.name for p in dest.iterdir()) == ["copy.vault"]
