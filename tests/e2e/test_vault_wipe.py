"""Quick wipe (``waystation vault wipe``): the vault, its journal and the copies beside it are
overwritten and deleted; a vault in use, a file that is not a vault and a read-only place are
refused with nothing deleted."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE, CliResult
from tests.e2e.test_vault_processes import holder, read_only
from waystation.errors import VaultDamaged
from waystation.vault import wipe as wiping
from waystation.vault.connection import Vault

__all__ = ["holder"]

CANARY = "Wipecanaryeva"


def filled_vault(folder: Path) -> Path:
    path = folder / "maria.vault"
    with Vault.create(path, PASSPHRASE) as vault:
        vault.documents.add(CANARY.encode() * 5000, kind="other", title=CANARY)
    return path


def test_wipe_removes_the_vault_and_its_companions(tmp_path: Path) -> None:
    path = filled_vault(tmp_path)
    companions = [
        tmp_path / "maria.vault.v1.bak",
        tmp_path / "maria.vault-journal",
        tmp_path / ".maria.vault.rekey-1a2b3c4d",
    ]
    for companion in companions:
        companion.write_bytes(b"\x00" * 4096)
    unrelated = tmp_path / "maria.vault.txt"
    unrelated.write_text("keep me")
    report = wiping.wipe(path)
    assert report.vault == path and set(report.removed) == {path, *companions}
    assert not any(p.exists() for p in (path, *companions))
    assert unrelated.read_text() == "keep me"


def test_wipe_overwrites_before_deleting(tmp_path: Path) -> None:
    """A hard link keeps the inode alive after the name is gone: what it holds afterwards is what
    the wipe wrote over the vault."""
    path = filled_vault(tmp_path)
    before = path.read_bytes()
    keep = tmp_path / "inode-witness"
    os.link(path, keep)
    wiping.wipe(path)
    after = keep.read_bytes()
    assert len(after) == len(before)
    assert after[:16] != before[:16]  # the salt is gone: no passphrase derives the key again
    same = sum(1 for a, b in zip(before, after, strict=True) if a == b)
    assert same < len(before) // 100  # random bytes everywhere, not a copy


def test_a_file_that_is_not_a_vault_is_refused_untouched(tmp_path: Path) -> None:
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 10000)
    with pytest.raises(VaultDamaged, match="nothing was deleted"):
        wiping.wipe(photo)
    assert photo.read_bytes().startswith(b"\xff\xd8\xff")


def test_cli_wipe(cli: Callable[..., CliResult], tmp_path: Path) -> None:
    path = filled_vault(tmp_path)
    config = tmp_path / "home" / "config" / "waystation"
    config.mkdir(parents=True)
    (config / "settings.json").write_text(
        json.dumps({"remember_recent": True, "recent_vaults": [str(path), "/elsewhere.vault"]})
    )
    refused = cli("vault", "wipe", str(path))  # no terminal, no --yes
    assert refused.code == 2 and "--yes" in refused.err and path.exists()
    done = cli("vault", "wipe", str(path), "--yes")
    assert done.code == 0, done.err
    assert "Wiped" in done.out and not path.exists()
    settings = json.loads((config / "settings.json").read_text())
    assert settings["recent_vaults"] == ["/elsewhere.vault"]
    again = cli("vault", "wipe", str(path), "--yes")
    assert again.code == 2 and "no vault" in again.err


def test_cli_wipe_refuses_a_vault_in_use(
    cli: Callable[..., CliResult],
    tmp_path: Path,
    holder: Callable[[Path], subprocess.Popen[str]],
) -> None:
    path = filled_vault(tmp_path)
    before = path.read_bytes()
    holder(path)
    result = cli("vault", "wipe", str(path), "--yes")
    assert result.code == 5 and "Nothing was deleted" in result.err
    assert path.read_bytes() == before


def test_cli_wipe_refuses_what_is_not_a_vault(cli: Callable[..., CliResult], tmp_path: Path) -> None:
    document = tmp_path / "scan.pdf"
    document.write_bytes(b"%PDF-1.7\n" + b"x" * 8183)
    result = cli("vault", "wipe", str(document), "--yes")
    assert result.code == 4 and "nothing was deleted" in result.err
    assert document.exists()


def test_cli_wipe_on_a_read_only_place_deletes_nothing(cli: Callable[..., CliResult], tmp_path: Path) -> None:
    folder = tmp_path / "stick"
    folder.mkdir()
    path = filled_vault(folder)
    before = path.read_bytes()
    with read_only(folder):
        result = cli("vault", "wipe", str(path), "--yes")
        assert result.code == 1 and "nothing was deleted" in result.err
        assert path.read_bytes() == before
