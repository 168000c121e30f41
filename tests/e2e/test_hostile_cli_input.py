"""Bad input that once came out as "a bug" (exit 1 with no useful message): each is now a clear
one-line error with the right exit code, and nothing is lost."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import CliResult, cli_env, pw
from waystation.vault.connection import Vault

PASS = "hostile pass"
Cli = Callable[..., CliResult]
LEGACY = os.fsdecode(b"d\xe9j\xe0-vu.vault")  # Latin-1 bytes, not UTF-8: carries surrogates


def test_a_vault_name_in_a_legacy_encoding(cli: Cli, tmp_path: Path) -> None:
    created = cli("vault", "create", LEGACY, "--passphrase-stdin", stdin=pw(PASS))
    assert created.code == 0, created.err
    assert (tmp_path / LEGACY).exists()
    checked = cli("vault", "check", LEGACY, "--passphrase-stdin", stdin=pw(PASS))
    assert checked.code == 0, checked.err
    missing = cli("vault", "check", LEGACY + "x", "--passphrase-stdin", stdin=pw(PASS))
    assert missing.code == 2 and "no vault" in missing.err


def run_limited(args: list[str], stdin: str, home: Path, limit: int) -> subprocess.CompletedProcess[str]:
    def limit_file_size() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run(
        [sys.executable, "-m", "waystation", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=cli_env(home),
        cwd=home,
        preexec_fn=limit_file_size,
        timeout=120,
    )


@pytest.mark.parametrize("command", ["passwd", "backup"])
def test_a_file_size_limit_is_a_clear_error_and_loses_nothing(tmp_path: Path, command: str) -> None:
    vault = tmp_path / "big.vault"
    with Vault.create(vault, PASS) as opened:
        opened.documents.add(os.urandom(3 * 1024 * 1024), kind="other", title="big")
    before = vault.read_bytes()
    if command == "passwd":
        args, stdin = ["vault", "passwd", str(vault), "--passphrase-stdin"], pw(PASS, "another passphrase")
    else:
        args, stdin = (
            ["vault", "backup", str(vault), str(tmp_path / "copy.vault"), "--passphrase-stdin"],
            pw(PASS),
        )
    result = run_limited(args, stdin, tmp_path, 1024 * 1024)
    assert result.returncode == 1, result.stderr
    assert "bug" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert vault.read_bytes() == before
    with Vault.open(vault, PASS) as reopened:
        assert len(reopened.documents.list()) == 1
    assert not [
        p for p in tmp_path.iterdir() if p.name.startswith(".big.vault.") or p.name.startswith(".copy")
    ]
